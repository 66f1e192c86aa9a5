/* test-importer.c — how an import runs: a dry run, a preview, cancelled
 * halfway, and in a thread with its progress in the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import-test-support.h"

static void
test_dry_run (CsvTestStore  *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("name\nAcme\nBeta\n", 15);
  g_autoptr(OvImporter) importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes, NULL);
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *before = csv_test_dump (fixture->store);
  g_autofree char *after = NULL;

  ov_importer_set_dry_run (importer, TRUE);
  result = ov_importer_run (importer, fixture->store, NULL, NULL, NULL, NULL);
  g_assert_true (ov_import_result_get_dry_run (result));
  g_assert_false (ov_import_result_get_applied (result));
  assert_counts (result, 2, 0, 0, 0);
  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_preview (CsvTestStore  *fixture,
              gconstpointer  data)
{
  const char *text = "Company;Annual Revenue;Phone;Close\r\n"
                     "Acme;$10;555;2026-01-01\r\n"
                     "Beta;ten;556;\r\n"
                     "acme;$12;557;\r\n"
                     "Delta;1;558;\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(OvImporter) importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes, NULL);
  g_autoptr(OvImportPreview) preview = NULL;
  g_autoptr(OvImportPreview) overridden = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = csv_test_dump (fixture->store);
  g_autofree char *after = NULL;
  const OvCsvProblem *problem;

  preview = ov_importer_preview (importer, fixture->store, 3, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (ov_import_preview_get_delimiter (preview), ==, ';');
  g_assert_cmpint (ov_import_preview_get_encoding (preview), ==, OV_CSV_ENCODING_UTF8);
  g_assert_cmpuint (ov_import_preview_get_n_columns (preview), ==, 4);
  g_assert_cmpstr (ov_import_preview_get_column_name (preview, 0), ==, "Company");
  g_assert_cmpstr (ov_import_preview_get_column_field (preview, 0), ==, "name");
  g_assert_cmpstr (ov_import_preview_get_column_field (preview, 1), ==, "arr");
  g_assert_null (ov_import_preview_get_column_field (preview, 2));
  g_assert_null (ov_import_preview_get_column_field (preview, 3));
  g_assert_false (ov_import_preview_get_column_is_set (preview, 3));

  /* The two columns left out are named in one warning, at the first. */
  g_assert_cmpuint (ov_import_preview_get_n_problems (preview), ==, 1);
  problem = ov_import_preview_get_problem (preview, 0);
  g_assert_true (problem->warning);
  g_assert_cmpuint (problem->column, ==, 24);
  g_assert_cmpstr (problem->message, ==,
                   "2 columns are not imported, as no field of accounts has their names: "
                   "“Phone”, “Close”");

  g_assert_cmpuint (ov_import_preview_get_n_rows (preview), ==, 3);
  g_assert_cmpuint (ov_import_preview_get_row_line (preview, 1), ==, 3);
  g_assert_cmpstr (ov_import_preview_get_cell (preview, 1, 1), ==, "ten");
  g_assert_cmpint (ov_import_preview_get_row_action (preview, 0), ==, OV_IMPORT_ACTION_CREATE);
  g_assert_cmpint (ov_import_preview_get_row_action (preview, 1), ==, OV_IMPORT_ACTION_REJECT);
  /* The third row names the first one's account again: which of the two
   * to believe cannot be told. */
  g_assert_cmpint (ov_import_preview_get_row_action (preview, 2), ==, OV_IMPORT_ACTION_REJECT);
  problem = ov_import_preview_get_row_problem (preview, 2, 0);
  g_assert_cmpstr (problem->message, ==,
                   "Company: the account “acme” is on an earlier row of this file too");
  g_assert_cmpuint (ov_import_preview_get_row_n_problems (preview, 0), ==, 0);
  g_assert_cmpuint (ov_import_preview_get_row_n_problems (preview, 1), ==, 1);
  problem = ov_import_preview_get_row_problem (preview, 1, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpuint (problem->column, ==, 6);
  g_assert_cmpstr (problem->message, ==, "Annual Revenue: “ten” is not an amount of money");
  g_assert_cmpuint (ov_import_result_get_n_created (ov_import_preview_get_result (preview)), ==, 1);

  /* The user maps "Close" to the close date and leaves Annual Revenue out. */
  ov_importer_set_column_field (importer, 3, "close_date");
  ov_importer_set_column_field (importer, 1, NULL);
  overridden = ov_importer_preview (importer, fixture->store, 10, NULL, &error);
  g_assert_cmpstr (ov_import_preview_get_column_field (overridden, 3), ==, "close_date");
  g_assert_true (ov_import_preview_get_column_is_set (overridden, 3));
  g_assert_null (ov_import_preview_get_column_field (overridden, 1));
  g_assert_cmpuint (ov_import_preview_get_n_rows (overridden), ==, 4);
  g_assert_cmpint (ov_import_preview_get_row_action (overridden, 1), ==, OV_IMPORT_ACTION_CREATE);

  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* A file without a header still gives a preview: no columns, and why. */
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("\r\n\r\n", 4);
    g_autoptr(OvImporter) nothing = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, empty, NULL);
    g_autoptr(OvImportPreview) blank = ov_importer_preview (nothing, fixture->store, 5, NULL,
                                                            &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ov_import_preview_get_n_columns (blank), ==, 0);
    g_assert_cmpuint (ov_import_preview_get_n_rows (blank), ==, 0);
    g_assert_cmpuint (ov_import_preview_get_n_problems (blank), ==, 1);
    problem = ov_import_preview_get_problem (blank, 0);
    g_assert_cmpuint (problem->line, ==, 3);
    g_assert_cmpstr (problem->message, ==,
                     "the file is empty: a header row naming the columns is needed");
  }
}

static void
cancel_halfway (double   fraction,
                gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (CsvTestStore  *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("external_id,name\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (ov_sample_generate (fixture->store, 10, 1, ov_date_today (), NULL));
  before = csv_test_dump (fixture->store);

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (text, "C-%u,Cancelled %u\n", i, i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes, NULL);

  result = ov_importer_run (importer, fixture->store, cancel_halfway, cancellable, cancellable,
                            &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  GMainLoop      *loop;
  OvImportResult *result;
  GError         *error;
  GArray         *fractions;
  guint           changed;
} AsyncState;

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_array_append_val (state->fractions, fraction);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = ov_importer_run_finish (OV_IMPORTER (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
count_change (OvStore    *store,
              const char *what,
              gpointer    user_data)
{
  AsyncState *state = user_data;

  if (g_strcmp0 (what, "accounts") == 0)
    state->changed++;
}

/* As the import dialog runs it: in a thread, progress in the main loop. */
static void
test_async (CsvTestStore  *fixture,
            gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("external_id,name\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autofree char *count = NULL;
  AsyncState state = { 0 };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "T-%u,Threaded %u\n", i, i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes, NULL);

  state.loop = g_main_loop_new (NULL, FALSE);
  state.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_change), &state);

  ov_importer_run_async (importer, fixture->store, record_progress, &state, NULL, NULL,
                         import_done, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  assert_counts (state.result, 20000, 0, 0, 0);
  g_assert_cmpuint (state.changed, ==, 1);
  g_assert_cmpuint (state.fractions->len, >, 2);
  g_assert_cmpfloat (g_array_index (state.fractions, double, state.fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < state.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (state.fractions, double, i), >,
                       g_array_index (state.fractions, double, i - 1));

  count = csv_test_query (fixture->store, "SELECT count(*) FROM accounts");
  g_assert_cmpstr (count, ==, "20000\n");

  g_clear_object (&state.result);
  g_array_unref (state.fractions);
  g_main_loop_unref (state.loop);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, CsvTestStore, NULL, csv_test_store_set_up, func, csv_test_store_tear_down)

  ADD ("/import/dry-run", test_dry_run);
  ADD ("/import/preview", test_preview);
  ADD ("/import/cancel", test_cancel);
  ADD ("/import/async", test_async);

  return g_test_run ();
}
