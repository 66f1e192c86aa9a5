/* ov-stage-facts.c — the answers of a stage wizard that are account facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some wizard fields hold what the account itself records (the close,
 * kickoff, go-live and first-value dates, the package, the first-value
 * milestone). Loading a wizard starts those fields off with the account's
 * values; completing a stage, or correcting a stage already behind the
 * account, copies them back. Which field is which fact is the wizard
 * definitions' business (ov-wizard.c); this file is the one walk over a
 * stage's fields that moves them either way.
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include "ov-stage-answers.h"

/* What the field of @fact holds on @account, as text ("" for a date). */
static const char *
account_text (OvAccount *account,
              int        fact)
{
  if (fact == OV_WIZARD_FACT_PACKAGE)
    return ov_account_get_package (account);
  if (fact == OV_WIZARD_FACT_MILESTONE)
    return ov_account_get_first_value_milestone (account);

  return "";
}

static gboolean
is_date_fact (int fact)
{
  return fact >= 0 && fact < OV_N_ACCOUNT_DATES;
}

gboolean
ov_stage_answers_copy_facts (OvStageAnswers *self,
                             OvAccount      *account)
{
  OvStage stage;
  gboolean changed = FALSE;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);

  stage = ov_stage_answers_get_stage (self);
  for (guint i = 0; i < ov_wizard_get_n_fields (stage); i++)
    {
      const OvWizardField *field = ov_wizard_get_field (stage, i);
      const char *id = ov_wizard_field_get_id (field);
      int fact = ov_wizard_field_get_account_fact (field);

      /* An empty answer never wipes what the account knows. */
      if (fact == OV_WIZARD_FACT_NONE || !ov_stage_answers_has_value (self, id))
        continue;

      if (is_date_fact (fact))
        {
          OvDate date = ov_stage_answers_get_date (self, id);

          changed |= ov_account_get_date (account, fact) != date;
          ov_account_set_date (account, fact, date);
        }
      else
        {
          const char *text = ov_stage_answers_get_text (self, id);

          changed |= g_strcmp0 (account_text (account, fact), text) != 0;
          if (fact == OV_WIZARD_FACT_PACKAGE)
            ov_account_set_package (account, text);
          else if (fact == OV_WIZARD_FACT_MILESTONE)
            ov_account_set_first_value_milestone (account, text);
        }
    }

  return changed;
}

/* Facts the account already has (from the CRM import, or typed on the
 * account page) start the wizard off, so nobody types them twice. */
void
ov_stage_answers_fill_facts (OvStageAnswers *self,
                             OvAccount      *account)
{
  OvStage stage;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  stage = ov_stage_answers_get_stage (self);
  for (guint i = 0; i < ov_wizard_get_n_fields (stage); i++)
    {
      const OvWizardField *field = ov_wizard_get_field (stage, i);
      const char *id = ov_wizard_field_get_id (field);
      int fact = ov_wizard_field_get_account_fact (field);

      if (fact == OV_WIZARD_FACT_NONE || ov_stage_answers_has_value (self, id))
        continue;

      if (is_date_fact (fact))
        ov_stage_answers_set_date (self, id, ov_account_get_date (account, fact));
      else if (fact == OV_WIZARD_FACT_PACKAGE || fact == OV_WIZARD_FACT_MILESTONE)
        ov_stage_answers_set_text (self, id, account_text (account, fact));
    }
}

gboolean
ov_stage_answers_has_own_answers (OvStageAnswers *self)
{
  OvStage stage;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);

  stage = ov_stage_answers_get_stage (self);
  for (guint i = 0; i < ov_wizard_get_n_fields (stage); i++)
    {
      const OvWizardField *field = ov_wizard_get_field (stage, i);

      if (ov_wizard_field_get_account_fact (field) == OV_WIZARD_FACT_NONE &&
          ov_wizard_field_get_kind (field) != OV_FIELD_GOAL_OUTCOMES &&
          ov_stage_answers_has_value (self, ov_wizard_field_get_id (field)))
        return TRUE;
    }

  return FALSE;
}
