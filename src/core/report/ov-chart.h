/* ov-chart.h — what a chart shows: its kind, axes, categories and series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  OV_CHART_BAR,            /* one value per category */
  OV_CHART_GROUPED_BAR,    /* one bar per series in each category */
  OV_CHART_LINE,           /* points joined by straight lines */
  OV_CHART_STEP,           /* points joined by steps: a Kaplan–Meier curve */
  OV_CHART_BOX,            /* quartiles and whiskers per category and series */
  OV_CHART_HORIZONTAL_BAR, /* bars drawn across, categories down: a funnel */
} OvChartKind;

/* X is what the data is grouped or ordered by (the categories, or the days
 * of a line); Y is what is measured. A horizontal bar chart draws Y across
 * and its categories down the side. */
typedef enum
{
  OV_CHART_AXIS_X,
  OV_CHART_AXIS_Y,
} OvChartAxis;

typedef struct
{
  double x;
  double y;
} OvChartPoint;

/* A box of a box plot: @n values summarised by their quartiles and the
 * ends of the whiskers. */
typedef struct
{
  int    n;
  double min;
  double q1;
  double median;
  double q3;
  double max;
} OvChartBox;

#define OV_TYPE_CHART_KIND (ov_chart_kind_get_type ())
#define OV_TYPE_CHART (ov_chart_get_type ())

GType ov_chart_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (OvChart, ov_chart, OV, CHART, GObject)

OvChart            *ov_chart_new              (OvChartKind       kind);
OvChartKind         ov_chart_get_kind         (OvChart          *self);
gboolean            ov_chart_kind_has_categories (OvChartKind    kind);

const char         *ov_chart_get_title        (OvChart          *self);
void                ov_chart_set_title        (OvChart          *self,
                                               const char       *title);
gboolean            ov_chart_get_show_legend  (OvChart          *self);
void                ov_chart_set_show_legend  (OvChart          *self,
                                               gboolean          show_legend);

void                ov_chart_set_axis         (OvChart          *self,
                                               OvChartAxis       axis,
                                               const char       *label,
                                               const char       *unit);
const char         *ov_chart_get_axis_label   (OvChart          *self,
                                               OvChartAxis       axis);
const char         *ov_chart_get_axis_unit    (OvChart          *self,
                                               OvChartAxis       axis);
void                ov_chart_set_axis_range   (OvChart          *self,
                                               OvChartAxis       axis,
                                               double            min,
                                               double            max);
void                ov_chart_get_axis_range   (OvChart          *self,
                                               OvChartAxis       axis,
                                               double           *min,
                                               double           *max);
gboolean            ov_chart_get_x_dates      (OvChart          *self);
void                ov_chart_set_x_dates      (OvChart          *self,
                                               gboolean          dates);

guint               ov_chart_add_category     (OvChart          *self,
                                               const char       *label);
guint               ov_chart_get_n_categories (OvChart          *self);
const char         *ov_chart_get_category     (OvChart          *self,
                                               guint             category);

guint               ov_chart_add_series       (OvChart          *self,
                                               const char       *name);
guint               ov_chart_get_n_series     (OvChart          *self);
const char         *ov_chart_get_series_name  (OvChart          *self,
                                               guint             series);

void                ov_chart_set_value        (OvChart          *self,
                                               guint             series,
                                               guint             category,
                                               double            value,
                                               int               n);
gboolean            ov_chart_get_value        (OvChart          *self,
                                               guint             series,
                                               guint             category,
                                               double           *value,
                                               int              *n);
void                ov_chart_add_point        (OvChart          *self,
                                               guint             series,
                                               double            x,
                                               double            y);
const OvChartPoint *ov_chart_get_points       (OvChart          *self,
                                               guint             series,
                                               guint            *n_points);
void                ov_chart_set_box          (OvChart          *self,
                                               guint             series,
                                               guint             category,
                                               const OvChartBox *box);
const OvChartBox   *ov_chart_get_box          (OvChart          *self,
                                               guint             series,
                                               guint             category);

gboolean            ov_chart_is_empty         (OvChart          *self);
gboolean            ov_chart_get_data_range   (OvChart          *self,
                                               OvChartAxis       axis,
                                               double           *min,
                                               double           *max);

G_END_DECLS
