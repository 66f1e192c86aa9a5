/* test-export.c — exporting: columns of every kind, numbers that stay
 * numbers, files replaced whole or not at all, the async export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv-test-support.h"

typedef struct
{
  OvStore *store;
  char    *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(OvImportResult) accounts = NULL;
  g_autoptr(OvImportResult) people = NULL;
  g_autoptr(OvImportResult) tasks = NULL;
  g_autoptr(OvImportResult) metrics = NULL;
  g_autoptr(OvImportResult) stages = NULL;

  g_setenv ("OVERTURE_TODAY", "2026-03-02", TRUE);
  fixture->store = ov_test_new_store (&fixture->dir);

  accounts = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                              "external_id,name,arr,currency,stage,status,close_date,notes\n"
                              "A-1,Acme,1200.5,EUR,kickoff,active,2026-01-10,-3 dB\n"
                              "A-2,\"Beta; Gamma\",0,USD,embark,paused,,\n",
                              OV_DATE_ORDER_AUTO, FALSE);
  people = csv_test_import (fixture->store, OV_CSV_KIND_PEOPLE,
                            "account_external_id,name,email,roles\n"
                            "A-1,Ada,ada@acme.test,admin;champion\n"
                            "A-1,Priya,,csm\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  tasks = csv_test_import (fixture->store, OV_CSV_KIND_TASKS,
                           "account_external_id,stage,title,role,due_date,done_date\n"
                           "A-1,kickoff,=Agree on go-live,csm,2026-02-01,2026-02-03\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  metrics = csv_test_import (fixture->store, OV_CSV_KIND_METRICS,
                             "account_external_id,metric,value,measured_on,baseline\n"
                             "A-1,score,-12.5,2026-01-01,yes\n"
                             "A-1,score,0.1,2026-02-01,no\n",
                             OV_DATE_ORDER_AUTO, FALSE);
  /* A stage change through an import is a stage event. */
  stages = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,stage\nA-1,adopt\n", OV_DATE_ORDER_AUTO, FALSE);
  g_assert_cmpuint (ov_import_result_get_n_updated (stages), ==, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_kinds (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *accounts = csv_test_export (fixture->store, OV_CSV_KIND_ACCOUNTS);
  g_autofree char *people = csv_test_export (fixture->store, OV_CSV_KIND_PEOPLE);
  g_autofree char *tasks = csv_test_export (fixture->store, OV_CSV_KIND_TASKS);
  g_autofree char *metrics = csv_test_export (fixture->store, OV_CSV_KIND_METRICS);
  g_autofree char *events = csv_test_export (fixture->store, OV_CSV_KIND_STAGE_EVENTS);

  g_assert_cmpstr (accounts, ==,
                   "external_id,name,segment,owner,sales_owner,arr,currency,stage,status,"
                   "close_date,kickoff_date,golive_date,first_value_date,first_value_milestone,"
                   "package,notes,churned_on\r\n"
                   "A-1,Acme,,,,1200.50,EUR,adopt,active,2026-01-10,,,,,,'-3 dB,\r\n"
                   "A-2,Beta; Gamma,,,,0,USD,embark,paused,,,,,,,,\r\n");
  g_assert_cmpstr (people, ==,
                   "account_external_id,account,name,email,side,roles\r\n"
                   "A-1,Acme,Ada,ada@acme.test,customer,admin;champion\r\n"
                   "A-1,Acme,Priya,,internal,csm\r\n");
  /* The imported task, neutralised, among the playbook's tasks of the
   * stages the imports entered (Kickoff, then Adopt). */
  g_assert_true (g_str_has_prefix (tasks, "account_external_id,account,stage,title,description,"
                                          "role,due_date,done_date\r\n"));
  g_assert_nonnull (strstr (tasks, "\r\nA-1,Acme,kickoff,'=Agree on go-live,,csm,2026-02-01,"
                                   "2026-02-03\r\n"));
  g_assert_nonnull (strstr (tasks, "\r\nA-1,Acme,adopt,Train the administrators,"));
  g_assert_null (strstr (tasks, "\r\nA-2,"));
  /* Numbers stay numbers, the negative one too. */
  g_assert_cmpstr (metrics, ==,
                   "account_external_id,account,metric,value,measured_on,baseline,note\r\n"
                   "A-1,Acme,score,-12.5,2026-01-01,yes,\r\n"
                   "A-1,Acme,score,0.1,2026-02-01,no,\r\n");
  g_assert_cmpstr (events, ==,
                   "account_external_id,account,stage,from_stage,kind,happened_on,note\r\n"
                   "A-1,Acme,kickoff,,enter,2026-03-02,\r\n"
                   "A-1,Acme,adopt,kickoff,enter,2026-03-02,\r\n"
                   "A-2,Beta; Gamma,embark,,enter,2026-03-02,\r\n");
}

static void
test_options (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(OvExporter) exporter = ov_exporter_new (OV_CSV_KIND_ACCOUNTS);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ov_exporter_set_excel (exporter, TRUE);
  ov_exporter_set_delimiter (exporter, ';');
  g_assert_true (ov_exporter_write_stream (exporter, fixture->store, stream, NULL, NULL, NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ov_exporter_get_n_rows (exporter), ==, 2);

  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "external_id;name;segment;"));
  /* With ';' between fields, a name holding one is quoted. */
  g_assert_nonnull (strstr (text, "\r\nA-2;\"Beta; Gamma\";;;;0;USD;"));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

static void
cancel_at_once (double   fraction,
                gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* A file is replaced only by a whole export: cancelled, the old one stays
 * and no temporary file is left behind. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "accounts.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OvExporter) exporter = ov_exporter_new (OV_CSV_KIND_ACCOUNTS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected = csv_test_export (fixture->store, OV_CSV_KIND_ACCOUNTS);
  g_autoptr(GString) many = g_string_new ("name\n");
  g_autoptr(OvImportResult) result = NULL;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old contents\n", -1, NULL));

  g_assert_true (ov_exporter_write_file (exporter, fixture->store, file, NULL, NULL, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (count_files (out_dir), ==, 1);

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (many, "Account %u\n", i);
  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, many->str, OV_DATE_ORDER_AUTO,
                            FALSE);

  g_assert_false (ov_exporter_write_file (exporter, fixture->store, file, cancel_at_once,
                                          cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, expected);
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  g_clear_error (&error);

  /* A folder that does not exist: an error, nothing written. */
  {
    g_autoptr(GFile) nowhere = g_file_new_build_filename (fixture->dir, "no", "such.csv", NULL);

    g_autofree char *where = g_file_get_parse_name (nowhere);

    g_assert_false (ov_exporter_write_file (exporter, fixture->store, nowhere, NULL, NULL, NULL,
                                            &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    /* The message names the file the user chose, not a temporary one. */
    g_assert_nonnull (strstr (error->message, where));
    g_assert_null (strstr (error->message, ".part"));
  }
}

/* An export over a file keeps the file's mode (someone made it 0600, or
 * shares it with a group as 0640); a new file is 0600 like the database,
 * whatever the umask, since it holds the same customer data. */
static void
test_modes (Fixture       *fixture,
            gconstpointer  data)
{
  static const guint kept[] = { 0600, 0640, 0644 };
  static const mode_t umasks[] = { 0, 0022, 0077 };
  g_autoptr(OvExporter) exporter = ov_exporter_new (OV_CSV_KIND_ACCOUNTS);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *name = g_strdup_printf ("kept-%o.csv", kept[i]);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, "old contents\n", -1, NULL));
      g_assert_cmpint (g_chmod (path, kept[i]), ==, 0);
      g_assert_true (ov_exporter_write_file (exporter, fixture->store, file, NULL, NULL, NULL,
                                             &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ov_test_file_mode (path), ==, kept[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (umasks); i++)
    {
      g_autofree char *name = g_strdup_printf ("new-%o.csv", (guint)umasks[i]);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      mode_t before = umask (umasks[i]);
      gboolean ok;

      ok = ov_exporter_write_file (exporter, fixture->store, file, NULL, NULL, NULL, &error);
      umask (before);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (ov_test_file_mode (path), ==, 0600);
    }
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      n_progress;
  double     last;
} AsyncState;

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (fraction, >, state->last);
  state->last = fraction;
  state->n_progress++;
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = ov_exporter_write_file_finish (OV_EXPORTER (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "async.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OvExporter) exporter = ov_exporter_new (OV_CSV_KIND_ACCOUNTS);
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GString) many = g_string_new ("name\n");
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  AsyncState state = { 0 };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (many, "Account %u\n", i);
  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, many->str, OV_DATE_ORDER_AUTO,
                            FALSE);
  expected = csv_test_export (fixture->store, OV_CSV_KIND_ACCOUNTS);

  state.loop = g_main_loop_new (NULL, FALSE);
  ov_exporter_write_file_async (exporter, fixture->store, file, record_progress, &state, NULL,
                                NULL, export_done, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.n_progress, >, 2);
  g_assert_cmpfloat (state.last, ==, 1.0);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  g_main_loop_unref (state.loop);
}

static void
test_batches (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) batches = ov_store_list_import_batches (fixture->store, NULL);
  const OvImportBatch *newest;

  g_assert_cmpuint (batches->len, ==, 5);
  newest = g_ptr_array_index (batches, 0);
  g_assert_cmpint (newest->id, ==, 5);
  g_assert_cmpint (newest->kind, ==, OV_CSV_KIND_ACCOUNTS);
  g_assert_cmpstr (newest->source, ==, "test.csv");
  g_assert_cmpuint (newest->n_updated, ==, 1);
  g_assert_null (newest->undone_at);
  g_assert_cmpint (((OvImportBatch *)g_ptr_array_index (batches, 1))->kind, ==,
                   OV_CSV_KIND_METRICS);

  g_assert_true (ov_store_undo_import (fixture->store, 5, NULL, NULL, NULL));
  g_clear_pointer (&batches, g_ptr_array_unref);
  batches = ov_store_list_import_batches (fixture->store, NULL);
  g_assert_nonnull (((OvImportBatch *)g_ptr_array_index (batches, 0))->undone_at);
}

static gpointer
read_whole_file (gpointer data)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (data, &contents, NULL, NULL));
  return contents;
}

/* A pipe (or a device such as /dev/null) is written as it is, and a
 * symbolic link stays a link: the export never renames a plain file over
 * either of them. */
static void
test_special_destinations (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.csv", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "real.csv", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.csv", NULL);
  g_autofree char *expected = csv_test_export (fixture->store, OV_CSV_KIND_ACCOUNTS);
  g_autoptr(OvExporter) exporter = ov_exporter_new (OV_CSV_KIND_ACCOUNTS);
  g_autoptr(GError) error = NULL;
  guint n_before = count_files (fixture->dir);
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  {
    g_autoptr(GFile) file = g_file_new_for_path (fifo);
    GThread *reader = g_thread_new ("fifo-reader", read_whole_file, fifo);
    g_autofree char *received = NULL;

    g_assert_true (ov_exporter_write_file (exporter, fixture->store, file, NULL, NULL, NULL,
                                           &error));
    g_assert_no_error (error);
    received = g_thread_join (reader);
    g_assert_cmpstr (received, ==, expected);
    g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
  }

  g_assert_true (g_file_set_contents (target, "old contents\n", -1, NULL));
  g_assert_cmpint (symlink ("real.csv", link), ==, 0);
  {
    g_autoptr(GFile) file = g_file_new_for_path (link);
    g_autofree char *written = NULL;

    g_assert_true (ov_exporter_write_file (exporter, fixture->store, file, NULL, NULL, NULL,
                                           &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_lstat (link, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
    g_assert_true (g_file_get_contents (target, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, expected);
    /* Only the pipe, the link and its target: no temporary file was left. */
    g_assert_cmpuint (count_files (fixture->dir), ==, n_before + 3);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export/kinds", test_kinds);
  ADD ("/export/options", test_options);
  ADD ("/export/replace", test_replace);
  ADD ("/export/special-destinations", test_special_destinations);
  ADD ("/export/modes", test_modes);
  ADD ("/export/async", test_async);
  ADD ("/export/batches", test_batches);

  return g_test_run ();
}
