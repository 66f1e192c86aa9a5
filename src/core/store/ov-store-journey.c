/* ov-store-journey.c — moving an account through the six stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stage change is an event with a date (stage_events), so the time spent
 * in each stage can be measured. Completing or skipping a stage writes the
 * events, moves the account and creates the next stage's tasks in one
 * transaction: a failure anywhere leaves the account as it was.
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-journey-private.h"
#include "ov-store-journey.h"
#include "ov-stage.h"
#include "ov-store-accounts.h"
#include "ov-store-answers.h"
#include "ov-store-playbooks.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

/* Tasks the stage already has, by playbook task and by title. */
static gboolean
existing_tasks (OvStore     *self,
                gint64       account_id,
                OvStage      stage,
                GHashTable  *playbook_ids,
                GHashTable  *titles,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT playbook_task_id, title FROM tasks "
                           "WHERE account_id = ?1 AND stage = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, stage);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          gint64 *id = g_new (gint64, 1);

          *id = sqlite3_column_int64 (stmt, 0);
          g_hash_table_add (playbook_ids, id);
        }
      g_hash_table_add (titles, g_utf8_casefold (ov_column_text (stmt, 1), -1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading tasks"));
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_store_create_stage_tasks (OvStore  *self,
                             gint64    account_id,
                             OvStage   stage,
                             OvDate    entered,
                             guint    *n_created,
                             GError  **error)
{
  g_autoptr(GHashTable) playbook_ids = NULL;
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(OvPlaybook) playbook = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  guint created = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_stage_is_valid (stage), FALSE);
  g_return_val_if_fail (entered != OV_DATE_NONE, FALSE);

  if (n_created != NULL)
    *n_created = 0;

  playbook = ov_store_resolve_playbook (self, account_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (playbook == NULL)
    return TRUE;   /* no playbook at all: nothing to create */

  playbook_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  templates = ov_playbook_dup_tasks (playbook, stage);
  now = ov_store_now_utc ();

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (!existing_tasks (self, account_id, stage, playbook_ids, titles, error))
    goto failed;

  for (guint i = 0; i < templates->len; i++)
    {
      OvPlaybookTask *template = g_ptr_array_index (templates, i);
      gint64 template_id = ov_playbook_task_get_id (template);
      g_autofree char *folded = g_utf8_casefold (ov_playbook_task_get_title (template), -1);

      if (g_hash_table_contains (playbook_ids, &template_id) ||
          g_hash_table_contains (titles, folded))
        continue;

      if (!ov_store_insert_task_row (self, account_id, stage,
                                     ov_playbook_task_get_title (template),
                                     ov_playbook_task_get_description (template),
                                     ov_playbook_task_get_role (template),
                                     entered + ov_playbook_task_get_day_offset (template),
                                     OV_DATE_NONE, template_id, now, error))
        goto failed;

      g_hash_table_add (titles, g_steal_pointer (&folded));
      created++;
    }

  if (!ov_store_transaction_commit (self, error))
    goto failed;

  if (created > 0)
    ov_store_emit_changed (self, "tasks");
  if (n_created != NULL)
    *n_created = created;
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

/* When the account last entered @stage, or OV_DATE_NONE. */
static gboolean
stage_entered_on (OvStore  *self,
                  gint64    account_id,
                  OvStage   stage,
                  OvDate   *entered,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT max(happened_on) FROM stage_events "
                           "WHERE account_id = ?1 AND stage = ?2 AND kind = 'enter'",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, stage);
  rc = sqlite3_step (stmt);
  *entered = OV_DATE_NONE;
  if (rc == SQLITE_ROW)
    ov_date_parse_iso ((const char *)sqlite3_column_text (stmt, 0), entered, NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Checks shared by completing and skipping; returns the account. */
static OvAccount *
account_for_move (OvStore  *self,
                  gint64    account_id,
                  OvStage   stage,
                  OvDate    on,
                  GError  **error)
{
  g_autoptr(OvAccount) account = NULL;
  OvDate entered;

  if (stage == OV_STAGE_LAST)
    {
      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_LAST_STAGE,
                   _("%s is the last stage: there is no stage after it. The account stays "
                     "in %s as long as it is a customer."),
                   ov_stage_get_title (stage), ov_stage_get_title (stage));
      return NULL;
    }

  account = ov_store_get_account (self, account_id, error);
  if (account == NULL)
    return NULL;

  if (ov_account_get_status (account) == OV_ACCOUNT_STATUS_CHURNED)
    {
      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_CHURNED,
                   _("“%s” has churned, so its journey has ended. Set its status back to "
                     "active to move it on."),
                   ov_account_get_name (account));
      return NULL;
    }

  if (ov_account_get_stage (account) != stage)
    {
      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_STAGE,
                   _("“%s” is in %s now, not in %s; it may have been moved meanwhile."),
                   ov_account_get_name (account),
                   ov_stage_get_title (ov_account_get_stage (account)),
                   ov_stage_get_title (stage));
      return NULL;
    }

  if (!stage_entered_on (self, account_id, stage, &entered, error))
    return NULL;

  if (entered != OV_DATE_NONE && on < entered)
    {
      g_autofree char *on_iso = ov_date_to_iso (on);
      g_autofree char *entered_iso = ov_date_to_iso (entered);

      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_DATE,
                   _("Date: %s is before the account entered %s on %s."),
                   on_iso, ov_stage_get_title (stage), entered_iso);
      return NULL;
    }

  return g_steal_pointer (&account);
}

/* Moves the stored account to the stage after @stage on @on and gives it
 * that stage's tasks; inside the caller's transaction. */
static gboolean
advance (OvStore    *self,
         OvAccount  *account,
         OvStage     stage,
         OvDate      on,
         GError    **error)
{
  g_autofree char *now = ov_store_now_utc ();
  gint64 account_id = ov_account_get_id (account);
  OvStage next = stage + 1;
  sqlite3_stmt *stmt;

  /* @account was read in this transaction: the check is for the rule's
   * sake, every write of an account names the version it read. */
  stmt = ov_store_prepare (self,
                           "UPDATE accounts SET stage = ?2, updated_at = ?3, "
                           "version = version + 1 WHERE id = ?1 AND version = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, next);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, ov_account_get_version (account));

  return ov_store_step_versioned (self, stmt, OV_ROW_ACCOUNT, account_id,
                                  ov_account_get_version (account), error) &&
         ov_store_add_stage_event (self, account_id, next, stage, FALSE, on, NULL, error) &&
         ov_store_create_stage_tasks (self, account_id, next, on, NULL, error);
}

gboolean
ov_store_complete_stage (OvStore         *self,
                         gint64           account_id,
                         OvStage          stage,
                         OvStageAnswers  *answers,
                         OvDate           on,
                         GError         **error)
{
  g_autoptr(OvStageAnswers) stored = NULL;
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GHashTable) versions = NULL;
  gboolean was_modified;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_stage_is_valid (stage), FALSE);
  g_return_val_if_fail (answers == NULL || OV_IS_STAGE_ANSWERS (answers), FALSE);
  g_return_val_if_fail (answers == NULL ||
                        (ov_stage_answers_get_account_id (answers) == account_id &&
                         ov_stage_answers_get_stage (answers) == stage), FALSE);
  g_return_val_if_fail (on != OV_DATE_NONE, FALSE);

  was_modified = answers != NULL && ov_stage_answers_get_modified (answers);
  /* Saving the answers inside the transaction takes their new versions;
   * if it is rolled back, the answers go back to the ones still stored. */
  versions = answers != NULL ? ov_stage_answers_dup_stored (answers) : NULL;

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  account = account_for_move (self, account_id, stage, on, error);
  if (account == NULL)
    goto failed;

  if (answers == NULL)
    {
      stored = ov_store_load_answers (self, account_id, stage, error);
      if (stored == NULL)
        goto failed;
      answers = stored;
    }

  /* Saving the account with its stage unchanged writes no stage event of
   * its own: advance() records the one dated @on. */
  ov_stage_answers_copy_facts (answers, account);

  if (!ov_stage_answers_validate (answers, on, NULL, error) ||
      !ov_store_save_answers (self, answers, error) ||
      !ov_store_save_account (self, account, error) ||
      !advance (self, account, stage, on, error) ||
      !ov_store_transaction_commit (self, error))
    goto failed;

  ov_store_emit_changed (self, "accounts");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  /* Nothing was kept, so the wizard still has unsaved changes. */
  if (answers != NULL && answers != stored)
    {
      ov_stage_answers_restore_stored (answers, versions);
      ov_stage_answers_set_modified (answers, was_modified);
    }
  return FALSE;
}

gboolean
ov_store_skip_stage (OvStore     *self,
                     gint64       account_id,
                     OvStage      stage,
                     OvDate       on,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(OvAccount) account = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_stage_is_valid (stage), FALSE);
  g_return_val_if_fail (on != OV_DATE_NONE, FALSE);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  account = account_for_move (self, account_id, stage, on, error);
  if (account == NULL ||
      !ov_store_add_stage_event (self, account_id, stage, stage, TRUE, on, note, error) ||
      !advance (self, account, stage, on, error) ||
      !ov_store_transaction_commit (self, error))
    {
      ov_store_transaction_rollback (self);
      return FALSE;
    }

  ov_store_emit_changed (self, "accounts");
  return TRUE;
}

gboolean
ov_store_get_stage_timeline (OvStore          *self,
                             gint64            account_id,
                             OvDate            today,
                             OvStageTimeline  *timeline,
                             GError          **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(OvAccount) account = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (timeline != NULL, FALSE);

  account = ov_store_get_account (self, account_id, error);
  if (account == NULL)
    return FALSE;

  events = ov_store_list_stage_events (self, account_id, error);
  if (events == NULL)
    return FALSE;

  ov_stage_timeline_fill (timeline, events, ov_account_get_stage (account), today);
  return TRUE;
}
