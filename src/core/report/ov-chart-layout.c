/* ov-chart-layout.c — where the title, legend, axes and plot go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is measured with Pango in the font of the context given, so
 * the layout fits the widget's font on screen and the default font in an
 * export, from 300 to 1200 pixels wide: the title, legend and the value
 * axis' title on top, tick labels beside the plot, and
 * category labels flat, wrapped, or slanted and thinned out when they do
 * not fit side by side. The painter and the hit test both read it.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ov-chart-private.h"

/* Cantarell is GNOME's interface font; Sans stands in where it is missing. */
#define DEFAULT_FONT "Cantarell, Sans 10"

#define SIN45 0.70710678118654752

static void
text_size (OvChartLayout *layout,
           OvChartFont    font,
           const char    *text,
           double        *width,
           double        *height)
{
  g_autoptr(PangoLayout) text_layout = ov_chart_layout_text (layout, font, text);
  int w, h;

  pango_layout_get_size (text_layout, &w, &h);
  if (width != NULL)
    *width = (double)w / PANGO_SCALE;
  if (height != NULL)
    *height = (double)h / PANGO_SCALE;
}

static double
text_width (OvChartLayout *layout,
            OvChartFont    font,
            const char    *text)
{
  double width;

  text_size (layout, font, text, &width, NULL);
  return width;
}

static double
widest_tick (OvChartLayout      *layout,
             OvChartAxis         axis,
             const OvChartTicks *ticks)
{
  double widest = 0;

  for (guint i = 0; i < ticks->n; i++)
    {
      g_autofree char *label = ov_chart_format_tick (layout->chart, axis, ticks, i);

      widest = MAX (widest, text_width (layout, OV_CHART_FONT_SMALL, label));
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

static void
place_title (OvChartLayout *layout,
             double        *top)
{
  const char *title = ov_chart_get_title (layout->chart);
  double width = layout->width - 2 * layout->pad;
  g_autoptr(PangoLayout) text = NULL;
  int h;

  if (title == NULL || *title == '\0')
    return;

  text = ov_chart_layout_text (layout, OV_CHART_FONT_TITLE, title);
  pango_layout_set_width (text, (int)(MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_get_size (text, NULL, &h);

  layout->title = (cairo_rectangle_t) { layout->pad, *top, width, (double)h / PANGO_SCALE };
  *top += layout->title.height + layout->pad * 0.5;
}

/* The legend's items flow from left to right, in rows as wide as the
 * chart; a name too long for a row is ellipsized. */
static void
place_legend (OvChartLayout *layout,
              double        *top)
{
  guint n_series = ov_chart_get_n_series (layout->chart);
  double avail = layout->width - 2 * layout->pad;
  double gap = layout->line_height * 0.4;
  double row = layout->line_height;
  double x = layout->pad, y = *top;

  if (!ov_chart_get_show_legend (layout->chart) || n_series < 2)
    return;

  for (guint i = 0; i < n_series; i++)
    {
      const char *name = ov_chart_get_series_name (layout->chart, i);
      double tw = MIN (text_width (layout, OV_CHART_FONT_BODY, name),
                       MAX (avail - layout->swatch_width - gap, 1));
      double item = layout->swatch_width + gap + tw;
      OvChartLegendItem entry;

      if (x > layout->pad && x + item > layout->pad + avail)
        {
          x = layout->pad;
          y += row + layout->pad * 0.25;
        }

      entry = (OvChartLegendItem) { i, x, y, tw };
      g_array_append_val (layout->legend_items, entry);
      x += item + layout->line_height;
    }

  layout->legend = (cairo_rectangle_t) { layout->pad, *top, avail, y + row - *top };
  *top = y + row + layout->pad * 0.5;
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
      double w = n ? (n_text != NULL ? text_width (layout, OV_CHART_FONT_SMALL, n_text) : 0)
                   : text_width (layout, OV_CHART_FONT_BODY, ov_chart_get_category (layout->chart, i));

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

      widest = MAX (widest, text_width (layout, OV_CHART_FONT_BODY,
                                        ov_chart_get_category (layout->chart, i)));
      if (n_text != NULL)
        widest = MAX (widest, text_width (layout, OV_CHART_FONT_SMALL, n_text));
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
          first = text_width (layout, OV_CHART_FONT_SMALL, label);
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

PangoContext *
ov_chart_layout_default_context (void)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (DEFAULT_FONT);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context = pango_font_map_create_context (map);

  /* Unhinted metrics: the same layout on every surface and at any scale,
   * so an export and the hit test agree. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_font_description (context, font);

  return context;
}

void
ov_chart_layout_init (OvChartLayout *layout,
                      OvChart       *chart,
                      PangoContext  *context,
                      double         width,
                      double         height)
{
  OvChartKind kind;
  double top, bottom, left, right;

  g_assert (layout != NULL);
  g_assert (OV_IS_CHART (chart));
  g_assert (PANGO_IS_CONTEXT (context));

  memset (layout, 0, sizeof *layout);
  kind = ov_chart_get_kind (chart);
  layout->chart = g_object_ref (chart);
  layout->context = g_object_ref (context);
  layout->width = width;
  layout->height = height;
  layout->horizontal = kind == OV_CHART_HORIZONTAL_BAR;
  layout->empty = ov_chart_is_empty (chart);
  layout->legend_items = g_array_new (FALSE, FALSE, sizeof (OvChartLegendItem));
  layout->label_stride = 1;

  text_size (layout, OV_CHART_FONT_BODY, "Ag", NULL, &layout->line_height);
  text_size (layout, OV_CHART_FONT_SMALL, "Ag", NULL, &layout->small_height);
  layout->pad = round (layout->line_height * 0.75);
  layout->swatch_height = round (layout->line_height * 0.7);
  layout->swatch_width = ov_chart_kind_has_categories (kind) ? layout->swatch_height
                                                             : 2.5 * layout->line_height;

  for (guint i = 0; i < ov_chart_get_n_categories (chart) && !layout->has_n; i++)
    {
      g_autofree char *n_text = ov_chart_layout_n_text (layout, i);

      layout->has_n = n_text != NULL;
    }

  top = layout->pad;
  bottom = height - layout->pad;
  left = layout->pad;
  right = width - layout->pad;

  place_title (layout, &top);
  place_legend (layout, &top);

  /* The title of the axis up the side goes above it, level: it reads
   * without tilting one's head and leaves the plot its width. */
  layout->head_title = ov_chart_format_axis_title (chart, layout->horizontal ? OV_CHART_AXIS_X
                                                                            : OV_CHART_AXIS_Y);
  layout->foot_title = ov_chart_format_axis_title (chart, layout->horizontal ? OV_CHART_AXIS_Y
                                                                            : OV_CHART_AXIS_X);
  if (layout->head_title != NULL)
    {
      layout->head = (cairo_rectangle_t) { left, top, right - left, layout->line_height };
      top += layout->line_height + layout->pad * 0.25;
    }
  /* Named categories say what they are: on a short chart their axis'
   * title gives its room to the plot. */
  if (layout->foot_title != NULL && ov_chart_kind_has_categories (kind) && !layout->horizontal &&
      bottom - top < 10 * layout->line_height)
    g_clear_pointer (&layout->foot_title, g_free);
  if (layout->foot_title != NULL)
    bottom -= layout->line_height + layout->pad * 0.5;

  if (layout->empty)
    layout->plot = (cairo_rectangle_t) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };
  else if (layout->horizontal)
    place_horizontal (layout, left, top, right, bottom);
  else
    place_vertical (layout, left, top, right, bottom);
}

void
ov_chart_layout_clear (OvChartLayout *layout)
{
  g_assert (layout != NULL);

  g_clear_object (&layout->chart);
  g_clear_object (&layout->context);
  g_clear_pointer (&layout->legend_items, g_array_unref);
  g_clear_pointer (&layout->head_title, g_free);
  g_clear_pointer (&layout->foot_title, g_free);
}

/* A Pango layout of @text in one of the chart's fonts, sized from the
 * context's font. */
PangoLayout *
ov_chart_layout_text (OvChartLayout *layout,
                      OvChartFont    font,
                      const char    *text)
{
  PangoLayout *text_layout = pango_layout_new (layout->context);
  g_autoptr(PangoFontDescription) desc =
    pango_font_description_copy (pango_context_get_font_description (layout->context));
  double scale = font == OV_CHART_FONT_SMALL ? 0.9 : font == OV_CHART_FONT_TITLE ? 1.15 : 1;
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int)(size * scale));
  if (font == OV_CHART_FONT_TITLE)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  pango_layout_set_font_description (text_layout, desc);
  pango_layout_set_text (text_layout, text, -1);
  return text_layout;
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

  if (layout->horizontal)
    *bar = (cairo_rectangle_t) { MIN (from, to), start + inset, fabs (to - from), size - 2 * inset };
  else
    *bar = (cairo_rectangle_t) { start + inset, MIN (from, to), size - 2 * inset, fabs (to - from) };
  return TRUE;
}

/* "n = 120" under a category: the n of each series that has one, or
 * %NULL when none has. */
char *
ov_chart_layout_n_text (OvChartLayout *layout,
                        guint          category)
{
  guint n_series = ov_chart_get_n_series (layout->chart);
  g_autoptr(GString) numbers = g_string_new (NULL);
  gboolean any = FALSE;

  for (guint i = 0; i < n_series; i++)
    {
      const OvChartBox *box = ov_chart_get_box (layout->chart, i, category);
      int n = -1;

      if (box != NULL)
        n = box->n;
      else
        ov_chart_get_value (layout->chart, i, category, NULL, &n);

      if (i > 0)
        g_string_append (numbers, " / ");
      if (n >= 0)
        g_string_append_printf (numbers, "%d", n);
      else
        g_string_append (numbers, "–");
      any |= n >= 0;
    }

  if (!any)
    return NULL;

  /* The same words as ov_chart_format_n(), for several numbers. */
  return g_strdup_printf (_("n = %s"), numbers->str);
}
