/* ov-plan.h — an account's plan against what happened: the target and
 * actual go-live and first value, the goals and how they turned out, the
 * risks, the promises and the kickoff agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-account.h"
#include "ov-date.h"
#include "ov-stage-answers.h"
#include "ov-store.h"
#include "ov-task.h"

G_BEGIN_DECLS

/* Where one planned date stands on a given day. */
typedef enum
{
  OV_PLAN_NO_DATES,      /* neither a target nor an actual date */
  OV_PLAN_NO_TARGET,     /* reached, but no target was set */
  OV_PLAN_AHEAD,         /* not reached, the target is @days ahead */
  OV_PLAN_DUE_TODAY,     /* not reached, the target is today */
  OV_PLAN_LATE,          /* not reached, the target passed @days ago */
  OV_PLAN_EARLY,         /* reached @days before the target */
  OV_PLAN_ON_TARGET,     /* reached on the target day */
  OV_PLAN_REACHED_LATE,  /* reached @days after the target */
} OvPlanState;

typedef struct
{
  OvDate      target;    /* OV_DATE_NONE when none was agreed */
  OvDate      actual;    /* OV_DATE_NONE until reached */
  OvPlanState state;
  int         days;      /* how many days ahead, late or early; 0 otherwise */
} OvPlanDate;

/* Compares @target with @actual, or, while @actual is not set, with
 * @today. Days are calendar days (b − a). */
OvPlanDate  ov_plan_date_compute   (OvDate             target,
                                    OvDate             actual,
                                    OvDate             today);

/* A short sentence for @date, e.g. "in 36 days", "12 days late",
 * "reached 4 days early", "reached on target" (translated). */
char       *ov_plan_date_describe  (const OvPlanDate  *date);

/* The plan of one account, read from the wizards' answers and the
 * account's facts. */
typedef struct
{
  OvDate       kickoff;
  char       **agenda;           /* NULL-terminated, never NULL */
  OvPlanDate   golive;
  OvPlanDate   first_value;
  char        *milestone;        /* the agreed first-value milestone, or "" */
  GPtrArray   *goals;            /* OvGoalResult: each handoff goal, outcome so far */
  char        *success_criteria;
  char        *risks;
  char        *promises;
} OvPlan;

#define OV_TYPE_PLAN (ov_plan_get_type ())

GType       ov_plan_get_type       (void) G_GNUC_CONST;
void        ov_plan_free           (OvPlan            *plan);
OvPlan     *ov_plan_copy           (const OvPlan      *plan);

/* The plan from the stored answers of Handoff, Kickoff, Adopt and Review
 * (any may be empty) and the account's dates: the actual go-live and
 * first value are the account's, else what the Adopt wizard holds. */
OvPlan     *ov_plan_new            (OvAccount         *account,
                                    OvStageAnswers    *handoff,
                                    OvStageAnswers    *kickoff,
                                    OvStageAnswers    *adopt,
                                    OvStageAnswers    *review,
                                    OvDate             today);

/* Reads those answers of @account from @store. */
OvPlan     *ov_plan_load           (OvStore           *store,
                                    OvAccount         *account,
                                    OvDate             today,
                                    GError           **error);

/* TRUE when nothing of the plan was recorded yet. */
gboolean    ov_plan_is_empty       (const OvPlan      *plan);

/* The task to do next among @tasks (OvTask): the open one due first,
 * undated ones after the dated, ties by stage then id; NULL when all are
 * done. Borrowed from @tasks. */
OvTask     *ov_plan_find_next_task (GPtrArray         *tasks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvPlan, ov_plan_free)

G_END_DECLS
