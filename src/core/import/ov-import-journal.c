/* ov-import-journal.c — an import's place in the database: its batch, the
 * journal mode of its one transaction, and what other connections did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ov-import-engine.h"

gboolean
ov_import_insert_batch (OvImportRun  *run,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO import_batches (kind, source, imported_at) "
                           "VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ov_csv_kind_get_id (run->kind), -1, SQLITE_STATIC);
  ov_bind_text (stmt, 2, ov_importer_get_source_name (run->importer));
  sqlite3_bind_text (stmt, 3, run->now, -1, SQLITE_STATIC);
  if (!ov_store_step_done (run->store, stmt, error))
    return FALSE;

  run->batch_id = sqlite3_last_insert_rowid (ov_store_get_db (run->store));
  return TRUE;
}

gboolean
ov_import_finish_batch (OvImportRun  *run,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (run->store,
                           "UPDATE import_batches SET n_created = ?2, n_updated = ?3, "
                           "n_unchanged = ?4, n_rejected = ?5, first_created_id = ?6, "
                           "last_created_id = ?7 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, run->batch_id);
  sqlite3_bind_int (stmt, 2, run->n_created);
  sqlite3_bind_int (stmt, 3, run->n_updated);
  sqlite3_bind_int (stmt, 4, run->n_unchanged);
  sqlite3_bind_int (stmt, 5, run->n_rejected);
  if (run->first_created > 0)
    {
      sqlite3_bind_int64 (stmt, 6, run->first_created);
      sqlite3_bind_int64 (stmt, 7, run->last_created);
    }

  return ov_store_step_done (run->store, stmt, error);
}

gboolean
ov_import_table_is_empty (OvImportRun *run,
                          gboolean    *empty,
                          GError     **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (run->store, "SELECT EXISTS (SELECT 1 FROM accounts)",
                                         error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ov_store_set_error (run->store, error, sqlite3_errcode (ov_store_get_db (run->store)), NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  return TRUE;
}

char *
ov_import_query_text (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

/* A large import writes every page twice in WAL mode (log, then
 * checkpoint). When no other connection has the database open, a rollback
 * journal is as safe for one big transaction and writes once; the
 * database goes back to WAL right after. With other connections, SQLite
 * refuses the switch at once and nothing changes. */
gboolean
ov_import_use_rollback_journal (OvStore *store)
{
  sqlite3 *db = ov_store_get_db (store);
  g_autofree char *mode = NULL;

  if (!sqlite3_get_autocommit (db))
    return FALSE;

  mode = ov_import_query_text (db, "PRAGMA journal_mode = DELETE");
  if (g_strcmp0 (mode, "delete") != 0)
    return FALSE;

  /* Without WAL, synchronous=NORMAL can corrupt the file on a power cut. */
  ov_store_exec (store, "PRAGMA synchronous = FULL", NULL);
  return TRUE;
}

/* A number that changes whenever another connection commits a change. */
gboolean
ov_import_read_data_version (OvStore  *store,
                             gint64   *version,
                             GError  **error)
{
  return ov_store_query_int64 (store, "PRAGMA data_version", version, error);
}

void
ov_import_restore_wal (OvStore *store)
{
  g_autofree char *mode = ov_import_query_text (ov_store_get_db (store), "PRAGMA journal_mode = WAL");

  ov_store_exec (store, "PRAGMA synchronous = NORMAL", NULL);

  if (g_strcmp0 (mode, "wal") != 0)
    g_warning ("Could not switch %s back to WAL mode", ov_store_get_path (store));
}

/* The names of a run are let go of: emptied, not dropped, as dropping a
 * table changes the schema, and then SQLite prepares every statement the
 * store keeps again (a quarter of the time of a small import). */
void
ov_import_empty_name_index (OvStore *store)
{
  sqlite3_stmt *stmt = ov_store_prepare (store, "SELECT 1 FROM temp.sqlite_schema "
                                                "WHERE name = 'ov_import_names'", NULL);
  gboolean exists;

  if (stmt == NULL)
    return;
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (exists)
    ov_store_exec (store, "DELETE FROM temp.ov_import_names", NULL);
}

/* Tells the store's listeners what an import (or its undo) changed: the
 * rows of its kind, by the kind's id; measurements by that name too;
 * accounts after packages (their names show on them); and packages after
 * accounts when @packages (some were made or removed on the side). */
void
ov_import_emit_changed (OvStore   *store,
                        OvCsvKind  kind,
                        gboolean   packages)
{
  ov_store_emit_changed (store, ov_csv_kind_get_id (kind));
  if (kind == OV_CSV_KIND_METRICS)
    ov_store_emit_changed (store, "measurements");
  if (kind == OV_CSV_KIND_PACKAGES)
    ov_store_emit_changed (store, "accounts");
  /* Interviews come and go with their answers. */
  if (kind == OV_CSV_KIND_INTERVIEWS)
    ov_store_emit_changed (store, "interview-answers");
  if (kind == OV_CSV_KIND_ACCOUNTS && packages)
    ov_store_emit_changed (store, "packages");
  /* Accounts come and go with the tasks of the stages they entered. */
  if (kind == OV_CSV_KIND_ACCOUNTS)
    ov_store_emit_changed (store, "tasks");
}
