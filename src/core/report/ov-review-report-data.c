/* ov-review-report-data.c — what the review report shows, read from the
 * store in one go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is read before a page is painted: the painter works on plain
 * data, and a worker can gather on a connection of its own.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-metric-kind.h"
#include "ov-review-report.h"
#include "ov-stage-answers.h"
#include "ov-store-accounts.h"
#include "ov-store-answers.h"
#include "ov-store-measurements.h"
#include "ov-store-meetings.h"
#include "ov-store-packages.h"
#include "ov-store-review.h"
#include "ov-store-stage-events.h"
#include "ov-store-ttfv.h"
#include "ov-store-tasks.h"

static void
review_metric_free (OvReviewMetric *metric)
{
  g_free (metric->metric);
  g_free (metric->title);
  g_free (metric);
}

static int
compare_metrics (gconstpointer a,
                 gconstpointer b)
{
  const OvReviewMetric *ma = *(OvReviewMetric * const *)a;
  const OvReviewMetric *mb = *(OvReviewMetric * const *)b;

  return g_utf8_collate (ma->title, mb->title);
}

/* A metric Overture does not know is stored as "time_saved_minutes":
 * people read "Time saved minutes". */
static char *
title_of_name (const char *name)
{
  char *title = g_strdelimit (g_strdup (name), "_", ' ');

  if (g_ascii_islower (title[0]))
    title[0] = g_ascii_toupper (title[0]);
  return title;
}

static OvReviewMetric *
find_metric (GPtrArray  *metrics,
             const char *id)
{
  for (guint i = 0; i < metrics->len; i++)
    {
      OvReviewMetric *metric = g_ptr_array_index (metrics, i);

      if (g_strcmp0 (metric->metric, id) == 0)
        return metric;
    }

  return NULL;
}

/* Pairs each metric's baseline with its latest later measurement. The
 * list comes oldest first, a day's baseline before its other values, so
 * the last baseline seen is the one that counts, and what follows it on
 * a later day is "after". */
static GPtrArray *
pair_measurements (GPtrArray *measurements)
{
  GPtrArray *metrics = g_ptr_array_new_with_free_func ((GDestroyNotify)review_metric_free);

  for (guint i = 0; i < measurements->len; i++)
    {
      OvMeasurement *m = g_ptr_array_index (measurements, i);
      const char *id = ov_measurement_get_metric (m);
      OvReviewMetric *metric = find_metric (metrics, id);
      OvDate on = ov_measurement_get_measured_on (m);

      if (metric == NULL)
        {
          const OvMetricKind *kind = ov_metric_kind_find (id, -1);

          metric = g_new0 (OvReviewMetric, 1);
          metric->metric = g_strdup (id);
          metric->title = kind != NULL ? g_strdup (_(kind->title)) : title_of_name (id);
          metric->money = kind != NULL && kind->money;
          g_ptr_array_add (metrics, metric);
        }

      metric->n_values++;
      if (ov_measurement_get_baseline (m))
        {
          metric->has_baseline = TRUE;
          metric->baseline = ov_measurement_get_value (m);
          metric->baseline_on = on;
          /* A new baseline starts the comparison over. */
          metric->has_latest = FALSE;
        }
      else if (!metric->has_baseline || on > metric->baseline_on)
        {
          metric->has_latest = TRUE;
          metric->latest = ov_measurement_get_value (m);
          metric->latest_on = on;
        }
    }

  g_ptr_array_sort (metrics, compare_metrics);
  return metrics;
}

/* The same figure as the dashboard's: every account closed by today. */
static gboolean
gather_portfolio (OvReviewData  *data,
                  OvStore       *store,
                  GError       **error)
{
  OvTtfvCohorts cohorts;

  if (!ov_store_read_ttfv_cohorts (store, data->today, &cohorts, error))
    return FALSE;

  data->portfolio_n = cohorts.all.n;
  data->portfolio_open = cohorts.all.open;
  data->portfolio_median = cohorts.all.n > 0 ? cohorts.all.median : NAN;
  return TRUE;
}

static gboolean
gather_work (OvReviewData  *data,
             OvStore       *store,
             gint64         account_id,
             GError       **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  tasks = ov_store_list_tasks (store, account_id, 0, error);
  if (tasks == NULL)
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (tasks, i);

      if (ov_task_is_done (task))
        data->tasks_done++;
      else
        {
          data->tasks_open++;
          if (ov_task_is_overdue (task, data->today))
            data->tasks_overdue++;
        }
    }

  meetings = ov_store_list_meetings (store, account_id, error);
  if (meetings == NULL)
    return FALSE;
  for (guint i = 0; i < meetings->len; i++)
    {
      OvMeeting *meeting = g_ptr_array_index (meetings, i);

      /* A meeting still to come cannot have been missed yet. */
      if (ov_meeting_get_scheduled_on (meeting) > data->today)
        data->meetings_planned++;
      else
        {
          data->meetings_scheduled++;
          if (ov_meeting_get_attended (meeting))
            data->meetings_attended++;
        }
    }

  return TRUE;
}

/**
 * ov_review_data_gather:
 * @account_id: the account (not deleted)
 * @today: the day the report is made on: the stage in progress runs up to
 *   it, and meetings after it are still to come
 *
 * Returns: (transfer full): the report's data, or %NULL with @error set
 *   (OV_STORE_ERROR_NOT_FOUND when there is no such account)
 */
OvReviewData *
ov_review_data_gather (OvStore       *store,
                       gint64         account_id,
                       OvDate         today,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(OvReviewData) data = g_new0 (OvReviewData, 1);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(OvStageAnswers) review = NULL;
  gint64 package_id;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (today != OV_DATE_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data->today = today;
  data->ttfv_days = -1;
  data->account = ov_store_get_account (store, account_id, error);
  if (data->account == NULL)
    return NULL;

  package_id = ov_account_get_package_id (data->account);
  if (package_id > 0)
    {
      data->package = ov_store_get_package (store, package_id, error);
      if (data->package == NULL)
        return NULL;
    }

  events = ov_store_list_stage_events (store, account_id, error);
  if (events == NULL)
    return NULL;
  ov_stage_timeline_fill (&data->timeline, events, ov_account_get_stage (data->account), today);

  /* The Review wizard lists every goal of the handoff with its outcome. */
  review = ov_store_load_answers (store, account_id, OV_STAGE_REVIEW, error);
  if (review == NULL)
    return NULL;
  data->goals = ov_stage_answers_dup_goal_results (review, "goal_outcomes");

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  measurements = ov_store_list_measurements (store, account_id, error);
  if (measurements == NULL)
    return NULL;
  data->metrics = pair_measurements (measurements);

  if (!gather_work (data, store, account_id, error))
    return NULL;

  data->ttfv_days = ov_account_get_ttfv_days (data->account);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !gather_portfolio (data, store, error))
    return NULL;

  return g_steal_pointer (&data);
}

void
ov_review_data_free (OvReviewData *data)
{
  if (data == NULL)
    return;

  g_clear_object (&data->account);
  g_clear_object (&data->package);
  g_clear_pointer (&data->goals, g_ptr_array_unref);
  g_clear_pointer (&data->metrics, g_ptr_array_unref);
  g_free (data);
}
