/* test-store-refuse.c — files a store refuses (not a database, another
 * program's, corrupt, read-only, locked, too new) with a message a user
 * can act on and no byte changed, and files it checks after opening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-test-support.h"

static void
assert_refused (const char   *path,
                OvStoreError  code)
{
  g_autoptr(GBytes) before = ov_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  store = ov_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, OV_STORE_ERROR, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, base));

  after = ov_test_read_file (path);
  assert_bytes_equal (before, after);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 200; i++)
    g_string_append_printf (text, "line %d: this is a plain text file, not a database\n", i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  assert_refused (path, OV_STORE_ERROR_NOT_DATABASE);
  ov_test_remove_dir (dir);
}

static void
test_foreign_sqlite (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "recipes.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); "
                                     "INSERT INTO recipes VALUES ('soup');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, OV_STORE_ERROR_NOT_OVERTURE);
  ov_test_remove_dir (dir);
}

/* A closed database file of @n_accounts sample accounts, in a new folder
 * (@dir, to remove). */
static char *
sample_file (guint   n_accounts,
             char  **dir)
{
  g_autoptr(OvStore) store = ov_test_new_store (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_sample_generate (store, n_accounts, 7, ov_date_from_ymd (2026, 11, 23),
                                     &error));
  g_assert_no_error (error);
  return g_strdup (ov_store_get_path (store));
}

static void
test_corrupt (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = sample_file (300, &dir);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* Keep the header page, scribble over the b-tree pages after it. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize i = 4096; i < 8 * 4096; i++)
    contents[i] = (char)(i * 31 + 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_chmod (path, 0600);

  {
    g_autoptr(GBytes) before = ov_test_read_file (path);
    g_autoptr(GBytes) after = NULL;

    store = ov_store_open (path, &error);
    g_assert_null (store);
    g_assert_true (g_error_matches (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT) ||
                   g_error_matches (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_DATABASE));
    g_assert_nonnull (strstr (error->message, "test.db"));
    after = ov_test_read_file (path);
    assert_bytes_equal (before, after);
  }

  ov_test_remove_dir (dir);
}

/* With OV_STORE_OPEN_CHECK_LATER a damaged file opens, and the import
 * reading it is refused all the same: its commit waits for the check, a
 * dry run reports it, and the file is left as it was. */
static void
test_corrupt_checked_later (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = sample_file (300, &dir);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  static const char csv[] = "external_id,name,arr,currency\nL-1,Later Ltd,1200.00,EUR\n";

  /* An accounts import reads no playbook. */
  ov_test_damage_table (path, "playbook_tasks");
  before = ov_test_read_file (path);

  for (guint dry_run = 0; dry_run <= 1; dry_run++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
      g_autoptr(OvImporter) importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes,
                                                                  "later.csv");
      g_autoptr(OvImportResult) result = NULL;

      store = ov_store_open_full (path, OV_STORE_OPEN_CHECK_LATER, &error);
      g_assert_no_error (error);
      g_assert_nonnull (store);

      ov_importer_set_dry_run (importer, dry_run);
      result = ov_importer_run (importer, store, NULL, NULL, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "test.db"));
      g_clear_error (&error);

      /* Said again, and not even a transaction begins. */
      g_assert_false (ov_store_wait_checked (store, &error));
      g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      g_assert_false (ov_store_transaction_begin (store, &error));
      g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      g_clear_object (&store);

      after = ov_test_read_file (path);
      assert_bytes_equal (before, after);
      g_clear_pointer (&after, g_bytes_unref);
    }

  /* Opened the usual way, it is refused at once. */
  store = ov_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);

  ov_test_remove_dir (dir);
}

/* The same flag on a sound file: the import commits once the check passed. */
static void
test_checked_later (gconstpointer data)
{
  OvStoreOpenFlags flags = GPOINTER_TO_UINT (data);
  g_autofree char *dir = NULL;
  g_autofree char *path = sample_file (30, &dir);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  static const char csv[] = "external_id,name,arr,currency\nL-1,Later Ltd,1200.00,EUR\n";

  store = ov_store_open_full (path, flags, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_static (csv, sizeof csv - 1);
  importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes, "later.csv");
  result = ov_importer_run (importer, store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ov_import_result_get_n_created (result), ==, 1);
  g_assert_true (ov_store_wait_checked (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 31);

  ov_test_remove_dir (dir);
}

/* Every way of writing through a store opened with its check for later,
 * and through the connections made of it for workers, is turned back on a
 * damaged file with the check's message: the store's transactions, a
 * statement committed on its own, and SQL run on the connection directly
 * (SQLite's commit hook). Nothing reaches the file, not even the purge of
 * deleted rows. */
static void
test_corrupt_checked_later_everywhere (gconstpointer data)
{
  OvStoreOpenFlags flags = GPOINTER_TO_UINT (data);
  g_autofree char *dir = NULL;
  g_autofree char *path = sample_file (300, &dir);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  ov_test_damage_table (path, "playbook_tasks");
  before = ov_test_read_file (path);

  store = ov_store_open_full (path, flags, &error);
  g_assert_no_error (error);
  other = ov_store_open_another (store, &error);
  g_assert_no_error (error);

  /* A worker's connection, first: it waits for the same check. */
  g_assert_false (ov_store_set_setting (other, "later", "1", &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "test.db"));
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  g_assert_false (ov_store_transaction_begin (other, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_false (ov_store_set_setting (store, "later", "1", &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (ov_store_purge_deleted (store, G_MAXINT32, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (ov_store_get_db (store),
                                 "INSERT INTO settings (key, value) VALUES ('raw', '1')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_COMMITHOOK);
  g_assert_false (ov_store_exec (store, "DELETE FROM accounts", &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_clear_object (&other);
  g_clear_object (&store);
  /* Nothing was logged for the file either. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      GStatBuf st;

      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }
  after = ov_test_read_file (path);
  assert_bytes_equal (before, after);

  ov_test_remove_dir (dir);
}

/* On a sound file a write made while the check may still run waits for it
 * and is kept, on the store and on a worker's connection alike. */
static void
test_checked_later_write_waits (gconstpointer data)
{
  OvStoreOpenFlags flags = GPOINTER_TO_UINT (data);
  g_autofree char *dir = NULL;
  g_autofree char *path = sample_file (1500, &dir);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  store = ov_store_open_full (path, flags, &error);
  g_assert_no_error (error);
  other = ov_store_open_another (store, &error);
  g_assert_no_error (error);

  g_assert_true (ov_store_set_setting (other, "written-during-check", "worker", &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_transaction_begin (store, &error));
  g_assert_true (ov_store_set_setting (store, "written-during-check-2", "store", &error));
  g_assert_true (ov_store_transaction_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_wait_checked (store, &error));
  g_assert_true (ov_store_wait_checked (other, &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  g_clear_object (&store);

  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  first = ov_store_get_setting (store, "written-during-check");
  second = ov_store_get_setting (store, "written-during-check-2");
  g_assert_cmpstr (first, ==, "worker");
  g_assert_cmpstr (second, ==, "store");

  ov_test_remove_dir (dir);
}

/* test_read_only's child: opens the read-only file; 0 if refused as it
 * should be, else which check failed. */
static int
open_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  OvStore *child_store;

  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    return 3;

  child_store = ov_store_open (path, &error);
  if (child_store != NULL)
    return 4;
  if (!g_error_matches (error, OV_STORE_ERROR, OV_STORE_ERROR_READ_ONLY))
    return 5;
  if (strstr (error->message, "test.db") == NULL)
    return 6;
  return 0;
}

/* Root may write anywhere, so as root the opening runs as "nobody". */
static void
test_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  int status;
  pid_t pid;

  path = g_strdup (ov_store_get_path (store));
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = ov_test_read_file (path);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* _exit() skips the parent's cleanups: free their copies first, so
       * that a leak check of the child (valgrind) finds nothing. */
      int code = open_read_only (path);

      g_clear_pointer (&before, g_bytes_unref);
      g_clear_pointer (&path, g_free);
      g_clear_pointer (&dir, g_free);
      _exit (code);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  after = ov_test_read_file (path);
  assert_bytes_equal (before, after);

  ov_test_remove_dir (dir);
}

static void
test_locked (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GError) error = NULL;
  sqlite3 *holder = NULL;

  path = g_strdup (ov_store_get_path (store));
  g_clear_object (&store);

  /* Another program holds the file exclusively. */
  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                         "INSERT INTO settings VALUES ('k', 'v');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  store = ov_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "test.db"));
  g_assert_nonnull (strstr (error->message, "another program"));

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  g_clear_error (&error);

  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *pragma = NULL;

  path = g_strdup (ov_store_get_path (store));
  pragma = g_strdup_printf ("PRAGMA user_version = %d", ov_store_get_latest_version () + 1);
  g_assert_true (ov_store_exec (store, pragma, NULL));
  g_clear_object (&store);

  assert_refused (path, OV_STORE_ERROR_TOO_NEW);
  ov_test_remove_dir (dir);
}

/* A deferred check given up before anything waited for it: the store
 * closes without checking (nor waiting for a check), and the file is left
 * as it was; opened again, the check runs when waited for and refuses it. */
static void
test_deferred_dropped (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = sample_file (300, &dir);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const OvStoreOpenFlags flags = OV_STORE_OPEN_CHECK_LATER | OV_STORE_OPEN_CHECK_DEFERRED;

  ov_test_damage_table (path, "playbook_tasks");
  before = ov_test_read_file (path);

  store = ov_store_open_full (path, flags, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  after = ov_test_read_file (path);
  assert_bytes_equal (before, after);

  store = ov_store_open_full (path, flags, &error);
  g_assert_no_error (error);
  g_assert_false (ov_store_wait_checked (store, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
  g_clear_object (&store);

  ov_test_remove_dir (dir);
}

static const struct
{
  OvStoreOpenFlags  flags;
  const char       *suffix;
} check_ways[] = {
  { OV_STORE_OPEN_CHECK_LATER, "" },
  { OV_STORE_OPEN_CHECK_LATER | OV_STORE_OPEN_CHECK_DEFERRED, "/deferred" },
};

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/refuse/not-a-database", test_not_a_database);
  g_test_add_func ("/store/refuse/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/store/refuse/corrupt", test_corrupt);
  g_test_add_func ("/store/refuse/corrupt-checked-later", test_corrupt_checked_later);
  /* Each with the check begun at the opening, and deferred until waited
   * for (as the window opens the portfolio). */
  for (guint i = 0; i < G_N_ELEMENTS (check_ways); i++)
    {
      g_autofree char *everywhere =
        g_strdup_printf ("/store/refuse/corrupt-checked-later-everywhere%s", check_ways[i].suffix);
      g_autofree char *sound = g_strdup_printf ("/store/checked-later%s", check_ways[i].suffix);
      g_autofree char *waits =
        g_strdup_printf ("/store/checked-later/write-waits%s", check_ways[i].suffix);
      gconstpointer flags = GUINT_TO_POINTER (check_ways[i].flags);

      g_test_add_data_func (everywhere, flags, test_corrupt_checked_later_everywhere);
      g_test_add_data_func (sound, flags, test_checked_later);
      g_test_add_data_func (waits, flags, test_checked_later_write_waits);
    }
  g_test_add_func ("/store/checked-later/deferred-dropped", test_deferred_dropped);
  g_test_add_func ("/store/refuse/read-only", test_read_only);
  g_test_add_func ("/store/refuse/locked", test_locked);
  g_test_add_func ("/store/refuse/too-new", test_too_new);

  return g_test_run ();
}
