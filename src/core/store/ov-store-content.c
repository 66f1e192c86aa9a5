/* ov-store-content.c — the content library's items and their assignment
 * to accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items are matched by title whatever its case (title_key is ov_fold() of
 * the title, as packages' names are). Assigning is a step of its own
 * (content_assign_steps) so that one undo removes exactly the assignments
 * it added: INSERT OR IGNORE leaves an existing assignment, and its step,
 * as they were. Completions and the learners' view are in
 * ov-store-completions.c.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-stage.h"
#include "ov-store-content.h"
#include "ov-store-content-private.h"
#include "ov-store-private.h"
#include "ov-store-record.h"
#include "ov-store-versions.h"

/* An item from OV_CONTENT_ITEM_COLUMNS, read from column @first on. */
OvContentItem *
ov_store_content_item_from_columns (sqlite3_stmt *stmt,
                                    int           first)
{
  OvContentFormat format = OV_CONTENT_FORMAT_COURSE;
  OvContentItem *item;

  ov_content_format_parse (ov_column_text (stmt, first + 2), -1, &format);
  item = ov_content_item_new (ov_column_text (stmt, first + 1), format);
  ov_content_item_set_id (item, sqlite3_column_int64 (stmt, first));
  ov_content_item_set_role (item, ov_column_text (stmt, first + 3));
  ov_content_item_set_stage (item, sqlite3_column_int (stmt, first + 4));
  ov_content_item_set_location (item, ov_column_text (stmt, first + 5));
  ov_content_item_set_duration (item, sqlite3_column_int (stmt, first + 6));
  ov_content_item_set_version (item, sqlite3_column_int64 (stmt, first + 7));
  return item;
}

OvContentItem *
ov_store_content_item_from_stmt (sqlite3_stmt *stmt)
{
  return ov_store_content_item_from_columns (stmt, 0);
}

/* The items @sql selects (OV_CONTENT_ITEM_COLUMNS, then, @with_tally,
 * the accounts, learners and completions). */
static GPtrArray *
read_items (OvStore     *self,
            const char  *sql,
            gboolean     with_tally,
            GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvContentItem *item = ov_store_content_item_from_stmt (stmt);

      if (with_tally)
        ov_content_item_set_tally (item, sqlite3_column_int (stmt, 8),
                                   sqlite3_column_int (stmt, 9), sqlite3_column_int (stmt, 10));
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading the content library"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

GPtrArray *
ov_store_list_content_items (OvStore  *self,
                             GError  **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  return read_items (self,
                     OV_CONTENT_LEARNERS_CTE ("1")
                     ", tally AS (SELECT l.content_id, count(*) AS n_learners, "
                     "count(c.id) AS n_completed FROM learners AS l "
                     "LEFT JOIN content_completions AS c ON c.content_id = l.content_id "
                     "AND c.person_id = l.person_id AND c.status = 'completed' "
                     "GROUP BY l.content_id), "
                     "reach AS (SELECT content_id, count(*) AS n_accounts FROM assigned "
                     "GROUP BY content_id) "
                     "SELECT " OV_CONTENT_ITEM_COLUMNS ", COALESCE (r.n_accounts, 0), "
                     "COALESCE (t.n_learners, 0), COALESCE (t.n_completed, 0) "
                     "FROM content_items AS i LEFT JOIN reach AS r ON r.content_id = i.id "
                     "LEFT JOIN tally AS t ON t.content_id = i.id "
                     "ORDER BY i.stage IS NULL, i.stage, i.title_key, i.id",
                     TRUE, error);
}

GPtrArray *
ov_store_list_content_choices (OvStore  *self,
                               GError  **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  return read_items (self,
                     "SELECT " OV_CONTENT_ITEM_COLUMNS " FROM content_items AS i "
                     "ORDER BY i.title_key, i.id",
                     FALSE, error);
}

OvContentItem *
ov_store_get_content_item (OvStore  *self,
                           gint64    content_id,
                           GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  OvContentItem *item;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  item = ov_store_record_get (self,
                              "SELECT " OV_CONTENT_ITEM_COLUMNS " FROM content_items AS i "
                              "WHERE i.id = ?1",
                              content_id, (OvRecordFromStmt)ov_store_content_item_from_stmt,
                              _("reading a content item"), &local_error);
  if (item == NULL && local_error == NULL)
    g_set_error (&local_error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                 _("There is no content item number %lld; it may have been removed."),
                 (long long)content_id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return item;
}

static void
tidy (OvContentItem *item)
{
  g_autofree char *title = g_strstrip (g_strdup (ov_content_item_get_title (item)));
  g_autofree char *location = g_strstrip (g_strdup (ov_content_item_get_location (item)));

  ov_content_item_set_title (item, title);
  ov_content_item_set_location (item, location);
}

/* Refuses a second item of the same title, whatever its case. */
static gboolean
check_unique (OvStore        *self,
              OvContentItem  *item,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT 1 FROM content_items WHERE title_key = ov_fold (?1) AND id <> ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_bind_text (stmt, 1, ov_content_item_get_title (item));
  sqlite3_bind_int64 (stmt, 2, ov_content_item_get_id (item));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_DUPLICATE,
                   _("Title: the library already has an item called “%s”."),
                   ov_content_item_get_title (item));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* The columns every write sets, from parameter ?1 on. */
static void
bind_item (sqlite3_stmt  *stmt,
           OvContentItem *item)
{
  ov_bind_text (stmt, 1, ov_content_item_get_title (item));
  ov_bind_text (stmt, 2, ov_content_format_get_id (ov_content_item_get_format (item)));
  ov_bind_text (stmt, 3, ov_content_item_get_role (item));
  if (ov_content_item_get_stage (item) != 0)
    sqlite3_bind_int (stmt, 4, ov_content_item_get_stage (item));
  else
    sqlite3_bind_null (stmt, 4);
  ov_bind_text (stmt, 5, ov_content_item_get_location (item));
  sqlite3_bind_int (stmt, 6, ov_content_item_get_duration (item));
}

static const OvStoreRecordKind content_item_kind = {
  .changed = "content",
  .row = OV_ROW_CONTENT_ITEM,
  .insert_sql = "INSERT INTO content_items (title, title_key, format, role, stage, location, "
                "duration_minutes, created_at, updated_at) "
                "VALUES (?1, ov_fold (?1), ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
  .update_sql = "UPDATE content_items SET title = ?1, title_key = ov_fold (?1), format = ?2, "
                "role = ?3, stage = ?4, location = ?5, duration_minutes = ?6, updated_at = ?7, "
                "version = version + 1 WHERE id = ?8 AND version = ?9",
  .n_fields = 6,
  .bind = (OvRecordBind)bind_item,
  .validate = (OvRecordValidate)ov_content_item_validate,
  .tidy = (OvRecordTidy)tidy,
  .check_unique = (OvRecordCheck)check_unique,
  .get_id = (OvRecordGet)ov_content_item_get_id,
  .set_id = (OvRecordSet)ov_content_item_set_id,
  .get_version = (OvRecordGet)ov_content_item_get_version,
  .set_version = (OvRecordSet)ov_content_item_set_version,
};

gboolean
ov_store_add_content_item (OvStore        *self,
                           OvContentItem  *item,
                           GError        **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (item), FALSE);
  g_return_val_if_fail (ov_content_item_get_id (item) == 0, FALSE);

  return ov_store_record_insert (self, &content_item_kind, item, error);
}

gboolean
ov_store_update_content_item (OvStore        *self,
                              OvContentItem  *item,
                              GError        **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (item), FALSE);

  return ov_store_record_update (self, &content_item_kind, item, NULL, error);
}

gboolean
ov_store_delete_content_item (OvStore        *self,
                              OvContentItem  *item,
                              GError        **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (item), FALSE);

  if (!ov_store_record_delete (self, &content_item_kind, item, error))
    return FALSE;

  /* Its learners' completions went with it. */
  ov_store_emit_changed (self, "completions");
  return TRUE;
}

/* The assignments a step adds: ?1 item, ?2 day, ?3 what the scope names,
 * ?4 the step, ?5 now. */
#define ASSIGN_SQL(where)                                                               \
  "INSERT OR IGNORE INTO content_assignments (content_id, account_id, assigned_on, "    \
  "assign_step_id, created_at) SELECT ?1, id, ?2, ?4, ?5 FROM accounts "               \
  "WHERE deleted_at IS NULL AND (" where ") ORDER BY id"

static gint64
assign (OvStore     *self,
        gint64       content_id,
        const char  *scope,
        const char  *scope_value,
        const char  *insert_sql,
        OvDate       assigned_on,
        guint       *n_added,
        GError     **error)
{
  g_autoptr(OvContentItem) item = NULL;
  g_autofree char *now = ov_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 step_id;
  int added;

  if (n_added != NULL)
    *n_added = 0;

  if (!ov_store_transaction_begin (self, error))
    return -1;

  item = ov_store_get_content_item (self, content_id, error);
  if (item == NULL)
    goto failed;

  stmt = ov_store_prepare (self,
                           "INSERT INTO content_assign_steps (content_id, scope, scope_value, "
                           "made_at) VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, content_id);
  ov_bind_text (stmt, 2, scope);
  ov_bind_text (stmt, 3, scope_value);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error))
    goto failed;
  step_id = sqlite3_last_insert_rowid (ov_store_get_db (self));

  stmt = ov_store_prepare (self, insert_sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, content_id);
  ov_bind_date (stmt, 2, assigned_on);
  ov_bind_text (stmt, 3, scope_value);
  sqlite3_bind_int64 (stmt, 4, step_id);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error))
    goto failed;
  added = sqlite3_changes (ov_store_get_db (self));

  /* A step that added nothing leaves nothing to undo, and no trace. */
  stmt = ov_store_prepare (self,
                           added > 0 ? "UPDATE content_assign_steps SET n_added = ?2 WHERE id = ?1"
                                     : "DELETE FROM content_assign_steps WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, step_id);
  if (added > 0)
    sqlite3_bind_int (stmt, 2, added);
  if (!ov_store_step_done (self, stmt, error) || !ov_store_transaction_commit (self, error))
    goto failed;

  if (n_added != NULL)
    *n_added = added;
  if (added == 0)
    return 0;

  ov_store_emit_changed (self, "content");
  return step_id;

failed:
  ov_store_transaction_rollback (self);
  return -1;
}

gint64
ov_store_assign_content_to_account (OvStore  *self,
                                    gint64    content_id,
                                    gint64    account_id,
                                    OvDate    assigned_on,
                                    guint    *n_added,
                                    GError  **error)
{
  char value[24];

  g_return_val_if_fail (OV_IS_STORE (self), -1);

  if (!ov_store_check_account (self, account_id, error))
    return -1;

  g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, account_id);
  return assign (self, content_id, "account", value, ASSIGN_SQL ("id = CAST (?3 AS INTEGER)"),
                 assigned_on, n_added, error);
}

gint64
ov_store_assign_content_to_stage (OvStore  *self,
                                  gint64    content_id,
                                  OvStage   stage,
                                  OvDate    assigned_on,
                                  guint    *n_added,
                                  GError  **error)
{
  char value[4];

  g_return_val_if_fail (OV_IS_STORE (self), -1);
  g_return_val_if_fail (ov_stage_is_valid (stage), -1);

  g_snprintf (value, sizeof value, "%d", (int)stage);
  return assign (self, content_id, "stage", value,
                 ASSIGN_SQL ("status <> 2 AND stage = CAST (?3 AS INTEGER)"), assigned_on,
                 n_added, error);
}

gint64
ov_store_assign_content_to_segment (OvStore     *self,
                                    gint64       content_id,
                                    const char  *segment,
                                    OvDate       assigned_on,
                                    guint       *n_added,
                                    GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), -1);
  g_return_val_if_fail (segment != NULL, -1);

  trimmed = g_strstrip (g_strdup (segment));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_SCOPE,
                           _("Segment: choose the segment whose accounts get the item."));
      return -1;
    }

  return assign (self, content_id, "segment", trimmed,
                 ASSIGN_SQL ("status <> 2 AND ov_fold (segment) = ov_fold (?3)"), assigned_on,
                 n_added, error);
}

gboolean
ov_store_undo_content_step (OvStore  *self,
                            gint64    step_id,
                            guint    *n_removed,
                            GError  **error)
{
  g_autofree char *now = ov_store_now_utc ();
  sqlite3_stmt *stmt;
  gboolean undone;
  int rc, removed;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  if (n_removed != NULL)
    *n_removed = 0;

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  stmt = ov_store_prepare (self,
                           "SELECT undone_at IS NOT NULL FROM content_assign_steps WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, step_id);
  rc = sqlite3_step (stmt);
  undone = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || undone)
    {
      g_set_error_literal (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_UNDONE,
                           rc == SQLITE_DONE
                             ? _("This assignment cannot be undone: its item was removed.")
                             : _("This assignment was undone already."));
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, NULL);
      goto failed;
    }

  stmt = ov_store_prepare (self, "DELETE FROM content_assignments WHERE assign_step_id = ?1",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, step_id);
  if (!ov_store_step_done (self, stmt, error))
    goto failed;
  removed = sqlite3_changes (ov_store_get_db (self));

  stmt = ov_store_prepare (self, "UPDATE content_assign_steps SET undone_at = ?2 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, step_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error) || !ov_store_transaction_commit (self, error))
    goto failed;

  if (n_removed != NULL)
    *n_removed = removed;
  ov_store_emit_changed (self, "content");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

gboolean
ov_store_unassign_content (OvStore  *self,
                           gint64    content_id,
                           gint64    account_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  stmt = ov_store_prepare (self,
                           "DELETE FROM content_assignments WHERE content_id = ?1 "
                           "AND account_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, content_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (ov_store_get_db (self)) > 0)
    ov_store_emit_changed (self, "content");
  return TRUE;
}

static gboolean
point_at_content (OvStore     *self,
                  const char  *sql,
                  gint64       row_id,
                  gint64       content_id,
                  gboolean     template,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (content_id != 0)
    {
      g_autoptr(OvContentItem) item = ov_store_get_content_item (self, content_id, error);

      if (item == NULL)
        goto failed;
    }

  stmt = ov_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (content_id != 0)
    sqlite3_bind_int64 (stmt, 2, content_id);
  else
    sqlite3_bind_null (stmt, 2);
  if (!ov_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (ov_store_get_db (self)) == 0)
    {
      if (template)
        g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                     _("There is no playbook task number %lld; it may have been removed."),
                     (long long)row_id);
      else
        g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                     _("There is no task number %lld; it may have been removed."),
                     (long long)row_id);
      goto failed;
    }
  if (!ov_store_transaction_commit (self, error))
    goto failed;

  ov_store_emit_changed (self, "playbooks");
  ov_store_emit_changed (self, "tasks");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

gboolean
ov_store_set_playbook_task_content (OvStore  *self,
                                    gint64    playbook_task_id,
                                    gint64    content_id,
                                    GError  **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  return point_at_content (self, "UPDATE playbook_tasks SET content_id = ?2 WHERE id = ?1",
                           playbook_task_id, content_id, TRUE, error);
}

gboolean
ov_store_set_task_content (OvStore  *self,
                           gint64    task_id,
                           gint64    content_id,
                           GError  **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  /* A task pointed elsewhere changed: editors holding it hear so. */
  return point_at_content (self,
                           "UPDATE tasks SET content_id = ?2, version = version + 1 "
                           "WHERE id = ?1",
                           task_id, content_id, FALSE, error);
}
