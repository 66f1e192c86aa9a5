/* ov-import-batch.c — recorded imports, and taking one back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo gives every row the import updated its earlier values and removes
 * the rows it created (with what hangs off them). It refuses when a later
 * import, not undone, changed the same rows or added to them: that one has
 * to be undone first, or its work would be lost without a word.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-csv-columns.h"
#include "ov-import-batch.h"
#include "ov-import-private.h"

OvImportBatch *
ov_import_batch_copy (const OvImportBatch *batch)
{
  OvImportBatch *copy = g_new (OvImportBatch, 1);

  *copy = *batch;
  copy->source = g_strdup (batch->source);
  copy->imported_at = g_strdup (batch->imported_at);
  copy->undone_at = g_strdup (batch->undone_at);
  return copy;
}

void
ov_import_batch_free (OvImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_free (batch->source);
  g_free (batch->imported_at);
  g_free (batch->undone_at);
  g_free (batch);
}

G_DEFINE_BOXED_TYPE (OvImportBatch, ov_import_batch, ov_import_batch_copy, ov_import_batch_free)

#define BATCH_COLUMNS \
  "id, kind, source, imported_at, n_created, n_updated, n_unchanged, n_rejected, undone_at"

static OvImportBatch *
batch_from_stmt (sqlite3_stmt *stmt)
{
  OvImportBatch *batch = g_new0 (OvImportBatch, 1);
  OvCsvKind kind = OV_CSV_KIND_ACCOUNTS;

  batch->id = sqlite3_column_int64 (stmt, 0);
  ov_csv_kind_parse (ov_column_text (stmt, 1), &kind);
  batch->kind = kind;
  batch->source = g_strdup (ov_column_text (stmt, 2));
  batch->imported_at = g_strdup (ov_column_text (stmt, 3));
  batch->n_created = sqlite3_column_int (stmt, 4);
  batch->n_updated = sqlite3_column_int (stmt, 5);
  batch->n_unchanged = sqlite3_column_int (stmt, 6);
  batch->n_rejected = sqlite3_column_int (stmt, 7);
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    batch->undone_at = g_strdup (ov_column_text (stmt, 8));

  return batch;
}

/* Newest first. */
GPtrArray *
ov_store_list_import_batches (OvStore  *store,
                              GError  **error)
{
  g_autoptr(GPtrArray) batches = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  stmt = ov_store_prepare (store,
                           "SELECT " BATCH_COLUMNS " FROM import_batches ORDER BY id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  batches = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_import_batch_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (batches, batch_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (store, error, rc, _("reading imports"));
      return NULL;
    }

  return g_steal_pointer (&batches);
}

OvImportBatch *
ov_store_get_import_batch (OvStore  *store,
                           gint64    id,
                           GError  **error)
{
  OvImportBatch *batch = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  stmt = ov_store_prepare (store,
                           "SELECT " BATCH_COLUMNS " FROM import_batches WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    batch = batch_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                 _("There is no import number %lld."), (long long)id);
  else if (rc != SQLITE_ROW)
    ov_store_set_error (store, error, rc, _("reading imports"));

  return batch;
}

static gboolean
query_created_range (OvStore  *store,
                     gint64    id,
                     gint64   *first,
                     gint64   *last,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (store,
                           "SELECT first_created_id, last_created_id FROM import_batches "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *first = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  *last = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* A later import that is not undone and touched this one's rows. */
static gboolean
find_later_batch (OvStore   *store,
                  OvImportBatch *batch,
                  gint64     first,
                  gint64     last,
                  gint64    *later,
                  GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *later = 0;

  stmt = ov_store_prepare (store,
                           "SELECT b.id FROM import_batches AS b "
                           "JOIN import_backups AS k ON k.batch_id = b.id "
                           "WHERE b.id > ?1 AND b.undone_at IS NULL AND b.kind = ?2 "
                           "AND (k.row_id BETWEEN ?3 AND ?4 OR k.row_id IN "
                           "(SELECT row_id FROM import_backups WHERE batch_id = ?1)) "
                           "ORDER BY b.id DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, batch->id);
  sqlite3_bind_text (stmt, 2, ov_csv_kind_get_id (batch->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, first);
  sqlite3_bind_int64 (stmt, 4, last);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *later = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (store, error, rc, NULL);
      return FALSE;
    }

  if (*later != 0 || batch->kind != OV_CSV_KIND_ACCOUNTS || first == 0)
    return TRUE;

  /* People, tasks or metrics imported later onto accounts this one made. */
  stmt = ov_store_prepare (store,
                           "SELECT b.id FROM import_batches AS b "
                           "WHERE b.id > ?1 AND b.undone_at IS NULL AND b.kind <> 'accounts' AND ("
                           "EXISTS (SELECT 1 FROM people AS p WHERE p.import_batch_id = b.id "
                           "AND p.account_id BETWEEN ?2 AND ?3) OR "
                           "EXISTS (SELECT 1 FROM tasks AS t WHERE t.import_batch_id = b.id "
                           "AND t.account_id BETWEEN ?2 AND ?3) OR "
                           "EXISTS (SELECT 1 FROM metric_values AS m WHERE m.import_batch_id = b.id "
                           "AND m.account_id BETWEEN ?2 AND ?3)) "
                           "ORDER BY b.id DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, batch->id);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *later = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

static const OvImportKindClass *
class_for (OvCsvKind kind)
{
  switch (kind)
    {
    case OV_CSV_KIND_ACCOUNTS:
      return &ov_import_accounts_class;
    case OV_CSV_KIND_PEOPLE:
      return &ov_import_people_class;
    case OV_CSV_KIND_TASKS:
      return &ov_import_tasks_class;
    case OV_CSV_KIND_METRICS:
      return &ov_import_metrics_class;
    case OV_CSV_KIND_STAGE_EVENTS:
    default:
      return NULL;
    }
}

static gboolean
run_with_batch (OvStore     *store,
                const char  *sql,
                gint64       id,
                gint64       first,
                gint64       last,
                guint       *changes,
                GError     **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    {
      sqlite3_bind_int64 (stmt, 2, first);
      sqlite3_bind_int64 (stmt, 3, last);
    }

  if (!ov_store_step_done (store, stmt, error))
    return FALSE;

  if (changes != NULL)
    *changes = sqlite3_changes (ov_store_get_db (store));
  return TRUE;
}

/**
 * ov_store_undo_import:
 * @id: the batch number an import reported
 * @n_removed: (out) (optional): how many created rows were removed
 * @n_restored: (out) (optional): how many updated rows got their values back
 *
 * Takes an import back, in one transaction.
 */
gboolean
ov_store_undo_import (OvStore  *store,
                      gint64    id,
                      guint    *n_removed,
                      guint    *n_restored,
                      GError  **error)
{
  g_autoptr(OvImportBatch) batch = NULL;
  g_autofree char *now = NULL;
  const OvImportKindClass *klass;
  sqlite3_stmt *stmt;
  gint64 first = 0, last = 0, later = 0;
  guint removed = 0, restored = 0;

  g_return_val_if_fail (OV_IS_STORE (store), FALSE);

  if (!ov_store_transaction_begin (store, error))
    return FALSE;

  batch = ov_store_get_import_batch (store, id, error);
  if (batch == NULL)
    goto failed;

  if (batch->undone_at != NULL)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT,
                   _("Import %lld was already undone (%s)."), (long long)id, batch->undone_at);
      goto failed;
    }

  klass = class_for (batch->kind);
  if (klass == NULL)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT,
                   _("Import %lld is of an unknown kind."), (long long)id);
      goto failed;
    }

  if (!query_created_range (store, id, &first, &last, error) ||
      !find_later_batch (store, batch, first, last, &later, error))
    goto failed;

  if (later != 0)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT,
                   _("Import %lld changed or added to what import %lld brought in; undo "
                     "import %lld first."),
                   (long long)later, (long long)id, (long long)later);
      goto failed;
    }

  if (!run_with_batch (store, klass->restore_sql, id, 0, 0, &restored, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (klass->restore_extra_sql); i++)
    if (klass->restore_extra_sql[i] != NULL &&
        !run_with_batch (store, klass->restore_extra_sql[i], id, 0, 0, NULL, error))
      goto failed;

  if (first > 0 && !run_with_batch (store, klass->delete_created_sql, id, first, last, &removed,
                                    error))
    goto failed;

  stmt = ov_store_prepare (store, "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  now = ov_store_now_utc ();
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (store, stmt, error) ||
      !ov_store_transaction_commit (store, error))
    goto failed;

  if (n_removed != NULL)
    *n_removed = removed;
  if (n_restored != NULL)
    *n_restored = restored;

  ov_store_emit_changed (store, ov_csv_kind_get_id (batch->kind));
  return TRUE;

failed:
  ov_store_transaction_rollback (store);
  return FALSE;
}
