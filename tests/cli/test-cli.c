/* test-cli.c — overture-cli import, export, undo-import and generate, as
 * scripts see them: exit statuses, stdout, stderr
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "csv-test-support.h"
#include "ov-store-private.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ov_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "cli.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Runs overture-cli with the arguments (NULL-terminated); returns its exit
 * status and what it wrote. */
static int
run_cli_v (char        **out,
           char        **err,
           const char   *first,
           va_list       args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("OVERTURE_CLI");
  char *stdout_text = NULL, *stderr_text = NULL;
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer)cli);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  /* Tests reuse one variable for several runs: replace what it held. */
  if (out != NULL)
    {
      g_free (*out);
      *out = stdout_text;
    }
  else
    g_free (stdout_text);
  if (err != NULL)
    {
      g_free (*err);
      *err = stderr_text;
    }
  else
    g_free (stderr_text);

  return WEXITSTATUS (status);
}

static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_v (out, err, first, args);
  va_end (args);

  return status;
}

static char *
dump_db (const char *path)
{
  g_autoptr(OvStore) store = ov_store_open (path, NULL);

  g_assert_nonnull (store);
  return csv_test_dump (store);
}

static const char generated_header[] =
  "external_id,name,segment,owner,sales_owner,arr,currency,stage,status,close_date,"
  "kickoff_date,golive_date,first_value_date,first_value_milestone,package,notes\r\n";

static void
test_generate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other_seed = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = path_in (fixture, "gen.csv");
  g_autofree char *written = NULL;
  guint n_lines = 0;

  g_assert_cmpint (run_cli (&out, &err, "generate", "accounts", "25", "--seed", "9", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, generated_header));
  for (const char *p = out; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n_lines++;
  g_assert_cmpuint (n_lines, ==, 26);
  g_assert_nonnull (strstr (out, "\r\nCRM-000001,"));
  g_assert_nonnull (strstr (out, "\r\nCRM-000025,"));

  /* The same seed gives the same accounts; another seed others. */
  g_assert_cmpint (run_cli (&again, NULL, "generate", "accounts", "25", "--seed", "9", NULL), ==,
                   0);
  g_assert_cmpstr (again, ==, out);
  g_assert_cmpint (run_cli (&other_seed, NULL, "generate", "accounts", "25", "--seed", "10",
                            NULL), ==, 0);
  g_assert_cmpstr (other_seed, !=, out);

  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", "25", "--seed", "9", "-o", file,
                            NULL), ==, 0);
  written = read_file (file);
  g_assert_cmpstr (written, ==, out);

  g_assert_cmpint (run_cli (NULL, NULL, "generate", "people", "3", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", "-4", NULL), ==, 2);
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "accounts.csv");
  g_autofree char *exported_path = path_in (fixture, "exported.csv");
  g_autofree char *generated = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *excel = NULL;
  g_autofree char *semicolons = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", "40", "-o", file, NULL), ==, 0);
  generated = read_file (file);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 1: 40 created, 0 updated, 0 unchanged, 0 rejected\n");
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run_cli (&exported, &err, "--db", fixture->db, "export", "accounts", NULL),
                   ==, 0);
  g_assert_cmpstr (exported, ==, generated);

  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "export", "accounts", "-o",
                            exported_path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  written = read_file (exported_path);
  g_assert_cmpstr (written, ==, generated);

  g_assert_cmpint (run_cli (&excel, NULL, "--db", fixture->db, "export", "accounts", "--excel",
                            NULL), ==, 0);
  g_assert_true (g_str_has_prefix (excel, "\xEF\xBB\xBF" "external_id,name,"));
  g_assert_cmpstr (excel + 3, ==, generated);

  g_assert_cmpint (run_cli (&semicolons, NULL, "--db", fixture->db, "export", "accounts",
                            "--delimiter", ";", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (semicolons, "external_id;name;segment;"));

  /* Importing the export again changes nothing. */
  g_assert_cmpint (run_cli (&again, &err, "--db", fixture->db, "import", "accounts",
                            exported_path, NULL), ==, 0);
  g_assert_cmpstr (again, ==, "Nothing changed: 40 unchanged, 0 rejected; no batch was recorded\n");
  g_clear_pointer (&again, g_free);

  /* An import that changed nothing left no batch to undo. */
  g_assert_cmpint (run_cli (&again, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "There is no import number 2.\n"));
  g_clear_pointer (&again, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const kinds[] = { "people", "tasks", "metrics", "stage-events" };
      g_autofree char *empty = NULL;

      g_assert_cmpint (run_cli (&empty, NULL, "--db", fixture->db, "export", kinds[i], NULL), ==,
                       0);
      g_assert_true (g_str_has_prefix (empty, "account_external_id,account,"));
    }
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *good = path_in (fixture, "good.csv");
  g_autofree char *bad = path_in (fixture, "bad.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_file (good, "name,arr\nAcme,100\n");
  write_file (bad, "name,arr,stage\nBeta,10,adopt\nGamma,ten,adopt\nDelta,1,9\n");
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", good, NULL),
                   ==, 0);
  before = dump_db (fixture->db);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", bad, NULL),
                   ==, 1);
  expected_err = g_strdup_printf ("%s:3:7: arr: “ten” is not an amount of money\n"
                                  "%s:4:9: stage: “9” is not a stage; use Embark, Handoff, "
                                  "Kickoff, Adopt, Review, Expand or their number 1–6\n"
                                  "%s: nothing was imported: 2 rows were refused (use "
                                  "--skip-invalid to import the others)\n",
                                  bad, bad, bad);
  g_assert_cmpstr (err, ==, expected_err);
  g_assert_cmpstr (out, ==, "");
  after = dump_db (fixture->db);
  g_assert_cmpstr (after, ==, before);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", bad,
                            "--dry-run", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "Dry run: 1 to create, 0 to update, 0 unchanged, 2 rejected; "
                            "nothing was changed\n");
  g_clear_pointer (&after, g_free);
  after = dump_db (fixture->db);
  g_assert_cmpstr (after, ==, before);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", bad,
                            "--skip-invalid", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 2: 1 created, 0 updated, 0 unchanged, 2 rejected\n");
  g_assert_true (g_str_has_prefix (err, bad));
  g_assert_nonnull (strstr (err, ":3:7: arr:"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "a.csv");
  g_autofree char *missing = path_in (fixture, "missing.csv");
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  write_file (file, "name\nAcme\n");

  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "stage-events", file,
                            NULL), ==, 2);
  g_assert_cmpstr (err, ==, "overture-cli import: cannot import “stage-events”: use accounts, "
                            "people, tasks, metrics or playbooks\n");
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file,
                            "--delimiter", "x", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file,
                            "--date-order", "ymd", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file,
                            "--encoding", "latin-9", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file,
                            "--frobnicate", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "export", "widgets", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "undo-import", "first", NULL), ==,
                   2);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "undo-import", NULL), ==, 2);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "accounts", missing,
                            NULL), ==, 1);
  expected = g_strdup_printf ("%s: Error opening file %s: No such file or directory\n",
                              missing, missing);
  g_assert_cmpstr (err, ==, expected);

  /* Options after the file and before it both work. */
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "--dry-run", "accounts",
                            file, "--delimiter", "tab", NULL), ==, 0);
}

static void
test_encoding_and_dates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *latin = path_in (fixture, "latin.csv");
  g_autofree char *dates = path_in (fixture, "dates.csv");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *names = NULL;
  g_autoptr(OvStore) store = NULL;

  write_file (latin, "name;notes\r\nCaf\xE9 M\xFCller;\x80 5\r\n");
  write_file (dates, "name,close_date\nA,01/02/2026\nB,03/04/2026\n");

  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "accounts", latin, NULL),
                   ==, 1);
  expected = g_strdup_printf ("%s:2:4: the byte 0xE9 is not UTF-8; if the file comes from Excel "
                              "on Windows, read it as Windows-1252\n"
                              "%s: nothing was imported: 1 row was refused (use --skip-invalid "
                              "to import the others)\n",
                              latin, latin);
  g_assert_cmpstr (err, ==, expected);

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", latin,
                            "--encoding", "windows-1252", NULL), ==, 0);

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "accounts", dates, NULL),
                   ==, 1);
  expected = g_strdup_printf ("%s:2:3: close_date: “01/02/2026” could be day/month/year or "
                              "month/day/year, and no date in this column tells which; choose "
                              "the date order\n"
                              "%s:3:3: close_date: “03/04/2026” could be day/month/year or "
                              "month/day/year, and no date in this column tells which; choose "
                              "the date order\n"
                              "%s: choose how to read the dates with --date-order dmy or "
                              "--date-order mdy\n"
                              "%s: nothing was imported: 2 rows were refused (use --skip-invalid "
                              "to import the others)\n",
                              dates, dates, dates, dates);
  g_assert_cmpstr (err, ==, expected);

  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "import", "accounts", dates,
                            "--date-order", "dmy", NULL), ==, 0);

  store = ov_store_open (fixture->db, NULL);
  names = csv_test_query (store, "SELECT name, notes, close_date FROM accounts ORDER BY id");
  g_assert_cmpstr (names, ==, "Café Müller|€ 5|NULL\nA||2026-02-01\nB||2026-04-03\n");
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "a.csv");
  g_autofree char *change = path_in (fixture, "b.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_file (file, "external_id,name\nA-1,Acme\nB-1,Beta\n");
  write_file (change, "external_id,name\nA-1,Acme Renamed\nC-1,Gamma\n");
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 0);
  before = dump_db (fixture->db);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", change, NULL),
                   ==, 0);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Undid batch 2 (accounts from b.csv): 1 removed, 1 restored\n");
  after = dump_db (fixture->db);
  g_assert_cmpstr (after, !=, before);
  {
    g_autoptr(OvStore) store = ov_store_open (fixture->db, NULL);
    g_autofree char *names = csv_test_query (store, "SELECT name FROM accounts ORDER BY id");

    g_assert_cmpstr (names, ==, "Acme\nBeta\n");
  }

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 1);
  g_assert_nonnull (strstr (err, ": Import 2 was already undone ("));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "undo-import", "7", NULL), ==, 1);
  expected = g_strdup_printf ("%s: There is no import number 7.\n", fixture->db);
  g_assert_cmpstr (err, ==, expected);
}

/* Work done since the import: without --force it is told and nothing
 * changes; with it, it goes too. Rows deleted since are only told. */
static void
test_undo_force (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "a.csv");
  g_autofree char *change = path_in (fixture, "b.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_file (file, "external_id,name\nA-1,Acme\nB-1,Beta\n");
  write_file (change, "external_id,name\nA-1,Acme Renamed\n");
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", change, NULL),
                   ==, 0);
  {
    g_autoptr(OvStore) store = ov_store_open (fixture->db, NULL);

    g_free (csv_test_query (store,
                            "INSERT INTO tasks (account_id, stage, title, created_at, updated_at) "
                            "SELECT id, 4, 'Call', '2026-03-02T10:00:00Z', "
                            "'2026-03-02T10:00:00Z' FROM accounts WHERE external_id = 'B-1'"));
    g_free (csv_test_query (store, "UPDATE accounts SET owner = 'Mia', version = version + 1 "
                                   "WHERE external_id = 'B-1'"));
    g_free (csv_test_query (store, "DELETE FROM accounts WHERE external_id = 'A-1'"));
  }

  /* The renamed account is gone: nothing to restore, nothing to ask. */
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "Undid batch 2 (accounts from b.csv): 0 removed, 0 restored\n"
                   "  Changed by it and deleted since, nothing to restore: Acme\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  before = dump_db (fixture->db);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "1", NULL), ==, 1);
  expected = g_strdup_printf ("%s: import 1 was worked on since; nothing was undone. With "
                              "--force, undoing it also does this:\n"
                              "  Added since to the accounts it made, removed with them: 1 task\n"
                              "  Made by it and edited since, removed all the same: Beta\n",
                              fixture->db);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
  after = dump_db (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "--force", "1", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==,
                   "Undid batch 1 (accounts from a.csv): 1 removed, 0 restored\n"
                   "  Added since to the accounts it made, removed with them: 1 task\n"
                   "  Made by it and edited since, removed all the same: Beta\n");
  {
    g_autoptr(OvStore) store = ov_store_open (fixture->db, NULL);
    g_autofree char *left = csv_test_query (store, "SELECT (SELECT count(*) FROM accounts), "
                                                   "(SELECT count(*) FROM tasks)");

    g_assert_cmpstr (left, ==, "0|0\n");
  }
}

/* Progress goes to stderr only when it is a terminal. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "many.csv");
  g_autofree char *command = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *terminal = NULL;
  g_autofree char *script = g_find_program_in_path ("script");
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", "3000", "-o", file, NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", file,
                            "--dry-run", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  if (script == NULL)
    {
      g_test_skip ("script(1) is needed to run overture-cli on a terminal");
      return;
    }

  /* script(1) gives the command a pseudo-terminal and copies what it
   * prints. */
  command = g_strdup_printf ("'%s' --db '%s' import accounts '%s' --dry-run",
                             g_getenv ("OVERTURE_CLI"), fixture->db, file);
  {
    const char *argv[] = { script, "-qec", command, "/dev/null", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &terminal,
                  NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (terminal, "\rImporting… "));
  g_assert_nonnull (strstr (terminal, "%\r\033[K"));
  g_assert_nonnull (strstr (terminal, "Dry run: 3000 to create"));
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

/* Kills an import with SIGKILL while it writes: the database stays intact
 * and holds nothing of that import. With @other_connection open, the
 * import writes through the WAL instead of a rollback journal. */
static void
kill_import (Fixture  *fixture,
             gboolean  other_connection)
{
  g_autofree char *file = path_in (fixture, "big.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *journal = g_strconcat (fixture->db, "-journal", NULL);
  g_autoptr(OvStore) holder = NULL;
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start_size, deadline;
  gboolean seen_writing = FALSE;

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "sample", "--accounts", "25", NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", "400000", "--seed", "3", "-o",
                            file, NULL), ==, 0);
  before = dump_db (fixture->db);
  if (other_connection)
    holder = ov_store_open (fixture->db, NULL);

  start_size = file_size (fixture->db) + file_size (wal);
  import = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             &error, g_getenv ("OVERTURE_CLI"), "--db", fixture->db, "import",
                             "accounts", file, NULL);
  g_assert_no_error (error);

  /* Wait until a few megabytes of the import are on disk. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      if (file_size (fixture->db) + file_size (wal) > start_size + 4 * 1024 * 1024 &&
          (other_connection || g_file_test (journal, G_FILE_TEST_EXISTS)))
        {
          seen_writing = TRUE;
          break;
        }
      g_usleep (2000);
    }
  g_assert_true (seen_writing);

  g_subprocess_send_signal (import, SIGKILL);
  g_subprocess_wait (import, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (import));
  g_assert_cmpint (g_subprocess_get_term_sig (import), ==, SIGKILL);

  g_clear_object (&holder);

  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "check", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Integrity: ok\n"));
  g_assert_nonnull (strstr (out, "Accounts: 25\n"));

  after = dump_db (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_kill (Fixture       *fixture,
           gconstpointer  data)
{
  kill_import (fixture, FALSE);
}

static void
test_kill_wal (Fixture       *fixture,
               gconstpointer  data)
{
  kill_import (fixture, TRUE);
}

/* What a spreadsheet made of a cell: its value type (60 text, 40 number,
 * 0 for a formula, which Gnumeric writes without one) and its text. */
typedef struct
{
  int   type;
  char *text;
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

static char *
xml_unescape (const char *text)
{
  static const struct
  {
    const char *entity;
    char        c;
  } entities[] = {
    { "&quot;", '"' }, { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&apos;", '\'' },
  };
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (entities) && *p == '&'; i++)
        if (g_str_has_prefix (p, entities[i].entity))
          {
            g_string_append_c (out, entities[i].c);
            p += strlen (entities[i].entity);
            known = TRUE;
            break;
          }

      if (known)
        continue;

      if (g_str_has_prefix (p, "&#"))
        {
          char *end = NULL;
          gunichar c = p[2] == 'x' ? strtoul (p + 3, &end, 16) : strtoul (p + 2, &end, 10);

          g_assert_true (end != NULL && *end == ';');
          g_string_append_unichar (out, c);
          p = end + 1;
          continue;
        }

      g_assert_cmpint (*p, !=, '&');
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* The cells of a Gnumeric file, by "row:column". */
static GHashTable *
read_gnumeric_cells (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GConverter) gunzip = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  guint8 buffer[8192];
  gssize n;

  raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  stream = g_converter_input_stream_new (raw, gunzip);
  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (bytes, buffer, n);
  g_assert_no_error (error);
  xml = g_strndup ((const char *)bytes->data, bytes->len);

  regex = g_regex_new ("<gnm:Cell Row=\"(\\d+)\" Col=\"(\\d+)\"(?: ValueType=\"(\\d+)\")?"
                       "(?: [^>]*)?>([^<]*)</gnm:Cell>",
                       G_REGEX_DOTALL, 0, &error);
  g_assert_no_error (error);
  g_regex_match (regex, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *row = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);
      g_autofree char *type = g_match_info_fetch (match, 3);
      g_autofree char *text = g_match_info_fetch (match, 4);
      Cell *cell = g_new0 (Cell, 1);

      cell->type = type[0] ? atoi (type) : 0;
      cell->text = xml_unescape (text);
      g_hash_table_insert (cells, g_strdup_printf ("%s:%s", row, column), cell);
      g_match_info_next (match, NULL);
    }

  return cells;
}

/* Exported accounts with hostile and Unicode text, opened by Gnumeric's
 * ssconvert: every text cell reads back exactly, no formula was made (so
 * none was evaluated) and amounts are numbers. */
static void
test_spreadsheet (Fixture       *fixture,
                  gconstpointer  data)
{
  /* external_id, name, segment, owner, sales_owner, arr (cents), notes */
  static const struct
  {
    const char *text[6];
    gint64      cents;
  } accounts[] = {
    { { "H-1", "Acme, Inc.", "", "=1+2", "+49 30 1234", "-minus" }, 120050 },
    { { "H-2", "@SUM(A1:A9)", "Mid-Market", "Zoë “Ünïcødé” 😀",
        "=HYPERLINK(\"http://evil.example\",\"click\")", "line one\nline two" }, 300000 },
    { { "-H-3", "\tTabbed", "'quoted already", "=cmd|' /C calc'!A0", "Plain",
        "  spaces  " }, 0 },
    { { "H-4", "''=twice", "+", "-", "@", "=" }, 99 },
  };
  static const char * const header[] = {
    "external_id", "name", "segment", "owner", "sales_owner", "notes", "arr",
  };
  /* Where those columns are in an accounts export */
  static const int columns[] = { 0, 1, 2, 3, 4, 15 };
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *input = path_in (fixture, "hostile.csv");
  g_autofree char *exported = path_in (fixture, "exported.csv");
  g_autofree char *converted = path_in (fixture, "exported.gnumeric");
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(OvCsvWriter) writer = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GHashTableIter iter;
  gpointer value;

  if (ssconvert == NULL)
    {
      g_test_skip ("ssconvert (gnumeric) is needed");
      return;
    }

  stream = G_OUTPUT_STREAM (g_file_replace (input_file, NULL, FALSE, 0, NULL, &error));
  g_assert_no_error (error);
  writer = ov_csv_writer_new (stream, ',', FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (header); k++)
    ov_csv_writer_add_text (writer, header[k], -1);
  g_assert_true (ov_csv_writer_end_row (writer, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      for (guint k = 0; k < 6; k++)
        ov_csv_writer_add_text (writer, accounts[i].text[k], -1);
      ov_csv_writer_add_cents (writer, accounts[i].cents);
      g_assert_true (ov_csv_writer_end_row (writer, NULL, NULL));
    }
  g_assert_true (ov_csv_writer_flush (writer, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", input, NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "export", "accounts", "-o",
                            exported, NULL), ==, 0);

  {
    const char *argv[] = { ssconvert, exported, converted, NULL };
    /* Our fatal warnings are not gnumeric's: it warns about the test's
     * isolated (and empty) user directories. */
    g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
    int status;

    g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  cells = read_gnumeric_cells (converted);

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      for (guint k = 0; k < 6; k++)
        {
          g_autofree char *key = g_strdup_printf ("%u:%d", i + 1, columns[k]);
          Cell *cell = g_hash_table_lookup (cells, key);

          g_test_message ("cell %s", key);
          if (accounts[i].text[k][0] == '\0')
            {
              g_assert_null (cell);
              continue;
            }
          g_assert_nonnull (cell);
          g_assert_cmpint (cell->type, ==, 60);
          g_assert_cmpstr (cell->text, ==, accounts[i].text[k]);
        }

      {
        g_autofree char *key = g_strdup_printf ("%u:5", i + 1);
        Cell *cell = g_hash_table_lookup (cells, key);

        g_assert_nonnull (cell);
        g_assert_cmpint (cell->type, ==, 40);
        /* Gnumeric keeps more digits than a double has. */
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell->text, NULL),
                                        accounts[i].cents / 100.0, 1e-9);
      }
    }

  /* Not one formula in the whole sheet. */
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_assert_cmpint (((Cell *)value)->type, !=, 0);
}

/* The database and its -wal, -shm and -journal files as they are now:
 * whether each exists and its bytes' checksum. */
static char *
snapshot (const char *db)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        {
          g_string_append_printf (out, "%s: none\n", suffixes[i]);
          continue;
        }
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *)contents, length);
      g_string_append_printf (out, "%s: %s\n", suffixes[i], sum);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* check, stats and export: they read, quickly, and change no byte. */
static void
assert_reads_without_change (Fixture    *fixture,
                             const char *expect_accounts)
{
  static const char * const commands[][3] = {
    { "check", NULL, NULL },
    { "stats", NULL, NULL },
    { "export", "accounts", NULL },
  };
  g_autofree char *before = snapshot (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", commands[i][0]);
      g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, commands[i][0], commands[i][1],
                                NULL), ==, 0);
      /* The writer holds its lock throughout: a command that waited for it
       * would have given up after the busy timeout with "locked" (no clock
       * needed to see that it did not wait). */
      g_assert_cmpstr (err, ==, "");
      if (i < 2)
        g_assert_nonnull (strstr (out, expect_accounts));

      after = snapshot (fixture->db);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
hold (sqlite3    *holder,
      const char *sql)
{
  g_assert_cmpint (sqlite3_exec (holder, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_read_only_commands (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *csv = path_in (fixture, "one.csv");
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *holder = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "sample", "--accounts", "20", NULL),
                   ==, 0);

  /* A soft-deleted account keeps its Undo: nothing but the app purges. */
  store = ov_store_open (fixture->db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(OvAccount) first = ov_store_get_account (store, 1, &error);

    g_assert_no_error (error);
    g_assert_true (ov_store_delete_account (store, first, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);

  /* Nobody has the file open: no -wal or -shm appears. */
  assert_reads_without_change (fixture, "Accounts: 19\n");

  /* Another connection holds the write lock in WAL mode. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->db, &holder, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  hold (holder, "BEGIN IMMEDIATE; UPDATE accounts SET notes = 'busy' WHERE id = 2");
  assert_reads_without_change (fixture, "Accounts: 19\n");
  hold (holder, "COMMIT");
  /* Committed frames in the -wal that no reader has marked yet. */
  assert_reads_without_change (fixture, "Accounts: 19\n");
  sqlite3_close (holder);

  /* A rollback journal (as a bulk import writes) with a RESERVED lock. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->db, &holder, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  hold (holder, "PRAGMA journal_mode = DELETE; BEGIN IMMEDIATE; "
                "UPDATE accounts SET notes = 'import' WHERE id = 3");
  assert_reads_without_change (fixture, "Accounts: 19\n");
  hold (holder, "ROLLBACK; PRAGMA journal_mode = WAL");
  sqlite3_close (holder);

  /* Neither the read commands nor a writing one purged the deleted row. */
  write_file (csv, "name,owner\nNew Co,Mei Chen\n");
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", csv, NULL),
                   ==, 0);
  store = ov_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_restore_account (store, 1, &error));
  g_assert_no_error (error);
  /* A second restore has nothing to restore, and says so. */
  g_assert_false (ov_store_restore_account (store, 1, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
}

static void
write_from_sql (const char *path,
                const char *fixture_name)
{
  g_autofree char *fixture = ov_test_fixture_path ("store", fixture_name, NULL);
  g_autofree char *sql = read_file (fixture);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static guint
count_backups (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      n++;

  return n;
}

static void
assert_read_refused (Fixture    *fixture,
                     const char *db,
                     const char *message)
{
  static const char * const commands[][3] = {
    { "check", NULL, NULL },
    { "stats", NULL, NULL },
    { "export", "accounts", NULL },
  };
  g_autofree char *before = snapshot (db);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s on %s", commands[i][0], db);
      g_assert_cmpint (run_cli (&out, &err, "--db", db, commands[i][0], commands[i][1], NULL),
                       ==, 1);
      g_assert_nonnull (strstr (err, message));
      after = snapshot (db);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpuint (count_backups (fixture), ==, 0);
}

/* A missing file and an old one: a clear message, nothing created. */
static void
test_read_only_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *old = path_in (fixture, "old.db");
  g_autofree char *missing = path_in (fixture, "mistyped.db");

  assert_read_refused (fixture, missing, "does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  write_from_sql (old, "schema-v2.sql");
  assert_read_refused (fixture, old, "needs upgrading");
  {
    g_autofree char *files = snapshot (old);

    g_assert_nonnull (strstr (files, "-wal: none"));
  }
}

/* Runs overture-cli in @dir with @variable set in its environment. */
static int
run_cli_in (const char  *dir,
            const char  *variable,
            const char  *value,
            char       **out,
            char       **err,
            const char  *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer)g_getenv ("OVERTURE_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  if (variable != NULL)
    envp = g_environ_setenv (envp, variable, value, TRUE);

  /* Output not asked for is dropped: it must not reach the TAP stream. */
  g_spawn_sync (dir, (char **)argv->pdata, envp,
                (out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0) |
                (err == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* A relative name is a file in the current folder, ":memory:" too; a
 * folder or a device is refused, for --db and OVERTURE_DB alike. */
static void
test_paths (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *memory = path_in (fixture, ":memory:");
  g_autofree char *relative = path_in (fixture, "relative.db");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *sample_memory[] = { "--db", ":memory:", "sample", "--accounts", "2", NULL };
  const char *sample_env[] = { "sample", "--accounts", "3", NULL };
  const char *stats_env[] = { "stats", NULL };

  g_assert_cmpint (run_cli_in (fixture->dir, NULL, NULL, &out, NULL, sample_memory), ==, 0);
  g_assert_nonnull (strstr (out, memory));
  g_assert_true (g_file_test (memory, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli_in (fixture->dir, "OVERTURE_DB", "relative.db", NULL, NULL,
                               sample_env), ==, 0);
  g_assert_cmpint (run_cli_in (fixture->dir, "OVERTURE_DB", "relative.db", &out, NULL,
                               stats_env), ==, 0);
  g_assert_nonnull (strstr (out, "Accounts: 3\n"));
  g_assert_true (g_file_test (relative, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->dir, "sample", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is a folder"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_in (fixture->dir, "OVERTURE_DB", ".", NULL, &err, stats_env), ==, 1);
  g_assert_nonnull (strstr (err, "is a folder"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", "/dev/null", "check", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a regular file"));
}

/* A trigger another program added runs on every import: check says so. */
static void
test_check_foreign_objects (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "sample", "--accounts", "5", NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "check", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Schema: ok\n"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER audit_accounts AFTER INSERT ON accounts "
                                     "BEGIN UPDATE settings SET value = value; END; "
                                     "CREATE VIEW big_accounts AS SELECT * FROM accounts",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "check", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "Integrity: ok\n"));
  g_assert_nonnull (strstr (out, "2 objects Overture did not create"));
  g_assert_nonnull (strstr (out, "  trigger audit_accounts\n"));
  g_assert_nonnull (strstr (out, "  view big_accounts\n"));
}

/* The first and last day a sample may be made around: its export imports
 * again without a refused row. A day outside is a usage error. */
static void
test_sample_range (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const ends[] = { "1973-01-01", "2997-12-31" };
  static const char * const outside[] = { "1969-06-01", "1972-12-31", "2998-01-01" };
  static const char * const kinds[] = { "accounts", "people", "tasks", "metrics" };

  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "sample", "--today", outside[i],
                                NULL), ==, 2);
      g_assert_nonnull (strstr (err, "from 1973-01-01 to 2997-12-31"));
    }
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autofree char *name = g_strdup_printf ("sample-%u.db", i);
      g_autofree char *again = g_strdup_printf ("again-%u.db", i);
      g_autofree char *db = path_in (fixture, name);
      g_autofree char *db_again = path_in (fixture, again);

      g_test_message ("sample around %s", ends[i]);
      g_assert_cmpint (run_cli (NULL, NULL, "--db", db, "sample", "--accounts", "60", "--today",
                                ends[i], NULL), ==, 0);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *csv = path_in (fixture, kinds[k]);
          g_autofree char *out = NULL;

          g_assert_cmpint (run_cli (NULL, NULL, "--db", db, "export", kinds[k], "-o", csv, NULL),
                           ==, 0);
          g_assert_cmpint (run_cli (&out, NULL, "--db", db_again, "import", kinds[k], csv, NULL),
                           ==, 0);
          g_assert_nonnull (strstr (out, " 0 rejected"));
        }
    }
}

/* Cells quoted in errors once carried raw escape sequences to the
 * terminal (a window title, a screen clear, colours): they are shown as
 * visible escapes, and the cells are refused. */
static void
test_terminal_escapes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "escapes.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (file,
              "name,arr,\x1b]0;owned\x07" "Title\n"
              "Acme,\x1b[2J\x1b[31m12,x\n"
              "Beta,\xc2\x9b" "5m,y\n"
              "\"Gamma\x1b[H\",5,z\n");

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 1);
  g_assert_null (strchr (err, '\x1b'));
  g_assert_null (strchr (err, '\x07'));
  g_assert_null (strstr (err, "\xc2\x9b"));
  g_assert_nonnull (strstr (err, ":1:10: warning: the column “\\x1b]0;owned\\x07Title” is "
                                 "not imported"));
  g_assert_nonnull (strstr (err, ":2:6: arr: the cell holds the control character U+001B; only "
                                 "tabs and line breaks are allowed\n"));
  g_assert_nonnull (strstr (err, ":3:6: arr: “\\u009b5m” is not an amount of money\n"));
  g_assert_nonnull (strstr (err, ":4:1: name: the cell holds the control character U+001B"));
  g_assert_cmpstr (out, ==, "");
}

/* A line of 8 MB of commas was dropped as blank, with exit status 0: it
 * is refused at its line, and nothing is recorded. */
static void
test_comma_line (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "commas.csv");
  g_autoptr(GString) text = g_string_new ("name,notes\nAcme,fine\n");
  guint n_lines;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < 8 * 1024 * 1024; i++)
    g_string_append_c (text, ',');
  g_string_append_c (text, '\n');
  write_file (file, text->str);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 1);
  expected = g_strdup_printf ("%s:3:4097: this row has more than 4096 fields; is the delimiter "
                              "right?\n"
                              "%s: nothing was imported: 1 row was refused (use --skip-invalid "
                              "to import the others)\n",
                              file, file);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&err, g_free);

  /* No batch was recorded. */
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "undo-import", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "There is no import number 1.\n"));
  g_clear_pointer (&err, g_free);

  /* A header of 200,000 columns printed a warning for each: now one
   * error, and one line saying nothing was imported. */
  g_string_assign (text, "name");
  for (guint i = 1; i < 200000; i++)
    g_string_append_printf (text, ",c%u", i);
  g_string_append (text, "\nAcme\n");
  write_file (file, text->str);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: nothing was imported\n", file);
  g_assert_nonnull (strstr (err, ": this row has more than 4096 fields; is the delimiter right?\n"));
  g_assert_true (g_str_has_suffix (err, expected));
  n_lines = 0;
  for (const char *p = err; *p != '\0'; p++)
    n_lines += *p == '\n';
  g_assert_cmpuint (n_lines, ==, 2);
}

/* Playbooks between databases: export → import, the app's JSON. */
static void
test_playbooks (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *other_db = path_in (fixture, "other.db");
  g_autofree char *json = path_in (fixture, "playbooks.json");
  g_autofree char *fixture_path = ov_test_fixture_path ("playbooks", "good-several.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stdout_json = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "playbooks",
                            fixture_path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported playbook 2: Sales & CS <EMEA>\n"
                            "Imported playbook 3: Small business\n");
  g_assert_cmpstr (err, ==, "");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "export", "playbooks", "-o", json,
                            NULL), ==, 0);
  expected = g_strdup_printf ("Wrote 3 playbooks to %s\n", json);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpuint (ov_test_file_mode (json), ==, 0600);

  /* To stdout, the same bytes. */
  g_assert_cmpint (run_cli (&stdout_json, NULL, "--db", fixture->db, "export", "playbooks",
                            NULL), ==, 0);
  written = read_file (json);
  g_assert_cmpstr (stdout_json, ==, written);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", other_db, "import", "playbooks", json, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Imported playbook 2: Standard onboarding\n"
                            "Imported playbook 3: Sales & CS <EMEA>\n"
                            "Imported playbook 4: Small business\n");

  {
    g_autoptr(OvStore) store = ov_store_open (fixture->db, NULL);
    g_autoptr(OvStore) other = ov_store_open (other_db, NULL);
    g_autofree char *again = NULL;

    mine = ov_store_list_playbooks (store, NULL);
    theirs = ov_store_list_playbooks (other, NULL);
    g_assert_cmpuint (mine->len, ==, 3);
    /* Its own shipped playbook and the three imported ones. */
    g_assert_cmpuint (theirs->len, ==, 4);
    for (guint i = 0; i < mine->len; i++)
      {
        OvPlaybook *playbook = g_ptr_array_index (mine, i);
        g_autoptr(OvPlaybook) copy = ov_store_get_playbook (other, i + 2, NULL);
        g_autofree char *a = ov_playbook_to_json (playbook, NULL);
        g_autofree char *b = NULL;

        /* Only the segment may differ, when the other database had it. */
        g_assert_nonnull (copy);
        ov_playbook_set_segment (copy, ov_playbook_get_segment (playbook));
        b = ov_playbook_to_json (copy, NULL);
        g_assert_cmpstr (b, ==, a);
      }
    g_clear_object (&other);

    /* A second export over the first keeps its mode. */
    g_assert_cmpint (g_chmod (json, 0640), ==, 0);
    g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "export", "playbooks", "-o",
                              json, NULL), ==, 0);
    g_assert_cmpuint (ov_test_file_mode (json), ==, 0640);
    again = read_file (json);
    g_assert_cmpstr (again, ==, written);
  }
}

static void
assert_same_playbooks (const char *db,
                       const char *expected)
{
  g_autofree char *now = NULL;

  g_assert_cmpint (run_cli (&now, NULL, "--db", db, "export", "playbooks", NULL), ==, 0);
  g_assert_cmpstr (now, ==, expected);
}

/* Refused files change nothing and say why; usage errors are status 2. */
static void
test_playbooks_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *bad_role = ov_test_fixture_path ("playbooks", "bad-role.json", NULL);
  g_autofree char *bad_entry = ov_test_fixture_path ("playbooks", "bad-list-entry.json", NULL);
  g_autofree char *nul = ov_test_fixture_path ("playbooks", "bad-nul.json", NULL);
  g_autofree char *deep = path_in (fixture, "deep.json");
  g_autofree char *missing = path_in (fixture, "missing.json");
  g_autofree char *before = NULL;
  g_autofree char *playbooks_before = NULL;
  GString *nested = g_string_new (NULL);
  const struct
  {
    const char *path;
    const char *message;
  } refused[] = {
    { bad_role, "Could not import “bad-role.json”: stages.kickoff[1].role: “ceo” is not a role "
                "(expected one of sales, onboarding, csm, support, training, services, sponsor, "
                "champion, admin, end_user)." },
    { bad_entry, "Could not import “bad-list-entry.json”: playbooks[1].name: must not be "
                 "empty." },
    { nul, "Could not import “bad-nul.json”: line 4: the file holds a NUL character, which a "
           "playbook cannot store." },
    { deep, "Could not import “deep.json”: line 1: lists and objects are nested more than 16 "
            "deep; a playbook file needs far fewer levels." },
    { missing, NULL },
  };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '{');
  write_file (deep, nested->str);
  g_string_free (nested, TRUE);

  /* Export reads only: the database must exist (the app makes it). */
  g_free (dump_db (fixture->db));
  g_assert_cmpint (run_cli (&playbooks_before, NULL, "--db", fixture->db, "export", "playbooks",
                            NULL), ==, 0);
  before = dump_db (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", refused[i].path);
      g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "playbooks",
                                refused[i].path, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      if (refused[i].message != NULL)
        {
          g_autofree char *expected = g_strdup_printf ("%s: %s\n", refused[i].path,
                                                       refused[i].message);

          g_assert_cmpstr (err, ==, expected);
        }
      else
        {
          g_assert_true (g_str_has_prefix (err, refused[i].path));
          g_assert_nonnull (strstr (err, "Could not import “missing.json”: "));
        }
      after = dump_db (fixture->db);
      g_assert_cmpstr (after, ==, before);
      assert_same_playbooks (fixture->db, playbooks_before);
    }

  /* Usage: status 2, nothing read or written. */
  {
    g_autofree char *err = NULL;
    g_autofree char *nowhere = g_build_filename (fixture->dir, "no", "such.json", NULL);
    g_autofree char *after = NULL;

    g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "playbooks", NULL), ==,
                     2);
    g_assert_cmpstr (err, ==, "overture-cli import: a playbook file is needed\n");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "playbooks", bad_role,
                              "extra", NULL), ==, 2);
    g_assert_cmpstr (err, ==, "overture-cli import: unexpected argument “extra”\n");
    g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "playbooks", bad_role,
                              "--frobnicate", NULL), ==, 2);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "export", "playbooks", "extra",
                              NULL), ==, 2);
    g_assert_cmpstr (err, ==, "overture-cli export: unexpected argument “extra”\n");

    /* A folder that is not there: refused, status 1. */
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "export", "playbooks", "-o",
                              nowhere, NULL), ==, 1);
    g_assert_true (g_str_has_prefix (err, nowhere));
    g_assert_nonnull (strstr (err, "its folder does not exist"));

    after = dump_db (fixture->db);
    g_assert_cmpstr (after, ==, before);
    assert_same_playbooks (fixture->db, playbooks_before);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("OVERTURE_TODAY", "2026-03-02", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/generate", test_generate);
  ADD ("/cli/import-export", test_import_export);
  ADD ("/cli/refused", test_refused);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/encoding-and-dates", test_encoding_and_dates);
  ADD ("/cli/undo", test_undo);
  ADD ("/cli/undo-force", test_undo_force);
  ADD ("/cli/progress", test_progress);
  ADD ("/cli/kill", test_kill);
  ADD ("/cli/kill-wal", test_kill_wal);
  ADD ("/cli/spreadsheet", test_spreadsheet);
  ADD ("/cli/read-only-commands", test_read_only_commands);
  ADD ("/cli/read-only-refused", test_read_only_refused);
  ADD ("/cli/paths", test_paths);
  ADD ("/cli/check-foreign-objects", test_check_foreign_objects);
  ADD ("/cli/sample-range", test_sample_range);
  ADD ("/cli/terminal-escapes", test_terminal_escapes);
  ADD ("/cli/comma-line", test_comma_line);
  ADD ("/cli/playbooks", test_playbooks);
  ADD ("/cli/playbooks-refused", test_playbooks_refused);

  return g_test_run ();
}
