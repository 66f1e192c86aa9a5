/* test-store-migrate.c — migrating databases of every earlier schema:
 * the backup first, every row kept, and nothing changed when a step fails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "store-test-support.h"

/* One number a query on the file at @path gives, without the store. */
static gint64
query_int_at (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
read_user_version (const char *path)
{
  return (int)query_int_at (path, "PRAGMA user_version");
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

/* From every earlier schema: every row survives under its id, with every
 * value it had, every reference whole, one backup of the old file. */
static void
test_migrate_every_version (void)
{
  static const struct
  {
    const char *name;
    int         version;
  } fixtures[] = {
    { "schema-v1.sql", 1 }, { "schema-v2.sql", 2 }, { "schema-v3.sql", 3 },
    { "schema-v6.sql", 6 }, { "schema-v7.sql", 7 }, { "schema-v10.sql", 10 },
  };

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

      g_test_message ("%s", fixtures[i].name);
      create_from_sql (path, fixtures[i].name);
      create_from_sql (original, fixtures[i].name);
      g_assert_cmpint (read_user_version (path), ==, fixtures[i].version);
      before = dump_tables (original, NULL);

      store = ov_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ov_store_get_schema_version (store), ==, ov_store_get_latest_version ());
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      g_clear_object (&store);

      /* Every table and column the old file had, row for row; a file from
       * before the journey (v1) gains the seeded playbook's setting. */
      after = dump_tables (original, path);
      if (fixtures[i].version == 1)
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

static gint64
package_id_of (OvStore    *store,
               gint64      account_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (package_id, 0) FROM accounts "
                                          "WHERE id = %" G_GINT64_FORMAT, account_id);

  return query_int (store, sql);
}

/* From schema 6: the shipped packages, one more per name the accounts
 * gave whatever its case (named as most of them spell it), every account
 * linked to its own and keeping its text; the churned account churned on
 * its last change; measurements without notes. */
static void
test_migrate_packages (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(OvPackage) premium = NULL;
  g_autoptr(OvPackage) gold = NULL;
  g_autoptr(OvPackage) overview = NULL;
  g_autoptr(OvPackage) legacy = NULL;
  g_autoptr(OvAccount) churned = NULL;
  g_autoptr(OvAccount) lumen = NULL;
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const names[] = {
    "Enterprise", "Essential", "Gold Plan", "Guided", "Legacy Care", "Premium", "Überblick",
  };
  guint removed = 0, restored = 0;

  create_from_sql (path, "schema-v6.sql");
  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_get_schema_version (store), ==, ov_store_get_latest_version ());

  packages = ov_store_list_packages (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packages->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < packages->len; i++)
    g_assert_cmpstr (ov_package_get_name (packages->pdata[i]), ==, names[i]);

  premium = ov_store_find_package (store, "PREMIUM", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_package_get_price_cents (premium), ==, 1500000);
  g_assert_cmpstr (ov_package_get_currency (premium), ==, "USD");
  g_assert_true (ov_package_has_service (premium, OV_PACKAGE_SERVICE_DEDICATED_CSM));
  g_assert_false (ov_package_has_service (premium, OV_PACKAGE_SERVICE_MANAGED_SERVICES));
  gold = ov_store_find_package (store, " gold PLAN", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_package_get_price_cents (gold), ==, 0);
  overview = ov_store_find_package (store, "überblick", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_package_get_name (overview), ==, "Überblick");
  legacy = ov_store_find_package (store, "Legacy Care", &error);
  g_assert_no_error (error);

  g_assert_cmpint (package_id_of (store, 3), ==, ov_package_get_id (premium));
  g_assert_cmpint (package_id_of (store, 5), ==, ov_package_get_id (premium));
  g_assert_cmpint (package_id_of (store, 8), ==, ov_package_get_id (gold));
  g_assert_cmpint (package_id_of (store, 9), ==, ov_package_get_id (gold));
  g_assert_cmpint (package_id_of (store, 11), ==, ov_package_get_id (gold));
  g_assert_cmpint (package_id_of (store, 12), ==, ov_package_get_id (overview));
  g_assert_cmpint (package_id_of (store, 13), ==, ov_package_get_id (overview));
  g_assert_cmpint (package_id_of (store, 14), ==, 0);
  g_assert_cmpint (package_id_of (store, 15), ==, ov_package_get_id (legacy));
  g_assert_cmpint (ov_store_count_package_accounts (store, ov_package_get_id (gold), NULL), ==, 3);

  /* The account shows its text as it was, with the package's id beside. */
  churned = ov_store_get_account (store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_package (churned), ==, "premium ");
  g_assert_cmpint (ov_account_get_package_id (churned), ==, ov_package_get_id (premium));
  g_assert_cmpint (ov_account_get_churned_on (churned), ==, ov_date_from_ymd (2026, 9, 14));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts WHERE churned_on IS NOT NULL"),
                   ==, 1);

  /* Saved, it takes the package's name. */
  g_assert_true (ov_store_save_account_on (store, churned, ov_date_from_ymd (2026, 12, 1),
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_package (churned), ==, "Premium");
  g_assert_cmpint (ov_account_get_churned_on (churned), ==, ov_date_from_ymd (2026, 9, 14));

  measurements = ov_store_list_measurements (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measurements->len, ==, 2);
  g_assert_cmpstr (ov_measurement_get_note (measurements->pdata[0]), ==, "");
  g_assert_cmpint (ov_measurement_get_version (measurements->pdata[0]), ==, 1);

  /* A batch backed up before schema 7 names the package it replaced by its
   * text: undone, the account gets that package back by name. */
  g_assert_true (ov_store_undo_import (store, 1, &removed, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (restored, ==, 1);
  lumen = ov_store_get_account (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_package (lumen), ==, "Gold Plan");
  g_assert_cmpint (ov_account_get_package_id (lumen), ==, ov_package_get_id (gold));
  g_assert_cmpint (ov_account_get_churned_on (lumen), ==, OV_DATE_NONE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM packages"), ==, G_N_ELEMENTS (names));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* From schema 10 (ARR NOT NULL) to 11: an ARR may be unknown (NULL), and
 * the rebuilt accounts table keeps its values, zeros included (nobody can
 * tell which were empty cells), its STRICT typing and CHECK rules, its
 * index, its references and the triggers of packages. */
static void
test_migrate_unknown_arr (void)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvAccount) zero = NULL;
  g_autoptr(OvAccount) yellowbird = NULL;
  g_autoptr(OvAccount) cleared = NULL;
  g_autoptr(GError) error = NULL;

  create_from_sql (path, "schema-v10.sql");
  g_assert_cmpint (query_int_at (path, "SELECT \"notnull\" FROM pragma_table_info ('accounts') "
                                       "WHERE name = 'arr_cents'"), ==, 1);
  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_get_schema_version (store), ==, 11);

  g_assert_cmpint (query_int (store, "SELECT \"notnull\" FROM pragma_table_info ('accounts') "
                                     "WHERE name = 'arr_cents'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT strict FROM pragma_table_list "
                                     "WHERE name = 'accounts'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts WHERE arr_cents IS NULL"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                     "AND name = 'accounts_external_id'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                     "AND name IN ('packages_renamed', 'packages_removed')"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema "
                                     "WHERE name = 'accounts_v11'"), ==, 0);

  zero = ov_store_get_account (store, 1, &error);
  g_assert_no_error (error);
  g_assert_true (ov_account_has_arr (zero));
  g_assert_cmpint (ov_account_get_arr_cents (zero), ==, 0);
  g_assert_cmpstr (ov_account_get_currency (zero), ==, "EUR");
  yellowbird = ov_store_get_account (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_arr_cents (yellowbird), ==, 10150000);
  g_assert_cmpint (ov_account_get_version (yellowbird), ==,
                   query_int (store, "SELECT version FROM accounts WHERE id = 2"));

  /* STRICT and CHECK still refuse what they refused. */
  g_assert_false (ov_store_exec (store, "UPDATE accounts SET arr_cents = -1 WHERE id = 2", NULL));
  g_assert_false (ov_store_exec (store, "UPDATE accounts SET arr_cents = 'lots' WHERE id = 2",
                                 NULL));
  g_assert_false (ov_store_exec (store, "UPDATE accounts SET stage = 7 WHERE id = 2", NULL));
  g_assert_false (ov_store_exec (store, "UPDATE accounts SET name = '' WHERE id = 2", NULL));
  g_assert_false (ov_store_exec (store, "UPDATE accounts SET external_id = "
                                        "(SELECT external_id FROM accounts WHERE id = 3) "
                                        "WHERE id = 2", NULL));

  /* The triggers of packages work on the new table. */
  g_assert_true (ov_store_exec (store, "UPDATE packages SET name = 'Essential Plus' "
                                       "WHERE name = 'Essential'", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts "
                                     "WHERE package = 'Essential Plus'"), ==, 2);

  /* An ARR cleared is NULL now, and read back as unknown. */
  ov_account_set_arr_cents (yellowbird, OV_MONEY_UNKNOWN);
  g_assert_true (ov_store_save_account (store, yellowbird, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT arr_cents IS NULL FROM accounts WHERE id = 2"),
                   ==, 1);
  cleared = ov_store_get_account (store, 2, &error);
  g_assert_no_error (error);
  g_assert_false (ov_account_has_arr (cleared));

  /* References: whole, enforced, and a removed account still cascades. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_true (ov_store_exec (store, "DELETE FROM accounts WHERE id = 3", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stage_events WHERE account_id = 3"),
                   ==, 0);
  g_assert_false (ov_store_exec (store, "INSERT INTO people (account_id, name, created_at, "
                                        "updated_at) VALUES (99, 'Nobody', '2026-01-01', "
                                        "'2026-01-01')", NULL));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/migrate", test_migrate);
  g_test_add_func ("/store/ids-never-reused", test_ids_never_reused);
  g_test_add_func ("/store/migrate/every-version", test_migrate_every_version);
  g_test_add_func ("/store/migrate/fails-halfway", test_migrate_fails);
  g_test_add_func ("/store/migrate/packages-from-text", test_migrate_packages);
  g_test_add_func ("/store/migrate/unknown-arr", test_migrate_unknown_arr);

  return g_test_run ();
}
