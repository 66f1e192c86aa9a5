/* ov-store-completions.c — how far each customer person got with the
 * content assigned to their account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One completion per item and person (content_completions_key); a
 * learner without one has not started. Who is a learner is decided in SQL
 * (OV_CONTENT_LEARNERS_CTE), the same statement for one account as for the
 * library's tally, so the two agree.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-store-content.h"
#include "ov-store-content-private.h"
#include "ov-store-private.h"

static gboolean
read_assigned (OvStore     *self,
               gint64       account_id,
               GPtrArray   *assigned,
               GHashTable  *by_item,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT " OV_CONTENT_ITEM_COLUMNS ", ca.assigned_on "
                           "FROM content_assignments AS ca "
                           "JOIN content_items AS i ON i.id = ca.content_id "
                           "WHERE ca.account_id = ?1 "
                           "ORDER BY i.stage IS NULL, i.stage, i.title_key, i.id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OvContentItem) item = ov_store_content_item_from_stmt (stmt);
      OvAssignedContent *content = ov_assigned_content_new (item, account_id,
                                                            ov_column_date (stmt, 8));

      g_ptr_array_add (assigned, content);
      g_hash_table_insert (by_item, g_memdup2 (&(gint64) { ov_content_item_get_id (item) },
                                               sizeof (gint64)),
                           content);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading an account's content"));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
ov_store_list_assigned_content (OvStore  *self,
                                gint64    account_id,
                                GError  **error)
{
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(GHashTable) by_item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  assigned = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_assigned_content_free);
  by_item = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* One snapshot for both reads, without taking the write lock. */
  if (!ov_store_exec (self, "SAVEPOINT ov_assigned_content", error))
    return NULL;

  if (!read_assigned (self, account_id, assigned, by_item, error))
    goto failed;

  stmt = ov_store_prepare (self,
                           OV_CONTENT_LEARNERS_CTE ("ca.account_id = ?1")
                           " SELECT l.content_id, p.id, p.name, p.email, c.status, c.progress, "
                           "c.completed_on FROM learners AS l JOIN people AS p "
                           "ON p.id = l.person_id LEFT JOIN content_completions AS c "
                           "ON c.content_id = l.content_id AND c.person_id = l.person_id "
                           "ORDER BY l.content_id, p.name COLLATE NOCASE, p.id",
                           error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 content_id = sqlite3_column_int64 (stmt, 0);
      OvAssignedContent *content = g_hash_table_lookup (by_item, &content_id);
      OvCompletionStatus status = OV_COMPLETION_NOT_STARTED;

      if (content == NULL)
        continue;
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        ov_completion_status_parse (ov_column_text (stmt, 4), -1, &status);
      ov_assigned_content_add_learner (content, sqlite3_column_int64 (stmt, 1),
                                       ov_column_text (stmt, 2), ov_column_text (stmt, 3), status,
                                       sqlite3_column_int (stmt, 5), ov_column_date (stmt, 6));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading an account's content"));
      goto failed;
    }

  ov_store_exec (self, "RELEASE ov_assigned_content", NULL);
  return g_steal_pointer (&assigned);

failed:
  ov_store_exec (self, "RELEASE ov_assigned_content", NULL);
  return NULL;
}

static gboolean
check_person (OvStore  *self,
              gint64    person_id,
              GError  **error)
{
  gint64 found = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, "SELECT count(*) FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  if (found == 0)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                   _("There is no person number %lld; they may have been removed."),
                   (long long)person_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_store_set_completion (OvStore             *self,
                         gint64               content_id,
                         gint64               person_id,
                         OvCompletionStatus   status,
                         int                  progress,
                         OvDate               completed_on,
                         GError             **error)
{
  g_autoptr(OvContentItem) item = NULL;
  g_autofree char *now = NULL;
  OvCompletionStatus agreed;
  sqlite3_stmt *stmt;
  guint agreed_progress;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_completion_status_is_valid (status), FALSE);

  if (progress > 100 || progress < -1 ||
      !ov_completion_reconcile (TRUE, status, progress, &agreed, &agreed_progress))
    {
      g_set_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_PROGRESS,
                   _("Progress: %d %% does not go with “%s”."), progress,
                   ov_completion_status_get_title (status));
      return FALSE;
    }
  if (agreed != OV_COMPLETION_COMPLETED)
    completed_on = OV_DATE_NONE;
  else if (completed_on == OV_DATE_NONE)
    completed_on = ov_date_today ();

  now = ov_store_now_utc ();
  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  item = ov_store_get_content_item (self, content_id, error);
  if (item == NULL || !check_person (self, person_id, error))
    goto failed;

  stmt = ov_store_prepare (self,
                           "INSERT INTO content_completions (content_id, person_id, status, "
                           "progress, completed_on, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) "
                           "ON CONFLICT (content_id, person_id) DO UPDATE SET "
                           "status = excluded.status, progress = excluded.progress, "
                           "completed_on = excluded.completed_on, updated_at = excluded.updated_at, "
                           "version = version + 1",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, content_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  ov_bind_text (stmt, 3, ov_completion_status_get_id (agreed));
  sqlite3_bind_int (stmt, 4, agreed_progress);
  ov_bind_date (stmt, 5, completed_on);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error) || !ov_store_transaction_commit (self, error))
    goto failed;

  ov_store_emit_changed (self, "completions");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

gboolean
ov_store_complete_content_for_account (OvStore  *self,
                                       gint64    content_id,
                                       gint64    account_id,
                                       OvDate    day,
                                       guint    *n_marked,
                                       GError  **error)
{
  g_autoptr(GPtrArray) assigned = NULL;
  guint marked = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (day != OV_DATE_NONE, FALSE);

  if (n_marked != NULL)
    *n_marked = 0;

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (ov_store_assign_content_to_account (self, content_id, account_id, day, NULL, error) < 0)
    goto failed;

  assigned = ov_store_list_assigned_content (self, account_id, error);
  if (assigned == NULL)
    goto failed;

  for (guint i = 0; i < assigned->len; i++)
    {
      OvAssignedContent *content = g_ptr_array_index (assigned, i);

      if (ov_content_item_get_id (content->item) != content_id)
        continue;
      for (guint j = 0; j < content->learners->len; j++)
        {
          const OvLearner *learner = &g_array_index (content->learners, OvLearner, j);

          if (learner->status == OV_COMPLETION_COMPLETED)
            continue;
          if (!ov_store_set_completion (self, content_id, learner->person_id,
                                        OV_COMPLETION_COMPLETED, 100, day, error))
            goto failed;
          marked++;
        }
    }

  if (!ov_store_transaction_commit (self, error))
    goto failed;

  if (n_marked != NULL)
    *n_marked = marked;
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}
