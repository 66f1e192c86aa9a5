/* test-plans.c — the account page's key facts and plan, and completing a
 * stage with open tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An account in Adopt whose Handoff and Kickoff answers are stored shows,
 * at the top of its page, its owner, ARR, package, status, days in stage
 * and next task, and its plan: go-live "in 36 days", first value "12 days
 * late", the goals with their outcomes, the risks, the promises and the
 * agenda. An account in Kickoff with two overdue tasks is completed
 * through its wizard: the last step lists both, offers to close the one
 * the kickoff date settles, and applies each choice; the toast's Undo puts
 * it all back; a second completion leaves both open. "look" only shoots
 * the same screens, in whatever language and size it is run with.
 */

#include "config.h"


#include "journey-test-support.h"
#include "ov-account-plan.h"
#include "ov-account-summary.h"
#include "ov-stage-stepper.h"
#include "ov-ui-journey.h"

static OvTask *
stored_task (OvStore    *store,
             gint64      account_id,
             const char *title)
{
  g_autoptr(GPtrArray) tasks = ov_store_list_tasks (store, account_id, 0, NULL);

  for (guint i = 0; i < tasks->len; i++)
    if (g_strcmp0 (ov_task_get_title (g_ptr_array_index (tasks, i)), title) == 0)
      return g_object_ref (g_ptr_array_index (tasks, i));

  g_assert_not_reached ();
}

/* Ticks the task at @index of @account_id's tasks as the store lists
 * them (by stage, then due date): titles depend on the language the
 * playbook was stored in. */
static void
tick (OvStore *store,
      gint64   account_id,
      guint    index)
{
  g_autoptr(GPtrArray) tasks = ov_store_list_tasks (store, account_id, 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (index, <, tasks->len);
  g_assert_true (ov_store_set_task_done (store, g_ptr_array_index (tasks, index),
                                         jt_date ("2026-11-17"), &error));
  g_assert_no_error (error);
}

/* An account in Kickoff since 16 Nov whose open tasks are the kickoff
 * meeting (due 19 Nov) and the summary (due 20 Nov): both overdue on
 * TODAY, 23 Nov. */
static gint64
add_kickoff_account (OvStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = journey_add_account (store, "Lindqvist Marine", OV_STAGE_KICKOFF, "2026-11-16");

  g_assert_true (ov_store_create_stage_tasks (store, id, OV_STAGE_KICKOFF,
                                              jt_date ("2026-11-16"), NULL, &error));
  g_assert_no_error (error);
  /* The agenda (due 16 Nov), the milestone (19 Nov) and the access (23
   * Nov) are done: positions 0, 2 and 4 by due date, then id. */
  tick (store, id, 0);
  tick (store, id, 2);
  tick (store, id, 4);
  return id;
}

/* An account in Adopt since 1 Nov, with what its Handoff and Kickoff
 * agreed: go-live 29 Dec (36 days after TODAY), first value 11 Nov (12
 * days before). */
static gint64
add_planned_account (OvStore *store)
{
  g_autoptr(OvStageAnswers) handoff = NULL;
  g_autoptr(OvStageAnswers) kickoff = NULL;
  g_autoptr(OvStageAnswers) review = NULL;
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = journey_add_account (store, "Harbor Lane Foods", OV_STAGE_ADOPT, "2026-11-01");

  account = ov_store_get_account (store, id, &error);
  ov_account_set_arr_cents (account, 4800000);
  ov_account_set_currency (account, "EUR");
  ov_account_set_package (account, "Premium Onboarding");
  ov_account_set_sales_owner (account, "Dana Whitfield");
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);

  g_assert_true (ov_store_create_stage_tasks (store, id, OV_STAGE_ADOPT, jt_date ("2026-11-01"),
                                              NULL, &error));

  handoff = ov_store_load_answers (store, id, OV_STAGE_HANDOFF, &error);
  ov_stage_answers_set_list (handoff, "goals",
                             (const char *[]) { "Orders in one screen", "Fewer returns", NULL });
  ov_stage_answers_set_text (handoff, "success_criteria", "No spreadsheet on Mondays.");
  ov_stage_answers_set_text (handoff, "risks", "The ERP upgrade lands in January.");
  ov_stage_answers_set_text (handoff, "promises", "A Polish translation by March.");
  jt_save_answers (store, handoff);

  kickoff = ov_store_load_answers (store, id, OV_STAGE_KICKOFF, &error);
  ov_stage_answers_set_date (kickoff, "kickoff_date", jt_date ("2026-09-24"));
  ov_stage_answers_set_list (kickoff, "agenda", (const char *[]) { "Scope", "Timeline", NULL });
  ov_stage_answers_set_date (kickoff, "target_golive_date", jt_date ("2026-12-29"));
  ov_stage_answers_set_text (kickoff, "first_value_milestone", "First order list printed");
  ov_stage_answers_set_date (kickoff, "first_value_target_date", jt_date ("2026-11-11"));
  jt_save_answers (store, kickoff);

  review = ov_store_load_answers (store, id, OV_STAGE_REVIEW, &error);
  ov_stage_answers_set_goal_result (review, "goal_outcomes", "Fewer returns",
                                    OV_GOAL_OUTCOME_PARTLY, "Down a third");
  jt_save_answers (store, review);
  return id;
}

static OvAccountSummary *
summary_of (Journey *j)
{
  return OV_ACCOUNT_SUMMARY (journey_page_child (j, "summary_section"));
}

static OvAccountPlan *
plan_of (Journey *j)
{
  return OV_ACCOUNT_PLAN (journey_page_child (j, "plan_section"));
}

static void
assert_fact (Journey    *j,
             const char *fact,
             const char *value,
             const char *detail)
{
  const char *shown_detail = NULL;

  g_assert_cmpstr (ov_account_summary_get_text (summary_of (j), fact, &shown_detail), ==, value);
  g_assert_cmpstr (shown_detail, ==, detail);
}

typedef struct
{
  OvAccountPlan *plan;
  const char    *figure;
} FigureWait;

static gboolean
golive_shows (gpointer data)
{
  FigureWait *wait = data;

  return g_strcmp0 (ov_account_plan_get_figure (wait->plan, "golive", NULL), wait->figure) == 0;
}

static void
test_plan_section (void)
{
  g_autofree char *db = ov_ui_test_db_path ("plans-page.db");
  g_autofree char *arr = ov_money_format (4800000, "EUR");
  Journey j = { 0 };
  const char *subtitle = NULL;
  FigureWait wait;
  gint64 id;

  j.check = ov_ui_test_open_store (db);
  id = add_planned_account (j.check);
  j.window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (j.window, "portfolio");
  journey_open_account (&j, id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (j.window));

  /* The key facts, at the top. */
  assert_fact (&j, "owner", "Priya Natarajan", "Sales: Dana Whitfield");
  assert_fact (&j, "arr", arr, "");
  assert_fact (&j, "package", "Premium Onboarding", "");
  assert_fact (&j, "status", "Active", "");
  /* 1 Nov → 23 Nov. */
  assert_fact (&j, "days", "22 days", "Adopt");
  /* Configuring is due 7 days after entering: 8 Nov, 15 days ago. */
  assert_fact (&j, "next", "Configure the workspace", "15 days overdue");

  /* Plan against actual. */
  g_assert_cmpstr (ov_account_plan_get_figure (plan_of (&j), "golive", &subtitle), ==,
                   "in 36 days");
  g_assert_cmpstr (subtitle, ==, "Target 29 Dec 2026 · not live yet");
  g_assert_cmpstr (ov_account_plan_get_figure (plan_of (&j), "first-value", &subtitle), ==,
                   "12 days late");
  g_assert_cmpstr (subtitle, ==, "“First order list printed” · Target 11 Nov 2026 · "
                                 "not reached yet");
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (plan_of (&j)), "Orders in one screen"));
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (plan_of (&j)), "Partly met"));
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (plan_of (&j)), "Not judged yet"));
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (plan_of (&j)), "Down a third"));
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (plan_of (&j)),
                                           "Success criteria: No spreadsheet on Mondays."));
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (plan_of (&j)),
                                           "The ERP upgrade lands in January."));
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (plan_of (&j)),
                                           "A Polish translation by March."));
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (plan_of (&j)),
                                           "Kickoff on 24 Sep 2026\n• Scope\n• Timeline"));

  ov_ui_test_scroll_to (GTK_WIDGET (summary_of (&j)), TRUE);
  ov_ui_test_shoot (GTK_WIDGET (j.window), "plans-page-top");
  ov_ui_test_scroll_to (GTK_WIDGET (plan_of (&j)), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (j.window), "plans-page-plan");

  /* Going live on 20 Nov is 39 days before 29 Dec (11 + 28). */
  ov_date_row_set_date (OV_DATE_ROW (journey_page_child (&j, "golive_row")),
                        jt_date ("2026-11-20"));
  wait.plan = plan_of (&j);
  wait.figure = "reached 39 days early";
  g_assert_true (ov_ui_test_wait (golive_shows, &wait, 5000));
  ov_account_plan_get_figure (plan_of (&j), "golive", &subtitle);
  g_assert_cmpstr (subtitle, ==, "Target 29 Dec 2026 · live on 20 Nov 2026");

  g_clear_object (&j.check);
  ov_ui_test_close_window (j.window);
}

/* The wizard's last step, with both tasks listed. */
static OvOpenTasks *
open_last_step (Journey *j,
                gboolean fill)
{
  OvStageWizard *wizard = journey_continue_wizard (j, OV_STAGE_KICKOFF);
  OvOpenTasks *open_tasks;

  if (fill)
    {
      journey_type_text (wizard, "kickoff_date", "2026-11-18");
      journey_add_items (wizard, "agenda", "Scope", "Timeline", NULL);
      journey_next (wizard);
      journey_type_text (wizard, "target_golive_date", "2027-01-15");
      journey_type_text (wizard, "first_value_milestone", "First voyage planned");
      journey_type_text (wizard, "first_value_target_date", "2026-12-15");
    }
  journey_expect_step (wizard, 1, "Step 2 of 2");

  open_tasks = ov_stage_wizard_get_open_tasks (wizard);
  g_assert_nonnull (open_tasks);
  g_assert_cmpuint (ov_open_tasks_get_n_tasks (open_tasks), ==, 2);
  return open_tasks;
}

static OvStageWizard *
wizard_of (OvOpenTasks *open_tasks)
{
  return OV_STAGE_WIZARD (gtk_widget_get_root (GTK_WIDGET (open_tasks)));
}

static void
assert_listed (OvOpenTasks      *open_tasks,
               guint             index,
               const char       *title,
               const char       *subtitle,
               OvOpenTaskChoice  choice)
{
  AdwComboRow *row = ov_open_tasks_get_row (open_tasks, index);

  g_assert_cmpstr (ov_task_get_title (ov_open_tasks_get_task (open_tasks, index)), ==, title);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
  g_assert_cmpint (ov_open_tasks_get_choice (open_tasks, index), ==, choice);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
}

static void
assert_task (Journey    *j,
             const char *title,
             OvStage     stage,
             const char *done_on)
{
  g_autoptr(OvTask) task = stored_task (j->check, j->id, title);

  g_assert_cmpint (ov_task_get_stage (task), ==, stage);
  g_assert_cmpint (ov_task_get_done_date (task), ==, done_on ? jt_date (done_on) : OV_DATE_NONE);
}

static void
test_complete_with_open_tasks (void)
{
  g_autofree char *db = ov_ui_test_db_path ("plans-complete.db");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) adopt = NULL;
  OvOpenTasks *open_tasks;
  GtkWidget *toast, *undo, *group;
  Journey j = { 0 };
  gint64 id;

  j.check = ov_ui_test_open_store (db);
  id = add_kickoff_account (j.check);
  j.window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (j.window, "portfolio");
  journey_open_account (&j, id);

  /* The next task at the top is the overdue kickoff meeting. */
  assert_fact (&j, "next", "Run the kickoff meeting", "4 days overdue");

  open_tasks = open_last_step (&j, TRUE);
  group = ov_ui_test_child (open_tasks, OV_TYPE_OPEN_TASKS, "group");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Open Tasks of Kickoff");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "2 tasks of Kickoff are not done. Choose what happens to each when the "
                   "stage is completed.");
  /* The kickoff date just recorded (18 Nov) settles the meeting: Close is
   * offered, saying why. The summary is left open unless chosen. */
  assert_listed (open_tasks, 0, "Run the kickoff meeting",
                 "4 days overdue\nLooks done: Kickoff date is recorded", OV_OPEN_TASK_CLOSE);
  g_assert_true (ov_open_tasks_is_suggested (open_tasks, 0));
  assert_listed (open_tasks, 1, "Share the kickoff summary", "3 days overdue",
                 OV_OPEN_TASK_LEAVE);
  g_assert_false (ov_open_tasks_is_suggested (open_tasks, 1));
  ov_ui_test_scroll_to (group, FALSE);
  ov_ui_test_shoot (GTK_WIDGET (wizard_of (open_tasks)), "plans-wizard-open-tasks");

  /* A kickoff dated after the completion has not happened: no offer. */
  journey_click (journey_wizard_child (wizard_of (open_tasks), "back_button"));
  journey_type_text (wizard_of (open_tasks), "kickoff_date", "2026-11-25");
  journey_next (wizard_of (open_tasks));
  g_assert_false (ov_open_tasks_is_suggested (open_tasks, 0));
  g_assert_cmpint (ov_open_tasks_get_choice (open_tasks, 0), ==, OV_OPEN_TASK_LEAVE);
  journey_click (journey_wizard_child (wizard_of (open_tasks), "back_button"));
  journey_type_text (wizard_of (open_tasks), "kickoff_date", "2026-11-18");
  journey_next (wizard_of (open_tasks));
  g_assert_cmpint (ov_open_tasks_get_choice (open_tasks, 0), ==, OV_OPEN_TASK_CLOSE);

  /* The choice for all, then one by one as the user picks them. */
  gtk_widget_activate_action (GTK_WIDGET (open_tasks), "open-tasks.all", "s", "move");
  g_assert_cmpint (ov_open_tasks_get_choice (open_tasks, 0), ==, OV_OPEN_TASK_MOVE_ON);
  g_assert_cmpint (ov_open_tasks_get_choice (open_tasks, 1), ==, OV_OPEN_TASK_MOVE_ON);
  adw_combo_row_set_selected (ov_open_tasks_get_row (open_tasks, 0), OV_OPEN_TASK_CLOSE);
  g_assert_cmpint (ov_open_tasks_get_choice (open_tasks, 0), ==, OV_OPEN_TASK_CLOSE);

  journey_complete (&j, wizard_of (open_tasks), TODAY);
  toast = ov_ui_test_wait_toast (j.window, "Kickoff completed");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (toast)), ==,
                   "Kickoff completed; now in Adopt · 1 task closed · 1 task moved on");
  undo = ov_ui_test_find_button (ov_ui_test_child (j.window, OV_TYPE_WINDOW, "toast_overlay"),
                                 "_Undo");
  g_assert_nonnull (undo);

  assert_task (&j, "Run the kickoff meeting", OV_STAGE_KICKOFF, TODAY);
  assert_task (&j, "Share the kickoff summary", OV_STAGE_ADOPT, NULL);
  adopt = ov_store_list_tasks (j.check, id, OV_STAGE_ADOPT, NULL);
  g_assert_cmpuint (adopt->len, ==, 8 + 1);
  g_clear_pointer (&adopt, g_ptr_array_unref);

  /* Undo: back in Kickoff, both tasks open there, no Adopt tasks, no
   * Adopt event. */
  journey_click (undo);
  ov_ui_test_wait_toast (j.window, "Back in Kickoff");
  g_assert_cmpint (ov_account_get_stage (j.account), ==, OV_STAGE_KICKOFF);
  g_assert_cmpint (ov_stage_stepper_get_stage (ov_account_page_get_stepper (j.page)), ==,
                   OV_STAGE_KICKOFF);
  assert_task (&j, "Run the kickoff meeting", OV_STAGE_KICKOFF, NULL);
  assert_task (&j, "Share the kickoff summary", OV_STAGE_KICKOFF, NULL);
  adopt = ov_store_list_tasks (j.check, id, OV_STAGE_ADOPT, NULL);
  g_assert_cmpuint (adopt->len, ==, 0);
  events = ov_store_list_stage_events (j.check, id, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  journey_assert_event (events, 0, OV_STAGE_KICKOFF, 0, FALSE, "2026-11-16");

  /* Again, leaving both open: the answers were kept, so the wizard opens
   * at its last step, offering the meeting again. */
  open_tasks = open_last_step (&j, FALSE);
  g_assert_cmpint (ov_open_tasks_get_choice (open_tasks, 0), ==, OV_OPEN_TASK_CLOSE);
  gtk_widget_activate_action (GTK_WIDGET (open_tasks), "open-tasks.all", "s", "leave");
  journey_complete (&j, wizard_of (open_tasks), TODAY);
  toast = ov_ui_test_wait_toast (j.window, "Kickoff completed");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (toast)), ==,
                   "Kickoff completed; now in Adopt");
  assert_task (&j, "Run the kickoff meeting", OV_STAGE_KICKOFF, NULL);
  assert_task (&j, "Share the kickoff summary", OV_STAGE_KICKOFF, NULL);
  /* Left open in Kickoff, the meeting is still what comes next. */
  assert_fact (&j, "next", "Run the kickoff meeting", "4 days overdue · Kickoff");

  g_clear_object (&j.check);
  ov_ui_test_close_window (j.window);
}

static gboolean
wizard_is_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) <= 440;
}

/* The screens of both tests, in the language and size asked for. */
static void
test_look (void)
{
  g_autofree char *db = ov_ui_test_db_path ("plans-look.db");
  OvStageWizard *wizard;
  OvOpenTasks *open_tasks;
  Journey j = { 0 };
  gint64 planned, kickoff;

  j.check = ov_ui_test_open_store (db);
  planned = add_planned_account (j.check);
  kickoff = add_kickoff_account (j.check);
  j.window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (j.window, "portfolio");

  journey_open_account (&j, planned);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (j.window));
  ov_ui_test_scroll_to (GTK_WIDGET (summary_of (&j)), TRUE);
  ov_ui_test_shoot (GTK_WIDGET (j.window), "plans-look-page-top");
  ov_ui_test_scroll_to (GTK_WIDGET (plan_of (&j)), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (j.window), "plans-look-page-plan");

  journey_open_account (&j, kickoff);
  journey_click (journey_page_child (&j, "continue_button"));
  wizard = ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));
  /* A narrow main window gets a narrow wizard too. */
  if (g_getenv ("OVERTURE_TEST_SIZE") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (wizard), 400, 720);
      if (!ov_ui_test_wait (wizard_is_narrow, wizard, 5000))
        g_error ("the wizard stays %d px wide", gtk_widget_get_width (GTK_WIDGET (wizard)));
    }
  journey_type_text (wizard, "kickoff_date", "2026-11-18");
  journey_add_items (wizard, "agenda", "Scope", "Timeline", NULL);
  journey_next (wizard);
  journey_type_text (wizard, "target_golive_date", "2027-01-15");
  journey_type_text (wizard, "first_value_milestone", "First voyage planned");
  journey_type_text (wizard, "first_value_target_date", "2026-12-15");
  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==, 1);
  open_tasks = ov_stage_wizard_get_open_tasks (wizard);
  g_assert_cmpuint (ov_open_tasks_get_n_tasks (open_tasks), ==, 2);
  g_assert_true (ov_open_tasks_is_suggested (open_tasks, 0));
  ov_ui_test_scroll_to (GTK_WIDGET (open_tasks), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (wizard_of (open_tasks)), "plans-look-wizard");

  gtk_window_destroy (GTK_WINDOW (wizard_of (open_tasks)));
  g_clear_object (&j.check);
  ov_ui_test_close_window (j.window);
}

int
main (int    argc,
      char **argv)
{
  /* The look test speaks the language asked for, if any. */
  ov_ui_test_use_asked_language ();
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/plans/plan-section", test_plan_section);
  g_test_add_func ("/ui/plans/complete-with-open-tasks", test_complete_with_open_tasks);
  g_test_add_func ("/ui/plans/look", test_look);

  return g_test_run ();
}
