/* ov-insights-chart.c — each Insights figure as a chart, and in a sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group of fewer than OV_INSIGHTS_MIN_GROUP values gets no box (no
 * statistic); the sentence names its values instead. Every sentence says
 * how many accounts the figure rests on, and that it shows an association.
 */

#define G_LOG_DOMAIN "ov-insights"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ov-insights-private.h"
#include "ov-metric-kind.h"
#include "ov-stage.h"
#include "ov-stats.h"

/**
 * ov_insights_format_p:
 *
 * Returns: a p-value as the figures write it, "p = 0.042", or "p < 0.001"
 *   rather than a misleading "p = 0.000", both with the decimal mark of
 *   the figures around them (LC_NUMERIC: "p < 0,001" in German); "–" when
 *   there is none
 */
char *
ov_insights_format_p (double p)
{
  if (isnan (p))
    return g_strdup ("–");
  if (p < 0.001)
    return g_strdup_printf ("p\u00a0<\u00a0%.3f", 0.001);
  return g_strdup_printf ("p\u00a0=\u00a0%.3f", p);
}

const char *
ov_insights_metric_title (const char *metric)
{
  const OvMetricKind *kind = ov_metric_kind_find (metric, -1);

  return kind != NULL ? g_dgettext (GETTEXT_PACKAGE, kind->title) : metric;
}

const char *
ov_insights_package_title (const char *package)
{
  return package[0] != '\0' ? package : _("No package");
}

static const char *
cohort_title (OvInsightsCohort cohort)
{
  return cohort == OV_INSIGHTS_BEFORE ? _("Before") : _("After");
}

static void
set_box (OvChart              *chart,
         guint                 series,
         guint                 category,
         const OvInsightsTtfv *ttfv)
{
  OvChartBox box = { (int)ttfv->n, ttfv->min, ttfv->q1, ttfv->median, ttfv->q3, ttfv->max };

  if (ttfv->has_stats)
    ov_chart_set_box (chart, series, category, &box);
}

static void
add_curve (OvChart          *chart,
           const char       *name,
           const OvSurvival *curve)
{
  guint series;

  if (curve == NULL || curve->n == 0)
    return;

  series = ov_chart_add_series (chart, name);
  ov_chart_add_point (chart, series, 0, 0);
  for (guint i = 0; i < curve->n_steps; i++)
    if (curve->steps[i].events > 0 || i + 1 == curve->n_steps)
      ov_chart_add_point (chart, series, curve->steps[i].day, 100.0 * curve->steps[i].reached);
}

static OvChart *
chart_ttfv_cohorts (OvInsights *self)
{
  OvChart *chart = ov_chart_new (OV_CHART_BOX);

  ov_chart_set_title (chart, _("Time to first value, before and after the program start"));
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, _("Cohort"), NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, _("Time to first value"), _("days"));
  ov_chart_add_series (chart, _("Time to first value"));
  for (guint c = 0; c < OV_INSIGHTS_N_COHORTS; c++)
    {
      ov_chart_add_category (chart, cohort_title (c));
      set_box (chart, 0, c, &self->cohorts[c].ttfv);
    }
  return chart;
}

static OvChart *
chart_curve (OvInsights *self,
             gboolean    by_package)
{
  OvChart *chart = ov_chart_new (OV_CHART_STEP);

  ov_chart_set_title (chart, by_package ? _("Share that reached first value, by package")
                                        : _("Share that reached first value, by cohort"));
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, _("Time since the close date"), _("days"));
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, _("Reached first value"), "%");
  ov_chart_set_axis_range (chart, OV_CHART_AXIS_Y, 0, 100);
  ov_chart_set_show_legend (chart, TRUE);

  if (by_package)
    for (guint p = 0; p < self->packages->len; p++)
      {
        const OvInsightsPackageGroup *group = &g_array_index (self->packages,
                                                              OvInsightsPackageGroup, p);

        add_curve (chart, ov_insights_package_title (group->package.package), group->group.curve);
      }
  else
    for (guint c = 0; c < OV_INSIGHTS_N_COHORTS; c++)
      add_curve (chart, cohort_title (c), self->cohorts[c].curve);
  return chart;
}

static OvChart *
chart_ttfv_by_package (OvInsights *self)
{
  OvChart *chart = ov_chart_new (OV_CHART_BOX);

  ov_chart_set_title (chart, _("Time to first value by package"));
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, _("Package"), NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, _("Time to first value"), _("days"));
  ov_chart_add_series (chart, _("Time to first value"));
  for (guint p = 0; p < self->package_list->len; p++)
    {
      const OvInsightsPackage *package = &g_array_index (self->package_list, OvInsightsPackage, p);

      ov_chart_add_category (chart, ov_insights_package_title (package->package));
      set_box (chart, 0, p, &package->ttfv);
    }
  return chart;
}

static OvChart *
chart_attendance (OvInsights *self)
{
  OvChart *chart = ov_chart_new (OV_CHART_BAR);

  ov_chart_set_title (chart, _("Meetings attended by package"));
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, _("Package"), NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, _("Attended of scheduled"), "%");
  ov_chart_set_axis_range (chart, OV_CHART_AXIS_Y, 0, 100);
  ov_chart_add_series (chart, _("Attended"));
  for (guint p = 0; p < self->package_list->len; p++)
    {
      const OvInsightsPackage *package = &g_array_index (self->package_list, OvInsightsPackage, p);

      ov_chart_add_category (chart, ov_insights_package_title (package->package));
      if (!isnan (package->rate))
        ov_chart_set_value (chart, 0, p, 100.0 * package->rate, (int)package->n_with_meetings);
    }
  return chart;
}

static OvChart *
chart_funnel (OvInsights *self)
{
  OvChart *chart = ov_chart_new (OV_CHART_HORIZONTAL_BAR);

  ov_chart_set_title (chart, _("Accounts that reached each stage"));
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, _("Stage"), NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, _("Accounts"), NULL);
  ov_chart_add_series (chart, _("Reached"));
  for (guint s = 0; s < OV_N_STAGES; s++)
    {
      ov_chart_add_category (chart, ov_stage_get_title (self->funnel[s].stage));
      ov_chart_set_value (chart, 0, s, self->funnel[s].reached, (int)self->funnel[s].reached);
    }
  return chart;
}

static OvChart *
chart_baseline_latest (OvInsights             *self,
                       const OvInsightsMetric *metric)
{
  const OvInsightsPaired *paired = &metric->paired;
  OvChart *chart;

  if (paired->has_stats)
    {
      g_autofree double *scratch = g_new (double, paired->n);
      const double *columns[2] = { paired->baseline, paired->latest };

      chart = ov_chart_new (OV_CHART_BOX);
      ov_chart_add_series (chart, ov_insights_metric_title (metric->name));
      for (guint c = 0; c < 2; c++)
        {
          OvQuartiles q;
          OvChartBox box;

          ov_chart_add_category (chart, c == 0 ? _("Baseline") : _("Latest"));
          memcpy (scratch, columns[c], sizeof (double) * paired->n);
          if (!ov_stats_quartiles (scratch, paired->n, &q, NULL))
            continue;
          box = (OvChartBox) { (int)q.n, q.min, q.q1, q.median, q.q3, q.max };
          ov_chart_set_box (chart, 0, c, &box);
        }
    }
  else
    {
      /* too few for a statistic: each account's pair as it is */
      chart = ov_chart_new (OV_CHART_GROUPED_BAR);
      ov_chart_add_series (chart, _("Baseline"));
      ov_chart_add_series (chart, _("Latest"));
      ov_chart_set_show_legend (chart, TRUE);
      for (guint i = 0; i < paired->n; i++)
        {
          g_autofree char *label = g_strdup_printf (_("Account %u"), i + 1);

          ov_chart_add_category (chart, label);
          ov_chart_set_value (chart, 0, i, paired->baseline[i], 1);
          ov_chart_set_value (chart, 1, i, paired->latest[i], 1);
        }
    }

  ov_chart_set_title (chart, ov_insights_metric_title (metric->name));
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, _("Measurement"), NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, ov_insights_metric_title (metric->name), NULL);
  return chart;
}

static OvChart *
chart_revenue (OvInsights *self)
{
  OvChart *chart = ov_chart_new (OV_CHART_GROUPED_BAR);

  ov_chart_set_title (chart, _("Net and gross revenue retention by currency"));
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, _("Currency"), NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, _("Retention"), "%");
  ov_chart_add_series (chart, _("NRR"));
  ov_chart_add_series (chart, _("GRR"));
  ov_chart_set_show_legend (chart, TRUE);
  for (guint i = 0; i < self->retention->len; i++)
    {
      const OvRetention *retention = &g_array_index (self->retention, OvRetention, i);

      ov_chart_add_category (chart, retention->currency[0] != '\0' ? retention->currency : "—");
      if (!isnan (retention->nrr))
        ov_chart_set_value (chart, 0, i, 100.0 * retention->nrr, (int)retention->n_accounts);
      if (!isnan (retention->grr))
        ov_chart_set_value (chart, 1, i, 100.0 * retention->grr, (int)retention->n_accounts);
    }
  return chart;
}

static OvChart *
chart_trend (OvInsights             *self,
             const OvInsightsMetric *metric)
{
  OvChart *chart = ov_chart_new (OV_CHART_LINE);
  guint series;

  ov_chart_set_title (chart, ov_insights_metric_title (metric->name));
  ov_chart_set_x_dates (chart, TRUE);
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, _("Month"), NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, ov_insights_metric_title (metric->name), NULL);
  series = ov_chart_add_series (chart, _("Monthly median"));
  for (guint m = 0; m < metric->months->len; m++)
    {
      const OvInsightsMonth *month = &g_array_index (metric->months, OvInsightsMonth, m);

      if (!isnan (month->median))
        ov_chart_add_point (chart, series, month->month, month->median);
    }
  return chart;
}

/**
 * ov_insights_build_chart:
 * @metric: (nullable): the metric of OV_INSIGHTS_BASELINE_LATEST and
 *   OV_INSIGHTS_TREND
 *
 * Returns: (transfer full) (nullable): the figure as a chart, or %NULL
 *   when it has nothing to show (no program start for the cohorts, a
 *   metric without measurements)
 */
OvChart *
ov_insights_build_chart (OvInsights       *self,
                         OvInsightsFigure  figure,
                         const char       *metric)
{
  g_autoptr(OvChart) chart = NULL;
  const OvInsightsMetric *found = NULL;

  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);
  g_return_val_if_fail (figure < OV_INSIGHTS_N_FIGURES, NULL);

  if (figure == OV_INSIGHTS_BASELINE_LATEST || figure == OV_INSIGHTS_TREND)
    {
      found = ov_insights_find_metric (self, metric);
      if (found == NULL)
        return NULL;
    }

  switch (figure)
    {
    case OV_INSIGHTS_TTFV_COHORTS:
      chart = chart_ttfv_cohorts (self);
      break;
    case OV_INSIGHTS_TTFV_CURVE:
      chart = chart_curve (self, FALSE);
      break;
    case OV_INSIGHTS_TTFV_CURVE_BY_PACKAGE:
      chart = chart_curve (self, TRUE);
      break;
    case OV_INSIGHTS_TTFV_BY_PACKAGE:
      chart = chart_ttfv_by_package (self);
      break;
    case OV_INSIGHTS_ATTENDANCE_BY_PACKAGE:
      chart = chart_attendance (self);
      break;
    case OV_INSIGHTS_FUNNEL:
      chart = chart_funnel (self);
      break;
    case OV_INSIGHTS_BASELINE_LATEST:
      chart = chart_baseline_latest (self, found);
      break;
    case OV_INSIGHTS_REVENUE:
      chart = chart_revenue (self);
      break;
    case OV_INSIGHTS_TREND:
      chart = chart_trend (self, found);
      break;
    case OV_INSIGHTS_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }

  if (ov_chart_is_empty (chart))
    return NULL;
  return g_steal_pointer (&chart);
}

/* "12, 30 and 41" */
static void
append_values (GString      *out,
               const double *values,
               guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? _(" and ") : ", ");
      g_string_append_printf (out, "%g", values[i]);
    }
}

static void
describe_ttfv (GString              *out,
               const char           *group,
               const OvInsightsTtfv *ttfv)
{
  if (ttfv->has_stats)
    /* Translators: "Before: median 42 days (quartiles 30–60) over 120 accounts, 8 still open." */
    g_string_append_printf (out, _(" %s: median %.0f days (quartiles %.0f–%.0f) over %u accounts, "
                                   "%u still open."),
                            group, ttfv->median, ttfv->q1, ttfv->q3, ttfv->n, ttfv->open);
  else
    {
      g_string_append_printf (out, _(" %s: too few accounts for a statistic (%u reached first "
                                     "value, %u still open)"),
                              group, ttfv->n, ttfv->open);
      if (ttfv->n > 0)
        {
          g_string_append (out, _(", days: "));
          append_values (out, ttfv->days, ttfv->n);
        }
      g_string_append (out, ".");
    }
  if (ttfv->inconsistent > 0)
    g_string_append_printf (out, ngettext (" %u left out: its first value is dated before its "
                                           "close.",
                                           " %u left out: their first value is dated before "
                                           "their close.",
                                           ttfv->inconsistent),
                            ttfv->inconsistent);
}

static char *
describe_ttfv_cohorts (OvInsights *self)
{
  g_autofree char *p_text = NULL;
  GString *out;

  if (self->filter.program_start == OV_DATE_NONE)
    return g_strdup (_("No program start date is set, so there are no before and after cohorts; "
                       "set one in Preferences or with --program-start."));

  out = g_string_new (NULL);

  g_string_append (out, _("Days from close to first value for accounts closed before and after "
                          "the program start."));
  for (guint c = 0; c < OV_INSIGHTS_N_COHORTS; c++)
    describe_ttfv (out, cohort_title (c), &self->cohorts[c].ttfv);
  if (self->shift.available)
    g_string_append_printf (out, _(" After is associated with a shift of %.1f days (95 %% interval "
                                   "%.1f to %.1f, %s); an association, not proof of cause."),
                            self->shift.estimate, self->shift.low, self->shift.high,
                            (p_text = ov_insights_format_p (self->shift.p)));
  return g_string_free (out, FALSE);
}

/**
 * ov_insights_describe:
 *
 * Returns: (transfer full): one plain-language paragraph: what the figure
 *   shows, on how many accounts, and that it is an association
 */
char *
ov_insights_describe (OvInsights       *self,
                      OvInsightsFigure  figure,
                      const char       *metric)
{
  g_autofree char *p_text = NULL;
  const OvInsightsMetric *found;
  guint n = 0;

  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);

  switch (figure)
    {
    case OV_INSIGHTS_TTFV_COHORTS:
      return describe_ttfv_cohorts (self);
    case OV_INSIGHTS_TTFV_CURVE:
      if (self->filter.program_start == OV_DATE_NONE)
        return describe_ttfv_cohorts (self);
      for (guint c = 0; c < OV_INSIGHTS_N_COHORTS; c++)
        n += self->cohorts[c].ttfv.n + self->cohorts[c].ttfv.open;
      return g_strdup_printf (_("The share of accounts that reached first value by each day after "
                                "their close, before and after the program start, over %u "
                                "accounts; open onboardings count as still open. An association, "
                                "not proof of cause."), n);
    case OV_INSIGHTS_TTFV_CURVE_BY_PACKAGE:
    case OV_INSIGHTS_TTFV_BY_PACKAGE:
      for (guint p = 0; p < self->package_list->len; p++)
        {
          const OvInsightsPackage *package = &g_array_index (self->package_list,
                                                             OvInsightsPackage, p);

          n += package->ttfv.n + package->ttfv.open;
        }
      return g_strdup_printf (_("Time to first value per package over %u accounts, open "
                                "onboardings counted as open; packages with fewer than %d "
                                "accounts that reached value show no statistic. Customers choose "
                                "their package, so this is an association, not proof of cause."),
                              n, OV_INSIGHTS_MIN_GROUP);
    case OV_INSIGHTS_ATTENDANCE_BY_PACKAGE:
      for (guint p = 0; p < self->package_list->len; p++)
        n += g_array_index (self->package_list, OvInsightsPackage, p).n_with_meetings;
      return g_strdup_printf (_("Meetings attended of those scheduled, per package, over %u "
                                "accounts with meetings. An association, not proof of cause."), n);
    case OV_INSIGHTS_FUNNEL:
      return g_strdup_printf (_("How many of %u accounts reached each stage, and how many left "
                                "the funnel between stages."), self->accounts->len);
    case OV_INSIGHTS_BASELINE_LATEST:
      found = ov_insights_find_metric (self, metric);
      if (found == NULL)
        return g_strdup (_("No measurements of this metric on these accounts."));
      if (!found->paired.has_stats)
        return g_strdup_printf (_("Each account's own baseline and latest %s, on %u accounts: too "
                                  "few for a statistic."),
                                ov_insights_metric_title (found->name), found->paired.n);
      return g_strdup_printf (_("Each account's own baseline and latest %s, on %u accounts: the "
                                "median changed by %g (Wilcoxon %s). An association, not "
                                "proof of cause."),
                              ov_insights_metric_title (found->name), found->paired.n,
                              found->paired.median_change,
                              (p_text = ov_insights_format_p (found->paired.p)));
    case OV_INSIGHTS_REVENUE:
      return g_strdup_printf (_("Net and gross revenue retention per currency over the %u accounts "
                                "that were customers at the start of the period; %u of them "
                                "churned in it."),
                              self->churn.n_start, self->churn.n_churned);
    case OV_INSIGHTS_TREND:
      found = ov_insights_find_metric (self, metric);
      if (found == NULL)
        return g_strdup (_("No measurements of this metric on these accounts."));
      for (guint m = 0; m < found->months->len; m++)
        n += g_array_index (found->months, OvInsightsMonth, m).n;
      return g_strdup_printf (_("The monthly median of %s over %u measurements in the period; "
                                "months with fewer than %d measurements show no median."),
                              ov_insights_metric_title (found->name), n, OV_INSIGHTS_MIN_GROUP);
    case OV_INSIGHTS_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}
