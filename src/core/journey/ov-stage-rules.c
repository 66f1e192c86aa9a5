/* ov-stage-rules.c — what a stage's answers must satisfy: each field by its
 * kind, the order of dates, and the rules between fields of a stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the public API of OvStageAnswers is used here, so that other
 * answers (the listening interviews) can follow the same rules.
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-stage.h"
#include "ov-stage-answers.h"
#include "ov-wizard.h"

static gboolean
refuse (GError              **error,
        const char          **field_id,
        const OvWizardField  *field,
        int                   code,
        const char           *format,
        ...) G_GNUC_PRINTF (5, 6);

/* "Label: what is wrong", and which field it is. */
static gboolean
refuse (GError              **error,
        const char          **field_id,
        const OvWizardField  *field,
        int                   code,
        const char           *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a wizard field's label, then what is wrong with it */
  g_set_error (error, OV_WIZARD_ERROR, code, _("%s: %s"),
               ov_wizard_field_get_label (field), message);
  if (field_id != NULL)
    *field_id = ov_wizard_field_get_id (field);
  return FALSE;
}

static gboolean
check_not_future (const OvWizardField  *field,
                  OvDate                date,
                  OvDate                today,
                  const char          **field_id,
                  GError              **error)
{
  g_autofree char *iso = NULL;

  if (date == OV_DATE_NONE || today == OV_DATE_NONE || date <= today)
    return TRUE;

  iso = ov_date_to_iso (date);
  return refuse (error, field_id, field, OV_WIZARD_ERROR_FUTURE,
                 _("%s is in the future; record it once it has happened."), iso);
}

/* What every field of a kind must satisfy. */
static gboolean
check_field (OvStageAnswers       *self,
             const OvWizardField  *field,
             OvDate                today,
             const char          **field_id,
             GError              **error)
{
  const char *id = ov_wizard_field_get_id (field);
  gboolean required = ov_wizard_field_is_required (field);

  switch (ov_wizard_field_get_kind (field))
    {
    case OV_FIELD_TEXT:
    case OV_FIELD_LONG_TEXT:
      if (required && !ov_stage_answers_has_value (self, id))
        return refuse (error, field_id, field, OV_WIZARD_ERROR_REQUIRED,
                       _("this cannot be left empty."));
      break;

    case OV_FIELD_DATE:
      if (required && ov_stage_answers_get_date (self, id) == OV_DATE_NONE)
        return refuse (error, field_id, field, OV_WIZARD_ERROR_REQUIRED, _("choose a date."));
      break;

    case OV_FIELD_NUMBER:
      if (required && !ov_stage_answers_has_value (self, id))
        return refuse (error, field_id, field, OV_WIZARD_ERROR_REQUIRED, _("enter a number."));
      if (ov_stage_answers_get_number (self, id) < 0)
        return refuse (error, field_id, field, OV_WIZARD_ERROR_INVALID,
                       _("%lld is not possible; enter zero or more."),
                       (long long)ov_stage_answers_get_number (self, id));
      break;

    case OV_FIELD_CHOICE:
      if (required && ov_stage_answers_get_choice (self, id)[0] == '\0')
        return refuse (error, field_id, field, OV_WIZARD_ERROR_REQUIRED, _("choose one."));
      break;

    case OV_FIELD_LIST:
      if (required)
        {
          g_auto(GStrv) items = ov_stage_answers_dup_list (self, id);

          if (items[0] == NULL)
            return refuse (error, field_id, field, OV_WIZARD_ERROR_REQUIRED,
                           _("add at least one item."));
        }
      break;

    case OV_FIELD_CHECK:
      {
        OvDate done_on = OV_DATE_NONE;

        if (!ov_stage_answers_get_check (self, id, &done_on))
          {
            if (required)
              return refuse (error, field_id, field, OV_WIZARD_ERROR_REQUIRED,
                             _("this needs to be done first."));
            break;
          }

        if (done_on == OV_DATE_NONE)
          return refuse (error, field_id, field, OV_WIZARD_ERROR_REQUIRED,
                         _("give the date this was done."));
        if (!check_not_future (field, done_on, today, field_id, error))
          return FALSE;
      }
      break;

    case OV_FIELD_GOAL_OUTCOMES:
      if (required)
        {
          g_autoptr(GPtrArray) results = ov_stage_answers_dup_goal_results (self, id);

          for (guint i = 0; i < results->len; i++)
            {
              const OvGoalResult *result = g_ptr_array_index (results, i);

              if (result->outcome == OV_GOAL_OUTCOME_NONE)
                return refuse (error, field_id, field, OV_WIZARD_ERROR_REQUIRED,
                               _("say whether “%s” was met."), result->goal);
            }
        }
      break;

    case OV_FIELD_BOOL:
    case OV_FIELD_TASKS:
    case OV_FIELD_INTERVIEWS:
    default:
      break;
    }

  return TRUE;
}

static gboolean
step_has (const OvWizardStep *step,
          const char         *field_id)
{
  for (guint i = 0; i < ov_wizard_step_get_n_fields (step); i++)
    {
      if (strcmp (ov_wizard_field_get_id (ov_wizard_step_get_field (step, i)), field_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* @later must not be before @earlier; checked on the step of @later. */
static gboolean
check_order (OvStageAnswers      *self,
             const OvWizardStep  *step,
             const char          *later,
             const char          *earlier,
             const char         **field_id,
             GError             **error)
{
  OvStage stage = ov_stage_answers_get_stage (self);
  const OvWizardField *later_field = ov_wizard_find_field (stage, later);
  const OvWizardField *earlier_field = ov_wizard_find_field (stage, earlier);
  OvDate later_date = ov_stage_answers_get_date (self, later);
  OvDate earlier_date = ov_stage_answers_get_date (self, earlier);
  g_autofree char *later_iso = NULL;
  g_autofree char *earlier_iso = NULL;
  g_autofree char *earlier_label = NULL;

  if (!step_has (step, later) || later_date == OV_DATE_NONE || earlier_date == OV_DATE_NONE ||
      later_date >= earlier_date)
    return TRUE;

  later_iso = ov_date_to_iso (later_date);
  earlier_iso = ov_date_to_iso (earlier_date);
  earlier_label = g_utf8_strdown (ov_wizard_field_get_label (earlier_field), -1);
  return refuse (error, field_id, later_field, OV_WIZARD_ERROR_ORDER,
                 /* Translators: "2026-03-01 is before the kickoff date 2026-03-10." */
                 _("%s is before the %s %s."), later_iso, earlier_label, earlier_iso);
}

/* Rules between fields, per stage. */
static gboolean
check_stage_rules (OvStageAnswers      *self,
                   const OvWizardStep  *step,
                   OvDate               today,
                   const char         **field_id,
                   GError             **error)
{
  OvStage stage = ov_stage_answers_get_stage (self);

  switch (stage)
    {
    case OV_STAGE_KICKOFF:
      return check_order (self, step, "target_golive_date", "kickoff_date", field_id, error) &&
             check_order (self, step, "first_value_target_date", "kickoff_date", field_id,
                          error);

    case OV_STAGE_ADOPT:
      if (step_has (step, "golive_date") &&
          !check_not_future (ov_wizard_find_field (stage, "golive_date"),
                             ov_stage_answers_get_date (self, "golive_date"), today,
                             field_id, error))
        return FALSE;
      if (step_has (step, "first_value_date") &&
          !check_not_future (ov_wizard_find_field (stage, "first_value_date"),
                             ov_stage_answers_get_date (self, "first_value_date"), today,
                             field_id, error))
        return FALSE;
      return TRUE;

    case OV_STAGE_EXPAND:
      {
        const char *outcome = ov_stage_answers_get_choice (self, "renewal_outcome");

        if (step_has (step, "renewal_date") && outcome[0] != '\0' &&
            strcmp (outcome, "pending") != 0 &&
            ov_stage_answers_get_date (self, "renewal_date") == OV_DATE_NONE)
          return refuse (error, field_id, ov_wizard_find_field (stage, "renewal_date"),
                         OV_WIZARD_ERROR_REQUIRED,
                         _("give the date of the renewal decision."));
        return TRUE;
      }

    case OV_STAGE_EMBARK:
    case OV_STAGE_HANDOFF:
    case OV_STAGE_REVIEW:
    default:
      return TRUE;
    }
}

gboolean
ov_stage_answers_validate_step (OvStageAnswers      *self,
                                const OvWizardStep  *step,
                                OvDate               today,
                                const char         **field_id,
                                GError             **error)
{
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (ov_wizard_step_get_stage (step) == ov_stage_answers_get_stage (self),
                        FALSE);

  if (field_id != NULL)
    *field_id = NULL;

  for (guint i = 0; i < ov_wizard_step_get_n_fields (step); i++)
    {
      if (!check_field (self, ov_wizard_step_get_field (step, i), today, field_id, error))
        return FALSE;
    }

  return check_stage_rules (self, step, today, field_id, error);
}

gboolean
ov_stage_answers_validate (OvStageAnswers  *self,
                           OvDate           today,
                           const char     **field_id,
                           GError         **error)
{
  OvStage stage;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);

  stage = ov_stage_answers_get_stage (self);
  for (guint i = 0; i < ov_wizard_get_n_steps (stage); i++)
    {
      if (!ov_stage_answers_validate_step (self, ov_wizard_get_step (stage, i), today,
                                           field_id, error))
        return FALSE;
    }

  return TRUE;
}

guint
ov_stage_answers_get_resume_step (OvStageAnswers *self,
                                  OvDate          today)
{
  OvStage stage;
  guint n_steps;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), 0);

  if (!ov_stage_answers_has_own_answers (self))
    return 0;

  stage = ov_stage_answers_get_stage (self);
  n_steps = ov_wizard_get_n_steps (stage);
  for (guint i = 0; i < n_steps; i++)
    {
      if (!ov_stage_answers_validate_step (self, ov_wizard_get_step (stage, i), today, NULL,
                                           NULL))
        return i;
    }

  return n_steps - 1;
}
