/* ov-metrics.c — the numbers onboarding is judged by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-account.h"
#include "ov-metrics.h"
#include "ov-stats.h"

G_DEFINE_QUARK (ov-metrics-error-quark, ov_metrics_error)

/**
 * ov_metrics_count_nps:
 * @responses: (array length=n): 0–10 answers to "how likely are you to
 *   recommend us", one per respondent
 * @nps: (out): the counts and the score
 *
 * Net promoter score: 100 × (promoters − detractors) / n, promoters
 * answered 9 or 10, detractors 0 to 6.
 *
 * Returns: %FALSE, with @error set, when there is no response or one lies
 *   outside 0…10; @nps is then untouched
 */
gboolean
ov_metrics_count_nps (const int  *responses,
                      guint       n,
                      OvNps      *nps,
                      GError    **error)
{
  OvNps counts = { .n = n };

  g_return_val_if_fail (responses != NULL || n == 0, FALSE);
  g_return_val_if_fail (nps != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n == 0)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY,
                   _("There are no NPS responses to score"));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (responses[i] < 0 || responses[i] > 10)
        {
          g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE,
                       _("NPS response %u of %u is %d; a response is a whole number from 0 to 10"),
                       i + 1, n, responses[i]);
          return FALSE;
        }
      if (responses[i] >= 9)
        counts.promoters++;
      else if (responses[i] >= 7)
        counts.passives++;
      else
        counts.detractors++;
    }

  counts.score = 100.0 * ((double)counts.promoters - (double)counts.detractors) / n;
  *nps = counts;
  return TRUE;
}

/* Sorts @values in place. NAN for an empty set or one that holds a NaN;
 * ov_stats_median() says why. */
double
ov_metrics_median (double *values,
                   guint   n)
{
  double median;

  if (!ov_stats_median (values, n, &median, NULL))
    return NAN;

  return median;
}

/* Net promoter score as ov_metrics_count_nps() counts it; FALSE when there
 * are no responses or a score lies outside 0…10. */
gboolean
ov_metrics_nps (const int *scores,
                guint      n,
                double    *nps)
{
  OvNps counts;

  g_return_val_if_fail (nps != NULL, FALSE);

  if (!ov_metrics_count_nps (scores, n, &counts, NULL))
    return FALSE;

  *nps = counts.score;
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
          /* An ARR nobody knows adds nothing; it is not 0. */
          if (ov_account_has_arr (account))
            summary->live_arr_cents += ov_account_get_arr_cents (account);
        }

      if (days >= 0)
        ttfv[summary->n_ttfv++] = days;
    }

  summary->median_ttfv = ov_metrics_median (ttfv, summary->n_ttfv);
}
