/* test-cli-import.c — overture-cli import as scripts see it: what it
 * imports, what it refuses and why, its options, its progress, and an
 * import killed halfway
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-test-support.h"

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
                            "people, tasks, metrics, meetings, packages, interviews, content, "
                            "completions or "
                            "playbooks\n");
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

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/refused", test_refused);
  CLI_TEST_ADD ("/cli/usage", test_usage);
  CLI_TEST_ADD ("/cli/encoding-and-dates", test_encoding_and_dates);
  CLI_TEST_ADD ("/cli/progress", test_progress);
  CLI_TEST_ADD ("/cli/kill", test_kill);
  CLI_TEST_ADD ("/cli/kill-wal", test_kill_wal);
  CLI_TEST_ADD ("/cli/terminal-escapes", test_terminal_escapes);
  CLI_TEST_ADD ("/cli/comma-line", test_comma_line);

  return g_test_run ();
}
