/* ov-chart-view.h — a chart of the core's model, painted for the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ov-report.h"

G_BEGIN_DECLS

#define OV_TYPE_CHART_VIEW (ov_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (OvChartView, ov_chart_view, OV, CHART_VIEW, GtkWidget)

GtkWidget *ov_chart_view_new            (OvChart     *chart);
OvChart   *ov_chart_view_get_chart      (OvChartView *self);
void       ov_chart_view_set_chart      (OvChartView *self,
                                         OvChart     *chart);
gboolean   ov_chart_view_get_compact    (OvChartView *self);
void       ov_chart_view_set_compact    (OvChartView *self,
                                         gboolean     compact);
gboolean   ov_chart_view_get_show_title (OvChartView *self);
void       ov_chart_view_set_show_title (OvChartView *self,
                                         gboolean     show_title);
void       ov_chart_view_get_palette    (OvChartView    *self,
                                         OvChartPalette *palette);
char      *ov_chart_view_hit_text       (OvChartView *self,
                                         double       x,
                                         double       y);

G_END_DECLS
