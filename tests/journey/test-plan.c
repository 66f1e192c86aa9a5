/* test-plan.c — plan against actual: the days ahead, late and early, the
 * plan read back from the wizards' answers, the next task, and which open
 * tasks the answers settle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journey-test-support.h"

static void
assert_figure (const char  *target,
               const char  *actual,
               const char  *today,
               OvPlanState  state,
               int          days,
               const char  *text)
{
  OvPlanDate date = ov_plan_date_compute (target ? jt_date (target) : OV_DATE_NONE,
                                          actual ? jt_date (actual) : OV_DATE_NONE,
                                          jt_date (today));
  g_autofree char *described = ov_plan_date_describe (&date);

  g_assert_cmpint (date.state, ==, state);
  g_assert_cmpint (date.days, ==, days);
  g_assert_cmpstr (described, ==, text);
}

/* The days counted by hand on a calendar. */
static void
test_figures (void)
{
  /* 10 Dec → 31 Dec is 21 days, then 15 into January. */
  assert_figure ("2027-01-15", NULL, "2026-12-10", OV_PLAN_AHEAD, 36, "in 36 days");
  assert_figure ("2026-12-11", NULL, "2026-12-10", OV_PLAN_AHEAD, 1, "in 1 day");
  assert_figure ("2026-12-10", NULL, "2026-12-10", OV_PLAN_DUE_TODAY, 0, "due today");
  /* 28 Nov → 30 Nov is 2, then 10 into December. */
  assert_figure ("2026-11-28", NULL, "2026-12-10", OV_PLAN_LATE, 12, "12 days late");
  assert_figure ("2026-12-09", NULL, "2026-12-10", OV_PLAN_LATE, 1, "1 day late");
  /* 2028 is a leap year: 28 Feb → 29 Feb → 1 Mar. */
  assert_figure ("2028-02-28", NULL, "2028-03-01", OV_PLAN_LATE, 2, "2 days late");
  /* 2026 is not: 27 Feb → 28 Feb → 1 Mar. */
  assert_figure ("2026-02-27", "2026-03-01", "2026-12-10", OV_PLAN_REACHED_LATE, 2,
                 "reached 2 days late");
  assert_figure ("2026-03-20", "2026-03-16", "2026-12-10", OV_PLAN_EARLY, 4,
                 "reached 4 days early");
  assert_figure ("2026-03-20", "2026-03-19", "2026-03-19", OV_PLAN_EARLY, 1,
                 "reached 1 day early");
  assert_figure ("2026-03-20", "2026-03-20", "2026-12-10", OV_PLAN_ON_TARGET, 0,
                 "reached on target");
  /* Reached before today's date does not matter once reached: 31 Dec →
   * 2 Jan across the year. */
  assert_figure ("2026-12-31", "2027-01-02", "2026-12-01", OV_PLAN_REACHED_LATE, 2,
                 "reached 2 days late");
  assert_figure (NULL, "2026-03-20", "2026-12-10", OV_PLAN_NO_TARGET, 0,
                 "reached, no target was set");
  assert_figure (NULL, NULL, "2026-12-10", OV_PLAN_NO_DATES, 0, "no target set");
}

/* What the wizards recorded comes back as the plan, beside the account's
 * own dates. */
static void
test_plan_from_answers (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Harbor Lane Foods", "Mid-Market",
                                                 OV_STAGE_ADOPT, jt_date ("2026-10-01"));
  g_autoptr(OvStageAnswers) handoff = NULL;
  g_autoptr(OvStageAnswers) kickoff = NULL;
  g_autoptr(OvStageAnswers) review = NULL;
  g_autoptr(OvPlan) plan = NULL;
  g_autoptr(OvPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = ov_account_get_id (account);
  const OvGoalResult *goal;

  plan = ov_plan_load (store, account, jt_date ("2026-12-10"), &error);
  g_assert_no_error (error);
  g_assert_true (ov_plan_is_empty (plan));
  g_clear_pointer (&plan, ov_plan_free);

  handoff = jt_load_answers (store, id, OV_STAGE_HANDOFF);
  ov_stage_answers_set_list (handoff, "goals",
                             (const char *[]) { "Orders in one screen", "Fewer returns", NULL });
  ov_stage_answers_set_text (handoff, "success_criteria", "No spreadsheet on Mondays.");
  ov_stage_answers_set_text (handoff, "risks", "The ERP upgrade lands in January.");
  ov_stage_answers_set_text (handoff, "promises", "A Polish translation by March.");
  jt_save_answers (store, handoff);

  kickoff = jt_load_answers (store, id, OV_STAGE_KICKOFF);
  ov_stage_answers_set_date (kickoff, "kickoff_date", jt_date ("2026-09-24"));
  ov_stage_answers_set_list (kickoff, "agenda",
                             (const char *[]) { "Scope", "Timeline", "Roles", NULL });
  ov_stage_answers_set_date (kickoff, "target_golive_date", jt_date ("2027-01-15"));
  ov_stage_answers_set_text (kickoff, "first_value_milestone", "First order list printed");
  ov_stage_answers_set_date (kickoff, "first_value_target_date", jt_date ("2026-11-28"));
  jt_save_answers (store, kickoff);

  review = jt_load_answers (store, id, OV_STAGE_REVIEW);
  ov_stage_answers_set_goal_result (review, "goal_outcomes", "Fewer returns",
                                    OV_GOAL_OUTCOME_PARTLY, "Down a third");
  jt_save_answers (store, review);

  plan = ov_plan_load (store, account, jt_date ("2026-12-10"), &error);
  g_assert_no_error (error);
  g_assert_false (ov_plan_is_empty (plan));
  g_assert_cmpint (plan->kickoff, ==, jt_date ("2026-09-24"));
  g_assert_cmpstr (plan->agenda[0], ==, "Scope");
  g_assert_cmpstr (plan->agenda[2], ==, "Roles");
  g_assert_null (plan->agenda[3]);
  g_assert_cmpint (plan->golive.state, ==, OV_PLAN_AHEAD);
  g_assert_cmpint (plan->golive.days, ==, 36);
  g_assert_cmpint (plan->first_value.state, ==, OV_PLAN_LATE);
  g_assert_cmpint (plan->first_value.days, ==, 12);
  g_assert_cmpstr (plan->milestone, ==, "First order list printed");
  g_assert_cmpstr (plan->risks, ==, "The ERP upgrade lands in January.");
  g_assert_cmpstr (plan->promises, ==, "A Polish translation by March.");
  g_assert_cmpstr (plan->success_criteria, ==, "No spreadsheet on Mondays.");
  g_assert_cmpuint (plan->goals->len, ==, 2);
  goal = g_ptr_array_index (plan->goals, 0);
  g_assert_cmpstr (goal->goal, ==, "Orders in one screen");
  g_assert_cmpint (goal->outcome, ==, OV_GOAL_OUTCOME_NONE);
  goal = g_ptr_array_index (plan->goals, 1);
  g_assert_cmpstr (goal->goal, ==, "Fewer returns");
  g_assert_cmpint (goal->outcome, ==, OV_GOAL_OUTCOME_PARTLY);
  g_assert_cmpstr (goal->comment, ==, "Down a third");

  /* The account's own dates are what happened. */
  ov_account_set_date (account, OV_ACCOUNT_DATE_GOLIVE, jt_date ("2027-01-11"));
  ov_account_set_date (account, OV_ACCOUNT_DATE_FIRST_VALUE, jt_date ("2026-12-01"));
  g_clear_pointer (&plan, ov_plan_free);
  plan = ov_plan_load (store, account, jt_date ("2027-02-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->golive.state, ==, OV_PLAN_EARLY);
  g_assert_cmpint (plan->golive.days, ==, 4);
  g_assert_cmpint (plan->first_value.state, ==, OV_PLAN_REACHED_LATE);
  g_assert_cmpint (plan->first_value.days, ==, 3);

  copy = ov_plan_copy (plan);
  g_assert_cmpstr (copy->risks, ==, plan->risks);
  g_assert_cmpuint (copy->goals->len, ==, 2);
  g_assert_cmpint (copy->golive.days, ==, 4);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static OvTask *
task_due (gint64      id,
          OvStage     stage,
          const char *title,
          const char *due,
          gboolean    done)
{
  OvTask *task = ov_task_new (1, stage, title);

  ov_task_set_id (task, id);
  ov_task_set_due_date (task, due ? jt_date (due) : OV_DATE_NONE);
  if (done)
    ov_task_set_done_date (task, jt_date ("2026-01-01"));
  return task;
}

static void
test_next_task (void)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_null (ov_plan_find_next_task (tasks));

  g_ptr_array_add (tasks, task_due (1, OV_STAGE_ADOPT, "Undated", NULL, FALSE));
  g_assert_cmpstr (ov_task_get_title (ov_plan_find_next_task (tasks)), ==, "Undated");

  g_ptr_array_add (tasks, task_due (2, OV_STAGE_ADOPT, "Train", "2026-12-20", FALSE));
  g_ptr_array_add (tasks, task_due (3, OV_STAGE_ADOPT, "Done early", "2026-12-01", TRUE));
  g_ptr_array_add (tasks, task_due (4, OV_STAGE_KICKOFF, "Left behind", "2026-12-05", FALSE));
  g_ptr_array_add (tasks, task_due (5, OV_STAGE_ADOPT, "Same day, later stage", "2026-12-05",
                                    FALSE));
  /* Done ones never; the earliest due; a tie goes to the earlier stage. */
  g_assert_cmpstr (ov_task_get_title (ov_plan_find_next_task (tasks)), ==, "Left behind");

  g_ptr_array_remove_index (tasks, 3);
  g_assert_cmpstr (ov_task_get_title (ov_plan_find_next_task (tasks)), ==,
                   "Same day, later stage");
}

/* The table from playbook task to wizard field. */
static void
test_task_fields (void)
{
  g_assert_cmpstr (ov_stage_task_find_field (OV_STAGE_KICKOFF, "Run the kickoff meeting"), ==,
                   "kickoff_date");
  /* Folded as the store folds titles. */
  g_assert_cmpstr (ov_stage_task_find_field (OV_STAGE_KICKOFF, "  run the KICKOFF meeting "), ==,
                   "kickoff_date");
  g_assert_cmpstr (ov_stage_task_find_field (OV_STAGE_KICKOFF, "Prepare the kickoff agenda"), ==,
                   "agenda");
  g_assert_cmpstr (ov_stage_task_find_field (OV_STAGE_HANDOFF, "Send the welcome message"), ==,
                   "welcome_sent");
  g_assert_cmpstr (ov_stage_task_find_field (OV_STAGE_ADOPT, "Confirm go-live with the sponsor"),
                   ==, "golive_date");
  /* Another stage's title, or a title of the team's own, has none. */
  g_assert_null (ov_stage_task_find_field (OV_STAGE_ADOPT, "Run the kickoff meeting"));
  g_assert_null (ov_stage_task_find_field (OV_STAGE_KICKOFF, "Share the kickoff summary"));
  g_assert_null (ov_stage_task_find_field (OV_STAGE_KICKOFF, "Run the kickoff meeting again"));

  /* Every field the table names exists in its stage's wizard. */
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autoptr(OvPlaybook) playbook = ov_playbook_new_default ();
      g_autoptr(GPtrArray) templates = ov_playbook_dup_tasks (playbook, stage);

      for (guint i = 0; i < templates->len; i++)
        {
          const char *title = ov_playbook_task_get_title (g_ptr_array_index (templates, i));
          const char *field = ov_stage_task_find_field (stage, title);

          if (field != NULL)
            g_assert_nonnull (ov_wizard_find_field (stage, field));
        }
    }
}

static void
test_task_answered (void)
{
  g_autoptr(OvStageAnswers) kickoff = ov_stage_answers_new (7, OV_STAGE_KICKOFF);
  g_autoptr(OvStageAnswers) handoff = ov_stage_answers_new (7, OV_STAGE_HANDOFF);
  g_autoptr(OvTask) meeting = ov_task_new (7, OV_STAGE_KICKOFF, "Run the kickoff meeting");
  g_autoptr(OvTask) agenda = ov_task_new (7, OV_STAGE_KICKOFF, "Prepare the kickoff agenda");
  g_autoptr(OvTask) summary = ov_task_new (7, OV_STAGE_KICKOFF, "Share the kickoff summary");
  g_autoptr(OvTask) welcome = ov_task_new (7, OV_STAGE_HANDOFF, "Send the welcome message");
  const char *field = "unset";
  OvDate on = jt_date ("2026-11-23");

  g_assert_false (ov_stage_task_is_answered (kickoff, meeting, on, &field));
  g_assert_null (field);

  /* A kickoff still to come has not happened. */
  ov_stage_answers_set_date (kickoff, "kickoff_date", on + 1);
  g_assert_false (ov_stage_task_is_answered (kickoff, meeting, on, NULL));
  ov_stage_answers_set_date (kickoff, "kickoff_date", on);
  g_assert_true (ov_stage_task_is_answered (kickoff, meeting, on, &field));
  g_assert_cmpstr (field, ==, "kickoff_date");

  g_assert_false (ov_stage_task_is_answered (kickoff, agenda, on, NULL));
  ov_stage_answers_set_list (kickoff, "agenda", (const char *[]) { "Scope", NULL });
  g_assert_true (ov_stage_task_is_answered (kickoff, agenda, on, NULL));

  g_assert_false (ov_stage_task_is_answered (kickoff, summary, on, NULL));
  /* Answers of another stage say nothing about it. */
  g_assert_false (ov_stage_task_is_answered (handoff, meeting, on, NULL));

  /* A checklist item counts once ticked; a task done already is no
   * suggestion. */
  g_assert_false (ov_stage_task_is_answered (handoff, welcome, on, NULL));
  ov_stage_answers_set_check (handoff, "welcome_sent", TRUE, on - 3);
  g_assert_true (ov_stage_task_is_answered (handoff, welcome, on, NULL));
  ov_task_set_done_date (welcome, on - 3);
  g_assert_false (ov_stage_task_is_answered (handoff, welcome, on, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/plan/figures", test_figures);
  g_test_add_func ("/plan/from-answers", test_plan_from_answers);
  g_test_add_func ("/plan/next-task", test_next_task);
  g_test_add_func ("/plan/task-fields", test_task_fields);
  g_test_add_func ("/plan/task-answered", test_task_answered);

  return g_test_run ();
}
