/* ov-chart-marks.c — what tells series apart besides their colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colour is never all that tells one series from another: a reader who
 * does not see the difference, or a greyscale print, still has the
 * hatching of a bar, the dashes of a line and the shape of its markers,
 * and the legend shows the same marks beside each name. The first series
 * is plain (solid, full line, circles), so a chart of one series reads
 * plainly. Six of each, in step with the palette's six colours.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <math.h>

#include "ov-chart-private.h"

#define HATCH_SPACING 6.0

typedef enum
{
  HATCH_NONE,
  HATCH_RISING,    /* / */
  HATCH_DOTS,
  HATCH_FALLING,   /* \ */
  HATCH_CROSS,
  HATCH_LEVEL,     /* — */
} Hatch;

static const Hatch hatches[] = {
  HATCH_NONE, HATCH_RISING, HATCH_DOTS, HATCH_FALLING, HATCH_CROSS, HATCH_LEVEL,
};

static const double dash_solid[] = { 0 };
static const double dash_long[] = { 7, 4 };
static const double dash_dotted[] = { 1, 4 };
static const double dash_dot[] = { 8, 3, 1, 3 };
static const double dash_short[] = { 3, 3 };
static const double dash_double[] = { 8, 3, 1, 3, 1, 3 };

static const struct {
  const double *dashes;
  int           n;
} dashes[] = {
  { dash_solid, 0 },
  { dash_long, G_N_ELEMENTS (dash_long) },
  { dash_dotted, G_N_ELEMENTS (dash_dotted) },
  { dash_dot, G_N_ELEMENTS (dash_dot) },
  { dash_short, G_N_ELEMENTS (dash_short) },
  { dash_double, G_N_ELEMENTS (dash_double) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (hatches) == OV_CHART_PALETTE_N_SERIES);
G_STATIC_ASSERT (G_N_ELEMENTS (dashes) == OV_CHART_PALETTE_N_SERIES);

void
ov_chart_marks_set_color (cairo_t            *cr,
                          const OvChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
hatch_lines (cairo_t                 *cr,
             const cairo_rectangle_t *rect,
             double                   dx)
{
  double span = rect->width + rect->height;

  /* Lines at 45° (dx = ±1) or level (dx = 0), anchored to the surface
   * rather than the bar so neighbouring bars' hatching lines up. */
  if (dx == 0)
    {
      for (double y = floor (rect->y / HATCH_SPACING) * HATCH_SPACING;
           y <= rect->y + rect->height; y += HATCH_SPACING)
        {
          cairo_move_to (cr, rect->x, y);
          cairo_line_to (cr, rect->x + rect->width, y);
        }
      return;
    }

  for (double c = floor ((rect->x - span) / HATCH_SPACING) * HATCH_SPACING;
       c <= rect->x + span; c += HATCH_SPACING)
    {
      cairo_move_to (cr, c, rect->y + (dx > 0 ? rect->height : 0));
      cairo_rel_line_to (cr, span, dx > 0 ? -span : span);
    }
}

/**
 * ov_chart_marks_fill:
 * @light: a box's light fill (the colour at a third, hatched in the
 *   colour) rather than a bar's solid one (hatched in the background)
 *
 * Fills @rect for @series: its colour and its hatching.
 */
void
ov_chart_marks_fill (cairo_t                 *cr,
                     const OvChartPalette    *palette,
                     guint                    series,
                     gboolean                 light,
                     const cairo_rectangle_t *rect)
{
  const OvChartColor *color = ov_chart_palette_series_color (palette, series);
  const OvChartColor *ink = light ? color : &palette->background;
  Hatch hatch = hatches[series % G_N_ELEMENTS (hatches)];

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, light ? 0.3 : 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 1);
  cairo_set_line_width (cr, 1.5);
  switch (hatch)
    {
    case HATCH_RISING:
      hatch_lines (cr, rect, 1);
      break;

    case HATCH_FALLING:
      hatch_lines (cr, rect, -1);
      break;

    case HATCH_CROSS:
      hatch_lines (cr, rect, 1);
      hatch_lines (cr, rect, -1);
      break;

    case HATCH_LEVEL:
      hatch_lines (cr, rect, 0);
      break;

    case HATCH_DOTS:
      for (double y = floor (rect->y / HATCH_SPACING) * HATCH_SPACING + 3;
           y <= rect->y + rect->height; y += HATCH_SPACING)
        for (double x = floor (rect->x / HATCH_SPACING) * HATCH_SPACING + 3;
             x <= rect->x + rect->width; x += HATCH_SPACING)
          cairo_rectangle (cr, x - 1, y - 1, 2, 2);
      cairo_fill (cr);
      break;

    case HATCH_NONE:
    default:
      break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The dashes of @series' line, scaled to the current line width. */
void
ov_chart_marks_set_dash (cairo_t *cr,
                         guint    series)
{
  guint i = series % G_N_ELEMENTS (dashes);
  double width = cairo_get_line_width (cr);
  double scaled[8];

  g_assert (dashes[i].n <= (int)G_N_ELEMENTS (scaled));

  for (int j = 0; j < dashes[i].n; j++)
    scaled[j] = dashes[i].dashes[j] * MAX (width / 2, 1);
  cairo_set_dash (cr, scaled, dashes[i].n, 0);
}

static void
marker_path (cairo_t *cr,
             guint    shape,
             double   x,
             double   y,
             double   r)
{
  switch (shape)
    {
    case 0: /* circle */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;

    case 1: /* square */
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;

    case 2: /* triangle, point up */
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;

    case 3: /* diamond */
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;

    case 4: /* triangle, point down */
      cairo_move_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y - r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y - r * 0.8);
      cairo_close_path (cr);
      break;

    default: /* plus */
      {
        double t = r * 0.4;

        cairo_move_to (cr, x - t, y - r);
        cairo_line_to (cr, x + t, y - r);
        cairo_line_to (cr, x + t, y - t);
        cairo_line_to (cr, x + r, y - t);
        cairo_line_to (cr, x + r, y + t);
        cairo_line_to (cr, x + t, y + t);
        cairo_line_to (cr, x + t, y + r);
        cairo_line_to (cr, x - t, y + r);
        cairo_line_to (cr, x - t, y + t);
        cairo_line_to (cr, x - r, y + t);
        cairo_line_to (cr, x - r, y - t);
        cairo_line_to (cr, x - t, y - t);
        cairo_close_path (cr);
      }
      break;
    }
}

/* @series' marker at (@x, @y), @size across, ringed in the background
 * colour so it stands out where lines cross. */
void
ov_chart_marks_marker (cairo_t              *cr,
                       const OvChartPalette *palette,
                       guint                 series,
                       double                x,
                       double                y,
                       double                size)
{
  const OvChartColor *bg = &palette->background;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  marker_path (cr, series % OV_CHART_PALETTE_N_SERIES, x, y, size / 2);
  cairo_set_source_rgba (cr, bg->red, bg->green, bg->blue, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke_preserve (cr);
  ov_chart_marks_set_color (cr, ov_chart_palette_series_color (palette, series));
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The legend's sample of @series: a hatched square for bars and boxes,
 * a stretch of dashed line with its marker for lines and steps. */
void
ov_chart_marks_swatch (cairo_t                 *cr,
                       const OvChartPalette    *palette,
                       OvChartKind              kind,
                       guint                    series,
                       const cairo_rectangle_t *rect)
{
  const OvChartColor *color = ov_chart_palette_series_color (palette, series);
  double mid = rect->y + rect->height / 2;

  if (ov_chart_kind_has_categories (kind))
    {
      ov_chart_marks_fill (cr, palette, series, kind == OV_CHART_BOX, rect);
      cairo_save (cr);
      ov_chart_marks_set_color (cr, color);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, rect->x + 0.5, rect->y + 0.5, rect->width - 1, rect->height - 1);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  cairo_save (cr);
  ov_chart_marks_set_color (cr, color);
  cairo_set_line_width (cr, 2);
  ov_chart_marks_set_dash (cr, series);
  cairo_move_to (cr, rect->x, mid);
  cairo_line_to (cr, rect->x + rect->width, mid);
  cairo_stroke (cr);
  cairo_restore (cr);
  ov_chart_marks_marker (cr, palette, series, rect->x + rect->width / 2, mid, rect->height);
}
