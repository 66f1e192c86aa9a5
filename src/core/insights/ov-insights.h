/* ov-insights.h — the portfolio's before/after figures, computed once per filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An OvInsights holds every figure of the Insights view, of `overture-cli
 * insights` and of `overture-cli chart` for one filter, computed from the
 * store in one go (ov_insights_load(), or ov_insights_load_async() off the
 * main loop). The definitions are DOMAIN.md's "Metrics: exact definitions".
 * Every figure carries its n; a group of fewer than OV_INSIGHTS_MIN_GROUP
 * values keeps its points and has no statistic (has_stats is FALSE).
 */

#pragma once

#include <gio/gio.h>

#include "ov-chart.h"
#include "ov-date.h"
#include "ov-metrics.h"
#include "ov-revenue.h"
#include "ov-store.h"
#include "ov-survival.h"
#include "ov-types.h"

G_BEGIN_DECLS

/* Below this many values a group shows its points and no statistic. */
#define OV_INSIGHTS_MIN_GROUP 5

typedef struct
{
  OvDate program_start;           /* OV_DATE_NONE: no cohorts (before/after figures empty) */
  OvDate from, to;                /* the period [from, to) for NPS, logo churn, NRR, GRR and the trend */
  OvDate closed_from, closed_to;  /* optional close-date range [closed_from, closed_to] of the
                                   * accounts counted (OV_DATE_NONE = open end) */
  char  *segment;                 /* NULL = any */
  char  *owner;                   /* NULL = any */
  char  *package;                 /* NULL = any, "" = accounts with no package */
  OvDate today;                   /* censoring date for open onboardings; OV_DATE_NONE = today */
} OvInsightsFilter;

void ov_insights_filter_clear (OvInsightsFilter       *filter);
void ov_insights_filter_copy  (const OvInsightsFilter *src,
                               OvInsightsFilter       *dest);

typedef enum
{
  OV_INSIGHTS_TTFV_COHORTS,          /* box: before vs after, medians/quartiles/n/open + HL shift */
  OV_INSIGHTS_TTFV_CURVE,            /* step: Kaplan–Meier share reached first value by day N, per cohort */
  OV_INSIGHTS_TTFV_CURVE_BY_PACKAGE, /* step: the same curve per package */
  OV_INSIGHTS_TTFV_BY_PACKAGE,       /* box: TTFV per package */
  OV_INSIGHTS_ATTENDANCE_BY_PACKAGE, /* bar: attended ÷ scheduled per package */
  OV_INSIGHTS_FUNNEL,                /* horizontal bar: accounts that reached each stage, drop-off */
  OV_INSIGHTS_BASELINE_LATEST,       /* box: a metric's baseline vs latest (paired) */
  OV_INSIGHTS_REVENUE,               /* grouped bar: NRR and GRR per currency, logo churn */
  OV_INSIGHTS_TREND,                 /* line: a metric's monthly median with n */
  OV_INSIGHTS_N_FIGURES,
} OvInsightsFigure;

typedef enum
{
  OV_INSIGHTS_BEFORE,                /* close_date < program start */
  OV_INSIGHTS_AFTER,                 /* close_date ≥ program start */
  OV_INSIGHTS_N_COHORTS,
} OvInsightsCohort;

/* Time to first value of a group of accounts with a close date. */
typedef struct
{
  guint         n;          /* accounts that reached first value: the values below */
  guint         open;       /* accounts still open (no first value yet), censored */
  guint         inconsistent; /* first value dated before the close: left out, and said */
  gboolean      has_stats;  /* n ≥ OV_INSIGHTS_MIN_GROUP */
  double        median;     /* days; NAN when n is 0 (set even when !has_stats) */
  double        q1, q3;     /* type 7; NAN when n is 0 */
  double        min, max;   /* NAN when n is 0 */
  const double *days;       /* the n values, ascending; owned by the OvInsights */
} OvInsightsTtfv;

/* The Hodges–Lehmann shift after − before with its 95 % interval and the
 * Mann–Whitney p. available is FALSE when program start is unset or a
 * cohort has fewer than OV_INSIGHTS_MIN_GROUP values; low/high are NAN
 * when the samples are too small for an interval. */
typedef struct
{
  gboolean available;
  guint    n_before;
  guint    n_after;
  double   estimate;
  double   low;
  double   high;
  double   p;
} OvInsightsShift;

typedef struct
{
  OvStage stage;
  guint   reached;    /* accounts that got to this stage or beyond */
  guint   now;        /* active accounts in this stage now */
  double  drop_off;   /* 1 − reached(next) ÷ reached(this); NAN for Expand or reached 0 */
} OvInsightsFunnelStage;

/* One package's accounts ("" = no package). */
typedef struct
{
  const char     *package;
  guint           n_accounts;   /* accounts kept by the filter with this package */
  OvInsightsTtfv  ttfv;
  guint           scheduled;    /* meetings scheduled */
  guint           attended;     /* of those, attended */
  double          rate;         /* attended ÷ scheduled; NAN when none scheduled */
  guint           n_with_meetings; /* accounts with a meeting: the n of the rate */
} OvInsightsPackage;

/* Own baseline vs latest of one metric, paired per account. */
typedef struct
{
  const char   *metric;
  guint         n;                 /* accounts with a baseline and a later measurement */
  gboolean      has_stats;         /* n ≥ OV_INSIGHTS_MIN_GROUP */
  double        median_baseline;   /* NAN when n is 0 */
  double        median_latest;
  double        median_change;     /* median of latest − baseline */
  double        p;                 /* Wilcoxon signed-rank, two-sided; NAN when !has_stats */
  const double *baseline;          /* n values, per account, same order as latest */
  const double *latest;
} OvInsightsPaired;

/* One month of a metric's trend over [from, to). */
typedef struct
{
  OvDate month;       /* the first day of the month */
  guint  n;           /* measurements taken in the month */
  double median;      /* NAN when n < OV_INSIGHTS_MIN_GROUP */
} OvInsightsMonth;

/* The period's revenue figures (per currency for retention). */
typedef struct
{
  OvNps              nps;          /* nps.n is 0 without responses; score NAN then */
  OvLogoChurn        churn;
  const OvRetention *retention;    /* n_currencies entries, sorted by currency */
  guint              n_currencies;
} OvInsightsRevenue;

#define OV_TYPE_INSIGHTS (ov_insights_get_type ())

G_DECLARE_FINAL_TYPE (OvInsights, ov_insights, OV, INSIGHTS, GObject)

OvInsights *ov_insights_load        (OvStore                *store,
                                     const OvInsightsFilter *filter,
                                     GCancellable           *cancellable,
                                     GError                **error);
void        ov_insights_load_async  (OvStore                *store,
                                     const OvInsightsFilter *filter,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data);
OvInsights *ov_insights_load_finish (GAsyncResult           *result,
                                     GError                **error);

guint                   ov_insights_get_n_accounts (OvInsights *self);
const OvInsightsFilter *ov_insights_get_filter     (OvInsights *self);
const char *const      *ov_insights_get_metrics    (OvInsights *self);

/* Figures as numbers, for views that show them as text. Everything
 * returned is owned by @self. */
void                         ov_insights_get_ttfv     (OvInsights        *self,
                                                       OvInsightsCohort   cohort,
                                                       OvInsightsTtfv    *out);
void                         ov_insights_get_shift    (OvInsights        *self,
                                                       OvInsightsShift   *out);
const OvSurvival            *ov_insights_get_curve    (OvInsights        *self,
                                                       OvInsightsCohort   cohort);
const OvInsightsFunnelStage *ov_insights_get_funnel   (OvInsights        *self);   /* OV_N_STAGES entries */
const OvInsightsPackage     *ov_insights_get_packages (OvInsights        *self,
                                                       guint             *n_packages);
const OvSurvival            *ov_insights_get_package_curve (OvInsights   *self,
                                                            guint         package);
gboolean                     ov_insights_get_paired   (OvInsights        *self,
                                                       const char        *metric,
                                                       OvInsightsPaired  *out);
const OvInsightsMonth       *ov_insights_get_trend    (OvInsights        *self,
                                                       const char        *metric,
                                                       guint             *n_months);
void                         ov_insights_get_revenue  (OvInsights        *self,
                                                       OvInsightsRevenue *out);

OvChart    *ov_insights_build_chart (OvInsights       *self,
                                     OvInsightsFigure  figure,
                                     const char       *metric);
char       *ov_insights_describe    (OvInsights       *self,
                                     OvInsightsFigure  figure,
                                     const char       *metric);
char       *ov_insights_to_json     (OvInsights       *self);
char       *ov_insights_to_text     (OvInsights       *self);
char       *ov_insights_format_p    (double            p);
const char *ov_insights_metric_title (const char      *metric);

G_END_DECLS
