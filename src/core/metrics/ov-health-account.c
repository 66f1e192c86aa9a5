/* ov-health-account.c — an account's health from what is stored of it, and
 * the portfolio's health at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store reads the facts (ov-store-health.c); this turns them into the
 * score of DOMAIN.md. Which facts count, in order:
 *
 * - a score set by hand wins up to and including its expiry date;
 * - else a recorded `health_score` measurement, when none of the dated
 *   components (usage, NPS, meetings or an engagement measurement) is
 *   newer than it: a manager's own reading is not overruled by older data;
 * - else the components, weighted. Engagement is meetings attended ÷
 *   scheduled (those on or before today); an account without such meetings
 *   falls back to its latest `engagement` measurement. The overdue
 *   component needs at least one task: an account without any says
 *   nothing about keeping to its plan.
 */

#define G_LOG_DOMAIN "ov-health-account"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ov-health-account.h"
#include "ov-metrics.h"

void
ov_health_facts_init (OvHealthFacts *facts,
                      gint64         account_id)
{
  g_return_if_fail (facts != NULL);

  *facts = (OvHealthFacts) {
    .account_id = account_id,
    .usage = NAN,
    .usage_on = OV_DATE_NONE,
    .last_meeting_on = OV_DATE_NONE,
    .engagement = NAN,
    .engagement_on = OV_DATE_NONE,
    .nps = NAN,
    .nps_on = OV_DATE_NONE,
    .recorded = NAN,
    .recorded_on = OV_DATE_NONE,
    .override_value = NAN,
    .override_expires_on = OV_DATE_NONE,
    .override_set_on = OV_DATE_NONE,
  };
}

void
ov_health_facts_clear (OvHealthFacts *facts)
{
  g_return_if_fail (facts != NULL);

  g_clear_pointer (&facts->override_reason, g_free);
}

/**
 * ov_health_facts_inputs:
 * @inputs: (out): the four components in their own units
 */
void
ov_health_facts_inputs (const OvHealthFacts *facts,
                        OvHealthInputs      *inputs)
{
  g_return_if_fail (facts != NULL);
  g_return_if_fail (inputs != NULL);

  *inputs = (OvHealthInputs) { 0 };

  if (!isnan (facts->usage))
    {
      inputs->present[OV_HEALTH_USAGE] = TRUE;
      inputs->value[OV_HEALTH_USAGE] = facts->usage;
    }

  if (facts->meetings_scheduled > 0)
    {
      inputs->present[OV_HEALTH_ENGAGEMENT] = TRUE;
      inputs->value[OV_HEALTH_ENGAGEMENT] =
        100.0 * facts->meetings_attended / facts->meetings_scheduled;
    }
  else if (!isnan (facts->engagement))
    {
      inputs->present[OV_HEALTH_ENGAGEMENT] = TRUE;
      inputs->value[OV_HEALTH_ENGAGEMENT] = facts->engagement;
    }

  if (!isnan (facts->nps))
    {
      inputs->present[OV_HEALTH_NPS] = TRUE;
      inputs->value[OV_HEALTH_NPS] = facts->nps;
    }

  if (facts->tasks > 0)
    {
      inputs->present[OV_HEALTH_OVERDUE] = TRUE;
      inputs->value[OV_HEALTH_OVERDUE] = facts->overdue;
    }
}

/* The newest day among the dated components the score used. */
static OvDate
newest_component (const OvHealthFacts *facts)
{
  OvDate newest = OV_DATE_NONE;

  if (!isnan (facts->usage))
    newest = MAX (newest, facts->usage_on);
  if (facts->meetings_scheduled > 0)
    newest = MAX (newest, facts->last_meeting_on);
  else if (!isnan (facts->engagement))
    newest = MAX (newest, facts->engagement_on);
  if (!isnan (facts->nps))
    newest = MAX (newest, facts->nps_on);

  return newest;
}

/**
 * ov_health_check_override:
 * @value: the score, 0–100
 * @reason: why it is set by hand; required
 * @expires_on: the last day it holds; required, today or later
 * @today: the day it is set
 *
 * Returns: %FALSE, with @error saying which field is wrong and why
 */
gboolean
ov_health_check_override (double       value,
                          const char  *reason,
                          OvDate       expires_on,
                          OvDate       today,
                          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (!isfinite (value) || value < 0 || value > 100)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE,
                   _("Score: a health score set by hand is from 0 to 100, not %g"), value);
      return FALSE;
    }
  if (stripped[0] == '\0')
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID,
                   _("Reason: say why the score is set by hand"));
      return FALSE;
    }
  if (expires_on == OV_DATE_NONE)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID,
                   _("Holds until: a score set by hand needs the last day it holds"));
      return FALSE;
    }
  if (today != OV_DATE_NONE && expires_on < today)
    {
      g_autofree char *when = ov_date_to_iso (expires_on);

      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID,
                   _("Holds until: %s is already past"), when);
      return FALSE;
    }

  return TRUE;
}

/**
 * ov_health_assess:
 * @facts: what is stored of the account
 * @weights: (array fixed-size=4) (nullable): the components' weights;
 *   %NULL for the defaults
 * @today: the day the score is for
 * @assessment: (out): the score shown, where it came from, its components
 *
 * An override without a reason or a last day, or outside 0–100, is
 * ignored.
 *
 * Returns: %FALSE, with @error set, when a stored value is outside its
 *   component's range or the weights are not valid
 */
gboolean
ov_health_assess (const OvHealthFacts *facts,
                  const double        *weights,
                  OvDate               today,
                  OvHealthAssessment  *assessment,
                  GError             **error)
{
  OvHealthAssessment out = { .source = OV_HEALTH_SOURCE_NONE, .value = NAN };
  OvHealthOverride override = { 0 };
  gboolean has_override;

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);

  ov_health_facts_inputs (facts, &out.inputs);
  memcpy (out.weights, weights != NULL ? weights : ov_health_default_weights (),
          sizeof out.weights);

  /* One that could not have been stored through the store (edited in the
   * file by hand, say) is no override: the computed score stands. */
  has_override = ov_health_check_override (facts->override_value, facts->override_reason,
                                           facts->override_expires_on, OV_DATE_NONE, NULL);
  if (has_override)
    {
      override.value = facts->override_value;
      override.reason = facts->override_reason;
      override.expires_on = facts->override_expires_on;
    }

  if (!ov_health_score (&out.inputs, weights, has_override ? &override : NULL, today,
                        &out.score, error))
    return FALSE;

  if (out.score.overridden)
    {
      out.source = OV_HEALTH_SOURCE_OVERRIDE;
      out.value = out.score.score;
      /* score.score keeps the computed one; value is what is shown. */
      out.score.score = out.score.computed;
    }
  else if (!isnan (facts->recorded) && facts->recorded_on >= newest_component (facts))
    {
      out.source = OV_HEALTH_SOURCE_RECORDED;
      out.value = CLAMP (facts->recorded, 0, 100);
    }
  else if (!isnan (out.score.computed))
    {
      out.source = OV_HEALTH_SOURCE_COMPUTED;
      out.value = out.score.computed;
    }

  out.override_expired = has_override && !out.score.overridden;
  *assessment = out;
  return TRUE;
}

/**
 * ov_health_band_of:
 *
 * Returns: how firm the data under a score is: recorded and hand-set
 *   scores are %OV_HEALTH_BAND_SET, computed ones banded by coverage
 */
/**
 * ov_health_format_score:
 * @value: a score, 0 to 100
 *
 * A score as shown: a whole number, unless rounding would carry it up to
 * the edge of a better status (49.6 is at risk, and "50" would say it is
 * not): then with one decimal, cut rather than rounded ("49.6", "49.9" for
 * 49.96). In the locale's numbers.
 *
 * Returns: (transfer full): the text
 */
char *
ov_health_format_score (double value)
{
  static const double edges[] = { OV_HEALTH_AT_RISK_BELOW, OV_HEALTH_WATCH_BELOW };

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    if (value < edges[i] && round (value) >= edges[i])
      return g_strdup_printf ("%.1f", floor (value * 10) / 10);

  return g_strdup_printf ("%.0f", value);
}

OvHealthBand
ov_health_band_of (const OvHealthAssessment *assessment)
{
  g_return_val_if_fail (assessment != NULL, OV_HEALTH_BAND_THIN);

  if (assessment->source == OV_HEALTH_SOURCE_RECORDED ||
      assessment->source == OV_HEALTH_SOURCE_OVERRIDE)
    return OV_HEALTH_BAND_SET;
  if (assessment->score.coverage >= 0.75 - 1e-9)
    return OV_HEALTH_BAND_FIRM;
  if (assessment->score.coverage >= 0.40 - 1e-9)
    return OV_HEALTH_BAND_PARTIAL;
  return OV_HEALTH_BAND_THIN;
}

/**
 * ov_health_summarize:
 * @facts: (array length=n_facts): one per account
 * @summary: (out): how many are scored, how many at risk, by band
 *
 * Returns: %FALSE, with @error naming the account, when one cannot be
 *   assessed (a stored value outside its range, weights not valid)
 */
gboolean
ov_health_summarize (const OvHealthFacts *facts,
                     guint                n_facts,
                     const double        *weights,
                     OvDate               today,
                     OvHealthSummary     *summary,
                     GError             **error)
{
  OvHealthSummary out = { 0 };

  g_return_val_if_fail (facts != NULL || n_facts == 0, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  for (guint i = 0; i < n_facts; i++)
    {
      g_autoptr(GError) local_error = NULL;
      OvHealthAssessment assessment;
      OvHealthBand band;

      if (!ov_health_assess (&facts[i], weights, today, &assessment, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Account number %lld: %s"), (long long)facts[i].account_id,
                       local_error->message);
          return FALSE;
        }

      out.accounts++;
      if (assessment.source == OV_HEALTH_SOURCE_NONE)
        {
          out.no_data++;
          continue;
        }

      band = ov_health_band_of (&assessment);
      out.scored++;
      out.scored_by_band[band]++;
      if (assessment.source == OV_HEALTH_SOURCE_OVERRIDE)
        out.overridden++;
      if (assessment.value < OV_HEALTH_AT_RISK_BELOW)
        {
          out.at_risk++;
          out.at_risk_by_band[band]++;
        }
    }

  *summary = out;
  return TRUE;
}
