/* ov-chart-paint.c — a chart on a cairo surface: frame, axes and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one painter behind the chart widget (which calls it from snapshot()
 * through gtk_snapshot_append_cairo, with the theme's colours and its own
 * Pango context), the PNG/SVG/PDF export and the review report. This file
 * draws what every kind shares — background, title, legend, grid, tick and
 * category labels, axis titles — and hands the data to the painter of the
 * chart's kind (ov-chart-paint-bars.c, -lines.c, -box.c). Nothing is drawn
 * outside the width and height given, however small.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ov-chart-paint.h"
#include "ov-chart-private.h"

#define SIN45 0.70710678118654752

/* A 1-pixel line on a pixel's middle, so it stays sharp. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static void
paint_title (OvChartLayout        *layout,
             cairo_t              *cr,
             const OvChartPalette *palette)
{
  g_autoptr(PangoLayout) text = NULL;

  if (layout->title.height <= 0)
    return;

  text = ov_chart_layout_text (layout, OV_CHART_FONT_TITLE, ov_chart_get_title (layout->chart));
  pango_layout_set_width (text, (int)(layout->title.width * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  ov_chart_paint_text (cr, text, &palette->foreground, layout->title.x, layout->title.y);
}

static void
paint_legend (OvChartLayout        *layout,
              cairo_t              *cr,
              const OvChartPalette *palette)
{
  double gap = layout->line_height * 0.4;

  for (guint i = 0; i < layout->legend_items->len; i++)
    {
      const OvChartLegendItem *item = &g_array_index (layout->legend_items, OvChartLegendItem, i);
      const char *name = ov_chart_get_series_name (layout->chart, item->series);
      g_autoptr(PangoLayout) text = ov_chart_layout_text (layout, OV_CHART_FONT_BODY, name);
      cairo_rectangle_t swatch = {
        item->x, round (item->y + (layout->line_height - layout->swatch_height) / 2),
        layout->swatch_width, layout->swatch_height
      };

      ov_chart_marks_swatch (cr, palette, ov_chart_get_kind (layout->chart), item->series, &swatch);
      pango_layout_set_width (text, (int)(item->text_width * PANGO_SCALE) + 1);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      ov_chart_paint_text (cr, text, &palette->foreground,
                           item->x + layout->swatch_width + gap, item->y);
    }
}

/* Grid lines and labels at the value ticks, and the line at zero. */
static void
paint_value_axis (OvChartLayout        *layout,
                  cairo_t              *cr,
                  const OvChartPalette *palette)
{
  const cairo_rectangle_t *plot = &layout->plot;
  double base;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < layout->values.n; i++)
    {
      g_autofree char *label = ov_chart_format_tick (layout->chart, OV_CHART_AXIS_Y,
                                                     &layout->values, i);
      g_autoptr(PangoLayout) text = ov_chart_layout_text (layout, OV_CHART_FONT_SMALL, label);
      double value = ov_chart_ticks_get (&layout->values, i);
      double pos = crisp (ov_chart_layout_value_pos (layout, value));
      int w, h;

      pango_layout_get_pixel_size (text, &w, &h);
      ov_chart_marks_set_color (cr, &palette->grid);
      if (layout->horizontal)
        {
          cairo_move_to (cr, pos, plot->y);
          cairo_line_to (cr, pos, plot->y + plot->height);
          cairo_stroke (cr);
          ov_chart_paint_text (cr, text, &palette->dim, pos - w / 2.0,
                               plot->y + plot->height + layout->small_height * 0.3);
        }
      else
        {
          cairo_move_to (cr, plot->x, pos);
          cairo_line_to (cr, plot->x + plot->width, pos);
          cairo_stroke (cr);
          ov_chart_paint_text (cr, text, &palette->dim, plot->x - layout->pad * 0.5 - w,
                               pos - h / 2.0);
        }
    }

  base = crisp (ov_chart_layout_value_pos (layout, CLAMP (0, layout->values.lower,
                                                           layout->values.upper)));
  ov_chart_marks_set_color (cr, &palette->dim);
  if (layout->horizontal)
    {
      cairo_move_to (cr, base, plot->y);
      cairo_line_to (cr, base, plot->y + plot->height);
    }
  else
    {
      cairo_move_to (cr, plot->x, base);
      cairo_line_to (cr, plot->x + plot->width, base);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_x_ticks (OvChartLayout        *layout,
               cairo_t              *cr,
               const OvChartPalette *palette)
{
  double bottom = layout->plot.y + layout->plot.height;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  ov_chart_marks_set_color (cr, &palette->dim);
  for (guint i = 0; i < layout->x.n; i++)
    {
      g_autofree char *label = ov_chart_format_tick (layout->chart, OV_CHART_AXIS_X, &layout->x, i);
      g_autoptr(PangoLayout) text = ov_chart_layout_text (layout, OV_CHART_FONT_SMALL, label);
      double pos = crisp (ov_chart_layout_x_pos (layout, ov_chart_ticks_get (&layout->x, i)));
      int w;

      cairo_move_to (cr, pos, bottom);
      cairo_line_to (cr, pos, bottom + layout->small_height * 0.3);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (text, &w, NULL);
      ov_chart_paint_text (cr, text, &palette->dim, pos - w / 2.0,
                           bottom + layout->small_height * 0.35);
    }
  cairo_restore (cr);
}

/* The label of @category, and its n when the layout shows them. */
static PangoLayout *
category_label (OvChartLayout  *layout,
                guint           category,
                char          **n_text)
{
  *n_text = layout->has_n ? ov_chart_layout_n_text (layout, category) : NULL;
  return ov_chart_layout_text (layout, OV_CHART_FONT_BODY,
                               ov_chart_get_category (layout->chart, category));
}

/* One category's label and n, flat or wrapped: centred in its band under
 * a vertical plot, right-aligned beside a horizontal one. */
static void
paint_upright_label (OvChartLayout        *layout,
                     cairo_t              *cr,
                     const OvChartPalette *palette,
                     guint                 category)
{
  g_autofree char *n_text = NULL;
  g_autoptr(PangoLayout) text = category_label (layout, category, &n_text);
  g_autoptr(PangoLayout) n_layout = NULL;
  double start, band, x, y, label_h;
  int h;

  ov_chart_layout_band (layout, category, &start, &band);
  pango_layout_set_width (text, (int)(MAX (layout->label_extent, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (text, layout->horizontal ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  if (layout->label_mode == OV_CHART_LABELS_WRAPPED)
    {
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (text, -2);
    }
  pango_layout_get_size (text, NULL, &h);
  label_h = (double)h / PANGO_SCALE;

  if (n_text != NULL)
    {
      n_layout = ov_chart_layout_text (layout, OV_CHART_FONT_SMALL, n_text);
      pango_layout_set_width (n_layout, (int)(MAX (layout->label_extent, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (n_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (n_layout, pango_layout_get_alignment (text));
    }

  if (layout->horizontal)
    {
      double block = label_h + (n_layout != NULL ? layout->small_height : 0);

      x = layout->plot.x - layout->pad * 0.5 - layout->label_extent;
      y = start + (band - block) / 2;
    }
  else
    {
      x = start + (band - layout->label_extent) / 2;
      y = layout->plot.y + layout->plot.height + layout->small_height * 0.4;
    }

  ov_chart_paint_text (cr, text, &palette->foreground, x, y);
  if (n_layout != NULL)
    {
      /* Under a vertical plot the n line up across categories. */
      double n_y = layout->horizontal || layout->label_mode != OV_CHART_LABELS_WRAPPED
                   ? y + label_h : y + 2 * layout->line_height;

      ov_chart_paint_text (cr, n_layout, &palette->dim, x, n_y);
    }
}

/* A slanted label ends at its category's middle and runs down to the
 * left, cut short where it would leave the surface. */
static void
paint_rotated_label (OvChartLayout        *layout,
                     cairo_t              *cr,
                     const OvChartPalette *palette,
                     guint                 category)
{
  g_autofree char *n_text = NULL;
  g_autoptr(PangoLayout) text = category_label (layout, category, &n_text);
  double start, band, anchor_x, anchor_y, length;

  ov_chart_layout_band (layout, category, &start, &band);
  anchor_x = start + band / 2;
  anchor_y = layout->plot.y + layout->plot.height + layout->small_height * 0.4;
  length = MIN (layout->label_extent,
                (anchor_x - layout->pad * 0.5) / SIN45 - layout->line_height / 2);
  if (length < layout->line_height)
    return;

  cairo_save (cr);
  cairo_translate (cr, anchor_x, anchor_y);
  cairo_rotate (cr, -G_PI / 4);
  pango_layout_set_width (text, (int)(length * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
  ov_chart_paint_text (cr, text, &palette->foreground, -length, -layout->line_height / 2);
  if (n_text != NULL)
    {
      g_autoptr(PangoLayout) n_layout = ov_chart_layout_text (layout, OV_CHART_FONT_SMALL, n_text);
      int w;

      /* Whole or not at all: a number cut short would be wrong. */
      pango_layout_get_pixel_size (n_layout, &w, NULL);
      if (w <= length)
        {
          pango_layout_set_width (n_layout, (int)(length * PANGO_SCALE));
          pango_layout_set_alignment (n_layout, PANGO_ALIGN_RIGHT);
          ov_chart_paint_text (cr, n_layout, &palette->dim, -length, layout->line_height / 2);
        }
    }
  cairo_restore (cr);
}

static void
paint_category_labels (OvChartLayout        *layout,
                       cairo_t              *cr,
                       const OvChartPalette *palette)
{
  guint n = ov_chart_get_n_categories (layout->chart);

  for (guint i = 0; i < n; i += layout->label_stride)
    {
      if (layout->label_mode == OV_CHART_LABELS_ROTATED && !layout->horizontal)
        paint_rotated_label (layout, cr, palette, i);
      else
        paint_upright_label (layout, cr, palette, i);
    }
}

static void
paint_axis_titles (OvChartLayout        *layout,
                   cairo_t              *cr,
                   const OvChartPalette *palette)
{
  const cairo_rectangle_t *plot = &layout->plot;

  if (layout->head_title != NULL)
    {
      g_autoptr(PangoLayout) text = ov_chart_layout_text (layout, OV_CHART_FONT_BODY,
                                                          layout->head_title);

      pango_layout_set_width (text, (int)(layout->head.width * PANGO_SCALE));
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      ov_chart_paint_text (cr, text, &palette->dim, layout->head.x, layout->head.y);
    }

  if (layout->foot_title != NULL)
    {
      g_autoptr(PangoLayout) text = ov_chart_layout_text (layout, OV_CHART_FONT_BODY,
                                                          layout->foot_title);

      pango_layout_set_width (text, (int)(MAX (plot->width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      ov_chart_paint_text (cr, text, &palette->dim, plot->x,
                           layout->height - layout->pad - layout->line_height);
    }
}

static void
paint_no_data (OvChartLayout        *layout,
               cairo_t              *cr,
               const OvChartPalette *palette)
{
  g_autoptr(PangoLayout) text = ov_chart_layout_text (layout, OV_CHART_FONT_BODY, _("No data"));
  int w, h;

  pango_layout_get_pixel_size (text, &w, &h);
  ov_chart_paint_text (cr, text, &palette->dim,
                       layout->plot.x + MAX (layout->plot.width - w, 0) / 2,
                       layout->plot.y + MAX (layout->plot.height - h, 0) / 2);
}

void
ov_chart_paint_text (cairo_t            *cr,
                     PangoLayout        *text,
                     const OvChartColor *color,
                     double              x,
                     double              y)
{
  ov_chart_marks_set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

/**
 * ov_chart_paint:
 * @cr: where to paint, from (0, 0) to (@width, @height) in its user space
 * @palette: (nullable): the colours; %NULL for the light palette
 * @context: (nullable): measures and shapes the text; a widget gives its
 *   own, so the chart has the interface's font. %NULL for the default
 *   font (what exports use).
 */
void
ov_chart_paint (OvChart              *chart,
                cairo_t              *cr,
                double                width,
                double                height,
                const OvChartPalette *palette,
                PangoContext         *context)
{
  PangoContext *own_context = NULL; /* Pango 1.50 has no g_autoptr for it */
  OvChartLayout layout;

  g_return_if_fail (OV_IS_CHART (chart));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (context == NULL || PANGO_IS_CONTEXT (context));

  if (palette == NULL)
    palette = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  if (context == NULL)
    context = own_context = ov_chart_layout_default_context ();

  ov_chart_layout_init (&layout, chart, context, width, height);

  cairo_save (cr);
  if (palette->background.alpha > 0)
    {
      ov_chart_marks_set_color (cr, &palette->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  paint_title (&layout, cr, palette);
  paint_legend (&layout, cr, palette);
  paint_axis_titles (&layout, cr, palette);

  if (layout.empty)
    paint_no_data (&layout, cr, palette);
  else
    {
      paint_value_axis (&layout, cr, palette);
      if (ov_chart_kind_has_categories (ov_chart_get_kind (chart)))
        paint_category_labels (&layout, cr, palette);
      else
        paint_x_ticks (&layout, cr, palette);

      switch (ov_chart_get_kind (chart))
        {
        case OV_CHART_BAR:
        case OV_CHART_GROUPED_BAR:
        case OV_CHART_HORIZONTAL_BAR:
          ov_chart_paint_bars (&layout, cr, palette);
          break;

        case OV_CHART_LINE:
        case OV_CHART_STEP:
          ov_chart_paint_lines (&layout, cr, palette);
          break;

        case OV_CHART_BOX:
          ov_chart_paint_boxes (&layout, cr, palette);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
  ov_chart_layout_clear (&layout);
  g_clear_object (&own_context);
}
