/* test-tasks-view.c — the Tasks view, driven like a user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over the sample portfolio (today pinned): the view opens with every open
 * task, each filter narrows it to what the core counts for the same
 * filter, ticking a task off takes it out (and Undo puts it back), and the
 * dashboard's "more overdue" line opens the view filtered to overdue.
 * Screenshots, light and dark, wide and 400 px, go to the build tree.
 */

#include "config.h"

#include <string.h>

#include "ov-dashboard-tasks.h"
#include "ov-dashboard-view.h"
#include "ov-task-row.h"
#include "ov-tasks-view.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

typedef struct
{
  OvTasksView *view;
  gint64       total;
} TotalWait;

static gboolean
total_shown (gpointer data)
{
  TotalWait *wait = data;

  return !ov_tasks_view_is_loading (wait->view) &&
         ov_tasks_view_get_total (wait->view) == wait->total;
}

/* The view has read @filter's tasks: as many as the core counts, the
 * first page in the core's order. */
static void
assert_shows (OvTasksView  *view,
              OvStore      *check,
              OvTaskFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(OvTaskFilter) shown = ov_tasks_view_dup_filter (view);
  TotalWait wait = { view, 0 };
  GtkWidget *list = ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "list");
  GtkLabel *count = GTK_LABEL (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "count_label"));
  guint n;

  filter->limit = OV_TASKS_VIEW_PAGE;
  wait.total = ov_store_count_open_tasks (check, filter, &error);
  g_assert_no_error (error);
  expected = ov_store_list_open_tasks (check, filter, &error);
  g_assert_no_error (error);

  if (!ov_ui_test_wait (total_shown, &wait, 20000))
    g_error ("the view shows %" G_GINT64_FORMAT " tasks, the core counts %" G_GINT64_FORMAT,
             ov_tasks_view_get_total (view), wait.total);

  /* The view asks for what the test asked for. */
  g_assert_cmpint (shown->due, ==, filter->due);
  g_assert_cmpint (shown->stage, ==, filter->stage);
  g_assert_cmpstr (shown->role, ==, filter->role);
  g_assert_cmpstr (shown->owner, ==, filter->owner);
  g_assert_cmpstr (shown->account, ==, filter->account);

  n = ov_ui_test_n_rows (list);
  g_assert_cmpuint (n, ==, expected->len);
  if (wait.total == 0)
    return;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (count)));
  for (guint i = 0; i < n; i += 17)
    {
      OvTaskRow *row = OV_TASK_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));
      OvTask *task = g_ptr_array_index (expected, i);

      g_assert_cmpint (ov_task_get_id (ov_task_row_get_task (row)), ==, ov_task_get_id (task));
      /* Whose task it is: the account leads the subtitle. */
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                       ov_task_get_account_name (task)));
    }
}

static guint
position_of (GtkDropDown *drop_down,
             const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        return i;
    }

  g_error ("no “%s” to pick", text);
}

static gboolean
chip_shown (GtkWidget  *view,
            const char *text)
{
  GtkWidget *chips = ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "filter_chips");

  return gtk_widget_get_visible (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "filter_bar")) &&
         ov_ui_test_find_label (chips, text) != NULL;
}

typedef struct
{
  GtkWidget *list;
  gint64     task_id;
} GoneWait;

static gboolean
row_gone (gpointer data)
{
  GoneWait *wait = data;

  for (guint i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (wait->list), i);

      if (row == NULL)
        return TRUE;
      if (ov_task_get_id (ov_task_row_get_task (OV_TASK_ROW (row))) == wait->task_id)
        return FALSE;
    }
}

static void
test_filters_tick_and_dashboard (void)
{
  g_autofree char *db = ov_ui_test_db_path ("tasks-view.db");
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvTaskFilter) filter = NULL;
  g_autoptr(OvTask) ticked = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.overture.Overture");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) owners = NULL;
  OvDate today = ov_date_today ();
  OvWindow *window;
  GtkWidget *view_stack, *view, *list, *toast;
  GtkDropDown *due, *role, *stage, *owner;
  GtkToggleButton *mine;
  GoneWait gone;
  gint64 task_id;
  gint64 all;

  window = ov_ui_test_open_sample_window ("tasks-view.db");
  check = ov_ui_test_open_store (db);
  view_stack = ov_ui_test_child (window, OV_TYPE_WINDOW, "view_stack");
  view = ov_window_get_view (OV_WINDOW (window), "tasks");
  list = ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "list");
  due = GTK_DROP_DOWN (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "due_filter"));
  role = GTK_DROP_DOWN (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "role_filter"));
  stage = GTK_DROP_DOWN (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "stage_filter"));
  owner = GTK_DROP_DOWN (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "owner_filter"));
  mine = GTK_TOGGLE_BUTTON (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "mine_button"));

  /* Alt+6's action: every open task, the first page of them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "tasks"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==,
                   "tasks");
  filter = ov_task_filter_new (today);
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  all = ov_tasks_view_get_total (OV_TASKS_VIEW (view));
  g_assert_cmpint (all, >, OV_TASKS_VIEW_PAGE);
  g_assert_cmpuint (ov_ui_test_n_rows (list), ==, OV_TASKS_VIEW_PAGE);
  g_assert_false (gtk_widget_get_visible (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW,
                                                            "filter_bar")));
  ov_ui_test_shoot (GTK_WIDGET (window), "tasks-view");

  /* Show more: a second page under the first. */
  g_signal_emit_by_name (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "more_button"), "clicked");
  {
    TotalWait wait = { OV_TASKS_VIEW (view), all };

    g_assert_true (ov_ui_test_wait (total_shown, &wait, 20000));
    g_assert_cmpuint (ov_ui_test_n_rows (list), ==, MIN (all, 2 * OV_TASKS_VIEW_PAGE));
  }

  /* Overdue, then CSM's, then in Adopt: each as the core counts it, each
   * with its chip. */
  gtk_drop_down_set_selected (due, OV_TASK_DUE_OVERDUE);
  filter->due = OV_TASK_DUE_OVERDUE;
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  g_assert_true (chip_shown (view, "Due: Overdue"));
  g_assert_cmpint (ov_tasks_view_get_total (OV_TASKS_VIEW (view)), ==,
                   ov_store_count_overdue_tasks (check, today, NULL));

  gtk_drop_down_set_selected (role, position_of (role, ov_role_get_title ("csm")));
  ov_task_filter_set_role (filter, "csm");
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  g_assert_true (chip_shown (view, "Role: Customer success manager"));

  gtk_drop_down_set_selected (stage, OV_STAGE_ADOPT);
  filter->stage = OV_STAGE_ADOPT;
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  g_assert_true (chip_shown (view, "Stage: Adopt"));
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW,
                                                               "filter_button"));

    /* Three chips in a row (a widget's snapshot leaves the popover out:
     * it is a surface of its own). */
    gtk_menu_button_popup (button);
    ov_ui_test_shoot (GTK_WIDGET (window), "tasks-view-filters");
    gtk_menu_button_popdown (button);
  }

  /* Removing a chip removes its filter. */
  g_signal_emit_by_name (gtk_widget_get_ancestor (ov_ui_test_find_label (
                           ov_ui_test_child (view, OV_TYPE_TASKS_VIEW, "filter_chips"),
                           "Role: "), GTK_TYPE_BUTTON), "clicked");
  ov_task_filter_set_role (filter, NULL);
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  g_assert_false (chip_shown (view, "Role: "));

  /* Clear: all of them again. */
  g_signal_emit_by_name (ov_ui_test_find_button (view, "_Clear"), "clicked");
  g_clear_pointer (&filter, ov_task_filter_free);
  filter = ov_task_filter_new (today);
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  g_assert_false (gtk_widget_get_visible (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW,
                                                            "filter_bar")));

  /* An owner from the list, then the account's words, sorted by account. */
  owners = ov_store_list_task_owners (check, &error);
  g_assert_no_error (error);
  g_assert_nonnull (owners[0]);
  gtk_drop_down_set_selected (owner, position_of (owner, owners[0]));
  ov_task_filter_set_owner (filter, owners[0]);
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  gtk_drop_down_set_selected (owner, 0);
  ov_task_filter_set_owner (filter, NULL);

  {
    g_autoptr(GPtrArray) open = ov_store_list_open_tasks (check, filter, NULL);
    OvTask *first = g_ptr_array_index (open, 0);
    g_auto(GStrv) words = g_strsplit (ov_task_get_account_name (first), " ", 2);
    g_autofree char *upper = g_utf8_strup (words[0], -1);

    gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW,
                                                           "account_entry")), upper);
    ov_task_filter_set_account (filter, upper);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW,
                                                                     "sort_account")), TRUE);
    filter->sort = OV_TASK_SORT_ACCOUNT;
    assert_shows (OV_TASKS_VIEW (view), check, filter);
    g_assert_cmpint (ov_tasks_view_get_total (OV_TASKS_VIEW (view)), >, 0);
    g_assert_true (chip_shown (view, "Account: "));
    ov_tasks_view_clear_filters (OV_TASKS_VIEW (view));
    ov_task_filter_set_account (filter, NULL);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (ov_ui_test_child (view, OV_TYPE_TASKS_VIEW,
                                                                     "sort_due")), TRUE);
    filter->sort = OV_TASK_SORT_DUE;
  }

  /* Mine: nobody's without a name; the user's with one, as soon as it is
   * set in Preferences. */
  g_settings_set_string (settings, "user-name", "");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (mine)));
  g_settings_set_string (settings, "user-name", owners[1] != NULL ? owners[1] : owners[0]);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (mine)));
  gtk_toggle_button_set_active (mine, TRUE);
  ov_task_filter_set_owner (filter, owners[1] != NULL ? owners[1] : owners[0]);
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  g_assert_true (chip_shown (view, "Mine: "));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (owner)));
  gtk_toggle_button_set_active (mine, FALSE);
  ov_task_filter_set_owner (filter, NULL);
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  g_settings_reset (settings, "user-name");

  /* Tick the first task off: stored as done today, gone from the list,
   * one fewer; Undo brings it back. */
  {
    OvTaskRow *row = OV_TASK_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    g_autofree char *toast_text = NULL;
    TotalWait wait = { OV_TASKS_VIEW (view), all - 1 };

    task_id = ov_task_get_id (ov_task_row_get_task (row));
    toast_text = g_strdup_printf ("“%s” done", ov_task_get_title (ov_task_row_get_task (row)));
    ov_task_row_set_done (row, TRUE);

    toast = ov_ui_test_wait_toast (window, toast_text);
    g_assert_nonnull (toast);
    g_assert_true (ov_ui_test_wait (total_shown, &wait, 20000));
    gone = (GoneWait) { list, task_id };
    g_assert_true (row_gone (&gone));
    ticked = ov_store_get_task (check, task_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ov_task_get_done_date (ticked), ==, today);
    g_clear_object (&ticked);
    ov_ui_test_shoot (GTK_WIDGET (window), "tasks-view-ticked");

    g_signal_emit_by_name (ov_ui_test_find_button (ov_ui_test_child (window, OV_TYPE_WINDOW,
                                                                     "toast_overlay"),
                                                   "_Undo"),
                           "clicked");
    wait.total = all;
    g_assert_true (ov_ui_test_wait (total_shown, &wait, 20000));
    ticked = ov_store_get_task (check, task_id, &error);
    g_assert_cmpint (ov_task_get_done_date (ticked), ==, OV_DATE_NONE);
    g_assert_cmpint (ov_task_get_id (ov_task_row_get_task (OV_TASK_ROW (
                       gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)))), ==, task_id);
  }

  /* The dashboard's "N more overdue tasks" opens the view on overdue. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s",
                                             "dashboard"));
  {
    GtkWidget *dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
    GtkWidget *tasks = ov_ui_test_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
    GtkWidget *overdue_list = ov_ui_test_child (tasks, OV_TYPE_DASHBOARD_TASKS, "overdue_list");
    gint64 n_overdue = ov_store_count_overdue_tasks (check, today, NULL);
    g_autofree char *more = g_strdup_printf ("%d more overdue tasks",
                                             (int)(n_overdue - OV_DASHBOARD_TASKS_SHOWN));
    GtkWidget *label, *row;

    g_assert_cmpint (n_overdue, >, OV_DASHBOARD_TASKS_SHOWN + 1);
    while (ov_dashboard_tasks_is_loading (OV_DASHBOARD_TASKS (tasks)) ||
           ov_ui_test_find_label (overdue_list, more) == NULL)
      g_main_context_iteration (NULL, TRUE);

    label = ov_ui_test_find_label (overdue_list, more);
    row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
    g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    g_assert_true (gtk_widget_has_css_class (row, "more-tasks"));
    ov_ui_test_scroll_to (row, FALSE);
    ov_ui_test_shoot (GTK_WIDGET (window), "tasks-dashboard-more");
    g_signal_emit_by_name (overdue_list, "row-activated", row);
  }
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==,
                   "tasks");
  filter->due = OV_TASK_DUE_OVERDUE;
  assert_shows (OV_TASKS_VIEW (view), check, filter);
  g_assert_true (chip_shown (view, "Due: Overdue"));
  ov_ui_test_shoot (GTK_WIDGET (window), "tasks-view-overdue");

  ov_ui_test_close_window (window);
  g_clear_object (&check);
}

/* At 400 px: nothing cut off, a list of rows. */
static void
test_narrow (void)
{
  g_autofree char *db = ov_ui_test_db_path ("tasks-view.db");
  OvWindow *window = ov_ui_test_open_narrow_window (db);
  GtkWidget *view = ov_window_get_view (OV_WINDOW (window), "tasks");
  TotalWait wait = { OV_TASKS_VIEW (view), 0 };
  g_autoptr(OvStore) check = ov_ui_test_open_store (db);
  g_autoptr(OvTaskFilter) filter = ov_task_filter_new (ov_date_today ());

  filter->due = OV_TASK_DUE_OVERDUE;
  wait.total = ov_store_count_open_tasks (check, filter, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tasks", "i",
                                             OV_TASK_DUE_OVERDUE));
  g_assert_true (ov_ui_test_wait (total_shown, &wait, 20000));
  g_assert_cmpint (gtk_widget_get_width (view), <=, 400);
  ov_ui_test_shoot (GTK_WIDGET (window), "tasks-view-narrow");

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/tasks-view/filters-tick-and-dashboard", test_filters_tick_and_dashboard);
  g_test_add_func ("/tasks-view/narrow", test_narrow);

  return g_test_run ();
}
