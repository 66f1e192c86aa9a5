/* ov-health-format.c — the words and numbers the health widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each component is named, its raw value said in its own unit ("3 of 4
 * meetings attended"), and the one thing that would raise the score most
 * said as something to do.
 */

#define G_LOG_DOMAIN "ov-health-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-health-format.h"

const char *
ov_health_component_title (OvHealthComponent component)
{
  switch (component)
    {
    case OV_HEALTH_USAGE:
      return _("Product Usage");
    case OV_HEALTH_ENGAGEMENT:
      return _("Engagement");
    case OV_HEALTH_NPS:
      return _("NPS");
    case OV_HEALTH_OVERDUE:
      return _("Overdue Tasks");
    case OV_HEALTH_N_COMPONENTS:
    default:
      g_return_val_if_reached ("");
    }
}

/* "80 %": a share 0–1 as a whole percentage. */
char *
ov_health_format_percent (double fraction)
{
  /* Translators: a percentage; keep the no-break space if your language
   * puts one before the sign. */
  return g_strdup_printf (_("%.0f %%"), 100 * fraction);
}

/* The component's value in its own unit, or what is missing. */
static char *
describe_value (const OvHealthFacts      *facts,
                const OvHealthAssessment *assessment,
                OvHealthComponent         component)
{
  double value = assessment->inputs.value[component];

  if (!assessment->inputs.present[component])
    {
      switch (component)
        {
        case OV_HEALTH_USAGE:
          return g_strdup (_("No usage recorded"));
        case OV_HEALTH_ENGAGEMENT:
          return g_strdup (_("No meetings held yet"));
        case OV_HEALTH_NPS:
          return g_strdup (_("No NPS response"));
        case OV_HEALTH_OVERDUE:
          return g_strdup (_("No tasks planned"));
        case OV_HEALTH_N_COMPONENTS:
        default:
          g_return_val_if_reached (NULL);
        }
    }

  switch (component)
    {
    case OV_HEALTH_USAGE:
      {
        g_autofree char *day = ov_date_to_display (facts->usage_on);

        /* Translators: "70 % of licensed users active on 1 May 2026" */
        return g_strdup_printf (_("%.0f %% of licensed users active on %s"), value, day);
      }
    case OV_HEALTH_ENGAGEMENT:
      if (facts->meetings_scheduled > 0)
        /* Translators: "2 of 3 meetings attended" */
        return g_strdup_printf (ngettext ("%u of %u meeting attended",
                                          "%u of %u meetings attended",
                                          facts->meetings_scheduled),
                                facts->meetings_attended, facts->meetings_scheduled);
      else
        {
          g_autofree char *day = ov_date_to_display (facts->engagement_on);

          /* Translators: "60 % measured on 5 May 2026" */
          return g_strdup_printf (_("%.0f %% measured on %s"), value, day);
        }
    case OV_HEALTH_NPS:
      {
        g_autofree char *day = ov_date_to_display (facts->nps_on);

        if (facts->nps_responses > 1)
          /* Translators: "8 on average of 2 responses on 15 May 2026" */
          return g_strdup_printf (_("%.1f on average of %u responses on %s"), value,
                                  facts->nps_responses, day);
        /* Translators: "9 on 15 May 2026", an NPS response of 0–10 */
        return g_strdup_printf (_("%.0f on %s"), value, day);
      }
    case OV_HEALTH_OVERDUE:
      return g_strdup_printf (ngettext ("%.0f of %u task overdue", "%.0f of %u tasks overdue",
                                        facts->tasks),
                              value, facts->tasks);
    case OV_HEALTH_N_COMPONENTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ov_health_describe_input:
 *
 * Returns: the component's value, weight and points, one line: "2 of 3
 *   meetings attended · weight 25 · 16.7 points", or for a missing one
 *   "No NPS response · weight 20, shared among the others"
 */
char *
ov_health_describe_input (const OvHealthFacts      *facts,
                          const OvHealthAssessment *assessment,
                          OvHealthComponent         component)
{
  g_autofree char *value = describe_value (facts, assessment, component);
  double weight = assessment->weights[component];

  if (!assessment->inputs.present[component])
    /* Translators: "No NPS response · weight 20, shared among the others" */
    return g_strdup_printf (_("%s · weight %g, shared among the others"), value, weight);

  /* Translators: "2 of 3 meetings attended · weight 25 · 16.7 points" */
  return g_strdup_printf (_("%s · weight %g · %.1f points"), value, weight,
                          assessment->score.contribution[component]);
}

/**
 * ov_health_describe_lift:
 *
 * Returns: (nullable): what to do to raise the score most, or %NULL when
 *   every component with a weight is already at its best
 */
char *
ov_health_describe_lift (const OvHealthAssessment *assessment)
{
  if (assessment->score.lift >= OV_HEALTH_N_COMPONENTS)
    return NULL;

  if (assessment->score.lift_missing)
    switch (assessment->score.lift)
      {
      case OV_HEALTH_USAGE:
        return g_strdup (_("Record product usage to raise coverage"));
      case OV_HEALTH_ENGAGEMENT:
        return g_strdup (_("Record the meetings held to raise coverage"));
      case OV_HEALTH_NPS:
        return g_strdup (_("Ask for an NPS response to raise coverage"));
      case OV_HEALTH_OVERDUE:
        return g_strdup (_("Plan the onboarding’s tasks to raise coverage"));
      case OV_HEALTH_N_COMPONENTS:
      default:
        g_return_val_if_reached (NULL);
      }

  switch (assessment->score.lift)
    {
    case OV_HEALTH_USAGE:
      return g_strdup (_("More active users would raise it most"));
    case OV_HEALTH_ENGAGEMENT:
      return g_strdup (_("Better meeting attendance would raise it most"));
    case OV_HEALTH_NPS:
      return g_strdup (_("A happier customer (a better NPS) would raise it most"));
    case OV_HEALTH_OVERDUE:
      return g_strdup (_("Finishing the overdue tasks would raise it most"));
    case OV_HEALTH_N_COMPONENTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ov_health_describe_source:
 *
 * Returns: how the score shown was made, one sentence
 */
char *
ov_health_describe_source (const OvHealthFacts      *facts,
                           const OvHealthAssessment *assessment)
{
  g_autofree char *coverage = ov_health_format_percent (assessment->score.coverage);

  switch (assessment->source)
    {
    case OV_HEALTH_SOURCE_NONE:
      return g_strdup (_("Not enough data: nothing the score rests on is recorded yet"));
    case OV_HEALTH_SOURCE_COMPUTED:
      /* Translators: "Weighted from the components below, on 80 % of the weight" */
      return g_strdup_printf (_("Weighted from the components below, on %s of the weight"),
                              coverage);
    case OV_HEALTH_SOURCE_RECORDED:
      {
        g_autofree char *day = ov_date_to_display (facts->recorded_on);

        /* Translators: "Recorded on 1 Apr 2026, newer than every component" */
        return g_strdup_printf (_("Recorded on %s, newer than every component"), day);
      }
    case OV_HEALTH_SOURCE_OVERRIDE:
      if (isnan (assessment->score.computed))
        return g_strdup (_("Set by hand; the components have no data"));
      {
        g_autofree char *computed = ov_health_format_score (assessment->score.computed);

        /* Translators: "Set by hand; the components would make it 72" */
        return g_strdup_printf (_("Set by hand; the components would make it %s"), computed);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ov_health_status_of:
 * @css_class: (out) (optional): a style class for the status
 *
 * Returns: "At risk" under 50, "Watch" under 70, else "Healthy"; "No
 *   score" without one
 */
const char *
ov_health_status_of (const OvHealthAssessment *assessment,
                     const char              **css_class)
{
  const char *style = "dim-label";
  const char *text;

  if (assessment->source == OV_HEALTH_SOURCE_NONE)
    text = _("No score");
  else if (assessment->value < OV_HEALTH_AT_RISK_BELOW)
    {
      text = _("At risk");
      style = "error";
    }
  else if (assessment->value < OV_HEALTH_WATCH_BELOW)
    {
      text = _("Watch");
      style = "warning";
    }
  else
    {
      text = _("Healthy");
      style = "success";
    }

  if (css_class != NULL)
    *css_class = style;
  return text;
}
