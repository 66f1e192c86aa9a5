/* test-journey-sample.c — the sample portfolio's people, tasks and answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "journey-test-support.h"
#include "ov-store-private.h"

#define TODAY "2026-11-23"

static OvStore *
generate (guint        n_accounts,
          guint32      seed,
          char       **dir)
{
  g_autoptr(GError) error = NULL;
  OvStore *store = ov_test_new_store (dir);

  g_assert_true (ov_sample_generate (store, n_accounts, seed, jt_date (TODAY), &error));
  g_assert_no_error (error);
  return store;
}

static int
append_row (void  *data,
            int    n_columns,
            char **values,
            char **names)
{
  GString *out = data;

  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", values[i] ? values[i] : "∅");
  g_string_append_c (out, '\n');
  return 0;
}

/* The journey rows without the wall-clock timestamps of their writing. */
static char *
journey_rows (OvStore *store)
{
  static const char * const queries[] = {
    "SELECT id, account_id, name, email, side FROM people ORDER BY id",
    "SELECT person_id, role FROM person_roles ORDER BY person_id, role",
    "SELECT id, account_id, stage, title, description, role, assignee_id, due_date, "
    "done_date, playbook_task_id FROM tasks ORDER BY id",
    "SELECT account_id, stage, field, value FROM stage_answers "
    "ORDER BY account_id, stage, field",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      char *message = NULL;

      sqlite3_exec (ov_store_get_db (store), queries[i], append_row, out, &message);
      g_assert_null (message);
    }

  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autofree char *dir_c = NULL;
  g_autoptr(OvStore) a = generate (120, 2026, &dir_a);
  g_autoptr(OvStore) b = generate (120, 2026, &dir_b);
  g_autoptr(OvStore) c = generate (120, 7, &dir_c);
  g_autofree char *rows_a = journey_rows (a);
  g_autofree char *rows_b = journey_rows (b);
  g_autofree char *rows_c = journey_rows (c);

  g_assert_cmpuint (strlen (rows_a), >, 10000);
  g_assert_cmpstr (rows_a, ==, rows_b);
  g_assert_cmpstr (rows_a, !=, rows_c);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  ov_test_remove_dir (dir_a);
  ov_test_remove_dir (dir_b);
  ov_test_remove_dir (dir_c);
}

static gboolean
has_role (GPtrArray  *people,
          const char *role,
          const char *name)
{
  for (guint i = 0; i < people->len; i++)
    {
      OvPerson *person = g_ptr_array_index (people, i);

      if (ov_person_has_role (person, role) &&
          (name == NULL || strcmp (ov_person_get_name (person), name) == 0))
        return TRUE;
    }

  return FALSE;
}

static void
test_living_portfolio (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = generate (200, 2026, &dir);
  g_autoptr(GPtrArray) accounts = ov_store_list_accounts (store, NULL);
  g_autoptr(OvPlaybook) playbook = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GError) error = NULL;
  OvDate today = jt_date (TODAY);
  guint answered_stages = 0;
  guint n_trained = 0;

  {
    g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, NULL);

    playbook = g_object_ref (g_ptr_array_index (playbooks, 0));
    g_assert_true (ov_playbook_get_is_default (playbook));
  }

  g_assert_cmpuint (accounts->len, ==, 200);
  for (guint i = 0; i < accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (accounts, i);
      gint64 id = ov_account_get_id (account);
      OvStage current = ov_account_get_stage (account);
      g_autoptr(GPtrArray) people = ov_store_list_people (store, id, &error);
      g_autoptr(GPtrArray) events = ov_store_list_stage_events (store, id, &error);

      /* Internal roles with the account's own owners; customer roles. */
      g_assert_true (has_role (people, "onboarding", ov_account_get_owner (account)));
      g_assert_true (has_role (people, "csm", ov_account_get_owner (account)));
      g_assert_true (has_role (people, "sales", ov_account_get_sales_owner (account)));
      g_assert_true (has_role (people, "sponsor", NULL));
      g_assert_true (has_role (people, "champion", NULL));
      g_assert_true (has_role (people, "admin", NULL));
      for (guint p = 0; p < people->len; p++)
        g_assert_true (ov_person_validate (g_ptr_array_index (people, p), NULL));

      /* The playbook's tasks for each stage reached, due from its entry. */
      for (guint e = 0; e < events->len; e++)
        {
          const OvStageEvent *event = g_ptr_array_index (events, e);
          g_autoptr(GPtrArray) tasks = ov_store_list_tasks (store, id, event->stage, &error);
          g_autoptr(GPtrArray) templates = ov_playbook_dup_tasks (playbook, event->stage);

          g_assert_cmpuint (tasks->len, ==, templates->len);
          for (guint t = 0; t < tasks->len; t++)
            {
              OvTask *task = g_ptr_array_index (tasks, t);
              OvPlaybookTask *template = NULL;

              for (guint k = 0; k < templates->len; k++)
                {
                  if (ov_playbook_task_get_id (g_ptr_array_index (templates, k)) ==
                      ov_task_get_playbook_task_id (task))
                    template = g_ptr_array_index (templates, k);
                }
              g_assert_nonnull (template);
              /* The trainer's tasks carry their training. */
              g_assert_cmpint (ov_task_get_content_id (task), ==,
                               ov_playbook_task_get_content_id (template));
              if (ov_task_get_content_id (task) != 0)
                {
                  g_assert_cmpstr (ov_task_get_role (task), ==, "training");
                  g_assert_cmpstr (ov_task_get_content_title (task), ==,
                                   ov_playbook_task_get_content_title (template));
                  n_trained++;
                }
              g_assert_cmpint (ov_task_get_due_date (task), ==,
                               event->happened_on + ov_playbook_task_get_day_offset (template));
              if (ov_task_is_done (task))
                g_assert_cmpint (ov_task_get_done_date (task), <=, today);
              /* Stages left behind are finished. */
              if (event->stage < current)
                g_assert_true (ov_task_is_done (task));
            }
        }

      /* Answers for the stages passed, good enough for their wizards. */
      for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
        {
          g_autoptr(OvStageAnswers) answers = ov_store_load_answers (store, id, stage, &error);

          g_assert_no_error (error);
          if (stage < current)
            {
              g_assert_true (ov_stage_answers_validate (answers, today, NULL, &error));
              g_assert_no_error (error);
              answered_stages++;
            }
        }

      /* The Review judged each goal of the handoff. */
      if (current > OV_STAGE_REVIEW)
        {
          g_autoptr(OvStageAnswers) handoff = ov_store_load_answers (store, id, OV_STAGE_HANDOFF,
                                                                     NULL);
          g_autoptr(OvStageAnswers) review = ov_store_load_answers (store, id, OV_STAGE_REVIEW,
                                                                    NULL);
          g_auto(GStrv) goals = ov_stage_answers_dup_list (handoff, "goals");
          g_autoptr(GPtrArray) results = ov_stage_answers_dup_goal_results (review,
                                                                            "goal_outcomes");

          g_assert_cmpuint (results->len, ==, g_strv_length (goals));
          g_assert_cmpuint (results->len, >=, 2);
        }
    }
  g_assert_cmpuint (answered_stages, >, 400);
  g_assert_cmpuint (n_trained, >, 50);

  /* The shipped playbook's trainer's tasks point at the sample library. */
  {
    g_autoptr(GPtrArray) adopt = ov_playbook_dup_tasks (playbook, OV_STAGE_ADOPT);
    g_autoptr(GPtrArray) expand = ov_playbook_dup_tasks (playbook, OV_STAGE_EXPAND);

    g_assert_cmpstr (ov_playbook_task_get_content_title (g_ptr_array_index (adopt, 1)), ==,
                     "Admin foundations");
    g_assert_cmpstr (ov_playbook_task_get_content_title (g_ptr_array_index (adopt, 3)), ==,
                     "Daily workflows, live");
    g_assert_cmpstr (ov_playbook_task_get_content_title (g_ptr_array_index (expand, 1)), ==,
                     "Welcome to the platform");
    g_assert_cmpint (ov_playbook_task_get_content_id (g_ptr_array_index (adopt, 0)), ==, 0);
  }

  /* Some work is late and some is coming up, as of the sample's day. */
  overdue = ov_store_list_overdue_tasks (store, today, 0, &error);
  week = ov_store_list_tasks_due_this_week (store, today, 0, &error);
  g_assert_cmpuint (overdue->len, >=, 10);
  g_assert_cmpuint (week->len, >=, 10);
  g_assert_cmpuint (overdue->len, <, 400);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Past the first OV_SAMPLE_JOURNEY_ACCOUNTS, accounts are bare so that
 * 100,000 of them stay quick to make. */
static void
test_large_stays_lean (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = generate (2003, 11, &dir);
  g_autoptr(GPtrArray) first = ov_store_list_people (store, 2000, NULL);
  g_autoptr(GPtrArray) beyond = ov_store_list_people (store, 2001, NULL);
  g_autoptr(GPtrArray) beyond_tasks = ov_store_list_tasks (store, 2003, 0, NULL);

  g_assert_cmpuint (first->len, >=, 5);
  g_assert_cmpuint (beyond->len, ==, 0);
  g_assert_cmpuint (beyond_tasks->len, ==, 0);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journey-sample/deterministic", test_deterministic);
  g_test_add_func ("/journey-sample/living-portfolio", test_living_portfolio);
  g_test_add_func ("/journey-sample/large-stays-lean", test_large_stays_lean);

  return g_test_run ();
}
