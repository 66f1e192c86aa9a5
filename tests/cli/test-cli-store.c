/* test-cli-store.c — overture-cli and the database file: check, stats
 * and export read without changing a byte, files that cannot be read are
 * refused, and which file --db and OVERTURE_DB name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "cli-test-support.h"
#include "ov-store-private.h"

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

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/read-only-commands", test_read_only_commands);
  CLI_TEST_ADD ("/cli/read-only-refused", test_read_only_refused);
  CLI_TEST_ADD ("/cli/paths", test_paths);
  CLI_TEST_ADD ("/cli/check-foreign-objects", test_check_foreign_objects);

  return g_test_run ();
}
