/* fuzz-import.c — libFuzzer target over the CSV import path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte of an input chooses how to import the rest: which kind,
 * delimiter, encoding and date order, whether to skip invalid rows, and
 * whether to preview, dry-run or import for real (then undo it, so the
 * database stays small). Everything else is the CSV text.
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer); the same function
 * runs over tests/fuzz/corpus and tests/fuzz/regressions in every build
 * (tests/csv/test-fuzz-inputs.c).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>

#include "ov-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static OvStore *store;

static OvStore *
get_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return store;

  /* A warning or critical anywhere is a finding too. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  dir = g_dir_make_tmp ("overture-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.db", NULL);
  store = ov_store_open (path, &error);
  g_assert_no_error (error);

  /* Accounts for people, tasks and metrics to refer to, and for updates. */
  g_assert_true (ov_sample_generate (store, 20, 1, ov_date_from_ymd (2026, 3, 2), &error));
  g_assert_no_error (error);

  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  OvCsvKind kind;
  guint8 options;
  guint mode;

  if (size < 1)
    return 0;

  options = data[0];
  kind = options & 3;
  mode = (options >> 2) & 3;
  bytes = g_bytes_new (data + 1, size - 1);

  importer = ov_importer_new_for_bytes (kind, bytes, "fuzz.csv");
  ov_importer_set_delimiter (importer, delimiters[(options >> 4) & 3]);
  ov_importer_set_encoding (importer, (options >> 6) % 3);
  ov_importer_set_date_order (importer, (options >> 5) % 3);
  ov_importer_set_skip_invalid (importer, (options & 0x80) != 0);

  switch (mode)
    {
    case 0:
      /* Whatever the text, only a failing database may stop an import. */
      preview = ov_importer_preview (importer, get_store (), 1 + options % 7, NULL, &error);
      g_assert_no_error (error);
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
      result = ov_importer_run (importer, get_store (), NULL, NULL, NULL, &error);
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

      if (ov_import_result_get_applied (result) && ov_import_result_get_batch_id (result) > 0)
        {
          g_assert_true (ov_store_undo_import (get_store (), ov_import_result_get_batch_id (result),
                                               NULL, NULL, &error));
          g_assert_no_error (error);
        }
      break;
    }

  return 0;
}
