/* ov-journey-wizard.c — what a stage wizard's answers do: complete the
 * stage, skip it, or keep them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizard hands its answers over and shows what comes back: each of
 * its buttons is one call here, which checks the answers with the stage's
 * rules, has the store write them in one go, and brings the account
 * object the views show up to date with what was stored.
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include "ov-journey-wizard.h"
#include "ov-store-accounts.h"
#include "ov-store-answers.h"
#include "ov-store-journey.h"

/* @account takes the stored values. The move itself was stored already, so
 * a failure here is only told, not returned. */
static void
read_back (OvStore   *store,
           OvAccount *account)
{
  g_autoptr(OvAccount) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = ov_store_get_account (store, ov_account_get_id (account), &error);
  if (fresh == NULL)
    {
      g_warning ("Could not read the account back: %s", error->message);
      return;
    }

  ov_account_assign (account, fresh);
}

static gboolean
check_arguments (OvStore        *store,
                 OvAccount      *account,
                 OvStageAnswers *answers)
{
  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (answers), FALSE);
  g_return_val_if_fail (ov_stage_answers_get_account_id (answers) == ov_account_get_id (account),
                        FALSE);

  return TRUE;
}

gboolean
ov_journey_complete_stage (OvStore         *store,
                           OvAccount       *account,
                           OvStageAnswers  *answers,
                           OvDate           on,
                           const char     **field_id,
                           GError         **error)
{
  return ov_journey_complete_stage_with_tasks (store, account, answers, on, NULL, 0, NULL,
                                               field_id, error);
}

gboolean
ov_journey_complete_stage_with_tasks (OvStore             *store,
                                      OvAccount           *account,
                                      OvStageAnswers      *answers,
                                      OvDate               on,
                                      const OvTaskChoice  *choices,
                                      guint                n_choices,
                                      OvStageCompletion  **completion,
                                      const char         **field_id,
                                      GError             **error)
{
  if (!check_arguments (store, account, answers))
    return FALSE;
  g_return_val_if_fail (on != OV_DATE_NONE, FALSE);

  /* The store checks again when completing; asking first finds the field. */
  if (!ov_stage_answers_validate (answers, on, field_id, error))
    return FALSE;

  if (!ov_store_complete_stage_with_tasks (store, ov_account_get_id (account),
                                           ov_stage_answers_get_stage (answers), answers, on,
                                           choices, n_choices, completion, error))
    return FALSE;

  read_back (store, account);
  return TRUE;
}

gboolean
ov_journey_undo_completion (OvStore            *store,
                            OvAccount          *account,
                            OvStageCompletion  *completion,
                            GError            **error)
{
  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (completion != NULL, FALSE);
  g_return_val_if_fail (ov_stage_completion_get_account_id (completion) ==
                        ov_account_get_id (account), FALSE);

  if (!ov_store_undo_stage_completion (store, completion, error))
    return FALSE;

  read_back (store, account);
  return TRUE;
}

gboolean
ov_journey_save_answers (OvStore         *store,
                         OvAccount       *account,
                         OvStageAnswers  *answers,
                         OvDate           today,
                         const char     **field_id,
                         GError         **error)
{
  g_autoptr(OvAccount) draft = NULL;

  if (!check_arguments (store, account, answers))
    return FALSE;

  if (!ov_stage_answers_validate (answers, today, field_id, error))
    return FALSE;

  /* A stage behind the account: a correction of its facts reaches the
   * account, as completing the stage copied them there. */
  if (ov_stage_answers_get_stage (answers) < ov_account_get_stage (account))
    {
      draft = ov_account_copy (account);
      if (!ov_stage_answers_copy_facts (answers, draft))
        g_clear_object (&draft);
    }

  if (!ov_store_save_answers_and_account (store, answers, draft, error))
    return FALSE;

  if (draft != NULL)
    ov_account_assign (account, draft);
  return TRUE;
}

gboolean
ov_journey_skip_stage (OvStore         *store,
                       OvAccount       *account,
                       OvStageAnswers  *answers,
                       OvDate           on,
                       GError         **error)
{
  if (!check_arguments (store, account, answers))
    return FALSE;
  g_return_val_if_fail (on != OV_DATE_NONE, FALSE);

  /* Whatever was entered stays, even though the stage is passed over. */
  if (ov_stage_answers_get_modified (answers) && !ov_store_save_answers (store, answers, error))
    return FALSE;

  if (!ov_store_skip_stage (store, ov_account_get_id (account),
                            ov_stage_answers_get_stage (answers), on, NULL, error))
    return FALSE;

  read_back (store, account);
  return TRUE;
}

gboolean
ov_journey_reload (OvStore         *store,
                   OvAccount       *account,
                   OvStageAnswers  *answers,
                   GError         **error)
{
  if (!check_arguments (store, account, answers))
    return FALSE;

  read_back (store, account);
  return ov_store_reload_answers (store, answers, error);
}
