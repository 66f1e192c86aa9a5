/* ov-chart-paint.h — a chart on a cairo surface, and what lies under a point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ov-chart.h"
#include "ov-chart-palette.h"

G_BEGIN_DECLS

/* What the pointer is over: a bar or box (@series, @category), or a
 * point of a line (@series, @point), and its exact value as a sentence
 * for a tooltip. */
typedef struct
{
  int   series;
  int   category; /* -1 for lines and steps */
  int   point;    /* -1 for bars and boxes */
  char *text;
} OvChartHit;

void      ov_chart_paint     (OvChart              *chart,
                              cairo_t              *cr,
                              double                width,
                              double                height,
                              const OvChartPalette *palette,
                              PangoContext         *context);
gboolean  ov_chart_hit_test  (OvChart              *chart,
                              double                width,
                              double                height,
                              PangoContext         *context,
                              double                x,
                              double                y,
                              OvChartHit           *hit);
void      ov_chart_hit_clear (OvChartHit           *hit);

G_END_DECLS
