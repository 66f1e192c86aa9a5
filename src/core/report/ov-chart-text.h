/* ov-chart-text.h — a chart in words and as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-chart.h"

G_BEGIN_DECLS

/* The numbers of a chart in rows and columns: a header for each column,
 * and each cell as text and (where it holds one) as a number. */
typedef struct _OvChartTable OvChartTable;

char         *ov_chart_describe          (OvChart      *chart);

OvChartTable *ov_chart_to_table          (OvChart      *chart);
void          ov_chart_table_free        (OvChartTable *table);
guint         ov_chart_table_get_n_rows    (OvChartTable *table);
guint         ov_chart_table_get_n_columns (OvChartTable *table);
const char   *ov_chart_table_get_header  (OvChartTable *table,
                                          guint         column);
const char   *ov_chart_table_get_text    (OvChartTable *table,
                                          guint         row,
                                          guint         column);
double        ov_chart_table_get_value   (OvChartTable *table,
                                          guint         row,
                                          guint         column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvChartTable, ov_chart_table_free)

G_END_DECLS
