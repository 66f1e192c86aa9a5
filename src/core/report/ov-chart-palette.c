/* ov-chart-palette.c — the colours a chart is painted in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two built-in palettes from the GNOME HIG colours: the light one for
 * exports and print, the dark one for the dark style. The series colours
 * are darker shades on light and lighter ones on dark, so each keeps its
 * contrast with the background; their order puts blue and orange first,
 * the pair that stays apart for most kinds of colour blindness. Colour is
 * never all that tells series apart (see ov-chart-marks.c).
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include "ov-chart-palette.h"

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const OvChartPalette light = {
  .foreground = RGB (0x333333), /* black at 80 %, as libadwaita's text */
  .dim = RGB (0x5e5c64),
  .grid = RGB (0xdeddda),
  .background = RGB (0xffffff),
  .series = {
    RGB (0x1c71d8), /* blue 4 */
    RGB (0xe66100), /* orange 4 */
    RGB (0x26a269), /* green 5 */
    RGB (0x9141ac), /* purple 3 */
    RGB (0xc01c28), /* red 4 */
    RGB (0x865e3c), /* brown 4 */
  },
};

static const OvChartPalette dark = {
  .foreground = RGB (0xffffff),
  .dim = RGB (0xc0bfbc),
  .grid = RGB (0x3d3846),
  .background = RGB (0x1e1e1e), /* libadwaita's dark view */
  .series = {
    RGB (0x62a0ea), /* blue 2 */
    RGB (0xffa348), /* orange 2 */
    RGB (0x33d17a), /* green 3 */
    RGB (0xdc8add), /* purple 1 */
    RGB (0xf66151), /* red 1 */
    RGB (0xcdab8f), /* brown 1 */
  },
};

const OvChartPalette *
ov_chart_palette_get (OvChartStyle style)
{
  g_return_val_if_fail (style <= OV_CHART_STYLE_DARK, &light);

  return style == OV_CHART_STYLE_DARK ? &dark : &light;
}

/* The colour of @series: past the last one, the colours come round again
 * (the patterns and markers of ov-chart-marks.c come round with them). */
const OvChartColor *
ov_chart_palette_series_color (const OvChartPalette *palette,
                               guint                 series)
{
  g_return_val_if_fail (palette != NULL, NULL);

  return &palette->series[series % OV_CHART_PALETTE_N_SERIES];
}
