/* ov-insights-private.h — what the files of insights/ share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-insights.h"
#include "ov-store-insights.h"

G_BEGIN_DECLS

/* The steps of a load, timed (the benchmark prints them). */
typedef enum
{
  OV_INSIGHTS_STEP_READ_ACCOUNTS,
  OV_INSIGHTS_STEP_READ_POINTS,
  OV_INSIGHTS_STEP_TTFV,          /* cohorts, shift, curves */
  OV_INSIGHTS_STEP_PACKAGES,      /* TTFV, curves and attendance by package */
  OV_INSIGHTS_STEP_FUNNEL,
  OV_INSIGHTS_STEP_MEASUREMENTS,  /* baseline vs latest, trend, NPS: one pass */
  OV_INSIGHTS_STEP_REVENUE,       /* logo churn, NRR, GRR */
  OV_INSIGHTS_N_STEPS,
} OvInsightsStep;

/* One metric's measurements, read once for every account (opaque). */
typedef struct _OvInsightsSource OvInsightsSource;

/* What a load reads, kept with a store for the loads that follow: every
 * account (not deleted) and every metric's source, for one day (meetings
 * counted up to it) and one period (the sources' months). Filled once,
 * under its lock, then only read. */
typedef struct
{
  gint               refs;
  GMutex             lock;
  OvDate             today, from, to;
  GStringChunk      *strings;
  GArray            *accounts;     /* OvStoreInsightsAccount; NULL until read */
  char             **metric_ids;
  OvInsightsSource **sources;
} OvInsightsCache;

OvInsightsCache *ov_insights_cache_for    (OvStore                *store,
                                           const OvInsightsFilter *filter);
void             ov_insights_cache_unref  (OvInsightsCache        *cache);
GArray          *ov_insights_cache_select (OvInsightsCache        *cache,
                                           const OvInsightsFilter *filter);

/* A group's TTFV with the values it owns. */
typedef struct
{
  OvInsightsTtfv ttfv;
  double        *days;
  OvSurvival    *curve;
} OvInsightsGroup;

typedef struct
{
  OvInsightsPackage package;
  OvInsightsGroup   group;
} OvInsightsPackageGroup;

typedef struct
{
  char             *name;
  OvInsightsPaired  paired;
  double           *baseline;
  double           *latest;
  GArray           *months;   /* OvInsightsMonth */
} OvInsightsMetric;

struct _OvInsights
{
  GObject                 parent_instance;

  OvInsightsFilter        filter;      /* dates resolved: today, from and to set */
  OvInsightsCache        *cache;       /* NULL: read what the filter keeps, keep nothing */
  GStringChunk           *strings;
  GArray                 *accounts;    /* OvStoreInsightsAccount */
  char                  **metric_ids;  /* the metrics measured, by name */
  OvInsightsSource      **sources;     /* per metric id: what its figures are computed from */
  OvInsightsMetric      **measured;    /* per metric id, while computing */
  gpointer                calendar;    /* the period's months, while computing */
  gint32                 *slots;       /* account id → index in accounts, -1: not kept */
  gint64                  max_id;
  GArray                 *arr_points;  /* OvArrPoint of the kept accounts, by account */
  guint                  *arr_first;   /* per account: its first in arr_points… */
  guint                  *arr_count;   /* …and how many */

  OvInsightsGroup         cohorts[OV_INSIGHTS_N_COHORTS];
  OvInsightsShift         shift;
  GArray                 *packages;    /* OvInsightsPackageGroup, by name, "" last */
  GArray                 *package_list; /* their OvInsightsPackage, side by side */
  OvInsightsFunnelStage   funnel[OV_N_STAGES];
  GPtrArray              *metrics;     /* OvInsightsMetric, by name */
  char                  **metric_names;
  OvNps                   nps;
  OvLogoChurn             churn;
  GArray                 *retention;   /* OvRetention */

  double                  step_ms[OV_INSIGHTS_N_STEPS];
};

void     ov_insights_resolve_filter      (OvInsightsFilter *filter);
gboolean ov_insights_compute_ttfv        (OvInsights       *self,
                                          GError          **error);
gboolean ov_insights_compute_packages    (OvInsights       *self,
                                          GError          **error);
void     ov_insights_compute_funnel      (OvInsights       *self);
void     ov_insights_measures_prepare    (OvInsights       *self);
OvInsightsSource *ov_insights_source_read (OvInsights     *self,
                                           OvStore        *connection,
                                           const char     *metric,
                                           GCancellable   *cancellable,
                                           GError        **error);
void     ov_insights_source_free         (OvInsightsSource *source);
void     ov_insights_measures_begin      (OvInsights       *self);
gboolean ov_insights_measure_metric      (OvInsights       *self,
                                          guint             index,
                                          GError          **error);
void     ov_insights_measures_end        (OvInsights       *self);
void     ov_insights_measures_clear      (OvInsights       *self);
gboolean ov_insights_compute_revenue     (OvInsights       *self,
                                          GError          **error);
void     ov_insights_group_clear         (OvInsightsGroup  *group);
const OvInsightsMetric *ov_insights_find_metric (OvInsights *self,
                                                 const char *metric);
const char *ov_insights_package_title   (const char       *package);
double   ov_insights_get_step_ms         (OvInsights       *self,
                                          OvInsightsStep    step);

G_END_DECLS
