/* test-content-tasks.c — playbook tasks that point at a content item: the
 * tasks a stage brings carry the item, and one click from a task assigns
 * the item and completes it for every learner on the account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journey-test-support.h"
#include "ov-playbook-task.h"
#include "ov-store-content.h"
#include "ov-store-journey.h"
#include "ov-store-playbooks.h"
#include "ov-store-private.h"
#include "ov-store-tasks.h"

static void
test_task_training (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, NULL);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(OvContentItem) item = ov_content_item_new ("Daily workflows", OV_CONTENT_FORMAT_WEBINAR);
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(OvPerson) ana = NULL;
  g_autoptr(OvPerson) ben = NULL;
  g_autoptr(OvPerson) dora = NULL;
  g_autoptr(GError) error = NULL;
  OvPlaybookTask *template;
  OvTask *with_training = NULL;
  gint64 id, n = -1;
  guint marked = 99, n_learners, n_completed;

  g_setenv ("OVERTURE_TODAY", "2026-07-20", TRUE);
  ov_content_item_set_location (item, "https://learn.example.com/daily");
  g_assert_true (ov_store_add_content_item (store, item, &error));
  g_assert_no_error (error);

  templates = ov_playbook_dup_tasks (g_ptr_array_index (playbooks, 0), OV_STAGE_ADOPT);
  g_assert_cmpuint (templates->len, >, 0);
  template = g_ptr_array_index (templates, 0);
  g_assert_true (ov_store_set_playbook_task_content (store, ov_playbook_task_get_id (template),
                                                     ov_content_item_get_id (item), &error));
  g_assert_no_error (error);

  /* Refused: a template or task that is not there, an item that is not. */
  g_assert_false (ov_store_set_playbook_task_content (store, 99999, ov_content_item_get_id (item),
                                                      &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ov_store_set_playbook_task_content (store, ov_playbook_task_get_id (template),
                                                      99999, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ov_store_set_task_content (store, 99999, 0, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ov_store_query_int64 (store, "SELECT count(*) FROM playbook_tasks "
                                              "WHERE content_id IS NOT NULL", &n, NULL));
  g_assert_cmpint (n, ==, 1);

  account = jt_add_account (store, "Thistle Hotels", "", OV_STAGE_KICKOFF, jt_date ("2026-07-01"));
  id = ov_account_get_id (account);
  ana = jt_add_person (store, id, OV_SIDE_CUSTOMER, "Ana", "ana@example.com", "admin", NULL);
  ben = jt_add_person (store, id, OV_SIDE_CUSTOMER, "Ben", "ben@example.com", "end_user", NULL);
  dora = jt_add_person (store, id, OV_SIDE_INTERNAL, "Dora", "dora@example.com", "csm", NULL);

  /* Adopt's tasks: the one made from that template names the item. */
  g_assert_true (ov_store_create_stage_tasks (store, id, OV_STAGE_ADOPT, jt_date ("2026-07-10"),
                                              NULL, &error));
  g_assert_no_error (error);
  tasks = ov_store_list_tasks (store, id, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    if (ov_task_get_content_id (tasks->pdata[i]) != 0)
      {
        g_assert_null (with_training);
        with_training = tasks->pdata[i];
      }
  g_assert_nonnull (with_training);
  g_assert_cmpstr (ov_task_get_title (with_training), ==, ov_playbook_task_get_title (template));
  g_assert_cmpint (ov_task_get_content_id (with_training), ==, ov_content_item_get_id (item));
  g_assert_cmpstr (ov_task_get_content_title (with_training), ==, "Daily workflows");
  g_assert_cmpstr (ov_task_get_content_location (with_training), ==,
                   "https://learn.example.com/daily");

  /* One click: assigned, and both customers (not Dora) completed it. */
  g_assert_true (ov_store_complete_content_for_account (store,
                                                        ov_task_get_content_id (with_training),
                                                        id, jt_date ("2026-07-20"), &marked,
                                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (marked, ==, 2);
  assigned = ov_store_list_assigned_content (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assigned->len, ==, 1);
  g_assert_cmpfloat (ov_content_account_rate (assigned, &n_learners, &n_completed), ==, 100);
  g_assert_cmpuint (n_learners, ==, 2);
  g_assert_true (ov_store_query_int64 (store, "SELECT count(*) FROM content_completions "
                                              "WHERE completed_on = '2026-07-20'", &n, NULL));
  g_assert_cmpint (n, ==, 2);

  /* Twice: nothing more to mark. */
  g_assert_true (ov_store_complete_content_for_account (store, ov_content_item_get_id (item), id,
                                                        jt_date ("2026-07-21"), &marked, &error));
  g_assert_cmpuint (marked, ==, 0);

  /* A task pointed at nothing names nothing. */
  g_assert_true (ov_store_set_task_content (store, ov_task_get_id (with_training), 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = ov_store_list_tasks (store, id, 0, &error);
  for (guint i = 0; i < tasks->len; i++)
    g_assert_cmpint (ov_task_get_content_id (tasks->pdata[i]), ==, 0);

  /* A removed item lets go of the templates and tasks that named it. */
  g_assert_true (ov_store_set_task_content (store, ov_task_get_id (tasks->pdata[0]),
                                            ov_content_item_get_id (item), &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_query_int64 (store, "SELECT count(*) FROM tasks "
                                              "WHERE content_id IS NOT NULL", &n, NULL));
  g_assert_cmpint (n, ==, 1);
  ov_content_item_set_version (item, 1);
  g_assert_true (ov_store_delete_content_item (store, item, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_query_int64 (store, "SELECT (SELECT count(*) FROM tasks "
                                              "WHERE content_id IS NOT NULL) + (SELECT count(*) "
                                              "FROM playbook_tasks WHERE content_id IS NOT NULL)",
                                       &n, NULL));
  g_assert_cmpint (n, ==, 0);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/content/task-training", test_task_training);

  return g_test_run ();
}
