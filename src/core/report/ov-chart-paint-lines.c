/* ov-chart-paint-lines.c — lines and steps (Kaplan–Meier curves)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step keeps its value until the next point and then jumps, as a
 * Kaplan–Meier curve does. Each series has its dashes and its markers;
 * markers are thinned out where points crowd, so the line stays legible.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <math.h>

#include "ov-chart-private.h"

static void
trace (OvChartLayout      *layout,
       cairo_t            *cr,
       const OvChartPoint *points,
       guint               n_points,
       gboolean            step)
{
  double last_y = 0;

  for (guint i = 0; i < n_points; i++)
    {
      double x = ov_chart_layout_x_pos (layout, points[i].x);
      double y = ov_chart_layout_value_pos (layout, points[i].y);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        {
          if (step)
            cairo_line_to (cr, x, last_y);
          cairo_line_to (cr, x, y);
        }
      last_y = y;
    }
}

void
ov_chart_paint_lines (OvChartLayout        *layout,
                      cairo_t              *cr,
                      const OvChartPalette *palette)
{
  gboolean step = ov_chart_get_kind (layout->chart) == OV_CHART_STEP;
  guint n_series = ov_chart_get_n_series (layout->chart);
  const cairo_rectangle_t *plot = &layout->plot;
  double marker = round (layout->small_height * 0.55);

  cairo_save (cr);
  /* Room for the markers and the line's width at the plot's edges. */
  cairo_rectangle (cr, plot->x - marker, plot->y - marker,
                   plot->width + 2 * marker, plot->height + 2 * marker);
  cairo_clip (cr);

  for (guint s = 0; s < n_series; s++)
    {
      guint n_points, stride;
      const OvChartPoint *points = ov_chart_get_points (layout->chart, s, &n_points);

      if (n_points == 0)
        continue;

      cairo_save (cr);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, step ? CAIRO_LINE_JOIN_MITER : CAIRO_LINE_JOIN_ROUND);
      ov_chart_marks_set_dash (cr, s);
      ov_chart_marks_set_color (cr, ov_chart_palette_series_color (palette, s));
      trace (layout, cr, points, n_points, step);
      cairo_stroke (cr);
      cairo_restore (cr);

      stride = (guint)MAX (1, ceil (n_points * 3 * marker / MAX (plot->width, 1)));
      for (guint i = 0; i < n_points; i++)
        if (i % stride == 0 || i == n_points - 1)
          ov_chart_marks_marker (cr, palette, s,
                                 ov_chart_layout_x_pos (layout, points[i].x),
                                 ov_chart_layout_value_pos (layout, points[i].y), marker);
    }

  cairo_restore (cr);
}
