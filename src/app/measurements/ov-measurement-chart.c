/* ov-measurement-chart.c — the small history chart of one metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-account-measurements"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-measurement-chart.h"

GtkWidget *
ov_measurement_chart_new_row (GPtrArray  *measurements,
                              const char *metric,
                              const char *title,
                              const char *currency)
{
  return NULL;
}
