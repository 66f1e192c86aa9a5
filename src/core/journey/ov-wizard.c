/* ov-wizard.c — what each stage's wizard asks, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Static tables: adding a field is adding a row. Ids are stored in
 * stage_answers and must never change once released.
 */

#define G_LOG_DOMAIN "ov-wizard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-account.h"
#include "ov-wizard.h"

struct _OvWizardField
{
  OvStage             stage;
  const char         *id;
  OvFieldKind         kind;
  gboolean            required;
  int                 account_fact;
  const char         *label;
  const char         *help;
  const char * const *choices;
};

struct _OvWizardStep
{
  OvStage              stage;
  const char          *id;
  const char          *title;
  const char          *description;
  const OvWizardField *fields;
  guint                n_fields;
};

G_DEFINE_QUARK (ov-wizard-error-quark, ov_wizard_error)

#define FACT_NONE OV_WIZARD_FACT_NONE

#define FIELD(stage_, id_, kind_, required_, fact_, label_, help_) \
  { stage_, id_, kind_, required_, fact_, label_, help_, NULL }

#define STEP(stage_, id_, title_, description_, fields_) \
  { stage_, id_, title_, description_, fields_, G_N_ELEMENTS (fields_) }

/* Embark */

static const OvWizardField embark_why[] = {
  FIELD (OV_STAGE_EMBARK, "pains", OV_FIELD_LONG_TEXT, TRUE, FACT_NONE,
         N_("Customer’s pains"),
         N_("What hurts today, in the customer’s own words.")),
  FIELD (OV_STAGE_EMBARK, "outcomes", OV_FIELD_LONG_TEXT, TRUE, FACT_NONE,
         N_("Desired outcomes"),
         N_("What the customer expects to be different once the product is in use.")),
};

static const OvWizardField embark_deal[] = {
  FIELD (OV_STAGE_EMBARK, "package", OV_FIELD_TEXT, FALSE, OV_WIZARD_FACT_PACKAGE,
         N_("Package offered or sold"),
         N_("The onboarding and success package on the table, e.g. Premium Onboarding.")),
  FIELD (OV_STAGE_EMBARK, "expected_close_date", OV_FIELD_DATE, TRUE, OV_ACCOUNT_DATE_CLOSE,
         N_("Expected close date"),
         N_("When the contract is expected to be signed; it becomes the account’s close "
            "date.")),
};

static const OvWizardField embark_checklist[] = {
  FIELD (OV_STAGE_EMBARK, "value_presented", OV_FIELD_CHECK, FALSE, FACT_NONE,
         N_("Value of onboarding presented"),
         N_("The buyer has heard what onboarding will do for them.")),
  FIELD (OV_STAGE_EMBARK, "package_proposed", OV_FIELD_CHECK, FALSE, FACT_NONE,
         N_("Package proposed"), ""),
  FIELD (OV_STAGE_EMBARK, "team_introduced", OV_FIELD_CHECK, FALSE, FACT_NONE,
         N_("Onboarding team introduced before close"), ""),
};

/* Handoff */

static const OvWizardField handoff_goals[] = {
  FIELD (OV_STAGE_HANDOFF, "goals", OV_FIELD_LIST, TRUE, FACT_NONE,
         N_("Customer goals"),
         N_("One goal per item; the review judges each of them.")),
  FIELD (OV_STAGE_HANDOFF, "success_criteria", OV_FIELD_LONG_TEXT, TRUE, FACT_NONE,
         N_("Success criteria"),
         N_("How everyone will know the goals were reached.")),
  FIELD (OV_STAGE_HANDOFF, "stakeholders", OV_FIELD_LONG_TEXT, FALSE, FACT_NONE,
         N_("Stakeholders"),
         N_("Who matters on both sides and what each of them cares about.")),
};

static const OvWizardField handoff_contract[] = {
  FIELD (OV_STAGE_HANDOFF, "contract_facts", OV_FIELD_LONG_TEXT, FALSE, FACT_NONE,
         N_("Contract facts"),
         N_("Term, licences, products and services bought, renewal date.")),
  FIELD (OV_STAGE_HANDOFF, "promises", OV_FIELD_LONG_TEXT, FALSE, FACT_NONE,
         N_("Promises made during the sale"),
         N_("Anything sales committed to that the onboarding team must keep.")),
  FIELD (OV_STAGE_HANDOFF, "risks", OV_FIELD_LONG_TEXT, FALSE, FACT_NONE,
         N_("Risks"),
         N_("What could slow the rollout down or make the customer unhappy.")),
};

static const OvWizardField handoff_internal[] = {
  FIELD (OV_STAGE_HANDOFF, "internal_meeting", OV_FIELD_CHECK, FALSE, FACT_NONE,
         N_("Internal handoff meeting held"),
         N_("Sales walked the onboarding team through this form.")),
  FIELD (OV_STAGE_HANDOFF, "internal_roles_assigned", OV_FIELD_CHECK, FALSE, FACT_NONE,
         N_("Every internal role has a person"),
         N_("See the account’s people: CSM, support, training and services.")),
};

static const OvWizardField handoff_customer[] = {
  FIELD (OV_STAGE_HANDOFF, "welcome_sent", OV_FIELD_CHECK, FALSE, FACT_NONE,
         N_("Welcome sent"), ""),
  FIELD (OV_STAGE_HANDOFF, "team_introduced", OV_FIELD_CHECK, FALSE, FACT_NONE,
         N_("Team introduced to the customer"), ""),
  FIELD (OV_STAGE_HANDOFF, "customer_roles_confirmed", OV_FIELD_CHECK, FALSE, FACT_NONE,
         N_("Customer roles confirmed"),
         N_("Sponsor, champion and admin have agreed to play their part.")),
};

/* Kickoff */

static const OvWizardField kickoff_meeting[] = {
  FIELD (OV_STAGE_KICKOFF, "kickoff_date", OV_FIELD_DATE, TRUE, OV_ACCOUNT_DATE_KICKOFF,
         N_("Kickoff date"), ""),
  FIELD (OV_STAGE_KICKOFF, "agenda", OV_FIELD_LIST, FALSE, FACT_NONE,
         N_("Agenda items"),
         N_("What the kickoff covers, one item per line.")),
};

static const OvWizardField kickoff_plan[] = {
  FIELD (OV_STAGE_KICKOFF, "target_golive_date", OV_FIELD_DATE, TRUE, FACT_NONE,
         N_("Target go-live date"),
         N_("The date both teams agreed to aim for.")),
  FIELD (OV_STAGE_KICKOFF, "first_value_milestone", OV_FIELD_TEXT, TRUE,
         OV_WIZARD_FACT_MILESTONE,
         N_("First-value milestone"),
         N_("One concrete result that shows the customer the product pays off.")),
  FIELD (OV_STAGE_KICKOFF, "first_value_target_date", OV_FIELD_DATE, TRUE, FACT_NONE,
         N_("First-value target date"), ""),
  FIELD (OV_STAGE_KICKOFF, "roles_agreed", OV_FIELD_BOOL, FALSE, FACT_NONE,
         N_("Roles agreed"),
         N_("Everyone knows who does what on both sides.")),
};

/* Adopt */

static const OvWizardField adopt_tasks[] = {
  FIELD (OV_STAGE_ADOPT, "tasks", OV_FIELD_TASKS, FALSE, FACT_NONE,
         N_("Tasks of this stage"),
         N_("Tick tasks off as they are done.")),
};

static const OvWizardField adopt_training[] = {
  FIELD (OV_STAGE_ADOPT, "trainings", OV_FIELD_LIST, FALSE, FACT_NONE,
         N_("Trainings held"),
         N_("One training per item, e.g. “Admin training, 12 people”.")),
};

static const OvWizardField adopt_milestones[] = {
  FIELD (OV_STAGE_ADOPT, "golive_date", OV_FIELD_DATE, TRUE, OV_ACCOUNT_DATE_GOLIVE,
         N_("Go-live date"),
         N_("When the product went live for the teams in scope.")),
  FIELD (OV_STAGE_ADOPT, "first_value_date", OV_FIELD_DATE, TRUE, OV_ACCOUNT_DATE_FIRST_VALUE,
         N_("First value reached"),
         N_("When the agreed first-value milestone was met.")),
};

/* Review */

static const OvWizardField review_meeting[] = {
  FIELD (OV_STAGE_REVIEW, "review_date", OV_FIELD_DATE, TRUE, FACT_NONE,
         N_("Review meeting date"), ""),
};

static const OvWizardField review_interview[] = {
  FIELD (OV_STAGE_REVIEW, "interviews", OV_FIELD_INTERVIEWS, FALSE, FACT_NONE,
         N_("Interviews"),
         N_("Each answer is kept as it is typed, with the question as it was asked.")),
};

static const OvWizardField review_goals[] = {
  FIELD (OV_STAGE_REVIEW, "goal_outcomes", OV_FIELD_GOAL_OUTCOMES, TRUE, FACT_NONE,
         N_("Outcome per goal"),
         N_("For each goal from the handoff: met, partly met or not met, with a comment.")),
};

static const OvWizardField review_metrics[] = {
  FIELD (OV_STAGE_REVIEW, "metrics_snapshot", OV_FIELD_LONG_TEXT, FALSE, FACT_NONE,
         N_("Metrics snapshot"),
         N_("Usage, health, NPS and outcomes as they stand at the review.")),
};

/* Expand */

static const char * const renewal_choices[] = {
  "pending", "renewed", "expanded", "reduced", "churned", NULL
};

static const char * const renewal_labels[] = {
  N_("Not decided yet"), N_("Renewed"), N_("Renewed and expanded"), N_("Renewed, reduced"),
  N_("Did not renew"), NULL
};

static const OvWizardField expand_growth[] = {
  FIELD (OV_STAGE_EXPAND, "new_users", OV_FIELD_NUMBER, FALSE, FACT_NONE,
         N_("New users onboarded"),
         N_("People who started using the product since the review.")),
  FIELD (OV_STAGE_EXPAND, "new_teams", OV_FIELD_LIST, FALSE, FACT_NONE,
         N_("New teams onboarded"), ""),
  FIELD (OV_STAGE_EXPAND, "turnover_handled", OV_FIELD_BOOL, FALSE, FACT_NONE,
         N_("User turnover handled"),
         N_("People who left were replaced and the newcomers trained.")),
};

static const OvWizardField expand_renewal[] = {
  FIELD (OV_STAGE_EXPAND, "expansion_opportunities", OV_FIELD_LONG_TEXT, FALSE, FACT_NONE,
         N_("Expansion opportunities"),
         N_("Teams, products or sites that could come next.")),
  { OV_STAGE_EXPAND, "renewal_outcome", OV_FIELD_CHOICE, FALSE, FACT_NONE,
    N_("Renewal outcome"), "", renewal_choices },
  FIELD (OV_STAGE_EXPAND, "renewal_date", OV_FIELD_DATE, FALSE, FACT_NONE,
         N_("Renewal date"),
         N_("When the renewal was decided.")),
};

static const OvWizardStep embark_steps[] = {
  STEP (OV_STAGE_EMBARK, "why", N_("Why they buy"),
        N_("The problems the customer wants solved and the results they expect."), embark_why),
  STEP (OV_STAGE_EMBARK, "deal", N_("The deal"),
        N_("What is being sold and when it should close."), embark_deal),
  STEP (OV_STAGE_EMBARK, "checklist", N_("Before the close"),
        N_("Make onboarding part of the sale."), embark_checklist),
};

static const OvWizardStep handoff_steps[] = {
  STEP (OV_STAGE_HANDOFF, "goals", N_("Goals"),
        N_("The internal handoff form: what the customer wants to achieve."), handoff_goals),
  STEP (OV_STAGE_HANDOFF, "contract", N_("Contract and risks"),
        N_("The internal handoff form: what was agreed and what could go wrong."),
        handoff_contract),
  STEP (OV_STAGE_HANDOFF, "internal", N_("Internal handoff"),
        N_("Sales hands the account to the onboarding team."), handoff_internal),
  STEP (OV_STAGE_HANDOFF, "customer", N_("Customer handoff"),
        N_("Welcome the customer and get their team ready."), handoff_customer),
};

static const OvWizardStep kickoff_steps[] = {
  STEP (OV_STAGE_KICKOFF, "meeting", N_("Kickoff meeting"),
        N_("When it happens and what it covers."), kickoff_meeting),
  STEP (OV_STAGE_KICKOFF, "plan", N_("The plan"),
        N_("Go-live, the first value and who does what."), kickoff_plan),
};

static const OvWizardStep adopt_steps[] = {
  STEP (OV_STAGE_ADOPT, "tasks", N_("Tasks"),
        N_("The work of implementation and adoption."), adopt_tasks),
  STEP (OV_STAGE_ADOPT, "training", N_("Training"),
        N_("Who was trained and how."), adopt_training),
  STEP (OV_STAGE_ADOPT, "milestones", N_("Milestones"),
        N_("Go-live and the first value reached."), adopt_milestones),
};

static const OvWizardStep review_steps[] = {
  STEP (OV_STAGE_REVIEW, "meeting", N_("Review meeting"),
        N_("Looking back with the customer as onboarding wraps up."), review_meeting),
  STEP (OV_STAGE_REVIEW, "interview", N_("Listening interview"),
        N_("Ask how onboarding went: start the interview now, or open one held "
           "earlier."), review_interview),
  STEP (OV_STAGE_REVIEW, "goals", N_("Goals"),
        N_("How each goal from the handoff turned out."), review_goals),
  STEP (OV_STAGE_REVIEW, "metrics", N_("Metrics"),
        N_("Where the numbers stand."), review_metrics),
};

static const OvWizardStep expand_steps[] = {
  STEP (OV_STAGE_EXPAND, "growth", N_("Growth"),
        N_("Onboarding never ends: new users and teams, people who leave."), expand_growth),
  STEP (OV_STAGE_EXPAND, "renewal", N_("Renewal"),
        N_("Expansion and the renewal decision."), expand_renewal),
};

typedef struct
{
  const OvWizardStep *steps;
  guint               n_steps;
} StageWizard;

static const StageWizard wizards[OV_N_STAGES] = {
  { embark_steps, G_N_ELEMENTS (embark_steps) },
  { handoff_steps, G_N_ELEMENTS (handoff_steps) },
  { kickoff_steps, G_N_ELEMENTS (kickoff_steps) },
  { adopt_steps, G_N_ELEMENTS (adopt_steps) },
  { review_steps, G_N_ELEMENTS (review_steps) },
  { expand_steps, G_N_ELEMENTS (expand_steps) },
};

static gboolean
stage_ok (OvStage stage)
{
  return stage >= OV_STAGE_FIRST && stage <= OV_STAGE_LAST;
}

guint
ov_wizard_get_n_steps (OvStage stage)
{
  g_return_val_if_fail (stage_ok (stage), 0);

  return wizards[stage - 1].n_steps;
}

const OvWizardStep *
ov_wizard_get_step (OvStage stage,
                    guint   index)
{
  g_return_val_if_fail (stage_ok (stage), NULL);
  g_return_val_if_fail (index < wizards[stage - 1].n_steps, NULL);

  return &wizards[stage - 1].steps[index];
}

const OvWizardStep *
ov_wizard_find_step (OvStage     stage,
                     const char *step_id)
{
  g_return_val_if_fail (stage_ok (stage), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  for (guint i = 0; i < wizards[stage - 1].n_steps; i++)
    {
      if (strcmp (wizards[stage - 1].steps[i].id, step_id) == 0)
        return &wizards[stage - 1].steps[i];
    }

  return NULL;
}

guint
ov_wizard_get_n_fields (OvStage stage)
{
  guint n = 0;

  g_return_val_if_fail (stage_ok (stage), 0);

  for (guint i = 0; i < wizards[stage - 1].n_steps; i++)
    n += wizards[stage - 1].steps[i].n_fields;

  return n;
}

const OvWizardField *
ov_wizard_get_field (OvStage stage,
                     guint   index)
{
  g_return_val_if_fail (stage_ok (stage), NULL);

  for (guint i = 0; i < wizards[stage - 1].n_steps; i++)
    {
      const OvWizardStep *step = &wizards[stage - 1].steps[i];

      if (index < step->n_fields)
        return &step->fields[index];
      index -= step->n_fields;
    }

  g_return_val_if_reached (NULL);
}

const OvWizardField *
ov_wizard_find_field (OvStage     stage,
                      const char *field_id)
{
  g_return_val_if_fail (stage_ok (stage), NULL);

  if (field_id == NULL)
    return NULL;

  for (guint i = 0; i < ov_wizard_get_n_fields (stage); i++)
    {
      const OvWizardField *field = ov_wizard_get_field (stage, i);

      if (strcmp (field->id, field_id) == 0)
        return field;
    }

  return NULL;
}

OvStage
ov_wizard_step_get_stage (const OvWizardStep *step)
{
  g_return_val_if_fail (step != NULL, OV_STAGE_EMBARK);

  return step->stage;
}

const char *
ov_wizard_step_get_id (const OvWizardStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  return step->id;
}

const char *
ov_wizard_step_get_title (const OvWizardStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, step->title);
}

const char *
ov_wizard_step_get_description (const OvWizardStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, step->description);
}

guint
ov_wizard_step_get_n_fields (const OvWizardStep *step)
{
  g_return_val_if_fail (step != NULL, 0);

  return step->n_fields;
}

const OvWizardField *
ov_wizard_step_get_field (const OvWizardStep *step,
                          guint               index)
{
  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (index < step->n_fields, NULL);

  return &step->fields[index];
}

OvStage
ov_wizard_field_get_stage (const OvWizardField *field)
{
  g_return_val_if_fail (field != NULL, OV_STAGE_EMBARK);

  return field->stage;
}

const char *
ov_wizard_field_get_id (const OvWizardField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return field->id;
}

OvFieldKind
ov_wizard_field_get_kind (const OvWizardField *field)
{
  g_return_val_if_fail (field != NULL, OV_FIELD_TEXT);

  return field->kind;
}

const char *
ov_wizard_field_get_label (const OvWizardField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

const char *
ov_wizard_field_get_help (const OvWizardField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->help == NULL || field->help[0] == '\0')
    return "";

  return g_dgettext (GETTEXT_PACKAGE, field->help);
}

gboolean
ov_wizard_field_is_required (const OvWizardField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field->required;
}

const char * const *
ov_wizard_field_get_choices (const OvWizardField *field)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (field != NULL, NULL);

  return field->choices ? field->choices : none;
}

const char *
ov_wizard_field_get_choice_label (const OvWizardField *field,
                                  const char          *choice)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->choices == NULL || choice == NULL)
    return NULL;

  /* Only one field has choices so far; its labels sit beside its ids. */
  if (field->choices == renewal_choices)
    {
      for (guint i = 0; renewal_choices[i] != NULL; i++)
        {
          if (strcmp (renewal_choices[i], choice) == 0)
            return g_dgettext (GETTEXT_PACKAGE, renewal_labels[i]);
        }
    }

  return NULL;
}

int
ov_wizard_field_get_account_fact (const OvWizardField *field)
{
  g_return_val_if_fail (field != NULL, FACT_NONE);

  return field->account_fact;
}

gboolean
ov_wizard_field_holds_value (const OvWizardField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field->kind != OV_FIELD_TASKS && field->kind != OV_FIELD_INTERVIEWS;
}

static const char * const outcome_ids[] = { "", "met", "partly", "not_met" };
static const char * const outcome_titles[] = {
  N_("Not judged yet"), N_("Met"), N_("Partly met"), N_("Not met")
};

const char *
ov_goal_outcome_get_id (OvGoalOutcome outcome)
{
  g_return_val_if_fail (outcome <= OV_GOAL_OUTCOME_NOT_MET, NULL);

  return outcome_ids[outcome];
}

const char *
ov_goal_outcome_get_title (OvGoalOutcome outcome)
{
  g_return_val_if_fail (outcome <= OV_GOAL_OUTCOME_NOT_MET, NULL);

  return g_dgettext (GETTEXT_PACKAGE, outcome_titles[outcome]);
}

gboolean
ov_goal_outcome_parse (const char    *id,
                       OvGoalOutcome *outcome)
{
  g_return_val_if_fail (outcome != NULL, FALSE);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (outcome_ids); i++)
    {
      if (strcmp (outcome_ids[i], id) == 0)
        {
          *outcome = i;
          return TRUE;
        }
    }

  return FALSE;
}
