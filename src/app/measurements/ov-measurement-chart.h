/* ov-measurement-chart.h — the small history chart of one metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

/* A row for a preferences group holding the chart of @metric's values in
 * @measurements (one account's, oldest first), or NULL when there is
 * nothing to draw. */
GtkWidget *ov_measurement_chart_new_row (GPtrArray  *measurements,
                                         const char *metric,
                                         const char *title,
                                         const char *currency);

G_END_DECLS
