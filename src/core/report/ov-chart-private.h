/* ov-chart-private.h — what the chart's painter, hit test and texts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ov-chart.h"
#include "ov-chart-palette.h"
#include "ov-chart-ticks.h"

G_BEGIN_DECLS

typedef enum
{
  OV_CHART_FONT_BODY,  /* category labels, the legend, axis titles */
  OV_CHART_FONT_SMALL, /* tick labels, values on bars, the n under bars */
  OV_CHART_FONT_TITLE,
} OvChartFont;

typedef enum
{
  OV_CHART_LABELS_FLAT,    /* one line each, centred under the category */
  OV_CHART_LABELS_WRAPPED, /* up to two lines, ellipsized */
  OV_CHART_LABELS_ROTATED, /* slanted, ellipsized, perhaps every k-th only */
} OvChartLabelMode;

typedef struct
{
  guint  series;
  double x;
  double y;
  double text_width;
} OvChartLegendItem;

/* Where everything goes on a surface of a given size: the painter draws
 * it and the hit test reads it, so both agree to the pixel. */
typedef struct
{
  OvChart          *chart;
  PangoContext     *context;
  double            width;
  double            height;
  double            pad;
  double            line_height;     /* of OV_CHART_FONT_BODY */
  double            small_height;    /* of OV_CHART_FONT_SMALL */
  gboolean          horizontal;      /* values run across (a funnel) */
  gboolean          empty;

  cairo_rectangle_t title;
  cairo_rectangle_t legend;
  GArray           *legend_items;    /* OvChartLegendItem */
  double            swatch_width;
  double            swatch_height;

  cairo_rectangle_t plot;
  OvChartTicks      values;          /* along the value axis */
  OvChartTicks      x;               /* lines and steps: along x */
  double            value_label_width;

  OvChartLabelMode  label_mode;
  guint             label_stride;
  double            label_extent;    /* wrap width, or the longest slanted label */
  gboolean          has_n;           /* the n are shown under the categories */

  cairo_rectangle_t head;
  char             *head_title;      /* the title of the axis up the side, above it */
  char             *foot_title;      /* the title of the axis along the bottom */
} OvChartLayout;

/* ov-chart-layout.c */
PangoContext *ov_chart_layout_default_context (void);
void          ov_chart_layout_init            (OvChartLayout      *layout,
                                               OvChart            *chart,
                                               PangoContext       *context,
                                               double              width,
                                               double              height);
void          ov_chart_layout_clear           (OvChartLayout      *layout);
PangoLayout  *ov_chart_layout_text            (OvChartLayout      *layout,
                                               OvChartFont         font,
                                               const char         *text);
void          ov_chart_layout_text_size       (OvChartLayout      *layout,
                                               OvChartFont         font,
                                               const char         *text,
                                               double             *width,
                                               double             *height);
double        ov_chart_layout_text_width      (OvChartLayout      *layout,
                                               OvChartFont         font,
                                               const char         *text);
char         *ov_chart_layout_n_text          (OvChartLayout      *layout,
                                               guint               category);

/* ov-chart-layout-plot.c */
void          ov_chart_layout_place_plot      (OvChartLayout      *layout,
                                               double              left,
                                               double              top,
                                               double              right,
                                               double              bottom);
double        ov_chart_layout_value_pos       (OvChartLayout      *layout,
                                               double              value);
double        ov_chart_layout_x_pos           (OvChartLayout      *layout,
                                               double              x);
void          ov_chart_layout_band            (OvChartLayout      *layout,
                                               guint               category,
                                               double             *start,
                                               double             *size);
void          ov_chart_layout_slot            (OvChartLayout      *layout,
                                               guint               series,
                                               guint               category,
                                               double             *start,
                                               double             *size);
gboolean      ov_chart_layout_bar             (OvChartLayout      *layout,
                                               guint               series,
                                               guint               category,
                                               cairo_rectangle_t  *bar);

/* ov-chart-format.c */
char         *ov_chart_format_number          (double              value,
                                               int                 decimals);
char         *ov_chart_format_value           (OvChart            *chart,
                                               OvChartAxis         axis,
                                               double              value);
char         *ov_chart_format_tick            (OvChart            *chart,
                                               OvChartAxis         axis,
                                               const OvChartTicks *ticks,
                                               guint               i);
char         *ov_chart_format_axis_title      (OvChart            *chart,
                                               OvChartAxis         axis);
char         *ov_chart_format_n               (int                 n);
char         *ov_chart_format_bar             (OvChart            *chart,
                                               guint               series,
                                               guint               category);
char         *ov_chart_format_box             (OvChart            *chart,
                                               const OvChartBox   *box);
char         *ov_chart_format_point           (OvChart            *chart,
                                               const OvChartPoint *point);

/* ov-chart-marks.c: what tells series apart besides colour */
void          ov_chart_marks_set_color        (cairo_t              *cr,
                                               const OvChartColor   *color);
void          ov_chart_marks_fill             (cairo_t              *cr,
                                               const OvChartPalette *palette,
                                               guint                 series,
                                               gboolean              light,
                                               const cairo_rectangle_t *rect);
void          ov_chart_marks_set_dash         (cairo_t              *cr,
                                               guint                 series);
void          ov_chart_marks_marker           (cairo_t              *cr,
                                               const OvChartPalette *palette,
                                               guint                 series,
                                               double                x,
                                               double                y,
                                               double                size);
void          ov_chart_marks_swatch           (cairo_t              *cr,
                                               const OvChartPalette *palette,
                                               OvChartKind           kind,
                                               guint                 series,
                                               const cairo_rectangle_t *rect);

/* The painters of each kind (ov-chart-paint-*.c) */
void          ov_chart_paint_bars             (OvChartLayout        *layout,
                                               cairo_t              *cr,
                                               const OvChartPalette *palette);
void          ov_chart_paint_lines            (OvChartLayout        *layout,
                                               cairo_t              *cr,
                                               const OvChartPalette *palette);
void          ov_chart_paint_boxes            (OvChartLayout        *layout,
                                               cairo_t              *cr,
                                               const OvChartPalette *palette);
void          ov_chart_paint_text             (cairo_t              *cr,
                                               PangoLayout          *text,
                                               const OvChartColor   *color,
                                               double                x,
                                               double                y);

/* A box's geometry, shared by its painter and the hit test. */
void          ov_chart_box_extent             (OvChartLayout        *layout,
                                               guint                 series,
                                               guint                 category,
                                               double               *x,
                                               double               *width);

G_END_DECLS
