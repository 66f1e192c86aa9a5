/* test-transitions.c — completing and skipping stages, the tasks each
 * stage gets from the playbook, and the stage timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "journey-test-support.h"

/* Answers that satisfy @stage's wizard, dated around @on. */
static OvStageAnswers *
answers_for (OvStore *store,
             gint64   account_id,
             OvStage  stage,
             OvDate   on)
{
  g_autoptr(GError) error = NULL;
  OvStageAnswers *answers = ov_store_load_answers (store, account_id, stage, &error);

  g_assert_no_error (error);

  switch (stage)
    {
    case OV_STAGE_EMBARK:
      ov_stage_answers_set_text (answers, "pains", "Reports are assembled by hand.");
      ov_stage_answers_set_text (answers, "outcomes", "One live dashboard.");
      ov_stage_answers_set_text (answers, "package", "Premium Onboarding");
      ov_stage_answers_set_date (answers, "expected_close_date", on);
      ov_stage_answers_set_check (answers, "value_presented", TRUE, on - 10);
      break;
    case OV_STAGE_HANDOFF:
      ov_stage_answers_set_list (answers, "goals",
                                 (const char *[]) { "Weekly report in one click", NULL });
      ov_stage_answers_set_text (answers, "success_criteria", "Leadership stops asking.");
      break;
    case OV_STAGE_KICKOFF:
      ov_stage_answers_set_date (answers, "kickoff_date", on - 8);
      ov_stage_answers_set_date (answers, "target_golive_date", on + 30);
      ov_stage_answers_set_text (answers, "first_value_milestone", "First weekly report");
      ov_stage_answers_set_date (answers, "first_value_target_date", on + 45);
      break;
    case OV_STAGE_ADOPT:
      ov_stage_answers_set_date (answers, "golive_date", on - 21);
      ov_stage_answers_set_date (answers, "first_value_date", on - 8);
      break;
    case OV_STAGE_REVIEW:
      {
        g_autoptr(GPtrArray) results = ov_stage_answers_dup_goal_results (answers,
                                                                          "goal_outcomes");

        ov_stage_answers_set_date (answers, "review_date", on);
        for (guint i = 0; i < results->len; i++)
          {
            OvGoalResult *result = g_ptr_array_index (results, i);

            ov_stage_answers_set_goal_result (answers, "goal_outcomes", result->goal,
                                              OV_GOAL_OUTCOME_MET, "Done in week six.");
          }
      }
      break;
    case OV_STAGE_EXPAND:
    default:
      break;
    }

  return answers;
}

static void
complete (OvStore *store,
          gint64   account_id,
          OvStage  stage,
          OvDate   on)
{
  g_autoptr(OvStageAnswers) answers = answers_for (store, account_id, stage, on);
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_complete_stage (store, account_id, stage, answers, on, &error));
  g_assert_no_error (error);
  g_assert_false (ov_stage_answers_get_modified (answers));
}

static OvAccount *
reload (OvStore   *store,
        OvAccount *account)
{
  g_autoptr(GError) error = NULL;
  OvAccount *fresh = ov_store_get_account (store, ov_account_get_id (account), &error);

  g_assert_no_error (error);
  return fresh;
}

/* "stage:kind:date" for every event. */
static char *
events_text (OvStore *store,
             gint64   account_id)
{
  g_autoptr(GPtrArray) events = ov_store_list_stage_events (store, account_id, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      const OvStageEvent *event = g_ptr_array_index (events, i);
      g_autofree char *day = ov_date_to_iso (event->happened_on);

      g_string_append_printf (out, "%s%s:%s:%s", i ? " " : "", ov_stage_get_id (event->stage),
                              event->skipped ? "skip" : "enter", day);
    }

  return g_string_free (out, FALSE);
}

/* The tasks of @stage must be exactly the playbook's, due @entered + offset. */
static void
assert_generated (OvStore    *store,
                  gint64      account_id,
                  OvPlaybook *playbook,
                  OvStage     stage,
                  OvDate      entered)
{
  g_autoptr(GPtrArray) templates = ov_playbook_dup_tasks (playbook, stage);
  g_autoptr(GPtrArray) tasks = ov_store_list_tasks (store, account_id, stage, NULL);

  g_assert_cmpuint (tasks->len, ==, templates->len);
  for (guint i = 0; i < templates->len; i++)
    {
      OvPlaybookTask *template = g_ptr_array_index (templates, i);
      gboolean found = FALSE;

      for (guint j = 0; j < tasks->len && !found; j++)
        {
          OvTask *task = g_ptr_array_index (tasks, j);

          if (ov_task_get_playbook_task_id (task) != ov_playbook_task_get_id (template))
            continue;

          found = TRUE;
          g_assert_cmpstr (ov_task_get_title (task), ==, ov_playbook_task_get_title (template));
          g_assert_cmpstr (ov_task_get_description (task), ==,
                           ov_playbook_task_get_description (template));
          g_assert_cmpstr (ov_task_get_role (task), ==, ov_playbook_task_get_role (template));
          g_assert_cmpint (ov_task_get_due_date (task), ==,
                           entered + ov_playbook_task_get_day_offset (template));
          g_assert_cmpint (ov_task_get_assignee_id (task), ==, 0);
          g_assert_false (ov_task_is_done (task));
        }
      g_assert_true (found);
    }
}

static OvPlaybook *
default_playbook (OvStore *store)
{
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, NULL);

  g_assert_cmpuint (playbooks->len, >=, 1);
  g_assert_true (ov_playbook_get_is_default (g_ptr_array_index (playbooks, 0)));
  return g_object_ref (g_ptr_array_index (playbooks, 0));
}

static void
test_walk_all_stages (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) playbook = default_playbook (store);
  g_autoptr(OvAccount) account = jt_add_account (store, "Brightwater Energy", "Mid-Market",
                                                 OV_STAGE_EMBARK, jt_date ("2026-01-05"));
  g_autoptr(OvPerson) mei = NULL;
  g_autoptr(OvAccount) fresh = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = ov_account_get_id (account);
  OvStageTimeline timeline;

  mei = jt_add_person (store, id, OV_SIDE_INTERNAL, "Mei Chen", "mei@vendor.example",
                       "onboarding", "csm", NULL);

  complete (store, id, OV_STAGE_EMBARK, jt_date ("2026-02-01"));
  fresh = reload (store, account);
  g_assert_true (ov_account_get_stage (fresh) == OV_STAGE_HANDOFF);
  /* Facts from the Embark wizard are on the account now. */
  g_assert_cmpint (ov_account_get_date (fresh, OV_ACCOUNT_DATE_CLOSE), ==,
                   jt_date ("2026-02-01"));
  g_assert_cmpstr (ov_account_get_package (fresh), ==, "Premium Onboarding");
  g_clear_object (&fresh);
  assert_generated (store, id, playbook, OV_STAGE_HANDOFF, jt_date ("2026-02-01"));

  /* Generated tasks go to whoever holds their role. */
  tasks = ov_store_list_tasks (store, id, OV_STAGE_HANDOFF, &error);
  for (guint i = 0; i < tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (tasks, i);
      const char *role = ov_task_get_role (task);

      if (strcmp (role, "onboarding") == 0 || strcmp (role, "csm") == 0)
        g_assert_cmpstr (ov_task_get_assignee_name (task), ==, "Mei Chen");
      else
        g_assert_cmpstr (ov_task_get_assignee_name (task), ==, "");
    }
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Only stages entered get tasks. */
  tasks = ov_store_list_tasks (store, id, OV_STAGE_KICKOFF, &error);
  g_assert_cmpuint (tasks->len, ==, 0);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  complete (store, id, OV_STAGE_HANDOFF, jt_date ("2026-02-09"));
  assert_generated (store, id, playbook, OV_STAGE_KICKOFF, jt_date ("2026-02-09"));

  complete (store, id, OV_STAGE_KICKOFF, jt_date ("2026-02-20"));
  fresh = reload (store, account);
  g_assert_cmpint (ov_account_get_date (fresh, OV_ACCOUNT_DATE_KICKOFF), ==,
                   jt_date ("2026-02-12"));
  g_assert_cmpstr (ov_account_get_first_value_milestone (fresh), ==, "First weekly report");
  g_clear_object (&fresh);
  assert_generated (store, id, playbook, OV_STAGE_ADOPT, jt_date ("2026-02-20"));

  complete (store, id, OV_STAGE_ADOPT, jt_date ("2026-04-10"));
  fresh = reload (store, account);
  g_assert_cmpint (ov_account_get_date (fresh, OV_ACCOUNT_DATE_GOLIVE), ==,
                   jt_date ("2026-03-20"));
  g_assert_cmpint (ov_account_get_date (fresh, OV_ACCOUNT_DATE_FIRST_VALUE), ==,
                   jt_date ("2026-04-02"));
  g_assert_cmpint (ov_account_get_ttfv_days (fresh), ==, 60);
  g_clear_object (&fresh);

  complete (store, id, OV_STAGE_REVIEW, jt_date ("2026-05-01"));
  assert_generated (store, id, playbook, OV_STAGE_EXPAND, jt_date ("2026-05-01"));
  fresh = reload (store, account);
  g_assert_true (ov_account_get_stage (fresh) == OV_STAGE_EXPAND);
  g_clear_object (&fresh);

  events = events_text (store, id);
  g_assert_cmpstr (events, ==,
                   "embark:enter:2026-01-05 handoff:enter:2026-02-01 kickoff:enter:2026-02-09 "
                   "adopt:enter:2026-02-20 review:enter:2026-04-10 expand:enter:2026-05-01");

  /* Expand is the end of the road. */
  before = jt_dump (store);
  g_assert_false (ov_store_complete_stage (store, id, OV_STAGE_EXPAND, NULL,
                                           jt_date ("2026-06-01"), &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_LAST_STAGE);
  g_assert_cmpstr (error->message, ==, "Expand is the last stage: there is no stage after it. "
                                       "The account stays in Expand as long as it is a "
                                       "customer.");
  g_clear_error (&error);
  g_assert_false (ov_store_skip_stage (store, id, OV_STAGE_EXPAND, jt_date ("2026-06-01"),
                                       NULL, &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_LAST_STAGE);
  g_clear_error (&error);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Days in each stage; the current one runs to the given day. */
  g_assert_true (ov_store_get_stage_timeline (store, id, jt_date ("2026-06-01"), &timeline,
                                              &error));
  g_assert_no_error (error);
  {
    const int days[OV_N_STAGES] = { 27, 8, 11, 49, 21, 31 };
    const char *entered[OV_N_STAGES] = {
      "2026-01-05", "2026-02-01", "2026-02-09", "2026-02-20", "2026-04-10", "2026-05-01"
    };

    for (int i = 0; i < OV_N_STAGES; i++)
      {
        OvStageSpan *span = &timeline.spans[i];

        g_assert_cmpint (span->stage, ==, i + 1);
        g_assert_cmpint (span->days, ==, days[i]);
        g_assert_cmpint (span->entered, ==, jt_date (entered[i]));
        g_assert_false (span->skipped);
        g_assert_true (span->current == (i == OV_N_STAGES - 1));
        if (i < OV_N_STAGES - 1)
          g_assert_cmpint (span->left, ==, jt_date (entered[i + 1]));
        else
          g_assert_cmpint (span->left, ==, OV_DATE_NONE);
      }
  }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* An account moved back to a stage it left: the stage's days count every
 * visit, and the current visit began with the latest entry (what the
 * account page and the accounts table show as days in stage). */
static void
test_timeline_back_again (void)
{
  OvStageEvent events[] = {
    { .stage = OV_STAGE_KICKOFF, .happened_on = jt_date ("2026-03-01") },
    { .stage = OV_STAGE_ADOPT, .from_stage = OV_STAGE_KICKOFF,
      .happened_on = jt_date ("2026-03-10") },
    { .stage = OV_STAGE_KICKOFF, .from_stage = OV_STAGE_ADOPT,
      .happened_on = jt_date ("2026-03-20") },
  };
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  OvStageTimeline timeline;
  const OvStageSpan *kickoff = &timeline.spans[OV_STAGE_KICKOFF - 1];
  const OvStageSpan *adopt = &timeline.spans[OV_STAGE_ADOPT - 1];

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    g_ptr_array_add (list, &events[i]);
  ov_stage_timeline_fill (&timeline, list, OV_STAGE_KICKOFF, jt_date ("2026-03-31"));

  g_assert_true (kickoff->current);
  g_assert_cmpint (kickoff->days, ==, 9 + 11);
  g_assert_cmpint (kickoff->entered, ==, jt_date ("2026-03-01"));
  g_assert_cmpint (kickoff->since, ==, jt_date ("2026-03-20"));
  g_assert_false (adopt->current);
  g_assert_cmpint (adopt->days, ==, 10);
  g_assert_cmpint (adopt->since, ==, OV_DATE_NONE);

  /* Without any event, the stage is current since a day nobody knows. */
  g_ptr_array_set_size (list, 0);
  ov_stage_timeline_fill (&timeline, list, OV_STAGE_ADOPT, jt_date ("2026-03-31"));
  g_assert_true (adopt->current);
  g_assert_cmpint (adopt->since, ==, OV_DATE_NONE);
}

static void
test_refusals (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Granite Capital", "",
                                                 OV_STAGE_HANDOFF, jt_date ("2026-02-01"));
  g_autoptr(OvStageAnswers) answers = NULL;
  g_autoptr(OvStageAnswers) kickoff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = ov_account_get_id (account);

  ov_account_set_date (account, OV_ACCOUNT_DATE_CLOSE, jt_date ("2026-02-01"));
  g_assert_true (ov_store_save_account (store, account, &error));
  before = jt_dump (store);

  /* Not the stage it is in. */
  g_assert_false (ov_store_complete_stage (store, id, OV_STAGE_KICKOFF, NULL,
                                           jt_date ("2026-02-10"), &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_STAGE);
  g_assert_cmpstr (error->message, ==, "“Granite Capital” is in Handoff now, not in Kickoff; "
                                       "it may have been moved meanwhile.");
  g_clear_error (&error);

  /* Before the stage began. */
  answers = answers_for (store, id, OV_STAGE_HANDOFF, jt_date ("2026-01-31"));
  g_assert_false (ov_store_complete_stage (store, id, OV_STAGE_HANDOFF, answers,
                                           jt_date ("2026-01-31"), &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_DATE);
  g_assert_cmpstr (error->message, ==, "Date: 2026-01-31 is before the account entered Handoff "
                                       "on 2026-02-01.");
  g_clear_error (&error);
  g_assert_false (ov_store_skip_stage (store, id, OV_STAGE_HANDOFF, jt_date ("2026-01-31"),
                                       NULL, &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_DATE);
  g_clear_error (&error);

  /* The wizard is not finished: its message, and its changes stay unsaved. */
  ov_stage_answers_set_list (answers, "goals", NULL);
  g_assert_true (ov_stage_answers_get_modified (answers));
  g_assert_false (ov_store_complete_stage (store, id, OV_STAGE_HANDOFF, answers,
                                           jt_date ("2026-02-10"), &error));
  g_assert_error (error, OV_WIZARD_ERROR, OV_WIZARD_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "Customer goals: add at least one item.");
  g_assert_true (ov_stage_answers_get_modified (answers));
  g_clear_error (&error);

  /* Stored answers are used when none are given: none stored, refused. */
  g_assert_false (ov_store_complete_stage (store, id, OV_STAGE_HANDOFF, NULL,
                                           jt_date ("2026-02-10"), &error));
  g_assert_error (error, OV_WIZARD_ERROR, OV_WIZARD_ERROR_REQUIRED);
  g_clear_error (&error);

  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Facts that break the account's own rules stop the move. */
  complete (store, id, OV_STAGE_HANDOFF, jt_date ("2026-02-10"));
  g_free (before);
  before = jt_dump (store);
  kickoff = answers_for (store, id, OV_STAGE_KICKOFF, jt_date ("2026-02-20"));
  ov_stage_answers_set_date (kickoff, "kickoff_date", jt_date ("2026-01-20"));
  g_assert_false (ov_store_complete_stage (store, id, OV_STAGE_KICKOFF, kickoff,
                                           jt_date ("2026-02-20"), &error));
  g_assert_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE_ORDER);
  g_assert_cmpstr (error->message, ==, "Kickoff date: 2026-01-20 is before the close date "
                                       "2026-02-01.");
  g_clear_error (&error);
  g_free (after);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* A churned account's journey is over. (The copy read before the moves
   * above is stale: it is read again, as a saved edit must start from.) */
  g_clear_object (&account);
  account = ov_store_get_account (store, id, &error);
  g_assert_no_error (error);
  ov_account_set_status (account, OV_ACCOUNT_STATUS_CHURNED);
  ov_account_set_stage (account, OV_STAGE_KICKOFF);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_free (before);
  before = jt_dump (store);
  ov_stage_answers_set_date (kickoff, "kickoff_date", jt_date ("2026-02-12"));
  g_assert_false (ov_store_complete_stage (store, id, OV_STAGE_KICKOFF, kickoff,
                                           jt_date ("2026-02-20"), &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_CHURNED);
  g_assert_cmpstr (error->message, ==, "“Granite Capital” has churned, so its journey has "
                                       "ended. Set its status back to active to move it on.");
  g_clear_error (&error);
  g_assert_false (ov_store_skip_stage (store, id, OV_STAGE_KICKOFF, jt_date ("2026-02-20"),
                                       NULL, &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_CHURNED);
  g_clear_error (&error);

  /* No such account. */
  g_assert_false (ov_store_skip_stage (store, 31337, OV_STAGE_KICKOFF, jt_date ("2026-02-20"),
                                       NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (after);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_skip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) playbook = default_playbook (store);
  g_autoptr(OvAccount) account = jt_add_account (store, "Foxglove Pharma", "",
                                                 OV_STAGE_KICKOFF, jt_date ("2026-03-01"));
  g_autoptr(OvAccount) fresh = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  gint64 id = ov_account_get_id (account);
  OvStageTimeline timeline;

  g_assert_true (ov_store_skip_stage (store, id, OV_STAGE_KICKOFF, jt_date ("2026-03-05"),
                                      "The customer ran its own kickoff", &error));
  g_assert_no_error (error);

  fresh = reload (store, account);
  g_assert_true (ov_account_get_stage (fresh) == OV_STAGE_ADOPT);
  events = events_text (store, id);
  g_assert_cmpstr (events, ==, "kickoff:enter:2026-03-01 kickoff:skip:2026-03-05 "
                               "adopt:enter:2026-03-05");
  list = ov_store_list_stage_events (store, id, NULL);
  g_assert_cmpstr (((OvStageEvent *)g_ptr_array_index (list, 1))->note, ==,
                   "The customer ran its own kickoff");

  /* The next stage gets its tasks; the wizard was not needed. */
  assert_generated (store, id, playbook, OV_STAGE_ADOPT, jt_date ("2026-03-05"));

  g_assert_true (ov_store_get_stage_timeline (store, id, jt_date ("2026-03-15"), &timeline,
                                              &error));
  g_assert_true (timeline.spans[OV_STAGE_KICKOFF - 1].skipped);
  g_assert_cmpint (timeline.spans[OV_STAGE_KICKOFF - 1].days, ==, 4);
  g_assert_cmpint (timeline.spans[OV_STAGE_KICKOFF - 1].left, ==, jt_date ("2026-03-05"));
  g_assert_false (timeline.spans[OV_STAGE_KICKOFF - 1].current);
  g_assert_false (timeline.spans[OV_STAGE_ADOPT - 1].skipped);
  g_assert_true (timeline.spans[OV_STAGE_ADOPT - 1].current);
  g_assert_cmpint (timeline.spans[OV_STAGE_ADOPT - 1].days, ==, 10);
  g_assert_cmpint (timeline.spans[OV_STAGE_ADOPT - 1].since, ==, jt_date ("2026-03-05"));
  g_assert_cmpint (timeline.spans[OV_STAGE_KICKOFF - 1].since, ==, OV_DATE_NONE);
  /* Stages never reached. */
  g_assert_cmpint (timeline.spans[OV_STAGE_EMBARK - 1].days, ==, -1);
  g_assert_cmpint (timeline.spans[OV_STAGE_EMBARK - 1].entered, ==, OV_DATE_NONE);
  g_assert_cmpint (timeline.spans[OV_STAGE_REVIEW - 1].days, ==, -1);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_custom_playbook_offsets (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) playbook = ov_playbook_new ("Fast track");
  g_autoptr(OvAccount) account = jt_add_account (store, "Summit Software", "SMB",
                                                 OV_STAGE_KICKOFF, jt_date ("2026-05-20"));
  g_autoptr(OvPerson) admin = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = ov_account_get_id (account);
  struct { const char *title; const char *role; int offset; } expected[] = {
    { "Switch it on", "services", 0 },
    { "Invite everyone", "admin", 3 },
    { "Check who logs in", "csm", 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(OvPlaybookTask) task = ov_playbook_task_new (OV_STAGE_ADOPT, expected[i].title,
                                                             "", expected[i].role,
                                                             expected[i].offset);
      ov_playbook_add_task (playbook, task);
    }
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  g_assert_true (ov_store_set_account_playbook (store, id, ov_playbook_get_id (playbook),
                                                &error));
  admin = jt_add_person (store, id, OV_SIDE_CUSTOMER, "Ines Duarte", "ines@summit.example",
                         "admin", "champion", NULL);

  complete (store, id, OV_STAGE_KICKOFF, jt_date ("2026-06-01"));

  tasks = ov_store_list_tasks (store, id, OV_STAGE_ADOPT, &error);
  g_assert_cmpuint (tasks->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      OvTask *task = g_ptr_array_index (tasks, i);

      g_assert_cmpstr (ov_task_get_title (task), ==, expected[i].title);
      g_assert_cmpstr (ov_task_get_role (task), ==, expected[i].role);
      g_assert_cmpint (ov_task_get_due_date (task), ==,
                       jt_date ("2026-06-01") + expected[i].offset);
      g_assert_cmpstr (ov_task_get_account_name (task), ==, "Summit Software");
    }
  g_assert_cmpint (ov_task_get_due_date (g_ptr_array_index (tasks, 2)), ==,
                   jt_date ("2026-06-11"));
  g_assert_cmpstr (ov_task_get_assignee_name (g_ptr_array_index (tasks, 1)), ==, "Ines Duarte");
  g_assert_cmpstr (ov_task_get_assignee_name (g_ptr_array_index (tasks, 2)), ==, "");

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_no_duplicates (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) playbook = default_playbook (store);
  g_autoptr(OvAccount) account = jt_add_account (store, "Thistle Hotels", "",
                                                 OV_STAGE_KICKOFF, jt_date ("2026-07-01"));
  g_autoptr(GPtrArray) templates = ov_playbook_dup_tasks (playbook, OV_STAGE_ADOPT);
  g_autoptr(OvTask) manual = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = ov_account_get_id (account);
  guint n_created = 99;

  /* Entering by hand, twice: the second time creates nothing. */
  g_assert_true (ov_store_create_stage_tasks (store, id, OV_STAGE_KICKOFF, jt_date ("2026-07-01"),
                                              &n_created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_created, ==, ov_playbook_get_n_tasks (playbook, OV_STAGE_KICKOFF));
  g_assert_true (ov_store_create_stage_tasks (store, id, OV_STAGE_KICKOFF, jt_date ("2026-07-03"),
                                              &n_created, &error));
  g_assert_cmpuint (n_created, ==, 0);
  assert_generated (store, id, playbook, OV_STAGE_KICKOFF, jt_date ("2026-07-01"));

  /* A task someone already added by hand for the next stage counts too. */
  manual = ov_task_new (id, OV_STAGE_ADOPT,
                        ov_playbook_task_get_title (g_ptr_array_index (templates, 0)));
  g_assert_true (ov_store_add_task (store, manual, &error));

  complete (store, id, OV_STAGE_KICKOFF, jt_date ("2026-07-10"));
  tasks = ov_store_list_tasks (store, id, OV_STAGE_ADOPT, &error);
  g_assert_cmpuint (tasks->len, ==, templates->len);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Sent back to Kickoff and completed again: Adopt is not filled twice. */
  g_setenv ("OVERTURE_TODAY", "2026-07-12", TRUE);
  g_clear_object (&account);
  account = ov_store_get_account (store, id, &error);
  g_assert_no_error (error);
  ov_account_set_stage (account, OV_STAGE_KICKOFF);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_unsetenv ("OVERTURE_TODAY");
  complete (store, id, OV_STAGE_KICKOFF, jt_date ("2026-07-14"));
  tasks = ov_store_list_tasks (store, id, OV_STAGE_ADOPT, &error);
  g_assert_cmpuint (tasks->len, ==, templates->len);
  g_clear_pointer (&tasks, g_ptr_array_unref);

  /* Completing with the stored answers (none given). */
  {
    g_autoptr(OvStageAnswers) adopt = answers_for (store, id, OV_STAGE_ADOPT,
                                                   jt_date ("2026-09-01"));
    g_autoptr(OvAccount) fresh = NULL;

    g_assert_true (ov_store_save_answers (store, adopt, &error));
    g_assert_true (ov_store_complete_stage (store, id, OV_STAGE_ADOPT, NULL,
                                            jt_date ("2026-09-01"), &error));
    g_assert_no_error (error);
    fresh = reload (store, account);
    g_assert_true (ov_account_get_stage (fresh) == OV_STAGE_REVIEW);
    g_assert_cmpint (ov_account_get_date (fresh, OV_ACCOUNT_DATE_GOLIVE), ==,
                     jt_date ("2026-08-11"));
  }

  /* The timeline adds up both visits to Kickoff. */
  {
    OvStageTimeline timeline;

    g_assert_true (ov_store_get_stage_timeline (store, id, jt_date ("2026-09-05"), &timeline,
                                                &error));
    g_assert_cmpint (timeline.spans[OV_STAGE_KICKOFF - 1].entered, ==, jt_date ("2026-07-01"));
    g_assert_cmpint (timeline.spans[OV_STAGE_KICKOFF - 1].days, ==, 9 + 2);
    g_assert_cmpint (timeline.spans[OV_STAGE_ADOPT - 1].days, ==, 2 + 49);
    g_assert_cmpint (timeline.spans[OV_STAGE_REVIEW - 1].days, ==, 4);
  }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/transitions/walk-all-stages", test_walk_all_stages);
  g_test_add_func ("/transitions/refusals", test_refusals);
  g_test_add_func ("/transitions/skip", test_skip);
  g_test_add_func ("/transitions/timeline-back-again", test_timeline_back_again);
  g_test_add_func ("/transitions/custom-playbook-offsets", test_custom_playbook_offsets);
  g_test_add_func ("/transitions/no-duplicates", test_no_duplicates);

  return g_test_run ();
}
