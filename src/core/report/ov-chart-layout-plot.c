/* ov-chart-layout-plot.c — the plot's room, its ticks and its labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Within what the title, legend and axis titles leave, the plot shares
 * its room with the tick labels beside it and the category labels under
 * it (or beside it, across). Those take room that depends on the plot's
 * size, so the vertical kinds settle in two passes. Category labels lie
 * flat, wrap onto two lines, or slant and thin out when they do not fit
 * side by side; on a short chart the plot comes first. Then where a
 * value, a day, a category and a bar lie on the plot.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <math.h>

#include "ov-chart-private.h"

#define SIN45 0.70710678118654752

static double
widest_tick (OvChartLayout      *layout,
             OvChartAxis         axis,
             const OvChartTicks *ticks)
{
  double widest = 0;

  for (guint i = 0; i < ticks->n; i++)
    {
      g_autofree char *label = ov_chart_format_tick (layout->chart, axis, ticks, i);

      widest = MAX (widest, ov_chart_layout_text_width (layout, OV_CHART_FONT_SMALL, label));
    }
  return widest;
}

/* The value axis runs from zero, or from the lowest value when that is
 * below zero: bars start at zero, and lines are not made to look steeper
 * than they are. A range set on the chart wins. */
static void
compute_value_ticks (OvChartLayout *layout,
                     double         length,
                     double         spacing)
{
  double lo = 0, hi = 0, min, max;

  ov_chart_get_data_range (layout->chart, OV_CHART_AXIS_Y, &lo, &hi);
  lo = MIN (lo, 0);
  hi = MAX (hi, 0);
  ov_chart_get_axis_range (layout->chart, OV_CHART_AXIS_Y, &min, &max);
  if (!isnan (min))
    lo = min;
  if (!isnan (max))
    hi = max;
  hi = MAX (hi, lo);

  ov_chart_ticks_compute (lo, hi, !isnan (min), !isnan (max),
                          (guint)CLAMP (length / spacing + 1, 2, 11), &layout->values);
}

static void
compute_x_ticks (OvChartLayout *layout,
                 double         length,
                 double         spacing)
{
  double lo = 0, hi = 0, min, max;
  guint max_ticks = (guint)CLAMP (length / spacing + 1, 2, 13);

  ov_chart_get_data_range (layout->chart, OV_CHART_AXIS_X, &lo, &hi);
  ov_chart_get_axis_range (layout->chart, OV_CHART_AXIS_X, &min, &max);
  if (!isnan (min))
    lo = min;
  if (!isnan (max))
    hi = max;
  hi = MAX (hi, lo);

  if (ov_chart_get_x_dates (layout->chart))
    ov_chart_ticks_compute_days (lo, hi, max_ticks, &layout->x);
  else
    ov_chart_ticks_compute (MIN (lo, 0), hi, !isnan (min), !isnan (max), max_ticks, &layout->x);
}

/* Whether every category label (@n: or every n under one) fits @width. */
static gboolean
category_fits (OvChartLayout *layout,
               gboolean       n,
               double         width)
{
  guint count = ov_chart_get_n_categories (layout->chart);

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *n_text = n ? ov_chart_layout_n_text (layout, i) : NULL;
      double w = 0;

      if (!n)
        w = ov_chart_layout_text_width (layout, OV_CHART_FONT_BODY,
                                        ov_chart_get_category (layout->chart, i));
      else if (n_text != NULL)
        w = ov_chart_layout_text_width (layout, OV_CHART_FONT_SMALL, n_text);

      if (w > width)
        return FALSE;
    }
  return TRUE;
}

static double
widest_category (OvChartLayout *layout)
{
  guint n = ov_chart_get_n_categories (layout->chart);
  double widest = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *n_text = ov_chart_layout_n_text (layout, i);

      widest = MAX (widest, ov_chart_layout_text_width (layout, OV_CHART_FONT_BODY,
                                        ov_chart_get_category (layout->chart, i)));
      if (n_text != NULL)
        widest = MAX (widest, ov_chart_layout_text_width (layout, OV_CHART_FONT_SMALL, n_text));
    }
  return widest;
}

/* The category labels under a vertical plot, which shares @room (a
 * height) with them; returns their height. */
static double
place_category_labels (OvChartLayout *layout,
                       double         room)
{
  guint n = MAX (ov_chart_get_n_categories (layout->chart), 1);
  double band = layout->plot.width / n;
  double gap = layout->small_height * 0.4;
  double n_height = layout->has_n ? layout->small_height : 0;
  double text_height, longest, budget;

  /* Where height is short, the plot comes first: the n go (the tooltip,
   * the table and the description still have them), and slanted labels
   * take at most two fifths of what is left. So do n too wide for their
   * place: cut short, they would say a wrong number. */
  if (room < 12 * layout->line_height)
    {
      layout->has_n = FALSE;
      n_height = 0;
    }

  layout->label_stride = 1;
  if (category_fits (layout, FALSE, band - 2 * gap) || band >= 4.5 * layout->line_height)
    {
      gboolean flat = category_fits (layout, FALSE, band - 2 * gap);

      layout->label_mode = flat ? OV_CHART_LABELS_FLAT : OV_CHART_LABELS_WRAPPED;
      layout->label_extent = band - 2 * gap;
      if (layout->has_n && !category_fits (layout, TRUE, layout->label_extent))
        {
          layout->has_n = FALSE;
          n_height = 0;
        }
      return gap + (flat ? 1 : 2) * layout->line_height + n_height;
    }

  /* Slanted at 45°: neighbours are band·sin 45° apart, so a label that is
   * taller than that leaves room for every k-th one only. */
  layout->label_mode = OV_CHART_LABELS_ROTATED;
  text_height = layout->line_height + n_height;
  layout->label_stride = (guint)MAX (1, ceil (text_height / (band * SIN45)));
  longest = widest_category (layout);
  budget = MIN (0.3 * layout->height, 0.4 * room) / SIN45 - text_height;
  layout->label_extent = MAX (MIN (longest, budget), 2 * layout->line_height);
  if (layout->has_n && !category_fits (layout, TRUE, layout->label_extent))
    {
      layout->has_n = FALSE;
      text_height = layout->line_height;
    }

  return gap + (layout->label_extent + text_height) * SIN45;
}

/* Bars, boxes, lines and steps: values up the side, categories or x
 * along the bottom. Tick labels and category labels take room that
 * depends on the plot's size, so this settles in two passes. */
static void
place_vertical (OvChartLayout *layout,
                double         left,
                double         top,
                double         right,
                double         bottom)
{
  gboolean categories = ov_chart_kind_has_categories (ov_chart_get_kind (layout->chart));
  double below = layout->line_height + layout->small_height;
  double x_spacing = 6 * layout->small_height;

  layout->plot.y = top + layout->small_height / 2;
  for (guint pass = 0; pass < 2; pass++)
    {
      double height = MAX (bottom - below - layout->plot.y, 1);

      compute_value_ticks (layout, height, 2.5 * layout->small_height);
      layout->value_label_width = widest_tick (layout, OV_CHART_AXIS_Y, &layout->values);
      layout->plot.x = left + layout->value_label_width + layout->pad * 0.5;

      if (categories)
        {
          layout->plot.width = MAX (right - layout->plot.x, 1);
          below = place_category_labels (layout, bottom - top);
        }
      else
        {
          g_autofree char *label = NULL;
          double widest, first;

          /* The first and last x labels are centred on the plot's ends. */
          compute_x_ticks (layout, MAX (right - layout->plot.x, 1), x_spacing);
          widest = widest_tick (layout, OV_CHART_AXIS_X, &layout->x);
          label = ov_chart_format_tick (layout->chart, OV_CHART_AXIS_X, &layout->x, 0);
          first = ov_chart_layout_text_width (layout, OV_CHART_FONT_SMALL, label);
          layout->plot.x = MAX (layout->plot.x, left + first / 2);
          layout->plot.width = MAX (right - widest / 2 - layout->plot.x, 1);
          compute_x_ticks (layout, layout->plot.width, widest + 2 * layout->small_height);
          x_spacing = widest + 2 * layout->small_height;
          below = layout->small_height * 1.4;
        }
    }

  layout->plot.height = MAX (bottom - below - layout->plot.y, 1);
}

/* A funnel: categories down the left, values across the bottom. */
static void
place_horizontal (OvChartLayout *layout,
                  double         left,
                  double         top,
                  double         right,
                  double         bottom)
{
  guint n = MAX (ov_chart_get_n_categories (layout->chart), 1);
  double n_height = layout->has_n ? layout->small_height : 0;
  double longest = widest_category (layout);
  double cap = 0.35 * (right - left);
  double spacing = 6 * layout->small_height;
  double band, lines;

  bottom -= layout->small_height * 1.4;
  layout->plot.y = top;
  layout->plot.height = MAX (bottom - top, 1);
  band = layout->plot.height / n;

  layout->label_extent = MIN (longest, cap);
  if (layout->has_n && !category_fits (layout, TRUE, layout->label_extent))
    {
      layout->has_n = FALSE;
      n_height = 0;
    }
  lines = 1;
  layout->label_mode = OV_CHART_LABELS_FLAT;
  if (longest > cap && band >= 2 * layout->line_height + n_height)
    {
      layout->label_mode = OV_CHART_LABELS_WRAPPED;
      lines = 2;
    }
  layout->label_stride = (guint)MAX (1, ceil ((lines * layout->line_height + n_height) / band));

  layout->plot.x = left + layout->label_extent + layout->pad * 0.5;
  for (guint pass = 0; pass < 2; pass++)
    {
      double widest;

      compute_value_ticks (layout, MAX (right - layout->plot.x, 1), spacing);
      widest = widest_tick (layout, OV_CHART_AXIS_Y, &layout->values);
      layout->value_label_width = widest;
      layout->plot.width = MAX (right - widest / 2 - layout->plot.x, 1);
      spacing = widest + 2 * layout->small_height;
    }
}

/* Places the plot and its labels within (@left, @top)–(@right, @bottom). */
void
ov_chart_layout_place_plot (OvChartLayout *layout,
                            double         left,
                            double         top,
                            double         right,
                            double         bottom)
{
  if (layout->horizontal)
    place_horizontal (layout, left, top, right, bottom);
  else
    place_vertical (layout, left, top, right, bottom);
}

/* Where @value lies along the value axis: y of a vertical chart, x of a
 * horizontal one. */
double
ov_chart_layout_value_pos (OvChartLayout *layout,
                           double         value)
{
  double f = ov_chart_ticks_fraction (&layout->values, value);

  if (layout->horizontal)
    return layout->plot.x + f * layout->plot.width;
  return layout->plot.y + (1 - f) * layout->plot.height;
}

double
ov_chart_layout_x_pos (OvChartLayout *layout,
                       double         x)
{
  return layout->plot.x + ov_chart_ticks_fraction (&layout->x, x) * layout->plot.width;
}

/* The stretch of the category axis that belongs to @category. */
void
ov_chart_layout_band (OvChartLayout *layout,
                      guint          category,
                      double        *start,
                      double        *size)
{
  guint n = MAX (ov_chart_get_n_categories (layout->chart), 1);

  if (layout->horizontal)
    {
      *size = layout->plot.height / n;
      *start = layout->plot.y + category * *size;
    }
  else
    {
      *size = layout->plot.width / n;
      *start = layout->plot.x + category * *size;
    }
}

/* The part of a category's band for one series: the bars (or boxes) of a
 * category stand side by side in the middle of its band. */
void
ov_chart_layout_slot (OvChartLayout *layout,
                      guint          series,
                      guint          category,
                      double        *start,
                      double        *size)
{
  guint n_series = MAX (ov_chart_get_n_series (layout->chart), 1);
  double band_start, band, group, slot;

  ov_chart_layout_band (layout, category, &band_start, &band);
  group = band * (n_series == 1 ? 0.6 : 0.8);
  /* Bars no thicker than a few lines of text, however much room. */
  slot = MIN (group / n_series, (layout->horizontal ? 2.5 : 5) * layout->line_height);
  group = slot * n_series;

  *start = band_start + (band - group) / 2 + series * slot;
  *size = slot;
}

/* The rectangle of a bar, from zero (or the end of the axis nearest to
 * it) to its value. Returns %FALSE when the bar has no value. */
gboolean
ov_chart_layout_bar (OvChartLayout     *layout,
                     guint              series,
                     guint              category,
                     cairo_rectangle_t *bar)
{
  double value, base, start, size, inset, from, to;

  if (!ov_chart_get_value (layout->chart, series, category, &value, NULL))
    return FALSE;

  base = CLAMP (0, layout->values.lower, layout->values.upper);
  ov_chart_layout_slot (layout, series, category, &start, &size);
  inset = ov_chart_get_n_series (layout->chart) > 1 ? size * 0.06 : 0;
  from = ov_chart_layout_value_pos (layout, base);
  to = ov_chart_layout_value_pos (layout, value);
  start += inset;
  size -= 2 * inset;

  if (layout->horizontal)
    *bar = (cairo_rectangle_t) { MIN (from, to), start, fabs (to - from), size };
  else
    *bar = (cairo_rectangle_t) { start, MIN (from, to), size, fabs (to - from) };
  return TRUE;
}
