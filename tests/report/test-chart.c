/* test-chart.c — the chart model, round ticks, and what the pointer is over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chart-test-support.h"
#include "ov-chart-private.h"
#include "ov-date.h"

static void
test_model (void)
{
  g_autoptr(OvChart) chart = chart_test_grouped ();
  const OvChartBox *box;
  double value, min, max;
  int n;

  g_assert_cmpint (ov_chart_get_kind (chart), ==, OV_CHART_GROUPED_BAR);
  g_assert_cmpstr (ov_chart_get_title (chart), ==, "Days to first value by quarter");
  g_assert_cmpuint (ov_chart_get_n_categories (chart), ==, 4);
  g_assert_cmpstr (ov_chart_get_category (chart, 3), ==, "Q4");
  g_assert_cmpuint (ov_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (ov_chart_get_series_name (chart, 1), ==, "2026");
  g_assert_cmpstr (ov_chart_get_axis_label (chart, OV_CHART_AXIS_Y), ==, "Median days");
  g_assert_cmpstr (ov_chart_get_axis_unit (chart, OV_CHART_AXIS_Y), ==, "days");
  g_assert_null (ov_chart_get_axis_label (chart, OV_CHART_AXIS_X));

  g_assert_true (ov_chart_get_value (chart, 1, 2, &value, &n));
  g_assert_cmpfloat (value, ==, 41);
  g_assert_cmpint (n, ==, 27);
  /* 2026 has no Q4 yet. */
  g_assert_false (ov_chart_get_value (chart, 1, 3, &value, &n));

  g_assert_true (ov_chart_get_data_range (chart, OV_CHART_AXIS_Y, &min, &max));
  g_assert_cmpfloat (min, ==, 41);
  g_assert_cmpfloat (max, ==, 62);
  g_assert_false (ov_chart_get_data_range (chart, OV_CHART_AXIS_X, &min, &max));
  g_assert_false (ov_chart_is_empty (chart));

  ov_chart_get_axis_range (chart, OV_CHART_AXIS_Y, &min, &max);
  g_assert_true (isnan (min) && isnan (max));
  ov_chart_set_axis_range (chart, OV_CHART_AXIS_Y, 0, 100);
  ov_chart_get_axis_range (chart, OV_CHART_AXIS_Y, &min, &max);
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 100);

  g_clear_object (&chart);
  chart = chart_test_box ();
  box = ov_chart_get_box (chart, 0, 1);
  g_assert_nonnull (box);
  g_assert_cmpint (box->n, ==, 95);
  g_assert_cmpfloat (box->q3, ==, 61.5);
  g_assert_true (ov_chart_get_data_range (chart, OV_CHART_AXIS_Y, &min, &max));
  g_assert_cmpfloat (min, ==, 7);
  g_assert_cmpfloat (max, ==, 150);

  g_clear_object (&chart);
  chart = chart_test_step ();
  g_assert_true (ov_chart_get_data_range (chart, OV_CHART_AXIS_X, &min, &max));
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 90);
}

static void
test_model_misuse (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(OvChart) chart = ov_chart_new (OV_CHART_LINE);
      guint s = ov_chart_add_series (chart, "x");

      ov_chart_add_point (chart, s, 10, 1);
      /* Points come in ascending x. */
      ov_chart_add_point (chart, s, 5, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*ov_chart_add_point*");
}

static void
test_kind_property (void)
{
  g_autoptr(OvChart) chart = g_object_new (OV_TYPE_CHART, "kind", OV_CHART_STEP,
                                           "title", "KM", "show-legend", FALSE, NULL);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (OV_TYPE_CHART_KIND);

  g_assert_cmpint (ov_chart_get_kind (chart), ==, OV_CHART_STEP);
  g_assert_cmpstr (ov_chart_get_title (chart), ==, "KM");
  g_assert_false (ov_chart_get_show_legend (chart));
  g_assert_cmpstr (g_enum_get_value (kinds, OV_CHART_HORIZONTAL_BAR)->value_nick, ==,
                   "horizontal-bar");
  g_assert_false (ov_chart_kind_has_categories (OV_CHART_STEP));
  g_assert_true (ov_chart_kind_has_categories (OV_CHART_BOX));
}

static void
assert_ticks (const OvChartTicks *ticks,
              double              lower,
              double              upper,
              const double       *expected,
              guint               n)
{
  g_assert_cmpfloat (ticks->lower, ==, lower);
  g_assert_cmpfloat (ticks->upper, ==, upper);
  g_assert_cmpuint (ticks->n, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (ov_chart_ticks_get (ticks, i), ==, expected[i]);
}

static void
test_ticks (void)
{
  OvChartTicks ticks;

  /* A bar of 62: the axis runs to the round 80. */
  ov_chart_ticks_compute (0, 62, FALSE, FALSE, 6, &ticks);
  assert_ticks (&ticks, 0, 80, (double[]) { 0, 20, 40, 60, 80 }, 5);
  g_assert_cmpint (ticks.decimals, ==, 0);

  ov_chart_ticks_compute (0, 0.37, FALSE, FALSE, 5, &ticks);
  assert_ticks (&ticks, 0, 0.4, (double[]) { 0, 0.1, 0.2, 0.3, 0.4 }, 5);
  g_assert_cmpint (ticks.decimals, ==, 1);

  /* Below zero too (an NPS). */
  ov_chart_ticks_compute (-13, 42, FALSE, FALSE, 8, &ticks);
  assert_ticks (&ticks, -20, 50, (double[]) { -20, -10, 0, 10, 20, 30, 40, 50 }, 8);

  ov_chart_ticks_compute (0, 10, FALSE, FALSE, 5, &ticks);
  assert_ticks (&ticks, 0, 10, (double[]) { 0, 2.5, 5, 7.5, 10 }, 5);
  g_assert_cmpint (ticks.decimals, ==, 1);

  /* A range set on the chart is kept, with round ticks inside it. */
  ov_chart_ticks_compute (0, 100, TRUE, TRUE, 6, &ticks);
  assert_ticks (&ticks, 0, 100, (double[]) { 0, 20, 40, 60, 80, 100 }, 6);
  ov_chart_ticks_compute (5, 95, TRUE, TRUE, 5, &ticks);
  assert_ticks (&ticks, 5, 95, (double[]) { 25, 50, 75 }, 3);

  /* One value still makes an axis. */
  ov_chart_ticks_compute (0, 0, FALSE, FALSE, 5, &ticks);
  g_assert_cmpfloat (ticks.lower, ==, 0);
  g_assert_cmpfloat (ticks.upper, ==, 1);
  g_assert_cmpuint (ticks.n, >=, 2);
  g_assert_cmpfloat (ov_chart_ticks_fraction (&ticks, 0.5), ==, 0.5);

  /* Never more ticks than asked for. */
  for (guint max = 2; max < 12; max++)
    {
      ov_chart_ticks_compute (0, 1234, FALSE, FALSE, max, &ticks);
      g_assert_cmpuint (ticks.n, <=, max);
      g_assert_cmpuint (ticks.n, >=, 2);
    }
}

static void
test_ticks_days (void)
{
  OvDate start = ov_date_from_ymd (2026, 1, 5);
  OvDate end = ov_date_from_ymd (2026, 3, 30);
  OvChartTicks ticks;

  ov_chart_ticks_compute_days (start, end, 6, &ticks);
  g_assert_cmpfloat (ticks.lower, ==, start);
  g_assert_cmpfloat (ticks.upper, ==, end);
  g_assert_cmpuint (ticks.n, <=, 6);
  g_assert_cmpuint (ticks.n, >=, 3);
  g_assert_cmpfloat (fmod (ticks.step, 7), ==, 0);
  for (guint i = 0; i < ticks.n; i++)
    {
      double day = ov_chart_ticks_get (&ticks, i);

      g_assert_cmpfloat (day, >=, start);
      g_assert_cmpfloat (day, <=, end);
      /* Weekly steps fall on Mondays. */
      g_assert_cmpint (ov_date_get_weekday ((OvDate)day), ==, G_DATE_MONDAY);
    }

  /* A few days: a tick a day. */
  ov_chart_ticks_compute_days (start, start + 3, 6, &ticks);
  g_assert_cmpfloat (ticks.step, ==, 1);
  g_assert_cmpuint (ticks.n, ==, 4);
}

/* The middle of bar (@series, @category), as the painter places it,
 * and the top of the plot. */
static void
bar_middle (OvChart *chart,
            int      width,
            int      height,
            guint    series,
            guint    category,
            double  *x,
            double  *y,
            double  *top)
{
  PangoContext *context = ov_chart_layout_default_context ();
  OvChartLayout layout;
  cairo_rectangle_t bar;

  ov_chart_layout_init (&layout, chart, context, width, height);
  g_assert_true (ov_chart_layout_bar (&layout, series, category, &bar));
  *x = bar.x + bar.width / 2;
  *y = bar.y + bar.height / 2;
  *top = layout.plot.y;
  ov_chart_layout_clear (&layout);
  g_object_unref (context);
}

static void
test_hit_bars (void)
{
  g_autoptr(OvChart) bar = chart_test_bar ();
  g_autoptr(OvChart) grouped = chart_test_grouped ();
  g_autoptr(OvChart) funnel = chart_test_funnel ();
  OvChartHit hit;
  double x, y, top;

  bar_middle (bar, 640, 400, 0, 1, &x, &y, &top);
  g_assert_true (ov_chart_hit_test (bar, 640, 400, NULL, x, y, &hit));
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.category, ==, 1);
  g_assert_cmpint (hit.point, ==, -1);
  g_assert_cmpstr (hit.text, ==, "After: 48 days (n = 95)");
  ov_chart_hit_clear (&hit);
  g_assert_null (hit.text);

  /* Above a bar, in its column, is still the bar. */
  g_assert_true (ov_chart_hit_test (bar, 640, 400, NULL, x, top + 2, &hit));
  g_assert_cmpint (hit.category, ==, 1);
  ov_chart_hit_clear (&hit);

  /* Between the bars, and on the title, nothing. */
  g_assert_false (ov_chart_hit_test (bar, 640, 400, NULL, 320, y, &hit));
  g_assert_cmpint (hit.series, ==, -1);
  g_assert_null (hit.text);
  g_assert_false (ov_chart_hit_test (bar, 640, 400, NULL, x, 5, &hit));

  bar_middle (grouped, 640, 400, 1, 2, &x, &y, &top);
  g_assert_true (ov_chart_hit_test (grouped, 640, 400, NULL, x, y, &hit));
  g_assert_cmpstr (hit.text, ==, "Q3, 2026: 41 days (n = 27)");
  ov_chart_hit_clear (&hit);

  bar_middle (funnel, 300, 220, 0, 4, &x, &y, &top);
  g_assert_true (ov_chart_hit_test (funnel, 300, 220, NULL, x, y, &hit));
  g_assert_cmpstr (hit.text, ==, "Review: 60");
  ov_chart_hit_clear (&hit);
}

static void
test_hit_points_and_boxes (void)
{
  g_autoptr(OvChart) step = chart_test_step ();
  g_autoptr(OvChart) box = chart_test_box ();
  g_autoptr(OvChart) dates = chart_test_dates ();
  PangoContext *context = ov_chart_layout_default_context ();
  OvChartLayout layout;
  OvChartHit hit;
  double x, y, width;

  /* On the point (30 days, 20 %) of Before, and along the level stretch
   * after it. */
  ov_chart_layout_init (&layout, step, context, 640, 400);
  x = ov_chart_layout_x_pos (&layout, 30);
  y = ov_chart_layout_value_pos (&layout, 20);
  g_assert_true (ov_chart_hit_test (step, 640, 400, context, x + 1, y - 1, &hit));
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.point, ==, 2);
  g_assert_cmpint (hit.category, ==, -1);
  g_assert_cmpstr (hit.text, ==, "Before: 20% at 30 days");
  ov_chart_hit_clear (&hit);

  g_assert_true (ov_chart_hit_test (step, 640, 400, context,
                                    ov_chart_layout_x_pos (&layout, 40), y, &hit));
  g_assert_cmpint (hit.point, ==, 2);
  ov_chart_hit_clear (&hit);

  /* Far from any line. */
  g_assert_false (ov_chart_hit_test (step, 640, 400, context, ov_chart_layout_x_pos (&layout, 5),
                                     ov_chart_layout_value_pos (&layout, 90), &hit));
  ov_chart_layout_clear (&layout);

  ov_chart_layout_init (&layout, box, context, 640, 400);
  ov_chart_box_extent (&layout, 0, 0, &x, &width);
  g_assert_true (ov_chart_hit_test (box, 640, 400, context, x + width / 2,
                                    layout.plot.y + 5, &hit));
  g_assert_cmpstr (hit.text, ==,
                   "Before: median 62 days, quartiles 40–80, range 10–150, n = 120");
  ov_chart_hit_clear (&hit);
  ov_chart_layout_clear (&layout);

  ov_chart_layout_init (&layout, dates, context, 640, 400);
  x = ov_chart_layout_x_pos (&layout, ov_date_from_ymd (2026, 1, 19));
  y = ov_chart_layout_value_pos (&layout, 31);
  g_assert_true (ov_chart_hit_test (dates, 640, 400, context, x, y, &hit));
  g_assert_cmpstr (hit.text, ==, "Responses: 31 on 19 Jan 2026");
  ov_chart_hit_clear (&hit);
  ov_chart_layout_clear (&layout);

  g_object_unref (context);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart/model", test_model);
  g_test_add_func ("/chart/model-misuse", test_model_misuse);
  g_test_add_func ("/chart/kind-property", test_kind_property);
  g_test_add_func ("/chart/ticks", test_ticks);
  g_test_add_func ("/chart/ticks-days", test_ticks_days);
  g_test_add_func ("/chart/hit-bars", test_hit_bars);
  g_test_add_func ("/chart/hit-points-and-boxes", test_hit_points_and_boxes);

  return chart_test_run ();
}
