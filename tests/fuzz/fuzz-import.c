/* fuzz-import.c — libFuzzer target over the CSV import path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first two bytes of an input choose how to import the rest, each
 * option from bits of its own, so that every combination is reachable:
 *
 *   byte 0  bits 0-1  kind (accounts, people, tasks, metrics)
 *           bits 2-3  preview, dry run, import (twice: then undo it)
 *           bits 4-5  delimiter (detect, ',', ';', tab)
 *           bit  6    skip invalid rows
 *           bit  7    into an empty database rather than one with accounts
 *                     (an empty accounts table takes the batch path that
 *                     looks nothing up)
 *   byte 1  bits 0-1  encoding (detect, UTF-8, Windows-1252, detect)
 *           bits 2-3  date order (decide per column, DMY, MDY, per column)
 *           bits 4-7  rows to preview, less one
 *
 * Everything else is the CSV text. An import applied for real is undone
 * at once, so each database keeps its size and the empty one stays empty.
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer); the same function
 * runs over tests/fuzz/corpus and tests/fuzz/regressions in every build
 * (tests/import/test-fuzz-inputs.c).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "ov-core.h"
#include "ov-fuzz.h"

unsigned int ov_fuzz_n_run;

static OvStore *stores[2];
static char *dirs[2];

/* Closes both databases and removes their folders (the fuzzer ends through
 * exit() after -runs or -max_total_time; a crash leaves them behind). */
static void
remove_stores (void)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      g_clear_object (&stores[i]);
      if (dirs[i] == NULL)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (suffixes); j++)
        {
          g_autofree char *path = g_strconcat (dirs[i], "/fuzz.db", suffixes[j], NULL);

          g_unlink (path);
        }
      g_rmdir (dirs[i]);
      g_clear_pointer (&dirs[i], g_free);
    }
}

/* Every input that imports for real switches the journal twice (to a
 * rollback journal and back to WAL) and commits with synchronous=FULL: on a
 * disk, waiting for fsync took most of the time, not the code under test.
 * The databases go to /dev/shm (memory) when there is one, else $TMPDIR. */
static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK | X_OK) == 0)
    {
      dir = g_build_filename ("/dev/shm", "overture-fuzz-XXXXXX", NULL);
      if (g_mkdtemp (dir) != NULL)
        return dir;
      g_free (dir);
    }

  dir = g_dir_make_tmp ("overture-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static OvStore *
get_store (gboolean empty)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (stores[empty] != NULL)
    return stores[empty];

  /* A warning or critical anywhere is a finding too. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (dirs[0] == NULL && dirs[1] == NULL)
    atexit (remove_stores);
  dirs[empty] = make_dir ();
  path = g_build_filename (dirs[empty], "fuzz.db", NULL);
  stores[empty] = ov_store_open (path, &error);
  g_assert_no_error (error);

  /* Accounts for people, tasks and metrics to refer to, and for updates. */
  if (!empty)
    {
      g_assert_true (ov_sample_generate (stores[empty], 20, 1, ov_date_from_ymd (2026, 3, 2),
                                         &error));
      g_assert_no_error (error);
    }

  return stores[empty];
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  static const OvCsvEncoding encodings[] = {
    OV_CSV_ENCODING_AUTO, OV_CSV_ENCODING_UTF8, OV_CSV_ENCODING_WINDOWS_1252, OV_CSV_ENCODING_AUTO
  };
  static const OvDateOrder date_orders[] = {
    OV_DATE_ORDER_AUTO, OV_DATE_ORDER_DMY, OV_DATE_ORDER_MDY, OV_DATE_ORDER_AUTO
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  OvStore *store;
  OvCsvKind kind;
  gint64 n_accounts;
  guint mode, max_rows;

  if (size < 2)
    return 0;

  kind = data[0] & 3;
  mode = (data[0] >> 2) & 3;
  store = get_store ((data[0] & 0x80) != 0);
  max_rows = 1 + (data[1] >> 4);
  bytes = g_bytes_new (data + 2, size - 2);
  ov_fuzz_n_run++;

  importer = ov_importer_new_for_bytes (kind, bytes, "fuzz.csv");
  ov_importer_set_delimiter (importer, delimiters[(data[0] >> 4) & 3]);
  ov_importer_set_skip_invalid (importer, (data[0] & 0x40) != 0);
  ov_importer_set_encoding (importer, encodings[data[1] & 3]);
  ov_importer_set_date_order (importer, date_orders[(data[1] >> 2) & 3]);

  n_accounts = ov_store_count_accounts (store, &error);
  g_assert_no_error (error);

  switch (mode)
    {
    case 0:
      /* Whatever the text, only a failing database may stop an import. */
      preview = ov_importer_preview (importer, store, max_rows, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ov_import_preview_get_n_rows (preview), <=, max_rows);
      for (guint row = 0; row < ov_import_preview_get_n_rows (preview); row++)
          for (guint column = 0; column < ov_import_preview_get_n_columns (preview) + 1; column++)
            g_assert_nonnull (ov_import_preview_get_cell (preview, row, column));
      break;

    case 1:
      ov_importer_set_dry_run (importer, TRUE);
      G_GNUC_FALLTHROUGH;
    case 2:
    case 3:
    default:
      result = ov_importer_run (importer, store, NULL, NULL, NULL, &error);
      g_assert_no_error (error);

      /* What was listed must be within what was found. */
      g_assert_cmpuint (ov_import_result_get_n_problems (result), <=,
                        ov_import_result_get_n_errors (result) +
                        ov_import_result_get_n_warnings (result));
      for (guint i = 0; i < ov_import_result_get_n_problems (result); i++)
        {
          const OvCsvProblem *problem = ov_import_result_get_problem (result, i);

          g_assert_cmpuint (problem->line, >=, 1);
          g_assert_cmpuint (problem->column, >=, 1);
          g_assert_true (g_utf8_validate (problem->message, -1, NULL));
        }

      if (mode == 1)
        g_assert_false (ov_import_result_get_applied (result));

      if (ov_import_result_get_applied (result) && ov_import_result_get_batch_id (result) > 0)
        {
          g_assert_true (ov_store_undo_import (store, ov_import_result_get_batch_id (result),
                                               NULL, NULL, &error));
          g_assert_no_error (error);
        }
      break;
    }

  /* A preview and a dry run change nothing; an import undone neither. */
  g_assert_cmpint (ov_store_count_accounts (store, &error), ==, n_accounts);
  g_assert_no_error (error);

  return 0;
}
