/* test-completion.c — completing a stage with open tasks: close them, move
 * them on or leave them open, in one transaction, and Undo that puts back
 * the stage, the event and the tasks exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journey-test-support.h"

typedef struct
{
  char       *dir;
  OvStore    *store;
  OvAccount  *account;
  gint64      id;
  /* The Kickoff tasks by their playbook titles. */
  gint64      agenda, meeting, milestone, summary, access;
} Fixture;

static gint64
task_titled (GPtrArray  *tasks,
             const char *title)
{
  for (guint i = 0; i < tasks->len; i++)
    if (g_strcmp0 (ov_task_get_title (g_ptr_array_index (tasks, i)), title) == 0)
      return ov_task_get_id (g_ptr_array_index (tasks, i));

  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(OvStageAnswers) answers = NULL;
  g_autoptr(GError) error = NULL;

  f->store = ov_test_new_store (&f->dir);
  f->account = jt_add_account (f->store, "Lindqvist Marine", "Enterprise", OV_STAGE_KICKOFF,
                               jt_date ("2026-03-02"));
  f->id = ov_account_get_id (f->account);
  g_assert_true (ov_store_create_stage_tasks (f->store, f->id, OV_STAGE_KICKOFF,
                                              jt_date ("2026-03-02"), NULL, &error));
  g_assert_no_error (error);

  tasks = ov_store_list_tasks (f->store, f->id, OV_STAGE_KICKOFF, &error);
  g_assert_cmpuint (tasks->len, ==, 5);
  f->agenda = task_titled (tasks, "Prepare the kickoff agenda");
  f->meeting = task_titled (tasks, "Run the kickoff meeting");
  f->milestone = task_titled (tasks, "Agree on the first-value milestone");
  f->summary = task_titled (tasks, "Share the kickoff summary");
  f->access = task_titled (tasks, "Provide system access and data samples");

  /* Stored beforehand, so that completing saves nothing new of them. */
  answers = ov_store_load_answers (f->store, f->id, OV_STAGE_KICKOFF, &error);
  ov_stage_answers_set_date (answers, "kickoff_date", jt_date ("2026-03-05"));
  ov_stage_answers_set_date (answers, "target_golive_date", jt_date ("2026-05-15"));
  ov_stage_answers_set_text (answers, "first_value_milestone", "First voyage planned");
  ov_stage_answers_set_date (answers, "first_value_target_date", jt_date ("2026-06-01"));
  g_assert_true (ov_store_save_answers (f->store, answers, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->account);
  g_clear_object (&f->store);
  ov_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Every row a completion and its Undo touch, but the versions. */
static char *
journey_rows (OvStore *store)
{
  static const char * const queries[] = {
    "SELECT id, stage, status, deleted_at FROM accounts ORDER BY id",
    "SELECT * FROM stage_events ORDER BY id",
    "SELECT id, account_id, stage, title, description, role, assignee_id, due_date, done_date, "
    "playbook_task_id, created_at, updated_at, import_batch_id FROM tasks ORDER BY id",
  };

  return jt_dump_rows (store, queries, G_N_ELEMENTS (queries));
}

static OvTask *
get_task (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  OvTask *task = ov_store_get_task (f->store, id, &error);

  g_assert_no_error (error);
  return task;
}

static OvStage
stored_stage (Fixture *f)
{
  g_autoptr(OvAccount) account = ov_store_get_account (f->store, f->id, NULL);

  return ov_account_get_stage (account);
}

static void
test_each_choice (Fixture       *f,
                  gconstpointer  data)
{
  const OvTaskChoice choices[] = {
    { f->meeting, OV_OPEN_TASK_CLOSE },
    { f->summary, OV_OPEN_TASK_MOVE_ON },
    { f->access, OV_OPEN_TASK_LEAVE },
  };
  g_autoptr(OvStageCompletion) completion = NULL;
  g_autoptr(OvTask) meeting_before = get_task (f, f->meeting);
  g_autoptr(OvTask) summary_before = get_task (f, f->summary);
  g_autoptr(OvTask) task = NULL;
  g_autoptr(GPtrArray) adopt = NULL;
  g_autoptr(GPtrArray) kickoff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = journey_rows (f->store);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (ov_store_complete_stage_with_tasks (f->store, f->id, OV_STAGE_KICKOFF, NULL,
                                                     jt_date ("2026-03-20"), choices,
                                                     G_N_ELEMENTS (choices), &completion,
                                                     &error));
  g_assert_no_error (error);
  g_assert_nonnull (completion);
  g_assert_cmpuint (ov_stage_completion_get_n_closed (completion), ==, 1);
  g_assert_cmpuint (ov_stage_completion_get_n_moved (completion), ==, 1);
  g_assert_cmpint (stored_stage (f), ==, OV_STAGE_ADOPT);

  /* Closed: done on the completion date, still in Kickoff. */
  task = get_task (f, f->meeting);
  g_assert_cmpint (ov_task_get_done_date (task), ==, jt_date ("2026-03-20"));
  g_assert_cmpint (ov_task_get_stage (task), ==, OV_STAGE_KICKOFF);
  g_assert_cmpint (ov_task_get_version (task), ==, ov_task_get_version (meeting_before) + 1);
  g_clear_object (&task);

  /* Moved on: open in Adopt, due when it was (day 4 of Kickoff). */
  task = get_task (f, f->summary);
  g_assert_false (ov_task_is_done (task));
  g_assert_cmpint (ov_task_get_stage (task), ==, OV_STAGE_ADOPT);
  g_assert_cmpint (ov_task_get_due_date (task), ==, jt_date ("2026-03-06"));
  g_assert_cmpint (ov_task_get_version (task), ==, ov_task_get_version (summary_before) + 1);
  g_clear_object (&task);

  /* Left open, named or not: open in Kickoff. */
  kickoff = ov_store_list_tasks (f->store, f->id, OV_STAGE_KICKOFF, &error);
  g_assert_cmpuint (kickoff->len, ==, 4);
  for (guint i = 0; i < kickoff->len; i++)
    {
      OvTask *left = g_ptr_array_index (kickoff, i);

      g_assert_cmpint (ov_task_is_done (left), ==, ov_task_get_id (left) == f->meeting);
    }

  /* Adopt has its eight playbook tasks and the one moved on. */
  adopt = ov_store_list_tasks (f->store, f->id, OV_STAGE_ADOPT, &error);
  g_assert_cmpuint (adopt->len, ==, 8 + 1);

  after = journey_rows (f->store);
  g_assert_cmpstr (after, !=, before);

  /* Undo: the stage, the event and the tasks as they were. */
  g_assert_true (ov_store_undo_stage_completion (f->store, completion, &error));
  g_assert_no_error (error);
  undone = journey_rows (f->store);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpint (stored_stage (f), ==, OV_STAGE_KICKOFF);

  /* Versions move on: a copy read before Undo cannot overwrite it. */
  task = get_task (f, f->meeting);
  g_assert_cmpint (ov_task_get_version (task), ==, ov_task_get_version (meeting_before) + 2);
  g_clear_object (&task);

  /* Twice is refused and changes nothing. */
  g_assert_false (ov_store_undo_stage_completion (f->store, completion, &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_UNDO);
  g_assert_cmpstr (error->message, ==, "“Lindqvist Marine” is no longer in Adopt, so completing "
                                       "Kickoff cannot be undone.");
  g_clear_pointer (&undone, g_free);
  undone = journey_rows (f->store);
  g_assert_cmpstr (undone, ==, before);
}

/* Everything closed, or everything moved on; without choices, all stay. */
static void
test_all_alike (Fixture       *f,
                gconstpointer  data)
{
  OvOpenTaskChoice choice = GPOINTER_TO_INT (data);
  const OvTaskChoice choices[] = {
    { f->agenda, choice }, { f->meeting, choice }, { f->milestone, choice },
    { f->summary, choice }, { f->access, choice },
  };
  g_autoptr(OvStageCompletion) completion = NULL;
  g_autoptr(GPtrArray) kickoff = NULL;
  g_autoptr(GPtrArray) adopt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = journey_rows (f->store);
  g_autofree char *undone = NULL;
  guint n_open = 0;

  g_assert_true (ov_store_complete_stage_with_tasks (f->store, f->id, OV_STAGE_KICKOFF, NULL,
                                                     jt_date ("2026-03-20"), choices,
                                                     G_N_ELEMENTS (choices), &completion,
                                                     &error));
  g_assert_no_error (error);

  kickoff = ov_store_list_tasks (f->store, f->id, OV_STAGE_KICKOFF, &error);
  adopt = ov_store_list_tasks (f->store, f->id, OV_STAGE_ADOPT, &error);
  for (guint i = 0; i < kickoff->len; i++)
    n_open += !ov_task_is_done (g_ptr_array_index (kickoff, i));

  switch (choice)
    {
    case OV_OPEN_TASK_CLOSE:
      g_assert_cmpuint (kickoff->len, ==, 5);
      g_assert_cmpuint (n_open, ==, 0);
      g_assert_cmpuint (adopt->len, ==, 8);
      g_assert_cmpuint (ov_stage_completion_get_n_closed (completion), ==, 5);
      break;
    case OV_OPEN_TASK_MOVE_ON:
      g_assert_cmpuint (kickoff->len, ==, 0);
      g_assert_cmpuint (adopt->len, ==, 8 + 5);
      g_assert_cmpuint (ov_stage_completion_get_n_moved (completion), ==, 5);
      break;
    case OV_OPEN_TASK_LEAVE:
    default:
      g_assert_cmpuint (kickoff->len, ==, 5);
      g_assert_cmpuint (n_open, ==, 5);
      g_assert_cmpuint (adopt->len, ==, 8);
      g_assert_cmpuint (ov_stage_completion_get_n_closed (completion), ==, 0);
      g_assert_cmpuint (ov_stage_completion_get_n_moved (completion), ==, 0);
      break;
    }

  g_assert_true (ov_store_undo_stage_completion (f->store, completion, &error));
  g_assert_no_error (error);
  undone = journey_rows (f->store);
  g_assert_cmpstr (undone, ==, before);
}

static void
assert_refused (Fixture            *f,
                const OvTaskChoice *choices,
                guint               n_choices,
                const char         *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = jt_dump (f->store);
  g_autofree char *after = NULL;
  OvStageCompletion *completion = NULL;

  g_assert_false (ov_store_complete_stage_with_tasks (f->store, f->id, OV_STAGE_KICKOFF, NULL,
                                                      jt_date ("2026-03-20"), choices, n_choices,
                                                      &completion, &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_TASK);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (completion);
  after = jt_dump (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_choices (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(OvAccount) other = jt_add_account (f->store, "Other", "", OV_STAGE_KICKOFF,
                                               jt_date ("2026-03-02"));
  g_autoptr(OvTask) done = get_task (f, f->agenda);
  g_autoptr(OvTask) foreign = ov_task_new (ov_account_get_id (other), OV_STAGE_KICKOFF, "Theirs");
  g_autoptr(OvTask) earlier = ov_task_new (f->id, OV_STAGE_HANDOFF, "From Handoff");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_true (ov_store_add_task (f->store, foreign, &error));
  g_assert_true (ov_store_add_task (f->store, earlier, &error));
  g_assert_true (ov_store_set_task_done (f->store, done, jt_date ("2026-03-03"), &error));
  g_assert_no_error (error);

  message = g_strdup_printf ("Task %" G_GINT64_FORMAT " is not an open task of Kickoff for "
                             "“Lindqvist Marine”: the account has no such task. Nothing was "
                             "changed.", ov_task_get_id (foreign));
  assert_refused (f, (OvTaskChoice[]) { { f->meeting, OV_OPEN_TASK_CLOSE },
                                        { ov_task_get_id (foreign), OV_OPEN_TASK_CLOSE } }, 2,
                  message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("Task %" G_GINT64_FORMAT " is not an open task of Kickoff for "
                             "“Lindqvist Marine”: it belongs to another stage. Nothing was "
                             "changed.", ov_task_get_id (earlier));
  assert_refused (f, (OvTaskChoice[]) { { ov_task_get_id (earlier), OV_OPEN_TASK_MOVE_ON } }, 1,
                  message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("Task %" G_GINT64_FORMAT " is not an open task of Kickoff for "
                             "“Lindqvist Marine”: it is done already. Nothing was changed.",
                             f->agenda);
  assert_refused (f, (OvTaskChoice[]) { { f->agenda, OV_OPEN_TASK_CLOSE } }, 1, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("Task %" G_GINT64_FORMAT " is not an open task of Kickoff for "
                             "“Lindqvist Marine”: it is named twice. Nothing was changed.",
                             f->meeting);
  assert_refused (f, (OvTaskChoice[]) { { f->meeting, OV_OPEN_TASK_CLOSE },
                                        { f->meeting, OV_OPEN_TASK_MOVE_ON } }, 2, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("Task %" G_GINT64_FORMAT " is not an open task of Kickoff for "
                             "“Lindqvist Marine”: the choice for it is unknown. Nothing was "
                             "changed.", f->meeting);
  assert_refused (f, (OvTaskChoice[]) { { f->meeting, (OvOpenTaskChoice)7 } }, 1, message);
}

/* A task changed after the completion is not overwritten by Undo. */
static void
test_undo_after_change (Fixture       *f,
                        gconstpointer  data)
{
  const OvTaskChoice choices[] = { { f->summary, OV_OPEN_TASK_MOVE_ON } };
  g_autoptr(OvStageCompletion) completion = NULL;
  g_autoptr(OvTask) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (ov_store_complete_stage_with_tasks (f->store, f->id, OV_STAGE_KICKOFF, NULL,
                                                     jt_date ("2026-03-20"), choices, 1,
                                                     &completion, &error));
  g_assert_no_error (error);

  moved = get_task (f, f->summary);
  ov_task_set_title (moved, "Share the kickoff summary with the board");
  g_assert_true (ov_store_update_task (f->store, moved, &error));
  g_assert_no_error (error);

  before = jt_dump (f->store);
  g_assert_false (ov_store_undo_stage_completion (f->store, completion, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  after = jt_dump (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (stored_stage (f), ==, OV_STAGE_ADOPT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/completion/each-choice", Fixture, NULL, fixture_set_up, test_each_choice,
              fixture_tear_down);
  g_test_add ("/completion/close-all", Fixture, GINT_TO_POINTER (OV_OPEN_TASK_CLOSE),
              fixture_set_up, test_all_alike, fixture_tear_down);
  g_test_add ("/completion/move-all", Fixture, GINT_TO_POINTER (OV_OPEN_TASK_MOVE_ON),
              fixture_set_up, test_all_alike, fixture_tear_down);
  g_test_add ("/completion/leave-all", Fixture, GINT_TO_POINTER (OV_OPEN_TASK_LEAVE),
              fixture_set_up, test_all_alike, fixture_tear_down);
  g_test_add ("/completion/bad-choices", Fixture, NULL, fixture_set_up, test_bad_choices,
              fixture_tear_down);
  g_test_add ("/completion/undo-after-change", Fixture, NULL, fixture_set_up,
              test_undo_after_change, fixture_tear_down);

  return g_test_run ();
}
