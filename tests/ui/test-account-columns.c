/* test-account-columns.c — the accounts table's optional columns: shown
 * as the column menu says, and remembered; the columns of figures (days in
 * stage, open tasks, health) read only once shown, in their cells and
 * sorted by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-accounts-view.h"
#include "ov-ui-test.h"

static GtkWidget *
view_child (GtkWidget  *view,
            const char *name)
{
  return ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, name);
}

static GtkColumnViewColumn *
view_column (GtkWidget  *view,
             const char *name)
{
  GObject *column = gtk_widget_get_template_child (view, OV_TYPE_ACCOUNTS_VIEW, name);

  g_assert_true (GTK_IS_COLUMN_VIEW_COLUMN (column));
  return GTK_COLUMN_VIEW_COLUMN (column);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
show_accounts (OvWindow *window)
{
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");
  view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ov_ui_test_settle ();
  return view;
}

static void
test_columns_chosen_and_remembered (void)
{
  OvWindow *window = ov_ui_test_open_sample_window ("columns.db");
  g_autoptr(OvAccount) first = NULL;
  g_autofree char *db = NULL;
  g_auto(GStrv) shown = NULL;
  GSettings *settings = ov_context_get_settings (ov_window_get_context (window));
  GtkColumnViewColumn *segment, *package;
  GtkWidget *view;

  db = g_strdup (ov_store_get_path (ov_window_get_store (window)));
  view = show_accounts (window);
  segment = view_column (view, "segment_column");
  package = view_column (view, "package_column");

  /* By default both show, with the account's segment in its cells; each
   * header offers the menu. */
  g_assert_true (gtk_column_view_column_get_visible (segment));
  g_assert_true (gtk_column_view_column_get_visible (package));
  first = g_list_model_get_item (G_LIST_MODEL (ov_window_get_accounts (window)), 0);
  g_assert_cmpstr (ov_account_get_segment (first), !=, "");
  g_assert_true (shows_text (view_child (view, "column_view"), ov_account_get_segment (first)));
  g_assert_nonnull (gtk_column_view_column_get_header_menu (segment));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (view_child (view, "columns_button"))));

  /* The menu's check item hides the segment, and the setting says so. */
  gtk_widget_activate_action (view, "columns.segment", NULL);
  ov_ui_test_settle ();
  g_assert_false (gtk_column_view_column_get_visible (segment));
  g_assert_true (gtk_column_view_column_get_visible (package));
  shown = g_settings_get_strv (settings, "account-columns");
  g_assert_cmpstrv (shown, ((const char *[]) { "package", NULL }));
  ov_ui_test_close_window (window);

  /* A new window remembers. */
  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  view = show_accounts (window);
  g_assert_false (gtk_column_view_column_get_visible (view_column (view, "segment_column")));
  g_assert_true (gtk_column_view_column_get_visible (view_column (view, "package_column")));

  /* And shows it again when asked. */
  gtk_widget_activate_action (view, "columns.segment", NULL);
  ov_ui_test_settle ();
  g_assert_true (gtk_column_view_column_get_visible (view_column (view, "segment_column")));
  g_clear_pointer (&shown, g_strfreev);
  shown = g_settings_get_strv (settings, "account-columns");
  g_assert_true (g_strv_contains ((const char * const *)shown, "segment"));
  g_settings_reset (settings, "account-columns");
  ov_ui_test_close_window (window);
}

/* The table row that shows @name (a cell's inscription), or NULL. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *name)
{
  if (GTK_IS_INSCRIPTION (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), name) == 0)
    return gtk_widget_get_parent (gtk_widget_get_parent (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, name);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
figures_read (gpointer data)
{
  return ov_account_list_get_figures (data) != NULL;
}

typedef struct
{
  OvAccountList    *list;
  OvAccountFigures *before;
} Reread;

static gboolean
figures_reread (gpointer data)
{
  Reread *reread = data;
  OvAccountFigures *now = ov_account_list_get_figures (reread->list);

  return now != NULL && now != reread->before;
}

static const OvAccountFigure *
figure_at (OvAccountList *list,
           guint          position)
{
  g_autoptr(OvAccount) account = g_list_model_get_item (G_LIST_MODEL (list), position);

  return ov_account_figures_lookup (ov_account_list_get_figures (list),
                                    ov_account_get_id (account));
}

/* Days in stage, open tasks and health: not read with the portfolio;
 * read once shown from the column menu; each account's cells say what
 * the store says of it; sorted by; remembered. */
static void
test_figure_columns (void)
{
  OvWindow *window = ov_ui_test_open_sample_window ("figures.db");
  OvAccountList *list = ov_window_get_accounts (window);
  GSettings *settings = ov_context_get_settings (ov_window_get_context (window));
  OvStore *store = ov_window_get_store (window);
  OvDate today = ov_context_get_today (ov_window_get_context (window));
  static const char *const ids[] = { "days-in-stage", "open-tasks", "health" };
  static const char *const columns[] = { "stage_days_column", "tasks_column", "health_column" };
  double weights[OV_HEALTH_N_COMPONENTS];
  g_autofree char *db = g_strdup (ov_store_get_path (store));
  g_auto(GStrv) shown = NULL;
  GtkColumnView *table;
  GtkWidget *view;
  guint n, at_risk_seen = 0;
  Reread reread = { list, NULL };

  view = show_accounts (window);
  table = GTK_COLUMN_VIEW (view_child (view, "column_view"));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 20);

  /* Off by default, and nothing read for them. */
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_false (gtk_column_view_column_get_visible (view_column (view, columns[i])));
  ov_ui_test_settle ();
  g_assert_null (ov_account_list_get_figures (list));

  /* Each shown from the menu; the figures come in. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *action = g_strconcat ("columns.", ids[i], NULL);

      gtk_widget_activate_action (view, action, NULL);
      ov_ui_test_settle ();
      g_assert_true (gtk_column_view_column_get_visible (view_column (view, columns[i])));
    }
  g_assert_true (ov_ui_test_wait (figures_read, list, 20000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ov_ui_test_settle ();

  /* Sorted by health, worst first: the scores rise, those without one
   * last. */
  gtk_column_view_sort_by_column (table, view_column (view, "health_column"), GTK_SORT_ASCENDING);
  ov_ui_test_settle ();
  for (guint i = 1; i < n; i++)
    {
      const OvAccountFigure *a = figure_at (list, i - 1), *b = figure_at (list, i);

      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_true (isnan (b->health) || (!isnan (a->health) && a->health <= b->health));
    }
  g_assert_false (isnan (figure_at (list, 0)->health));

  /* The first rows' cells, against the account page's reading of health
   * and the store's tasks of each account. */
  ov_store_get_health_weights (store, weights);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(OvAccount) account = g_list_model_get_item (G_LIST_MODEL (list), i);
      const OvAccountFigure *figure = figure_at (list, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *score = NULL;
      g_autofree char *open = NULL;
      g_autofree char *days = NULL;
      OvHealthAssessment assessment;
      OvHealthFacts facts;
      GtkWidget *row = find_row (GTK_WIDGET (table), ov_account_get_name (account));

      g_assert_nonnull (row);
      g_assert_true (ov_store_get_health_facts (store, ov_account_get_id (account), today,
                                                &facts, &error));
      g_assert_no_error (error);
      g_assert_true (ov_health_assess (&facts, weights, today, &assessment, &error));
      g_assert_no_error (error);
      g_assert_cmpint (assessment.source, !=, OV_HEALTH_SOURCE_NONE);
      g_assert_cmpfloat (figure->health, ==, assessment.value);
      g_assert_cmpuint (figure->overdue_tasks, ==, facts.overdue);

      score = g_strdup_printf ("%.0f", assessment.value);
      g_assert_true (shows_text (row, score));
      if (assessment.value < OV_HEALTH_AT_RISK_BELOW)
        {
          g_assert_true (shows_text (row, "at risk"));
          at_risk_seen++;
        }
      open = g_strdup_printf ("%u", figure->open_tasks);
      g_assert_true (shows_text (row, open));
      if (facts.overdue > 0)
        {
          g_autofree char *overdue = g_strdup_printf ("%u overdue", facts.overdue);

          g_assert_true (shows_text (row, overdue));
        }
      if (figure->days_in_stage >= 0)
        days = g_strdup_printf (figure->days_in_stage == 1 ? "%d day" : "%d days",
                                figure->days_in_stage);
      g_assert_true (shows_text (row, days != NULL ? days : "—"));
      ov_health_facts_clear (&facts);
    }
  /* The worst scores of the sample are at risk. */
  g_assert_cmpuint (at_risk_seen, >, 0);

  /* Most open tasks first; then fewest days in stage first. */
  gtk_column_view_sort_by_column (table, view_column (view, "tasks_column"), GTK_SORT_DESCENDING);
  ov_ui_test_settle ();
  for (guint i = 1; i < n; i++)
    {
      const OvAccountFigure *a = figure_at (list, i - 1), *b = figure_at (list, i);

      g_assert_true (a->open_tasks > b->open_tasks ||
                     (a->open_tasks == b->open_tasks && a->overdue_tasks >= b->overdue_tasks));
    }
  g_assert_cmpuint (figure_at (list, 0)->open_tasks, >, 0);
  gtk_column_view_sort_by_column (table, view_column (view, "stage_days_column"),
                                  GTK_SORT_ASCENDING);
  ov_ui_test_settle ();
  for (guint i = 1; i < n; i++)
    {
      const OvAccountFigure *a = figure_at (list, i - 1), *b = figure_at (list, i);

      g_assert_true (b->days_in_stage < 0 ||
                     (a->days_in_stage >= 0 && a->days_in_stage <= b->days_in_stage));
    }

  /* Completing a task of the first account reads them again. */
  {
    g_autoptr(OvAccount) first = NULL;
    g_autoptr(GPtrArray) tasks = NULL;
    g_autoptr(GError) error = NULL;
    gboolean done = FALSE;

    gtk_column_view_sort_by_column (table, view_column (view, "tasks_column"),
                                    GTK_SORT_DESCENDING);
    ov_ui_test_settle ();
    first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    reread.before = ov_account_figures_ref (ov_account_list_get_figures (list));
    tasks = ov_store_list_tasks (store, ov_account_get_id (first), 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < tasks->len && !done; i++)
      {
        OvTask *task = g_ptr_array_index (tasks, i);

        if (ov_task_get_done_date (task) != OV_DATE_NONE)
          continue;
        g_assert_true (ov_store_set_task_done (store, task, today, &error));
        g_assert_no_error (error);
        done = TRUE;
      }
    g_assert_true (done);
    g_assert_true (ov_ui_test_wait (figures_reread, &reread, 20000));
    g_assert_cmpuint (ov_account_figures_lookup (ov_account_list_get_figures (list),
                                                 ov_account_get_id (first))->open_tasks, ==,
                      ov_account_figures_lookup (reread.before,
                                                 ov_account_get_id (first))->open_tasks - 1);
    ov_account_figures_unref (reread.before);
  }

  shown = g_settings_get_strv (settings, "account-columns");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (g_strv_contains ((const char * const *)shown, ids[i]));
  ov_ui_test_shoot (GTK_WIDGET (window), "account-figure-columns");
  ov_ui_test_close_window (window);

  /* A new window shows them again, and reads them. */
  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  view = show_accounts (window);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_true (gtk_column_view_column_get_visible (view_column (view, columns[i])));
  g_assert_true (ov_ui_test_wait (figures_read, ov_window_get_accounts (window), 20000));
  g_settings_reset (settings, "account-columns");
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/account-columns/chosen-and-remembered", test_columns_chosen_and_remembered);
  g_test_add_func ("/account-columns/figures", test_figure_columns);

  return g_test_run ();
}
