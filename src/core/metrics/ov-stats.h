/* ov-stats.h — medians and quartiles of a sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-metrics.h"

G_BEGIN_DECLS

/* Five numbers of a sample; quartiles are "type 7" (see
 * ov_stats_quantile_sorted()), as spreadsheets' QUARTILE.INC. */
typedef struct
{
  guint  n;
  double min;
  double q1;
  double median;
  double q3;
  double max;
} OvQuartiles;

gboolean ov_stats_check_finite    (const double  *values,
                                   guint          n,
                                   GError       **error);
void     ov_stats_sort            (double        *values,
                                   guint          n);
double  *ov_stats_sorted_copy     (const double  *values,
                                   guint          n,
                                   GError       **error);
double   ov_stats_quantile_sorted (const double  *sorted,
                                   guint          n,
                                   double         p);
gboolean ov_stats_median          (double        *values,
                                   guint          n,
                                   double        *median,
                                   GError       **error);
gboolean ov_stats_quartiles       (double        *values,
                                   guint          n,
                                   OvQuartiles   *quartiles,
                                   GError       **error);

G_END_DECLS
