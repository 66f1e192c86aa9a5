/* ov-review-report.h — the review report: one account on A4 pages, as PDF,
 * for the customer's review meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-account.h"
#include "ov-journey.h"
#include "ov-package.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* One metric of the account: its baseline and the latest measurement
 * after it, as DOMAIN.md pairs them (the latest baseline, the latest
 * later non-baseline measurement). */
typedef struct
{
  char     *metric;       /* as stored: "nps", "health_score", "custom_score" */
  char     *title;        /* translated for a known metric, else the name */
  gboolean  money;        /* in the account's currency */
  guint     n_values;     /* measurements of the metric, baselines included */
  gboolean  has_baseline;
  double    baseline;
  OvDate    baseline_on;
  gboolean  has_latest;   /* a measurement after the baseline, or any when none */
  double    latest;
  OvDate    latest_on;
} OvReviewMetric;

/* Everything the report shows, read in one go, so that painting touches
 * no store. */
typedef struct
{
  OvDate          today;
  OvAccount      *account;
  OvPackage      *package;            /* nullable: no package */
  OvStageTimeline timeline;
  GPtrArray      *goals;              /* OvGoalResult, in the handoff's order */
  GPtrArray      *metrics;            /* OvReviewMetric, by title */
  int             ttfv_days;          /* -1: no first value yet (or no close date) */
  guint           portfolio_n;        /* accounts that reached first value */
  guint           portfolio_open;     /* closed and not yet at first value */
  double          portfolio_median;   /* days; NAN when portfolio_n is 0 */
  guint           tasks_done;
  guint           tasks_open;
  guint           tasks_overdue;      /* of the open ones */
  guint           meetings_scheduled; /* up to today */
  guint           meetings_attended;
  guint           meetings_planned;   /* after today */
} OvReviewData;

OvReviewData *ov_review_data_gather        (OvStore        *store,
                                            gint64          account_id,
                                            OvDate          today,
                                            GCancellable   *cancellable,
                                            GError        **error);
void          ov_review_data_free          (OvReviewData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvReviewData, ov_review_data_free)

/* Paints @data as an A4 PDF into memory; how many pages it took in
 * @n_pages (nullable). */
GBytes       *ov_review_report_render      (OvReviewData   *data,
                                            guint          *n_pages,
                                            GError        **error);

/* Gathers, renders and writes the report of @account_id to @path, beside
 * it first and renamed over it, so a failure leaves no file behind and
 * its message names @path. */
gboolean      ov_review_report_write       (OvStore        *store,
                                            gint64          account_id,
                                            OvDate          today,
                                            const char     *path,
                                            GCancellable   *cancellable,
                                            GError        **error);
/* The same in a worker, through ov_store_run_async(): on a connection of
 * its own, so the window never waits. */
void          ov_review_report_write_async (OvStore            *store,
                                            gpointer            source_object,
                                            gint64              account_id,
                                            OvDate              today,
                                            const char         *path,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean      ov_review_report_write_finish (GAsyncResult      *result,
                                             GError           **error);

/* A file name for the report of an account called @name: no path
 * separators, ending in .pdf. */
char         *ov_review_report_suggest_name (const char        *name);

G_END_DECLS
