/* ov-store-answers.c — keeping what the stage wizards collect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-journey-private.h"
#include "ov-store-accounts.h"
#include "ov-store-answers.h"
#include "ov-store-private.h"

static gboolean
load_rows (OvStore         *self,
           OvStageAnswers  *answers,
           GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT field, value FROM stage_answers "
                           "WHERE account_id = ?1 AND stage = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_stage_answers_get_account_id (answers));
  sqlite3_bind_int (stmt, 2, ov_stage_answers_get_stage (answers));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ov_stage_answers_load_value (answers, ov_column_text (stmt, 0), ov_column_text (stmt, 1));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading wizard answers"));
      return FALSE;
    }

  return TRUE;
}

/* Facts the account already has (from the CRM import, or typed on the
 * account page) start the wizard off, so nobody types them twice. */
static void
prefill_from_account (OvStageAnswers *answers,
                      OvAccount      *account)
{
  OvStage stage = ov_stage_answers_get_stage (answers);

  for (guint i = 0; i < ov_wizard_get_n_steps (stage); i++)
    {
      const OvWizardStep *step = ov_wizard_get_step (stage, i);

      for (guint j = 0; j < ov_wizard_step_get_n_fields (step); j++)
        {
          const OvWizardField *field = ov_wizard_step_get_field (step, j);
          const char *id = ov_wizard_field_get_id (field);
          int fact = ov_wizard_field_get_account_fact (field);

          if (fact == OV_WIZARD_FACT_NONE || ov_stage_answers_has_value (answers, id))
            continue;

          if (fact == OV_WIZARD_FACT_PACKAGE)
            ov_stage_answers_set_text (answers, id, ov_account_get_package (account));
          else if (fact == OV_WIZARD_FACT_MILESTONE)
            ov_stage_answers_set_text (answers, id,
                                       ov_account_get_first_value_milestone (account));
          else if (fact >= 0 && fact < OV_N_ACCOUNT_DATES)
            ov_stage_answers_set_date (answers, id, ov_account_get_date (account, fact));
        }
    }
}

/* The review judges the goals written at the handoff, in their order;
 * outcomes already recorded stay with their goal, and goals added at the
 * review itself are kept after them. */
static gboolean
merge_handoff_goals (OvStore         *self,
                     OvStageAnswers  *answers,
                     GError         **error)
{
  g_autoptr(OvStageAnswers) handoff = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  g_auto(GStrv) goals = NULL;

  handoff = ov_stage_answers_new (ov_stage_answers_get_account_id (answers), OV_STAGE_HANDOFF);
  if (!load_rows (self, handoff, error))
    return FALSE;

  goals = ov_stage_answers_dup_list (handoff, "goals");
  if (goals[0] == NULL)
    return TRUE;

  stored = ov_stage_answers_dup_goal_results (answers, "goal_outcomes");
  merged = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_goal_result_free);

  for (guint i = 0; goals[i] != NULL; i++)
    {
      OvGoalResult *found = NULL;

      for (guint j = 0; j < stored->len && found == NULL; j++)
        {
          OvGoalResult *result = g_ptr_array_index (stored, j);

          if (strcmp (result->goal, goals[i]) == 0)
            found = g_ptr_array_steal_index (stored, j);
        }

      g_ptr_array_add (merged, found ? found
                                     : ov_goal_result_new (goals[i], OV_GOAL_OUTCOME_NONE, NULL));
    }

  for (guint j = 0; j < stored->len; j++)
    g_ptr_array_add (merged, ov_goal_result_copy (g_ptr_array_index (stored, j)));

  ov_stage_answers_set_goal_results (answers, "goal_outcomes", merged);
  return TRUE;
}

OvStageAnswers *
ov_store_load_answers (OvStore  *self,
                       gint64    account_id,
                       OvStage   stage,
                       GError  **error)
{
  g_autoptr(OvStageAnswers) answers = NULL;
  g_autoptr(OvAccount) account = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (stage >= OV_STAGE_FIRST && stage <= OV_STAGE_LAST, NULL);

  account = ov_store_get_account (self, account_id, error);
  if (account == NULL)
    return NULL;

  answers = ov_stage_answers_new (account_id, stage);
  if (!load_rows (self, answers, error))
    return NULL;

  prefill_from_account (answers, account);

  if (stage == OV_STAGE_REVIEW && !merge_handoff_goals (self, answers, error))
    return NULL;

  ov_stage_answers_set_modified (answers, FALSE);
  return g_steal_pointer (&answers);
}

gboolean
ov_store_save_answers (OvStore         *self,
                       OvStageAnswers  *answers,
                       GError         **error)
{
  g_autofree char *now = NULL;
  gint64 account_id;
  sqlite3_stmt *stmt;
  int rc;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (answers), FALSE);

  account_id = ov_stage_answers_get_account_id (answers);
  now = ov_store_now_utc ();

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  stmt = ov_store_prepare (self,
                           "SELECT 1 FROM accounts WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                     _("There is no account number %lld."), (long long)account_id);
      else
        ov_store_set_error (self, error, rc, NULL);
      goto failed;
    }

  stmt = ov_store_prepare (self,
                           "DELETE FROM stage_answers WHERE account_id = ?1 AND stage = ?2",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, ov_stage_answers_get_stage (answers));
  if (!ov_store_step_done (self, stmt, error))
    goto failed;

  g_hash_table_iter_init (&iter, ov_stage_answers_get_values (answers));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      stmt = ov_store_prepare (self,
                               "INSERT INTO stage_answers (account_id, stage, field, value, "
                               "updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                               error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int (stmt, 2, ov_stage_answers_get_stage (answers));
      ov_bind_text (stmt, 3, key);
      ov_bind_text (stmt, 4, value);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
      if (!ov_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!ov_store_transaction_commit (self, error))
    goto failed;

  ov_stage_answers_set_modified (answers, FALSE);
  ov_store_emit_changed (self, "answers");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}
