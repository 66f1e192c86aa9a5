/* ov-review-report-layout.c — blocks of text, charts and meters laid out
 * down A4 pages, with a footer on each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every block is measured when it is added (text wraps at its cell's
 * width), so pagination knows each height before anything is painted and
 * the footer can say "Page 1 of 3". A block never straddles a page: it
 * moves to the next one whole, taking the headings kept with it. Text
 * goes in with pango_layout_set_text(), never as markup, so a name with
 * "&" or "<" is printed as it is.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ov-chart-paint.h"
#include "ov-chart-palette.h"
#include "ov-review-report-private.h"

/* Cantarell is GNOME's font, as on screen; Sans where it is missing. */
#define REPORT_FONT "Cantarell, Sans"

/* The chart painter measures in pixels at 96 dpi; a page in points. */
#define CHART_SCALE 0.75

#define METER_HEIGHT 8.0

typedef enum
{
  CELL_TEXT,
  CELL_CHART,
  CELL_METER,
} CellKind;

struct _OvReportCell
{
  CellKind       kind;
  double         x;
  double         y;      /* from the block's top */
  double         width;
  double         height;
  PangoLayout   *text;
  OvReportStyle  style;
  OvChart       *chart;
  double         fraction;
};

static void
cell_free (OvReportCell *cell)
{
  g_clear_object (&cell->text);
  g_clear_object (&cell->chart);
  g_free (cell);
}

static void
block_free (OvReportBlock *block)
{
  g_ptr_array_unref (block->cells);
  g_free (block);
}

static void
add_cell (OvReportBlock *block,
          OvReportCell  *cell)
{
  g_ptr_array_add (block->cells, cell);
  block->height = MAX (block->height, cell->y + cell->height);
}

static const OvChartColor *
color_of (OvReportStyle style)
{
  const OvChartPalette *palette = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);

  return style == OV_REPORT_STYLE_DIM ? &palette->dim : &palette->foreground;
}

static void
set_color (cairo_t            *cr,
           const OvChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoLayout *
make_text (OvReportDoc  *doc,
           const char   *text,
           OvReportFont  font,
           double        width)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (REPORT_FONT);
  PangoAttrList *attrs;
  double size = 10;

  switch (font)
    {
    case OV_REPORT_FONT_BODY:
      break;
    case OV_REPORT_FONT_BOLD:
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      break;
    case OV_REPORT_FONT_SMALL:
      size = 8.5;
      break;
    case OV_REPORT_FONT_HEADING:
      size = 14;
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      break;
    case OV_REPORT_FONT_TITLE:
      size = 24;
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      break;
    default:
      g_assert_not_reached ();
    }

  pango_font_description_set_size (desc, (int)(size * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  /* Long words (an e-mail address, a name without spaces) break too,
   * rather than run off the page, and without a hyphen that is not theirs. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

OvReportDoc *
ov_report_doc_new (void)
{
  OvReportDoc *doc = g_new0 (OvReportDoc, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  doc->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (doc->context, 72);
  /* Unhinted metrics: the text is measured as the PDF will hold it. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->context, options);
  cairo_font_options_destroy (options);

  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  doc->repeats = g_array_new (FALSE, FALSE, sizeof (OvReportRepeat));
  return doc;
}

void
ov_report_doc_free (OvReportDoc *doc)
{
  if (doc == NULL)
    return;

  g_clear_object (&doc->context);
  g_ptr_array_unref (doc->blocks);
  g_array_unref (doc->repeats);
  g_free (doc->footer);
  g_free (doc);
}

double
ov_report_content_width (void)
{
  return OV_REPORT_PAGE_WIDTH - 2 * OV_REPORT_MARGIN;
}

OvReportBlock *
ov_report_doc_add_block (OvReportDoc *doc,
                         double       space_before)
{
  OvReportBlock *block = g_new0 (OvReportBlock, 1);

  block->cells = g_ptr_array_new_with_free_func ((GDestroyNotify)cell_free);
  block->space_before = space_before;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
ov_report_block_add_text (OvReportDoc   *doc,
                          OvReportBlock *block,
                          double         x,
                          double         y,
                          double         width,
                          const char    *text,
                          OvReportFont   font,
                          OvReportStyle  style)
{
  OvReportCell *cell = g_new0 (OvReportCell, 1);
  int height;

  cell->kind = CELL_TEXT;
  cell->x = x;
  cell->y = y;
  cell->width = width;
  cell->style = style;
  cell->text = make_text (doc, text, font, width);
  pango_layout_get_size (cell->text, NULL, &height);
  cell->height = (double)height / PANGO_SCALE;
  add_cell (block, cell);
}

void
ov_report_block_add_chart (OvReportBlock *block,
                           double         x,
                           double         y,
                           double         width,
                           double         height,
                           OvChart       *chart)
{
  OvReportCell *cell = g_new0 (OvReportCell, 1);

  cell->kind = CELL_CHART;
  cell->x = x;
  cell->y = y;
  cell->width = width;
  cell->height = height;
  cell->chart = g_object_ref (chart);
  add_cell (block, cell);
}

void
ov_report_block_add_meter (OvReportBlock *block,
                           double         x,
                           double         y,
                           double         width,
                           double         fraction)
{
  OvReportCell *cell = g_new0 (OvReportCell, 1);

  cell->kind = CELL_METER;
  cell->x = x;
  cell->y = y;
  cell->width = width;
  cell->height = METER_HEIGHT;
  cell->fraction = CLAMP (fraction, 0, 1);
  add_cell (block, cell);
}

/* The height of block @i and of every block it is kept with. */
static double
chain_height (OvReportDoc *doc,
              guint        i)
{
  double height = 0;

  for (; i < doc->blocks->len; i++)
    {
      OvReportBlock *block = g_ptr_array_index (doc->blocks, i);

      height += block->height + (height > 0 ? block->space_before : 0);
      if (!block->keep_with_next)
        break;
    }

  return height;
}

void
ov_report_doc_paginate (OvReportDoc *doc)
{
  double top = OV_REPORT_MARGIN;
  double bottom = OV_REPORT_PAGE_HEIGHT - OV_REPORT_MARGIN - OV_REPORT_FOOTER;
  double y = top;
  guint page = 0;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      OvReportBlock *block = g_ptr_array_index (doc->blocks, i);
      double space = y > top ? block->space_before : 0;
      /* A heading is only placed where what it heads fits after it. */
      double needed = block->keep_with_next ? chain_height (doc, i) : block->height;

      if (y > top && y + space + needed > bottom)
        {
          page++;
          y = top;
          space = 0;
          /* A table running on to this page shows its header again. */
          if (block->header != NULL)
            {
              OvReportBlock *header = block->header;
              OvReportRepeat repeat = { header, page, y };

              g_array_append_val (doc->repeats, repeat);
              y += header->height;
              space = block->space_before;
            }
        }

      block->page = page;
      block->y = y + space;
      y = block->y + block->height;
    }

  doc->n_pages = page + 1;
}

static void
paint_meter (cairo_t            *cr,
             const OvReportCell *cell,
             double              x,
             double              y)
{
  const OvChartPalette *palette = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  double r = cell->height / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + r, y + r, r, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x + cell->width - r, y + r, r, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  set_color (cr, &palette->grid);
  cairo_fill_preserve (cr);

  /* The done part, clipped to the rounded track. */
  cairo_save (cr);
  cairo_clip (cr);
  set_color (cr, ov_chart_palette_series_color (palette, 0));
  cairo_rectangle (cr, x, y, cell->width * cell->fraction, cell->height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
paint_cell (cairo_t            *cr,
            const OvReportCell *cell,
            double              x,
            double              y)
{
  switch (cell->kind)
    {
    case CELL_TEXT:
      set_color (cr, color_of (cell->style));
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, cell->text);
      break;

    case CELL_CHART:
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, CHART_SCALE, CHART_SCALE);
      ov_chart_paint (cell->chart, cr, cell->width / CHART_SCALE, cell->height / CHART_SCALE,
                      NULL, NULL);
      cairo_restore (cr);
      break;

    case CELL_METER:
      paint_meter (cr, cell, x, y);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
paint_footer (OvReportDoc *doc,
              cairo_t     *cr,
              guint        page)
{
  const OvChartPalette *palette = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  double width = ov_report_content_width ();
  double y = OV_REPORT_PAGE_HEIGHT - OV_REPORT_MARGIN;
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autoptr(PangoLayout) left = NULL;
  int right_width, height;

  /* Translators: the footer of each page of the review report */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, doc->n_pages);
  right = make_text (doc, number, OV_REPORT_FONT_SMALL, width);
  pango_layout_set_width (right, -1);
  pango_layout_get_size (right, &right_width, &height);

  left = make_text (doc, doc->footer ? doc->footer : "", OV_REPORT_FONT_SMALL,
                    width - (double)right_width / PANGO_SCALE - OV_REPORT_GAP);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);

  set_color (cr, &palette->grid);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, OV_REPORT_MARGIN, y - (double)height / PANGO_SCALE - 6);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);

  set_color (cr, &palette->dim);
  cairo_move_to (cr, OV_REPORT_MARGIN, y - (double)height / PANGO_SCALE);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, OV_REPORT_MARGIN + width - (double)right_width / PANGO_SCALE,
                 y - (double)height / PANGO_SCALE);
  pango_cairo_show_layout (cr, right);
}

static void
paint_block (cairo_t             *cr,
             const OvReportBlock *block,
             double               y)
{
  const OvChartPalette *palette = ov_chart_palette_get (OV_CHART_STYLE_LIGHT);
  double width = ov_report_content_width ();

  if (block->shaded)
    {
      set_color (cr, &palette->grid);
      cairo_rectangle (cr, OV_REPORT_MARGIN - 4, y - 3, width + 8, block->height + 6);
      cairo_fill (cr);
    }

  for (guint c = 0; c < block->cells->len; c++)
    {
      const OvReportCell *cell = g_ptr_array_index (block->cells, c);

      paint_cell (cr, cell, OV_REPORT_MARGIN + cell->x, y + cell->y);
    }

  if (block->rule_below)
    {
      set_color (cr, &palette->grid);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, OV_REPORT_MARGIN, y + block->height + 3);
      cairo_rel_line_to (cr, width, 0);
      cairo_stroke (cr);
    }
}

void
ov_report_doc_paint_page (OvReportDoc *doc,
                          cairo_t     *cr,
                          guint        page)
{
  g_assert (page < doc->n_pages);

  for (guint i = 0; i < doc->repeats->len; i++)
    {
      const OvReportRepeat *repeat = &g_array_index (doc->repeats, OvReportRepeat, i);

      if (repeat->page == page)
        paint_block (cr, repeat->block, repeat->y);
    }

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      OvReportBlock *block = g_ptr_array_index (doc->blocks, i);

      if (block->page == page)
        paint_block (cr, block, block->y);
    }

  paint_footer (doc, cr, page);
}
