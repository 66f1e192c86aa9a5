/* test-tasks.c — tasks, overdue and due this week, who does them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journey-test-support.h"

static OvTask *
add_task (OvStore    *store,
          OvAccount  *account,
          OvStage     stage,
          const char *title,
          const char *role,
          const char *due)
{
  g_autoptr(GError) error = NULL;
  OvTask *task = ov_task_new (ov_account_get_id (account), stage, title);

  ov_task_set_role (task, role);
  ov_task_set_due_date (task, due ? jt_date (due) : OV_DATE_NONE);
  g_assert_true (ov_store_add_task (store, task, &error));
  g_assert_no_error (error);
  return task;
}

static char *
titles (GPtrArray *tasks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (tasks, i);

      g_string_append_printf (out, "%s%s@%s", i ? ", " : "", ov_task_get_title (task),
                              ov_task_get_account_name (task));
    }

  return g_string_free (out, FALSE);
}

static void
test_derived (void)
{
  g_autoptr(OvTask) task = ov_task_new (1, OV_STAGE_ADOPT, "Train the admins");
  OvDate today = jt_date ("2026-11-23");

  /* No due date: never overdue, never due. */
  g_assert_false (ov_task_is_overdue (task, today));
  g_assert_false (ov_task_is_due_this_week (task, today));

  ov_task_set_due_date (task, jt_date ("2026-11-22"));
  g_assert_true (ov_task_is_overdue (task, today));
  g_assert_false (ov_task_is_due_this_week (task, today));

  ov_task_set_due_date (task, today);
  g_assert_false (ov_task_is_overdue (task, today));
  g_assert_true (ov_task_is_due_this_week (task, today));

  ov_task_set_due_date (task, jt_date ("2026-11-29"));     /* today + 6 */
  g_assert_true (ov_task_is_due_this_week (task, today));
  ov_task_set_due_date (task, jt_date ("2026-11-30"));     /* today + 7 */
  g_assert_false (ov_task_is_due_this_week (task, today));

  /* Done tasks are neither. */
  ov_task_set_due_date (task, jt_date ("2026-11-01"));
  ov_task_set_done_date (task, jt_date ("2026-11-20"));
  g_assert_true (ov_task_is_done (task));
  g_assert_false (ov_task_is_overdue (task, today));

  /* The "done" property ticks it off today (pinned) and back. */
  g_setenv ("OVERTURE_TODAY", "2026-11-24", TRUE);
  g_object_set (task, "done", FALSE, NULL);
  g_assert_cmpint (ov_task_get_done_date (task), ==, OV_DATE_NONE);
  g_object_set (task, "done", TRUE, NULL);
  g_assert_cmpint (ov_task_get_done_date (task), ==, jt_date ("2026-11-24"));
  g_unsetenv ("OVERTURE_TODAY");
}

static void
test_crud (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Bluepeak Health", "", OV_STAGE_ADOPT,
                                                 jt_date ("2026-11-01"));
  g_autoptr(OvAccount) other = jt_add_account (store, "Redfern Media", "", OV_STAGE_ADOPT,
                                               jt_date ("2026-11-01"));
  g_autoptr(OvPerson) stranger = NULL;
  g_autoptr(OvTask) task = NULL;
  g_autoptr(OvTask) kickoff = NULL;
  g_autoptr(OvTask) bad = NULL;
  g_autoptr(OvTask) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;

  task = add_task (store, account, OV_STAGE_ADOPT, "  Configure the workspace ", "services",
                   "2026-11-10");
  kickoff = add_task (store, account, OV_STAGE_KICKOFF, "Send the summary", "", NULL);
  g_object_unref (add_task (store, other, OV_STAGE_ADOPT, "Not this account", "csm",
                           "2026-11-10"));

  g_assert_cmpint (ov_task_get_id (task), >, 0);
  g_assert_cmpstr (ov_task_get_account_name (task), ==, "Bluepeak Health");

  list = ov_store_list_tasks (store, ov_account_get_id (account), 0, &error);
  g_assert_no_error (error);
  names = titles (list);
  /* By stage, then due date. */
  g_assert_cmpstr (names, ==, "Send the summary@Bluepeak Health, "
                              "Configure the workspace@Bluepeak Health");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = ov_store_list_tasks (store, ov_account_get_id (account), OV_STAGE_ADOPT, &error);
  g_assert_cmpuint (list->len, ==, 1);
  loaded = g_object_ref (g_ptr_array_index (list, 0));
  g_assert_cmpstr (ov_task_get_title (loaded), ==, "Configure the workspace");
  g_assert_cmpstr (ov_task_get_role (loaded), ==, "services");
  g_assert_cmpint (ov_task_get_due_date (loaded), ==, jt_date ("2026-11-10"));
  g_assert_false (ov_task_is_done (loaded));

  /* Refusals change nothing. */
  before = jt_dump (store);
  bad = ov_task_new (ov_account_get_id (account), OV_STAGE_ADOPT, "   ");
  g_assert_false (ov_store_add_task (store, bad, &error));
  g_assert_error (error, OV_TASK_ERROR, OV_TASK_ERROR_TITLE);
  g_assert_cmpstr (error->message, ==, "Title: a task needs a title.");
  g_clear_error (&error);

  ov_task_set_title (bad, "Order cake");
  ov_task_set_role (bad, "baker");
  g_assert_false (ov_store_add_task (store, bad, &error));
  g_assert_error (error, OV_TASK_ERROR, OV_TASK_ERROR_ROLE);
  g_assert_cmpstr (error->message, ==, "Owner role: “baker” is not a role.");
  g_clear_error (&error);

  stranger = jt_add_person (store, ov_account_get_id (other), OV_SIDE_INTERNAL, "Olivia Grant",
                            "", "csm", NULL);
  g_free (before);
  before = jt_dump (store);
  ov_task_set_role (bad, "csm");
  ov_task_set_assignee_id (bad, ov_person_get_id (stranger));
  g_assert_false (ov_store_add_task (store, bad, &error));
  g_assert_error (error, OV_TASK_ERROR, OV_TASK_ERROR_ASSIGNEE);
  g_assert_cmpstr (error->message, ==, "Assignee: this person is not part of the account.");
  g_assert_cmpint (ov_task_get_id (bad), ==, 0);
  g_clear_error (&error);

  ov_task_set_title (loaded, "");
  g_assert_false (ov_store_update_task (store, loaded, &error));
  g_assert_error (error, OV_TASK_ERROR, OV_TASK_ERROR_TITLE);
  g_clear_error (&error);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Update, tick off, untick, delete. */
  ov_task_set_title (loaded, "Configure the workspace and roles");
  ov_task_set_due_date (loaded, jt_date ("2026-11-12"));
  ov_task_set_description (loaded, "As agreed at the kickoff.");
  g_assert_true (ov_store_update_task (store, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&task);
  task = ov_store_get_task (store, ov_task_get_id (loaded), &error);
  g_assert_cmpstr (ov_task_get_title (task), ==, "Configure the workspace and roles");
  g_assert_cmpstr (ov_task_get_description (task), ==, "As agreed at the kickoff.");
  g_assert_cmpint (ov_task_get_due_date (task), ==, jt_date ("2026-11-12"));

  g_assert_true (ov_store_set_task_done (store, task, jt_date ("2026-11-11"), &error));
  g_assert_cmpint (ov_task_get_done_date (task), ==, jt_date ("2026-11-11"));
  g_clear_object (&loaded);
  loaded = ov_store_get_task (store, ov_task_get_id (task), &error);
  g_assert_cmpint (ov_task_get_done_date (loaded), ==, jt_date ("2026-11-11"));
  g_assert_true (ov_store_set_task_done (store, task, OV_DATE_NONE, &error));
  g_clear_object (&loaded);
  loaded = ov_store_get_task (store, ov_task_get_id (task), &error);
  g_assert_false (ov_task_is_done (loaded));

  g_assert_true (ov_store_delete_task (store, kickoff, &error));
  g_assert_false (ov_store_delete_task (store, kickoff, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ov_store_list_tasks (store, ov_account_get_id (account), 0, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_assignee (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Harborview Hotels", "",
                                                 OV_STAGE_ADOPT, jt_date ("2026-11-01"));
  gint64 id = ov_account_get_id (account);
  g_autoptr(OvTask) training = NULL;
  g_autoptr(OvTask) support = NULL;
  g_autoptr(OvTask) loaded = NULL;
  g_autoptr(OvPerson) trainer = NULL;
  g_autoptr(OvPerson) backup = NULL;
  g_autoptr(OvPerson) champion = NULL;
  g_autoptr(GError) error = NULL;

  /* Nobody holds the role yet: no name. */
  training = add_task (store, account, OV_STAGE_ADOPT, "Train the end users", "training",
                       "2026-11-20");
  g_assert_cmpstr (ov_task_get_assignee_name (training), ==, "");

  trainer = jt_add_person (store, id, OV_SIDE_INTERNAL, "Sofia Lindqvist", "", "training",
                           "support", NULL);
  backup = jt_add_person (store, id, OV_SIDE_INTERNAL, "Daniel Okafor", "", "training", NULL);
  champion = jt_add_person (store, id, OV_SIDE_CUSTOMER, "Rita Costa", "", "champion", NULL);

  /* Whoever holds the role (the first added), resolved when read. */
  loaded = ov_store_get_task (store, ov_task_get_id (training), &error);
  g_assert_cmpstr (ov_task_get_assignee_name (loaded), ==, "Sofia Lindqvist");
  g_assert_cmpint (ov_task_get_assignee_id (loaded), ==, 0);
  g_clear_object (&loaded);

  support = add_task (store, account, OV_STAGE_ADOPT, "Hand over open tickets", "support",
                      NULL);
  g_assert_cmpstr (ov_task_get_assignee_name (support), ==, "Sofia Lindqvist");

  /* An explicit assignee wins over the role, even from the other side. */
  ov_task_set_assignee_id (training, ov_person_get_id (champion));
  g_assert_true (ov_store_update_task (store, training, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ov_task_get_assignee_name (training), ==, "Rita Costa");

  /* Deleting the assignee falls back to the role holder. */
  g_assert_true (ov_store_delete_person (store, champion, &error));
  loaded = ov_store_get_task (store, ov_task_get_id (training), &error);
  g_assert_cmpint (ov_task_get_assignee_id (loaded), ==, 0);
  g_assert_cmpstr (ov_task_get_assignee_name (loaded), ==, "Sofia Lindqvist");
  g_clear_object (&loaded);

  /* The role changes hands: the task follows. */
  ov_person_remove_role (trainer, "training");
  g_assert_true (ov_store_update_person (store, trainer, &error));
  loaded = ov_store_get_task (store, ov_task_get_id (training), &error);
  g_assert_cmpstr (ov_task_get_assignee_name (loaded), ==, "Daniel Okafor");

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_overdue_and_week (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) zephyr = jt_add_account (store, "Zephyr Freight", "", OV_STAGE_ADOPT,
                                                jt_date ("2026-10-01"));
  g_autoptr(OvAccount) alder = jt_add_account (store, "Alder Dental", "", OV_STAGE_KICKOFF,
                                               jt_date ("2026-10-01"));
  g_autoptr(OvAccount) paused = jt_add_account (store, "Paused Pharma", "", OV_STAGE_ADOPT,
                                                jt_date ("2026-10-01"));
  g_autoptr(OvAccount) churned = jt_add_account (store, "Churned Clinics", "", OV_STAGE_ADOPT,
                                                 jt_date ("2026-10-01"));
  g_autoptr(OvAccount) deleted = jt_add_account (store, "Deleted Dairy", "", OV_STAGE_ADOPT,
                                                 jt_date ("2026-10-01"));
  g_autoptr(OvTask) done = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  OvDate monday = jt_date ("2026-11-23");

  g_object_unref (add_task (store, zephyr, OV_STAGE_ADOPT, "Way late", "csm", "2026-10-30"));
  g_object_unref (add_task (store, alder, OV_STAGE_KICKOFF, "Yesterday", "csm", "2026-11-22"));
  g_object_unref (add_task (store, zephyr, OV_STAGE_ADOPT, "Today", "csm", "2026-11-23"));
  g_object_unref (add_task (store, alder, OV_STAGE_KICKOFF, "Sunday", "csm", "2026-11-29"));
  g_object_unref (add_task (store, zephyr, OV_STAGE_ADOPT, "Next Monday", "csm", "2026-11-30"));
  g_object_unref (add_task (store, zephyr, OV_STAGE_ADOPT, "Someday", "csm", NULL));
  done = add_task (store, zephyr, OV_STAGE_ADOPT, "Done late", "csm", "2026-11-01");
  g_assert_true (ov_store_set_task_done (store, done, jt_date ("2026-11-05"), NULL));
  g_object_unref (add_task (store, paused, OV_STAGE_ADOPT, "On hold", "csm", "2026-11-01"));
  g_object_unref (add_task (store, churned, OV_STAGE_ADOPT, "Gone", "csm", "2026-11-01"));
  g_object_unref (add_task (store, deleted, OV_STAGE_ADOPT, "Binned", "csm", "2026-11-24"));

  ov_account_set_status (paused, OV_ACCOUNT_STATUS_PAUSED);
  g_assert_true (ov_store_save_account (store, paused, NULL));
  ov_account_set_status (churned, OV_ACCOUNT_STATUS_CHURNED);
  g_assert_true (ov_store_save_account (store, churned, NULL));
  g_assert_true (ov_store_delete_account (store, deleted, NULL));

  list = ov_store_list_overdue_tasks (store, monday, 0, &error);
  g_assert_no_error (error);
  names = titles (list);
  g_assert_cmpstr (names, ==, "Way late@Zephyr Freight, Yesterday@Alder Dental");
  g_assert_cmpint (ov_store_count_overdue_tasks (store, monday, NULL), ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);

  list = ov_store_list_tasks_due_this_week (store, monday, 0, &error);
  names = titles (list);
  g_assert_cmpstr (names, ==, "Today@Zephyr Freight, Sunday@Alder Dental");
  g_assert_cmpint (ov_store_count_tasks_due_this_week (store, monday, NULL), ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);

  /* The clock is whatever the caller says: a week later, more is late. */
  list = ov_store_list_overdue_tasks (store, jt_date ("2026-11-30"), 0, &error);
  names = titles (list);
  g_assert_cmpstr (names, ==, "Way late@Zephyr Freight, Yesterday@Alder Dental, "
                              "Today@Zephyr Freight, Sunday@Alder Dental");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);

  list = ov_store_list_tasks_due_this_week (store, jt_date ("2026-11-30"), 0, &error);
  names = titles (list);
  g_assert_cmpstr (names, ==, "Next Monday@Zephyr Freight");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);

  /* A limit keeps the earliest. */
  list = ov_store_list_overdue_tasks (store, jt_date ("2026-11-30"), 1, &error);
  names = titles (list);
  g_assert_cmpstr (names, ==, "Way late@Zephyr Freight");

  /* Each task knows it too, against the same injected day. */
  g_assert_true (ov_task_is_overdue (g_ptr_array_index (list, 0), monday));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tasks/derived", test_derived);
  g_test_add_func ("/tasks/crud", test_crud);
  g_test_add_func ("/tasks/assignee", test_assignee);
  g_test_add_func ("/tasks/overdue-and-week", test_overdue_and_week);

  return g_test_run ();
}
