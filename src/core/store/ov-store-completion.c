/* ov-store-completion.c — completing a stage with a choice for each of its
 * open tasks, and taking a completion back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A completion moves the account, records the next stage's "enter" event,
 * gives it that stage's tasks and closes or moves on the open tasks the
 * user chose to. What it changed is kept in an OvStageCompletion, so that
 * the toast's Undo can put back exactly that: the rows it made go, the
 * rows it changed get their values back. Each write names the version the
 * completion left, so a change made since is never overwritten.
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-journey.h"
#include "ov-stage.h"
#include "ov-store-completion-private.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

typedef struct
{
  gint64            id;
  OvOpenTaskChoice  choice;
  OvDate            done_before;
  char             *updated_before;
  gint64            version;      /* as the completion left it */
} ChangedTask;

typedef struct
{
  gint64 id;
  gint64 version;
} MadeTask;

struct _OvStageCompletion
{
  gatomicrefcount  ref_count;
  gint64           account_id;
  char            *account_name;
  OvStage          stage;
  OvDate           on;
  gint64           last_task_id;  /* before the move: later ids are the move's */
  gint64           event_id;
  GArray          *changed;       /* ChangedTask */
  GArray          *made;          /* MadeTask */
  guint            n_closed;
  guint            n_moved;
};

G_DEFINE_BOXED_TYPE (OvStageCompletion, ov_stage_completion, ov_stage_completion_ref,
                     ov_stage_completion_unref)

static void
changed_task_clear (gpointer data)
{
  ChangedTask *task = data;

  g_clear_pointer (&task->updated_before, g_free);
}

static OvStageCompletion *
ov_stage_completion_new (OvAccount *account,
                         OvStage    stage,
                         OvDate     on)
{
  OvStageCompletion *self = g_new0 (OvStageCompletion, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->account_id = ov_account_get_id (account);
  self->account_name = g_strdup (ov_account_get_name (account));
  self->stage = stage;
  self->on = on;
  self->changed = g_array_new (FALSE, TRUE, sizeof (ChangedTask));
  g_array_set_clear_func (self->changed, changed_task_clear);
  self->made = g_array_new (FALSE, TRUE, sizeof (MadeTask));
  return self;
}

OvStageCompletion *
ov_stage_completion_ref (OvStageCompletion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ov_stage_completion_unref (OvStageCompletion *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->account_name);
  g_array_unref (self->changed);
  g_array_unref (self->made);
  g_free (self);
}

gint64
ov_stage_completion_get_account_id (OvStageCompletion *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->account_id;
}

OvStage
ov_stage_completion_get_stage (OvStageCompletion *self)
{
  g_return_val_if_fail (self != NULL, OV_STAGE_EMBARK);

  return self->stage;
}

guint
ov_stage_completion_get_n_closed (OvStageCompletion *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_closed;
}

guint
ov_stage_completion_get_n_moved (OvStageCompletion *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_moved;
}

static gboolean
refuse_task (OvStageCompletion  *self,
             gint64              task_id,
             const char         *why,
             GError            **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, task_id);

  /* Translators: "Task 12 is not an open task of Kickoff for “Acme”: it is
   * done already. Nothing was changed." */
  g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_TASK,
               _("Task %s is not an open task of %s for “%s”: %s. Nothing was changed."),
               id, ov_stage_get_title (self->stage), self->account_name, why);
  return FALSE;
}

/* Notes what task @choice names holds now, after checking it is an open
 * task of the account's stage. */
static gboolean
note_task (OvStore             *store,
           OvStageCompletion   *self,
           const OvTaskChoice  *choice,
           GError             **error)
{
  ChangedTask task = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < self->changed->len; i++)
    if (g_array_index (self->changed, ChangedTask, i).id == choice->task_id)
      return refuse_task (self, choice->task_id, _("it is named twice"), error);

  if ((guint)choice->choice >= OV_N_OPEN_TASK_CHOICES)
    return refuse_task (self, choice->task_id, _("the choice for it is unknown"), error);

  stmt = ov_store_prepare (store,
                           "SELECT stage, done_date, updated_at, version FROM tasks "
                           "WHERE id = ?1 AND account_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, choice->task_id);
  sqlite3_bind_int64 (stmt, 2, self->account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      task.id = choice->task_id;
      task.choice = choice->choice;
      task.done_before = ov_column_date (stmt, 1);
      task.updated_before = g_strdup (ov_column_text (stmt, 2));
      task.version = sqlite3_column_int64 (stmt, 3);
      if (sqlite3_column_int (stmt, 0) != (int)self->stage)
        rc = SQLITE_MISMATCH;
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return refuse_task (self, choice->task_id, _("the account has no such task"), error);
  if (rc == SQLITE_MISMATCH)
    {
      changed_task_clear (&task);
      return refuse_task (self, choice->task_id, _("it belongs to another stage"), error);
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (store, error, rc, NULL);
      return FALSE;
    }
  if (task.done_before != OV_DATE_NONE)
    {
      changed_task_clear (&task);
      return refuse_task (self, choice->task_id, _("it is done already"), error);
    }

  g_array_append_val (self->changed, task);
  return TRUE;
}

OvStageCompletion *
ov_stage_completion_prepare (OvStore            *store,
                             OvAccount          *account,
                             OvStage             stage,
                             OvDate              on,
                             const OvTaskChoice *choices,
                             guint               n_choices,
                             GError            **error)
{
  g_autoptr(OvStageCompletion) self = ov_stage_completion_new (account, stage, on);

  for (guint i = 0; i < n_choices; i++)
    if (!note_task (store, self, &choices[i], error))
      return NULL;

  if (!ov_store_query_int64 (store, "SELECT COALESCE (max (id), 0) FROM tasks",
                             &self->last_task_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The event and the tasks the move just made. */
static gboolean
note_move (OvStore            *store,
           OvStageCompletion  *self,
           GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (store,
                           "SELECT max (id) FROM stage_events WHERE account_id = ?1 "
                           "AND stage = ?2 AND kind = 'enter'",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int (stmt, 2, self->stage + 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self->event_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (store, error, rc, NULL);
      return FALSE;
    }

  stmt = ov_store_prepare (store,
                           "SELECT id, version FROM tasks WHERE account_id = ?1 AND id > ?2 "
                           "ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int64 (stmt, 2, self->last_task_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MadeTask made = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (self->made, made);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_choice (OvStore            *store,
              OvStageCompletion  *self,
              ChangedTask        *task,
              const char         *now,
              GError            **error)
{
  sqlite3_stmt *stmt;

  if (task->choice == OV_OPEN_TASK_CLOSE)
    {
      stmt = ov_store_prepare (store,
                               "UPDATE tasks SET done_date = ?2, updated_at = ?3, "
                               "version = version + 1 WHERE id = ?1 AND version = ?4",
                               error);
      if (stmt == NULL)
        return FALSE;
      ov_bind_date (stmt, 2, self->on);
      self->n_closed++;
    }
  else
    {
      stmt = ov_store_prepare (store,
                               "UPDATE tasks SET stage = ?2, updated_at = ?3, "
                               "version = version + 1 WHERE id = ?1 AND version = ?4",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 2, self->stage + 1);
      self->n_moved++;
    }

  sqlite3_bind_int64 (stmt, 1, task->id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, task->version);
  if (!ov_store_step_versioned (store, stmt, OV_ROW_TASK, task->id, task->version, error))
    return FALSE;

  task->version++;
  return TRUE;
}

gboolean
ov_stage_completion_apply (OvStore            *store,
                           OvStageCompletion  *self,
                           GError            **error)
{
  g_autofree char *now = ov_store_now_utc ();
  g_autoptr(GArray) kept = NULL;

  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  if (!note_move (store, self, error))
    return FALSE;

  for (guint i = 0; i < self->changed->len; i++)
    {
      ChangedTask *task = &g_array_index (self->changed, ChangedTask, i);

      if (task->choice != OV_OPEN_TASK_LEAVE && !apply_choice (store, self, task, now, error))
        return FALSE;
    }

  /* Tasks left open were not changed: Undo has nothing to put back. */
  kept = g_array_new (FALSE, TRUE, sizeof (ChangedTask));
  g_array_set_clear_func (kept, changed_task_clear);
  for (guint i = 0; i < self->changed->len; i++)
    {
      ChangedTask *task = &g_array_index (self->changed, ChangedTask, i);

      if (task->choice == OV_OPEN_TASK_LEAVE)
        continue;
      g_array_append_val (kept, *task);
      task->updated_before = NULL;
    }
  g_array_unref (self->changed);
  self->changed = g_steal_pointer (&kept);

  if (self->changed->len > 0)
    ov_store_emit_changed (store, "tasks");
  return TRUE;
}

/* Puts the account back in the stage it completed. */
static gboolean
undo_move (OvStore            *store,
           OvStageCompletion  *self,
           GError            **error)
{
  g_autofree char *now = ov_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 version = 0;
  int stage = 0;
  int rc;

  stmt = ov_store_prepare (store,
                           "SELECT stage, version FROM accounts WHERE id = ?1 "
                           "AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stage = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (store, error, rc, NULL);
      return FALSE;
    }

  if (stage != (int)self->stage + 1)
    {
      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_UNDO,
                   _("“%s” is no longer in %s, so completing %s cannot be undone."),
                   self->account_name, ov_stage_get_title (self->stage + 1),
                   ov_stage_get_title (self->stage));
      return FALSE;
    }

  stmt = ov_store_prepare (store,
                           "UPDATE accounts SET stage = ?2, updated_at = ?3, "
                           "version = version + 1 WHERE id = ?1 AND version = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->account_id);
  sqlite3_bind_int (stmt, 2, self->stage);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, version);
  if (!ov_store_step_versioned (store, stmt, OV_ROW_ACCOUNT, self->account_id, version, error))
    return FALSE;

  stmt = ov_store_prepare (store, "DELETE FROM stage_events WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->event_id);
  return ov_store_step_done (store, stmt, error);
}

static gboolean
undo_tasks (OvStore            *store,
            OvStageCompletion  *self,
            GError            **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < self->made->len; i++)
    {
      const MadeTask *made = &g_array_index (self->made, MadeTask, i);
      g_autoptr(GError) local_error = NULL;

      /* One deleted meanwhile is gone as Undo wants it. */
      if (!ov_store_delete_versioned (store, OV_ROW_TASK, made->id, made->version,
                                      &local_error) &&
          !g_error_matches (local_error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  for (guint i = 0; i < self->changed->len; i++)
    {
      const ChangedTask *task = &g_array_index (self->changed, ChangedTask, i);

      stmt = ov_store_prepare (store,
                               "UPDATE tasks SET stage = ?2, done_date = ?3, updated_at = ?4, "
                               "version = version + 1 WHERE id = ?1 AND version = ?5",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, task->id);
      sqlite3_bind_int (stmt, 2, self->stage);
      ov_bind_date (stmt, 3, task->done_before);
      sqlite3_bind_text (stmt, 4, task->updated_before, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, task->version);
      if (!ov_store_step_versioned (store, stmt, OV_ROW_TASK, task->id, task->version, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ov_store_undo_stage_completion (OvStore            *self,
                                OvStageCompletion  *completion,
                                GError            **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (completion != NULL, FALSE);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (!undo_move (self, completion, error) ||
      !undo_tasks (self, completion, error) ||
      !ov_store_transaction_commit (self, error))
    {
      ov_store_transaction_rollback (self);
      return FALSE;
    }

  ov_store_emit_changed (self, "accounts");
  ov_store_emit_changed (self, "tasks");
  return TRUE;
}
