/* ov-store-insights.h — the compact rows the Insights figures are computed from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-date.h"
#include "ov-store.h"
#include "ov-store-measurements.h"

G_BEGIN_DECLS

/* Which accounts to read: NULL strings match any; @package "" matches
 * accounts without a package, a name the package of that name whatever its
 * case (ov_store_find_package() tells whether there is one). Close dates in [closed_from, closed_to]
 * (OV_DATE_NONE: no bound). */
typedef struct
{
  const char *segment;
  const char *owner;
  const char *package;
  OvDate      closed_from;
  OvDate      closed_to;
} OvStoreInsightsQuery;

/* One account as Insights sees it. Strings are in the caller's string
 * chunk, one copy per distinct text. */
typedef struct
{
  gint64      id;
  OvDate      close_date;
  OvDate      first_value_date;
  OvDate      churned_on;
  gint64      arr_cents;          /* OV_MONEY_UNKNOWN when not known */
  const char *currency;
  const char *segment;
  const char *owner;
  const char *package;        /* "" for none */
  guint8      stage;          /* current, 1..6 */
  guint8      highest_stage;  /* the current one or the highest entered before */
  guint8      status;         /* OvAccountStatus */
  guint32     scheduled;      /* meetings scheduled on or before the day given */
  guint32     attended;       /* of those, attended */
} OvStoreInsightsAccount;

GArray    *ov_store_insights_read_accounts (OvStore                    *self,
                                            const OvStoreInsightsQuery *query,
                                            OvDate                      meetings_until,
                                            GStringChunk               *strings,
                                            GCancellable               *cancellable,
                                            GError                    **error);
char     **ov_store_insights_list_metrics  (OvStore                    *self,
                                            GError                    **error);

/* Called with each measurement of a metric, in ov_store_list_metric_points()'s
 * order (by account and date, the baseline first on a day). */
typedef void (*OvStoreInsightsPointFunc) (const OvMeasurementPoint *point,
                                          gpointer                  user_data);

gboolean   ov_store_insights_scan_metric   (OvStore                    *self,
                                            const char                 *metric,
                                            OvStoreInsightsPointFunc    func,
                                            gpointer                    user_data,
                                            GCancellable               *cancellable,
                                            GError                    **error);

G_END_DECLS
