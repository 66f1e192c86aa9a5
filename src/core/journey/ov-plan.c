/* ov-plan.c — an account's plan against what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Handoff and Kickoff wizards agreed stays in their answers; the
 * account page shows it again beside what came of it. The figures (days
 * ahead, late, early) are computed here against the day the caller names,
 * so the page and the tests agree on them.
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-plan.h"
#include "ov-store-answers.h"

G_DEFINE_BOXED_TYPE (OvPlan, ov_plan, ov_plan_copy, ov_plan_free)

OvPlanDate
ov_plan_date_compute (OvDate target,
                      OvDate actual,
                      OvDate today)
{
  OvPlanDate result = { target, actual, OV_PLAN_NO_DATES, 0 };

  if (target == OV_DATE_NONE)
    {
      result.state = actual != OV_DATE_NONE ? OV_PLAN_NO_TARGET : OV_PLAN_NO_DATES;
      return result;
    }

  if (actual != OV_DATE_NONE)
    {
      int late = actual - target;

      result.state = late < 0 ? OV_PLAN_EARLY : late > 0 ? OV_PLAN_REACHED_LATE
                                                          : OV_PLAN_ON_TARGET;
      result.days = ABS (late);
      return result;
    }

  if (today == OV_DATE_NONE)
    today = ov_date_today ();

  if (target > today)
    result.state = OV_PLAN_AHEAD;
  else if (target < today)
    result.state = OV_PLAN_LATE;
  else
    result.state = OV_PLAN_DUE_TODAY;
  result.days = ABS (target - today);
  return result;
}

char *
ov_plan_date_describe (const OvPlanDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->state)
    {
    case OV_PLAN_NO_TARGET:
      return g_strdup (_("reached, no target was set"));
    case OV_PLAN_AHEAD:
      /* Translators: a planned date still ahead, "in 36 days" */
      return g_strdup_printf (ngettext ("in %d day", "in %d days", date->days), date->days);
    case OV_PLAN_DUE_TODAY:
      return g_strdup (_("due today"));
    case OV_PLAN_LATE:
      /* Translators: a planned date passed without being reached, "12 days late" */
      return g_strdup_printf (ngettext ("%d day late", "%d days late", date->days), date->days);
    case OV_PLAN_EARLY:
      return g_strdup_printf (ngettext ("reached %d day early", "reached %d days early",
                                        date->days), date->days);
    case OV_PLAN_ON_TARGET:
      return g_strdup (_("reached on target"));
    case OV_PLAN_REACHED_LATE:
      return g_strdup_printf (ngettext ("reached %d day late", "reached %d days late",
                                        date->days), date->days);
    case OV_PLAN_NO_DATES:
    default:
      return g_strdup (_("no target set"));
    }
}

void
ov_plan_free (OvPlan *plan)
{
  if (plan == NULL)
    return;

  g_strfreev (plan->agenda);
  g_free (plan->milestone);
  g_clear_pointer (&plan->goals, g_ptr_array_unref);
  g_free (plan->success_criteria);
  g_free (plan->risks);
  g_free (plan->promises);
  g_free (plan);
}

OvPlan *
ov_plan_copy (const OvPlan *plan)
{
  OvPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof *plan);
  copy->agenda = g_strdupv (plan->agenda);
  copy->milestone = g_strdup (plan->milestone);
  copy->goals = g_ptr_array_copy (plan->goals, (GCopyFunc)ov_goal_result_copy, NULL);
  g_ptr_array_set_free_func (copy->goals, (GDestroyNotify)ov_goal_result_free);
  copy->success_criteria = g_strdup (plan->success_criteria);
  copy->risks = g_strdup (plan->risks);
  copy->promises = g_strdup (plan->promises);
  return copy;
}

static const char *
text_of (OvStageAnswers *answers,
         const char     *field_id)
{
  return answers != NULL ? ov_stage_answers_get_text (answers, field_id) : "";
}

static OvDate
date_of (OvStageAnswers *answers,
         const char     *field_id)
{
  return answers != NULL ? ov_stage_answers_get_date (answers, field_id) : OV_DATE_NONE;
}

/* The account's date, else the one the wizard holds. */
static OvDate
actual_date (OvAccount      *account,
             OvAccountDate   which,
             OvStageAnswers *answers,
             const char     *field_id)
{
  OvDate date = ov_account_get_date (account, which);

  return date != OV_DATE_NONE ? date : date_of (answers, field_id);
}

/* Each handoff goal with the outcome the review gave it, if any. */
static GPtrArray *
goals_of (OvStageAnswers *handoff,
          OvStageAnswers *review)
{
  g_autoptr(GPtrArray) results = NULL;
  g_auto(GStrv) goals = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_goal_result_free);

  if (review != NULL)
    results = ov_stage_answers_dup_goal_results (review, "goal_outcomes");
  goals = handoff != NULL ? ov_stage_answers_dup_list (handoff, "goals") : g_new0 (char *, 1);

  for (guint i = 0; goals[i] != NULL; i++)
    {
      OvGoalResult *found = NULL;

      for (guint j = 0; results != NULL && j < results->len && found == NULL; j++)
        {
          OvGoalResult *result = g_ptr_array_index (results, j);

          if (g_strcmp0 (result->goal, goals[i]) == 0)
            found = result;
        }

      g_ptr_array_add (out, found != NULL ? ov_goal_result_copy (found)
                                          : ov_goal_result_new (goals[i], OV_GOAL_OUTCOME_NONE,
                                                                ""));
    }

  return out;
}

OvPlan *
ov_plan_new (OvAccount      *account,
             OvStageAnswers *handoff,
             OvStageAnswers *kickoff,
             OvStageAnswers *adopt,
             OvStageAnswers *review,
             OvDate          today)
{
  OvPlan *plan;
  const char *milestone;

  g_return_val_if_fail (OV_IS_ACCOUNT (account), NULL);

  plan = g_new0 (OvPlan, 1);
  plan->kickoff = ov_account_get_date (account, OV_ACCOUNT_DATE_KICKOFF);
  if (plan->kickoff == OV_DATE_NONE)
    plan->kickoff = date_of (kickoff, "kickoff_date");
  plan->agenda = kickoff != NULL ? ov_stage_answers_dup_list (kickoff, "agenda")
                                 : g_new0 (char *, 1);
  plan->golive = ov_plan_date_compute (date_of (kickoff, "target_golive_date"),
                                       actual_date (account, OV_ACCOUNT_DATE_GOLIVE, adopt,
                                                    "golive_date"),
                                       today);
  plan->first_value = ov_plan_date_compute (date_of (kickoff, "first_value_target_date"),
                                            actual_date (account, OV_ACCOUNT_DATE_FIRST_VALUE,
                                                         adopt, "first_value_date"),
                                            today);
  milestone = ov_account_get_first_value_milestone (account);
  plan->milestone = g_strdup (milestone != NULL && milestone[0] != '\0'
                                ? milestone : text_of (kickoff, "first_value_milestone"));
  plan->goals = goals_of (handoff, review);
  plan->success_criteria = g_strdup (text_of (handoff, "success_criteria"));
  plan->risks = g_strdup (text_of (handoff, "risks"));
  plan->promises = g_strdup (text_of (handoff, "promises"));
  return plan;
}

OvPlan *
ov_plan_load (OvStore    *store,
              OvAccount  *account,
              OvDate      today,
              GError    **error)
{
  static const OvStage stages[] = {
    OV_STAGE_HANDOFF, OV_STAGE_KICKOFF, OV_STAGE_ADOPT, OV_STAGE_REVIEW
  };
  OvStageAnswers *answers[G_N_ELEMENTS (stages)] = { NULL, };
  OvPlan *plan = NULL;
  guint i;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), NULL);

  for (i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      answers[i] = ov_store_load_answers (store, ov_account_get_id (account), stages[i], error);
      if (answers[i] == NULL)
        break;
    }

  if (i == G_N_ELEMENTS (stages))
    plan = ov_plan_new (account, answers[0], answers[1], answers[2], answers[3], today);

  for (i = 0; i < G_N_ELEMENTS (stages); i++)
    g_clear_object (&answers[i]);
  return plan;
}

gboolean
ov_plan_is_empty (const OvPlan *plan)
{
  g_return_val_if_fail (plan != NULL, TRUE);

  return plan->kickoff == OV_DATE_NONE && plan->agenda[0] == NULL &&
         plan->golive.state == OV_PLAN_NO_DATES && plan->first_value.state == OV_PLAN_NO_DATES &&
         plan->milestone[0] == '\0' && plan->goals->len == 0 &&
         plan->success_criteria[0] == '\0' && plan->risks[0] == '\0' &&
         plan->promises[0] == '\0';
}

/* Dated before undated, then earlier first, then by stage and id. */
static int
compare_next (OvTask *a,
              OvTask *b)
{
  OvDate due_a = ov_task_get_due_date (a);
  OvDate due_b = ov_task_get_due_date (b);

  if ((due_a == OV_DATE_NONE) != (due_b == OV_DATE_NONE))
    return due_a == OV_DATE_NONE ? 1 : -1;
  if (due_a != due_b)
    return due_a < due_b ? -1 : 1;
  if (ov_task_get_stage (a) != ov_task_get_stage (b))
    return ov_task_get_stage (a) < ov_task_get_stage (b) ? -1 : 1;
  return ov_task_get_id (a) < ov_task_get_id (b) ? -1 : ov_task_get_id (a) > ov_task_get_id (b);
}

OvTask *
ov_plan_find_next_task (GPtrArray *tasks)
{
  OvTask *next = NULL;

  g_return_val_if_fail (tasks != NULL, NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (tasks, i);

      if (ov_task_is_done (task))
        continue;
      if (next == NULL || compare_next (task, next) < 0)
        next = task;
    }

  return next;
}
