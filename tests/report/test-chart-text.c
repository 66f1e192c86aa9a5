/* test-chart-text.c — charts in one sentence and as a table, exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chart-test-support.h"
#include "ov-date.h"

static void
assert_describes (OvChart    *chart,
                  const char *expected)
{
  g_autofree char *text = ov_chart_describe (chart);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe (void)
{
  g_autoptr(OvChart) bar = chart_test_bar ();
  g_autoptr(OvChart) grouped = chart_test_grouped ();
  g_autoptr(OvChart) step = chart_test_step ();
  g_autoptr(OvChart) box = chart_test_box ();
  g_autoptr(OvChart) dates = chart_test_dates ();
  g_autoptr(OvChart) funnel = chart_test_funnel ();
  g_autoptr(OvChart) empty = ov_chart_new (OV_CHART_BOX);

  assert_describes (bar, "Bar chart “Median days to first value”: "
                         "Before 62 days (n = 120), After 48 days (n = 95).");
  assert_describes (grouped, "Grouped bar chart “Days to first value by quarter”: "
                             "Q1: 2025 62 days (n = 30), 2026 48 days (n = 25); "
                             "Q2: 2025 58 days (n = 30), 2026 45 days (n = 26); "
                             "Q3: 2025 60 days (n = 30), 2026 41 days (n = 27); "
                             "Q4: 2025 55 days (n = 30).");
  assert_describes (step, "Step chart “Accounts reaching first value”: "
                          "Before from 0% at 0 days to 70% at 90 days; "
                          "After from 0% at 0 days to 85% at 90 days.");
  assert_describes (box, "Box plot “Days to first value”: "
                         "Before median 62 days, quartiles 40–80, range 10–150, n = 120; "
                         "After median 48 days, quartiles 30–61.5, range 7–120, n = 95.");
  assert_describes (dates, "Line chart “NPS”: "
                           "Responses from 20 on 5 Jan 2026 to 45 on 30 Mar 2026.");
  assert_describes (funnel, "Horizontal bar chart “Onboarding funnel”: "
                            "Signed 120, Kickoff 110, Embark 95, Adopt 80, Review 60, Expand 40.");
  assert_describes (empty, "Box plot: no data.");

  /* Without a title, and with a value that is not a whole number. */
  ov_chart_set_title (bar, NULL);
  ov_chart_set_value (bar, 0, 1, 47.25, -1);
  assert_describes (bar, "Bar chart: Before 62 days (n = 120), After 47.25 days.");
}

static void
assert_row (OvChartTable *table,
            guint         row,
            const char   *first,
            ...)
{
  va_list args;
  guint column = 0;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    {
      g_assert_cmpuint (column, <, ov_chart_table_get_n_columns (table));
      g_assert_cmpstr (ov_chart_table_get_text (table, row, column), ==, cell);
      column++;
    }
  va_end (args);
  g_assert_cmpuint (column, ==, ov_chart_table_get_n_columns (table));
}

static void
assert_headers (OvChartTable *table,
                const char   *first,
                ...)
{
  va_list args;
  guint column = 0;

  va_start (args, first);
  for (const char *header = first; header != NULL; header = va_arg (args, const char *))
    g_assert_cmpstr (ov_chart_table_get_header (table, column++), ==, header);
  va_end (args);
  g_assert_cmpuint (column, ==, ov_chart_table_get_n_columns (table));
}

static void
test_table_bars (void)
{
  g_autoptr(OvChart) bar = chart_test_bar ();
  g_autoptr(OvChart) grouped = chart_test_grouped ();
  g_autoptr(OvChartTable) table = ov_chart_to_table (bar);

  g_assert_cmpuint (ov_chart_table_get_n_rows (table), ==, 2);
  assert_headers (table, "Category", "Median (days)", "n", NULL);
  assert_row (table, 0, "Before", "62", "120", NULL);
  assert_row (table, 1, "After", "48", "95", NULL);
  g_assert_true (isnan (ov_chart_table_get_value (table, 0, 0)));
  g_assert_cmpfloat (ov_chart_table_get_value (table, 0, 1), ==, 62);
  g_assert_cmpfloat (ov_chart_table_get_value (table, 1, 2), ==, 95);

  g_clear_pointer (&table, ov_chart_table_free);
  table = ov_chart_to_table (grouped);
  g_assert_cmpuint (ov_chart_table_get_n_rows (table), ==, 4);
  assert_headers (table, "Category", "2025 (days)", "n (2025)", "2026 (days)", "n (2026)", NULL);
  assert_row (table, 0, "Q1", "62", "30", "48", "25", NULL);
  assert_row (table, 3, "Q4", "55", "30", "", "", NULL);
  g_assert_cmpfloat (ov_chart_table_get_value (table, 3, 1), ==, 55);
  g_assert_true (isnan (ov_chart_table_get_value (table, 3, 3)));
  g_assert_cmpfloat (ov_chart_table_get_value (table, 2, 3), ==, 41);
}

static void
test_table_boxes (void)
{
  g_autoptr(OvChart) box = chart_test_box ();
  g_autoptr(OvChartTable) table = ov_chart_to_table (box);

  assert_headers (table, "Category", "n", "Minimum (days)", "Lower quartile (days)",
                  "Median (days)", "Upper quartile (days)", "Maximum (days)", NULL);
  g_assert_cmpuint (ov_chart_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, "Before", "120", "10", "40", "62", "80", "150", NULL);
  assert_row (table, 1, "After", "95", "7", "30", "48", "61.5", "120", NULL);
  g_assert_cmpfloat (ov_chart_table_get_value (table, 1, 5), ==, 61.5);
}

static void
test_table_lines (void)
{
  g_autoptr(OvChart) step = chart_test_step ();
  g_autoptr(OvChart) dates = chart_test_dates ();
  g_autoptr(OvChartTable) table = ov_chart_to_table (step);
  static const double days[] = { 0, 10, 14, 21, 30, 35, 45, 50, 60, 90 };

  /* A row for each day either series has a point on. */
  assert_headers (table, "Days since kickoff (days)", "Before (%)", "After (%)", NULL);
  g_assert_cmpuint (ov_chart_table_get_n_rows (table), ==, G_N_ELEMENTS (days));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_assert_cmpfloat (ov_chart_table_get_value (table, i, 0), ==, days[i]);
  assert_row (table, 0, "0", "0", "0", NULL);
  assert_row (table, 1, "10", "", "8", NULL);
  assert_row (table, 2, "14", "5", "", NULL);
  assert_row (table, 9, "90", "70", "85", NULL);

  g_clear_pointer (&table, ov_chart_table_free);
  table = ov_chart_to_table (dates);
  assert_headers (table, "Date", "Responses", NULL);
  g_assert_cmpuint (ov_chart_table_get_n_rows (table), ==, 13);
  assert_row (table, 0, "5 Jan 2026", "20", NULL);
  assert_row (table, 12, "30 Mar 2026", "45", NULL);
  g_assert_cmpfloat (ov_chart_table_get_value (table, 0, 0), ==, ov_date_from_ymd (2026, 1, 5));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart-text/describe", test_describe);
  g_test_add_func ("/chart-text/table-bars", test_table_bars);
  g_test_add_func ("/chart-text/table-boxes", test_table_boxes);
  g_test_add_func ("/chart-text/table-lines", test_table_lines);

  return chart_test_run ();
}
