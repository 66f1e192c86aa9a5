/* ov-revenue.h — ARR at a date, logo churn, net and gross retention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-date.h"
#include "ov-metrics.h"
#include "ov-money.h"

G_BEGIN_DECLS

/* One `arr` measurement: the account's ARR as recorded on a date. */
typedef struct
{
  OvDate date;
  gint64 cents;
} OvArrPoint;

/* What the revenue figures need of an account. */
typedef struct
{
  OvDate            close_date;   /* OV_DATE_NONE: not closed */
  OvDate            churned_on;   /* OV_DATE_NONE: not churned */
  const char       *currency;     /* ISO 4217; NULL or "" when unknown */
  gint64            arr_cents;    /* the account's ARR field; OV_MONEY_UNKNOWN */
  const OvArrPoint *points;       /* its `arr` measurements, in any order */
  guint             n_points;
} OvRevenueAccount;

typedef struct
{
  guint  n_start;     /* closed before A and not churned before A */
  guint  n_churned;   /* of those, churned in [A, B) */
  double rate;        /* n_churned / n_start; NAN when n_start is 0 */
} OvLogoChurn;

/* Retention of the starting accounts in one currency. */
typedef struct
{
  char  *currency;     /* upper case; "" for accounts without one */
  guint  n_accounts;   /* the starting accounts whose ARR at A and B is known */
  guint  n_without_arr; /* the starting accounts left out: their ARR is not known */
  gint64 arr_start;    /* Σ ARR(A) */
  gint64 arr_end;      /* Σ ARR(B) */
  gint64 arr_kept;     /* Σ min(ARR(B), ARR(A)) */
  double nrr;          /* arr_end / arr_start; NAN when arr_start is 0 */
  double grr;          /* arr_kept / arr_start, never above 1; NAN when arr_start is 0 */
} OvRetention;

gint64   ov_revenue_arr_at      (const OvRevenueAccount  *account,
                                 OvDate                   date);
gboolean ov_revenue_logo_churn  (const OvRevenueAccount  *accounts,
                                 guint                    n,
                                 OvDate                   from,
                                 OvDate                   to,
                                 OvLogoChurn             *churn,
                                 GError                 **error);
GArray  *ov_revenue_retention   (const OvRevenueAccount  *accounts,
                                 guint                    n,
                                 OvDate                   from,
                                 OvDate                   to,
                                 GError                 **error);

G_END_DECLS
