/* test-journey-page.c — the account page's own sections on the journey:
 * the playbook an account follows, its people and its tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case opens a fresh database with one account where the journey
 * would have it: choosing a playbook in Embark, adding, editing and
 * removing people (a refusal among them), and working the tasks of Adopt
 * (overdue labels, a task added and edited in the dialog, all stages).
 * What the widgets did is read back through a second connection. The
 * stage wizards are driven in test-journey-wizard.c.
 */

#include "config.h"

#include <string.h>

#include "journey-test-support.h"
#include "ov-account-people.h"
#include "ov-account-tasks.h"
#include "ov-person-dialog.h"
#include "ov-task-dialog.h"
#include "ov-task-row.h"
#include "ov-test-support.h"
#include "ov-ui-journey.h"

/* A database with @name's account in @stage since @entered, its window
 * open on the account's page. */
static void
open_journey (Journey    *j,
              const char *db_name,
              const char *name,
              OvStage     stage,
              const char *entered)
{
  g_autofree char *db = ov_ui_test_db_path (db_name);
  g_autoptr(GError) error = NULL;

  j->check = ov_store_open (db, &error);
  g_assert_no_error (error);
  j->id = journey_add_account (j->check, name, stage, entered);
}

static void
show_journey (Journey    *j,
              const char *db_name)
{
  g_autofree char *db = ov_ui_test_db_path (db_name);

  j->window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (j->window, "portfolio");
  journey_open_account (j, j->id);
}

static void
close_journey (Journey *j)
{
  g_clear_object (&j->check);
  ov_ui_test_close_window (j->window);
}

/* The playbook row lists the playbooks after "Automatic". */
static void
choose_playbook (Journey *j)
{
  AdwComboRow *row = ADW_COMBO_ROW (journey_page_child (j, "playbook_row"));
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (j->check, NULL);
  g_autoptr(OvAccount) stored = NULL;
  GListModel *names = adw_combo_row_get_model (row);
  OvPlaybook *first;

  g_assert_cmpuint (playbooks->len, >, 0);
  first = g_ptr_array_index (playbooks, 0);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, playbooks->len + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==,
                   ov_playbook_get_name (first));
  /* The automatic choice, by name: plain text, whatever the name holds. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  {
    g_autofree char *expected = g_strdup_printf ("By segment or the default; now %s",
                                                 ov_playbook_get_name (first));

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  }

  adw_combo_row_set_selected (row, 1);
  ov_ui_test_settle ();
  stored = ov_store_get_account (j->check, j->id, NULL);
  g_assert_cmpint (ov_account_get_playbook_id (stored), ==, ov_playbook_get_id (first));
  g_assert_cmpint (ov_account_get_playbook_id (j->account), ==, ov_playbook_get_id (first));
  g_clear_object (&stored);

  adw_combo_row_set_selected (row, 0);
  ov_ui_test_settle ();
  stored = ov_store_get_account (j->check, j->id, NULL);
  g_assert_cmpint (ov_account_get_playbook_id (stored), ==, 0);
}

/* People on the account page: the dialog, a refusal, several roles. */
static void
add_people (Journey *j)
{
  OvAccountPeople *people = OV_ACCOUNT_PEOPLE (journey_page_child (j, "people_section"));
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvPersonDialog *dialog;
  OvPerson *dana = NULL;

  journey_click (ov_ui_test_child (people, OV_TYPE_ACCOUNT_PEOPLE, "add_internal_button"));
  dialog = ov_ui_test_find_window (OV_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "name_row")), "Dana Reyes");
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "email_row")), "dana.reyes@");
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "onboarding"), TRUE);
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "csm"), TRUE);
  /* Customer roles are not offered on our side. */
  g_assert_null (ov_person_dialog_get_role_check (dialog, "sponsor"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* A broken email is refused at its row; nothing is stored. */
  ov_person_dialog_save (dialog);
  g_assert_nonnull (strstr (ov_person_dialog_get_error (dialog), "Email"));
  g_assert_true (gtk_widget_has_css_class (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                             "email_row"), "error"));
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-person-dialog-refused");
  stored = ov_store_list_people (j->check, j->id, &error);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "email_row")),
                         "dana.reyes@example.com");
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_PERSON_DIALOG));

  journey_click (ov_ui_test_child (people, OV_TYPE_ACCOUNT_PEOPLE, "add_customer_button"));
  dialog = ov_ui_test_find_window (OV_TYPE_PERSON_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "name_row")), "Jonas Berg");
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "sponsor"), TRUE);
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "champion"), TRUE);
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-person-dialog");
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();

  stored = ov_store_list_people (j->check, j->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  dana = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (ov_person_get_name (dana), ==, "Dana Reyes");
  g_assert_cmpstr (ov_person_get_email (dana), ==, "dana.reyes@example.com");
  g_assert_true (ov_person_has_role (dana, "onboarding"));
  g_assert_true (ov_person_has_role (dana, "csm"));
  g_assert_true (ov_person_get_side (g_ptr_array_index (stored, 1)) == OV_SIDE_CUSTOMER);
  g_assert_true (ov_person_has_role (g_ptr_array_index (stored, 1), "champion"));

  /* The section lists both, after the store said people changed. */
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_account_people_get_n_people (people), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ov_account_people_find_row (people, "Dana Reyes")),
                   ==, "Onboarding specialist, Customer success manager\n"
                       "dana.reyes@example.com");

  /* Activating a row edits the person: the dialog starts from what is stored. */
  g_signal_emit_by_name (ov_account_people_find_row (people, "Jonas Berg"), "activated");
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Person");
  g_assert_true (gtk_check_button_get_active (ov_person_dialog_get_role_check (dialog, "sponsor")));
  g_assert_false (gtk_check_button_get_active (ov_person_dialog_get_role_check (dialog, "admin")));
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "email_row")), "jonas.berg@example.com");
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "sponsor"), FALSE);
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "admin"), TRUE);
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_PERSON_DIALOG));
  {
    g_autoptr(OvPerson) jonas = ov_store_get_person (j->check,
                                                     ov_person_get_id (g_ptr_array_index (stored, 1)),
                                                     &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ov_person_get_email (jonas), ==, "jonas.berg@example.com");
    g_assert_false (ov_person_has_role (jonas, "sponsor"));
    g_assert_true (ov_person_has_role (jonas, "champion"));
    g_assert_true (ov_person_has_role (jonas, "admin"));
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (ov_account_people_find_row (people, "Jonas Berg")),
                   ==, "Champion, Admin\njonas.berg@example.com");

  /* Someone added by mistake is removed after a question. */
  journey_click (ov_ui_test_child (people, OV_TYPE_ACCOUNT_PEOPLE, "add_customer_button"));
  dialog = ov_ui_test_find_window (OV_TYPE_PERSON_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "name_row")), "Alex Kim");
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_account_people_get_n_people (people), ==, 3);
  journey_click (ov_account_people_get_remove_button (
    people, ov_account_people_find_row (people, "Alex Kim")));
  {
    AdwMessageDialog *question = ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Remove Alex Kim?");
    journey_answer (question, "_Remove");
  }
  ov_ui_test_settle ();
  g_assert_null (ov_account_people_find_row (people, "Alex Kim"));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ov_store_list_people (j->check, j->id, &error);
  g_assert_cmpuint (stored->len, ==, 2);
}

/* Tasks on the account page: the list, overdue labels, a new task. */
static void
work_tasks (Journey *j)
{
  OvAccountTasks *tasks = OV_ACCOUNT_TASKS (journey_page_child (j, "tasks_section"));
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvTaskDialog *dialog;
  OvTaskRow *row;
  OvTask *task;
  g_autofree char *overdue = NULL;
  OvTask *added = NULL;

  stored = ov_store_list_tasks (j->check, j->id, OV_STAGE_ADOPT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, >, 0);
  /* Only the current stage is listed. */
  g_assert_cmpuint (ov_account_tasks_get_n_rows (tasks), ==, stored->len);

  /* Due from the day Adopt was entered; the first is overdue by now and
   * says by how much, in the error colour. */
  row = ov_account_tasks_get_row (tasks, 0);
  task = ov_task_row_get_task (row);
  g_assert_cmpint (ov_task_get_due_date (task), >=, jt_date ("2026-07-10"));
  g_assert_true (ov_task_is_overdue (task, jt_date (TODAY)));
  overdue = g_strdup_printf ("%d days overdue", jt_date (TODAY) - ov_task_get_due_date (task));
  g_assert_cmpstr (ov_task_row_get_due_text (row), ==, overdue);
  g_assert_true (gtk_widget_has_css_class (ov_ui_test_child (row, OV_TYPE_TASK_ROW, "due_label"),
                                           "error"));
  /* Dana holds the onboarding role: tasks of that role name her. */
  for (guint i = 0; i < stored->len; i++)
    {
      OvTask *t = g_ptr_array_index (stored, i);

      if (g_strcmp0 (ov_task_get_role (t), "onboarding") == 0)
        g_assert_cmpstr (ov_task_get_assignee_name (t), ==, "Dana Reyes");
    }

  /* Add a task by hand, in the dialog. */
  journey_click (ov_ui_test_child (tasks, OV_TYPE_ACCOUNT_TASKS, "add_button"));
  dialog = ov_ui_test_find_window (OV_TYPE_TASK_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                         "title_row")),
                         "Train the night-shift dispatchers");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                               "role_row")),
                              ov_role_get_index ("training") + 1);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                         "due_row")), "2026-11-25");
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-task-dialog");
  ov_task_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_TASK_DIALOG));

  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ov_store_list_tasks (j->check, j->id, OV_STAGE_ADOPT, &error);
  for (guint i = 0; i < stored->len; i++)
    if (g_strcmp0 (ov_task_get_title (g_ptr_array_index (stored, i)),
                   "Train the night-shift dispatchers") == 0)
      added = g_ptr_array_index (stored, i);
  g_assert_nonnull (added);
  g_assert_cmpstr (ov_task_get_role (added), ==, "training");
  g_assert_cmpint (ov_task_get_due_date (added), ==, jt_date ("2026-11-25"));
  g_assert_cmpint (ov_task_get_stage (added), ==, OV_STAGE_ADOPT);

  row = ov_account_tasks_find_row (tasks, "Train the night-shift dispatchers");
  g_assert_nonnull (row);
  g_assert_cmpstr (ov_task_row_get_due_text (row), ==, "Due in 2 days");

  /* Activating the row edits the task in the same dialog. */
  g_signal_emit_by_name (row, "activated");
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_TASK_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                                          "title_row"))), ==,
                   "Train the night-shift dispatchers");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                                          "due_row"))), ==,
                   "2026-11-25");
  /* A date that is not one is refused at its row; nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG, "due_row")),
                         "2026-11-31");
  ov_task_dialog_save (dialog);
  g_assert_nonnull (strstr (ov_task_dialog_get_error (dialog), "Due date: "));
  g_assert_true (gtk_widget_has_css_class (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                             "due_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG, "due_row")),
                         "2026-11-20");
  /* Correcting it takes the complaint away. */
  g_assert_cmpstr (ov_task_dialog_get_error (dialog), ==, "");
  g_assert_false (gtk_widget_has_css_class (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                              "due_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                         "title_row")),
                         "Train the night-shift and weekend dispatchers");
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-task-dialog-edit");
  ov_task_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_TASK_DIALOG));
  {
    g_autoptr(OvTask) edited = ov_store_get_task (j->check, ov_task_get_id (added), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ov_task_get_title (edited), ==, "Train the night-shift and weekend dispatchers");
    g_assert_cmpint (ov_task_get_due_date (edited), ==, jt_date ("2026-11-20"));
  }
  row = ov_account_tasks_find_row (tasks, "Train the night-shift and weekend dispatchers");
  g_assert_nonnull (row);
  g_assert_cmpstr (ov_task_row_get_due_text (row), ==, "3 days overdue");

  /* All stages: the Handoff and Kickoff tasks show too. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ov_ui_test_child (tasks, OV_TYPE_ACCOUNT_TASKS,
                                                                     "all_toggle")), TRUE);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ov_store_list_tasks (j->check, j->id, 0, &error);
  g_assert_cmpuint (ov_account_tasks_get_n_rows (tasks), ==, stored->len);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ov_ui_test_child (tasks, OV_TYPE_ACCOUNT_TASKS,
                                                                     "all_toggle")), FALSE);
}

static void
test_page_playbook (void)
{
  g_autoptr(GError) error = NULL;
  Journey j = { 0 };

  /* Names with "&" and "<…>": no markup wherever they are shown. */
  open_journey (&j, "journey-playbook.db", "Brightwater & Sons <EMEA>", OV_STAGE_EMBARK,
                "2026-06-01");
  {
    g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (j.check, &error);
    OvPlaybook *shipped;

    g_assert_no_error (error);
    shipped = g_ptr_array_index (playbooks, 0);
    ov_playbook_set_name (shipped, "Sales & CS <EMEA>");
    g_assert_true (ov_store_save_playbook (j.check, shipped, &error));
    g_assert_no_error (error);
  }
  show_journey (&j, "journey-playbook.db");

  choose_playbook (&j);

  close_journey (&j);
}

static void
test_page_people (void)
{
  Journey j = { 0 };

  open_journey (&j, "journey-people.db", "Brightwater & Sons <EMEA>", OV_STAGE_HANDOFF,
                "2026-06-20");
  show_journey (&j, "journey-people.db");

  add_people (&j);

  close_journey (&j);
}

/* In Adopt since 2026-07-10, with the tasks each stage entered on the way
 * was given, and Dana in the onboarding role from the start. */
static void
test_page_tasks (void)
{
  static const struct { OvStage stage; const char *entered; } stages[] = {
    { OV_STAGE_HANDOFF, "2026-06-20" },
    { OV_STAGE_KICKOFF, "2026-07-06" },
    { OV_STAGE_ADOPT, "2026-07-10" },
  };
  g_autoptr(OvPerson) dana = NULL;
  g_autoptr(GError) error = NULL;
  Journey j = { 0 };

  open_journey (&j, "journey-tasks.db", "Brightwater & Sons <EMEA>", OV_STAGE_ADOPT,
                "2026-07-10");
  dana = jt_add_person (j.check, j.id, OV_SIDE_INTERNAL, "Dana Reyes", "dana.reyes@example.com",
                        "onboarding", "csm", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_assert_true (ov_store_create_stage_tasks (j.check, j.id, stages[i].stage,
                                                  jt_date (stages[i].entered), NULL, &error));
      g_assert_no_error (error);
    }
  show_journey (&j, "journey-tasks.db");

  work_tasks (&j);

  close_journey (&j);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/journey/page/playbook", test_page_playbook);
  g_test_add_func ("/journey/page/people", test_page_people);
  g_test_add_func ("/journey/page/tasks", test_page_tasks);

  return g_test_run ();
}
