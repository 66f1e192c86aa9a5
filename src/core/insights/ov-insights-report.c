/* ov-insights-report.c — the figures as the JSON object of `overture-cli
 * insights --json`, and as a readable report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rates, NRR and GRR are fractions; a figure without a value (a median of
 * no values, a rate of nothing scheduled) is null; "" is "no package".
 */

#define G_LOG_DOMAIN "ov-insights"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ov-insights-private.h"
#include "ov-stage.h"

static void
add_number (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *key,
          OvDate       date)
{
  json_builder_set_member_name (builder, key);
  if (date == OV_DATE_NONE)
    json_builder_add_null_value (builder);
  else
    {
      char text[11];

      ov_date_write_iso (date, text);
      json_builder_add_string_value (builder, text);
    }
}

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *text)
{
  json_builder_set_member_name (builder, key);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static void
add_ttfv_members (JsonBuilder          *builder,
                  const OvInsightsTtfv *ttfv)
{
  add_int (builder, "n", ttfv->n);
  add_int (builder, "open", ttfv->open);
  add_int (builder, "inconsistent", ttfv->inconsistent);
  add_number (builder, "median", ttfv->median);
  add_number (builder, "q1", ttfv->q1);
  add_number (builder, "q3", ttfv->q3);
}

static void
add_ttfv (JsonBuilder          *builder,
          const char           *key,
          const OvInsightsTtfv *ttfv)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  add_ttfv_members (builder, ttfv);
  json_builder_end_object (builder);
}

static void
add_ttfv_figures (OvInsights  *self,
                  JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "ttfv");
  json_builder_begin_object (builder);
  add_ttfv (builder, "before", &self->cohorts[OV_INSIGHTS_BEFORE].ttfv);
  add_ttfv (builder, "after", &self->cohorts[OV_INSIGHTS_AFTER].ttfv);
  json_builder_set_member_name (builder, "shift");
  json_builder_begin_object (builder);
  add_number (builder, "estimate", self->shift.estimate);
  json_builder_set_member_name (builder, "ci95");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 2; i++)
    {
      double end = i == 0 ? self->shift.low : self->shift.high;

      if (isfinite (end))
        json_builder_add_double_value (builder, end);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_array (builder);
  add_number (builder, "p", self->shift.p);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_funnel (OvInsights  *self,
            JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "funnel");
  json_builder_begin_array (builder);
  for (guint s = 0; s < OV_N_STAGES; s++)
    {
      json_builder_begin_object (builder);
      add_text (builder, "stage", ov_stage_get_id (self->funnel[s].stage));
      add_int (builder, "reached", self->funnel[s].reached);
      add_int (builder, "now", self->funnel[s].now);
      add_number (builder, "drop_off", self->funnel[s].drop_off);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_packages (OvInsights  *self,
              JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "ttfv_by_package");
  json_builder_begin_array (builder);
  for (guint p = 0; p < self->package_list->len; p++)
    {
      const OvInsightsPackage *package = &g_array_index (self->package_list, OvInsightsPackage, p);

      json_builder_begin_object (builder);
      add_text (builder, "package", package->package);
      add_int (builder, "accounts", package->n_accounts);
      add_ttfv_members (builder, &package->ttfv);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attendance_by_package");
  json_builder_begin_array (builder);
  for (guint p = 0; p < self->package_list->len; p++)
    {
      const OvInsightsPackage *package = &g_array_index (self->package_list, OvInsightsPackage, p);

      json_builder_begin_object (builder);
      add_text (builder, "package", package->package);
      add_int (builder, "n", package->n_with_meetings);
      add_int (builder, "scheduled", package->scheduled);
      add_int (builder, "attended", package->attended);
      add_number (builder, "rate", package->rate);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_revenue (OvInsights  *self,
             JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "nps");
  json_builder_begin_object (builder);
  add_int (builder, "n", self->nps.n);
  add_int (builder, "promoters", self->nps.promoters);
  add_int (builder, "passives", self->nps.passives);
  add_int (builder, "detractors", self->nps.detractors);
  add_number (builder, "score", self->nps.n > 0 ? self->nps.score : NAN);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "logo_churn");
  json_builder_begin_object (builder);
  add_int (builder, "start_accounts", self->churn.n_start);
  add_int (builder, "churned", self->churn.n_churned);
  add_number (builder, "rate", self->churn.rate);
  json_builder_end_object (builder);

  for (guint which = 0; which < 2; which++)
    {
      json_builder_set_member_name (builder, which == 0 ? "nrr" : "grr");
      json_builder_begin_object (builder);
      for (guint i = 0; i < self->retention->len; i++)
        {
          const OvRetention *retention = &g_array_index (self->retention, OvRetention, i);

          add_number (builder, retention->currency, which == 0 ? retention->nrr : retention->grr);
        }
      json_builder_end_object (builder);
    }

  /* The starting accounts NRR and GRR left out, per currency: their ARR
   * is not known, and 0 would be a guess. */
  json_builder_set_member_name (builder, "retention_without_arr");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->retention->len; i++)
    {
      const OvRetention *retention = &g_array_index (self->retention, OvRetention, i);

      add_int (builder, retention->currency, retention->n_without_arr);
    }
  json_builder_end_object (builder);
}

static void
add_measurements (OvInsights  *self,
                  JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "baseline_vs_latest");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->metrics->len; i++)
    {
      const OvInsightsMetric *metric = g_ptr_array_index (self->metrics, i);

      json_builder_begin_object (builder);
      add_text (builder, "metric", metric->name);
      add_int (builder, "n", metric->paired.n);
      add_number (builder, "median_baseline", metric->paired.median_baseline);
      add_number (builder, "median_latest", metric->paired.median_latest);
      add_number (builder, "median_change", metric->paired.median_change);
      add_number (builder, "p", metric->paired.p);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "trend");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->metrics->len; i++)
    {
      const OvInsightsMetric *metric = g_ptr_array_index (self->metrics, i);

      json_builder_set_member_name (builder, metric->name);
      json_builder_begin_array (builder);
      for (guint m = 0; m < metric->months->len; m++)
        {
          const OvInsightsMonth *month = &g_array_index (metric->months, OvInsightsMonth, m);

          json_builder_begin_object (builder);
          add_date (builder, "month", month->month);
          add_int (builder, "n", month->n);
          add_number (builder, "median", month->median);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/**
 * ov_insights_to_json:
 *
 * Returns: (transfer full): every figure as one JSON object, pretty-printed
 */
char *
ov_insights_to_json (OvInsights *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);

  json_builder_begin_object (builder);
  add_int (builder, "accounts", self->accounts->len);
  add_date (builder, "program_start", self->filter.program_start);
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  add_date (builder, "from", self->filter.from);
  add_date (builder, "to", self->filter.to);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "filter");
  json_builder_begin_object (builder);
  add_text (builder, "segment", self->filter.segment);
  add_text (builder, "owner", self->filter.owner);
  add_text (builder, "package", self->filter.package);
  add_date (builder, "closed_from", self->filter.closed_from);
  add_date (builder, "closed_to", self->filter.closed_to);
  add_date (builder, "today", self->filter.today);
  json_builder_end_object (builder);

  add_ttfv_figures (self, builder);
  add_funnel (self, builder);
  add_packages (self, builder);
  add_revenue (self, builder);
  add_measurements (self, builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* "42 days", or "—" for none */
static char *
days_text (double days)
{
  if (!isfinite (days))
    return g_strdup ("—");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g day", "%g days",
                                       days == 1 ? 1 : 2), days);
}

static char *
percent_text (double fraction)
{
  if (!isfinite (fraction))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f %%", 100.0 * fraction);
}

static void
text_ttfv (GString              *out,
           const char           *label,
           const OvInsightsTtfv *ttfv)
{
  g_autofree char *median = days_text (ttfv->median);
  g_autofree char *q1 = days_text (ttfv->q1);
  g_autofree char *q3 = days_text (ttfv->q3);

  if (ttfv->has_stats)
    g_string_append_printf (out, _("  %-12s n %u, open %u, median %s (Q1 %s, Q3 %s)\n"),
                            label, ttfv->n, ttfv->open, median, q1, q3);
  else
    {
      g_string_append_printf (out, _("  %-12s n %u, open %u, too few for a statistic"),
                              label, ttfv->n, ttfv->open);
      for (guint i = 0; i < ttfv->n; i++)
        g_string_append_printf (out, "%s%g", i == 0 ? ": " : ", ", ttfv->days[i]);
      g_string_append_c (out, '\n');
    }
  if (ttfv->inconsistent > 0)
    g_string_append_printf (out, ngettext ("  %-12s %u left out: first value dated before the "
                                           "close date\n",
                                           "  %-12s %u left out: first value dated before the "
                                           "close date\n",
                                           ttfv->inconsistent),
                            "", ttfv->inconsistent);
}

static void
text_ttfv_section (OvInsights *self,
                   GString    *out)
{
  g_autofree char *p_text = NULL;

  g_string_append (out, _("Time to first value\n"));
  if (self->filter.program_start == OV_DATE_NONE)
    {
      g_string_append (out, _("  No program start date is set: there are no before and after "
                              "cohorts. Set one in Preferences, or pass --program-start "
                              "YYYY-MM-DD.\n"));
      return;
    }
  text_ttfv (out, _("Before"), &self->cohorts[OV_INSIGHTS_BEFORE].ttfv);
  text_ttfv (out, _("After"), &self->cohorts[OV_INSIGHTS_AFTER].ttfv);
  if (self->shift.available)
    g_string_append_printf (out, _("  Shift (Hodges–Lehmann) %.1f days, 95 %% interval %.1f to "
                                   "%.1f, Mann–Whitney %s: an association, not proof of "
                                   "cause\n"),
                            self->shift.estimate, self->shift.low, self->shift.high,
                            (p_text = ov_insights_format_p (self->shift.p)));
  else
    g_string_append_printf (out, _("  No shift: each cohort needs at least %d accounts that "
                                   "reached first value\n"), OV_INSIGHTS_MIN_GROUP);
}

static void
text_packages (OvInsights *self,
               GString    *out)
{
  g_string_append_printf (out, "\n%s\n", _("By package"));
  for (guint p = 0; p < self->package_list->len; p++)
    {
      const OvInsightsPackage *package = &g_array_index (self->package_list, OvInsightsPackage, p);
      g_autofree char *median = days_text (package->ttfv.has_stats ? package->ttfv.median : NAN);
      g_autofree char *rate = percent_text (package->rate);

      g_string_append_printf (out, _("  %s: %u accounts; time to first value n %u, open %u, "
                                     "median %s; meetings %u scheduled, %u attended (%s)\n"),
                              ov_insights_package_title (package->package), package->n_accounts,
                              package->ttfv.n, package->ttfv.open, median, package->scheduled,
                              package->attended, rate);
    }
}

static void
text_revenue (OvInsights *self,
              GString    *out)
{
  g_autofree char *churn = percent_text (self->churn.rate);

  g_string_append_printf (out, "\n%s\n", _("The period"));
  if (self->nps.n > 0)
    g_string_append_printf (out, _("  NPS %.0f over %u responses (%u promoters, %u passives, "
                                   "%u detractors)\n"),
                            self->nps.score, self->nps.n, self->nps.promoters, self->nps.passives,
                            self->nps.detractors);
  else
    g_string_append (out, _("  NPS: no responses in the period\n"));
  g_string_append_printf (out, _("  Logo churn %s: %u of %u accounts\n"), churn,
                          self->churn.n_churned, self->churn.n_start);
  for (guint i = 0; i < self->retention->len; i++)
    {
      const OvRetention *retention = &g_array_index (self->retention, OvRetention, i);
      g_autofree char *nrr = percent_text (retention->nrr);
      g_autofree char *grr = percent_text (retention->grr);

      g_string_append_printf (out, _("  %s: NRR %s, GRR %s over %u accounts\n"),
                              retention->currency[0] != '\0' ? retention->currency : "—",
                              nrr, grr, retention->n_accounts);
      if (retention->n_without_arr > 0)
        g_string_append_printf (out, ngettext ("    (%u account without a known ARR left out)\n",
                                               "    (%u accounts without a known ARR left out)\n",
                                               retention->n_without_arr),
                                retention->n_without_arr);
    }
}

static void
text_measurements (OvInsights *self,
                   GString    *out)
{
  g_string_append_printf (out, "\n%s\n", _("Own baseline vs latest"));
  if (self->metrics->len == 0)
    g_string_append (out, _("  No measurements\n"));
  for (guint i = 0; i < self->metrics->len; i++)
    {
      const OvInsightsMetric *metric = g_ptr_array_index (self->metrics, i);
      const OvInsightsPaired *paired = &metric->paired;

      if (paired->has_stats)
        {
          g_autofree char *p_text = ov_insights_format_p (paired->p);

          g_string_append_printf (out, _("  %s: n %u, median %g → %g, median change %g, "
                                         "Wilcoxon %s\n"),
                                  ov_insights_metric_title (metric->name), paired->n,
                                  paired->median_baseline, paired->median_latest,
                                  paired->median_change, p_text);
        }
      else
        g_string_append_printf (out, _("  %s: n %u, too few pairs for a statistic\n"),
                                ov_insights_metric_title (metric->name), paired->n);
    }
}

/**
 * ov_insights_to_text:
 *
 * Returns: (transfer full): the figures as a readable report, the same as
 *   ov_insights_to_json()
 */
char *
ov_insights_to_text (OvInsights *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (OV_IS_INSIGHTS (self), NULL);

  from = ov_date_to_iso (self->filter.from);
  to = ov_date_to_iso (ov_date_add_days (self->filter.to, -1));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Insights over %u account\n",
                                            "Insights over %u accounts\n", self->accounts->len),
                          self->accounts->len);
  if (self->filter.program_start != OV_DATE_NONE)
    {
      start = ov_date_to_iso (self->filter.program_start);
      g_string_append_printf (out, _("Program start %s\n"), start);
    }
  g_string_append_printf (out, _("Period %s to %s"), from, to);
  g_string_append (out, "\n\n");

  text_ttfv_section (self, out);

  g_string_append_printf (out, "\n%s\n", _("Funnel (reached, now, drop-off to the next stage)"));
  for (guint s = 0; s < OV_N_STAGES; s++)
    {
      g_autofree char *drop = percent_text (self->funnel[s].drop_off);

      g_string_append_printf (out, "  %-10s %8u %8u   %s\n",
                              ov_stage_get_title (self->funnel[s].stage),
                              self->funnel[s].reached, self->funnel[s].now, drop);
    }

  text_packages (self, out);
  text_revenue (self, out);
  text_measurements (self, out);
  g_string_append_printf (out, "\n%s\n", _("Every figure is an association, not proof of cause."));
  return g_string_free (out, FALSE);
}
