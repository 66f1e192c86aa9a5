/* ov-metrics.h — the numbers onboarding is judged by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

/* The one error domain of the figures in metrics/: what was wrong with the
 * values a figure was asked to summarise. */
#define OV_METRICS_ERROR (ov_metrics_error_quark ())

typedef enum
{
  OV_METRICS_ERROR_EMPTY,         /* too few values for the figure */
  OV_METRICS_ERROR_NOT_FINITE,    /* NaN or an infinity among the values */
  OV_METRICS_ERROR_OUT_OF_RANGE,  /* a value the figure does not accept */
  OV_METRICS_ERROR_INVALID,       /* a period, a weight or an override that cannot be */
} OvMetricsError;

/* Net promoter score over 0–10 responses: promoters answered 9 or 10,
 * detractors 0 to 6, passives 7 or 8; score = 100 × (promoters −
 * detractors) / n, from −100 to 100. */
typedef struct
{
  guint  n;
  guint  promoters;
  guint  passives;
  guint  detractors;
  double score;
} OvNps;

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

GQuark   ov_metrics_error_quark        (void);
gboolean ov_metrics_count_nps          (const int          *responses,
                                        guint               n,
                                        OvNps              *nps,
                                        GError            **error);
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
