/* ov-cli-insights.c — overture-cli insights and chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both take the Insights filter as options; `insights` prints every figure
 * (as JSON with --json), `chart` saves one figure as PNG, SVG or PDF.
 */

#define G_LOG_DOMAIN "overture-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ov-cli.h"
#include "ov-chart-save.h"
#include "ov-insights.h"
#include "ov-store-program.h"

/* The options both commands share, as given. */
typedef struct
{
  char *program_start;
  char *from;
  char *to;
  char *closed_from;
  char *closed_to;
  char *today;
  char *segment;
  char *owner;
  char *package;
} FilterOptions;

static void
filter_options_clear (FilterOptions *options)
{
  g_free (options->program_start);
  g_free (options->from);
  g_free (options->to);
  g_free (options->closed_from);
  g_free (options->closed_to);
  g_free (options->today);
  g_free (options->segment);
  g_free (options->owner);
  g_free (options->package);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterOptions, filter_options_clear)

/* The shared entries, followed by @extra (ending in { NULL }). */
static GOptionEntry *
filter_entries (FilterOptions      *options,
                const GOptionEntry *extra)
{
  const GOptionEntry shared[] = {
    { "program-start", 0, 0, G_OPTION_ARG_STRING, &options->program_start,
      N_("Program start date, splitting the before and after cohorts (default: the database's)"),
      "YYYY-MM-DD" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from,
      N_("First day of the period for NPS, churn, NRR, GRR and the trend (default: a year before --to)"),
      "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to,
      N_("Day after the period's last (default: today)"), "YYYY-MM-DD" },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &options->segment,
      N_("Only accounts of this segment"), N_("SEGMENT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &options->owner,
      N_("Only accounts of this owner"), N_("OWNER") },
    { "package", 0, 0, G_OPTION_ARG_STRING, &options->package,
      N_("Only accounts with this package (\"\" for none)"), N_("PACKAGE") },
    { "closed-from", 0, 0, G_OPTION_ARG_STRING, &options->closed_from,
      N_("Only accounts closed on or after this day"), "YYYY-MM-DD" },
    { "closed-to", 0, 0, G_OPTION_ARG_STRING, &options->closed_to,
      N_("Only accounts closed on or before this day"), "YYYY-MM-DD" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &options->today,
      N_("The day open onboardings are counted up to (default: today)"), "YYYY-MM-DD" },
  };
  guint n_extra = 0;
  GOptionEntry *entries;

  while (extra[n_extra].long_name != NULL)
    n_extra++;
  entries = g_new0 (GOptionEntry, G_N_ELEMENTS (shared) + n_extra + 1);
  memcpy (entries, shared, sizeof shared);
  memcpy (entries + G_N_ELEMENTS (shared), extra, sizeof (GOptionEntry) * n_extra);
  return entries;
}

/* Reads the options into @filter; on failure prints why and returns the
 * exit status, else -1. */
static int
make_filter (OvCliContext     *context,
             OvStore          *store,
             FilterOptions    *options,
             OvInsightsFilter *filter)
{
  g_autoptr(GError) error = NULL;

  if (!ov_cli_parse_date (context, "program-start", options->program_start, &filter->program_start) ||
      !ov_cli_parse_date (context, "from", options->from, &filter->from) ||
      !ov_cli_parse_date (context, "to", options->to, &filter->to) ||
      !ov_cli_parse_date (context, "closed-from", options->closed_from, &filter->closed_from) ||
      !ov_cli_parse_date (context, "closed-to", options->closed_to, &filter->closed_to) ||
      !ov_cli_parse_date (context, "today", options->today, &filter->today))
    return OV_CLI_USAGE;

  if (filter->from != OV_DATE_NONE && filter->to != OV_DATE_NONE && filter->from >= filter->to)
    {
      ov_cli_usage_error (context, _("--from must be before --to"));
      return OV_CLI_USAGE;
    }
  if (filter->closed_from != OV_DATE_NONE && filter->closed_to != OV_DATE_NONE &&
      filter->closed_from > filter->closed_to)
    {
      ov_cli_usage_error (context, _("--closed-from must not be after --closed-to"));
      return OV_CLI_USAGE;
    }

  if (filter->program_start == OV_DATE_NONE)
    filter->program_start = ov_store_get_program_start (store);

  if (options->package != NULL && options->package[0] != '\0')
    {
      g_autoptr(OvPackage) package = ov_store_find_package (store, options->package, &error);

      if (package == NULL)
        {
          if (error != NULL)
            ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
          else
            ov_cli_usage_error (context, _("--package: there is no package “%s”"),
                                options->package);
          return OV_CLI_REFUSED;
        }
    }

  filter->segment = g_strdup (options->segment);
  filter->owner = g_strdup (options->owner);
  filter->package = g_strdup (options->package);
  return -1;
}

/* Opens the store and loads the figures; NULL with *@status set on failure. */
static OvInsights *
load_insights (OvCliContext  *context,
               FilterOptions *options,
               int           *status)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OvInsightsFilter filter = { 0 };
  OvInsights *insights;

  /* Reading only, and every row read once: the deep page check a read-only
   * open makes first would cost several times the reading itself, and a
   * damaged page this reads is reported by SQLite all the same. The file's
   * header and schema are still checked. */
  store = ov_cli_open_store (context, OV_STORE_OPEN_READ_ONLY | OV_STORE_OPEN_VERIFIED);
  if (store == NULL)
    {
      *status = OV_CLI_REFUSED;
      return NULL;
    }

  *status = make_filter (context, store, options, &filter);
  if (*status >= 0)
    {
      ov_insights_filter_clear (&filter);
      return NULL;
    }

  insights = ov_insights_load (store, &filter, NULL, &error);
  ov_insights_filter_clear (&filter);
  if (insights == NULL)
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      *status = OV_CLI_REFUSED;
    }
  return insights;
}

int
ov_cli_insights (OvCliContext  *context,
                 int            argc,
                 char         **argv)
{
  g_auto(FilterOptions) options = { 0 };
  g_autoptr(OvInsights) insights = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char *text = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry extra[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };

  entries = filter_entries (&options, extra);
  status = ov_cli_parse (context, entries, NULL,
                         _("Prints the Insights figures: time to first value before and after the "
                           "program start, the funnel, packages, NPS, churn, NRR, GRR and each "
                           "metric's baseline vs latest."),
                         &argc, &argv);
  if (status >= 0)
    return status;
  if (argc > 1)
    {
      ov_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);
      return OV_CLI_USAGE;
    }

  insights = load_insights (context, &options, &status);
  if (insights == NULL)
    return status;

  text = json ? ov_insights_to_json (insights) : ov_insights_to_text (insights);
  /* JSON escapes what it quotes; the report goes through the escaping print. */
  if (json)
    g_print ("%s\n", text);
  else
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i + 1] != NULL || lines[i][0] != '\0')
          ov_cli_print ("%s\n", lines[i]);
    }
  return OV_CLI_OK;
}

typedef struct
{
  const char       *name;
  OvInsightsFigure  figure;
} FigureName;

static const FigureName figure_names[] = {
  { "ttfv-cohorts", OV_INSIGHTS_TTFV_COHORTS },
  { "ttfv-curve", OV_INSIGHTS_TTFV_CURVE },
  { "ttfv-curve-by-package", OV_INSIGHTS_TTFV_CURVE_BY_PACKAGE },
  { "ttfv-by-package", OV_INSIGHTS_TTFV_BY_PACKAGE },
  { "attendance-by-package", OV_INSIGHTS_ATTENDANCE_BY_PACKAGE },
  { "funnel", OV_INSIGHTS_FUNNEL },
  { "baseline-latest", OV_INSIGHTS_BASELINE_LATEST },
  { "revenue", OV_INSIGHTS_REVENUE },
  { "trend", OV_INSIGHTS_TREND },
};

static gboolean
find_figure (const char       *name,
             OvInsightsFigure *figure)
{
  for (guint i = 0; i < G_N_ELEMENTS (figure_names); i++)
    if (strcmp (figure_names[i].name, name) == 0)
      {
        *figure = figure_names[i].figure;
        return TRUE;
      }
  return FALSE;
}

int
ov_cli_chart (OvCliContext  *context,
              int            argc,
              char         **argv)
{
  g_auto(FilterOptions) options = { 0 };
  g_autoptr(OvInsights) insights = NULL;
  g_autoptr(OvChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char *output = NULL;
  const char *metric = NULL;
  OvInsightsFigure figure;
  gboolean needs_metric;
  int status;
  const GOptionEntry extra[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: its name ends in .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };

  entries = filter_entries (&options, extra);
  status = ov_cli_parse (context, entries,
                         N_("ttfv-cohorts|ttfv-curve|ttfv-by-package|attendance-by-package|funnel|"
                            "baseline-latest METRIC|trend METRIC"),
                         _("Saves one Insights figure as a PNG, SVG or PDF file."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  if (argc < 2)
    {
      ov_cli_usage_error (context, _("name the chart to draw, such as ttfv-curve"));
      return OV_CLI_USAGE;
    }
  if (!find_figure (argv[1], &figure))
    {
      ov_cli_usage_error (context, _("unknown chart “%s”"), argv[1]);
      return OV_CLI_USAGE;
    }
  needs_metric = figure == OV_INSIGHTS_BASELINE_LATEST || figure == OV_INSIGHTS_TREND;
  if (needs_metric && argc < 3)
    {
      ov_cli_usage_error (context, _("%s needs a metric, such as nps"), argv[1]);
      return OV_CLI_USAGE;
    }
  if (argc > (needs_metric ? 3 : 2))
    {
      ov_cli_usage_error (context, _("unexpected argument “%s”"), argv[needs_metric ? 3 : 2]);
      return OV_CLI_USAGE;
    }
  if (output == NULL)
    {
      ov_cli_usage_error (context, _("-o FILE is needed"));
      return OV_CLI_USAGE;
    }
  if (needs_metric)
    metric = ov_measurement_metric_id (argv[2]) != NULL ? ov_measurement_metric_id (argv[2])
                                                         : argv[2];

  insights = load_insights (context, &options, &status);
  if (insights == NULL)
    return status;

  if (needs_metric && !g_strv_contains (ov_insights_get_metrics (insights), metric))
    {
      ov_cli_usage_error (context, _("no measurements of the metric “%s” on these accounts"),
                          argv[2]);
      return OV_CLI_REFUSED;
    }

  chart = ov_insights_build_chart (insights, figure, metric);
  if (chart == NULL)
    {
      g_autofree char *why = ov_insights_describe (insights, figure, metric);

      ov_cli_usage_error (context, _("nothing to draw: %s"), why);
      return OV_CLI_REFUSED;
    }

  if (!ov_chart_save (chart, output, 800, 500, &error))
    {
      ov_cli_usage_error (context, "%s", error->message);
      return OV_CLI_REFUSED;
    }
  return OV_CLI_OK;
}
