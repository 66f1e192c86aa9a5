/* ov-chart-series.h — one series of a chart: its values, points or boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-chart.h"

G_BEGIN_DECLS

typedef struct _OvChartSeries OvChartSeries;

OvChartSeries      *ov_chart_series_new       (const char          *name);
void                ov_chart_series_free      (OvChartSeries       *series);
const char         *ov_chart_series_get_name  (const OvChartSeries *series);
void                ov_chart_series_set_value (OvChartSeries       *series,
                                               guint                category,
                                               double               value,
                                               int                  n);
gboolean            ov_chart_series_get_value (const OvChartSeries *series,
                                               guint                category,
                                               double              *value,
                                               int                 *n);
gboolean            ov_chart_series_add_point (OvChartSeries       *series,
                                               double               x,
                                               double               y);
const OvChartPoint *ov_chart_series_get_points (const OvChartSeries *series,
                                                guint               *n_points);
void                ov_chart_series_set_box   (OvChartSeries       *series,
                                               guint                category,
                                               const OvChartBox    *box);
const OvChartBox   *ov_chart_series_get_box   (const OvChartSeries *series,
                                               guint                category);
void                ov_chart_series_widen     (const OvChartSeries *series,
                                               OvChartAxis          axis,
                                               double              *min,
                                               double              *max);

G_END_DECLS
