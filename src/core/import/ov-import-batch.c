/* ov-import-batch.c — recorded imports, and taking one back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo gives every row the import updated its earlier values and removes
 * the rows it created, as far as each is still as the import left it: the
 * same row (ids are never reused) at the version the import left it at.
 * Rows edited or deleted since are left alone and reported by name; what
 * was added since to the accounts it made, and the rows it made that were
 * edited since, go only when the user says so (a plan tells them first).
 * It refuses when a later import, not undone, changed the same rows or
 * added to them: that one has to be undone first, or its work would be
 * lost without a word.
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

  /* People, tasks, metrics or meetings imported later onto accounts this
   * one made. */
  stmt = ov_store_prepare (store,
                           "SELECT b.id FROM import_batches AS b "
                           "WHERE b.id > ?1 AND b.undone_at IS NULL AND b.kind <> 'accounts' AND ("
                           "EXISTS (SELECT 1 FROM people AS p WHERE p.import_batch_id = b.id "
                           "AND p.account_id BETWEEN ?2 AND ?3) OR "
                           "EXISTS (SELECT 1 FROM tasks AS t WHERE t.import_batch_id = b.id "
                           "AND t.account_id BETWEEN ?2 AND ?3) OR "
                           "EXISTS (SELECT 1 FROM metric_values AS m WHERE m.import_batch_id = b.id "
                           "AND m.account_id BETWEEN ?2 AND ?3) OR "
                           "EXISTS (SELECT 1 FROM meetings AS g WHERE g.import_batch_id = b.id "
                           "AND g.account_id BETWEEN ?2 AND ?3)) "
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

/* Runs one of a kind's undo statements: ?1 the batch, ?2 and ?3 the range
 * of its created ids, ?4 whether forced, as far as the statement has them. */
static gboolean
run_undo_sql (OvStore     *store,
              const char  *sql,
              gint64       id,
              gint64       first,
              gint64       last,
              gboolean     force,
              GError     **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (store, sql, error);
  int n_params;

  if (stmt == NULL)
    return FALSE;

  n_params = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  if (n_params >= 3)
    {
      sqlite3_bind_int64 (stmt, 2, first);
      sqlite3_bind_int64 (stmt, 3, last);
    }
  if (n_params >= 4)
    sqlite3_bind_int (stmt, 4, force);

  return ov_store_step_done (store, stmt, error);
}

static OvUndoPlan *
undo_plan_new (OvImportBatch *batch)
{
  OvUndoPlan *plan = g_new0 (OvUndoPlan, 1);

  plan->batch_id = batch->id;
  plan->kind = batch->kind;
  return plan;
}

OvUndoPlan *
ov_undo_plan_copy (const OvUndoPlan *plan)
{
  OvUndoPlan *copy = g_new (OvUndoPlan, 1);

  *copy = *plan;
  copy->edited_created_names = g_strdupv (plan->edited_created_names);
  copy->edited_updated_names = g_strdupv (plan->edited_updated_names);
  copy->gone_names = g_strdupv (plan->gone_names);
  return copy;
}

void
ov_undo_plan_free (OvUndoPlan *plan)
{
  if (plan == NULL)
    return;

  g_strfreev (plan->edited_created_names);
  g_strfreev (plan->edited_updated_names);
  g_strfreev (plan->gone_names);
  g_free (plan);
}

G_DEFINE_BOXED_TYPE (OvUndoPlan, ov_undo_plan, ov_undo_plan_copy, ov_undo_plan_free)

guint
ov_undo_plan_get_n_children (const OvUndoPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_people + plan->n_tasks + plan->n_stage_events + plan->n_answers +
         plan->n_metrics + plan->n_meetings;
}

/* Whether undoing touches work done since the import: then only when the
 * user says so. Rows deleted since need no word: nothing of them is left. */
gboolean
ov_undo_plan_needs_confirmation (const OvUndoPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  return plan->n_edited_created > 0 || plan->n_edited_updated > 0 ||
         ov_undo_plan_get_n_children (plan) > 0;
}

/* After an undo: the rows it made that went. */
guint
ov_undo_plan_get_n_removed (const OvUndoPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_remove + (plan->forced ? plan->n_edited_created : 0);
}

static char *
join_names (char  **names,
            guint   n)
{
  g_autofree char *joined = g_strjoinv (_(", "), names);
  guint listed = g_strv_length (names);

  if (n <= listed)
    return g_steal_pointer (&joined);

  /* Translators: %s is a list of names, %u how many more there are */
  return g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - listed), joined,
                          n - listed);
}

/**
 * ov_undo_plan_describe:
 *
 * What undoing with %OV_UNDO_IMPORT_FORCE does beyond the import's own
 * rows, one line each, for the command line and the app alike; "" if
 * nothing.
 */
char *
ov_undo_plan_describe (const OvUndoPlan *plan)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  if (ov_undo_plan_get_n_children (plan) > 0)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

#define ADD_PART(n, format) \
  if ((n) > 0) \
    g_ptr_array_add (parts, g_strdup_printf ((format), (n)))

      ADD_PART (plan->n_people, ngettext ("%u person", "%u people", plan->n_people));
      ADD_PART (plan->n_tasks, ngettext ("%u task", "%u tasks", plan->n_tasks));
      ADD_PART (plan->n_stage_events,
                ngettext ("%u stage change", "%u stage changes", plan->n_stage_events));
      ADD_PART (plan->n_answers,
                ngettext ("%u wizard answer", "%u wizard answers", plan->n_answers));
      ADD_PART (plan->n_metrics,
                ngettext ("%u measurement", "%u measurements", plan->n_metrics));
      ADD_PART (plan->n_meetings, ngettext ("%u meeting", "%u meetings", plan->n_meetings));
#undef ADD_PART

      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv (_(", "), (char **)parts->pdata);
      /* Translators: %s is a list of counts, "2 people, 1 task" */
      g_string_append_printf (text, _("Added since to the accounts it made, removed with them: %s"),
                              joined);
      g_string_append_c (text, '\n');
    }

  if (plan->n_edited_created > 0)
    {
      g_autofree char *names = join_names (plan->edited_created_names, plan->n_edited_created);

      /* Translators: %s is a list of names */
      g_string_append_printf (text, _("Made by it and edited since, removed all the same: %s"),
                              names);
      g_string_append_c (text, '\n');
    }

  if (plan->n_edited_updated > 0)
    {
      g_autofree char *names = join_names (plan->edited_updated_names, plan->n_edited_updated);

      g_string_append_printf (text, _("Changed by it and edited since, kept as they are: %s"),
                              names);
      g_string_append_c (text, '\n');
    }

  if (plan->n_gone > 0)
    {
      g_autofree char *names = join_names (plan->gone_names, plan->n_gone);

      g_string_append_printf (text, _("Changed by it and deleted since, nothing to restore: %s"),
                              names);
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_name (GPtrArray    *names,
          sqlite3_stmt *stmt,
          int           column)
{
  if (names->len < OV_UNDO_PLAN_MAX_NAMES)
    g_ptr_array_add (names, g_strdup (ov_column_text (stmt, column)));
}

static char **
steal_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_free (names, FALSE);
}

/* Sorts the batch's rows into the plan's counts. */
static gboolean
fill_plan (OvStore                  *store,
           const OvImportKindClass  *klass,
           gint64                    first,
           gint64                    last,
           OvUndoPlan               *plan,
           GError                  **error)
{
  g_autoptr(GPtrArray) edited_created = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) edited_updated = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (store, klass->updated_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->batch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 0))
        {
          plan->n_gone++;
          add_name (gone, stmt, 2);
        }
      else if (sqlite3_column_int (stmt, 1))
        {
          plan->n_edited_updated++;
          add_name (edited_updated, stmt, 2);
        }
      else
        plan->n_restore++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (store, error, rc, _("reading imports"));
      return FALSE;
    }

  if (first > 0)
    {
      stmt = ov_store_prepare (store, klass->created_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan->batch_id);
      sqlite3_bind_int64 (stmt, 2, first);
      sqlite3_bind_int64 (stmt, 3, last);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (sqlite3_column_int (stmt, 0))
            {
              plan->n_edited_created++;
              add_name (edited_created, stmt, 1);
            }
          else
            plan->n_remove++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          ov_store_set_error (store, error, rc, _("reading imports"));
          return FALSE;
        }
    }

  if (first > 0 && klass->children_sql != NULL)
    {
      stmt = ov_store_prepare (store, klass->children_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, plan->batch_id);
      sqlite3_bind_int64 (stmt, 2, first);
      sqlite3_bind_int64 (stmt, 3, last);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          plan->n_people = sqlite3_column_int (stmt, 0);
          plan->n_tasks = sqlite3_column_int (stmt, 1);
          plan->n_stage_events = sqlite3_column_int (stmt, 2);
          plan->n_answers = sqlite3_column_int (stmt, 3);
          plan->n_metrics = sqlite3_column_int (stmt, 4);
          plan->n_meetings = sqlite3_column_int (stmt, 5);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          ov_store_set_error (store, error, rc, _("reading imports"));
          return FALSE;
        }
    }

  plan->edited_created_names = steal_names (g_steal_pointer (&edited_created));
  plan->edited_updated_names = steal_names (g_steal_pointer (&edited_updated));
  plan->gone_names = steal_names (g_steal_pointer (&gone));
  return TRUE;
}

/* Inside a transaction: whether the batch can be undone, and the plan. */
static OvUndoPlan *
make_plan (OvStore                   *store,
           gint64                     id,
           const OvImportKindClass  **klass_out,
           gint64                    *first,
           gint64                    *last,
           GError                   **error)
{
  g_autoptr(OvImportBatch) batch = NULL;
  g_autoptr(OvUndoPlan) plan = NULL;
  const OvImportKindClass *klass;
  gint64 later = 0;

  batch = ov_store_get_import_batch (store, id, error);
  if (batch == NULL)
    return NULL;

  if (batch->undone_at != NULL)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT,
                   _("Import %lld was already undone (%s)."), (long long)id, batch->undone_at);
      return NULL;
    }

  klass = ov_import_kind_class (batch->kind);
  if (klass == NULL)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT,
                   _("Import %lld is of an unknown kind."), (long long)id);
      return NULL;
    }

  if (!query_created_range (store, id, first, last, error) ||
      !find_later_batch (store, batch, *first, *last, &later, error))
    return NULL;

  if (later != 0)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT,
                   _("Import %lld changed or added to what import %lld brought in; undo "
                     "import %lld first."),
                   (long long)later, (long long)id, (long long)later);
      return NULL;
    }

  plan = undo_plan_new (batch);
  if (!fill_plan (store, klass, *first, *last, plan, error))
    return NULL;

  *klass_out = klass;
  return g_steal_pointer (&plan);
}

/**
 * ov_store_plan_undo_import:
 * @id: the batch number an import reported
 *
 * What ov_store_undo_import_full() would do now, changing nothing.
 *
 * Returns: (transfer full): the plan, or %NULL if the import cannot be undone
 */
OvUndoPlan *
ov_store_plan_undo_import (OvStore  *store,
                           gint64    id,
                           GError  **error)
{
  const OvImportKindClass *klass = NULL;
  OvUndoPlan *plan;
  gint64 first = 0, last = 0;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  if (!ov_store_transaction_begin (store, error))
    return NULL;
  plan = make_plan (store, id, &klass, &first, &last, error);
  ov_store_transaction_rollback (store);

  return plan;
}

/**
 * ov_store_undo_import_full:
 * @id: the batch number an import reported
 * @flags: with %OV_UNDO_IMPORT_FORCE, also what was done since to the
 *   rows the import made
 *
 * Takes an import back, in one transaction: rows it changed get their
 * earlier values and rows it made go, as far as they are still as it left
 * them. Rows changed since it are never overwritten; rows it made that were
 * edited since, and what was added to the accounts it made, go only when
 * forced: without, such an import is refused and nothing changes.
 *
 * Returns: (transfer full): what was done, or %NULL
 */
OvUndoPlan *
ov_store_undo_import_full (OvStore            *store,
                           gint64              id,
                           OvUndoImportFlags   flags,
                           GError            **error)
{
  g_autoptr(OvUndoPlan) plan = NULL;
  g_autofree char *now = NULL;
  const OvImportKindClass *klass = NULL;
  gboolean force = (flags & OV_UNDO_IMPORT_FORCE) != 0;
  sqlite3_stmt *stmt;
  gint64 first = 0, last = 0;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  if (!ov_store_transaction_begin (store, error))
    return NULL;

  plan = make_plan (store, id, &klass, &first, &last, error);
  if (plan == NULL)
    goto failed;

  if (!force && ov_undo_plan_needs_confirmation (plan))
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT,
                   _("Import %lld was worked on since: undoing it would remove or leave out "
                     "later work. Nothing was undone."),
                   (long long)id);
      goto failed;
    }

  /* Earlier batches learn the versions first, the rows change last: every
   * statement before finds the rows as the batch left them. */
  for (guint i = 0; i < G_N_ELEMENTS (klass->propagate_sql); i++)
    if (!run_undo_sql (store, klass->propagate_sql[i], id, first, last, force, error))
      goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (klass->restore_extra_sql); i++)
    if (klass->restore_extra_sql[i] != NULL &&
        !run_undo_sql (store, klass->restore_extra_sql[i], id, first, last, force, error))
      goto failed;

  if (!run_undo_sql (store, klass->restore_sql, id, first, last, force, error))
    goto failed;

  if (first > 0 &&
      !run_undo_sql (store, klass->delete_created_sql, id, first, last, force, error))
    goto failed;

  if (klass->cleanup_sql != NULL &&
      !run_undo_sql (store, klass->cleanup_sql, id, first, last, force, error))
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

  plan->forced = force;
  ov_import_emit_changed (store, plan->kind, plan->kind == OV_CSV_KIND_ACCOUNTS);
  return g_steal_pointer (&plan);

failed:
  ov_store_transaction_rollback (store);
  return NULL;
}

/**
 * ov_store_undo_import:
 * @id: the batch number an import reported
 * @n_removed: (out) (optional): how many created rows were removed
 * @n_restored: (out) (optional): how many updated rows got their values back
 *
 * ov_store_undo_import_full() without forcing.
 */
gboolean
ov_store_undo_import (OvStore  *store,
                      gint64    id,
                      guint    *n_removed,
                      guint    *n_restored,
                      GError  **error)
{
  g_autoptr(OvUndoPlan) done = NULL;

  done = ov_store_undo_import_full (store, id, OV_UNDO_IMPORT_DEFAULT, error);
  if (done == NULL)
    return FALSE;

  if (n_removed != NULL)
    *n_removed = ov_undo_plan_get_n_removed (done);
  if (n_restored != NULL)
    *n_restored = done->n_restore;
  return TRUE;
}
