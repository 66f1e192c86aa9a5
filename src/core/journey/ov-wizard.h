/* ov-wizard.h — what each stage's wizard asks, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The definitions are static data: a UI builds every wizard generically
 * from them (one page per step, one row per field by its kind), and
 * OvStageAnswers validates against the same definitions, so the UI and the
 * tests share the rules. Field ids are stable (they are stored).
 *
 * Embark:   why: pains*, outcomes* · deal: package, expected_close_date* ·
 *           checklist: value_presented, package_proposed, team_introduced
 * Handoff:  goals: goals* (list), success_criteria*, stakeholders ·
 *           contract: contract_facts, promises, risks ·
 *           internal: internal_meeting, internal_roles_assigned ·
 *           customer: welcome_sent, team_introduced, customer_roles_confirmed
 * Kickoff:  meeting: kickoff_date*, agenda (list) ·
 *           plan: target_golive_date*, first_value_milestone*,
 *           first_value_target_date*, roles_agreed (bool)
 * Adopt:    tasks: tasks (the stage's tasks) · training: trainings (list) ·
 *           milestones: golive_date*, first_value_date*
 * Review:   meeting: review_date* · interview: interviews (the account's
 *           listening interviews, kept by themselves) · goals: goal_outcomes
 *           (one per handoff goal) · metrics: metrics_snapshot
 * Expand:   growth: new_users (number), new_teams (list), turnover_handled
 *           (bool) · renewal: expansion_opportunities, renewal_outcome
 *           (choice: pending, renewed, expanded, reduced, churned),
 *           renewal_date
 * (* required; checklist items are OV_FIELD_CHECK: done + date.)
 */

#pragma once

#include <glib.h>

#include "ov-types.h"

G_BEGIN_DECLS

#define OV_WIZARD_ERROR (ov_wizard_error_quark ())

typedef enum
{
  OV_WIZARD_ERROR_REQUIRED,    /* a required field is empty */
  OV_WIZARD_ERROR_INVALID,     /* a value is out of range */
  OV_WIZARD_ERROR_ORDER,       /* two dates are in the wrong order */
  OV_WIZARD_ERROR_FUTURE,      /* something that happened is dated ahead */
} OvWizardError;

typedef struct _OvWizardStep  OvWizardStep;
typedef struct _OvWizardField OvWizardField;

GQuark               ov_wizard_error_quark          (void);

/* Steps of @stage's wizard, in order (every stage has at least one). */
guint                ov_wizard_get_n_steps          (OvStage              stage);
const OvWizardStep  *ov_wizard_get_step             (OvStage              stage,
                                                     guint                index);
const OvWizardStep  *ov_wizard_find_step            (OvStage              stage,
                                                     const char          *step_id);

/* Every field of @stage's wizard, step after step, @index from 0 to
 * ov_wizard_get_n_fields() - 1: the one walk over all of a stage's
 * fields, for whatever looks at each of them. */
guint                ov_wizard_get_n_fields         (OvStage              stage);
const OvWizardField *ov_wizard_get_field            (OvStage              stage,
                                                     guint                index);

/* The field @field_id of @stage's wizard, or NULL. */
const OvWizardField *ov_wizard_find_field           (OvStage              stage,
                                                     const char          *field_id);

OvStage              ov_wizard_step_get_stage       (const OvWizardStep  *step);
const char          *ov_wizard_step_get_id          (const OvWizardStep  *step);
/* Translated title and one-sentence explanation of the step. */
const char          *ov_wizard_step_get_title       (const OvWizardStep  *step);
const char          *ov_wizard_step_get_description (const OvWizardStep  *step);
guint                ov_wizard_step_get_n_fields    (const OvWizardStep  *step);
const OvWizardField *ov_wizard_step_get_field       (const OvWizardStep  *step,
                                                     guint                index);

OvStage              ov_wizard_field_get_stage      (const OvWizardField *field);
const char          *ov_wizard_field_get_id         (const OvWizardField *field);
OvFieldKind          ov_wizard_field_get_kind       (const OvWizardField *field);
/* Translated label and help text (help may be ""). */
const char          *ov_wizard_field_get_label      (const OvWizardField *field);
const char          *ov_wizard_field_get_help       (const OvWizardField *field);
/* Required: text not blank, date set, list with an item, every goal of
 * OV_FIELD_GOAL_OUTCOMES judged. */
gboolean             ov_wizard_field_is_required    (const OvWizardField *field);

/* For OV_FIELD_CHOICE: the option ids (NULL-terminated, static) and the
 * translated label of one option (NULL if not an option). */
const char * const  *ov_wizard_field_get_choices    (const OvWizardField *field);
const char          *ov_wizard_field_get_choice_label (const OvWizardField *field,
                                                       const char          *choice);

/* Which account fact completing the stage copies this field into, or -1:
 * an OvAccountDate for date fields, OV_WIZARD_FACT_PACKAGE or
 * OV_WIZARD_FACT_MILESTONE for text fields. */
#define OV_WIZARD_FACT_NONE      (-1)
#define OV_WIZARD_FACT_PACKAGE   100
#define OV_WIZARD_FACT_MILESTONE 101
int                  ov_wizard_field_get_account_fact (const OvWizardField *field);
/* FALSE for the fields that only show what other rows hold (the stage's
 * tasks, the account's interviews): the answers keep nothing for them. */
gboolean             ov_wizard_field_holds_value    (const OvWizardField *field);

/* Translated title of a goal outcome ("Met", "Partly met", "Not met"). */
const char          *ov_goal_outcome_get_title      (OvGoalOutcome        outcome);
const char          *ov_goal_outcome_get_id         (OvGoalOutcome        outcome);
gboolean             ov_goal_outcome_parse          (const char          *id,
                                                     OvGoalOutcome       *outcome);

G_END_DECLS
