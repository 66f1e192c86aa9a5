/* ov-chart-paint-bars.c — bars, grouped bars and a funnel's bars across
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each bar is filled in its series' colour and hatching and carries its
 * value at its end, when there is room for it: above the bar (or beyond
 * it, across), or on a patch of background just inside it when the bar
 * reaches the edge of the plot.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <math.h>

#include "ov-chart-private.h"

/* Whole pixels, so the edges of neighbouring bars stay sharp. */
static cairo_rectangle_t
snap (const cairo_rectangle_t *rect)
{
  double x0 = round (rect->x), y0 = round (rect->y);
  double x1 = round (rect->x + rect->width), y1 = round (rect->y + rect->height);

  return (cairo_rectangle_t) { x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1) };
}

static void
paint_value (OvChartLayout           *layout,
             cairo_t                 *cr,
             const OvChartPalette    *palette,
             guint                    series,
             guint                    category,
             const cairo_rectangle_t *bar)
{
  const cairo_rectangle_t *plot = &layout->plot;
  g_autoptr(PangoLayout) text = NULL;
  g_autofree char *label = NULL;
  double value, gap = layout->small_height * 0.2, x, y;
  gboolean inside = FALSE;
  int w, h;

  ov_chart_get_value (layout->chart, series, category, &value, NULL);
  label = ov_chart_format_number (value, -1);
  text = ov_chart_layout_text (layout, OV_CHART_FONT_SMALL, label);
  pango_layout_get_pixel_size (text, &w, &h);

  if (layout->horizontal)
    {
      y = bar->y + (bar->height - h) / 2;
      x = value >= 0 ? bar->x + bar->width + gap : bar->x - gap - w;
      if (x + w > plot->x + plot->width || x < plot->x)
        {
          x = value >= 0 ? bar->x + bar->width - gap - w : bar->x + gap;
          inside = TRUE;
        }
    }
  else
    {
      x = bar->x + (bar->width - w) / 2;
      y = value >= 0 ? bar->y - gap - h : bar->y + bar->height + gap;
      if (y < plot->y - layout->small_height / 2 || y + h > plot->y + plot->height)
        {
          y = value >= 0 ? bar->y + gap : bar->y + bar->height - gap - h;
          inside = TRUE;
        }
    }

  if (inside)
    {
      /* Too short a bar for its value inside: leave it out. */
      if ((layout->horizontal ? bar->width : bar->height) < (layout->horizontal ? w : h) + 2 * gap)
        return;
      ov_chart_marks_set_color (cr, &palette->background);
      cairo_rectangle (cr, x - gap, y, w + 2 * gap, h);
      cairo_fill (cr);
    }
  ov_chart_paint_text (cr, text, &palette->foreground, x, y);
}

/* Whether every bar has room for its value: all of them carry theirs,
 * or none does, so a missing one never looks like a missing value. Side
 * by side, a value is as wide as its bar at most, or it runs into the
 * next one's. */
static gboolean
values_fit (OvChartLayout *layout)
{
  guint n_series = ov_chart_get_n_series (layout->chart);
  guint n_categories = ov_chart_get_n_categories (layout->chart);

  for (guint c = 0; c < n_categories; c++)
    for (guint s = 0; s < n_series; s++)
      {
        g_autoptr(PangoLayout) text = NULL;
        g_autofree char *label = NULL;
        cairo_rectangle_t bar;
        double value;
        int w, h;

        if (!ov_chart_layout_bar (layout, s, c, &bar))
          continue;

        ov_chart_get_value (layout->chart, s, c, &value, NULL);
        label = ov_chart_format_number (value, -1);
        text = ov_chart_layout_text (layout, OV_CHART_FONT_SMALL, label);
        pango_layout_get_pixel_size (text, &w, &h);
        if (layout->horizontal ? h > bar.height + 2
                               : w > bar.width * (n_series > 1 ? 1 : 1.6))
          return FALSE;
      }
  return TRUE;
}

void
ov_chart_paint_bars (OvChartLayout        *layout,
                     cairo_t              *cr,
                     const OvChartPalette *palette)
{
  guint n_series = ov_chart_get_n_series (layout->chart);
  guint n_categories = ov_chart_get_n_categories (layout->chart);
  const cairo_rectangle_t *plot = &layout->plot;

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_clip (cr);
  for (guint c = 0; c < n_categories; c++)
    for (guint s = 0; s < n_series; s++)
      {
        cairo_rectangle_t bar;

        if (ov_chart_layout_bar (layout, s, c, &bar))
          {
            bar = snap (&bar);
            ov_chart_marks_fill (cr, palette, s, FALSE, &bar);
          }
      }
  cairo_restore (cr);

  if (!values_fit (layout))
    return;

  for (guint c = 0; c < n_categories; c++)
    for (guint s = 0; s < n_series; s++)
      {
        cairo_rectangle_t bar;
        double x0, y0, x1, y1;

        if (!ov_chart_layout_bar (layout, s, c, &bar))
          continue;

        /* A bar past a range set on the axis ends at the plot's edge. */
        x0 = MAX (bar.x, plot->x);
        y0 = MAX (bar.y, plot->y);
        x1 = MIN (bar.x + bar.width, plot->x + plot->width);
        y1 = MIN (bar.y + bar.height, plot->y + plot->height);
        bar = (cairo_rectangle_t) { x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0) };
        paint_value (layout, cr, palette, s, c, &bar);
      }
}
