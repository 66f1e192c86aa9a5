/* ov-chart-hit.c — what lies under the pointer, for the widget's tooltip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays the chart out as the painter does and finds the bar, box or point
 * under (x, y). A bar or box answers anywhere in its column of the plot,
 * so a short bar is as easy to point at as a tall one; a point answers
 * within a line's height of it, and a step along its level stretch too.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-chart-paint.h"
#include "ov-chart-private.h"

/* Within the plot, or within @margin of it (a marker on the edge). */
static gboolean
in_plot (OvChartLayout *layout,
         double         x,
         double         y,
         double         margin)
{
  const cairo_rectangle_t *plot = &layout->plot;

  return x >= plot->x - margin && x <= plot->x + plot->width + margin &&
         y >= plot->y - margin && y <= plot->y + plot->height + margin;
}

/* "Before: 62 days", or "Q1, Before: 62 days" when there are series to
 * tell apart. */
static char *
category_text (OvChart    *chart,
               guint       series,
               guint       category,
               const char *value)
{
  if (ov_chart_get_n_series (chart) > 1)
    /* Translators: a tooltip over a bar or box: category, series, value */
    return g_strdup_printf (_("%1$s, %2$s: %3$s"), ov_chart_get_category (chart, category),
                            ov_chart_get_series_name (chart, series), value);

  /* Translators: a tooltip over a bar or box: category, value */
  return g_strdup_printf (_("%1$s: %2$s"), ov_chart_get_category (chart, category), value);
}

/* Where the bar or box of (@series, @category) lies along the category
 * axis; %FALSE when it has no value. */
static gboolean
column_extent (OvChartLayout *layout,
               guint          series,
               guint          category,
               double        *start,
               double        *size)
{
  cairo_rectangle_t bar;

  if (ov_chart_get_kind (layout->chart) == OV_CHART_BOX)
    {
      if (ov_chart_get_box (layout->chart, series, category) == NULL)
        return FALSE;
      ov_chart_box_extent (layout, series, category, start, size);
      return TRUE;
    }

  if (!ov_chart_layout_bar (layout, series, category, &bar))
    return FALSE;
  *start = layout->horizontal ? bar.y : bar.x;
  *size = layout->horizontal ? bar.height : bar.width;
  return TRUE;
}

/* Bars and boxes: the one whose column (or row, across) @pos is in. */
static gboolean
hit_columns (OvChartLayout *layout,
             double         pos,
             OvChartHit    *hit)
{
  guint n_series = ov_chart_get_n_series (layout->chart);
  guint n_categories = ov_chart_get_n_categories (layout->chart);

  for (guint c = 0; c < n_categories; c++)
    for (guint s = 0; s < n_series; s++)
      {
        const OvChartBox *box = ov_chart_get_box (layout->chart, s, c);
        g_autofree char *value = NULL;
        double start, size;

        if (!column_extent (layout, s, c, &start, &size) || pos < start || pos >= start + size)
          continue;

        value = box != NULL ? ov_chart_format_box (layout->chart, box)
                            : ov_chart_format_bar (layout->chart, s, c);
        hit->series = s;
        hit->category = c;
        hit->text = category_text (layout->chart, s, c, value);
        return TRUE;
      }
  return FALSE;
}

static gboolean
hit_points (OvChartLayout *layout,
            double         x,
            double         y,
            OvChartHit    *hit)
{
  gboolean step = ov_chart_get_kind (layout->chart) == OV_CHART_STEP;
  guint n_series = ov_chart_get_n_series (layout->chart);
  double reach = layout->line_height;
  double best = reach * reach;
  g_autofree char *value = NULL;
  const OvChartPoint *found = NULL;

  for (guint s = 0; s < n_series; s++)
    {
      guint n_points;
      const OvChartPoint *points = ov_chart_get_points (layout->chart, s, &n_points);

      for (guint i = 0; i < n_points; i++)
        {
          double px = ov_chart_layout_x_pos (layout, points[i].x);
          double py = ov_chart_layout_value_pos (layout, points[i].y);
          double d = (px - x) * (px - x) + (py - y) * (py - y);

          /* Along a step's level stretch, the value is this point's. */
          if (step && i + 1 < n_points && x >= px &&
              x < ov_chart_layout_x_pos (layout, points[i + 1].x))
            d = MIN (d, (py - y) * (py - y));

          if (d < best)
            {
              best = d;
              found = &points[i];
              hit->series = s;
              hit->point = i;
            }
        }
    }

  if (found == NULL)
    return FALSE;

  value = ov_chart_format_point (layout->chart, found);
  /* Translators: a tooltip over a point of a line: series, value */
  hit->text = g_strdup_printf (_("%1$s: %2$s"),
                               ov_chart_get_series_name (layout->chart, hit->series), value);
  return TRUE;
}

/**
 * ov_chart_hit_test:
 * @width: the size the chart is painted at
 * @height: the same
 * @context: (nullable): the context given to ov_chart_paint()
 * @x: where the pointer is, in the same space as the painting
 * @y: the same
 * @hit: (out caller-allocates): what is there; free with
 *   ov_chart_hit_clear()
 *
 * Returns: whether (@x, @y) is over a bar, a box or a point
 */
gboolean
ov_chart_hit_test (OvChart      *chart,
                   double        width,
                   double        height,
                   PangoContext *context,
                   double        x,
                   double        y,
                   OvChartHit   *hit)
{
  PangoContext *own_context = NULL; /* Pango 1.50 has no g_autoptr for it */
  OvChartLayout layout;
  gboolean found = FALSE;

  g_return_val_if_fail (OV_IS_CHART (chart), FALSE);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (OvChartHit) { -1, -1, -1, NULL };
  if (width <= 0 || height <= 0)
    return FALSE;

  if (context == NULL)
    context = own_context = ov_chart_layout_default_context ();
  ov_chart_layout_init (&layout, chart, context, width, height);

  if (!layout.empty &&
      in_plot (&layout, x, y, ov_chart_kind_has_categories (ov_chart_get_kind (chart))
                              ? 0 : layout.line_height / 2))
    {
      switch (ov_chart_get_kind (chart))
        {
        case OV_CHART_BAR:
        case OV_CHART_GROUPED_BAR:
        case OV_CHART_HORIZONTAL_BAR:
        case OV_CHART_BOX:
          found = hit_columns (&layout, layout.horizontal ? y : x, hit);
          break;

        case OV_CHART_LINE:
        case OV_CHART_STEP:
          found = hit_points (&layout, x, y, hit);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (!found)
    *hit = (OvChartHit) { -1, -1, -1, NULL };

  ov_chart_layout_clear (&layout);
  g_clear_object (&own_context);
  return found;
}

void
ov_chart_hit_clear (OvChartHit *hit)
{
  g_return_if_fail (hit != NULL);

  g_clear_pointer (&hit->text, g_free);
  hit->series = hit->category = hit->point = -1;
}
