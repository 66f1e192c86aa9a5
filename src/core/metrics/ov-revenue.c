/* ov-revenue.c — ARR at a date, logo churn, net and gross retention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Retention compares the same accounts at two dates, so everything rests on
 * one rule for an account's ARR at a date (ov_revenue_arr_at()). Money
 * stays in integer cents and is summed per currency: adding euros to
 * dollars would make a number nobody can act on.
 */

#define G_LOG_DOMAIN "ov-revenue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ov-revenue.h"

static gboolean
check_period (OvDate   from,
              OvDate   to,
              GError **error)
{
  if (from != OV_DATE_NONE && to != OV_DATE_NONE && from < to)
    return TRUE;

  g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID,
               _("A period needs a start date and an end date after it"));
  return FALSE;
}

/* Closed before @from and not churned before it: the accounts a period's
 * churn and retention are measured on. New customers are not among them. */
static gboolean
is_starting (const OvRevenueAccount *account,
             OvDate                  from)
{
  return account->close_date != OV_DATE_NONE && account->close_date < from &&
         (account->churned_on == OV_DATE_NONE || account->churned_on >= from);
}

static gboolean
check_amounts (const OvRevenueAccount *account,
               guint                   index,
               GError                **error)
{
  gboolean negative = ov_money_is_known (account->arr_cents) && account->arr_cents < 0;

  for (guint i = 0; i < account->n_points; i++)
    negative = negative || account->points[i].cents < 0;

  if (!negative)
    return TRUE;

  g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE,
               _("Account %u has a negative ARR; correct its ARR or its ARR measurements"),
               index + 1);
  return FALSE;
}

static void
clear_retention (gpointer data)
{
  OvRetention *retention = data;

  g_clear_pointer (&retention->currency, g_free);
}

/**
 * ov_revenue_arr_at:
 * @account: the account
 * @date: the date D
 *
 * The account's ARR at D: 0 from its churned_on date on; otherwise its
 * latest `arr` measurement on or before D; if it has measurements but none
 * that early, its earliest one; if it has none, its ARR field, which may
 * be unknown. Of two measurements on the same date, the one listed later
 * counts (a correction recorded after the first value).
 *
 * Returns: the ARR in cents of the account's currency, or
 *   %OV_MONEY_UNKNOWN when it has neither measurements nor a known ARR
 */
gint64
ov_revenue_arr_at (const OvRevenueAccount *account,
                   OvDate                  date)
{
  const OvArrPoint *latest = NULL, *earliest = NULL;

  g_return_val_if_fail (account != NULL, 0);
  g_return_val_if_fail (account->points != NULL || account->n_points == 0, 0);

  if (account->churned_on != OV_DATE_NONE && date >= account->churned_on)
    return 0;

  for (guint i = 0; i < account->n_points; i++)
    {
      const OvArrPoint *point = &account->points[i];

      if (point->date <= date && (latest == NULL || point->date >= latest->date))
        latest = point;
      if (earliest == NULL || point->date < earliest->date)
        earliest = point;
    }

  if (latest != NULL)
    return latest->cents;
  if (earliest != NULL)
    return earliest->cents;
  return account->arr_cents;
}

/**
 * ov_revenue_logo_churn:
 * @accounts: (array length=n): the portfolio
 * @from: A, the first day of the period
 * @to: B, the day after its last
 * @churn: (out): the counts and the rate
 *
 * Logo churn for [A, B): of the accounts closed before A and not churned
 * before A, the share whose churned_on date falls in [A, B).
 *
 * Returns: %FALSE, with @error set, when B is not after A
 */
gboolean
ov_revenue_logo_churn (const OvRevenueAccount  *accounts,
                       guint                    n,
                       OvDate                   from,
                       OvDate                   to,
                       OvLogoChurn             *churn,
                       GError                 **error)
{
  OvLogoChurn out = { 0 };

  g_return_val_if_fail (accounts != NULL || n == 0, FALSE);
  g_return_val_if_fail (churn != NULL, FALSE);

  if (!check_period (from, to, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!is_starting (&accounts[i], from))
        continue;
      out.n_start++;
      if (accounts[i].churned_on != OV_DATE_NONE && accounts[i].churned_on < to)
        out.n_churned++;
    }

  out.rate = out.n_start > 0 ? (double)out.n_churned / out.n_start : NAN;
  *churn = out;
  return TRUE;
}

/**
 * ov_revenue_retention:
 * @accounts: (array length=n): the portfolio
 * @from: A, the first day of the period
 * @to: B, the day after its last
 *
 * Net and gross revenue retention for [A, B), per currency, over the
 * accounts ov_revenue_logo_churn() starts from: NRR = Σ ARR(B) ÷ Σ ARR(A),
 * so expansion, contraction and churn all count and new customers do not;
 * GRR = Σ min(ARR(B), ARR(A)) ÷ Σ ARR(A), which counts no expansion and so
 * is never above 1. ARR is ov_revenue_arr_at(): an account that churns on
 * B itself counts as lost, since its ARR at B is 0. An account whose ARR
 * at A or at B is not known is left out of both sums (counting it as 0
 * would read as churn or as growth from nothing) and counted in
 * n_without_arr. Currencies are told apart regardless of case.
 *
 * Returns: (transfer full) (element-type OvRetention): one entry per
 *   currency, sorted by code (clearing an entry frees its currency), or
 *   %NULL with @error set when B is not after A or a starting account has
 *   a negative ARR
 */
GArray *
ov_revenue_retention (const OvRevenueAccount  *accounts,
                      guint                    n,
                      OvDate                   from,
                      OvDate                   to,
                      GError                 **error)
{
  g_autoptr(GArray) result = NULL;

  g_return_val_if_fail (accounts != NULL || n == 0, NULL);

  if (!check_period (from, to, error))
    return NULL;

  result = g_array_new (FALSE, TRUE, sizeof (OvRetention));
  g_array_set_clear_func (result, clear_retention);

  for (guint i = 0; i < n; i++)
    {
      const OvRevenueAccount *account = &accounts[i];
      g_autofree char *currency = NULL;
      OvRetention *entry = NULL;
      gint64 start, end;
      guint at;

      if (!is_starting (account, from))
        continue;
      if (!check_amounts (account, i, error))
        return NULL;

      currency = g_ascii_strup (account->currency != NULL ? account->currency : "", -1);
      start = ov_revenue_arr_at (account, from);
      end = ov_revenue_arr_at (account, to);

      /* A handful of currencies: a sorted insert keeps the result ordered. */
      for (at = 0; at < result->len; at++)
        {
          int order = strcmp (g_array_index (result, OvRetention, at).currency, currency);

          if (order == 0)
            entry = &g_array_index (result, OvRetention, at);
          if (order >= 0)
            break;
        }
      if (entry == NULL)
        {
          OvRetention fresh = { .currency = g_steal_pointer (&currency) };

          g_array_insert_val (result, at, fresh);
          entry = &g_array_index (result, OvRetention, at);
        }

      if (!ov_money_is_known (start) || !ov_money_is_known (end))
        {
          entry->n_without_arr++;
          continue;
        }
      entry->n_accounts++;
      entry->arr_start += start;
      entry->arr_end += end;
      entry->arr_kept += MIN (start, end);
    }

  for (guint i = 0; i < result->len; i++)
    {
      OvRetention *entry = &g_array_index (result, OvRetention, i);

      entry->nrr = entry->arr_start > 0 ? (double)entry->arr_end / entry->arr_start : NAN;
      entry->grr = entry->arr_start > 0 ? (double)entry->arr_kept / entry->arr_start : NAN;
    }

  return g_steal_pointer (&result);
}
