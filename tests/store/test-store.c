/* test-store.c — opening and creating databases, and what an open one
 * does: read-only use, purging the bin, a full disk, settings, nested
 * transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migrations are tested in test-store-migrate.c, files that are refused in
 * test-store-refuse.c.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store-test-support.h"
#include "ov-store-program.h"

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

/* What the accounts table's ARR column shows of @account. */
static char *
arr_text (OvAccount *account)
{
  char *text = NULL;

  g_object_get (account, "arr-text", &text, NULL);
  return text;
}

/* An ARR nobody gave is stored as NULL and read back as unknown, never as
 * 0; 0 is an amount and stays one; clearing it makes it unknown again,
 * through the account's version like any edit. */
static void
test_unknown_arr (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(OvAccount) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *unknown_text = NULL;
  g_autofree char *zero_text = NULL;
  gint64 id;

  /* A new account's ARR is not known until someone gives it. */
  g_assert_false (ov_account_has_arr (account));
  g_assert_cmpint (ov_account_get_arr_cents (account), ==, OV_MONEY_UNKNOWN);
  ov_account_set_name (account, "Quarry Logistics");
  g_assert_true (ov_account_validate (account, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
  id = ov_account_get_id (account);
  sql = g_strdup_printf ("SELECT arr_cents IS NULL FROM accounts WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (query_int (store, sql), ==, 1);

  loaded = ov_store_get_account (store, id, &error);
  g_assert_no_error (error);
  g_assert_false (ov_account_has_arr (loaded));
  g_assert_cmpint (ov_account_get_arr_cents (loaded), ==, OV_MONEY_UNKNOWN);
  unknown_text = arr_text (loaded);
  g_assert_cmpstr (unknown_text, ==, "—");

  /* 0 is known. */
  ov_account_set_arr_cents (loaded, 0);
  g_assert_true (ov_store_save_account (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, sql), ==, 0);
  g_clear_object (&loaded);
  loaded = ov_store_get_account (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (ov_account_has_arr (loaded));
  g_assert_cmpint (ov_account_get_arr_cents (loaded), ==, 0);
  zero_text = arr_text (loaded);
  g_assert_cmpstr (zero_text, ==, "$0");

  /* Cleared again, with the version moving on. */
  ov_account_set_arr_cents (loaded, OV_MONEY_UNKNOWN);
  g_assert_true (ov_store_save_account (store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_version (loaded), ==, 3);
  g_assert_cmpint (query_int (store, sql), ==, 1);

  /* The table still refuses a negative amount. */
  g_assert_false (ov_store_exec (store, "UPDATE accounts SET arr_cents = -5", &error));
  g_assert_nonnull (error);

  g_clear_object (&store);
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
  g_assert_cmpint (ov_store_get_program_start (store), ==, ov_date_from_ymd (2026, 2, 1));
  g_assert_true (ov_store_set_program_start (store, OV_DATE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_get_program_start (store), ==, OV_DATE_NONE);
  g_assert_true (ov_store_set_setting (store, "program-start", "2026-02-30", &error));
  g_assert_cmpint (ov_store_get_program_start (store), ==, OV_DATE_NONE);

  /* Health weights: defaults until stored; a bad set is refused whole. */
  {
    double weights[OV_HEALTH_N_COMPONENTS];
    const double mine[OV_HEALTH_N_COMPONENTS] = { 50, 0, 30, 20 };
    const double bad[OV_HEALTH_N_COMPONENTS] = { 50, -1, 30, 20 };

    g_assert_false (ov_store_get_health_weights (store, weights));
    g_assert_cmpmem (weights, sizeof weights, ov_health_default_weights (), sizeof weights);
    g_assert_true (ov_store_set_health_weights (store, mine, &error));
    g_assert_no_error (error);
    g_assert_true (ov_store_get_health_weights (store, weights));
    g_assert_cmpmem (weights, sizeof weights, mine, sizeof mine);
    g_assert_false (ov_store_set_health_weights (store, bad, &error));
    g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (ov_store_get_health_weights (store, weights));
    g_assert_cmpmem (weights, sizeof weights, mine, sizeof mine);
  }

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
  g_test_add_func ("/store/unknown-arr", test_unknown_arr);
  g_test_add_func ("/store/purge-deleted", test_purge_deleted);
  g_test_add_func ("/store/purge-noted", test_purge_noted);
  g_test_add_func ("/store/timestamps", test_timestamps);
  g_test_add_func ("/store/read-only", test_read_only_store);
  g_test_add_func ("/store/paths", test_paths);
  g_test_add_func ("/store/full", test_full);
  g_test_add_func ("/store/check-and-settings", test_check_and_settings);
  g_test_add_func ("/store/nested-transactions", test_nested_transactions);

  return g_test_run ();
}
