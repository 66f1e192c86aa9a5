/* ov-store-record.c — adding and changing one versioned row of a record kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include "ov-store-private.h"
#include "ov-store-record.h"

gboolean
ov_store_record_insert (OvStore                 *self,
                        const OvStoreRecordKind *kind,
                        gpointer                 record,
                        GError                 **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  guint next;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && record != NULL, FALSE);
  g_return_val_if_fail (kind->get_id (record) == 0, FALSE);

  if (!kind->validate (record, error))
    return FALSE;
  kind->tidy (record);

  now = ov_store_now_utc ();
  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (kind->get_account_id != NULL &&
      !ov_store_check_account (self, kind->get_account_id (record), error))
    goto failed;
  if (!kind->check_unique (self, record, error))
    goto failed;

  stmt = ov_store_prepare (self, kind->insert_sql, error);
  if (stmt == NULL)
    goto failed;

  kind->bind (stmt, record);
  next = kind->n_fields + 1;
  if (kind->get_account_id != NULL)
    sqlite3_bind_int64 (stmt, (int)next++, kind->get_account_id (record));
  sqlite3_bind_text (stmt, (int)next, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error))
    goto failed;

  kind->set_id (record, sqlite3_last_insert_rowid (ov_store_get_db (self)));
  kind->set_version (record, 1);
  if (!ov_store_transaction_commit (self, error))
    goto failed;

  ov_store_emit_changed (self, kind->changed);
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  kind->set_id (record, 0);
  kind->set_version (record, 0);
  return FALSE;
}

gboolean
ov_store_record_update (OvStore                 *self,
                        const OvStoreRecordKind *kind,
                        gpointer                 record,
                        sqlite3_int64           *changes,
                        GError                 **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  sqlite3_int64 before;
  gint64 id, version;
  int next;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && record != NULL, FALSE);

  if (!kind->validate (record, error))
    return FALSE;
  kind->tidy (record);

  now = ov_store_now_utc ();
  id = kind->get_id (record);
  version = kind->get_version (record);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (!kind->check_unique (self, record, error))
    goto failed;

  stmt = ov_store_prepare (self, kind->update_sql, error);
  if (stmt == NULL)
    goto failed;

  kind->bind (stmt, record);
  next = (int)kind->n_fields + 1;
  sqlite3_bind_text (stmt, next, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, next + 1, id);
  sqlite3_bind_int64 (stmt, next + 2, version);
  before = sqlite3_total_changes64 (ov_store_get_db (self));
  if (!ov_store_step_versioned (self, stmt, kind->row, id, version, error))
    goto failed;
  if (changes != NULL)
    *changes = sqlite3_total_changes64 (ov_store_get_db (self)) - before;
  if (!ov_store_transaction_commit (self, error))
    goto failed;

  kind->set_version (record, version + 1);
  ov_store_emit_changed (self, kind->changed);
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

gboolean
ov_store_record_delete (OvStore                 *self,
                        const OvStoreRecordKind *kind,
                        gpointer                 record,
                        GError                 **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && record != NULL, FALSE);

  if (!ov_store_delete_versioned (self, kind->row, kind->get_id (record),
                                  kind->get_version (record), error))
    return FALSE;

  ov_store_emit_changed (self, kind->changed);
  return TRUE;
}

gpointer
ov_store_record_get (OvStore           *self,
                     const char        *sql,
                     gint64             id,
                     OvRecordFromStmt   from_stmt,
                     const char        *doing,
                     GError           **error)
{
  gpointer record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ov_store_set_error (self, error, rc, doing);
  return record;
}
