/* ov-chart-palette.h — the colours a chart is painted in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Components from 0 to 1, as cairo takes them (and as GdkRGBA holds them,
 * so a widget copies the theme's colours field by field). */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} OvChartColor;

#define OV_CHART_PALETTE_N_SERIES 6

/* @background is painted under the chart when it is not transparent, and
 * is the colour of the hatching that tells bars apart without colour. */
typedef struct
{
  OvChartColor foreground; /* titles, labels, axes, medians */
  OvChartColor dim;        /* ticks, the n under the bars, "No data" */
  OvChartColor grid;       /* grid lines */
  OvChartColor background;
  OvChartColor series[OV_CHART_PALETTE_N_SERIES];
} OvChartPalette;

typedef enum
{
  OV_CHART_STYLE_LIGHT,
  OV_CHART_STYLE_DARK,
} OvChartStyle;

const OvChartPalette *ov_chart_palette_get          (OvChartStyle          style);
const OvChartColor   *ov_chart_palette_series_color (const OvChartPalette *palette,
                                                     guint                 series);

G_END_DECLS
