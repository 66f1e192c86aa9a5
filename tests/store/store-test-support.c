/* store-test-support.c — what the store's tests share: databases made
 * from SQL, their bytes, their backups, and one number asked of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "store-test-support.h"

void
assert_bytes_equal (GBytes *before,
                    GBytes *after)
{
  g_assert_cmpuint (g_bytes_get_size (before), ==, g_bytes_get_size (after));
  g_assert_true (g_bytes_equal (before, after));
}

void
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

gint64
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

guint
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

static void
on_store_changed (OvStore    *store,
                  const char *what,
                  GHashTable *changes)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (changes, what));

  g_hash_table_insert (changes, g_strdup (what), GUINT_TO_POINTER (n + 1));
}

void
records_fixture_set_up (RecordsFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  /* Before anything asks: the day is kept once read. */
  g_setenv ("OVERTURE_TODAY", "2026-06-15", TRUE);
  g_assert_cmpint (ov_date_today (), ==, records_date ("2026-06-15"));

  fixture->store = ov_test_new_store (&fixture->dir);
  fixture->other = ov_store_open (ov_store_get_path (fixture->store), &error);
  g_assert_no_error (error);

  ov_account_set_name (account, "Acme Logistics");
  ov_account_set_external_id (account, "A-1");
  g_assert_true (ov_store_save_account (fixture->store, account, &error));
  g_assert_no_error (error);
  fixture->account_id = ov_account_get_id (account);

  fixture->changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_store_changed), fixture->changes);
}

void
records_fixture_tear_down (RecordsFixture *fixture,
                           gconstpointer   data)
{
  g_signal_handlers_disconnect_by_data (fixture->store, fixture->changes);
  g_clear_pointer (&fixture->changes, g_hash_table_unref);
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

guint
records_take_changes (RecordsFixture *fixture,
                      const char     *what)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->changes, what));

  g_hash_table_remove_all (fixture->changes);
  return n;
}

OvDate
records_date (const char *iso)
{
  int year, month, day;
  OvDate date;

  /* Any real day, also those outside what files may hold (1899-12-31). */
  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &year, &month, &day), ==, 3);
  date = ov_date_from_ymd (year, month, day);
  g_assert_cmpint (date, !=, OV_DATE_NONE);
  return date;
}
