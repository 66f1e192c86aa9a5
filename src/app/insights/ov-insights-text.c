/* ov-insights-text.c — the Insights figures in words, under their charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers a chart only suggests, spelled out: medians with quartiles
 * and n, the open onboardings, the shift with its interval and p. Every
 * line says how many accounts it rests on; what the difference means in
 * words ("associated with", never "caused by") is the core's sentence
 * under the chart. Numbers follow the locale.
 */

#define G_LOG_DOMAIN "ov-insights-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-insights-text.h"
#include "ov-stage.h"

/**
 * ov_insights_text_number:
 * @value: a number
 *
 * Returns: (transfer full): @value with one decimal at most, "62" rather
 *   than "62.0"; "–" for no value
 */
char *
ov_insights_text_number (double value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", round (value));
  return g_strdup_printf ("%.1f", value);
}

static char *
ttfv_line (const char           *cohort,
           const OvInsightsTtfv *ttfv)
{
  g_autofree char *median = NULL;
  g_autofree char *q1 = NULL;
  g_autofree char *q3 = NULL;

  if (ttfv->n == 0)
    /* Translators: a cohort, then its open onboardings */
    return g_strdup_printf (_("%s: none reached first value yet; %u still open"),
                            cohort, ttfv->open);

  median = ov_insights_text_number (ttfv->median);
  if (!ttfv->has_stats)
    /* Translators: a cohort, its median days, n and open onboardings */
    return g_strdup_printf (_("%s: %s days in the middle of %u values — too few for quartiles; %u open"),
                            cohort, median, ttfv->n, ttfv->open);

  q1 = ov_insights_text_number (ttfv->q1);
  q3 = ov_insights_text_number (ttfv->q3);
  /* Translators: a cohort, median days, quartiles, n, open onboardings */
  return g_strdup_printf (_("%s: median %s days (quartiles %s–%s), n = %u, %u still open"),
                          cohort, median, q1, q3, ttfv->n, ttfv->open);
}

/**
 * ov_insights_text_ttfv:
 * @insights: the figures
 *
 * Returns: (transfer full): the before and after cohorts' time to first
 *   value and the shift between them, a line each
 */
char *
ov_insights_text_ttfv (OvInsights *insights)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *before_line = NULL;
  g_autofree char *after_line = NULL;
  OvInsightsTtfv before, after;
  OvInsightsShift shift;

  g_return_val_if_fail (OV_IS_INSIGHTS (insights), NULL);

  if (ov_insights_get_filter (insights)->program_start == OV_DATE_NONE)
    return g_strdup (_("No program start is set, so there are no cohorts to compare."));

  ov_insights_get_ttfv (insights, OV_INSIGHTS_BEFORE, &before);
  ov_insights_get_ttfv (insights, OV_INSIGHTS_AFTER, &after);
  ov_insights_get_shift (insights, &shift);

  before_line = ttfv_line (_("Before"), &before);
  after_line = ttfv_line (_("After"), &after);
  g_string_append_printf (text, "%s\n%s\n", before_line, after_line);

  if (!shift.available)
    g_string_append_printf (text, _("Too few accounts for a shift: each cohort needs %d that reached first value."),
                            OV_INSIGHTS_MIN_GROUP);
  else
    {
      g_autofree char *estimate = ov_insights_text_number (shift.estimate);
      g_autofree char *p = ov_insights_format_p (shift.p);

      if (isnan (shift.low) || isnan (shift.high))
        /* Translators: days, then "p = 0.01" */
        g_string_append_printf (text, _("Shift after − before: %s days (too few for an interval), %s"),
                                estimate, p);
      else
        {
          g_autofree char *low = ov_insights_text_number (shift.low);
          g_autofree char *high = ov_insights_text_number (shift.high);

          /* Translators: days, the 95 % interval's ends, then "p = 0.01" */
          g_string_append_printf (text, _("Shift after − before: %s days (95 %% interval %s to %s), %s"),
                                  estimate, low, high, p);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ov_insights_text_paired:
 * @insights: the figures
 * @metric: a metric
 *
 * Returns: (transfer full): @metric's baseline and latest medians, their
 *   change and p, on how many accounts
 */
char *
ov_insights_text_paired (OvInsights *insights,
                         const char *metric)
{
  g_autofree char *baseline = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *change = NULL;
  g_autofree char *p = NULL;
  OvInsightsPaired paired;

  g_return_val_if_fail (OV_IS_INSIGHTS (insights), NULL);

  if (metric == NULL || !ov_insights_get_paired (insights, metric, &paired) || paired.n == 0)
    return g_strdup (_("No account has both a baseline and a later measurement of this metric."));

  baseline = ov_insights_text_number (paired.median_baseline);
  latest = ov_insights_text_number (paired.median_latest);
  change = ov_insights_text_number (paired.median_change);
  if (!paired.has_stats)
    return g_strdup_printf (g_dngettext (NULL,
                                         "Baseline %s, latest %s on %u account — too few for a test.",
                                         "Baseline %s, latest %s on %u accounts — too few for a test.",
                                         paired.n),
                            baseline, latest, paired.n);

  p = ov_insights_format_p (paired.p);
  /* Translators: medians of baseline and latest, the median change, n, "p = 0.01" */
  return g_strdup_printf (_("Median baseline %s, median latest %s, median change %s, n = %u accounts, %s"),
                          baseline, latest, change, paired.n, p);
}

/**
 * ov_insights_text_funnel:
 * @insights: the figures
 *
 * Returns: (transfer full): the drop-off from each stage to the next
 */
char *
ov_insights_text_funnel (OvInsights *insights)
{
  const OvInsightsFunnelStage *funnel;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (OV_IS_INSIGHTS (insights), NULL);

  funnel = ov_insights_get_funnel (insights);
  for (guint i = 0; i + 1 < OV_N_STAGES; i++)
    {
      g_autofree char *share = NULL;

      if (isnan (funnel[i].drop_off))
        continue;
      share = ov_insights_text_number (funnel[i].drop_off * 100);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: stage → next stage: percent dropped, of how many accounts */
      g_string_append_printf (text, _("%s → %s: %s %% dropped off, of %u"),
                              ov_stage_get_title (funnel[i].stage),
                              ov_stage_get_title (funnel[i + 1].stage),
                              share, funnel[i].reached);
    }

  if (text->len == 0)
    return g_strdup (_("No account reached a stage."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ov_insights_text_revenue:
 * @insights: the figures
 *
 * Returns: (transfer full): NPS, logo churn and, per currency, NRR and GRR
 *   for the period
 */
char *
ov_insights_text_revenue (OvInsights *insights)
{
  g_autoptr(GString) text = g_string_new (NULL);
  OvInsightsRevenue revenue;

  g_return_val_if_fail (OV_IS_INSIGHTS (insights), NULL);

  ov_insights_get_revenue (insights, &revenue);

  if (revenue.nps.n == 0)
    g_string_append (text, _("NPS: no responses in the period"));
  else
    {
      g_autofree char *score = ov_insights_text_number (revenue.nps.score);

      /* Translators: score, responses, promoters, passives, detractors */
      g_string_append_printf (text, _("NPS %s from %u responses (%u promoters, %u passives, %u detractors)"),
                              score, revenue.nps.n, revenue.nps.promoters,
                              revenue.nps.passives, revenue.nps.detractors);
    }
  g_string_append_c (text, '\n');

  if (revenue.churn.n_start == 0)
    g_string_append (text, _("Logo churn: no account was live at the start of the period"));
  else
    {
      g_autofree char *rate = ov_insights_text_number (revenue.churn.rate * 100);

      /* Translators: percent, churned accounts, accounts at the start */
      g_string_append_printf (text, _("Logo churn %s %% (%u of %u accounts)"),
                              rate, revenue.churn.n_churned, revenue.churn.n_start);
    }

  for (guint i = 0; i < revenue.n_currencies; i++)
    {
      const OvRetention *retention = &revenue.retention[i];
      g_autofree char *nrr = ov_insights_text_number (retention->nrr * 100);
      g_autofree char *grr = ov_insights_text_number (retention->grr * 100);
      const char *currency = retention->currency && *retention->currency ? retention->currency
                                                                         : _("No currency");

      g_string_append_c (text, '\n');
      /* Translators: currency, NRR percent, GRR percent, accounts */
      g_string_append_printf (text, _("%s: NRR %s %%, GRR %s %% over %u accounts"),
                              currency, nrr, grr, retention->n_accounts);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
