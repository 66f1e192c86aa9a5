/* ov-insights.c — the portfolio's before/after figures, computed once per filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A load reads the accounts the filter keeps and every measurement (the
 * store's compact rows, ov-store-insights.c), then computes each figure
 * once: TTFV by cohort and by package (ov-insights-ttfv.c), the
 * measurements' figures in one pass (ov-insights-measures.c) and revenue
 * here. Charts and sentences are in ov-insights-chart.c, JSON and the
 * readable report in ov-insights-report.c.
 */

#define G_LOG_DOMAIN "ov-insights"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ov-insights-private.h"
#include "ov-store-job.h"

G_DEFINE_FINAL_TYPE (OvInsights, ov_insights, G_TYPE_OBJECT)

void
ov_insights_filter_clear (OvInsightsFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->segment, g_free);
  g_clear_pointer (&filter->owner, g_free);
  g_clear_pointer (&filter->package, g_free);
}

void
ov_insights_filter_copy (const OvInsightsFilter *src,
                         OvInsightsFilter       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  *dest = *src;
  dest->segment = g_strdup (src->segment);
  dest->owner = g_strdup (src->owner);
  dest->package = g_strdup (src->package);
}

/* The same day a year earlier (28 February for a 29th). */
static OvDate
year_before (OvDate date)
{
  int y, m, d;

  ov_date_to_ymd (date, &y, &m, &d);
  if (m == 2 && d == 29)
    d = 28;
  return ov_date_from_ymd (y - 1, m, d);
}

/* Unset dates take their defaults: today is today, the period the twelve
 * months before today. */
void
ov_insights_resolve_filter (OvInsightsFilter *filter)
{
  if (filter->today == OV_DATE_NONE)
    filter->today = ov_date_today ();
  if (filter->to == OV_DATE_NONE)
    filter->to = filter->from != OV_DATE_NONE && filter->from >= filter->today
                 ? ov_date_add_days (filter->from, 1) : filter->today;
  if (filter->from == OV_DATE_NONE)
    filter->from = year_before (filter->to);
}

static void
free_points (OvInsights *self)
{
  if (self->sources == NULL)
    return;
  if (self->cache != NULL && self->sources == self->cache->sources)
    {
      /* the cache's, kept for the next filter */
      self->sources = NULL;
      return;
    }
  for (guint i = 0; self->metric_ids != NULL && self->metric_ids[i] != NULL; i++)
    g_clear_pointer (&self->sources[i], ov_insights_source_free);
  g_clear_pointer (&self->sources, g_free);
}

static void
ov_insights_finalize (GObject *object)
{
  OvInsights *self = OV_INSIGHTS (object);

  ov_insights_filter_clear (&self->filter);
  for (guint c = 0; c < OV_INSIGHTS_N_COHORTS; c++)
    ov_insights_group_clear (&self->cohorts[c]);
  g_clear_pointer (&self->packages, g_array_unref);
  g_clear_pointer (&self->package_list, g_array_unref);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  g_clear_pointer (&self->metric_names, g_free);
  g_clear_pointer (&self->retention, g_array_unref);
  free_points (self);
  ov_insights_measures_clear (self);
  g_strfreev (self->metric_ids);
  g_clear_pointer (&self->accounts, g_array_unref);
  g_clear_pointer (&self->slots, g_free);
  g_clear_pointer (&self->arr_points, g_array_unref);
  g_clear_pointer (&self->arr_first, g_free);
  g_clear_pointer (&self->arr_count, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->cache, ov_insights_cache_unref);

  G_OBJECT_CLASS (ov_insights_parent_class)->finalize (object);
}

static void
ov_insights_class_init (OvInsightsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ov_insights_finalize;
}

static void
ov_insights_init (OvInsights *self)
{
  self->strings = g_string_chunk_new (4096);
}

static void
index_accounts (OvInsights *self)
{
  GArray *accounts = self->accounts;

  self->max_id = 0;
  for (guint i = 0; i < accounts->len; i++)
    self->max_id = MAX (self->max_id, g_array_index (accounts, OvStoreInsightsAccount, i).id);

  self->slots = g_new (gint32, self->max_id + 1);
  memset (self->slots, 0xff, sizeof (gint32) * (self->max_id + 1));
  for (guint i = 0; i < accounts->len; i++)
    self->slots[g_array_index (accounts, OvStoreInsightsAccount, i).id] = (gint32)i;

  self->arr_points = g_array_new (FALSE, FALSE, sizeof (OvArrPoint));
  self->arr_first = g_new0 (guint, MAX (accounts->len, 1));
  self->arr_count = g_new0 (guint, MAX (accounts->len, 1));
}

gboolean
ov_insights_compute_revenue (OvInsights  *self,
                             GError     **error)
{
  guint n = self->accounts->len;
  g_autofree OvRevenueAccount *revenue = g_new (OvRevenueAccount, MAX (n, 1));
  const OvArrPoint *arr = (const OvArrPoint *)self->arr_points->data;

  for (guint i = 0; i < n; i++)
    {
      const OvStoreInsightsAccount *account = &g_array_index (self->accounts,
                                                              OvStoreInsightsAccount, i);

      revenue[i] = (OvRevenueAccount) {
        .close_date = account->close_date,
        .churned_on = account->churned_on,
        .currency = account->currency,
        .arr_cents = account->arr_cents,
        .points = self->arr_count[i] > 0 ? arr + self->arr_first[i] : NULL,
        .n_points = self->arr_count[i],
      };
    }

  g_clear_pointer (&self->retention, g_array_unref);
  if (!ov_revenue_logo_churn (revenue, n, self->filter.from, self->filter.to, &self->churn,
                              error))
    return FALSE;
  self->retention = ov_revenue_retention (revenue, n, self->filter.from, self->filter.to, error);
  return self->retention != NULL;
}

static double
elapsed_ms (gint64 *since)
{
  gint64 now = g_get_monotonic_time ();
  double ms = (now - *since) / 1000.0;

  *since = now;
  return ms;
}

/* Work on each metric, spread over threads: reading its points (each
 * thread on a connection of its own) or measuring them, while the calling
 * thread does the rest. */
typedef gboolean (*MetricFunc) (OvInsights    *self,
                                OvStore       *connection,
                                guint          index,
                                GCancellable  *cancellable,
                                GError       **error);

typedef struct
{
  OvInsights   *self;
  OvStore      *store;        /* NULL: the work needs no connection */
  MetricFunc    func;
  GCancellable *cancellable;
  guint         n;
  gint          next;
  GMutex        lock;
  GError       *error;        /* the first failure */
  GThread      *threads[8];
  guint         n_threads;
  gint64        started;
} MetricPool;

static gpointer
pool_work (gpointer data)
{
  MetricPool *pool = data;
  g_autoptr(OvStore) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint index;

  if (pool->store != NULL)
    connection = ov_store_open_reader (pool->store, &error);
  while (error == NULL && (index = g_atomic_int_add (&pool->next, 1)) < (gint)pool->n)
    pool->func (pool->self, connection, (guint)index, pool->cancellable, &error);

  if (error != NULL)
    {
      g_mutex_lock (&pool->lock);
      if (pool->error == NULL)
        pool->error = g_steal_pointer (&error);
      g_mutex_unlock (&pool->lock);
      /* the others stop at their next metric */
      g_atomic_int_set (&pool->next, (gint)pool->n);
    }
  return NULL;
}

static void
pool_start (MetricPool   *pool,
            OvInsights   *self,
            OvStore      *store,
            MetricFunc    func,
            GCancellable *cancellable)
{
  memset (pool, 0, sizeof *pool);
  pool->self = self;
  pool->store = store;
  pool->func = func;
  pool->cancellable = cancellable;
  pool->n = g_strv_length (self->metric_ids);
  pool->started = g_get_monotonic_time ();
  g_mutex_init (&pool->lock);

  pool->n_threads = MIN (MIN (pool->n, G_N_ELEMENTS (pool->threads)),
                         (guint)MAX (g_get_num_processors (), 1));
  for (guint i = 0; i < pool->n_threads; i++)
    pool->threads[i] = g_thread_new ("ov-insights", pool_work, pool);
}

/* Waits for the pool's threads; the time since it started in *@ms. */
static gboolean
pool_finish (MetricPool  *pool,
             double      *ms,
             GError     **error)
{
  for (guint i = 0; i < pool->n_threads; i++)
    g_thread_join (pool->threads[i]);
  g_mutex_clear (&pool->lock);
  *ms = elapsed_ms (&pool->started);

  if (pool->error != NULL)
    {
      g_propagate_error (error, pool->error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_metric (OvInsights    *self,
             OvStore       *connection,
             guint          index,
             GCancellable  *cancellable,
             GError       **error)
{
  self->sources[index] = ov_insights_source_read (self, connection, self->metric_ids[index],
                                                  cancellable, error);
  return self->sources[index] != NULL;
}

static gboolean
measure_metric (OvInsights    *self,
                OvStore       *connection,
                guint          index,
                GCancellable  *cancellable,
                GError       **error)
{
  return !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         ov_insights_measure_metric (self, index, error);
}


/* Reads the metrics' sources (in other threads, each on a connection of
 * its own) and, meanwhile, the accounts @query keeps. */
static gboolean
read_sources (OvInsights                 *self,
              OvStore                    *store,
              const OvStoreInsightsQuery *query,
              GCancellable               *cancellable,
              GError                    **error)
{
  g_autoptr(GError) accounts_error = NULL;
  MetricPool pool;
  gint64 clock = g_get_monotonic_time ();
  gboolean ok;

  self->metric_ids = ov_store_insights_list_metrics (store, error);
  if (self->metric_ids == NULL)
    return FALSE;
  self->sources = g_new0 (OvInsightsSource *, g_strv_length (self->metric_ids) + 1);

  pool_start (&pool, self, store, read_metric, cancellable);
  self->accounts = ov_store_insights_read_accounts (store, query, self->filter.today,
                                                    self->strings, cancellable, &accounts_error);
  self->step_ms[OV_INSIGHTS_STEP_READ_ACCOUNTS] = elapsed_ms (&clock);
  ok = pool_finish (&pool, &self->step_ms[OV_INSIGHTS_STEP_READ_POINTS], error);
  if (ok && self->accounts == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&accounts_error));
      ok = FALSE;
    }
  return ok;
}

/* The sources from @self->cache, read first if it has none yet. */
static gboolean
read_cached (OvInsights    *self,
             OvStore       *store,
             GCancellable  *cancellable,
             GError       **error)
{
  OvInsightsCache *cache = self->cache;
  const OvStoreInsightsQuery all = { .closed_from = OV_DATE_NONE, .closed_to = OV_DATE_NONE };
  gint64 clock;
  gboolean ok = TRUE;

  g_mutex_lock (&cache->lock);
  if (cache->accounts == NULL)
    {
      ok = read_sources (self, store, &all, cancellable, error);
      if (ok)
        {
          GStringChunk *strings = cache->strings;

          cache->accounts = g_steal_pointer (&self->accounts);
          cache->metric_ids = g_steal_pointer (&self->metric_ids);
          cache->sources = g_steal_pointer (&self->sources);
          /* the accounts' texts are in this chunk */
          cache->strings = self->strings;
          self->strings = strings;
        }
      else
        free_points (self);
    }
  g_mutex_unlock (&cache->lock);
  if (!ok)
    return FALSE;

  clock = g_get_monotonic_time ();
  self->metric_ids = g_strdupv (cache->metric_ids);
  self->sources = cache->sources;
  self->accounts = ov_insights_cache_select (cache, &self->filter);
  self->step_ms[OV_INSIGHTS_STEP_READ_ACCOUNTS] += elapsed_ms (&clock);
  return TRUE;
}

static gboolean
load (OvInsights    *self,
      OvStore       *store,
      GCancellable  *cancellable,
      GError       **error)
{
  OvStoreInsightsQuery query = {
    .segment = self->filter.segment,
    .owner = self->filter.owner,
    .package = self->filter.package,
    .closed_from = self->filter.closed_from,
    .closed_to = self->filter.closed_to,
  };
  MetricPool pool;
  gint64 clock;
  gboolean ok;

  if (self->filter.from >= self->filter.to)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID,
                   _("The period must end after it starts"));
      return FALSE;
    }

  ov_insights_measures_prepare (self);
  if (self->cache != NULL)
    ok = read_cached (self, store, cancellable, error);
  else
    ok = read_sources (self, store, &query, cancellable, error);
  if (!ok)
    return FALSE;
  index_accounts (self);

  /* Each metric measured in other threads while TTFV is computed here. */
  ov_insights_measures_begin (self);
  pool_start (&pool, self, NULL, measure_metric, cancellable);
  clock = g_get_monotonic_time ();
  ok = ov_insights_compute_ttfv (self, error);
  self->step_ms[OV_INSIGHTS_STEP_TTFV] = elapsed_ms (&clock);
  ok = ok && ov_insights_compute_packages (self, error);
  self->step_ms[OV_INSIGHTS_STEP_PACKAGES] = elapsed_ms (&clock);
  if (ok)
    ov_insights_compute_funnel (self);
  self->step_ms[OV_INSIGHTS_STEP_FUNNEL] = elapsed_ms (&clock);
  if (!pool_finish (&pool, &self->step_ms[OV_INSIGHTS_STEP_MEASUREMENTS], ok ? error : NULL))
    ok = FALSE;
  ov_insights_measures_end (self);
  free_points (self);
  if (!ok)
    return FALSE;

  clock = g_get_monotonic_time ();
  if (!ov_insights_compute_revenue (self, error))
    return FALSE;
  self->step_ms[OV_INSIGHTS_STEP_REVENUE] = elapsed_ms (&clock);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * ov_insights_load:
 * @filter: which accounts and which period; unset dates take their
 *   defaults (today, and the twelve months before it)
 *
 * Reads and computes every figure, on the calling thread: for the command
 * line, the tests and workers. A view calls ov_insights_load_async().
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
OvInsights *
ov_insights_load (OvStore                *store,
                  const OvInsightsFilter *filter,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(OvInsights) self = NULL;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self = g_object_new (OV_TYPE_INSIGHTS, NULL);
  ov_insights_filter_copy (filter, &self->filter);
  ov_insights_resolve_filter (&self->filter);

  if (!load (self, store, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
load_job (OvStore         *connection,
          gpointer         data,
          OvProgressFunc   progress,
          gpointer         progress_data,
          GCancellable    *cancellable,
          GError         **error)
{
  return load (data, connection, cancellable, error);
}

/**
 * ov_insights_load_async:
 *
 * ov_insights_load() in a worker on a connection of its own
 * (ov_store_run_async()); cancelling @cancellable drops the result.
 *
 * What it reads (every account and every metric's source) is kept with
 * @store for the same day and period until the store says something
 * changed (OvStore::changed): a load with another segment, owner, package
 * or close-date range then reads nothing and only recomputes.
 */
void
ov_insights_load_async (OvStore                *store,
                        const OvInsightsFilter *filter,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  OvInsights *self;

  g_return_if_fail (OV_IS_STORE (store));
  g_return_if_fail (filter != NULL);

  self = g_object_new (OV_TYPE_INSIGHTS, NULL);
  ov_insights_filter_copy (filter, &self->filter);
  ov_insights_resolve_filter (&self->filter);
  self->cache = ov_insights_cache_for (store, &self->filter);

  ov_store_run_async (store, NULL, load_job, self, g_object_unref, NULL, NULL,
                      cancellable, callback, user_data);
}

OvInsights *
ov_insights_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  gpointer data = NULL;

  if (!ov_store_run_finish (result, &data, error))
    return NULL;
  /* the result owns the job's data */
  return g_object_ref (data);
}

guint
ov_insights_get_n_accounts (OvInsights *self)
{
  g_return_val_if_fail (OV_IS_INSIGHTS (self), 0);

  return self->accounts->len;
}

const OvInsightsFilter *
ov_insights_get_filter (OvInsights *self)
{
  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);

  return &self->filter;
}

/**
 * ov_insights_get_metrics:
 *
 * Returns: (transfer none): the metrics measured on the accounts kept, by
 *   name
 */
const char * const *
ov_insights_get_metrics (OvInsights *self)
{
  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);

  return (const char * const *)self->metric_names;
}

/* TTFV of a cohort; n 0 and NAN figures without a program start. */
void
ov_insights_get_ttfv (OvInsights       *self,
                      OvInsightsCohort  cohort,
                      OvInsightsTtfv   *out)
{
  g_return_if_fail (OV_IS_INSIGHTS (self));
  g_return_if_fail (cohort < OV_INSIGHTS_N_COHORTS);

  *out = self->cohorts[cohort].ttfv;
}

void
ov_insights_get_shift (OvInsights      *self,
                       OvInsightsShift *out)
{
  g_return_if_fail (OV_IS_INSIGHTS (self));

  *out = self->shift;
}

/* The Kaplan–Meier curve of a cohort; NULL without a program start. */
const OvSurvival *
ov_insights_get_curve (OvInsights       *self,
                       OvInsightsCohort  cohort)
{
  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);
  g_return_val_if_fail (cohort < OV_INSIGHTS_N_COHORTS, NULL);

  return self->cohorts[cohort].curve;
}

const OvInsightsFunnelStage *
ov_insights_get_funnel (OvInsights *self)
{
  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);

  return self->funnel;
}

/* The packages of the accounts kept, by name, "" (no package) last. */
const OvInsightsPackage *
ov_insights_get_packages (OvInsights *self,
                          guint      *n_packages)
{
  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);

  if (n_packages != NULL)
    *n_packages = self->package_list->len;
  return (const OvInsightsPackage *)self->package_list->data;
}

const OvSurvival *
ov_insights_get_package_curve (OvInsights *self,
                               guint       package)
{
  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);
  g_return_val_if_fail (package < self->packages->len, NULL);

  return g_array_index (self->packages, OvInsightsPackageGroup, package).group.curve;
}

/* FALSE when @metric has no measurements on the accounts kept. */
gboolean
ov_insights_get_paired (OvInsights       *self,
                        const char       *metric,
                        OvInsightsPaired *out)
{
  const OvInsightsMetric *found;

  g_return_val_if_fail (OV_IS_INSIGHTS (self), FALSE);

  found = ov_insights_find_metric (self, metric);
  if (found == NULL)
    return FALSE;
  *out = found->paired;
  return TRUE;
}

/* The months of [from, to), each with its count; NULL when @metric has no
 * measurements on the accounts kept. */
const OvInsightsMonth *
ov_insights_get_trend (OvInsights *self,
                       const char *metric,
                       guint      *n_months)
{
  const OvInsightsMetric *found;

  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);

  found = ov_insights_find_metric (self, metric);
  if (n_months != NULL)
    *n_months = found != NULL ? found->months->len : 0;
  return found != NULL ? (const OvInsightsMonth *)found->months->data : NULL;
}

void
ov_insights_get_revenue (OvInsights        *self,
                         OvInsightsRevenue *out)
{
  g_return_if_fail (OV_IS_INSIGHTS (self));

  out->nps = self->nps;
  out->churn = self->churn;
  out->retention = (const OvRetention *)self->retention->data;
  out->n_currencies = self->retention->len;
}

double
ov_insights_get_step_ms (OvInsights     *self,
                         OvInsightsStep  step)
{
  g_return_val_if_fail (OV_IS_INSIGHTS (self), 0);
  g_return_val_if_fail (step < OV_INSIGHTS_N_STEPS, 0);

  return self->step_ms[step];
}
