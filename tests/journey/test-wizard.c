/* test-wizard.c — the stage wizards' definitions, answers and rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "journey-test-support.h"

/* "step: field field …" per step, one line each. */
static char *
outline (OvStage stage)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ov_wizard_get_n_steps (stage); i++)
    {
      const OvWizardStep *step = ov_wizard_get_step (stage, i);

      g_string_append_printf (out, "%s:", ov_wizard_step_get_id (step));
      for (guint j = 0; j < ov_wizard_step_get_n_fields (step); j++)
        {
          const OvWizardField *field = ov_wizard_step_get_field (step, j);

          g_string_append_printf (out, " %s%s", ov_wizard_field_get_id (field),
                                  ov_wizard_field_is_required (field) ? "*" : "");
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
test_definitions (void)
{
  static const char * const expected[OV_N_STAGES] = {
    "why: pains* outcomes*\n"
    "deal: package expected_close_date*\n"
    "checklist: value_presented package_proposed team_introduced\n",

    "goals: goals* success_criteria* stakeholders\n"
    "contract: contract_facts promises risks\n"
    "internal: internal_meeting internal_roles_assigned\n"
    "customer: welcome_sent team_introduced customer_roles_confirmed\n",

    "meeting: kickoff_date* agenda\n"
    "plan: target_golive_date* first_value_milestone* first_value_target_date* roles_agreed\n",

    "tasks: tasks\n"
    "training: trainings\n"
    "milestones: golive_date* first_value_date*\n",

    "meeting: review_date*\n"
    "interview: interviews\n"
    "goals: goal_outcomes*\n"
    "metrics: metrics_snapshot\n",

    "growth: new_users new_teams turnover_handled\n"
    "renewal: expansion_opportunities renewal_outcome renewal_date\n",
  };

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autofree char *got = outline (stage);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpstr (got, ==, expected[stage - 1]);

      for (guint i = 0; i < ov_wizard_get_n_steps (stage); i++)
        {
          const OvWizardStep *step = ov_wizard_get_step (stage, i);

          g_assert_true (ov_wizard_step_get_stage (step) == stage);
          g_assert_cmpstr (ov_wizard_step_get_title (step), !=, "");
          g_assert_cmpstr (ov_wizard_step_get_description (step), !=, "");
          g_assert_true (ov_wizard_find_step (stage, ov_wizard_step_get_id (step)) == step);

          for (guint j = 0; j < ov_wizard_step_get_n_fields (step); j++)
            {
              const OvWizardField *field = ov_wizard_step_get_field (step, j);
              const char *id = ov_wizard_field_get_id (field);

              /* Ids are unique within a stage (they are the stored key). */
              g_assert_false (g_hash_table_contains (seen, id));
              g_hash_table_add (seen, (gpointer)id);
              g_assert_true (ov_wizard_find_field (stage, id) == field);
              g_assert_true (ov_wizard_field_get_stage (field) == stage);
              g_assert_cmpstr (ov_wizard_field_get_label (field), !=, "");
              g_assert_nonnull (ov_wizard_field_get_help (field));
            }
        }
    }

  g_assert_null (ov_wizard_find_field (OV_STAGE_EMBARK, "kickoff_date"));
  g_assert_null (ov_wizard_find_step (OV_STAGE_EMBARK, "plan"));

  {
    const OvWizardField *kickoff = ov_wizard_find_field (OV_STAGE_KICKOFF, "kickoff_date");
    const OvWizardField *milestone = ov_wizard_find_field (OV_STAGE_KICKOFF,
                                                           "first_value_milestone");
    const OvWizardField *agenda = ov_wizard_find_field (OV_STAGE_KICKOFF, "agenda");
    const OvWizardField *renewal = ov_wizard_find_field (OV_STAGE_EXPAND, "renewal_outcome");
    const char * const choices[] = { "pending", "renewed", "expanded", "reduced", "churned",
                                     NULL };

    g_assert_cmpstr (ov_wizard_field_get_label (kickoff), ==, "Kickoff date");
    g_assert_true (ov_wizard_field_get_kind (kickoff) == OV_FIELD_DATE);
    g_assert_cmpint (ov_wizard_field_get_account_fact (kickoff), ==, OV_ACCOUNT_DATE_KICKOFF);
    g_assert_cmpint (ov_wizard_field_get_account_fact (milestone), ==,
                     OV_WIZARD_FACT_MILESTONE);
    g_assert_true (ov_wizard_field_get_kind (agenda) == OV_FIELD_LIST);
    g_assert_cmpint (ov_wizard_field_get_account_fact (agenda), ==, OV_WIZARD_FACT_NONE);
    g_assert_true (g_strv_equal (ov_wizard_field_get_choices (renewal), choices));
    g_assert_cmpstr (ov_wizard_field_get_choice_label (renewal, "expanded"), ==,
                     "Renewed and expanded");
    g_assert_null (ov_wizard_field_get_choice_label (renewal, "maybe"));
    g_assert_null (ov_wizard_field_get_choices (agenda)[0]);
  }

  g_assert_cmpstr (ov_goal_outcome_get_title (OV_GOAL_OUTCOME_PARTLY), ==, "Partly met");
}

static void
count_changes (OvStageAnswers *answers,
               const char     *field_id,
               GString        *log)
{
  g_string_append_printf (log, "%s;", field_id);
}

static void
test_answers_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Cedarline Insurance", "",
                                                 OV_STAGE_EXPAND, jt_date ("2026-10-01"));
  gint64 id = ov_account_get_id (account);
  g_autoptr(OvStageAnswers) kickoff = ov_stage_answers_new (id, OV_STAGE_KICKOFF);
  g_autoptr(OvStageAnswers) handoff = ov_stage_answers_new (id, OV_STAGE_HANDOFF);
  g_autoptr(OvStageAnswers) expand = ov_stage_answers_new (id, OV_STAGE_EXPAND);
  g_autoptr(OvStageAnswers) loaded = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) agenda = NULL;
  const char * const items[] = { " Goals and scope ", "", "Timeline", "   ", "Roles", NULL };
  const char * const tidy[] = { "Goals and scope", "Timeline", "Roles", NULL };
  OvDate done_on = 0;

  g_signal_connect (kickoff, "field-changed", G_CALLBACK (count_changes), log);
  g_assert_false (ov_stage_answers_get_modified (kickoff));

  ov_stage_answers_set_date (kickoff, "kickoff_date", jt_date ("2026-03-10"));
  ov_stage_answers_set_list (kickoff, "agenda", items);
  ov_stage_answers_set_text (kickoff, "first_value_milestone", "Line one\n  line two");
  ov_stage_answers_set_bool (kickoff, "roles_agreed", TRUE);
  ov_stage_answers_set_bool (kickoff, "roles_agreed", TRUE);   /* no change, no signal */
  g_assert_true (ov_stage_answers_get_modified (kickoff));
  g_assert_cmpstr (log->str, ==, "kickoff_date;agenda;first_value_milestone;roles_agreed;");

  ov_stage_answers_set_list (handoff, "goals",
                             (const char *[]) { "Close the books in 3 days", "One dashboard",
                                                NULL });
  ov_stage_answers_set_check (handoff, "welcome_sent", TRUE, jt_date ("2026-02-20"));
  ov_stage_answers_set_check (handoff, "team_introduced", TRUE, jt_date ("2026-02-21"));
  ov_stage_answers_set_check (handoff, "team_introduced", FALSE, jt_date ("2026-02-21"));
  ov_stage_answers_set_text (handoff, "risks", "   ");

  ov_stage_answers_set_number (expand, "new_users", 42);
  ov_stage_answers_set_choice (expand, "renewal_outcome", "renewed");
  ov_stage_answers_set_text (expand, "expansion_opportunities", "The Lisbon office.");

  g_assert_true (ov_store_save_answers (store, kickoff, &error));
  g_assert_no_error (error);
  g_assert_false (ov_stage_answers_get_modified (kickoff));
  g_assert_true (ov_store_save_answers (store, handoff, &error));
  g_assert_true (ov_store_save_answers (store, expand, &error));

  loaded = ov_store_load_answers (store, id, OV_STAGE_KICKOFF, &error);
  g_assert_no_error (error);
  g_assert_false (ov_stage_answers_get_modified (loaded));
  g_assert_cmpint (ov_stage_answers_get_date (loaded, "kickoff_date"), ==,
                   jt_date ("2026-03-10"));
  agenda = ov_stage_answers_dup_list (loaded, "agenda");
  g_assert_true (g_strv_equal ((const char * const *)agenda, tidy));
  g_assert_cmpstr (ov_stage_answers_get_text (loaded, "first_value_milestone"), ==,
                   "Line one\n  line two");
  g_assert_true (ov_stage_answers_get_bool (loaded, "roles_agreed"));
  g_assert_false (ov_stage_answers_has_value (loaded, "target_golive_date"));
  g_assert_cmpint (ov_stage_answers_get_date (loaded, "target_golive_date"), ==, OV_DATE_NONE);
  g_clear_object (&loaded);

  loaded = ov_store_load_answers (store, id, OV_STAGE_HANDOFF, &error);
  g_assert_true (ov_stage_answers_get_check (loaded, "welcome_sent", &done_on));
  g_assert_cmpint (done_on, ==, jt_date ("2026-02-20"));
  /* Unticked: not done, and the date is forgotten. */
  g_assert_false (ov_stage_answers_get_check (loaded, "team_introduced", &done_on));
  g_assert_cmpint (done_on, ==, OV_DATE_NONE);
  g_assert_false (ov_stage_answers_has_value (loaded, "risks"));
  g_assert_cmpstr (ov_stage_answers_get_text (loaded, "risks"), ==, "");
  g_clear_object (&loaded);

  loaded = ov_store_load_answers (store, id, OV_STAGE_EXPAND, &error);
  g_assert_cmpint (ov_stage_answers_get_number (loaded, "new_users"), ==, 42);
  g_assert_cmpstr (ov_stage_answers_get_choice (loaded, "renewal_outcome"), ==, "renewed");
  g_assert_cmpstr (ov_stage_answers_get_text (loaded, "expansion_opportunities"), ==,
                   "The Lisbon office.");

  /* Clearing a field removes its row at the next save. */
  ov_stage_answers_clear (loaded, "new_users");
  g_assert_true (ov_store_save_answers (store, loaded, &error));
  g_clear_object (&loaded);
  loaded = ov_store_load_answers (store, id, OV_STAGE_EXPAND, &error);
  g_assert_false (ov_stage_answers_has_value (loaded, "new_users"));
  g_assert_cmpstr (ov_stage_answers_get_choice (loaded, "renewal_outcome"), ==, "renewed");

  /* Answers for an account that is not there. */
  g_assert_null (ov_store_load_answers (store, 777, OV_STAGE_EMBARK, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_wrong_accessor (void)
{
  g_autoptr(OvStageAnswers) answers = ov_stage_answers_new (1, OV_STAGE_KICKOFF);

  /* Programming errors are loud, and change nothing. */
  g_test_expect_message ("ov-wizard", G_LOG_LEVEL_CRITICAL, "*not of the kind*");
  ov_stage_answers_set_text (answers, "kickoff_date", "tomorrow");
  g_test_assert_expected_messages ();

  g_test_expect_message ("ov-wizard", G_LOG_LEVEL_CRITICAL, "*has no field “pains”*");
  ov_stage_answers_set_text (answers, "pains", "Everything");
  g_test_assert_expected_messages ();

  g_assert_false (ov_stage_answers_get_modified (answers));
  g_assert_false (ov_stage_answers_has_value (answers, "kickoff_date"));
}

static void
test_prefill_and_goals (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Windrose Mobility", "",
                                                 OV_STAGE_REVIEW, jt_date ("2026-10-01"));
  gint64 id = ov_account_get_id (account);
  g_autoptr(OvStageAnswers) embark = NULL;
  g_autoptr(OvStageAnswers) handoff = NULL;
  g_autoptr(OvStageAnswers) review = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  ov_account_set_date (account, OV_ACCOUNT_DATE_CLOSE, jt_date ("2026-02-01"));
  ov_account_set_package (account, "Premium Plus");
  g_assert_true (ov_store_save_account (store, account, &error));

  /* Facts the account has start the wizard; stored answers win. */
  embark = ov_store_load_answers (store, id, OV_STAGE_EMBARK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_stage_answers_get_date (embark, "expected_close_date"), ==,
                   jt_date ("2026-02-01"));
  g_assert_cmpstr (ov_stage_answers_get_text (embark, "package"), ==, "Premium Plus");
  g_assert_false (ov_stage_answers_get_modified (embark));
  ov_stage_answers_set_text (embark, "package", "Standard");
  g_assert_true (ov_store_save_answers (store, embark, &error));
  g_clear_object (&embark);
  embark = ov_store_load_answers (store, id, OV_STAGE_EMBARK, &error);
  g_assert_cmpstr (ov_stage_answers_get_text (embark, "package"), ==, "Standard");

  /* The review lists the handoff's goals, in order. */
  handoff = ov_store_load_answers (store, id, OV_STAGE_HANDOFF, &error);
  ov_stage_answers_set_list (handoff, "goals",
                             (const char *[]) { "Faster close", "Fewer spreadsheets", NULL });
  g_assert_true (ov_store_save_answers (store, handoff, &error));

  review = ov_store_load_answers (store, id, OV_STAGE_REVIEW, &error);
  results = ov_stage_answers_dup_goal_results (review, "goal_outcomes");
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpstr (((OvGoalResult *)g_ptr_array_index (results, 0))->goal, ==, "Faster close");
  g_assert_cmpint (((OvGoalResult *)g_ptr_array_index (results, 0))->outcome, ==,
                   OV_GOAL_OUTCOME_NONE);
  g_clear_pointer (&results, g_ptr_array_unref);

  ov_stage_answers_set_goal_result (review, "goal_outcomes", "Fewer spreadsheets",
                                    OV_GOAL_OUTCOME_PARTLY, "Finance still keeps one.");
  g_assert_true (ov_store_save_answers (store, review, &error));
  g_clear_object (&review);

  /* A goal added at the handoff appears; the recorded outcome stays put. */
  ov_stage_answers_set_list (handoff, "goals",
                             (const char *[]) { "Fewer spreadsheets", "Faster close",
                                                "Happy auditors", NULL });
  g_assert_true (ov_store_save_answers (store, handoff, &error));
  review = ov_store_load_answers (store, id, OV_STAGE_REVIEW, &error);
  results = ov_stage_answers_dup_goal_results (review, "goal_outcomes");
  g_assert_cmpuint (results->len, ==, 3);
  {
    OvGoalResult *first = g_ptr_array_index (results, 0);
    OvGoalResult *third = g_ptr_array_index (results, 2);

    g_assert_cmpstr (first->goal, ==, "Fewer spreadsheets");
    g_assert_cmpint (first->outcome, ==, OV_GOAL_OUTCOME_PARTLY);
    g_assert_cmpstr (first->comment, ==, "Finance still keeps one.");
    g_assert_cmpstr (third->goal, ==, "Happy auditors");
    g_assert_cmpint (third->outcome, ==, OV_GOAL_OUTCOME_NONE);
  }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
assert_step_refused (OvStageAnswers *answers,
                     const char     *step_id,
                     OvDate          today,
                     int             code,
                     const char     *field_id,
                     const char     *message)
{
  const OvWizardStep *step = ov_wizard_find_step (ov_stage_answers_get_stage (answers), step_id);
  g_autoptr(GError) error = NULL;
  const char *bad_field = NULL;

  g_assert_nonnull (step);
  g_assert_false (ov_stage_answers_validate_step (answers, step, today, &bad_field, &error));
  g_assert_error (error, OV_WIZARD_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (bad_field, ==, field_id);
}

static void
assert_step_ok (OvStageAnswers *answers,
                const char     *step_id,
                OvDate          today)
{
  const OvWizardStep *step = ov_wizard_find_step (ov_stage_answers_get_stage (answers), step_id);
  g_autoptr(GError) error = NULL;
  const char *bad_field = "unchanged";

  g_assert_true (ov_stage_answers_validate_step (answers, step, today, &bad_field, &error));
  g_assert_no_error (error);
  g_assert_null (bad_field);
}

static void
test_validation (void)
{
  g_autoptr(OvStageAnswers) embark = ov_stage_answers_new (1, OV_STAGE_EMBARK);
  g_autoptr(OvStageAnswers) handoff = ov_stage_answers_new (1, OV_STAGE_HANDOFF);
  g_autoptr(OvStageAnswers) kickoff = ov_stage_answers_new (1, OV_STAGE_KICKOFF);
  g_autoptr(OvStageAnswers) adopt = ov_stage_answers_new (1, OV_STAGE_ADOPT);
  g_autoptr(OvStageAnswers) review = ov_stage_answers_new (1, OV_STAGE_REVIEW);
  g_autoptr(OvStageAnswers) expand = ov_stage_answers_new (1, OV_STAGE_EXPAND);
  g_autoptr(GError) error = NULL;
  OvDate today = jt_date ("2026-11-23");

  /* Embark */
  assert_step_refused (embark, "why", today, OV_WIZARD_ERROR_REQUIRED, "pains",
                       "Customer’s pains: this cannot be left empty.");
  ov_stage_answers_set_text (embark, "pains", "Month-end takes two weeks.");
  assert_step_refused (embark, "why", today, OV_WIZARD_ERROR_REQUIRED, "outcomes",
                       "Desired outcomes: this cannot be left empty.");
  ov_stage_answers_set_text (embark, "outcomes", "Close in three days.");
  assert_step_ok (embark, "why", today);
  assert_step_refused (embark, "deal", today, OV_WIZARD_ERROR_REQUIRED, "expected_close_date",
                       "Expected close date: choose a date.");
  /* An expected close date may lie ahead. */
  ov_stage_answers_set_date (embark, "expected_close_date", jt_date ("2027-01-15"));
  assert_step_ok (embark, "deal", today);
  assert_step_ok (embark, "checklist", today);
  g_assert_true (ov_stage_answers_validate (embark, today, NULL, &error));

  /* Handoff: a list needs an item; ticked items need a past date. */
  assert_step_refused (handoff, "goals", today, OV_WIZARD_ERROR_REQUIRED, "goals",
                       "Customer goals: add at least one item.");
  ov_stage_answers_set_list (handoff, "goals", (const char *[]) { "  ", NULL });
  assert_step_refused (handoff, "goals", today, OV_WIZARD_ERROR_REQUIRED, "goals",
                       "Customer goals: add at least one item.");
  ov_stage_answers_set_check (handoff, "welcome_sent", TRUE, OV_DATE_NONE);
  assert_step_refused (handoff, "customer", today, OV_WIZARD_ERROR_REQUIRED, "welcome_sent",
                       "Welcome sent: give the date this was done.");
  ov_stage_answers_set_check (handoff, "welcome_sent", TRUE, jt_date ("2026-12-01"));
  assert_step_refused (handoff, "customer", today, OV_WIZARD_ERROR_FUTURE, "welcome_sent",
                       "Welcome sent: 2026-12-01 is in the future; record it once it has "
                       "happened.");
  ov_stage_answers_set_check (handoff, "welcome_sent", TRUE, today);
  assert_step_ok (handoff, "customer", today);
  /* The whole wizard stops at the first problem, in step order. */
  g_assert_false (ov_stage_answers_validate (handoff, today, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Customer goals: add at least one item.");
  g_clear_error (&error);

  /* Kickoff: the plan cannot start before the kickoff. */
  assert_step_refused (kickoff, "meeting", today, OV_WIZARD_ERROR_REQUIRED, "kickoff_date",
                       "Kickoff date: choose a date.");
  ov_stage_answers_set_date (kickoff, "kickoff_date", jt_date ("2026-03-10"));
  ov_stage_answers_set_date (kickoff, "target_golive_date", jt_date ("2026-03-01"));
  ov_stage_answers_set_text (kickoff, "first_value_milestone", "First invoice sent");
  ov_stage_answers_set_date (kickoff, "first_value_target_date", jt_date ("2026-05-01"));
  assert_step_refused (kickoff, "plan", today, OV_WIZARD_ERROR_ORDER, "target_golive_date",
                       "Target go-live date: 2026-03-01 is before the kickoff date "
                       "2026-03-10.");
  ov_stage_answers_set_date (kickoff, "target_golive_date", jt_date ("2026-04-15"));
  ov_stage_answers_set_date (kickoff, "first_value_target_date", jt_date ("2026-03-09"));
  assert_step_refused (kickoff, "plan", today, OV_WIZARD_ERROR_ORDER, "first_value_target_date",
                       "First-value target date: 2026-03-09 is before the kickoff date "
                       "2026-03-10.");
  ov_stage_answers_set_date (kickoff, "first_value_target_date", jt_date ("2026-03-10"));
  assert_step_ok (kickoff, "plan", today);
  /* The meeting step does not judge the plan's dates. */
  ov_stage_answers_set_date (kickoff, "target_golive_date", jt_date ("2026-01-01"));
  assert_step_ok (kickoff, "meeting", today);

  /* Adopt: what happened cannot be dated ahead of today. */
  assert_step_ok (adopt, "tasks", today);
  ov_stage_answers_set_date (adopt, "golive_date", jt_date ("2026-11-24"));
  ov_stage_answers_set_date (adopt, "first_value_date", jt_date ("2026-11-20"));
  assert_step_refused (adopt, "milestones", today, OV_WIZARD_ERROR_FUTURE, "golive_date",
                       "Go-live date: 2026-11-24 is in the future; record it once it has "
                       "happened.");
  assert_step_ok (adopt, "milestones", jt_date ("2026-11-24"));

  /* Review: every goal judged. */
  ov_stage_answers_set_date (review, "review_date", today);
  ov_stage_answers_set_goal_result (review, "goal_outcomes", "Faster close",
                                    OV_GOAL_OUTCOME_MET, NULL);
  ov_stage_answers_set_goal_result (review, "goal_outcomes", "Fewer spreadsheets",
                                    OV_GOAL_OUTCOME_NONE, "Ask again in May");
  assert_step_refused (review, "goals", today, OV_WIZARD_ERROR_REQUIRED, "goal_outcomes",
                       "Outcome per goal: say whether “Fewer spreadsheets” was met.");
  ov_stage_answers_set_goal_result (review, "goal_outcomes", "Fewer spreadsheets",
                                    OV_GOAL_OUTCOME_NOT_MET, "Ask again in May");
  g_assert_true (ov_stage_answers_validate (review, today, NULL, &error));
  g_assert_no_error (error);

  /* Expand: counts are not negative, a decided renewal has a date. */
  ov_stage_answers_set_number (expand, "new_users", -3);
  assert_step_refused (expand, "growth", today, OV_WIZARD_ERROR_INVALID, "new_users",
                       "New users onboarded: -3 is not possible; enter zero or more.");
  ov_stage_answers_set_number (expand, "new_users", 0);
  assert_step_ok (expand, "growth", today);
  ov_stage_answers_set_choice (expand, "renewal_outcome", "pending");
  assert_step_ok (expand, "renewal", today);
  ov_stage_answers_set_choice (expand, "renewal_outcome", "expanded");
  assert_step_refused (expand, "renewal", today, OV_WIZARD_ERROR_REQUIRED, "renewal_date",
                       "Renewal date: give the date of the renewal decision.");
  ov_stage_answers_set_date (expand, "renewal_date", jt_date ("2027-02-01"));
  assert_step_ok (expand, "renewal", today);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/wizard/definitions", test_definitions);
  g_test_add_func ("/wizard/answers-round-trip", test_answers_round_trip);
  g_test_add_func ("/wizard/wrong-accessor", test_wrong_accessor);
  g_test_add_func ("/wizard/prefill-and-goals", test_prefill_and_goals);
  g_test_add_func ("/wizard/validation", test_validation);

  return g_test_run ();
}
