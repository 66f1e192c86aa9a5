/* ov-metrics.c — the numbers onboarding is judged by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-metrics"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ov-account.h"
#include "ov-metrics.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Sorts @values in place. NAN for an empty set. */
double
ov_metrics_median (double *values,
                   guint   n)
{
  if (n == 0)
    return NAN;

  qsort (values, n, sizeof *values, compare_doubles);

  if (n % 2 == 1)
    return values[n / 2];

  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/* Net promoter score: % promoters (9–10) − % detractors (0–6). FALSE when
 * there are no responses or a score lies outside 0…10. */
gboolean
ov_metrics_nps (const int *scores,
                guint      n,
                double    *nps)
{
  guint promoters = 0, detractors = 0;

  g_return_val_if_fail (nps != NULL, FALSE);

  if (n == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (scores[i] < 0 || scores[i] > 10)
        return FALSE;
      if (scores[i] >= 9)
        promoters++;
      else if (scores[i] <= 6)
        detractors++;
    }

  *nps = 100.0 * ((double)promoters - (double)detractors) / n;
  return TRUE;
}

/* A live onboarding: the deal is signed and the account is still being
 * brought to value (Handoff to Review), neither paused nor churned. */
gboolean
ov_metrics_is_live (OvStage         stage,
                    OvAccountStatus status)
{
  return status == OV_ACCOUNT_STATUS_ACTIVE &&
         stage >= OV_STAGE_HANDOFF && stage <= OV_STAGE_REVIEW;
}

void
ov_metrics_summarize (GPtrArray          *accounts,
                      OvPortfolioSummary *summary)
{
  g_autofree double *ttfv = NULL;

  g_return_if_fail (accounts != NULL);
  g_return_if_fail (summary != NULL);

  *summary = (OvPortfolioSummary) { 0 };
  ttfv = g_new (double, MAX (accounts->len, 1));

  for (guint i = 0; i < accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (accounts, i);
      OvStage stage = ov_account_get_stage (account);
      OvAccountStatus status = ov_account_get_status (account);
      int days = ov_account_get_ttfv_days (account);

      summary->n_accounts++;
      summary->per_stage[stage]++;
      summary->per_status[status]++;

      if (ov_metrics_is_live (stage, status))
        {
          summary->live++;
          summary->live_arr_cents += ov_account_get_arr_cents (account);
        }

      if (days >= 0)
        ttfv[summary->n_ttfv++] = days;
    }

  summary->median_ttfv = ov_metrics_median (ttfv, summary->n_ttfv);
}
