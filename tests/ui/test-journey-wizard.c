/* test-journey-wizard.c — one account through all six stage wizards, by
 * hand, and another that skips a stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fresh database with an account that is walked from Embark to Expand
 * by filling the wizards' widgets and pressing Next and Complete Stage; on
 * the way a step refuses to go on without a required answer, "Save and
 * Continue Later" is used and the reopened wizard shows every answer
 * again, and tasks are ticked off. Then the stored events, answers, facts
 * and tasks are read back through the core, and a past stage's answers are
 * corrected. A second account skips a stage after the confirmation. Every
 * wizard step is saved as a screenshot (journey-*.png in the build tree),
 * a few in dark and narrow. The account page's own sections (playbook,
 * people, tasks) are driven in test-journey-page.c.
 */

#include "config.h"

#include <string.h>

#include "journey-test-support.h"
#include "ov-account-timeline.h"
#include "ov-stage-stepper.h"
#include "ov-string-list-editor.h"
#include "ov-task-row.h"
#include "ov-test-support.h"
#include "ov-ui-journey.h"

static void
walk_embark (Journey *j)
{
  OvStageWizard *wizard = journey_continue_wizard (j, OV_STAGE_EMBARK);
  OvFieldEditor *pains = journey_editor (wizard, "pains");

  g_assert_cmpint (ov_stage_wizard_get_mode (wizard), ==, OV_STAGE_WIZARD_COMPLETE);
  g_assert_true (gtk_widget_get_visible (journey_wizard_child (wizard, "skip_button")));
  g_assert_false (gtk_widget_get_visible (journey_wizard_child (wizard, "back_button")));
  journey_expect_step (wizard, 0, "Step 1 of 3");
  journey_shot (wizard, "embark-1-why-empty");

  /* The outcomes alone are not enough: the step names the missing pains. */
  journey_type_text (wizard, "outcomes",
                     "One view of every shipment, and invoices out the same day.");
  journey_next (wizard);
  journey_expect_step (wizard, 0, "Step 1 of 3");
  g_assert_cmpstr (ov_field_editor_get_error (pains), ==,
                   "Customer’s pains: this cannot be left empty.");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (journey_input (wizard, "pains")),
                                           "error"));
  g_assert_cmpstr (ov_field_editor_get_error (journey_editor (wizard, "outcomes")), ==, "");
  journey_shot (wizard, "embark-1-why-refused");
  journey_dark_shot (GTK_WIDGET (wizard), "embark-1-why-refused");

  /* Typing takes the complaint away; then the step passes. */
  journey_type_text (wizard, "pains",
                     "Dispatchers re-key every order into three systems & lose a day.");
  g_assert_cmpstr (ov_field_editor_get_error (pains), ==, "");
  journey_next (wizard);
  journey_expect_step (wizard, 1, "Step 2 of 3");
  g_assert_true (gtk_widget_get_visible (journey_wizard_child (wizard, "back_button")));

  journey_type_text (wizard, "package", "Premium Onboarding");
  /* Typed, not applied with Enter: it still counts. */
  journey_type_text (wizard, "expected_close_date", "2026-06-18");
  journey_shot (wizard, "embark-2-deal");
  journey_next (wizard);
  journey_expect_step (wizard, 2, "Step 3 of 3");

  journey_tick (wizard, "value_presented", "2026-06-05");
  journey_tick (wizard, "package_proposed", "2026-06-10");
  journey_shot (wizard, "embark-3-checklist");
  journey_dark_shot (GTK_WIDGET (wizard), "embark-3-checklist");

  /* Back and forth keeps what was typed. */
  journey_click (journey_wizard_child (wizard, "back_button"));
  journey_expect_step (wizard, 1, "Step 2 of 3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (journey_input (wizard, "package"))), ==,
                   "Premium Onboarding");
  journey_next (wizard);
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (journey_input (wizard, "value_presented"))));

  journey_complete (j, wizard, "2026-06-20");
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_CLOSE), ==,
                   jt_date ("2026-06-18"));
  g_assert_cmpstr (ov_account_get_package (j->account), ==, "Premium Onboarding");
}

static void
walk_handoff (Journey *j)
{
  OvStageWizard *wizard = journey_continue_wizard (j, OV_STAGE_HANDOFF);
  GtkWidget *goals;

  journey_expect_step (wizard, 0, "Step 1 of 4");
  journey_add_items (wizard, "goals", "Orders flow in without re-keying",
                     "Invoices go out the day a load is delivered", NULL);
  goals = journey_input (wizard, "goals");
  g_assert_cmpuint (ov_string_list_editor_get_n_items (OV_STRING_LIST_EDITOR (goals)), ==, 2);
  journey_type_text (wizard, "success_criteria", "Zero re-keyed orders for four weeks in a row.");
  journey_type_text (wizard, "stakeholders", "Jonas (COO) sponsors; Mia runs dispatch.");
  journey_shot (wizard, "handoff-1-goals");
  journey_dark_shot (GTK_WIDGET (wizard), "handoff-1-goals");
  journey_next (wizard);

  journey_expect_step (wizard, 1, "Step 2 of 4");
  journey_type_text (wizard, "contract_facts", "Three years, 120 seats, renews 2029-06-30.");
  journey_type_text (wizard, "promises", "EDI connector to their carrier portal by go-live.");
  journey_type_text (wizard, "risks", "Peak season starts in October.");
  journey_shot (wizard, "handoff-2-contract");
  journey_next (wizard);

  journey_expect_step (wizard, 2, "Step 3 of 4");
  journey_tick (wizard, "internal_meeting", "2026-06-22");
  journey_shot (wizard, "handoff-3-internal");

  /* Save and Continue Later: stored unchecked, the wizard closes. */
  journey_click (journey_wizard_child (wizard, "later_button"));
  g_assert_true (ov_ui_test_wait (journey_no_wizard, NULL, 5000));
  g_assert_cmpint (ov_account_get_stage (j->account), ==, OV_STAGE_HANDOFF);
  {
    g_autoptr(OvStageAnswers) saved = ov_store_load_answers (j->check, j->id, OV_STAGE_HANDOFF,
                                                             NULL);
    g_auto(GStrv) items = ov_stage_answers_dup_list (saved, "goals");
    OvDate done_on = OV_DATE_NONE;

    g_assert_cmpuint (g_strv_length (items), ==, 2);
    g_assert_cmpstr (ov_stage_answers_get_text (saved, "risks"), ==,
                     "Peak season starts in October.");
    g_assert_true (ov_stage_answers_get_check (saved, "internal_meeting", &done_on));
    g_assert_cmpint (done_on, ==, jt_date ("2026-06-22"));
  }

  /* Reopening shows everything again and picks up at the first step not
   * yet done: none is refused now, so the last one. */
  wizard = journey_continue_wizard (j, OV_STAGE_HANDOFF);
  journey_expect_step (wizard, 3, "Step 4 of 4");
  goals = journey_input (wizard, "goals");
  g_assert_cmpuint (ov_string_list_editor_get_n_items (OV_STRING_LIST_EDITOR (goals)), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     ov_string_list_editor_get_item_row (OV_STRING_LIST_EDITOR (goals), 1))), ==,
                   "Invoices go out the day a load is delivered");
  {
    g_autofree char *risks = journey_shown_text (wizard, "risks");
    g_autofree char *criteria = journey_shown_text (wizard, "success_criteria");

    g_assert_cmpstr (risks, ==, "Peak season starts in October.");
    g_assert_cmpstr (criteria, ==, "Zero re-keyed orders for four weeks in a row.");
  }
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (journey_input (wizard, "internal_meeting"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_field_editor_get_date_row (
                     journey_editor (wizard, "internal_meeting")))), ==, "2026-06-22");

  journey_tick (wizard, "welcome_sent", "2026-06-24");
  journey_tick (wizard, "customer_roles_confirmed", "2026-06-30");
  journey_shot (wizard, "handoff-4-customer");
  journey_complete (j, wizard, "2026-07-06");
}

static void
walk_kickoff (Journey *j)
{
  OvStageWizard *wizard = journey_continue_wizard (j, OV_STAGE_KICKOFF);
  OvFieldEditor *golive;

  journey_expect_step (wizard, 0, "Step 1 of 2");
  journey_type_text (wizard, "kickoff_date", "2026-07-10");
  journey_add_items (wizard, "agenda", "Scope and success criteria", "Timeline to go-live",
                     "Who does what", NULL);
  journey_shot (wizard, "kickoff-1-meeting");
  journey_next (wizard);

  journey_expect_step (wizard, 1, "Step 2 of 2");
  /* A go-live before the kickoff is refused by the core's rule. */
  journey_type_text (wizard, "target_golive_date", "2026-07-01");
  journey_type_text (wizard, "first_value_milestone",
                     "First 500 orders imported without re-keying");
  journey_type_text (wizard, "first_value_target_date", "2026-09-15");
  gtk_switch_set_active (GTK_SWITCH (journey_input (wizard, "roles_agreed")), TRUE);
  journey_next (wizard);
  golive = journey_editor (wizard, "target_golive_date");
  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==, 1);
  g_assert_cmpstr (ov_field_editor_get_error (golive), ==,
                   "Target go-live date: 2026-07-01 is before the kickoff date 2026-07-10.");
  journey_shot (wizard, "kickoff-2-plan-refused");

  journey_type_text (wizard, "target_golive_date", "2026-09-01");
  journey_shot (wizard, "kickoff-2-plan");
  journey_dark_shot (GTK_WIDGET (wizard), "kickoff-2-plan");
  journey_complete (j, wizard, "2026-07-10");
  g_assert_cmpstr (ov_account_get_first_value_milestone (j->account), ==,
                   "First 500 orders imported without re-keying");
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_KICKOFF), ==,
                   jt_date ("2026-07-10"));
}

static void
collect_task_rows (GtkWidget *widget,
                   GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (OV_IS_TASK_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_task_rows (child, rows);
    }
}

static void
walk_adopt (Journey *j)
{
  OvStageWizard *wizard = journey_continue_wizard (j, OV_STAGE_ADOPT);
  OvFieldEditor *tasks_editor = journey_editor (wizard, "tasks");
  GtkWidget *group = ov_field_editor_get_input (tasks_editor);
  g_autoptr(GPtrArray) ticked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;

  journey_expect_step (wizard, 0, "Step 1 of 3");
  journey_shot (wizard, "adopt-1-tasks");
  journey_dark_shot (GTK_WIDGET (wizard), "adopt-1-tasks");

  /* The stage's tasks are listed; tick the first two off. */
  collect_task_rows (group, rows);
  stored = ov_store_list_tasks (j->check, j->id, OV_STAGE_ADOPT, NULL);
  g_assert_cmpuint (rows->len, ==, stored->len);
  g_clear_pointer (&stored, g_ptr_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      OvTaskRow *row = g_ptr_array_index (rows, i);

      ov_task_row_set_done (row, TRUE);
      g_ptr_array_add (ticked, g_strdup (ov_task_get_title (ov_task_row_get_task (row))));
      g_assert_cmpstr (ov_task_row_get_due_text (row), ==, "Done 23 Nov");
    }

  stored = ov_store_list_tasks (j->check, j->id, OV_STAGE_ADOPT, NULL);
  for (guint i = 0; i < stored->len; i++)
    {
      OvTask *task = g_ptr_array_index (stored, i);
      gboolean was_ticked = FALSE;

      for (guint k = 0; k < ticked->len; k++)
        was_ticked |= g_strcmp0 (g_ptr_array_index (ticked, k), ov_task_get_title (task)) == 0;
      g_assert_cmpint (ov_task_is_done (task), ==, was_ticked);
      if (was_ticked)
        g_assert_cmpint (ov_task_get_done_date (task), ==, jt_date (TODAY));
    }
  journey_next (wizard);

  journey_expect_step (wizard, 1, "Step 2 of 3");
  journey_add_items (wizard, "trainings", "Admin training, 4 people",
                     "Dispatcher training, 31 people", NULL);
  /* Text left in the add row counts as an item too. */
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (journey_input (wizard, "trainings"),
                                                         OV_TYPE_STRING_LIST_EDITOR, "add_row")),
                         "Finance team walkthrough");
  journey_shot (wizard, "adopt-2-training");
  journey_next (wizard);

  journey_expect_step (wizard, 2, "Step 3 of 3");
  /* Go-live has to have happened: a date after today is refused. */
  journey_type_text (wizard, "golive_date", "2026-12-01");
  journey_type_text (wizard, "first_value_date", "2026-09-20");
  journey_next (wizard);
  g_assert_cmpstr (ov_field_editor_get_error (journey_editor (wizard, "golive_date")), ==,
                   "Go-live date: 2026-12-01 is in the future; record it once it has happened.");
  journey_type_text (wizard, "golive_date", "2026-09-05");
  journey_shot (wizard, "adopt-3-milestones");
  journey_complete (j, wizard, "2026-10-01");
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_GOLIVE), ==,
                   jt_date ("2026-09-05"));
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_FIRST_VALUE), ==,
                   jt_date ("2026-09-20"));
}

static void
walk_review (Journey *j)
{
  OvStageWizard *wizard = journey_continue_wizard (j, OV_STAGE_REVIEW);
  OvFieldEditor *outcomes;
  GtkWidget *combo;

  journey_expect_step (wizard, 0, "Step 1 of 4");
  journey_type_text (wizard, "review_date", "2026-10-20");
  journey_shot (wizard, "review-1-meeting");
  journey_next (wizard);

  /* The listening interview: none held yet, none needed to go on. */
  journey_expect_step (wizard, 1, "Step 2 of 4");
  g_assert_nonnull (journey_editor (wizard, "interviews"));
  journey_shot (wizard, "review-2-interview");
  journey_next (wizard);

  journey_expect_step (wizard, 2, "Step 3 of 4");
  outcomes = journey_editor (wizard, "goal_outcomes");
  /* One row per goal from the handoff, in order. */
  combo = ov_field_editor_get_goal_row (outcomes, 0, FALSE);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (combo)), ==,
                   "Orders flow in without re-keying");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     ov_field_editor_get_goal_row (outcomes, 1, FALSE))), ==,
                   "Invoices go out the day a load is delivered");
  g_assert_null (ov_field_editor_get_goal_row (outcomes, 2, FALSE));

  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), OV_GOAL_OUTCOME_MET);
  gtk_editable_set_text (GTK_EDITABLE (ov_field_editor_get_goal_row (outcomes, 0, TRUE)),
                         "No order re-keyed since August.");
  journey_next (wizard);
  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==, 2);
  g_assert_cmpstr (ov_field_editor_get_error (outcomes), ==,
                   "Outcome per goal: say whether “Invoices go out the day a load is delivered” "
                   "was met.");
  journey_shot (wizard, "review-3-goals-refused");

  adw_combo_row_set_selected (ADW_COMBO_ROW (ov_field_editor_get_goal_row (outcomes, 1, FALSE)),
                              OV_GOAL_OUTCOME_PARTLY);
  gtk_editable_set_text (GTK_EDITABLE (ov_field_editor_get_goal_row (outcomes, 1, TRUE)),
                         "Same day for 80% of loads.");
  journey_shot (wizard, "review-3-goals");
  journey_dark_shot (GTK_WIDGET (wizard), "review-3-goals");
  journey_next (wizard);

  journey_expect_step (wizard, 3, "Step 4 of 4");
  journey_type_text (wizard, "metrics_snapshot", "Usage 86% of seats\nNPS 42\nHealth 78");
  journey_shot (wizard, "review-4-metrics");
  journey_complete (j, wizard, "2026-10-21");
}

static void
walk_expand (Journey *j)
{
  OvStageWizard *wizard = journey_continue_wizard (j, OV_STAGE_EXPAND);
  GtkWidget *outcome;
  g_autoptr(OvStageAnswers) saved = NULL;
  g_auto(GStrv) teams = NULL;

  /* Expand has no stage after it: the wizard saves, it cannot skip. */
  g_assert_cmpint (ov_stage_wizard_get_mode (wizard), ==, OV_STAGE_WIZARD_SAVE);
  g_assert_false (gtk_widget_get_visible (journey_wizard_child (wizard, "skip_button")));

  journey_expect_step (wizard, 0, "Step 1 of 2");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (journey_input (wizard, "new_users")), 40);
  journey_add_items (wizard, "new_teams", "Warehouse Leeds", NULL);
  gtk_switch_set_active (GTK_SWITCH (journey_input (wizard, "turnover_handled")), TRUE);
  journey_shot (wizard, "expand-1-growth");
  journey_next (wizard);

  journey_expect_step (wizard, 1, "Step 2 of 2");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (journey_wizard_child (wizard, "next_button"))),
                   ==, "_Save Answers");
  journey_type_text (wizard, "expansion_opportunities", "Customs module for the Rotterdam office.");
  outcome = journey_input (wizard, "renewal_outcome");
  adw_combo_row_set_selected (ADW_COMBO_ROW (outcome), 2);   /* after "Not recorded" */
  journey_next (wizard);
  g_assert_cmpstr (ov_field_editor_get_error (journey_editor (wizard, "renewal_date")), ==,
                   "Renewal date: give the date of the renewal decision.");
  journey_type_text (wizard, "renewal_date", "2026-11-20");
  journey_shot (wizard, "expand-2-renewal");
  journey_dark_shot (GTK_WIDGET (wizard), "expand-2-renewal");
  journey_next (wizard);
  g_assert_true (ov_ui_test_wait (journey_no_wizard, NULL, 5000));
  g_assert_cmpint (ov_account_get_stage (j->account), ==, OV_STAGE_EXPAND);

  saved = ov_store_load_answers (j->check, j->id, OV_STAGE_EXPAND, NULL);
  g_assert_cmpint (ov_stage_answers_get_number (saved, "new_users"), ==, 40);
  teams = ov_stage_answers_dup_list (saved, "new_teams");
  g_assert_cmpstr (teams[0], ==, "Warehouse Leeds");
  g_assert_true (ov_stage_answers_get_bool (saved, "turnover_handled"));
  g_assert_cmpstr (ov_stage_answers_get_choice (saved, "renewal_outcome"), ==, "renewed");
  g_assert_cmpint (ov_stage_answers_get_date (saved, "renewal_date"), ==, jt_date ("2026-11-20"));
}

/* What the core has after the walk. */
static void
assert_stored (Journey *j)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(OvStageAnswers) embark = NULL;
  g_autoptr(OvStageAnswers) adopt = NULL;
  g_autoptr(OvStageAnswers) review = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) handoff_tasks = NULL;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) trainings = NULL;
  const OvGoalResult *result;
  OvDate done_on = OV_DATE_NONE;

  events = ov_store_list_stage_events (j->check, j->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 6);
  journey_assert_event (events, 0, OV_STAGE_EMBARK, 0, FALSE, "2026-06-01");
  journey_assert_event (events, 1, OV_STAGE_HANDOFF, OV_STAGE_EMBARK, FALSE, "2026-06-20");
  journey_assert_event (events, 2, OV_STAGE_KICKOFF, OV_STAGE_HANDOFF, FALSE, "2026-07-06");
  journey_assert_event (events, 3, OV_STAGE_ADOPT, OV_STAGE_KICKOFF, FALSE, "2026-07-10");
  journey_assert_event (events, 4, OV_STAGE_REVIEW, OV_STAGE_ADOPT, FALSE, "2026-10-01");
  journey_assert_event (events, 5, OV_STAGE_EXPAND, OV_STAGE_REVIEW, FALSE, "2026-10-21");

  stored = ov_store_get_account (j->check, j->id, &error);
  g_assert_cmpint (ov_account_get_stage (stored), ==, OV_STAGE_EXPAND);
  g_assert_cmpint (ov_account_get_date (stored, OV_ACCOUNT_DATE_CLOSE), ==, jt_date ("2026-06-18"));
  g_assert_cmpint (ov_account_get_ttfv_days (stored), ==,
                   jt_date ("2026-09-20") - jt_date ("2026-06-18"));

  embark = ov_store_load_answers (j->check, j->id, OV_STAGE_EMBARK, &error);
  g_assert_cmpstr (ov_stage_answers_get_text (embark, "pains"), ==,
                   "Dispatchers re-key every order into three systems & lose a day.");
  g_assert_true (ov_stage_answers_get_check (embark, "package_proposed", &done_on));
  g_assert_cmpint (done_on, ==, jt_date ("2026-06-10"));
  g_assert_false (ov_stage_answers_get_check (embark, "team_introduced", NULL));

  adopt = ov_store_load_answers (j->check, j->id, OV_STAGE_ADOPT, &error);
  trainings = ov_stage_answers_dup_list (adopt, "trainings");
  g_assert_cmpuint (g_strv_length (trainings), ==, 3);
  g_assert_cmpstr (trainings[2], ==, "Finance team walkthrough");

  review = ov_store_load_answers (j->check, j->id, OV_STAGE_REVIEW, &error);
  results = ov_stage_answers_dup_goal_results (review, "goal_outcomes");
  g_assert_cmpuint (results->len, ==, 2);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, OV_GOAL_OUTCOME_MET);
  g_assert_cmpstr (result->comment, ==, "No order re-keyed since August.");
  result = g_ptr_array_index (results, 1);
  g_assert_cmpint (result->outcome, ==, OV_GOAL_OUTCOME_PARTLY);
  g_assert_cmpstr (ov_stage_answers_get_text (review, "metrics_snapshot"), ==,
                   "Usage 86% of seats\nNPS 42\nHealth 78");

  /* Entering each stage made its tasks, due from the day it was entered. */
  handoff_tasks = ov_store_list_tasks (j->check, j->id, OV_STAGE_HANDOFF, &error);
  g_assert_cmpuint (handoff_tasks->len, >, 0);
  for (guint i = 0; i < handoff_tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (handoff_tasks, i);

      if (ov_task_get_due_date (task) != OV_DATE_NONE)
        g_assert_cmpint (ov_task_get_due_date (task), >=, jt_date ("2026-06-20"));
    }
  for (OvStage stage = OV_STAGE_KICKOFF; stage <= OV_STAGE_EXPAND; stage++)
    {
      g_autoptr(GPtrArray) tasks = ov_store_list_tasks (j->check, j->id, stage, &error);

      g_assert_cmpuint (tasks->len, >, 0);
    }
}

static void
assert_timeline (Journey *j)
{
  OvAccountTimeline *timeline = OV_ACCOUNT_TIMELINE (journey_page_child (j, "timeline_section"));
  static const struct { OvStage stage; const char *days; const char *subtitle; } rows[] = {
    { OV_STAGE_EMBARK, "19 days", "1 Jun 2026 – 20 Jun 2026" },
    { OV_STAGE_HANDOFF, "16 days", "20 Jun 2026 – 6 Jul 2026" },
    { OV_STAGE_KICKOFF, "4 days", "6 Jul 2026 – 10 Jul 2026" },
    { OV_STAGE_ADOPT, "83 days", "10 Jul 2026 – 1 Oct 2026" },
    { OV_STAGE_REVIEW, "20 days", "1 Oct 2026 – 21 Oct 2026" },
    { OV_STAGE_EXPAND, "33 days so far", "Since 21 Oct 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_cmpstr (ov_account_timeline_get_days_text (timeline, rows[i].stage), ==,
                       rows[i].days);
      g_assert_cmpstr (adw_action_row_get_subtitle (ov_account_timeline_get_row (timeline,
                                                                                 rows[i].stage)),
                       ==, rows[i].subtitle);
    }
  g_assert_cmpstr (ov_account_timeline_get_tag_text (timeline, OV_STAGE_EXPAND), ==, "Current");
  g_assert_cmpstr (ov_account_timeline_get_tag_text (timeline, OV_STAGE_REVIEW), ==, "");
}

/* A past stage's wizard corrects answers; the facts among them reach the
 * account, unless the account's rules refuse them. */
static void
correct_past_stage (Journey *j)
{
  OvStageWizard *wizard;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(OvStageAnswers) answers = NULL;

  journey_click (ov_stage_stepper_get_step (ov_account_page_get_stepper (j->page), OV_STAGE_ADOPT));
  wizard = ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_cmpint (ov_stage_wizard_get_mode (wizard), ==, OV_STAGE_WIZARD_SAVE);
  journey_expect_step (wizard, 0, "Step 1 of 3");
  journey_next (wizard);
  journey_next (wizard);
  journey_expect_step (wizard, 2, "Step 3 of 3");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (journey_wizard_child (wizard, "next_button"))),
                   ==, "_Save Answers");
  g_assert_null (ov_stage_wizard_get_completed_on_row (wizard));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (journey_input (wizard, "golive_date"))), ==,
                   "2026-09-05");

  /* First value before the close date: the account refuses; nothing kept. */
  journey_type_text (wizard, "first_value_date", "2026-06-10");
  journey_next (wizard);
  g_assert_nonnull (ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD));
  g_assert_nonnull (strstr (ov_stage_wizard_get_message (wizard), "before the close date"));
  journey_shot (wizard, "adopt-3-milestones-past-refused");
  stored = ov_store_get_account (j->check, j->id, NULL);
  g_assert_cmpint (ov_account_get_date (stored, OV_ACCOUNT_DATE_FIRST_VALUE), ==,
                   jt_date ("2026-09-20"));
  answers = ov_store_load_answers (j->check, j->id, OV_STAGE_ADOPT, NULL);
  g_assert_cmpint (ov_stage_answers_get_date (answers, "first_value_date"), ==,
                   jt_date ("2026-09-20"));
  g_clear_object (&stored);
  g_clear_object (&answers);

  journey_type_text (wizard, "first_value_date", "2026-09-20");
  journey_type_text (wizard, "golive_date", "2026-09-07");
  journey_next (wizard);
  g_assert_true (ov_ui_test_wait (journey_no_wizard, NULL, 5000));
  stored = ov_store_get_account (j->check, j->id, NULL);
  g_assert_cmpint (ov_account_get_date (stored, OV_ACCOUNT_DATE_GOLIVE), ==,
                   jt_date ("2026-09-07"));
  g_assert_cmpint (ov_account_get_stage (stored), ==, OV_STAGE_EXPAND);
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_GOLIVE), ==,
                   jt_date ("2026-09-07"));
  answers = ov_store_load_answers (j->check, j->id, OV_STAGE_ADOPT, NULL);
  g_assert_cmpint (ov_stage_answers_get_date (answers, "golive_date"), ==, jt_date ("2026-09-07"));
}

static void
skip_a_stage (Journey *j,
              gint64   id)
{
  OvStageStepper *stepper;
  OvStageWizard *wizard;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  OvAccountTimeline *timeline;

  journey_open_account (j, id);
  stepper = ov_account_page_get_stepper (j->page);
  g_assert_cmpint (ov_stage_stepper_get_stage (stepper), ==, OV_STAGE_HANDOFF);

  /* A stage not reached yet does not open. */
  journey_click (ov_stage_stepper_get_step (stepper, OV_STAGE_REVIEW));
  g_assert_null (ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD));

  /* A past stage opens to edit its answers, never to complete again. */
  journey_click (ov_stage_stepper_get_step (stepper, OV_STAGE_EMBARK));
  wizard = ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_cmpint (ov_stage_wizard_get_mode (wizard), ==, OV_STAGE_WIZARD_SAVE);
  g_assert_false (gtk_widget_get_visible (journey_wizard_child (wizard, "skip_button")));

  /* Closing with something typed asks first; Discard keeps nothing. */
  journey_type_text (wizard, "pains", "Typed and then thought better of.");
  gtk_window_close (GTK_WINDOW (wizard));
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Keep the Answers?");
  g_assert_nonnull (ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD));
  journey_answer (dialog, "_Discard");
  g_assert_true (ov_ui_test_wait (journey_no_wizard, NULL, 5000));
  {
    g_autoptr(OvStageAnswers) kept = ov_store_load_answers (j->check, id, OV_STAGE_EMBARK, NULL);

    g_assert_false (ov_stage_answers_has_value (kept, "pains"));
  }

  journey_click (ov_stage_stepper_get_step (stepper, OV_STAGE_HANDOFF));
  wizard = ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_cmpint (ov_stage_wizard_get_stage (wizard), ==, OV_STAGE_HANDOFF);

  /* Cancel leaves everything as it was. */
  journey_click (journey_wizard_child (wizard, "skip_button"));
  dialog = ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Skip Handoff?");
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-skip-dialog");
  journey_dark_shot (GTK_WIDGET (dialog), "skip-dialog");
  journey_answer (dialog, "_Cancel");
  ov_ui_test_settle ();
  g_assert_cmpint (ov_account_get_stage (j->account), ==, OV_STAGE_HANDOFF);
  events = ov_store_list_stage_events (j->check, id, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Confirmed: recorded as skipped, today, and the account moves on. */
  journey_click (journey_wizard_child (wizard, "skip_button"));
  dialog = ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  journey_answer (dialog, "_Skip Stage");
  g_assert_true (ov_ui_test_wait (journey_no_wizard, NULL, 5000));
  g_assert_cmpint (ov_account_get_stage (j->account), ==, OV_STAGE_KICKOFF);

  events = ov_store_list_stage_events (j->check, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  journey_assert_event (events, 0, OV_STAGE_HANDOFF, 0, FALSE, "2026-11-01");
  journey_assert_event (events, 1, OV_STAGE_HANDOFF, OV_STAGE_HANDOFF, TRUE, TODAY);
  journey_assert_event (events, 2, OV_STAGE_KICKOFF, OV_STAGE_HANDOFF, FALSE, TODAY);

  ov_ui_test_settle ();
  timeline = OV_ACCOUNT_TIMELINE (journey_page_child (j, "timeline_section"));
  g_assert_cmpstr (ov_account_timeline_get_tag_text (timeline, OV_STAGE_HANDOFF), ==, "Skipped");
  g_assert_cmpstr (ov_account_timeline_get_days_text (timeline, OV_STAGE_HANDOFF), ==, "22 days");
  g_assert_true (gtk_widget_has_css_class (ov_stage_stepper_get_step (stepper, OV_STAGE_HANDOFF),
                                           "skipped"));
  journey_page_shots (j, "skipped");
}

static gboolean
wizard_is_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) <= 440;
}

static void
test_journey_all_stages (void)
{
  g_autofree char *db = ov_ui_test_db_path ("journey.db");
  g_autoptr(OvStore) setup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OvPerson) dana = NULL;
  g_autoptr(OvPerson) jonas = NULL;
  Journey j = { 0 };
  gint64 brightwater;

  setup = ov_store_open (db, &error);
  g_assert_no_error (error);
  /* Names with "&" and "<…>": no markup wherever they are shown. */
  brightwater = journey_add_account (setup, "Brightwater & Sons <EMEA>", OV_STAGE_EMBARK,
                                     "2026-06-01");
  {
    g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (setup, &error);
    OvPlaybook *shipped;

    g_assert_no_error (error);
    shipped = g_ptr_array_index (playbooks, 0);
    ov_playbook_set_name (shipped, "Sales & CS <EMEA>");
    g_assert_true (ov_store_save_playbook (setup, shipped, &error));
    g_assert_no_error (error);
  }
  /* The people test-journey-page.c adds through the page, there from the
   * start: tasks of the onboarding role name Dana as they are made. */
  dana = jt_add_person (setup, brightwater, OV_SIDE_INTERNAL, "Dana Reyes",
                        "dana.reyes@example.com", "onboarding", "csm", NULL);
  jonas = jt_add_person (setup, brightwater, OV_SIDE_CUSTOMER, "Jonas Berg",
                         "jonas.berg@example.com", "champion", "admin", NULL);
  j.check = g_steal_pointer (&setup);

  j.window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (j.window, "portfolio");
  journey_open_account (&j, brightwater);
  journey_page_shots (&j, "fresh");

  walk_embark (&j);
  walk_handoff (&j);
  walk_kickoff (&j);
  journey_page_shots (&j, "adopt");
  journey_dark_shot (GTK_WIDGET (j.window), "page-adopt");
  walk_adopt (&j);
  walk_review (&j);
  walk_expand (&j);
  assert_stored (&j);
  ov_ui_test_settle ();
  assert_timeline (&j);
  journey_page_shots (&j, "expand");
  correct_past_stage (&j);

  /* Narrow: the account page and a wizard at 400 pixels, in a second
   * window made that narrow from the start (shrinking a shown window makes
   * the view switcher bar slide in, which this test is not about). */
  {
    OvApplication *app = OV_APPLICATION (gtk_window_get_application (GTK_WINDOW (j.window)));
    OvWindow *narrow = ov_window_new (app, db);
    OvStageWizard *wizard;

    gtk_window_set_default_size (GTK_WINDOW (narrow), 400, 800);
    gtk_window_present (GTK_WINDOW (narrow));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (narrow));
    ov_ui_test_wait_state (narrow, "portfolio");
    gtk_test_widget_wait_for_draw (GTK_WIDGET (narrow));
    ov_ui_test_settle ();
    ov_ui_test_close_window (j.window);
    j.window = narrow;

    journey_open_account (&j, brightwater);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (j.window));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (j.window)), <=, 440);
    journey_page_shots (&j, "narrow");
    journey_dark_shot (GTK_WIDGET (j.window), "page-narrow");

    journey_click (ov_stage_stepper_get_step (ov_account_page_get_stepper (j.page),
                                              OV_STAGE_KICKOFF));
    wizard = ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD);
    g_assert_nonnull (wizard);
    gtk_window_set_default_size (GTK_WINDOW (wizard), 400, 720);
    /* The window manager takes its time: shoot once the wizard is narrow. */
    g_assert_true (ov_ui_test_wait (wizard_is_narrow, wizard, 5000));
    journey_next (wizard);
    journey_expect_step (wizard, 1, "Step 2 of 2");
    journey_shot (wizard, "narrow-kickoff-2-plan");
    journey_dark_shot (GTK_WIDGET (wizard), "narrow-kickoff-2-plan");
    gtk_window_close (GTK_WINDOW (wizard));
    g_assert_true (ov_ui_test_wait (journey_no_wizard, NULL, 5000));
  }

  g_clear_object (&j.check);
  ov_ui_test_close_window (j.window);
}

/* The second account: a stage not reached does not open, a past one only
 * saves, closing asks first, and the current one is skipped. */
static void
test_journey_skip (void)
{
  g_autofree char *db = ov_ui_test_db_path ("journey-skip.db");
  g_autoptr(OvStore) setup = NULL;
  g_autoptr(GError) error = NULL;
  Journey j = { 0 };
  gint64 northwind;

  setup = ov_store_open (db, &error);
  g_assert_no_error (error);
  northwind = journey_add_account (setup,
                                   "Northwind Dental Group of the Greater Rhine-Neckar Region",
                                   OV_STAGE_HANDOFF, "2026-11-01");
  j.check = g_steal_pointer (&setup);

  j.window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (j.window, "portfolio");
  skip_a_stage (&j, northwind);

  g_clear_object (&j.check);
  ov_ui_test_close_window (j.window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/journey/wizard/all-stages", test_journey_all_stages);
  g_test_add_func ("/journey/wizard/skip", test_journey_skip);

  return g_test_run ();
}
