/* ov-chart-layout.c — where the title, legend and axis titles go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is measured with Pango in the font of the context given, so
 * the layout fits the widget's font on screen and the default font in an
 * export, from 300 to 1200 pixels wide: the title, the legend and the
 * value axis' title on top, the other axis' title at the bottom, and the
 * plot in between (ov-chart-layout-plot.c). The painter and the hit test
 * both read the layout, so they agree to the pixel.
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

void
ov_chart_layout_text_size (OvChartLayout *layout,
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

double
ov_chart_layout_text_width (OvChartLayout *layout,
                            OvChartFont    font,
                            const char    *text)
{
  double width;

  ov_chart_layout_text_size (layout, font, text, &width, NULL);
  return width;
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
      double tw = MIN (ov_chart_layout_text_width (layout, OV_CHART_FONT_BODY, name),
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

  ov_chart_layout_text_size (layout, OV_CHART_FONT_BODY, "Ag", NULL, &layout->line_height);
  ov_chart_layout_text_size (layout, OV_CHART_FONT_SMALL, "Ag", NULL, &layout->small_height);
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
  else
    ov_chart_layout_place_plot (layout, left, top, right, bottom);
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
