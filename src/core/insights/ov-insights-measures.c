/* ov-insights-measures.c — one pass over every measurement: each metric's
 * own baseline vs latest, its monthly trend, NPS, and the ARR history the
 * revenue figures need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The points come metric by metric, by account and date, the baseline
 * first on a day. An account's pair is its last baseline and the latest
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

typedef struct
{
  GArray  *baseline;
  GArray  *latest;
  GArray **month_values;
  GArray  *nps;          /* int responses in the period */
} Scratch;

/* One metric's points: pairs per account, values per month, NPS and ARR. */
static gboolean
scan_metric (OvInsights                  *self,
             const char                  *name,
             GArray                      *source,
             const Calendar              *calendar,
             Scratch                     *scratch,
             OvInsightsMetric            *metric,
             gboolean                    *has_data,
             GError                     **error)
{
  gboolean is_nps = strcmp (name, "nps") == 0;
  gboolean is_arr = strcmp (name, "arr") == 0;
  const OvMeasurementPoint *points = (const OvMeasurementPoint *)source->data;
  guint n = source->len;
  OvDate from = self->filter.from;
  OvDate to = self->filter.to;

  g_array_set_size (scratch->baseline, 0);
  g_array_set_size (scratch->latest, 0);
  *has_data = FALSE;

  for (guint start = 0, end; start < n; start = end)
    {
      gint64 id = points[start].account_id;
      gint32 slot = id >= 0 && id <= self->max_id ? self->slots[id] : -1;
      const OvMeasurementPoint *base = NULL, *last = NULL;

      for (end = start + 1; end < n && points[end].account_id == id; end++)
        ;
      if (slot < 0)
        continue;
      *has_data = TRUE;

      if (is_arr)
        {
          self->arr_first[slot] = self->arr_points->len;
          self->arr_count[slot] = end - start;
        }

      for (guint i = start; i < end; i++)
        {
          const OvMeasurementPoint *point = &points[i];

          if (point->baseline)
            {
              base = point;
              last = NULL;
            }
          else if (base != NULL && point->measured_on > base->measured_on)
            last = point;

          if (is_arr)
            {
              OvArrPoint arr = { point->measured_on, (gint64)llround (point->value * 100.0) };

              g_array_append_val (self->arr_points, arr);
            }

          if (point->measured_on >= from && point->measured_on < to)
            {
              guint m = calendar->month_of_day[point->measured_on - from];

              g_array_append_val (scratch->month_values[m], point->value);
              if (is_nps && point->value >= 0 && point->value <= 10 &&
                  point->value == floor (point->value))
                {
                  int response = (int)point->value;

                  g_array_append_val (scratch->nps, response);
                }
            }
        }

      if (base != NULL && last != NULL)
        {
          g_array_append_val (scratch->baseline, base->value);
          g_array_append_val (scratch->latest, last->value);
        }
    }

  if (is_nps && scratch->nps->len > 0 &&
      !ov_metrics_count_nps ((const int *)scratch->nps->data, scratch->nps->len, &self->nps, error))
    return FALSE;

  return compute_pairs (metric, scratch->baseline, scratch->latest, error) &&
         compute_months (metric, calendar, scratch->month_values, error);
}

/* Before the metrics are measured, each in any thread. */
void
ov_insights_measures_begin (OvInsights *self)
{
  Calendar *calendar = g_new0 (Calendar, 1);

  memset (&self->nps, 0, sizeof self->nps);
  self->nps.score = NAN;
  calendar_init (calendar, self->filter.from, self->filter.to);
  self->calendar = calendar;
  self->measured = g_new0 (OvInsightsMetric *, g_strv_length (self->metric_ids) + 1);
}

/* One metric's figures, from its points; touches nothing another metric's
 * call does (NPS and ARR being one metric each), so metrics may be
 * measured side by side. */
gboolean
ov_insights_measure_metric (OvInsights  *self,
                            guint        index,
                            GError     **error)
{
  const Calendar *calendar = self->calendar;
  g_autoptr(OvInsightsMetric) metric = g_new0 (OvInsightsMetric, 1);
  Scratch scratch;
  gboolean has_data = FALSE;
  gboolean ok;

  scratch.baseline = g_array_new (FALSE, FALSE, sizeof (double));
  scratch.latest = g_array_new (FALSE, FALSE, sizeof (double));
  scratch.nps = g_array_new (FALSE, FALSE, sizeof (int));
  scratch.month_values = g_new (GArray *, MAX (calendar->n_months, 1));
  for (guint m = 0; m < calendar->n_months; m++)
    scratch.month_values[m] = g_array_new (FALSE, FALSE, sizeof (double));

  metric->name = g_strdup (self->metric_ids[index]);
  ok = scan_metric (self, metric->name, self->metric_points[index], calendar, &scratch, metric,
                    &has_data, error);
  if (ok && has_data)
    self->measured[index] = g_steal_pointer (&metric);

  for (guint m = 0; m < calendar->n_months; m++)
    g_array_unref (scratch.month_values[m]);
  g_free (scratch.month_values);
  g_array_unref (scratch.baseline);
  g_array_unref (scratch.latest);
  g_array_unref (scratch.nps);
  return ok;
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
