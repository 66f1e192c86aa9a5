/* test-store.c — opening, creating, migrating and refusing databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ov-store-private.h"
#include "ov-test-support.h"

static void
assert_bytes_equal (GBytes *before,
                    GBytes *after)
{
  g_assert_cmpuint (g_bytes_get_size (before), ==, g_bytes_get_size (after));
  g_assert_true (g_bytes_equal (before, after));
}

static OvAccount *
make_account (const char *name)
{
  OvAccount *account = ov_account_new ();

  ov_account_set_name (account, name);
  ov_account_set_owner (account, "Priya Raman");
  ov_account_set_arr_cents (account, 1200000);
  return account;
}

static void
test_create (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "nested", "folder", "overture.db", NULL);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (ov_store_get_schema_version (store), ==, ov_store_get_latest_version ());
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 0);
  /* A new database is not a migration: no backup. */
  g_assert_null (ov_store_get_backup_path (store));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_reopen (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = make_account ("Northwind Analytics");
  g_autoptr(OvAccount) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  path = g_strdup (ov_store_get_path (store));
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
  id = ov_account_get_id (account);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&store);

  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  loaded = ov_store_get_account (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_name (loaded), ==, "Northwind Analytics");
  g_assert_cmpstr (ov_account_get_owner (loaded), ==, "Priya Raman");
  g_assert_cmpint (ov_account_get_arr_cents (loaded), ==, 1200000);
  g_assert_null (ov_store_get_backup_path (store));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
create_from_sql (const char *path,
                 const char *sql_fixture)
{
  g_autofree char *fixture = ov_test_fixture_path ("store", sql_fixture, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
read_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
test_migrate (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvAccount) lumen = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const char *backup;

  create_from_sql (path, "schema-v1.sql");
  g_assert_cmpint (read_user_version (path), ==, 1);

  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_get_schema_version (store), ==, ov_store_get_latest_version ());
  g_assert_cmpint (ov_store_get_latest_version (), >, 1);

  /* The backup was taken before migrating: it still says version 1. */
  backup = ov_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, path));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (read_user_version (backup), ==, 1);

  /* The data survived. */
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 2);
  lumen = ov_store_get_account (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_name (lumen), ==, "Lumen Freight");
  g_assert_cmpstr (ov_account_get_external_id (lumen), ==, "SF-0001");
  g_assert_cmpint (ov_account_get_stage (lumen), ==, OV_STAGE_ADOPT);
  g_assert_cmpint (ov_account_get_ttfv_days (lumen), ==, 49);
  events = ov_store_list_stage_events (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);

  /* A later table exists and works. */
  g_assert_true (ov_store_exec (store, "SELECT count(*) FROM tasks", &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  g_assert_cmpint (read_user_version (path), ==, ov_store_get_latest_version ());
  ov_test_remove_dir (dir);
}

static gint64
query_int (OvStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (ov_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* An id once handed out is never handed out again, also after the row with
 * the largest id is gone and in a file migrated from a schema without
 * AUTOINCREMENT, and every editable row starts at version 1. */
static void
test_ids_never_reused (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const tables[] = {
    "accounts", "people", "tasks", "playbooks", "metric_values", "stage_answers",
  };
  gint64 last;

  create_from_sql (path, "schema-v1.sql");
  store = ov_store_open (path, &error);
  g_assert_no_error (error);

  last = query_int (store, "SELECT max(id) FROM accounts");
  g_assert_cmpint (last, >, 0);
  g_assert_true (ov_store_exec (store,
                                "DELETE FROM accounts WHERE id = (SELECT max(id) FROM accounts);"
                                "INSERT INTO accounts (name, created_at, updated_at)"
                                "  VALUES ('Zeta Corp', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT id FROM accounts WHERE name = 'Zeta Corp'"), ==, last + 1);
  g_assert_cmpint (query_int (store, "SELECT min(version) FROM accounts"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') "
                                              "WHERE name = 'version'", tables[i]);

      g_test_message ("%s has a version", tables[i]);
      g_assert_cmpint (query_int (store, sql), ==, 1);
    }

  /* The rebuild kept every reference whole and cascades still work. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_true (ov_store_exec (store, "DELETE FROM accounts WHERE id = 1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stage_events WHERE account_id = 1"), ==, 0);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Every row of every table of @path, each column quoted, in a fixed order:
 * the tables and columns as they are in @path, read from @other_path
 * (which may have more of both) when it is given. */
static char *
dump_tables (const char *path,
             const char *other_path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3 *other = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open_v2 (other_path ? other_path : path, &other, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                           "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *)sqlite3_column_text (tables, 0);
      g_autofree char *columns_sql = g_strdup_printf ("SELECT group_concat('quote(' || name || ')', "
                                                      "' || '','' || ') FROM pragma_table_info('%s')",
                                                      table);
      g_autofree char *select = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, columns_sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      select = g_strdup_printf ("SELECT %s FROM %s ORDER BY 1", sqlite3_column_text (stmt, 0),
                                table);
      sqlite3_finalize (stmt);

      g_string_append_printf (out, "[%s]\n", table);
      g_assert_cmpint (sqlite3_prepare_v2 (other, select, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_finalize (tables);
  sqlite3_close (other);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
find_backup (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

static guint
count_backups (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      n++;

  return n;
}

/* From every earlier schema: every row survives under its id, with every
 * value it had, every reference whole, one backup of the old file. */
static void
test_migrate_every_version (void)
{
  static const char * const fixtures[] = { "schema-v1.sql", "schema-v2.sql", "schema-v3.sql" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *dir = ov_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autofree char *original = g_build_filename (dir, "original.db", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *in_backup = NULL;
      g_autofree char *backup = NULL;
      g_autoptr(OvStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", fixtures[i]);
      create_from_sql (path, fixtures[i]);
      create_from_sql (original, fixtures[i]);
      g_assert_cmpint (read_user_version (path), ==, (int)i + 1);
      before = dump_tables (original, NULL);

      store = ov_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ov_store_get_schema_version (store), ==, ov_store_get_latest_version ());
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      g_clear_object (&store);

      /* Every table and column the old file had, row for row; a file from
       * before the journey (v1) gains the seeded playbook's setting. */
      after = dump_tables (original, path);
      if (i == 0)
        {
          g_auto(GStrv) lines = g_strsplit (before, "\n", -1);

          for (guint l = 0; lines[l] != NULL; l++)
            g_assert_nonnull (strstr (after, lines[l]));
        }
      else
        g_assert_cmpstr (after, ==, before);

      g_assert_cmpuint (count_backups (dir), ==, 1);
      backup = find_backup (dir);
      in_backup = dump_tables (original, backup);
      g_assert_cmpstr (in_backup, ==, before);
      g_assert_cmpint (read_user_version (path), ==, ov_store_get_latest_version ());

      ov_test_remove_dir (dir);
    }
}

/* A migration that fails halfway (a v1 file whose history refers to an
 * account that is not there: the rebuilt tables check their references)
 * leaves the file as it was, byte for byte, and one backup however often
 * it is tried. */
static void
test_migrate_fails (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GBytes) before = NULL;
  sqlite3 *db = NULL;

  create_from_sql (path, "schema-v1.sql");
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO stage_events (account_id, stage, happened_on, "
                                     "created_at) VALUES (99, 1, '2026-01-01', "
                                     "'2026-01-01T00:00:00Z')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = ov_test_read_file (path);

  for (int attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(OvStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;

      store = ov_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
      g_assert_nonnull (strstr (error->message, "stage_events"));

      after = ov_test_read_file (path);
      assert_bytes_equal (before, after);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_backups (dir), ==, 1);
      g_assert_cmpint (read_user_version (path), ==, 1);
    }

  ov_test_remove_dir (dir);
}

/* Opening purges nothing; the app purges what was deleted before it
 * started, and a restore of a purged account says it found nothing. */
static void
test_purge_deleted (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) old = make_account ("Deleted Long Ago");
  g_autoptr(OvAccount) recent = make_account ("Deleted Just Now");
  g_autoptr(GError) error = NULL;
  gint64 start;

  path = g_strdup (ov_store_get_path (store));
  g_assert_true (ov_store_save_account (store, old, &error));
  g_assert_true (ov_store_save_account (store, recent, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_delete_account (store, old, &error));
  g_assert_no_error (error);
  /* Deleted twice: the second finds nothing to delete. */
  g_assert_false (ov_store_delete_account (store, old, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ov_store_exec (store, "UPDATE accounts SET deleted_at = '2020-01-01T00:00:00Z' "
                                       "WHERE deleted_at IS NOT NULL", &error));
  g_assert_true (ov_store_delete_account (store, recent, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts"), ==, 2);

  /* The app started a moment ago: only the old one goes. */
  start = g_get_real_time () / G_USEC_PER_SEC - 60;
  g_assert_true (ov_store_purge_deleted (store, start, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts"), ==, 1);

  g_assert_false (ov_store_restore_account (store, ov_account_get_id (old), &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ov_store_restore_account (store, ov_account_get_id (recent), &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Reading the accounts notes whether the purge has any to remove: only an
 * account deleted before the given moment counts, and none is listed. */
static void
test_purge_noted (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) kept = make_account ("Kept");
  g_autoptr(OvAccount) old = make_account ("Deleted Long Ago");
  g_autoptr(OvAccount) recent = make_account ("Deleted Just Now");
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_real_time () / G_USEC_PER_SEC - 60;
  gboolean due = TRUE;

  g_assert_true (ov_store_save_account (store, kept, &error));
  g_assert_true (ov_store_save_account (store, old, &error));
  g_assert_true (ov_store_save_account (store, recent, &error));
  g_assert_true (ov_store_delete_account (store, recent, &error));
  g_assert_no_error (error);

  accounts = ov_store_list_accounts_noting_purge (store, start, &due, &error);
  g_assert_no_error (error);
  g_assert_false (due);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_clear_pointer (&accounts, g_ptr_array_unref);

  g_assert_true (ov_store_delete_account (store, old, &error));
  g_assert_true (ov_store_exec (store, "UPDATE accounts SET deleted_at = '2020-01-01T00:00:00Z' "
                                       "WHERE name = 'Deleted Long Ago'", &error));
  g_assert_no_error (error);
  accounts = ov_store_list_accounts_noting_purge (store, start, &due, &error);
  g_assert_no_error (error);
  g_assert_true (due);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (ov_account_get_name (g_ptr_array_index (accounts, 0)), ==, "Kept");
  g_clear_pointer (&accounts, g_ptr_array_unref);

  /* Told there are none, the purge leaves accounts alone. */
  g_assert_true (ov_store_purge_deleted_full (store, start, FALSE, &error));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts"), ==, 3);
  g_assert_true (ov_store_purge_deleted_full (store, start, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts"), ==, 2);

  accounts = ov_store_list_accounts_noting_purge (store, start, &due, &error);
  g_assert_no_error (error);
  g_assert_false (due);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Stored timestamps are read as SQLite reads them, whether written by the
 * store (read by hand, quickly) or in another of SQLite's forms. */
static void
test_timestamps (void)
{
  static const char * const stamps[] = {
    "2026-03-04T05:06:07Z", "1970-01-01T00:00:00Z", "2099-12-31T23:59:59Z",
    "2026-03-04 05:06:07", "2026-03-04T05:06:07.250Z", "2026-03-04", "2026-02-29T10:00:00Z",
    "2026-03-04T24:00:00Z", "not a date",
  };
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = make_account ("Timely");
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE accounts SET created_at = '%s', "
                                              "updated_at = '%s'", stamps[i], stamps[i]);
      g_autoptr(OvAccount) loaded = NULL;
      gint64 expected;

      g_assert_true (ov_store_exec (store, sql, &error));
      g_assert_no_error (error);
      expected = query_int (store, "SELECT coalesce (CAST (strftime ('%s', created_at) "
                                   "AS INTEGER), 0) FROM accounts");
      loaded = ov_store_get_account (store, ov_account_get_id (account), &error);
      g_assert_no_error (error);
      g_assert_cmpint (ov_account_get_created_at (loaded), ==, expected);
      g_assert_cmpint (ov_account_get_updated_at (loaded), ==, expected);
    }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Reading only: no byte changes, no -wal or -shm is left, an old file is
 * refused with a message, writing is refused by SQLite itself, every
 * connection is defensive and distrusts the schema. */
static void
test_read_only_store (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *old = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvStore) another = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  int value = -1;

  path = g_strdup (ov_store_get_path (store));
  shm = g_strconcat (path, "-shm", NULL);
  g_assert_true (ov_sample_generate (store, 20, 7, ov_date_from_ymd (2026, 11, 23), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_db_config (ov_store_get_db (store), SQLITE_DBCONFIG_DEFENSIVE, -1,
                                      &value), ==, SQLITE_OK);
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpint (sqlite3_db_config (ov_store_get_db (store), SQLITE_DBCONFIG_TRUSTED_SCHEMA,
                                      -1, &value), ==, SQLITE_OK);
  g_assert_cmpint (value, ==, 0);
  g_clear_object (&store);
  before = ov_test_read_file (path);

  store = ov_store_open_full (path, OV_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_is_read_only (store));
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 20);
  another = ov_store_open_another (store, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_is_read_only (another));
  g_assert_false (ov_store_exec (another, "DELETE FROM accounts", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&another);
  g_clear_object (&store);

  after = ov_test_read_file (path);
  assert_bytes_equal (before, after);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  old = g_build_filename (dir, "old.db", NULL);
  create_from_sql (old, "schema-v3.sql");
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);
  before = ov_test_read_file (old);
  store = ov_store_open_full (old, OV_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NEEDS_UPGRADE);
  g_assert_nonnull (strstr (error->message, "open it in Overture"));
  after = ov_test_read_file (old);
  assert_bytes_equal (before, after);
  g_assert_cmpuint (count_backups (dir), ==, 0);

  ov_test_remove_dir (dir);
}

/* A relative name is made absolute; a folder is refused. */
static void
test_paths (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = g_build_filename (dir, ":memory:", NULL);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chdir (dir), ==, 0);
  store = ov_store_open (":memory:", &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);

  store = ov_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "is a folder"));

  ov_test_remove_dir (dir);
}

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

/* Scribbles over the header of the first page of @table: a damage only
 * reading that table, or checking every page, finds. */
static void
damage_table (const char *path,
              const char *table)
{
  g_autofree char *contents = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 page_size, root;
  gsize length;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT page_size FROM pragma_page_size), "
                                           "rootpage FROM sqlite_schema WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  root = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (root, >, 1);
  g_assert_cmpuint (length, >=, (gsize)(root * page_size));
  for (gint64 i = 0; i < 12; i++)
    contents[(root - 1) * page_size + i] = (char)(0x42 + i * 29);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_chmod (path, 0600);
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
  damage_table (path, "playbook_tasks");
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

      /* Said again, and nothing commits. */
      g_assert_false (ov_store_wait_checked (store, &error));
      g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      g_assert_true (ov_store_transaction_begin (store, &error));
      g_assert_false (ov_store_transaction_commit (store, &error));
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
test_checked_later (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = sample_file (30, &dir);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  static const char csv[] = "external_id,name,arr,currency\nL-1,Later Ltd,1200.00,EUR\n";

  store = ov_store_open_full (path, OV_STORE_OPEN_CHECK_LATER, &error);
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

/* A full disk is simulated with max_page_count: SQLite then fails the
 * write exactly as it does when the file system is full. */
static void
test_full (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(OvAccount) account = make_account ("Brightwater Energy");
  g_autoptr(GString) notes = g_string_new (NULL);
  int pages = 0;
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (ov_store_get_db (store), "PRAGMA page_count", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  {
    g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
    g_assert_true (ov_store_exec (store, limit, NULL));
  }

  for (int i = 0; i < 4000; i++)
    g_string_append (notes, "A long note that will not fit. ");
  ov_account_set_notes (account, notes->str);

  g_assert_false (ov_store_save_account (store, account, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_assert_cmpint (ov_account_get_id (account), ==, 0);
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 0);

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

static void
test_check_and_settings (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *value = NULL;

  g_assert_true (ov_store_check (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok\n");

  g_assert_null (ov_store_get_setting (store, "program-start"));
  g_assert_true (ov_store_set_setting (store, "program-start", "2026-01-01", &error));
  g_assert_true (ov_store_set_setting (store, "program-start", "2026-02-01", &error));
  value = ov_store_get_setting (store, "program-start");
  g_assert_cmpstr (value, ==, "2026-02-01");

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
count_changes (OvStore    *store,
               const char *what,
               int        *count)
{
  (*count)++;
}

static void
test_nested_transactions (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) kept = make_account ("Kept");
  g_autoptr(OvAccount) dropped = make_account ("Dropped");
  g_autoptr(GError) error = NULL;
  int changes = 0;

  g_signal_connect (store, "changed::accounts", G_CALLBACK (count_changes), &changes);

  g_assert_true (ov_store_transaction_begin (store, &error));
  g_assert_true (ov_store_save_account (store, kept, &error));
  g_assert_true (ov_store_transaction_begin (store, &error));
  g_assert_true (ov_store_save_account (store, dropped, &error));
  ov_store_transaction_rollback (store);
  /* Nothing is announced before the outer commit. */
  g_assert_cmpint (changes, ==, 0);
  g_assert_true (ov_store_transaction_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes, ==, 1);

  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 1);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/create", test_create);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/migrate", test_migrate);
  g_test_add_func ("/store/ids-never-reused", test_ids_never_reused);
  g_test_add_func ("/store/migrate/every-version", test_migrate_every_version);
  g_test_add_func ("/store/migrate/fails-halfway", test_migrate_fails);
  g_test_add_func ("/store/purge-deleted", test_purge_deleted);
  g_test_add_func ("/store/purge-noted", test_purge_noted);
  g_test_add_func ("/store/timestamps", test_timestamps);
  g_test_add_func ("/store/read-only", test_read_only_store);
  g_test_add_func ("/store/paths", test_paths);
  g_test_add_func ("/store/refuse/not-a-database", test_not_a_database);
  g_test_add_func ("/store/refuse/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/store/refuse/corrupt", test_corrupt);
  g_test_add_func ("/store/refuse/corrupt-checked-later", test_corrupt_checked_later);
  g_test_add_func ("/store/checked-later", test_checked_later);
  g_test_add_func ("/store/refuse/read-only", test_read_only);
  g_test_add_func ("/store/refuse/locked", test_locked);
  g_test_add_func ("/store/refuse/too-new", test_too_new);
  g_test_add_func ("/store/full", test_full);
  g_test_add_func ("/store/check-and-settings", test_check_and_settings);
  g_test_add_func ("/store/nested-transactions", test_nested_transactions);

  return g_test_run ();
}
