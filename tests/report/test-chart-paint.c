/* test-chart-paint.c — charts painted to pixels: bar heights in
 * proportion, a rising step, a box's median, nothing outside the surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart is also kept as a PNG in the build directory
 * (OVERTURE_TEST_OUTPUT), light and dark, narrow and wide, for a person
 * to look at.
 */

#include "config.h"

#include <math.h>

#include "chart-test-support.h"
#include "ov-chart-private.h"

typedef OvChart *(*ChartFunc) (void);

static const struct {
  const char *name;
  ChartFunc   make;
} charts[] = {
  { "bar", chart_test_bar },
  { "grouped", chart_test_grouped },
  { "step", chart_test_step },
  { "box", chart_test_box },
  { "dates", chart_test_dates },
  { "funnel", chart_test_funnel },
  { "long-labels", chart_test_long_labels },
};

/* Narrow as a sidebar, as the account page, and as a wide window. */
static const struct {
  int width;
  int height;
} sizes[] = {
  { 300, 220 }, { 640, 400 }, { 1200, 500 },
};

/* The lengths of the runs of @color down column @x. */
static guint
count_in_column (cairo_surface_t    *surface,
                 int                 x,
                 const OvChartColor *color)
{
  guint count = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    count += chart_test_pixel_is (surface, x, y, color);
  return count;
}

/* The highest pixel of @color in the columns from @x0 to @x1, in the
 * plot (not the legend): a dashed line may have a gap in any one column. */
static int
topmost_in_columns (cairo_surface_t         *surface,
                    const cairo_rectangle_t *plot,
                    int                      x0,
                    int                      x1,
                    const OvChartColor      *color)
{
  for (int y = (int)plot->y - 2; y < plot->y + plot->height + 2; y++)
    for (int x = x0; x <= x1; x++)
      if (chart_test_pixel_is (surface, x, y, color))
        return y;
  return -1;
}

static void
test_not_blank (void)
{
  const OvChartPalette *light = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autoptr(OvChart) chart = charts[i].make ();
      cairo_surface_t *surface = chart_test_render (chart, 640, 400, light);
      guint painted = 0;

      for (int y = 0; y < 400; y++)
        for (int x = 0; x < 640; x++)
          painted += !chart_test_pixel_is (surface, x, y, &light->background);

      /* Text, grid and data: a good part of the surface, not all of it. */
      g_assert_cmpuint (painted, >, 640 * 400 / 50);
      g_assert_cmpuint (painted, <, 640 * 400 * 3 / 4);
      cairo_surface_destroy (surface);
    }
}

/* Bars of 62 and 48 are painted 62 : 48 tall: the columns through their
 * middles hold that much of the series' colour. */
static void
test_bar_heights (void)
{
  const OvChartPalette *light = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  const OvChartColor *blue = ov_chart_palette_series_color (light, 0);
  g_autoptr(OvChart) chart = chart_test_bar ();
  cairo_surface_t *surface = chart_test_render (chart, 640, 400, light);
  guint heights[2] = { 0, 0 };
  int runs = 0, run_start = -1;

  for (int x = 0; x <= 640; x++)
    {
      gboolean in_bar = x < 640 && count_in_column (surface, x, blue) > 0;

      if (in_bar && run_start < 0)
        run_start = x;
      else if (!in_bar && run_start >= 0)
        {
          g_assert_cmpint (runs, <, 2);
          heights[runs++] = count_in_column (surface, (run_start + x) / 2, blue);
          g_assert_cmpint (x - run_start, >, 50);
          run_start = -1;
        }
    }

  g_assert_cmpint (runs, ==, 2);
  g_assert_cmpuint (heights[1], >, 100);
  g_assert_cmpfloat_with_epsilon ((double)heights[0] / heights[1], 62.0 / 48.0, 0.015);
  cairo_surface_destroy (surface);
}

/* A Kaplan–Meier curve of accounts reaching first value only rises: along
 * each level stretch, away from the markers, the line is at or above
 * where it was, and it ends well above where it started. */
static void
test_step_rises (void)
{
  const OvChartPalette *light = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  g_autoptr(OvChart) chart = chart_test_step ();
  PangoContext *context = ov_chart_layout_default_context ();
  cairo_surface_t *surface = chart_test_render (chart, 640, 400, light);
  OvChartLayout layout;

  ov_chart_layout_init (&layout, chart, context, 640, 400);
  for (guint s = 0; s < 2; s++)
    {
      const OvChartColor *color = ov_chart_palette_series_color (light, s);
      guint n_points;
      const OvChartPoint *points = ov_chart_get_points (chart, s, &n_points);
      int previous = G_MAXINT, first = -1;

      for (guint i = 0; i + 1 < n_points; i++)
        {
          double from = ov_chart_layout_x_pos (&layout, points[i].x);
          double to = ov_chart_layout_x_pos (&layout, points[i + 1].x);
          int mid = (int)((from + to) / 2);
          int y = topmost_in_columns (surface, &layout.plot, mid - 8, mid + 8, color);
          double expected = ov_chart_layout_value_pos (&layout, points[i].y);

          g_assert_cmpint (y, >=, 0);
          g_assert_cmpint (y, <=, previous);
          g_assert_cmpfloat (fabs (y - expected), <, 3);
          previous = y;
          if (first < 0)
            first = y;
        }
      g_assert_cmpint (first - previous, >, layout.plot.height / 2);
    }

  ov_chart_layout_clear (&layout);
  g_object_unref (context);
  cairo_surface_destroy (surface);
}

/* The median is a line in the text colour across the box, where the
 * median is, and nowhere else in the box. */
static void
test_box_median (void)
{
  const OvChartPalette *light = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  g_autoptr(OvChart) chart = chart_test_box ();
  PangoContext *context = ov_chart_layout_default_context ();
  cairo_surface_t *surface = chart_test_render (chart, 640, 400, light);
  OvChartLayout layout;

  ov_chart_layout_init (&layout, chart, context, 640, 400);
  for (guint c = 0; c < 2; c++)
    {
      const OvChartBox *box = ov_chart_get_box (chart, 0, c);
      double median = ov_chart_layout_value_pos (&layout, box->median);
      int q3 = (int)ceil (ov_chart_layout_value_pos (&layout, box->q3));
      int q1 = (int)floor (ov_chart_layout_value_pos (&layout, box->q1));
      double x, width;
      int line_y = -1;
      guint across = 0;

      ov_chart_box_extent (&layout, 0, c, &x, &width);
      /* Down a column inside the box, off the whisker. */
      for (int y = q3 + 2; y < q1 - 1; y++)
        if (chart_test_pixel_is (surface, (int)(x + width / 4), y, &light->foreground))
          {
            g_assert_cmpfloat (fabs (y - median), <=, 2);
            line_y = y;
          }
      g_assert_cmpint (line_y, >=, 0);

      for (int px = (int)x + 2; px < (int)(x + width) - 2; px++)
        across += chart_test_pixel_is (surface, px, line_y, &light->foreground);
      g_assert_cmpuint (across, ==, (guint)((int)(x + width) - 2 - ((int)x + 2)));
    }

  ov_chart_layout_clear (&layout);
  g_object_unref (context);
  cairo_surface_destroy (surface);
}

/* Each chart, at each size, painted into the middle of a larger surface
 * with no background: whatever is outside its own area is untouched. */
static void
test_within_bounds (void)
{
  const OvChartColor sentinel = { 1, 0, 1, 1 };
  OvChartPalette clear = *ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  const int margin = 40;

  clear.background.alpha = 0;
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
      {
        g_autoptr(OvChart) chart = charts[i].make ();
        int w = sizes[k].width, h = sizes[k].height;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                               w + 2 * margin, h + 2 * margin);
        cairo_t *cr = cairo_create (surface);
        guint inside = 0;

        cairo_set_source_rgb (cr, 1, 0, 1);
        cairo_paint (cr);
        cairo_translate (cr, margin, margin);
        ov_chart_paint (chart, cr, w, h, &clear, NULL);
        cairo_destroy (cr);
        cairo_surface_flush (surface);

        for (int y = 0; y < h + 2 * margin; y++)
          for (int x = 0; x < w + 2 * margin; x++)
            {
              gboolean outside = x < margin || y < margin || x >= margin + w || y >= margin + h;
              gboolean untouched = chart_test_pixel_is (surface, x, y, &sentinel);

              if (outside && !untouched)
                g_error ("%s at %d×%d paints outside itself at (%d, %d)",
                         charts[i].name, w, h, x - margin, y - margin);
              inside += !untouched;
            }
        g_assert_cmpuint (inside, >, 0);
        cairo_surface_destroy (surface);
      }
}

/* Light and dark, narrow and wide, into the build directory. */
static void
test_keep_pictures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
      for (OvChartStyle style = OV_CHART_STYLE_LIGHT; style <= OV_CHART_STYLE_DARK; style++)
        {
          g_autoptr(OvChart) chart = charts[i].make ();
          const OvChartPalette *palette = ov_chart_palette_get (style);
          cairo_surface_t *surface = chart_test_render (chart, sizes[k].width, sizes[k].height,
                                                        palette);
          g_autofree char *name = g_strdup_printf ("chart-%s-%d%s", charts[i].name,
                                                   sizes[k].width,
                                                   style == OV_CHART_STYLE_DARK ? "-dark" : "");

          /* The dark palette's background, not the light one's. */
          g_assert_true (chart_test_pixel_is (surface, 1, 1, &palette->background));
          chart_test_keep_png (surface, name);
          cairo_surface_destroy (surface);
        }
}

static void
test_empty (void)
{
  const OvChartPalette *light = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  g_autoptr(OvChart) chart = ov_chart_new (OV_CHART_BAR);
  cairo_surface_t *surface = NULL;
  guint painted = 0;

  ov_chart_set_title (chart, "Nothing yet");
  ov_chart_add_series (chart, "Median");
  ov_chart_add_category (chart, "Before");
  g_assert_true (ov_chart_is_empty (chart));

  /* "No data", and the title: text only. */
  surface = chart_test_render (chart, 300, 200, light);
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 300; x++)
      painted += !chart_test_pixel_is (surface, x, y, &light->background);
  g_assert_cmpuint (painted, >, 50);
  chart_test_keep_png (surface, "chart-empty");
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart-paint/not-blank", test_not_blank);
  g_test_add_func ("/chart-paint/bar-heights", test_bar_heights);
  g_test_add_func ("/chart-paint/step-rises", test_step_rises);
  g_test_add_func ("/chart-paint/box-median", test_box_median);
  g_test_add_func ("/chart-paint/within-bounds", test_within_bounds);
  g_test_add_func ("/chart-paint/keep-pictures", test_keep_pictures);
  g_test_add_func ("/chart-paint/empty", test_empty);

  return chart_test_run ();
}
