/* chart-test-support.c — the charts the report tests paint and read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts of the Insights view and the review report, with round
 * numbers a reader can check by eye.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "chart-test-support.h"
#include "ov-date.h"

/* Median days to first value, before and after a new playbook. */
OvChart *
chart_test_bar (void)
{
  OvChart *chart = ov_chart_new (OV_CHART_BAR);
  guint before = ov_chart_add_category (chart, "Before");
  guint after = ov_chart_add_category (chart, "After");
  guint median = ov_chart_add_series (chart, "Median");

  ov_chart_set_title (chart, "Median days to first value");
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, "Days to first value", "days");
  ov_chart_set_value (chart, median, before, 62, 120);
  ov_chart_set_value (chart, median, after, 48, 95);
  return chart;
}

OvChart *
chart_test_grouped (void)
{
  OvChart *chart = ov_chart_new (OV_CHART_GROUPED_BAR);
  const char *quarters[] = { "Q1", "Q2", "Q3", "Q4" };
  double last_year[] = { 62, 58, 60, 55 };
  double this_year[] = { 48, 45, 41, 39.5 };
  guint a, b;

  ov_chart_set_title (chart, "Days to first value by quarter");
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, "Median days", "days");
  a = ov_chart_add_series (chart, "2025");
  b = ov_chart_add_series (chart, "2026");
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      guint c = ov_chart_add_category (chart, quarters[i]);

      ov_chart_set_value (chart, a, c, last_year[i], 30);
      if (i < 3)
        ov_chart_set_value (chart, b, c, this_year[i], 25 + (int)i);
    }
  return chart;
}

/* Share of accounts that reached first value by each day since kickoff:
 * a Kaplan–Meier curve, rising. */
OvChart *
chart_test_step (void)
{
  OvChart *chart = ov_chart_new (OV_CHART_STEP);
  static const OvChartPoint before[] = {
    { 0, 0 }, { 14, 5 }, { 30, 20 }, { 45, 40 }, { 60, 55 }, { 90, 70 },
  };
  static const OvChartPoint after[] = {
    { 0, 0 }, { 10, 8 }, { 21, 30 }, { 35, 52 }, { 50, 68 }, { 90, 85 },
  };
  guint a, b;

  ov_chart_set_title (chart, "Accounts reaching first value");
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, "Days since kickoff", "days");
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, "Reached first value", "%");
  ov_chart_set_axis_range (chart, OV_CHART_AXIS_Y, 0, 100);
  a = ov_chart_add_series (chart, "Before");
  b = ov_chart_add_series (chart, "After");
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    ov_chart_add_point (chart, a, before[i].x, before[i].y);
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    ov_chart_add_point (chart, b, after[i].x, after[i].y);
  return chart;
}

OvChart *
chart_test_box (void)
{
  OvChart *chart = ov_chart_new (OV_CHART_BOX);
  OvChartBox before = { 120, 10, 40, 62, 80, 150 };
  OvChartBox after = { 95, 7, 30, 48, 61.5, 120 };
  guint s;

  ov_chart_set_title (chart, "Days to first value");
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, NULL, "days");
  s = ov_chart_add_series (chart, "Accounts");
  ov_chart_set_box (chart, s, ov_chart_add_category (chart, "Before"), &before);
  ov_chart_set_box (chart, s, ov_chart_add_category (chart, "After"), &after);
  return chart;
}

/* NPS responses over a quarter, by date. */
OvChart *
chart_test_dates (void)
{
  OvChart *chart = ov_chart_new (OV_CHART_LINE);
  OvDate start = ov_date_from_ymd (2026, 1, 5);
  double nps[] = { 20, 24, 31, 28, 35, 40, 38, 42, 41, 44, 43, 47, 45 };
  guint s;

  ov_chart_set_title (chart, "NPS");
  ov_chart_set_x_dates (chart, TRUE);
  ov_chart_set_show_legend (chart, FALSE);
  s = ov_chart_add_series (chart, "Responses");
  for (guint i = 0; i < G_N_ELEMENTS (nps); i++)
    ov_chart_add_point (chart, s, ov_date_add_days (start, 7 * (int)i), nps[i]);
  return chart;
}

OvChart *
chart_test_funnel (void)
{
  OvChart *chart = ov_chart_new (OV_CHART_HORIZONTAL_BAR);
  const char *stages[] = { "Signed", "Kickoff", "Embark", "Adopt", "Review", "Expand" };
  double counts[] = { 120, 110, 95, 80, 60, 40 };
  guint s;

  ov_chart_set_title (chart, "Onboarding funnel");
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, "Accounts", NULL);
  s = ov_chart_add_series (chart, "Accounts");
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    ov_chart_set_value (chart, s, ov_chart_add_category (chart, stages[i]), counts[i], -1);
  return chart;
}

/* Labels, names and a title too long for a narrow chart. */
OvChart *
chart_test_long_labels (void)
{
  OvChart *chart = ov_chart_new (OV_CHART_GROUPED_BAR);
  const char *segments[] = {
    "Enterprise accounts in Europe", "Mid-market accounts in North America",
    "Small businesses", "Public sector and education", "Healthcare providers",
    "Financial services", "Retail and e-commerce", "Manufacturing",
    "Non-profit organisations", "Startups from the accelerator programme",
  };
  guint a, b, c;

  ov_chart_set_title (chart, "Median days to first value by customer segment, before and "
                      "after the new onboarding playbook was introduced");
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, "Customer segment", NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, "Median days to first value", "days");
  a = ov_chart_add_series (chart, "Before the new playbook (all of last year)");
  b = ov_chart_add_series (chart, "After the new playbook");
  c = ov_chart_add_series (chart, "Goal");
  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      guint cat = ov_chart_add_category (chart, segments[i]);

      ov_chart_set_value (chart, a, cat, 40 + 7 * i, 100 + (int)i);
      ov_chart_set_value (chart, b, cat, 30 + 5 * i, 80 + (int)i);
      ov_chart_set_value (chart, c, cat, 30, -1);
    }
  return chart;
}

cairo_surface_t *
chart_test_render (OvChart              *chart,
                   int                   width,
                   int                   height,
                   const OvChartPalette *palette)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  ov_chart_paint (chart, cr, width, height, palette, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Whether the pixel is @color, give or take rounding. */
gboolean
chart_test_pixel_is (cairo_surface_t    *surface,
                     int                 x,
                     int                 y,
                     const OvChartColor *color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;
  int r, g, b;

  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (surface) ||
      y >= cairo_image_surface_get_height (surface))
    return FALSE;

  pixel = *(const guint32 *)(gconstpointer)(data + y * stride + x * 4);
  if ((pixel >> 24) != 0xff)
    return FALSE;

  r = (pixel >> 16) & 0xff;
  g = (pixel >> 8) & 0xff;
  b = pixel & 0xff;
  return abs (r - (int)round (color->red * 255)) <= 2 &&
         abs (g - (int)round (color->green * 255)) <= 2 &&
         abs (b - (int)round (color->blue * 255)) <= 2;
}

/* Keeps the picture for a person to look at: OVERTURE_TEST_OUTPUT/NAME.png. */
void
chart_test_keep_png (cairo_surface_t *surface,
                     const char      *name)
{
  const char *dir = g_getenv ("OVERTURE_TEST_OUTPUT");
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("chart: %s", path);
}

/* g_test_run(), then the font map goes with its caches, so the leak
 * check sees what the charts leave behind rather than what Pango and
 * fontconfig keep for the next text. */
int
chart_test_run (void)
{
  int status = g_test_run ();

  pango_cairo_font_map_set_default (NULL);
  return status;
}
