/* ov-health.c — an account's health score from its components
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A health score is only as good as the data under it, so it comes with
 * its coverage, the points each component adds and the one thing that
 * would raise it most: the account page can say "record usage" rather than
 * show a bare 62. A manager who knows better can set the score by hand,
 * with a reason and an expiry, so the override cannot outlive what it was
 * about.
 */

#define G_LOG_DOMAIN "ov-health"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-health.h"

/* Usage weighs most: adoption is the first leading indicator the
 * framework names; overdue tasks are a symptom more than a cause. */
static const double default_weights[OV_HEALTH_N_COMPONENTS] = {
  [OV_HEALTH_USAGE] = 35,
  [OV_HEALTH_ENGAGEMENT] = 25,
  [OV_HEALTH_NPS] = 20,
  [OV_HEALTH_OVERDUE] = 20,
};

static const struct
{
  double      max;            /* the raw value's range is 0 … max */
  const char *out_of_range;   /* translatable; one %g, the value */
} components[OV_HEALTH_N_COMPONENTS] = {
  [OV_HEALTH_USAGE] = { 100, N_("Product usage is a percentage from 0 to 100, not %g") },
  [OV_HEALTH_ENGAGEMENT] = { 100, N_("Engagement is a percentage from 0 to 100, not %g") },
  [OV_HEALTH_NPS] = { 10, N_("An NPS response is from 0 to 10, not %g") },
  [OV_HEALTH_OVERDUE] = { INFINITY, N_("Overdue tasks are a count of 0 or more, not %g") },
};

/**
 * ov_health_check_weights:
 * @weights: one weight per #OvHealthComponent
 *
 * Weights are finite, 0 or more, and at least one is above 0.
 */
gboolean
ov_health_check_weights (const double  *weights,
                         GError       **error)
{
  gboolean valid = TRUE;
  double total = 0;

  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    {
      valid = valid && isfinite (weights[c]) && weights[c] >= 0;
      total += weights[c];
    }

  if (valid && total > 0)
    return TRUE;

  g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID,
               _("Health weights must be 0 or more, and at least one above 0"));
  return FALSE;
}

static gboolean
check_override (const OvHealthOverride  *override,
                GError                 **error)
{
  if (!isfinite (override->value) || override->value < 0 || override->value > 100)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE,
                   _("A health score set by hand is from 0 to 100, not %g"), override->value);
      return FALSE;
    }
  if (override->reason == NULL || override->reason[0] == '\0')
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID,
                   _("A health score set by hand needs a reason"));
      return FALSE;
    }
  if (override->expires_on == OV_DATE_NONE)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID,
                   _("A health score set by hand needs a date until which it holds"));
      return FALSE;
    }

  return TRUE;
}

/* The missing component with the largest weight, or else the present one
 * that falls furthest short, weight × (100 − value); the first on a tie. */
static void
find_lift (const double  *weights,
           OvHealthScore *score)
{
  double best = 0;

  score->lift = OV_HEALTH_N_COMPONENTS;
  score->lift_missing = FALSE;

  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    if (isnan (score->normalised[c]) && weights[c] > best)
      {
        best = weights[c];
        score->lift = c;
        score->lift_missing = TRUE;
      }

  if (score->lift_missing)
    return;

  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    {
      double gap = weights[c] * (100 - score->normalised[c]);

      if (gap > best)
        {
          best = gap;
          score->lift = c;
        }
    }
}

/**
 * ov_health_default_weights:
 *
 * Returns: (array fixed-size=4): usage 35, engagement 25, NPS 20, overdue
 *   tasks 20
 */
const double *
ov_health_default_weights (void)
{
  return default_weights;
}

/**
 * ov_health_normalise:
 * @component: which component @value is of
 * @value: the value in the component's own unit
 * @normalised: (out): the value on 0–100, higher is healthier
 *
 * Usage and engagement are percentages already and stay as they are; an
 * NPS response (0–10) is multiplied by 10; overdue tasks cost
 * %OV_HEALTH_OVERDUE_PENALTY points each from 100, down to 0.
 *
 * Returns: %FALSE, with @error set, when @value is not finite or is
 *   outside the component's range (overdue tasks: not a whole number of 0
 *   or more)
 */
gboolean
ov_health_normalise (OvHealthComponent   component,
                     double              value,
                     double             *normalised,
                     GError            **error)
{
  g_return_val_if_fail (component < OV_HEALTH_N_COMPONENTS, FALSE);
  g_return_val_if_fail (normalised != NULL, FALSE);

  if (!isfinite (value) || value < 0 || value > components[component].max ||
      (component == OV_HEALTH_OVERDUE && value != floor (value)))
    {
      /* The formats are the table's own literals, each with one %g. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_set_error (error, OV_METRICS_ERROR,
                   isfinite (value) ? OV_METRICS_ERROR_OUT_OF_RANGE : OV_METRICS_ERROR_NOT_FINITE,
                   _(components[component].out_of_range), value);
#pragma GCC diagnostic pop
      return FALSE;
    }

  switch (component)
    {
    case OV_HEALTH_NPS:
      *normalised = value * 10;
      break;
    case OV_HEALTH_OVERDUE:
      *normalised = MAX (0.0, 100 - OV_HEALTH_OVERDUE_PENALTY * value);
      break;
    case OV_HEALTH_USAGE:
    case OV_HEALTH_ENGAGEMENT:
    case OV_HEALTH_N_COMPONENTS:
    default:
      *normalised = value;
      break;
    }

  return TRUE;
}

/**
 * ov_health_score:
 * @inputs: which components have data, and their values
 * @weights: (array fixed-size=4) (nullable): each component's weight, 0 or
 *   more; %NULL for ov_health_default_weights()
 * @override: (nullable): a score set by hand
 * @today: the date the score is for
 * @score: (out): the score and how it came about
 *
 * Each present component is normalised to 0–100 (ov_health_normalise());
 * the computed score is their mean weighted by the present components'
 * weights, which is the same as sharing a missing component's weight among
 * the present ones in proportion to theirs. Coverage is the present
 * components' weight over all the weight. A component's contribution is
 * its weight × its value over the present weight, so the contributions add
 * up to the score. The lift is the missing component with the largest
 * weight (data first), or else the present one with the largest
 * weight × (100 − value); none when every component with a weight is at 100.
 *
 * An override wins while @today is on or before @override->expires_on;
 * from the day after, the computed score is the score again.
 * Either way the components are worked out.
 *
 * Returns: %FALSE, with @error set, for a component value outside its
 *   range, weights that are negative or all 0, or an override without a
 *   value from 0 to 100, a reason or an expiry date
 */
gboolean
ov_health_score (const OvHealthInputs    *inputs,
                 const double            *weights,
                 const OvHealthOverride  *override,
                 OvDate                   today,
                 OvHealthScore           *score,
                 GError                 **error)
{
  OvHealthScore out = { .computed = NAN };
  double total = 0, present = 0;

  g_return_val_if_fail (inputs != NULL, FALSE);
  g_return_val_if_fail (score != NULL, FALSE);

  if (weights == NULL)
    weights = default_weights;

  if (!ov_health_check_weights (weights, error))
    return FALSE;
  if (override != NULL && !check_override (override, error))
    return FALSE;

  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    {
      out.normalised[c] = NAN;
      total += weights[c];
      if (!inputs->present[c])
        continue;
      if (!ov_health_normalise (c, inputs->value[c], &out.normalised[c], error))
        return FALSE;
      present += weights[c];
    }

  out.coverage = present / total;
  if (present > 0)
    {
      out.computed = 0;
      for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
        if (inputs->present[c])
          {
            out.contribution[c] = weights[c] * out.normalised[c] / present;
            out.computed += out.contribution[c];
          }
    }

  find_lift (weights, &out);

  out.overridden = override != NULL && today <= override->expires_on;
  out.score = out.overridden ? override->value : out.computed;
  *score = out;
  return TRUE;
}
