/* ov-store-tasks.c — reading and writing tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Overdue" and "due this week" are computed by SQL against a day the
 * caller passes in, never against the wall clock, so the Dashboard, the
 * start-up notification and the tests agree on what today is.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-journey-private.h"
#include "ov-stage.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"
#include "ov-store-tasks.h"
#include "ov-task-filter.h"

/* The assignee is the person named on the task or, when none is, the
 * first person (lowest id) holding the task's role on the account. */
#define TASK_OWNER \
  "COALESCE (p.name, (SELECT h.name FROM people h " \
  "  JOIN person_roles r ON r.person_id = h.id " \
  "  WHERE h.account_id = t.account_id AND r.role = t.role ORDER BY h.id LIMIT 1), '')"

#define TASK_FROM \
  "FROM tasks t JOIN accounts a ON a.id = t.account_id " \
  "LEFT JOIN people p ON p.id = t.assignee_id " \
  "LEFT JOIN content_items ci ON ci.id = t.content_id "

#define TASK_SELECT \
  "SELECT t.id, t.account_id, t.stage, t.title, t.description, t.role, t.assignee_id, " \
  "t.due_date, t.done_date, t.playbook_task_id, a.name, " TASK_OWNER " AS assignee_name, " \
  "t.version, t.content_id, ci.title, ci.location " TASK_FROM

/* Only active accounts have work to chase. */
#define PORTFOLIO_FILTER \
  "t.done_date IS NULL AND a.deleted_at IS NULL AND a.status = 0 "

static OvDate
column_date (sqlite3_stmt *stmt,
             int           column)
{
  OvDate date = OV_DATE_NONE;

  ov_date_parse_iso ((const char *)sqlite3_column_text (stmt, column), &date, NULL);
  return date;
}

static OvTask *
task_from_stmt (sqlite3_stmt *stmt)
{
  int stage = sqlite3_column_int (stmt, 2);
  OvTask *task = ov_task_new (sqlite3_column_int64 (stmt, 1),
                              ov_stage_is_valid (stage) ? (OvStage)stage : OV_STAGE_EMBARK,
                              ov_column_text (stmt, 3));

  ov_task_set_id (task, sqlite3_column_int64 (stmt, 0));
  ov_task_set_description (task, ov_column_text (stmt, 4));
  ov_task_set_role (task, ov_column_text (stmt, 5));
  ov_task_set_assignee_id (task, sqlite3_column_int64 (stmt, 6));
  ov_task_set_due_date (task, column_date (stmt, 7));
  ov_task_set_done_date (task, column_date (stmt, 8));
  ov_task_set_display (task, ov_column_text (stmt, 10), ov_column_text (stmt, 11),
                       sqlite3_column_int64 (stmt, 9));
  ov_task_set_version (task, sqlite3_column_int64 (stmt, 12));
  ov_task_set_content (task, sqlite3_column_int64 (stmt, 13), ov_column_text (stmt, 14),
                       ov_column_text (stmt, 15));
  return task;
}

static GPtrArray *
collect (OvStore       *self,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tasks, task_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading tasks"));
      return NULL;
    }

  return g_steal_pointer (&tasks);
}

GPtrArray *
ov_store_list_tasks (OvStore  *self,
                     gint64    account_id,
                     OvStage   stage,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (stage == 0 || ov_stage_is_valid (stage), NULL);

  stmt = ov_store_prepare (self,
                           TASK_SELECT
                           "WHERE t.account_id = ?1 AND (?2 = 0 OR t.stage = ?2) "
                           "ORDER BY t.stage, t.due_date IS NULL, t.due_date, t.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, stage);
  return collect (self, stmt, error);
}

OvTask *
ov_store_get_task (OvStore  *self,
                   gint64    task_id,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  OvTask *task = NULL;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self, TASK_SELECT "WHERE t.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, task_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    task = task_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                 _("There is no task number %lld; it may have been deleted."),
                 (long long)task_id);
  else if (rc != SQLITE_ROW)
    ov_store_set_error (self, error, rc, _("reading a task"));

  return task;
}

/* After a write, the names shown beside the task come from the database. */
static gboolean
refresh_display (OvStore  *self,
                 OvTask   *task,
                 GError  **error)
{
  g_autoptr(OvTask) stored = ov_store_get_task (self, ov_task_get_id (task), error);

  if (stored == NULL)
    return FALSE;

  ov_task_set_display (task, ov_task_get_account_name (stored),
                       ov_task_get_assignee_name (stored),
                       ov_task_get_playbook_task_id (stored));
  return TRUE;
}

static gboolean
check_task (OvStore  *self,
            OvTask   *task,
            GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!ov_task_validate (task, error))
    return FALSE;

  stmt = ov_store_prepare (self,
                           "SELECT 1 FROM accounts WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_task_get_account_id (task));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                     _("There is no account number %lld."),
                     (long long)ov_task_get_account_id (task));
      else
        ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }

  if (ov_task_get_assignee_id (task) != 0 &&
      !ov_store_person_in_account (self, ov_task_get_assignee_id (task),
                                   ov_task_get_account_id (task), error))
    return FALSE;

  return TRUE;
}

static void
bind_task (sqlite3_stmt *stmt,
           OvTask       *task,
           const char   *now)
{
  g_autofree char *title = g_strstrip (g_strdup (ov_task_get_title (task)));

  sqlite3_bind_int64 (stmt, 1, ov_task_get_account_id (task));
  sqlite3_bind_int (stmt, 2, ov_task_get_stage (task));
  ov_bind_text (stmt, 3, title);
  ov_bind_text (stmt, 4, ov_task_get_description (task));
  ov_bind_text (stmt, 5, ov_task_get_role (task));
  if (ov_task_get_assignee_id (task) != 0)
    sqlite3_bind_int64 (stmt, 6, ov_task_get_assignee_id (task));
  else
    sqlite3_bind_null (stmt, 6);
  ov_bind_date (stmt, 7, ov_task_get_due_date (task));
  ov_bind_date (stmt, 8, ov_task_get_done_date (task));
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
}

gboolean
ov_store_add_task (OvStore  *self,
                   OvTask   *task,
                   GError  **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_TASK (task), FALSE);
  g_return_val_if_fail (ov_task_get_id (task) == 0, FALSE);

  if (!check_task (self, task, error))
    return FALSE;

  now = ov_store_now_utc ();
  stmt = ov_store_prepare (self,
                           "INSERT INTO tasks (account_id, stage, title, description, role, "
                           "assignee_id, due_date, done_date, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                           error);
  if (stmt == NULL)
    return FALSE;

  bind_task (stmt, task, now);
  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  ov_task_set_id (task, sqlite3_last_insert_rowid (ov_store_get_db (self)));
  ov_task_set_version (task, 1);
  refresh_display (self, task, NULL);
  ov_store_emit_changed (self, "tasks");
  return TRUE;
}

gboolean
ov_store_update_task (OvStore  *self,
                      OvTask   *task,
                      GError  **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_TASK (task), FALSE);

  if (!check_task (self, task, error))
    return FALSE;

  now = ov_store_now_utc ();
  stmt = ov_store_prepare (self,
                           "UPDATE tasks SET account_id = ?1, stage = ?2, title = ?3, "
                           "description = ?4, role = ?5, assignee_id = ?6, due_date = ?7, "
                           "done_date = ?8, updated_at = ?9, version = version + 1 "
                           "WHERE id = ?10 AND version = ?11",
                           error);
  if (stmt == NULL)
    return FALSE;

  bind_task (stmt, task, now);
  sqlite3_bind_int64 (stmt, 10, ov_task_get_id (task));
  sqlite3_bind_int64 (stmt, 11, ov_task_get_version (task));
  if (!ov_store_step_versioned (self, stmt, OV_ROW_TASK, ov_task_get_id (task),
                                ov_task_get_version (task), error))
    return FALSE;

  ov_task_set_version (task, ov_task_get_version (task) + 1);
  refresh_display (self, task, NULL);
  ov_store_emit_changed (self, "tasks");
  return TRUE;
}

gboolean
ov_store_delete_task (OvStore  *self,
                      OvTask   *task,
                      GError  **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_TASK (task), FALSE);

  if (!ov_store_delete_versioned (self, OV_ROW_TASK, ov_task_get_id (task),
                                  ov_task_get_version (task), error))
    return FALSE;

  ov_store_emit_changed (self, "tasks");
  return TRUE;
}

gboolean
ov_store_set_task_done (OvStore  *self,
                        OvTask   *task,
                        OvDate    done_on,
                        GError  **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_TASK (task), FALSE);

  now = ov_store_now_utc ();
  stmt = ov_store_prepare (self,
                           "UPDATE tasks SET done_date = ?2, updated_at = ?3, "
                           "version = version + 1 WHERE id = ?1 AND version = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_task_get_id (task));
  ov_bind_date (stmt, 2, done_on);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, ov_task_get_version (task));
  if (!ov_store_step_versioned (self, stmt, OV_ROW_TASK, ov_task_get_id (task),
                                ov_task_get_version (task), error))
    return FALSE;

  ov_task_set_version (task, ov_task_get_version (task) + 1);
  ov_task_set_done_date (task, done_on);
  ov_store_emit_changed (self, "tasks");
  return TRUE;
}

static sqlite3_int64
sql_limit (guint limit)
{
  return limit == 0 ? -1 : (sqlite3_int64)limit;
}

GPtrArray *
ov_store_list_overdue_tasks (OvStore  *self,
                             OvDate    today,
                             guint     limit,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (today != OV_DATE_NONE, NULL);

  stmt = ov_store_prepare (self,
                           TASK_SELECT
                           "WHERE " PORTFOLIO_FILTER "AND t.due_date < ?1 "
                           "ORDER BY t.due_date, a.name, t.id LIMIT ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  ov_bind_date (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, sql_limit (limit));
  return collect (self, stmt, error);
}

GPtrArray *
ov_store_list_tasks_due_this_week (OvStore  *self,
                                   OvDate    today,
                                   guint     limit,
                                   GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (today != OV_DATE_NONE, NULL);

  stmt = ov_store_prepare (self,
                           TASK_SELECT
                           "WHERE " PORTFOLIO_FILTER "AND t.due_date BETWEEN ?1 AND ?2 "
                           "ORDER BY t.due_date, a.name, t.id LIMIT ?3",
                           error);
  if (stmt == NULL)
    return NULL;

  ov_bind_date (stmt, 1, today);
  ov_bind_date (stmt, 2, today + OV_TASK_WEEK_DAYS - 1);
  sqlite3_bind_int64 (stmt, 3, sql_limit (limit));
  return collect (self, stmt, error);
}

static gint64
count_one (OvStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  gint64 count = -1;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    ov_store_set_error (self, error, rc, _("counting tasks"));

  sqlite3_reset (stmt);
  return count;
}

gint64
ov_store_count_overdue_tasks (OvStore  *self,
                              OvDate    today,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), -1);
  g_return_val_if_fail (today != OV_DATE_NONE, -1);

  stmt = ov_store_prepare (self,
                           "SELECT count(*) FROM tasks t JOIN accounts a ON a.id = t.account_id "
                           "WHERE " PORTFOLIO_FILTER "AND t.due_date < ?1",
                           error);
  if (stmt == NULL)
    return -1;

  ov_bind_date (stmt, 1, today);
  return count_one (self, stmt, error);
}

gint64
ov_store_count_tasks_due_this_week (OvStore  *self,
                                    OvDate    today,
                                    GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), -1);
  g_return_val_if_fail (today != OV_DATE_NONE, -1);

  stmt = ov_store_prepare (self,
                           "SELECT count(*) FROM tasks t JOIN accounts a ON a.id = t.account_id "
                           "WHERE " PORTFOLIO_FILTER "AND t.due_date BETWEEN ?1 AND ?2",
                           error);
  if (stmt == NULL)
    return -1;

  ov_bind_date (stmt, 1, today);
  ov_bind_date (stmt, 2, today + OV_TASK_WEEK_DAYS - 1);
  return count_one (self, stmt, error);
}

/* The portfolio's task list: ?1 stage, ?2 role, ?3 account words, ?4 due
 * (OvTaskDue), ?5 today, ?6 today + 6, ?7 owner. The account's words and
 * the owner's name pick accounts first (each IN list is read once per
 * statement), so a name is folded once per account and the owner is
 * resolved only for tasks of accounts where that person works. */
#define LIST_WHERE \
  "WHERE " PORTFOLIO_FILTER \
  "AND (?1 = 0 OR t.stage = ?1) " \
  "AND (?2 IS NULL OR t.role = ?2) " \
  "AND (?3 IS NULL OR t.account_id IN " \
  "  (SELECT id FROM accounts WHERE deleted_at IS NULL AND ov_words_in (name, ?3))) " \
  "AND (?4 = 0 OR (?4 = 1 AND t.due_date < ?5) " \
  "  OR (?4 = 2 AND t.due_date BETWEEN ?5 AND ?6) " \
  "  OR (?4 = 3 AND (t.due_date IS NULL OR t.due_date > ?6))) " \
  "AND (?7 IS NULL OR (t.account_id IN (SELECT account_id FROM people WHERE name = ?7) " \
  "  AND " TASK_OWNER " = ?7)) "

#define BY_DUE "t.due_date IS NULL, t.due_date"

/* The page is picked by ids first and only its rows are read in full:
 * sorting half a million rows must not resolve half a million owners. */
#define PAGE_BY(keys) \
  TASK_SELECT "WHERE t.id IN (SELECT t.id " TASK_FROM LIST_WHERE \
  "ORDER BY " keys " LIMIT ?8 OFFSET ?9) ORDER BY " keys

static void
bind_filter (sqlite3_stmt       *stmt,
             const OvTaskFilter *filter)
{
  sqlite3_bind_int (stmt, 1, filter->stage);
  ov_bind_text_or_null (stmt, 2, filter->role);
  ov_bind_text_or_null (stmt, 3, filter->account);
  sqlite3_bind_int (stmt, 4, filter->due);
  ov_bind_date (stmt, 5, filter->today);
  ov_bind_date (stmt, 6, filter->today + OV_TASK_WEEK_DAYS - 1);
  ov_bind_text_or_null (stmt, 7, filter->owner);
}

GPtrArray *
ov_store_list_open_tasks (OvStore             *self,
                          const OvTaskFilter  *filter,
                          GError             **error)
{
  /* One statement per order: each a fixed text the store caches. */
  static const char * const sql[] = {
    [OV_TASK_SORT_DUE] = PAGE_BY (BY_DUE ", a.name, t.id"),
    [OV_TASK_SORT_ACCOUNT] = PAGE_BY ("a.name, a.id, " BY_DUE ", t.id"),
    /* The owner is resolved once per task, then sorted by. */
    [OV_TASK_SORT_OWNER] =
      "WITH owned AS MATERIALIZED (SELECT t.id AS id, " TASK_OWNER " AS owner_name, "
      "  t.due_date AS due, a.name AS account_name " TASK_FROM LIST_WHERE ") "
      TASK_SELECT "WHERE t.id IN (SELECT id FROM owned "
      "  ORDER BY owner_name = '', owner_name, due IS NULL, due, account_name, id "
      "  LIMIT ?8 OFFSET ?9) "
      "ORDER BY assignee_name = '', assignee_name, " BY_DUE ", a.name, t.id",
  };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!ov_task_filter_validate (filter, error))
    return NULL;

  stmt = ov_store_prepare (self, sql[filter->sort], error);
  if (stmt == NULL)
    return NULL;

  bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 8, sql_limit (filter->limit));
  sqlite3_bind_int64 (stmt, 9, filter->offset);
  return collect (self, stmt, error);
}

gint64
ov_store_count_open_tasks (OvStore             *self,
                           const OvTaskFilter  *filter,
                           GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), -1);
  g_return_val_if_fail (filter != NULL, -1);

  if (!ov_task_filter_validate (filter, error))
    return -1;

  stmt = ov_store_prepare (self, "SELECT count(*) " TASK_FROM LIST_WHERE, error);
  if (stmt == NULL)
    return -1;

  bind_filter (stmt, filter);
  return count_one (self, stmt, error);
}

char **
ov_store_list_task_owners (OvStore  *self,
                           GError  **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT DISTINCT h.name FROM people h "
                           "JOIN accounts a ON a.id = h.account_id "
                           "WHERE h.side = 0 AND a.deleted_at IS NULL AND a.status = 0 "
                           "ORDER BY h.name COLLATE NOCASE, h.name",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, ov_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading who owns tasks"));
      return NULL;
    }

  return g_strv_builder_end (names);
}

void
ov_task_page_free (OvTaskPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->filter, ov_task_filter_free);
  g_clear_pointer (&page->tasks, g_ptr_array_unref);
  g_clear_pointer (&page->owners, g_strfreev);
  g_free (page);
}

/* In the worker. */
static gboolean
read_page (OvStore         *store,
           gpointer         data,
           OvProgressFunc   progress,
           gpointer         progress_data,
           GCancellable    *cancellable,
           GError         **error)
{
  OvTaskPage *page = data;

  if ((page->tasks = ov_store_list_open_tasks (store, page->filter, error)) == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if ((page->total = ov_store_count_open_tasks (store, page->filter, error)) < 0)
    return FALSE;
  if (page->with_owners && (page->owners = ov_store_list_task_owners (store, error)) == NULL)
    return FALSE;

  return TRUE;
}

void
ov_store_read_task_page_async (OvStore             *self,
                               const OvTaskFilter  *filter,
                               gboolean             with_owners,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  OvTaskPage *page;

  g_return_if_fail (OV_IS_STORE (self));
  g_return_if_fail (filter != NULL);

  page = g_new0 (OvTaskPage, 1);
  page->filter = ov_task_filter_copy (filter);
  page->with_owners = with_owners;
  ov_store_run_async (self, NULL, read_page, page, (GDestroyNotify)ov_task_page_free,
                      NULL, NULL, cancellable, callback, user_data);
}

OvTaskPage *
ov_store_read_task_page_finish (GAsyncResult  *result,
                                GError       **error)
{
  OvTaskPage *page = NULL;
  OvTaskPage *moved;

  if (!ov_store_run_finish (result, (gpointer *)&page, error))
    return NULL;

  /* The result keeps its (now empty) page and frees it with the task. */
  moved = g_memdup2 (page, sizeof *page);
  memset (page, 0, sizeof *page);
  return moved;
}

gboolean
ov_store_insert_task_row (OvStore     *self,
                          gint64       account_id,
                          OvStage      stage,
                          const char  *title,
                          const char  *description,
                          const char  *role,
                          OvDate       due,
                          OvDate       done,
                          gint64       playbook_task_id,
                          gint64       content_id,
                          const char  *now,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (self,
                           "INSERT INTO tasks (account_id, stage, title, description, role, "
                           "due_date, done_date, playbook_task_id, created_at, updated_at, "
                           "content_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, stage);
  ov_bind_text (stmt, 3, title);
  ov_bind_text (stmt, 4, description);
  ov_bind_text (stmt, 5, role);
  ov_bind_date (stmt, 6, due);
  ov_bind_date (stmt, 7, done);
  if (playbook_task_id != 0)
    sqlite3_bind_int64 (stmt, 8, playbook_task_id);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (content_id != 0)
    sqlite3_bind_int64 (stmt, 10, content_id);
  else
    sqlite3_bind_null (stmt, 10);

  return ov_store_step_done (self, stmt, error);
}
