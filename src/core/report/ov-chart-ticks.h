/* ov-chart-ticks.h — round numbers along an axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An axis from @lower to @upper, with @n ticks from @first, @step apart;
 * each tick's value needs @decimals decimal places. */
typedef struct
{
  double lower;
  double upper;
  double first;
  double step;
  guint  n;
  int    decimals;
} OvChartTicks;

void    ov_chart_ticks_compute       (double        lower,
                                      double        upper,
                                      gboolean      fixed_lower,
                                      gboolean      fixed_upper,
                                      guint         max_ticks,
                                      OvChartTicks *ticks);
void    ov_chart_ticks_compute_days  (double        lower,
                                      double        upper,
                                      guint         max_ticks,
                                      OvChartTicks *ticks);
double  ov_chart_ticks_get           (const OvChartTicks *ticks,
                                      guint               i);
double  ov_chart_ticks_fraction      (const OvChartTicks *ticks,
                                      double              value);

G_END_DECLS
