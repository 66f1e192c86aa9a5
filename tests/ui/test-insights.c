/* test-insights.c — the Insights view on the sample portfolio, driven like a user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the window on the sample, goes to Insights (as Alt+4 does), waits
 * for the figures and reads them against the core's for the same filter;
 * picks a package and sees the figures follow, counted independently from
 * the window's accounts; reads the funnel as a table. Without a program
 * start the view says what to set. Screenshots (light, dark, 400 px) go to
 * the build tree.
 */

#include "config.h"

#include <string.h>

#include "ov-chart-card.h"
#include "ov-insights-text.h"
#include "ov-insights-view.h"
#include "ov-store-program.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"
#include "ov-window-private.h"

/* The sample's program start: half a year before today splits the
 * onboardings into two cohorts of a fair size. */
#define PROGRAM_START_DAYS_AGO 180

static OvWindow *
open_sample (const char *name,
             gboolean    program_start,
             char      **db_out)
{
  g_autofree char *db = ov_ui_test_db_path (name);
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  g_autoptr(GError) error = NULL;
  OvWindow *window;

  g_assert_true (ov_sample_generate (store, OV_SAMPLE_DEFAULT_ACCOUNTS, OV_SAMPLE_DEFAULT_SEED,
                                     ov_date_today (), &error));
  g_assert_no_error (error);
  /* The sample sets a program start of its own: the test sets its own,
   * or none. */
  g_assert_true (ov_store_set_program_start (store,
                                             program_start ? ov_date_add_days (ov_date_today (),
                                                                               -PROGRAM_START_DAYS_AGO)
                                                           : OV_DATE_NONE,
                                             &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  if (db_out != NULL)
    *db_out = g_steal_pointer (&db);
  return window;
}

typedef struct
{
  OvInsightsView *view;
  const char     *package;   /* NULL: any */
} LoadWait;

static gboolean
loaded (gpointer data)
{
  LoadWait *wait = data;
  OvInsights *insights = ov_insights_view_get_insights (wait->view);

  return !ov_insights_view_is_loading (wait->view) && insights != NULL &&
         g_strcmp0 (ov_insights_get_filter (insights)->package, wait->package) == 0;
}

static OvInsightsView *
show_insights (OvWindow *window)
{
  OvInsightsView *view = OV_INSIGHTS_VIEW (ov_window_get_view (window, "insights"));
  LoadWait wait = { view, NULL };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "insights");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "insights");
  g_assert_true (ov_ui_test_wait (loaded, &wait, 20000));
  ov_ui_test_settle ();
  return view;
}

/* The figures of the core for the filter the view used, loaded anew. */
static OvInsights *
core_insights (const char     *db,
               OvInsightsView *view)
{
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  g_autoptr(GError) error = NULL;
  OvInsights *insights;

  insights = ov_insights_load (store, ov_insights_get_filter (ov_insights_view_get_insights (view)),
                               NULL, &error);
  g_assert_no_error (error);
  return insights;
}

static const char *
label_text (OvInsightsView *view,
            const char     *name)
{
  return gtk_label_get_text (GTK_LABEL (ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, name)));
}

static OvChartCard *
card (OvInsightsView *view,
      const char     *name)
{
  return OV_CHART_CARD (ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, name));
}

/* The accounts of the window with @package, counted from the list the
 * accounts view shows: not through the Insights core. */
static guint
count_with_package (OvWindow   *window,
                    const char *package)
{
  GPtrArray *all = ov_account_list_get_all (window->accounts);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += g_strcmp0 (ov_account_get_package (g_ptr_array_index (all, i)), package) == 0;
  return n;
}

static void
assert_ttfv_text (OvInsightsView *view,
                  OvInsights     *core)
{
  g_autoptr(GPtrArray) labels = ov_ui_test_labels (GTK_WIDGET (card (view, "ttfv_card")));
  g_autofree char *expected = ov_insights_text_ttfv (core);
  gboolean found = FALSE;
  OvInsightsTtfv before, after;
  g_autofree char *before_n = NULL;
  g_autofree char *after_n = NULL;

  ov_insights_get_ttfv (core, OV_INSIGHTS_BEFORE, &before);
  ov_insights_get_ttfv (core, OV_INSIGHTS_AFTER, &after);
  g_assert_cmpuint (before.n, >, 0);
  g_assert_cmpuint (after.n, >, 0);
  before_n = g_strdup_printf ("n = %u", before.n);
  after_n = g_strdup_printf ("n = %u", after.n);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (labels, i), expected) == 0)
      found = TRUE;
  g_assert_true (found);
  g_assert_nonnull (strstr (expected, before_n));
  g_assert_nonnull (strstr (expected, after_n));
  g_assert_nonnull (strstr (expected, "Before: "));
}

static void
test_filter_and_table (void)
{
  g_autofree char *db = NULL;
  OvWindow *window = open_sample ("insights.db", TRUE, &db);
  OvInsightsView *view = show_insights (window);
  g_autoptr(OvInsights) all = core_insights (db, view);
  g_autoptr(OvInsights) some = NULL;
  AdwComboRow *package_row;
  GListModel *packages;
  g_autofree char *package = NULL;
  g_autofree char *count = NULL;
  g_autofree char *reached = NULL;
  const OvInsightsFunnelStage *funnel;
  LoadWait wait = { view, NULL };
  OvChartCard *funnel_card;
  guint n;

  /* Every account of the sample, and the TTFV figures as the core has them. */
  g_assert_cmpuint (ov_insights_get_n_accounts (all), ==, OV_SAMPLE_DEFAULT_ACCOUNTS);
  g_assert_cmpstr (label_text (view, "count_label"), ==, "Figures on 200 accounts");
  g_assert_false (gtk_widget_get_visible (ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, "program_page")));
  assert_ttfv_text (view, all);
  g_assert_nonnull (ov_chart_card_get_chart (card (view, "ttfv_card")));
  g_assert_nonnull (ov_chart_card_get_chart (card (view, "curve_card")));
  g_assert_nonnull (ov_chart_card_get_chart (card (view, "funnel_card")));
  g_assert_cmpstr (ov_chart_card_get_description (card (view, "funnel_card")), !=, "");
  {
    graphene_rect_t first, second;

    /* Two cards a line in a wide window. */
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card (view, "ttfv_card")), GTK_WIDGET (view), &first));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card (view, "curve_card")), GTK_WIDGET (view), &second));
    g_assert_cmpfloat (second.origin.x, >=, first.origin.x + first.size.width);
  }
  ov_ui_test_shoot (GTK_WIDGET (window), "insights");
  ov_ui_test_shoot (ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, "cards"), "insights-cards");

  /* Pick the first package: the view loads anew for it. */
  package_row = ADW_COMBO_ROW (ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, "package_row"));
  packages = adw_combo_row_get_model (package_row);
  g_assert_cmpuint (g_list_model_get_n_items (packages), >=, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (packages), 0), ==, "Any package");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (packages),
                                               g_list_model_get_n_items (packages) - 1), ==, "No package");
  package = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (packages), 1));
  adw_combo_row_set_selected (package_row, 1);
  g_assert_true (ov_insights_view_is_loading (view));
  wait.package = package;
  g_assert_true (ov_ui_test_wait (loaded, &wait, 20000));
  ov_ui_test_settle ();

  n = count_with_package (window, package);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, OV_SAMPLE_DEFAULT_ACCOUNTS);
  some = core_insights (db, view);
  g_assert_cmpstr (ov_insights_get_filter (some)->package, ==, package);
  g_assert_cmpuint (ov_insights_get_n_accounts (some), ==, n);
  count = g_strdup_printf ("Figures on %u accounts", n);
  g_assert_cmpstr (label_text (view, "count_label"), ==, count);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (
                      ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, "filter_row"))), package));

  /* The funnel as a table: the first stage's row holds the accounts the
   * core counts as having reached it, for this package. */
  funnel = ov_insights_get_funnel (some);
  g_assert_cmpuint (funnel[0].reached, ==, n);
  funnel_card = card (view, "funnel_card");
  ov_chart_card_set_show_table (funnel_card, TRUE);
  ov_ui_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (
                     ov_ui_test_child (funnel_card, OV_TYPE_CHART_CARD, "stack"))), ==, "table");
  g_assert_cmpuint (ov_chart_card_get_n_table_rows (funnel_card), ==, 1 + OV_N_STAGES);
  g_assert_cmpstr (ov_chart_card_get_table_text (funnel_card, 1, 0), ==, ov_stage_get_title (funnel[0].stage));
  reached = g_strdup_printf ("%u", funnel[0].reached);
  g_assert_cmpstr (ov_chart_card_get_table_text (funnel_card, 1, 1), ==, reached);
  for (guint i = 1; i < OV_N_STAGES; i++)
    {
      g_autofree char *stage_reached = g_strdup_printf ("%u", funnel[i].reached);

      g_assert_cmpstr (ov_chart_card_get_table_text (funnel_card, 1 + i, 1), ==, stage_reached);
    }
  ov_ui_test_screenshot (GTK_WIDGET (window), "insights-package");

  /* Back to any package: the figures of the whole portfolio again. */
  adw_combo_row_set_selected (package_row, 0);
  wait.package = NULL;
  g_assert_true (ov_ui_test_wait (loaded, &wait, 20000));
  g_assert_cmpstr (label_text (view, "count_label"), ==, "Figures on 200 accounts");

  ov_ui_test_close_window (window);
}

/* Without a program start: the view says what to set and where, and the
 * before/after card says why it is empty; the other figures are there. */
static void
test_no_program_start (void)
{
  OvWindow *window = open_sample ("insights-unset.db", FALSE, NULL);
  OvInsightsView *view = show_insights (window);
  GtkWidget *page = ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, "program_page");
  const char *said = ov_chart_card_get_description (card (view, "ttfv_card"));
  graphene_rect_t bounds;

  /* Shown whole: the title, what it is for, and the way to Preferences. */
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_compute_bounds (page, GTK_WIDGET (view), &bounds));
  g_assert_cmpfloat (bounds.size.height, >, 150);
  g_assert_nonnull (ov_ui_test_find_label (page, "Set the Program Start"));
  g_assert_nonnull (ov_ui_test_find_label (page, "Before and after figures compare"));
  g_assert_nonnull (ov_ui_test_find_button (page, "Open _Preferences"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, "program_row"))), ==,
                   "Not set — the before and after figures need it");
  g_assert_true (g_str_has_prefix (said, "No program start date is set"));
  g_assert_null (ov_chart_card_get_chart (card (view, "ttfv_card")));
  g_assert_nonnull (ov_chart_card_get_chart (card (view, "funnel_card")));
  ov_ui_test_screenshot (GTK_WIDGET (window), "insights-unset");

  ov_ui_test_close_window (window);
}

static void
test_narrow (void)
{
  g_autofree char *db = ov_ui_test_db_path ("insights.db");
  OvWindow *window = ov_ui_test_open_narrow_window (db);
  OvInsightsView *view = show_insights (window);

  graphene_rect_t first, second;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 400);
  /* One card a line, each within the window. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card (view, "ttfv_card")), GTK_WIDGET (view), &first));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card (view, "curve_card")), GTK_WIDGET (view), &second));
  g_assert_cmpfloat (second.origin.y, >=, first.origin.y + first.size.height);
  g_assert_cmpfloat (first.origin.x, >=, 0);
  g_assert_cmpfloat (first.origin.x + first.size.width, <=, gtk_widget_get_width (GTK_WIDGET (view)));
  ov_ui_test_shoot (GTK_WIDGET (window), "insights-narrow");
  ov_ui_test_screenshot (ov_ui_test_child (view, OV_TYPE_INSIGHTS_VIEW, "cards"), "insights-narrow-cards");
  ov_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/insights/filter-and-table", test_filter_and_table);
  g_test_add_func ("/insights/no-program-start", test_no_program_start);
  g_test_add_func ("/insights/narrow", test_narrow);

  return g_test_run ();
}
