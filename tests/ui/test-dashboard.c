/* test-dashboard.c — the dashboard's task lists and the overdue reminder,
 * driven like a user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists are checked against what the core lists for the same day,
 * row by row; the reminder's text against a portfolio made for it.
 * Screenshots (light and dark, wide and 400 px) go to the build tree.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-dashboard-tasks.h"
#include "ov-dashboard-view.h"
#include "ov-overdue-reminder.h"
#include "ov-store-program.h"
#include "ov-store-ttfv.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

/* The dashboard's task lists */

typedef struct
{
  GtkWidget  *tasks;
  GtkLabel   *count;
  const char *expected;
} TasksWait;

static gboolean
tasks_shown (gpointer data)
{
  TasksWait *wait = data;

  return !ov_dashboard_tasks_is_loading (OV_DASHBOARD_TASKS (wait->tasks)) &&
         g_strcmp0 (gtk_label_get_label (wait->count), wait->expected) == 0;
}

static void
wait_for_count (GtkWidget  *tasks,
                const char *count_name,
                gint64      count)
{
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  TasksWait wait = {
    tasks,
    GTK_LABEL (ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS, count_name)),
    expected,
  };

  g_assert_true (ov_ui_test_wait (tasks_shown, &wait, 10000));
}

/* The list shows @expected, in order, each row with the task's title, its
 * account and when it is due, then a row for the rest. */
static void
assert_rows (GtkWidget  *list,
             GPtrArray  *expected,
             gint64      total,
             OvDate      today,
             const char *more_noun)
{
  guint n = ov_ui_test_n_rows (list);

  g_assert_cmpuint (expected->len, ==, MIN (total, OV_DASHBOARD_TASKS_SHOWN));
  g_assert_cmpuint (n, ==, expected->len + (total > expected->len ? 1 : 0));

  for (guint i = 0; i < expected->len; i++)
    {
      OvTask *task = g_ptr_array_index (expected, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      g_autoptr(GPtrArray) texts = ov_ui_test_labels (GTK_WIDGET (row));
      int days = ov_task_get_due_date (task) - today;
      g_autofree char *due = NULL;

      if (days < -1)
        due = g_strdup_printf ("%d days overdue", -days);
      else if (days == -1)
        due = g_strdup ("1 day overdue");
      else if (days == 0)
        due = g_strdup ("due today");
      else if (days == 1)
        due = g_strdup ("due tomorrow");
      else
        {
          int year, month, day;
          g_autoptr(GDateTime) when = NULL;
          g_autofree char *weekday = NULL;

          g_assert_true (ov_date_to_ymd (ov_task_get_due_date (task), &year, &month, &day));
          when = g_date_time_new_utc (year, month, day, 0, 0, 0);
          weekday = g_date_time_format (when, "%A");
          due = g_strdup_printf ("due %s", weekday);
        }

      g_assert_true (gtk_list_box_row_get_activatable (row));
      g_assert_cmpuint (texts->len, ==, 3);
      g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, ov_task_get_title (task));
      g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, 1),
                                       ov_task_get_account_name (task)));
      if (ov_task_get_assignee_name (task)[0] != '\0')
        g_assert_nonnull (strstr (g_ptr_array_index (texts, 1),
                                  ov_task_get_assignee_name (task)));
      g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, due);
    }

  if (total > expected->len)
    {
      g_autofree char *more = g_strdup_printf ("%d more %s", (int)(total - expected->len),
                                               more_noun);
      g_autoptr(GPtrArray) texts = ov_ui_test_labels (GTK_WIDGET (gtk_list_box_get_row_at_index (
                                                GTK_LIST_BOX (list), expected->len)));

      g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, more);
    }
}

static void
test_dashboard_tasks (void)
{
  g_autofree char *db = ov_ui_test_db_path ("dashboard.db");
  g_autoptr(OvStore) check = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GError) error = NULL;
  OvDate today = ov_date_today ();
  OvWindow *window;
  GtkWidget *dashboard, *tasks, *overdue_list, *week_list, *view_stack;
  gint64 n_overdue, n_week;
  gboolean weekday_seen = FALSE;
  OvTask *first;

  g_assert_cmpint (today, ==, ov_date_from_ymd (2026, 11, 23));

  window = ov_ui_test_open_sample_window ("dashboard.db");
  check = ov_ui_test_open_store (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  tasks = ov_ui_test_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
  overdue_list = ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS, "overdue_list");
  week_list = ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS, "week_list");

  /* What the core's portfolio queries say for the pinned day. */
  overdue = ov_store_list_overdue_tasks (check, today, OV_DASHBOARD_TASKS_SHOWN, &error);
  g_assert_no_error (error);
  n_overdue = ov_store_count_overdue_tasks (check, today, &error);
  week = ov_store_list_tasks_due_this_week (check, today, OV_DASHBOARD_TASKS_SHOWN, &error);
  g_assert_no_error (error);
  n_week = ov_store_count_tasks_due_this_week (check, today, &error);
  g_assert_cmpint (n_overdue, >, OV_DASHBOARD_TASKS_SHOWN);
  g_assert_cmpint (n_week, >, 0);

  wait_for_count (tasks, "overdue_count", n_overdue);
  wait_for_count (tasks, "week_count", n_week);
  assert_rows (overdue_list, overdue, n_overdue, today, "overdue tasks");
  assert_rows (week_list, week, n_week, today, "tasks due this week");
  g_assert_true (gtk_widget_has_css_class (ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS,
                                                           "overdue_count"), "overdue"));
  ov_ui_test_shoot (GTK_WIDGET (window), "dashboard-tasks");

  /* The words for due dates, against a Monday. */
  g_assert_cmpint (ov_date_get_weekday (today), ==, G_DATE_MONDAY);
  {
    static const struct { int days; const char *text; } cases[] = {
      { -30, "30 days overdue" },
      { -2, "2 days overdue" },
      { -1, "1 day overdue" },
      { 0, "due today" },
      { 1, "due tomorrow" },
      { 4, "due Friday" },
      { 6, "due Sunday" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *text = ov_dashboard_tasks_describe_due (today + cases[i].days, today);

        g_assert_cmpstr (text, ==, cases[i].text);
      }
  }
  for (guint i = 0; i < week->len; i++)
    weekday_seen |= ov_task_get_due_date (g_ptr_array_index (week, i)) - today >= 2;
  g_test_message ("a weekday among the rows shown: %s", weekday_seen ? "yes" : "no");

  /* A task done elsewhere leaves the list at once. */
  first = g_ptr_array_index (overdue, 0);
  g_assert_true (ov_store_set_task_done (ov_window_get_store (window), first, today, &error));
  g_assert_no_error (error);
  wait_for_count (tasks, "overdue_count", n_overdue - 1);
  {
    g_autoptr(GPtrArray) texts = ov_ui_test_labels (GTK_WIDGET (gtk_list_box_get_row_at_index (
                                              GTK_LIST_BOX (overdue_list), 0)));
    OvTask *second = g_ptr_array_index (overdue, 1);

    g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, ov_task_get_title (second));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, 1),
                                     ov_task_get_account_name (second)));
  }

  /* A row opens its account. */
  g_signal_emit_by_name (overdue_list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (overdue_list), 0));
  ov_ui_test_settle ();
  view_stack = ov_ui_test_child (window, OV_TYPE_WINDOW, "view_stack");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==,
                   "accounts");
  {
    GtkWidget *accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
    GtkWidget *page =
      GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
    OvAccount *shown = ov_account_page_get_account (OV_ACCOUNT_PAGE (page));
    OvTask *second = g_ptr_array_index (overdue, 1);

    g_assert_nonnull (shown);
    g_assert_cmpint (ov_account_get_id (shown), ==, ov_task_get_account_id (second));
  }

  /* Changed through another connection: seen when the dashboard is shown
   * again, with no signal from this window's store. */
  {
    OvTask *second = g_ptr_array_index (overdue, 1);
    GtkWidget *count = ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS, "overdue_count");
    g_autofree char *before_count = g_strdup_printf ("%" G_GINT64_FORMAT, n_overdue - 1);

    g_assert_true (ov_store_set_task_done (check, second, today, &error));
    g_assert_no_error (error);
    ov_ui_test_settle ();
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, before_count);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
    wait_for_count (tasks, "overdue_count", n_overdue - 2);
  }

  /* A long account name in the lists. */
  {
    OvStore *store = ov_window_get_store (window);
    OvTask *third = g_ptr_array_index (overdue, 2);
    g_autoptr(OvAccount) account = ov_store_get_account (store, ov_task_get_account_id (third),
                                                         &error);
    g_autoptr(GPtrArray) texts = NULL;

    g_assert_no_error (error);
    ov_account_set_name (account, "Vereinigte Nordseewerke Hafenlogistik und Schiffbau GmbH & Co. KG");
    g_assert_true (ov_store_save_account (store, account, &error));
    g_assert_no_error (error);
    wait_for_count (tasks, "overdue_count", n_overdue - 2);
    texts = ov_ui_test_labels (
      GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (overdue_list), 0)));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, 1), "Vereinigte Nordseewerke"));
  }

  /* Wide, as on a large screen (the virtual screen stops at 1280). */
  ov_ui_test_close_window (window);
  g_setenv ("OVERTURE_TEST_SIZE", "1400x860", TRUE);
  window = ov_ui_test_open_window (db);
  g_unsetenv ("OVERTURE_TEST_SIZE");
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  tasks = ov_ui_test_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
  wait_for_count (tasks, "overdue_count", n_overdue - 2);
  ov_ui_test_shoot (GTK_WIDGET (window), "dashboard-tasks-wide");

  /* Narrow, both lists one under the other. */
  ov_ui_test_close_window (window);
  window = ov_ui_test_open_narrow_window (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  tasks = ov_ui_test_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
  week_list = ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS, "week_list");
  wait_for_count (tasks, "overdue_count", n_overdue - 2);
  ov_ui_test_shoot (GTK_WIDGET (window), "dashboard-tasks-narrow");
  ov_ui_test_scroll_to (gtk_widget_get_ancestor (week_list, ADW_TYPE_PREFERENCES_GROUP), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (window), "dashboard-tasks-narrow-week");

  ov_ui_test_close_window (window);
}

static void
test_dashboard_tasks_empty (void)
{
  g_autofree char *db = ov_ui_test_db_path ("quiet.db");
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  OvWindow *window;
  GtkWidget *dashboard, *tasks, *overdue_list, *week_list;

  ov_account_set_name (account, "Quiet Harbour Ltd");
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);

  /* No open task anywhere (a new account may have been given some). */
  {
    g_autoptr(GPtrArray) open_tasks = ov_store_list_tasks (store, ov_account_get_id (account), 0,
                                                           &error);

    g_assert_no_error (error);
    for (guint i = 0; i < open_tasks->len; i++)
      g_assert_true (ov_store_delete_task (store, g_ptr_array_index (open_tasks, i), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (ov_store_count_overdue_tasks (store, ov_date_today (), NULL), ==, 0);
  g_assert_cmpint (ov_store_count_tasks_due_this_week (store, ov_date_today (), NULL), ==, 0);
  g_clear_object (&store);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  tasks = ov_ui_test_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
  overdue_list = ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS, "overdue_list");
  week_list = ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS, "week_list");

  wait_for_count (tasks, "overdue_count", 0);
  wait_for_count (tasks, "week_count", 0);
  g_assert_false (gtk_widget_has_css_class (ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS,
                                                            "overdue_count"), "overdue"));
  g_assert_cmpuint (ov_ui_test_n_rows (overdue_list), ==, 1);
  texts = ov_ui_test_labels (
    GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (overdue_list), 0)));
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Nothing overdue");
  g_clear_pointer (&texts, g_ptr_array_unref);
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (
                    GTK_LIST_BOX (overdue_list), 0)));
  g_assert_cmpuint (ov_ui_test_n_rows (week_list), ==, 1);
  texts = ov_ui_test_labels (
    GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (week_list), 0)));
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Nothing due this week");
  ov_ui_test_shoot (GTK_WIDGET (window), "dashboard-tasks-empty");

  ov_ui_test_close_window (window);
}

/* The time-to-first-value card */

typedef struct
{
  GtkLabel   *value;
  GtkLabel   *detail;
  const char *expected_value;
  const char *expected_detail;
} CardWait;

static gboolean
card_shows (gpointer data)
{
  CardWait *wait = data;

  return g_strcmp0 (gtk_label_get_label (wait->value), wait->expected_value) == 0 &&
         g_strcmp0 (gtk_label_get_label (wait->detail), wait->expected_detail) == 0;
}

static void
wait_for_card (GtkWidget  *dashboard,
               const char *expected_value,
               const char *expected_detail)
{
  GtkWidget *heading = ov_ui_test_find_label (dashboard, "Time to First Value");
  GtkWidget *value = gtk_widget_get_next_sibling (heading);
  CardWait wait = {
    GTK_LABEL (value), GTK_LABEL (gtk_widget_get_next_sibling (value)),
    expected_value, expected_detail,
  };

  if (!ov_ui_test_wait (card_shows, &wait, 10000))
    g_error ("the TTFV card shows “%s” / “%s”, not “%s” / “%s”",
             gtk_label_get_label (wait.value), gtk_label_get_label (wait.detail),
             expected_value, expected_detail);
}

/* Before → after the sample's program start with the n of each, as the
 * core computes them; without a program start the overall median and
 * where to set one. */
static void
test_dashboard_ttfv (void)
{
  g_autofree char *db = ov_ui_test_db_path ("ttfv.db");
  g_autoptr(OvStore) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;
  OvDate today = ov_date_today ();
  OvTtfvCohorts cohorts;
  OvWindow *window;
  GtkWidget *dashboard;

  window = ov_ui_test_open_sample_window ("ttfv.db");
  check = ov_ui_test_open_store (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");

  g_assert_true (ov_store_read_ttfv_cohorts (check, today, &cohorts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cohorts.program_start, ==, ov_sample_program_start (today));
  g_assert_cmpuint (cohorts.before.n, >, 20);
  g_assert_cmpuint (cohorts.after.n, >, 20);
  g_assert_cmpuint (cohorts.all.open, >, 0);
  g_assert_cmpuint (cohorts.all.n, ==, cohorts.before.n + cohorts.after.n);
  g_assert_cmpfloat (cohorts.after.median, <, cohorts.before.median);

  value = g_strdup_printf ("%.0f → %.0f days", round (cohorts.before.median),
                           round (cohorts.after.median));
  detail = g_strdup_printf ("Median before → after the program start. "
                            "n = %u before, %u after, %u still open",
                            cohorts.before.n, cohorts.after.n, cohorts.all.open);
  g_test_message ("%s; %s", value, detail);
  wait_for_card (dashboard, value, detail);
  ov_ui_test_shoot (GTK_WIDGET (window), "dashboard-ttfv");

  /* The same in a narrow window, read again as it opens. */
  ov_ui_test_close_window (window);
  window = ov_ui_test_open_narrow_window (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  wait_for_card (dashboard, value, detail);
  ov_ui_test_shoot (GTK_WIDGET (window), "dashboard-ttfv-narrow");

  /* Without a program start: the median of all, and where to set one. */
  g_assert_true (ov_store_set_program_start (ov_window_get_store (window), OV_DATE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_read_ttfv_cohorts (check, today, &cohorts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cohorts.program_start, ==, OV_DATE_NONE);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);
  value = g_strdup_printf ("%.0f days", round (cohorts.all.median));
  detail = g_strdup_printf ("Median, n = %u, %u still open. Set the program start in "
                            "Preferences to compare before and after.",
                            cohorts.all.n, cohorts.all.open);
  wait_for_card (dashboard, value, detail);
  ov_ui_test_shoot (GTK_WIDGET (window), "dashboard-ttfv-no-program");

  ov_ui_test_close_window (window);
}

/* The start-up reminder */

static OvTask *
add_overdue_task (OvStore    *store,
                  OvAccount  *account,
                  const char *title,
                  int         days_late)
{
  g_autoptr(GError) error = NULL;
  OvTask *task = ov_task_new (ov_account_get_id (account), OV_STAGE_ADOPT, title);

  ov_task_set_role (task, "csm");
  ov_task_set_due_date (task, ov_date_today () - days_late);
  g_assert_true (ov_store_add_task (store, task, &error));
  g_assert_no_error (error);
  return task;
}

static OvAccount *
add_account (OvStore    *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  OvAccount *account = ov_account_new ();

  ov_account_set_name (account, name);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
  return account;
}

static void
assert_reminder (OvStore    *store,
                 guint       limit,
                 gboolean    enabled,
                 const char *expected_title,
                 const char *expected_body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overdue = ov_store_list_overdue_tasks (store, ov_date_today (), limit,
                                                              &error);
  gint64 n = ov_store_count_overdue_tasks (store, ov_date_today (), &error);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GNotification) notification = NULL;
  gboolean send;

  g_assert_no_error (error);
  send = ov_overdue_reminder_describe (overdue, n, enabled, &title, &body);
  notification = ov_overdue_reminder_build (overdue, n, enabled);

  if (expected_title == NULL)
    {
      g_assert_false (send);
      g_assert_null (title);
      g_assert_null (body);
      g_assert_null (notification);
      return;
    }

  g_assert_true (send);
  g_assert_nonnull (notification);
  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (body, ==, expected_body);
}

static void
test_reminder_text (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) alpha = add_account (store, "Alpha Corp");
  g_autoptr(OvAccount) beta = add_account (store, "Beta Ltd");
  g_autoptr(OvAccount) gamma = add_account (store, "Gamma & Sons");
  g_autoptr(OvAccount) delta = add_account (store, "Delta GmbH");
  g_autoptr(OvTask) t1 = NULL;
  g_autoptr(OvTask) t2 = NULL;
  g_autoptr(OvTask) t3 = NULL;
  g_autoptr(OvTask) t4 = NULL;
  g_autoptr(OvTask) t5 = NULL;
  g_autoptr(OvTask) due_today = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing overdue: nothing to send, on or off. */
  assert_reminder (store, 50, TRUE, NULL, NULL);
  due_today = add_overdue_task (store, alpha, "Due today, not late", 0);
  assert_reminder (store, 50, TRUE, NULL, NULL);

  t1 = add_overdue_task (store, alpha, "Send the welcome pack", 9);
  assert_reminder (store, 50, TRUE, "1 task is overdue", "At Alpha Corp.");
  assert_reminder (store, 50, FALSE, NULL, NULL);

  t2 = add_overdue_task (store, beta, "Confirm the sponsor", 7);
  t3 = add_overdue_task (store, alpha, "Book the kickoff", 5);
  assert_reminder (store, 50, TRUE, "3 tasks are overdue", "At Alpha Corp and Beta Ltd.");

  t4 = add_overdue_task (store, gamma, "Plan the training", 3);
  assert_reminder (store, 50, TRUE, "4 tasks are overdue",
                   "At Alpha Corp, Beta Ltd and Gamma & Sons.");

  /* A fourth account is more than the notification names. */
  t5 = add_overdue_task (store, delta, "Review the goals", 1);
  assert_reminder (store, 50, TRUE, "5 tasks are overdue",
                   "The oldest are at Alpha Corp, Beta Ltd and Gamma & Sons.");

  /* When only the oldest were read, the rest may be elsewhere. */
  assert_reminder (store, 2, TRUE, "5 tasks are overdue", "The oldest are at Alpha Corp and Beta Ltd.");

  /* Done tasks are not overdue. */
  g_assert_true (ov_store_set_task_done (store, t5, ov_date_today (), &error));
  g_assert_true (ov_store_set_task_done (store, t4, ov_date_today (), &error));
  g_assert_no_error (error);
  assert_reminder (store, 50, TRUE, "3 tasks are overdue", "At Alpha Corp and Beta Ltd.");

  /* The preference decides; without settings there is no reminder. */
  g_assert_false (ov_overdue_reminder_is_enabled (NULL));
  settings = g_settings_new (SCHEMA_ID);
  g_assert_true (g_settings_get_boolean (settings, "notify-overdue"));
  g_assert_true (ov_overdue_reminder_is_enabled (settings));
  g_settings_set_boolean (settings, "notify-overdue", FALSE);
  g_assert_false (ov_overdue_reminder_is_enabled (settings));
  g_settings_reset (settings, "notify-overdue");
  g_assert_true (ov_overdue_reminder_is_enabled (settings));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/dashboard/tasks", test_dashboard_tasks);
  g_test_add_func ("/dashboard/tasks-empty", test_dashboard_tasks_empty);
  g_test_add_func ("/dashboard/ttfv", test_dashboard_ttfv);
  g_test_add_func ("/dashboard/reminder-text", test_reminder_text);

  return g_test_run ();
}
