/* ov-chart-paint-box.c — box plots: quartiles, whiskers and the median
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The box spans the quartiles in a light fill of its series' colour and
 * hatching, the whiskers reach the lowest and highest values, and the
 * median is a thick line in the text colour, which reads on any fill.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <math.h>

#include "ov-chart-private.h"

/* The horizontal extent of a box within its slot. */
void
ov_chart_box_extent (OvChartLayout *layout,
                     guint          series,
                     guint          category,
                     double        *x,
                     double        *width)
{
  double start, size;

  ov_chart_layout_slot (layout, series, category, &start, &size);
  *width = round (MIN (size * 0.7, 4 * layout->line_height));
  *x = round (start + (size - *width) / 2);
}

static void
paint_box (OvChartLayout        *layout,
           cairo_t              *cr,
           const OvChartPalette *palette,
           guint                 series,
           const OvChartBox     *box,
           double                x,
           double                width)
{
  double mid = floor (x + width / 2) + 0.5;
  double cap = width / 4;
  double y_min = ov_chart_layout_value_pos (layout, box->min);
  double y_q1 = round (ov_chart_layout_value_pos (layout, box->q1));
  double y_median = ov_chart_layout_value_pos (layout, box->median);
  double y_q3 = round (ov_chart_layout_value_pos (layout, box->q3));
  double y_max = ov_chart_layout_value_pos (layout, box->max);
  cairo_rectangle_t rect = { x, y_q3, width, MAX (y_q1 - y_q3, 1) };

  cairo_save (cr);
  ov_chart_marks_set_color (cr, ov_chart_palette_series_color (palette, series));
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, mid, y_max);
  cairo_line_to (cr, mid, y_q3);
  cairo_move_to (cr, mid, y_q1);
  cairo_line_to (cr, mid, y_min);
  cairo_move_to (cr, mid - cap, y_max);
  cairo_line_to (cr, mid + cap, y_max);
  cairo_move_to (cr, mid - cap, y_min);
  cairo_line_to (cr, mid + cap, y_min);
  cairo_stroke (cr);

  ov_chart_marks_fill (cr, palette, series, TRUE, &rect);
  ov_chart_marks_set_color (cr, ov_chart_palette_series_color (palette, series));
  cairo_rectangle (cr, rect.x + 0.75, rect.y + 0.75, rect.width - 1.5, rect.height - 1.5);
  cairo_stroke (cr);

  ov_chart_marks_set_color (cr, &palette->foreground);
  cairo_set_line_width (cr, 3);
  cairo_move_to (cr, x, y_median);
  cairo_line_to (cr, x + width, y_median);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ov_chart_paint_boxes (OvChartLayout        *layout,
                      cairo_t              *cr,
                      const OvChartPalette *palette)
{
  guint n_series = ov_chart_get_n_series (layout->chart);
  guint n_categories = ov_chart_get_n_categories (layout->chart);
  const cairo_rectangle_t *plot = &layout->plot;

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y - 2, plot->width, plot->height + 4);
  cairo_clip (cr);
  for (guint c = 0; c < n_categories; c++)
    for (guint s = 0; s < n_series; s++)
      {
        const OvChartBox *box = ov_chart_get_box (layout->chart, s, c);
        double x, width;

        if (box == NULL)
          continue;

        ov_chart_box_extent (layout, s, c, &x, &width);
        paint_box (layout, cr, palette, s, box, x, width);
      }
  cairo_restore (cr);
}
