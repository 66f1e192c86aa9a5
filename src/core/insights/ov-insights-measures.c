/* ov-insights-measures.c — one pass over every measurement: each metric's
 * own baseline vs latest, its monthly trend, NPS, and the ARR history the
 * revenue figures need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The points come metric by metric, by account and date, the baseline
 * first on a day, and are reduced as they are read (no array of every
 * point): per account its pair, the period's values with their month and,
 * for ARR, its points (an OvInsightsSource, for every account); the
 * figures then keep what the filter keeps. An account's pair is its last baseline and the latest
 * measurement that is not a baseline, taken on a later day. The trend and
 * NPS count the measurements taken in the period [from, to).
 */

#define G_LOG_DOMAIN "ov-insights"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-insights-private.h"
#include "ov-ranks.h"
#include "ov-stats.h"

static void
metric_free (gpointer data)
{
  OvInsightsMetric *metric = data;

  g_free (metric->name);
  g_free (metric->baseline);
  g_free (metric->latest);
  g_clear_pointer (&metric->months, g_array_unref);
  g_free (metric);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvInsightsMetric, metric_free)

static OvDate
month_start (OvDate date)
{
  int y, m, d;

  ov_date_to_ymd (date, &y, &m, &d);
  return ov_date_from_ymd (y, m, 1);
}

static OvDate
next_month (OvDate date)
{
  int y, m, d;

  ov_date_to_ymd (date, &y, &m, &d);
  return m == 12 ? ov_date_from_ymd (y + 1, 1, 1) : ov_date_from_ymd (y, m + 1, 1);
}

/* The period's months, and for each day of [from, to) its month. */
typedef struct
{
  OvDate  from;
  guint   n_days;
  guint   n_months;
  OvDate *starts;
  guint  *month_of_day;
} Calendar;

static void
calendar_init (Calendar *calendar,
               OvDate    from,
               OvDate    to)
{
  guint m = 0;

  calendar->from = from;
  calendar->n_days = to > from ? (guint)(to - from) : 0;
  calendar->n_months = 0;
  for (OvDate start = month_start (from); start < to; start = next_month (start))
    calendar->n_months++;
  calendar->starts = g_new (OvDate, MAX (calendar->n_months, 1));
  calendar->month_of_day = g_new (guint, MAX (calendar->n_days, 1));

  calendar->starts[0] = month_start (from);
  for (guint day = 0; day < calendar->n_days; day++)
    {
      if (m + 1 < calendar->n_months && from + (OvDate)day >= next_month (calendar->starts[m]))
        {
          m++;
          calendar->starts[m] = next_month (calendar->starts[m - 1]);
        }
      calendar->month_of_day[day] = m;
    }
}

static void
calendar_clear (Calendar *calendar)
{
  g_free (calendar->starts);
  g_free (calendar->month_of_day);
}

static gboolean
compute_pairs (OvInsightsMetric *metric,
               GArray           *baseline,
               GArray           *latest,
               GError          **error)
{
  OvInsightsPaired *paired = &metric->paired;
  guint n = baseline->len;
  g_autofree double *scratch = NULL;
  OvWilcoxon wilcoxon;

  paired->metric = metric->name;
  paired->n = n;
  paired->has_stats = n >= OV_INSIGHTS_MIN_GROUP;
  paired->median_baseline = paired->median_latest = paired->median_change = paired->p = NAN;
  metric->baseline = g_memdup2 (baseline->data, sizeof (double) * MAX (n, 1));
  metric->latest = g_memdup2 (latest->data, sizeof (double) * MAX (n, 1));
  paired->baseline = metric->baseline;
  paired->latest = metric->latest;
  if (n == 0)
    return TRUE;

  scratch = g_new (double, n);
  memcpy (scratch, metric->baseline, sizeof (double) * n);
  if (!ov_stats_median (scratch, n, &paired->median_baseline, error))
    return FALSE;
  memcpy (scratch, metric->latest, sizeof (double) * n);
  if (!ov_stats_median (scratch, n, &paired->median_latest, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    scratch[i] = metric->latest[i] - metric->baseline[i];
  if (paired->has_stats)
    {
      if (!ov_ranks_wilcoxon (scratch, n, &wilcoxon, error))
        return FALSE;
      paired->p = wilcoxon.p;
    }
  return ov_stats_median (scratch, n, &paired->median_change, error);
}

static gboolean
compute_months (OvInsightsMetric *metric,
                const Calendar   *calendar,
                GArray          **values,
                GError          **error)
{
  metric->months = g_array_sized_new (FALSE, TRUE, sizeof (OvInsightsMonth), calendar->n_months);
  for (guint m = 0; m < calendar->n_months; m++)
    {
      OvInsightsMonth month = { calendar->starts[m], values[m]->len, NAN };

      if (month.n >= OV_INSIGHTS_MIN_GROUP &&
          !ov_stats_median ((double *)values[m]->data, month.n, &month.median, error))
        return FALSE;
      g_array_append_val (metric->months, month);
      g_array_set_size (values[m], 0);
    }
  return TRUE;
}

/* One metric's measurements as a scan leaves them, for every account
 * (deleted or kept by no filter alike): each account's pair, the period's
 * values with their month, and ARR points. What a filter keeps is chosen
 * from these afterwards. */
typedef struct
{
  gint64 account_id;
  double baseline;
  double latest;
} Pair;

typedef struct
{
  gint64 account_id;
  guint  month;
  double value;
} Dated;

typedef struct
{
  gint64     account_id;
  OvArrPoint point;
} ArrRow;

struct _OvInsightsSource
{
  GArray *accounts;   /* gint64: the accounts measured, ascending */
  GArray *pairs;      /* Pair */
  GArray *dated;      /* Dated: measurements in [from, to) */
  GArray *arr;        /* ArrRow, for the arr metric only */
};

void
ov_insights_source_free (OvInsightsSource *source)
{
  if (source == NULL)
    return;
  g_array_unref (source->accounts);
  g_array_unref (source->pairs);
  g_array_unref (source->dated);
  g_clear_pointer (&source->arr, g_array_unref);
  g_free (source);
}

/* The scan's state: the account whose points are coming in. */
typedef struct
{
  OvInsightsSource *source;
  const Calendar   *calendar;
  OvDate            from, to;
  gint64            account_id;
  gboolean          has_base, has_latest;
  OvDate            base_day;
  double            base_value, latest_value;
} Scan;

static void
scan_flush (Scan *scan)
{
  if (scan->has_base && scan->has_latest)
    {
      Pair pair = { scan->account_id, scan->base_value, scan->latest_value };

      g_array_append_val (scan->source->pairs, pair);
    }
  scan->has_base = scan->has_latest = FALSE;
}

/* An account's pair is its last baseline and the latest measurement that
 * is not a baseline, taken on a later day than that baseline. */
static void
scan_point (const OvMeasurementPoint *point,
            gpointer                  data)
{
  Scan *scan = data;
  OvInsightsSource *source = scan->source;

  if (point->account_id != scan->account_id)
    {
      scan_flush (scan);
      scan->account_id = point->account_id;
      g_array_append_val (source->accounts, scan->account_id);
    }

  if (point->baseline)
    {
      scan->has_base = TRUE;
      scan->has_latest = FALSE;
      scan->base_day = point->measured_on;
      scan->base_value = point->value;
    }
  else if (scan->has_base && point->measured_on > scan->base_day)
    {
      scan->has_latest = TRUE;
      scan->latest_value = point->value;
    }

  if (source->arr != NULL)
    {
      ArrRow row = { point->account_id,
                     { point->measured_on, (gint64)llround (point->value * 100.0) } };

      g_array_append_val (source->arr, row);
    }

  if (point->measured_on >= scan->from && point->measured_on < scan->to)
    {
      Dated dated = { point->account_id,
                      scan->calendar->month_of_day[point->measured_on - scan->from],
                      point->value };

      g_array_append_val (source->dated, dated);
    }
}

/* Reads one metric's measurements into what its figures are computed
 * from, for any filter of the same period. */
OvInsightsSource *
ov_insights_source_read (OvInsights    *self,
                         OvStore       *connection,
                         const char    *metric,
                         GCancellable  *cancellable,
                         GError       **error)
{
  OvInsightsSource *source = g_new0 (OvInsightsSource, 1);
  Scan scan = {
    .source = source,
    .calendar = self->calendar,
    .from = self->filter.from,
    .to = self->filter.to,
    .account_id = -1,
  };

  source->accounts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 4096);
  source->pairs = g_array_sized_new (FALSE, FALSE, sizeof (Pair), 4096);
  source->dated = g_array_sized_new (FALSE, FALSE, sizeof (Dated), 4096);
  if (strcmp (metric, "arr") == 0)
    source->arr = g_array_sized_new (FALSE, FALSE, sizeof (ArrRow), 4096);

  if (!ov_store_insights_scan_metric (connection, metric, scan_point, &scan, cancellable, error))
    {
      ov_insights_source_free (source);
      return NULL;
    }
  scan_flush (&scan);
  return source;
}

static gboolean
is_kept (OvInsights *self,
         gint64      id)
{
  return id >= 0 && id <= self->max_id && self->slots[id] >= 0;
}

/* The ARR history of the accounts kept, for the revenue figures. */
static void
keep_arr (OvInsights       *self,
          const GArray     *arr)
{
  const ArrRow *rows = (const ArrRow *)arr->data;

  for (guint i = 0; i < arr->len; i++)
    {
      gint32 slot;

      if (!is_kept (self, rows[i].account_id))
        continue;
      slot = self->slots[rows[i].account_id];
      if (self->arr_count[slot] == 0)
        self->arr_first[slot] = self->arr_points->len;
      self->arr_count[slot]++;
      g_array_append_val (self->arr_points, rows[i].point);
    }
}

/* One metric's figures from its source, for the accounts kept. */
static gboolean
measure_source (OvInsights             *self,
                const char             *name,
                const OvInsightsSource *source,
                const Calendar         *calendar,
                OvInsightsMetric       *metric,
                gboolean               *has_data,
                GError                **error)
{
  gboolean is_nps = strcmp (name, "nps") == 0;
  const gint64 *ids = (const gint64 *)source->accounts->data;
  const Pair *pairs = (const Pair *)source->pairs->data;
  const Dated *dated = (const Dated *)source->dated->data;
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) latest = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) nps = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree GArray **month_values = g_new0 (GArray *, MAX (calendar->n_months, 1));
  gboolean ok;

  *has_data = FALSE;
  for (guint i = 0; i < source->accounts->len && !*has_data; i++)
    *has_data = is_kept (self, ids[i]);
  if (!*has_data)
    return TRUE;

  if (source->arr != NULL)
    keep_arr (self, source->arr);

  for (guint i = 0; i < source->pairs->len; i++)
    if (is_kept (self, pairs[i].account_id))
      {
        g_array_append_val (baseline, pairs[i].baseline);
        g_array_append_val (latest, pairs[i].latest);
      }

  for (guint m = 0; m < calendar->n_months; m++)
    month_values[m] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < source->dated->len; i++)
    {
      const Dated *point = &dated[i];

      if (!is_kept (self, point->account_id))
        continue;
      g_array_append_val (month_values[point->month], point->value);
      if (is_nps && point->value >= 0 && point->value <= 10 && point->value == floor (point->value))
        {
          int response = (int)point->value;

          g_array_append_val (nps, response);
        }
    }

  ok = !(is_nps && nps->len > 0 &&
         !ov_metrics_count_nps ((const int *)nps->data, nps->len, &self->nps, error));
  ok = ok && compute_pairs (metric, baseline, latest, error) &&
       compute_months (metric, calendar, month_values, error);

  for (guint m = 0; m < calendar->n_months; m++)
    g_array_unref (month_values[m]);
  return ok;
}

/* Before the metrics are read: the period's calendar. */
void
ov_insights_measures_prepare (OvInsights *self)
{
  Calendar *calendar = g_new0 (Calendar, 1);

  calendar_init (calendar, self->filter.from, self->filter.to);
  self->calendar = calendar;
}

/* Before the metrics are measured, each in any thread. */
void
ov_insights_measures_begin (OvInsights *self)
{
  memset (&self->nps, 0, sizeof self->nps);
  self->nps.score = NAN;
  self->measured = g_new0 (OvInsightsMetric *, g_strv_length (self->metric_ids) + 1);
}

/* One metric's figures, from its source; touches nothing another metric's
 * call does (NPS and ARR being one metric each), so metrics may be
 * measured side by side. */
gboolean
ov_insights_measure_metric (OvInsights  *self,
                            guint        index,
                            GError     **error)
{
  g_autoptr(OvInsightsMetric) metric = g_new0 (OvInsightsMetric, 1);
  gboolean has_data = FALSE;

  metric->name = g_strdup (self->metric_ids[index]);
  if (!measure_source (self, metric->name, self->sources[index], self->calendar, metric,
                       &has_data, error))
    return FALSE;
  if (has_data)
    self->measured[index] = g_steal_pointer (&metric);
  return TRUE;
}

/* The metrics measured on the accounts kept, by name. */
void
ov_insights_measures_end (OvInsights *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_strv_length (self->metric_ids);

  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  self->metrics = g_ptr_array_new_with_free_func (metric_free);
  for (guint i = 0; i < n; i++)
    if (self->measured[i] != NULL)
      {
        g_ptr_array_add (self->metrics, self->measured[i]);
        g_ptr_array_add (names, self->measured[i]->name);
      }
  g_clear_pointer (&self->measured, g_free);

  g_ptr_array_add (names, NULL);
  g_clear_pointer (&self->metric_names, g_free);
  self->metric_names = (char **)g_ptr_array_free (g_steal_pointer (&names), FALSE);

}

void
ov_insights_measures_clear (OvInsights *self)
{
  if (self->calendar == NULL)
    return;
  calendar_clear (self->calendar);
  g_clear_pointer (&self->calendar, g_free);
}

const OvInsightsMetric *
ov_insights_find_metric (OvInsights *self,
                         const char *name)
{
  if (name == NULL || self->metrics == NULL)
    return NULL;
  for (guint i = 0; i < self->metrics->len; i++)
    {
      const OvInsightsMetric *metric = g_ptr_array_index (self->metrics, i);

      if (strcmp (metric->name, name) == 0)
        return metric;
    }
  return NULL;
}
