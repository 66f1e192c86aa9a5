/* ov-review-report-sections.c — what the review report says, section by
 * section, as blocks for the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every section is there for every account: one without data says so in
 * a line, so the customer sees what was not measured rather than a gap.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-chart-private.h"
#include "ov-money.h"
#include "ov-package-services.h"
#include "ov-review-report-private.h"
#include "ov-stage-answers.h"
#include "ov-stage.h"
#include "ov-wizard.h"

#define SECTION_SPACE 18.0
#define ROW_SPACE     5.0
#define LABEL_WIDTH   150.0
#define CHART_HEIGHT  150.0
#define TTFV_HEIGHT   120.0

static void
heading (OvReportDoc *doc,
         const char  *title)
{
  OvReportBlock *block = ov_report_doc_add_block (doc, SECTION_SPACE);

  ov_report_block_add_text (doc, block, 0, 0, ov_report_content_width (), title,
                            OV_REPORT_FONT_HEADING, OV_REPORT_STYLE_PLAIN);
  block->keep_with_next = TRUE;
}

static OvReportBlock *
paragraph (OvReportDoc   *doc,
           const char    *text,
           OvReportStyle  style)
{
  OvReportBlock *block = ov_report_doc_add_block (doc, ROW_SPACE);

  ov_report_block_add_text (doc, block, 0, 0, ov_report_content_width (), text,
                            OV_REPORT_FONT_BODY, style);
  return block;
}

/* The one line a section without data shows. */
static void
nothing (OvReportDoc *doc,
         const char  *text)
{
  paragraph (doc, text, OV_REPORT_STYLE_DIM);
}

static void
fact (OvReportDoc *doc,
      const char  *label,
      const char  *value)
{
  OvReportBlock *block = ov_report_doc_add_block (doc, ROW_SPACE);
  double width = ov_report_content_width ();

  ov_report_block_add_text (doc, block, 0, 0, LABEL_WIDTH - OV_REPORT_GAP, label,
                            OV_REPORT_FONT_BODY, OV_REPORT_STYLE_DIM);
  ov_report_block_add_text (doc, block, LABEL_WIDTH, 0, width - LABEL_WIDTH,
                            value != NULL && *value != '\0' ? value : _("Not recorded"),
                            OV_REPORT_FONT_BODY, OV_REPORT_STYLE_PLAIN);
}

/* A row of a table whose columns are @widths wide (the last takes the
 * rest), under @header; without one it is the header: shaded, bold, kept
 * with the first row and repeated on each page the table runs on to. */
static OvReportBlock *
table_row (OvReportDoc         *doc,
           const double        *widths,
           guint                n_columns,
           const char * const  *texts,
           OvReportBlock       *header)
{
  OvReportBlock *block = ov_report_doc_add_block (doc, header == NULL ? ROW_SPACE
                                                                     : ROW_SPACE + 2);
  double width = ov_report_content_width ();
  double x = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      double w = i + 1 < n_columns ? widths[i] : width - x;

      ov_report_block_add_text (doc, block, x, 0, w - (i + 1 < n_columns ? OV_REPORT_GAP : 0),
                                texts[i], header == NULL ? OV_REPORT_FONT_BOLD
                                                         : OV_REPORT_FONT_BODY,
                                OV_REPORT_STYLE_PLAIN);
      x += w;
    }

  block->shaded = header == NULL;
  block->keep_with_next = header == NULL;
  block->rule_below = header != NULL;
  block->header = header;
  return block;
}

static char *
format_date (OvDate date)
{
  return date != OV_DATE_NONE ? ov_date_to_display (date) : g_strdup ("—");
}

static char *
format_days (double days)
{
  g_autofree char *number = ov_chart_format_number (days, days == round (days) ? 0 : 1);

  /* Translators: a number of days, "42 days"; the number is already
   * written out, so a plural form is chosen by the whole number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days",
                                       (gulong)fabs (round (days))),
                          number);
}

static char *
format_arr (OvAccount *account)
{
  const char *currency = ov_account_get_currency (account);
  g_autofree char *amount = NULL;

  /* fact() writes "Not recorded" for none: never $0. */
  if (!ov_account_has_arr (account))
    return NULL;
  amount = ov_money_format (ov_account_get_arr_cents (account), currency);

  /* The code beside a symbol: "$" alone is several currencies. */
  if (strstr (amount, currency) != NULL)
    return g_steal_pointer (&amount);
  /* Translators: an amount and its ISO currency code, "$120,000 (USD)" */
  return g_strdup_printf (_("%s (%s)"), amount, currency);
}

static void
build_title (OvReportDoc  *doc,
             OvReviewData *data)
{
  OvAccount *account = data->account;
  double width = ov_report_content_width ();
  const char *external_id = ov_account_get_external_id (account);
  g_autofree char *today = ov_date_to_display (data->today);
  g_autofree char *prepared = NULL;
  OvReportBlock *block;

  block = ov_report_doc_add_block (doc, 0);
  ov_report_block_add_text (doc, block, 0, 0, width, _("Onboarding review"), OV_REPORT_FONT_BOLD,
                            OV_REPORT_STYLE_DIM);
  block = ov_report_doc_add_block (doc, 4);
  ov_report_block_add_text (doc, block, 0, 0, width, ov_account_get_name (account),
                            OV_REPORT_FONT_TITLE, OV_REPORT_STYLE_PLAIN);

  if (external_id != NULL && *external_id != '\0')
    /* Translators: under the account's name on the review report */
    prepared = g_strdup_printf (_("Account %s · prepared on %s"), external_id, today);
  else
    /* Translators: under the account's name on the review report */
    prepared = g_strdup_printf (_("Prepared on %s"), today);
  block = ov_report_doc_add_block (doc, 4);
  ov_report_block_add_text (doc, block, 0, 0, width, prepared, OV_REPORT_FONT_BODY,
                            OV_REPORT_STYLE_DIM);
  block->rule_below = TRUE;

  /* Translators: the footer of every page: the account's name and the day
   * the report was made */
  doc->footer = g_strdup_printf (_("%s · review report of %s"), ov_account_get_name (account),
                                 today);
}

static void
build_facts (OvReportDoc  *doc,
             OvReviewData *data)
{
  OvAccount *account = data->account;
  g_autofree char *arr = format_arr (account);
  OvDate close_date = ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE);
  g_autofree char *close = close_date != OV_DATE_NONE ? ov_date_to_display (close_date) : NULL;
  g_autofree char *stage = NULL;
  const char *package = ov_account_get_package (account);

  heading (doc, _("Facts"));
  fact (doc, _("Owner"), ov_account_get_owner (account));
  fact (doc, _("Segment"), ov_account_get_segment (account));
  fact (doc, _("Package"), package != NULL && *package != '\0' ? package : _("No package"));
  fact (doc, _("ARR"), arr);
  fact (doc, _("Close date"), close);
  /* Translators: the account's stage and status, "Adopt · Active" */
  stage = g_strdup_printf (_("%s · %s"), ov_stage_get_title (ov_account_get_stage (account)),
                           ov_account_status_get_title (ov_account_get_status (account)));
  fact (doc, _("Current stage"), stage);
  fact (doc, _("First-value milestone"), ov_account_get_first_value_milestone (account));
}

static void
build_timeline (OvReportDoc  *doc,
                OvReviewData *data)
{
  static const double widths[] = { 130, 120, 150 };
  const char *header[] = { _("Stage"), _("Entered"), _("Completed"), _("Days") };
  OvReportBlock *head;
  gboolean any = FALSE;

  heading (doc, _("Stage timeline"));

  for (guint i = 0; i < OV_N_STAGES; i++)
    any |= data->timeline.spans[i].entered != OV_DATE_NONE || data->timeline.spans[i].skipped;
  if (!any)
    {
      nothing (doc, _("No stage changes have been recorded yet."));
      return;
    }

  head = table_row (doc, widths, G_N_ELEMENTS (header), header, NULL);
  for (guint i = 0; i < OV_N_STAGES; i++)
    {
      const OvStageSpan *span = &data->timeline.spans[i];
      g_autofree char *entered = format_date (span->entered);
      g_autofree char *completed = NULL;
      g_autofree char *days = span->days >= 0 ? format_days (span->days) : g_strdup ("—");
      const char *row[4];

      if (span->skipped)
        completed = g_strdup (_("Skipped"));
      else if (span->current)
        completed = g_strdup (_("In progress"));
      else
        completed = format_date (span->left);

      row[0] = ov_stage_get_title (span->stage);
      row[1] = entered;
      row[2] = completed;
      row[3] = days;
      table_row (doc, widths, G_N_ELEMENTS (row), row, head);
    }
}

static void
build_goals (OvReportDoc  *doc,
             OvReviewData *data)
{
  static const double widths[] = { 200, 115 };
  const char *header[] = { _("Goal"), _("Outcome"), _("Comment") };
  OvReportBlock *head;

  heading (doc, _("Goals and outcomes"));
  if (data->goals == NULL || data->goals->len == 0)
    {
      nothing (doc, _("No goals were recorded at the handoff."));
      return;
    }

  head = table_row (doc, widths, G_N_ELEMENTS (header), header, NULL);
  for (guint i = 0; i < data->goals->len; i++)
    {
      const OvGoalResult *goal = g_ptr_array_index (data->goals, i);
      const char *row[] = {
        goal->goal, ov_goal_outcome_get_title (goal->outcome),
        goal->comment != NULL ? goal->comment : ""
      };

      table_row (doc, widths, G_N_ELEMENTS (row), row, head);
    }
}

static char *
format_value (OvReviewData         *data,
              const OvReviewMetric *metric,
              double                value)
{
  if (metric->money)
    return ov_money_format ((gint64)llround (value * 100),
                            ov_account_get_currency (data->account));
  return ov_chart_format_number (value, -1);
}

/* "+15 (+37.5%)": the change from the baseline, and relative to it when
 * the baseline is not zero. */
static char *
format_change (OvReviewData         *data,
               const OvReviewMetric *metric)
{
  double change = metric->latest - metric->baseline;
  g_autofree char *amount = format_value (data, metric, fabs (change));
  const char *sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  g_autofree char *percent = NULL;

  if (metric->baseline == 0)
    return g_strconcat (sign, amount, NULL);

  percent = ov_chart_format_number (fabs (100 * change / metric->baseline), 1);
  /* Translators: a change and the same change in per cent, "+15 (+37.5%)" */
  return g_strdup_printf (_("%1$s%2$s (%1$s%3$s%%)"), sign, amount, percent);
}

static OvChart *
metric_chart (OvReviewData         *data,
              const OvReviewMetric *metric)
{
  OvChart *chart = ov_chart_new (OV_CHART_BAR);
  guint series = ov_chart_add_series (chart, metric->title);
  guint before = ov_chart_add_category (chart, _("Baseline"));
  guint after = ov_chart_add_category (chart, _("Latest"));

  ov_chart_set_title (chart, metric->title);
  ov_chart_set_show_legend (chart, FALSE);
  if (metric->money)
    ov_chart_set_axis (chart, OV_CHART_AXIS_Y, NULL, ov_account_get_currency (data->account));
  ov_chart_set_value (chart, series, before, metric->baseline, -1);
  ov_chart_set_value (chart, series, after, metric->latest, -1);
  return chart;
}

/* What a chart's caption says: both values with their dates, and the
 * change. */
static char *
describe_pair (OvReviewData         *data,
               const OvReviewMetric *metric)
{
  g_autofree char *baseline = format_value (data, metric, metric->baseline);
  g_autofree char *latest = format_value (data, metric, metric->latest);
  g_autofree char *baseline_on = ov_date_to_display (metric->baseline_on);
  g_autofree char *latest_on = ov_date_to_display (metric->latest_on);
  g_autofree char *change = format_change (data, metric);

  /* Translators: under a before/after chart, "Baseline 40 (3 Jan 2026) →
   * latest 55 (1 Apr 2026): +15 (+37.5%)" */
  return g_strdup_printf (_("Baseline %s (%s) → latest %s (%s): %s"), baseline, baseline_on,
                          latest, latest_on, change);
}

/* A metric that cannot be compared: what there is of it. */
static char *
describe_single (OvReviewData         *data,
                 const OvReviewMetric *metric)
{
  if (metric->has_baseline)
    {
      g_autofree char *value = format_value (data, metric, metric->baseline);
      g_autofree char *on = ov_date_to_display (metric->baseline_on);

      /* Translators: "NPS response: baseline 6 (3 Jan 2026), nothing measured since" */
      return g_strdup_printf (_("%s: baseline %s (%s), nothing measured since"), metric->title,
                              value, on);
    }
  else
    {
      g_autofree char *value = format_value (data, metric, metric->latest);
      g_autofree char *on = ov_date_to_display (metric->latest_on);

      /* Translators: "Health score: latest 72 (1 Apr 2026), no baseline to compare with" */
      return g_strdup_printf (_("%s: latest %s (%s), no baseline to compare with"), metric->title,
                              value, on);
    }
}

static void
build_measurements (OvReportDoc  *doc,
                    OvReviewData *data)
{
  double width = ov_report_content_width ();
  double half = (width - 2 * OV_REPORT_GAP) / 2;
  OvReportBlock *block = NULL;
  guint n_pairs = 0;

  heading (doc, _("Before and after"));
  if (data->metrics->len == 0)
    {
      nothing (doc, _("No measurements have been recorded for this account."));
      return;
    }

  /* Two charts side by side, each with its caption under it. */
  for (guint i = 0; i < data->metrics->len; i++)
    {
      const OvReviewMetric *metric = g_ptr_array_index (data->metrics, i);
      g_autoptr(OvChart) chart = NULL;
      g_autofree char *caption = NULL;
      double x;

      if (!metric->has_baseline || !metric->has_latest)
        continue;

      x = n_pairs % 2 == 0 ? 0 : half + 2 * OV_REPORT_GAP;
      if (n_pairs % 2 == 0)
        block = ov_report_doc_add_block (doc, 10);
      chart = metric_chart (data, metric);
      caption = describe_pair (data, metric);
      ov_report_block_add_chart (block, x, 0, half, CHART_HEIGHT, chart);
      /* The caption is a cell of the chart's block, under the chart: it
       * goes with it onto the next page if need be. */
      ov_report_block_add_text (doc, block, x, CHART_HEIGHT + 4, half, caption,
                                OV_REPORT_FONT_SMALL, OV_REPORT_STYLE_PLAIN);
      n_pairs++;
    }

  for (guint i = 0, n_single = 0; i < data->metrics->len; i++)
    {
      const OvReviewMetric *metric = g_ptr_array_index (data->metrics, i);
      g_autofree char *text = NULL;

      if (metric->has_baseline && metric->has_latest)
        continue;
      text = describe_single (data, metric);
      /* Clear of the captions above. */
      paragraph (doc, text, OV_REPORT_STYLE_PLAIN)->space_before =
        n_single++ == 0 && n_pairs > 0 ? 12 : ROW_SPACE;
    }

  /* Translators: under the before/after charts of the review report */
  paragraph (doc, _("Each chart compares the baseline with the latest later measurement. "
                    "A change shows what moved, not what moved it."),
             OV_REPORT_STYLE_DIM)->space_before = 10;
}

static OvChart *
ttfv_chart (OvReviewData *data)
{
  OvChart *chart = ov_chart_new (OV_CHART_HORIZONTAL_BAR);
  guint series = ov_chart_add_series (chart, _("Time to first value"));
  guint own = ov_chart_add_category (chart, _("This account"));
  guint portfolio = ov_chart_add_category (chart, _("Portfolio median"));

  ov_chart_set_show_legend (chart, FALSE);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, _("Time to first value"), _("days"));
  ov_chart_set_value (chart, series, own, data->ttfv_days, -1);
  ov_chart_set_value (chart, series, portfolio, data->portfolio_median, (int)data->portfolio_n);
  return chart;
}

static void
build_ttfv (OvReportDoc  *doc,
            OvReviewData *data)
{
  OvDate close = ov_account_get_date (data->account, OV_ACCOUNT_DATE_CLOSE);
  g_autofree char *own = NULL;
  g_autofree char *portfolio = NULL;
  g_autofree char *comparison = NULL;
  OvReportBlock *block;

  heading (doc, _("Time to first value"));

  if (data->ttfv_days >= 0)
    {
      g_autofree char *days = format_days (data->ttfv_days);
      g_autofree char *reached = ov_date_to_display (ov_account_get_date (data->account,
                                                                          OV_ACCOUNT_DATE_FIRST_VALUE));

      /* Translators: "This account reached first value in 35 days, on 7 Feb 2026." */
      own = g_strdup_printf (_("This account reached first value in %s, on %s."), days, reached);
    }
  else if (close != OV_DATE_NONE && close <= data->today)
    {
      g_autofree char *days = format_days (data->today - close);

      /* Translators: "Not reached yet: 20 days since the close." */
      own = g_strdup_printf (_("This account has not reached first value yet: %s since the "
                               "close."), days);
    }
  else
    own = g_strdup (_("This account has no close date yet, so its time to first value has not "
                      "started."));
  /* The sentences and the chart under them go onto a page together. */
  paragraph (doc, own, OV_REPORT_STYLE_PLAIN)->keep_with_next = TRUE;

  if (data->portfolio_n == 0)
    {
      nothing (doc, _("No account in the portfolio has reached first value yet, so there is "
                      "no median to compare with."));
      return;
    }

  {
    g_autofree char *median = format_days (data->portfolio_median);

    /* Translators: "Portfolio median: 42 days (n = 120 accounts that reached
     * first value; 30 more still open)." */
    portfolio = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Portfolio median: %s (n = %u account that reached "
                                              "first value; %u more still open).",
                                              "Portfolio median: %s (n = %u accounts that "
                                              "reached first value; %u more still open).",
                                              data->portfolio_n),
                                 median, data->portfolio_n, data->portfolio_open);
    paragraph (doc, portfolio, OV_REPORT_STYLE_PLAIN)->keep_with_next = data->ttfv_days >= 0;
  }

  if (data->ttfv_days < 0)
    return;

  {
    double difference = data->ttfv_days - data->portfolio_median;
    g_autofree char *days = format_days (fabs (difference));

    if (fabs (difference) < 0.5)
      comparison = g_strdup (_("That is as fast as the portfolio's median."));
    else if (difference < 0)
      /* Translators: "That is 7 days faster than the portfolio's median." */
      comparison = g_strdup_printf (_("That is %s faster than the portfolio's median."), days);
    else
      /* Translators: "That is 7 days slower than the portfolio's median." */
      comparison = g_strdup_printf (_("That is %s slower than the portfolio's median."), days);
    paragraph (doc, comparison, OV_REPORT_STYLE_PLAIN)->keep_with_next = TRUE;
  }

  {
    g_autoptr(OvChart) chart = ttfv_chart (data);

    block = ov_report_doc_add_block (doc, 8);
    ov_report_block_add_chart (block, 0, 0, ov_report_content_width (), TTFV_HEIGHT, chart);
  }
}

/* "12 of 20 done" and a meter under it. */
static void
count_with_meter (OvReportDoc *doc,
                  const char  *text,
                  guint        part,
                  guint        whole)
{
  OvReportBlock *block = ov_report_doc_add_block (doc, ROW_SPACE);
  double width = ov_report_content_width ();

  ov_report_block_add_text (doc, block, 0, 0, width, text, OV_REPORT_FONT_BODY,
                            OV_REPORT_STYLE_PLAIN);
  ov_report_block_add_meter (block, 0, block->height + 6, width / 2,
                             whole > 0 ? (double)part / whole : 0);
}

static void
build_work (OvReportDoc  *doc,
            OvReviewData *data)
{
  guint n_tasks = data->tasks_done + data->tasks_open;
  guint planned = data->meetings_planned;

  heading (doc, _("Tasks"));
  if (n_tasks == 0)
    nothing (doc, _("No tasks have been planned for this account."));
  else
    {
      g_autofree char *text = NULL;

      if (data->tasks_open == 0)
        /* Translators: "All 20 tasks done." */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task done.",
                                             "All %u tasks done.", n_tasks),
                                n_tasks);
      else
        /* Translators: "12 of 20 tasks done, 8 open (2 of them overdue)." */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u of %u task done, %u open (%u of them overdue).",
                                             "%u of %u tasks done, %u open (%u of them overdue).",
                                             n_tasks),
                                data->tasks_done, n_tasks, data->tasks_open, data->tasks_overdue);
      count_with_meter (doc, text, data->tasks_done, n_tasks);
    }

  heading (doc, _("Meetings"));
  if (data->meetings_scheduled == 0 && planned == 0)
    nothing (doc, _("No meetings have been scheduled with this customer."));
  else if (data->meetings_scheduled == 0)
    {
      g_autofree char *text = NULL;

      /* Translators: "No meeting has taken place yet; 2 are planned." */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No meeting has taken place yet; %u is planned.",
                                           "No meeting has taken place yet; %u are planned.",
                                           planned),
                              planned);
      paragraph (doc, text, OV_REPORT_STYLE_PLAIN);
    }
  else
    {
      g_autofree char *text = NULL;
      g_autofree char *rate = ov_chart_format_number (100.0 * data->meetings_attended /
                                                      data->meetings_scheduled, 0);
      g_autofree char *more = NULL;

      /* Translators: "5 of 6 scheduled meetings attended (83%)." */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u scheduled meeting attended (%s%%).",
                                           "%u of %u scheduled meetings attended (%s%%).",
                                           data->meetings_scheduled),
                              data->meetings_attended, data->meetings_scheduled, rate);
      if (planned > 0)
        {
          g_autofree char *attended = g_steal_pointer (&text);

          /* Translators: after the meetings attended: "2 more planned." */
          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more planned.",
                                               "%u more planned.", planned),
                                  planned);
          text = g_strconcat (attended, " ", more, NULL);
        }
      count_with_meter (doc, text, data->meetings_attended, data->meetings_scheduled);
    }
}

static void
build_package (OvReportDoc  *doc,
               OvReviewData *data)
{
  OvPackage *package = data->package;
  g_autofree char *price = NULL;
  g_autofree char *services = NULL;

  heading (doc, _("Package"));
  if (package == NULL)
    {
      nothing (doc, _("No package has been assigned to this account."));
      return;
    }

  price = ov_package_get_price_cents (package) > 0
            ? ov_money_format (ov_package_get_price_cents (package),
                               ov_package_get_currency (package))
            : NULL;
  services = ov_package_services_describe (ov_package_get_services (package),
                                           ov_package_get_other_services (package));

  fact (doc, _("Name"), ov_package_get_name (package));
  fact (doc, _("Price"), price);
  fact (doc, _("Included services"), services);
}

void
ov_review_report_build (OvReportDoc  *doc,
                        OvReviewData *data)
{
  g_assert (doc != NULL && data != NULL);

  build_title (doc, data);
  build_facts (doc, data);
  build_timeline (doc, data);
  build_goals (doc, data);
  build_measurements (doc, data);
  build_ttfv (doc, data);
  build_work (doc, data);
  build_package (doc, data);
}
