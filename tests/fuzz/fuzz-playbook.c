/* fuzz-playbook.c — libFuzzer target over the playbook file import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole input is a playbook file, read the way the app imports one
 * (ov_playbook_new_from_json, then stored as ov_store_import_playbook
 * does). Whatever the bytes: either a playbook or an error of the
 * playbook domain with a readable message, never both and never neither;
 * a playbook that was read writes out as JSON that reads back the same,
 * and stores (in a transaction rolled back, so the database stays small).
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer); the same function
 * runs over tests/fuzz/corpus/playbook and tests/fuzz/regressions/playbook
 * in every build (tests/import/test-fuzz-inputs.c).
 */

#include "config.h"

#include "ov-core.h"
#include "ov-fuzz.h"

unsigned int ov_fuzz_n_run;

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

  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(OvPlaybook) playbook = NULL;
  g_autoptr(OvPlaybook) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize length = 0, length_again = 0;
  OvStore *db = get_store ();

  ov_fuzz_n_run++;

  playbook = ov_playbook_new_from_json ((const char *)data, size, &error);
  if (playbook == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == OV_PLAYBOOK_ERROR);
      g_assert_nonnull (error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
      return 0;
    }
  g_assert_no_error (error);

  /* What was read is what a file written from it says. */
  json = ov_playbook_to_json (playbook, &length);
  g_assert_nonnull (json);
  again = ov_playbook_new_from_json (json, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  json_again = ov_playbook_to_json (again, &length_again);
  g_assert_cmpstr (json_again, ==, json);

  /* A playbook the file check accepted, the store accepts too. */
  g_assert_true (ov_store_transaction_begin (db, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_save_playbook (db, playbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_playbook_get_id (playbook), >, 0);
  ov_store_transaction_rollback (db);

  return 0;
}
