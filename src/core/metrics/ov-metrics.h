/* ov-metrics.h — the numbers onboarding is judged by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint  n_accounts;
  guint  per_stage[OV_N_STAGES + 1];   /* indexed by OvStage; [0] unused */
  guint  per_status[OV_N_ACCOUNT_STATUSES];
  guint  live;                          /* active, closed, not yet in Expand */
  guint  n_ttfv;                        /* accounts that reached first value */
  double median_ttfv;                   /* days; NAN when n_ttfv is 0 */
  gint64 live_arr_cents;
} OvPortfolioSummary;

double   ov_metrics_median             (double             *values,
                                        guint               n);
gboolean ov_metrics_nps                (const int          *scores,
                                        guint               n,
                                        double             *nps);
gboolean ov_metrics_is_live            (OvStage             stage,
                                        OvAccountStatus     status);
void     ov_metrics_summarize          (GPtrArray          *accounts,
                                        OvPortfolioSummary *summary);

G_END_DECLS
