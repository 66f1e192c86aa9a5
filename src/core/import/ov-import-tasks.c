/* ov-import-tasks.c — importing tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A task is known by its account, its stage and its title (ignoring case):
 * a row with the same three updates that task, else it adds one.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-private.h"

typedef struct
{
  gint64      account_id;
  OvStage     stage;
  OvSlice     title;
  OvSlice     description;
  const char *role;
  OvDate      due;
  OvDate      done;
} TaskValues;

static const char insert_sql[] =
  "INSERT INTO tasks (account_id, stage, title, description, role, due_date, done_date, "
  "created_at, updated_at, import_batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)";

static const char update_sql[] =
  "UPDATE tasks SET title = ?1, description = ?2, role = ?3, due_date = ?4, done_date = ?5, "
  "updated_at = ?6, version = version + 1 WHERE id = ?7";

static const char backup_sql[] =
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, "
  "left_version) "
  "SELECT ?1, id, json_object ('title', title, 'description', description, 'role', role, "
  "'due_date', due_date, 'done_date', done_date, 'updated_at', updated_at), version, version + 1 "
  "FROM tasks WHERE id = ?2";

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM tasks WHERE id = ?1";

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_check_account_columns (run))
    return FALSE;

  if (!ov_import_run_has (run, TASK_TITLE) || !ov_import_run_has (run, TASK_STAGE))
    {
      ov_import_run_missing_column (run,
                                    !ov_import_run_has (run, TASK_TITLE)
                                      ? _("the file has no title column")
                                      : _("the file has no stage column"));
      return FALSE;
    }

  return TRUE;
}

static OvDate
parse_stored_date (const char *text)
{
  OvDate date = OV_DATE_NONE;

  if (text != NULL)
    ov_date_parse_iso (text, &date, NULL);
  return date;
}

/* The task of the row's account and stage with the row's title; when the
 * title differs only in case it is the same task. */
static gboolean
find_task (OvImportRun  *run,
           TaskValues   *values,
           gint64       *task_id,
           GError      **error)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) other = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  *task_id = 0;

  stmt = ov_store_prepare (run->store,
                           "SELECT id, title FROM tasks WHERE account_id = ?1 AND stage = ?2 "
                           "ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_import_name_key (values->title.str, values->title.len, key);
  sqlite3_bind_int64 (stmt, 1, values->account_id);
  sqlite3_bind_int (stmt, 2, values->stage);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ov_import_name_key ((const char *)sqlite3_column_text (stmt, 1),
                          sqlite3_column_bytes (stmt, 1), other);
      if (strcmp (key->str, other->str) == 0)
        {
          *task_id = sqlite3_column_int64 (stmt, 0);
          break;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

static void
bind_common (sqlite3_stmt     *stmt,
             int               first,
             const TaskValues *values)
{
  ov_bind_slice (stmt, first, values->title);
  ov_bind_slice (stmt, first + 1, values->description);
  sqlite3_bind_text (stmt, first + 2, values->role ? values->role : "", -1, SQLITE_STATIC);
  ov_bind_date (stmt, first + 3, values->due);
  ov_bind_date (stmt, first + 4, values->done);
}

static gboolean
create_task (OvImportRun     *run,
             TaskValues      *values,
             OvImportAction  *action,
             GError         **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (run->store, insert_sql, error);
  gboolean constraint;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->account_id);
  sqlite3_bind_int (stmt, 2, values->stage);
  bind_common (stmt, 3, values);
  sqlite3_bind_text (stmt, 8, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, run->batch_id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    {
      if (constraint)
        ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("adding a task"));
      return FALSE;
    }

  ov_import_run_created (run, sqlite3_last_insert_rowid (ov_store_get_db (run->store)));
  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}

static gboolean
update_task (OvImportRun     *run,
             TaskValues      *values,
             gint64           id,
             OvImportAction  *action,
             GError         **error)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *role = NULL;
  sqlite3_stmt *stmt;
  gboolean changed = FALSE;
  gboolean constraint;
  OvDate due, done;
  int rc;

  stmt = ov_store_prepare (run->store,
                           "SELECT title, description, role, due_date, done_date FROM tasks "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }
  title = g_strdup (ov_column_text (stmt, 0));
  description = g_strdup (ov_column_text (stmt, 1));
  role = g_strdup (ov_column_text (stmt, 2));
  due = parse_stored_date ((const char *)sqlite3_column_text (stmt, 3));
  done = parse_stored_date ((const char *)sqlite3_column_text (stmt, 4));
  sqlite3_reset (stmt);

  changed |= !ov_slice_equal (values->title, title);

  if (ov_import_run_has (run, TASK_DESCRIPTION))
    changed |= !ov_slice_equal (values->description, description);
  else
    values->description = (OvSlice) { description, strlen (description) };

  if (ov_import_run_has (run, TASK_ROLE))
    changed |= g_strcmp0 (values->role ? values->role : "", role) != 0;
  else
    values->role = role;

  if (ov_import_run_has (run, TASK_DUE_DATE))
    changed |= values->due != due;
  else
    values->due = due;

  if (ov_import_run_has (run, TASK_DONE_DATE))
    changed |= values->done != done;
  else
    values->done = done;

  if (!changed)
    {
      *action = OV_IMPORT_ACTION_UNCHANGED;
      return TRUE;
    }

  if (!ov_import_run_savepoint (run, error))
    return FALSE;

  if (!ov_import_run_backup (run, backup_sql, id, error))
    goto failed;

  stmt = ov_store_prepare (run->store, update_sql, error);
  if (stmt == NULL)
    goto failed;
  bind_common (stmt, 1, values);
  sqlite3_bind_text (stmt, 6, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, id);
  if (!ov_import_run_step (run, stmt, &constraint, error) || !ov_import_run_release (run, error))
    goto failed;

  *action = OV_IMPORT_ACTION_UPDATE;
  return TRUE;

failed:
  return ov_import_run_fail_row (run, _("updating a task"), error);
}

static gboolean
import_row (OvImportRun     *run,
            OvImportAction  *action,
            GError         **error)
{
  TaskValues values = { 0 };
  OvSlice role;
  gint64 id = 0;

  *action = OV_IMPORT_ACTION_REJECT;

  if (ov_import_run_stage (run, TASK_STAGE, &values.stage) && values.stage == 0)
    ov_import_run_reject (run, TASK_STAGE, OV_CSV_ERROR_VALUE, _("a task needs a stage"));

  values.title = ov_import_run_text (run, TASK_TITLE);
  if (ov_import_run_key (run, TASK_TITLE).len == 0)
    ov_import_run_reject (run, TASK_TITLE, OV_CSV_ERROR_VALUE, _("a task needs a title"));

  values.description = ov_import_run_text (run, TASK_DESCRIPTION);

  role = ov_import_run_key (run, TASK_ROLE);
  if (role.len > 0)
    values.role = ov_import_run_role (run, TASK_ROLE, role);

  ov_import_run_date (run, TASK_DUE_DATE, &values.due);
  if (!run->restart)
    ov_import_run_date (run, TASK_DONE_DATE, &values.done);
  if (run->restart)
    return TRUE;

  if (!ov_import_run_find_account (run, &values.account_id, error))
    return FALSE;
  if (run->row_errors > 0)
    return TRUE;

  if (!find_task (run, &values, &id, error))
    return FALSE;
  if (id != 0)
    {
      gboolean seen;

      if (!ov_import_run_seen (run, seen_sql, id, &seen, error))
        return FALSE;
      if (seen)
        {
          ov_import_run_reject (run, TASK_TITLE, OV_CSV_ERROR_DUPLICATE,
                                _("this task is on an earlier row of this file too"));
          return TRUE;
        }
    }

  if (id == 0)
    return create_task (run, &values, action, error);

  return update_task (run, &values, id, action, error);
}

const OvImportKindClass ov_import_tasks_class = {
  .check_columns = check_columns,
  .import_row = import_row,
  .table = "tasks",
  .updated_sql = OV_UNDO_UPDATED_SQL ("tasks", "1", "t.title",
                                      "json_extract (b.old_row, '$.title')"),
  .created_sql = OV_UNDO_CREATED_SQL ("tasks", "1", "t.title"),
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("tasks", "1"),
  .restore_extra_sql = { NULL, NULL },
  .restore_sql =
    "UPDATE tasks AS t SET "
    "title = json_extract (b.old_row, '$.title'), "
    "description = json_extract (b.old_row, '$.description'), "
    "role = json_extract (b.old_row, '$.role'), "
    "due_date = json_extract (b.old_row, '$.due_date'), "
    "done_date = json_extract (b.old_row, '$.done_date'), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE ("1"),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("tasks"),
};
