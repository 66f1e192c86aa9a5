/* ov-chart-card.h — a chart with its title, its sentence, its table and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ov-chart-view.h"

G_BEGIN_DECLS

#define OV_TYPE_CHART_CARD (ov_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (OvChartCard, ov_chart_card, OV, CHART_CARD, GtkBox)

GtkWidget   *ov_chart_card_new               (void);
OvChart     *ov_chart_card_get_chart         (OvChartCard *self);
void         ov_chart_card_set_chart         (OvChartCard *self,
                                              OvChart     *chart);
const char  *ov_chart_card_get_title         (OvChartCard *self);
void         ov_chart_card_set_title         (OvChartCard *self,
                                              const char  *title);
const char  *ov_chart_card_get_description   (OvChartCard *self);
void         ov_chart_card_set_description   (OvChartCard *self,
                                              const char  *description);
gboolean     ov_chart_card_get_show_table    (OvChartCard *self);
void         ov_chart_card_set_show_table    (OvChartCard *self,
                                              gboolean     show_table);
OvChartView *ov_chart_card_get_chart_view    (OvChartCard *self);
void         ov_chart_card_add_header_widget (OvChartCard *self,
                                              GtkWidget   *widget);
void         ov_chart_card_set_extra         (OvChartCard *self,
                                              GtkWidget   *extra);
guint        ov_chart_card_get_n_table_rows  (OvChartCard *self);
const char  *ov_chart_card_get_table_text    (OvChartCard *self,
                                              guint        row,
                                              guint        column);

G_END_DECLS
