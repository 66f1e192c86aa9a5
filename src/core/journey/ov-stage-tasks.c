/* ov-stage-tasks.c — which open tasks a stage's answers settle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shipped playbook asks for work the wizards record too: "Run the
 * kickoff meeting" is done once the kickoff date is recorded and past. The
 * table below says which wizard field answers which shipped task; the task
 * is recognised by its title as the playbook words it (in English, or as
 * translated when the playbook was first stored), folded as the store
 * folds titles. A task a team renamed or added is never suggested.
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-package.h"
#include "ov-stage-tasks.h"
#include "ov-wizard.h"

typedef struct
{
  OvStage     stage;
  const char *title;     /* as in ov-playbook-default.c, untranslated */
  const char *field_id;
} TaskField;

static const TaskField task_fields[] = {
  { OV_STAGE_EMBARK, N_("Write down why the customer is buying"), "pains" },
  { OV_STAGE_EMBARK, N_("Walk the buyer through the onboarding plan"), "value_presented" },
  { OV_STAGE_EMBARK, N_("Propose the onboarding package that fits"), "package_proposed" },
  { OV_STAGE_EMBARK, N_("Join a sales call to meet the buyer"), "team_introduced" },
  { OV_STAGE_EMBARK, N_("Confirm the expected close date"), "expected_close_date" },

  { OV_STAGE_HANDOFF, N_("Fill in the handoff form"), "goals" },
  { OV_STAGE_HANDOFF, N_("Hold the internal handoff meeting"), "internal_meeting" },
  { OV_STAGE_HANDOFF, N_("Name a person for every internal role"), "internal_roles_assigned" },
  { OV_STAGE_HANDOFF, N_("Send the welcome message"), "welcome_sent" },
  { OV_STAGE_HANDOFF, N_("Confirm who plays which role at the customer"),
    "customer_roles_confirmed" },

  { OV_STAGE_KICKOFF, N_("Prepare the kickoff agenda"), "agenda" },
  { OV_STAGE_KICKOFF, N_("Run the kickoff meeting"), "kickoff_date" },
  { OV_STAGE_KICKOFF, N_("Agree on the first-value milestone"), "first_value_milestone" },

  { OV_STAGE_ADOPT, N_("Confirm go-live with the sponsor"), "golive_date" },
  { OV_STAGE_ADOPT, N_("Record the first value reached"), "first_value_date" },

  { OV_STAGE_REVIEW, N_("Collect the before and after numbers"), "metrics_snapshot" },
  { OV_STAGE_REVIEW, N_("Run the review meeting"), "review_date" },
};

/* Date fields that record an event rather than a plan: answered once the
 * day has come. */
static const char * const happened_dates[] = {
  "kickoff_date", "golive_date", "first_value_date", "review_date", NULL
};

static gboolean
same_title (const char *title,
            const char *wanted)
{
  g_autofree char *key = ov_package_name_key (title);
  g_autofree char *wanted_key = ov_package_name_key (wanted);

  return g_strcmp0 (key, wanted_key) == 0;
}

const char *
ov_stage_task_find_field (OvStage     stage,
                          const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (task_fields); i++)
    {
      const TaskField *entry = &task_fields[i];

      if (entry->stage != stage)
        continue;
      if (same_title (title, entry->title) || same_title (title, _(entry->title)))
        return entry->field_id;
    }

  return NULL;
}

gboolean
ov_stage_task_is_answered (OvStageAnswers  *answers,
                           OvTask          *task,
                           OvDate           on,
                           const char     **field_id)
{
  const OvWizardField *field;
  const char *id;
  OvStage stage;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (answers), FALSE);
  g_return_val_if_fail (OV_IS_TASK (task), FALSE);

  if (field_id != NULL)
    *field_id = NULL;

  stage = ov_task_get_stage (task);
  if (stage != ov_stage_answers_get_stage (answers) || ov_task_is_done (task))
    return FALSE;

  id = ov_stage_task_find_field (stage, ov_task_get_title (task));
  field = id != NULL ? ov_wizard_find_field (stage, id) : NULL;
  if (field == NULL || !ov_stage_answers_has_value (answers, id))
    return FALSE;

  switch (ov_wizard_field_get_kind (field))
    {
    case OV_FIELD_CHECK:
      if (!ov_stage_answers_get_check (answers, id, NULL))
        return FALSE;
      break;
    case OV_FIELD_BOOL:
      if (!ov_stage_answers_get_bool (answers, id))
        return FALSE;
      break;
    case OV_FIELD_DATE:
      if (g_strv_contains (happened_dates, id) && on != OV_DATE_NONE &&
          ov_stage_answers_get_date (answers, id) > on)
        return FALSE;
      break;
    case OV_FIELD_LIST:
      {
        g_auto(GStrv) items = ov_stage_answers_dup_list (answers, id);

        if (items[0] == NULL)
          return FALSE;
      }
      break;
    case OV_FIELD_TEXT:
    case OV_FIELD_LONG_TEXT:
    case OV_FIELD_NUMBER:
    case OV_FIELD_CHOICE:
    case OV_FIELD_GOAL_OUTCOMES:
    case OV_FIELD_TASKS:
    case OV_FIELD_INTERVIEWS:
    default:
      /* Answered is enough. */
      break;
    }

  if (field_id != NULL)
    *field_id = ov_wizard_field_get_id (field);
  return TRUE;
}
