/* test-review-report.c — the review report of an account: its pages and
 * its text as pdftotext reads them, the data behind it, and the files a
 * failure leaves (none)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "ov-report.h"
#include "ov-store-review.h"
#include "ov-test-support.h"

/* The name a markup parser would choke on. */
#define MARKUP_NAME "Smith & Sons <Holdings> GmbH"

typedef struct
{
  char    *dir;
  OvStore *store;
  gint64   rich;   /* MARKUP_NAME: goals, measurements, tasks, meetings */
  gint64   bare;   /* a name and nothing else */
  OvDate   today;
} Fixture;

static OvDate
date (const char *iso)
{
  OvDate d = OV_DATE_NONE;

  g_assert_true (ov_date_parse_iso (iso, &d, NULL));
  return d;
}

static gint64
add_account (Fixture    *fixture,
             const char *name,
             const char *external_id,
             const char *close,
             const char *first_value)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  ov_account_set_name (account, name);
  ov_account_set_external_id (account, external_id);
  if (close != NULL)
    ov_account_set_date (account, OV_ACCOUNT_DATE_CLOSE, date (close));
  if (first_value != NULL)
    ov_account_set_date (account, OV_ACCOUNT_DATE_FIRST_VALUE, date (first_value));
  g_assert_true (ov_store_save_account_on (fixture->store, account, fixture->today, &error));
  g_assert_no_error (error);
  return ov_account_get_id (account);
}

static void
add_measurement (Fixture    *fixture,
                 const char *metric,
                 double      value,
                 const char *on,
                 gboolean    baseline)
{
  g_autoptr(OvMeasurement) m = ov_measurement_new (fixture->rich, metric, value, date (on),
                                                   baseline);
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_add_measurement (fixture->store, m, &error));
  g_assert_no_error (error);
}

static void
add_meeting (Fixture    *fixture,
             const char *on,
             gboolean    attended)
{
  g_autoptr(OvMeeting) meeting = ov_meeting_new (fixture->rich, OV_MEETING_KIND_TRAINING,
                                                 date (on));
  g_autoptr(GError) error = NULL;

  ov_meeting_set_attended (meeting, attended);
  g_assert_true (ov_store_add_meeting (fixture->store, meeting, &error));
  g_assert_no_error (error);
}

static void
add_task (Fixture    *fixture,
          const char *title,
          const char *done_on)
{
  g_autoptr(OvTask) task = ov_task_new (fixture->rich, OV_STAGE_ADOPT, title);
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_add_task (fixture->store, task, &error));
  g_assert_no_error (error);
  if (done_on != NULL)
    {
      g_assert_true (ov_store_set_task_done (fixture->store, task, date (done_on), &error));
      g_assert_no_error (error);
    }
}

static void
delete_tasks (Fixture *fixture,
              gint64   account_id)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  tasks = ov_store_list_tasks (fixture->store, account_id, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      g_assert_true (ov_store_delete_task (fixture->store, tasks->pdata[i], &error));
      g_assert_no_error (error);
    }
}

static void
add_goals (Fixture *fixture)
{
  const char *goals[] = { "Month-end close in three days", "Dashboards in every board meeting",
                          NULL };
  g_autoptr(OvStageAnswers) handoff = NULL;
  g_autoptr(OvStageAnswers) review = NULL;
  g_autoptr(GError) error = NULL;

  handoff = ov_store_load_answers (fixture->store, fixture->rich, OV_STAGE_HANDOFF, &error);
  g_assert_no_error (error);
  ov_stage_answers_set_list (handoff, "goals", goals);
  g_assert_true (ov_store_save_answers (fixture->store, handoff, &error));
  g_assert_no_error (error);

  review = ov_store_load_answers (fixture->store, fixture->rich, OV_STAGE_REVIEW, &error);
  g_assert_no_error (error);
  ov_stage_answers_set_goal_result (review, "goal_outcomes", goals[0], OV_GOAL_OUTCOME_MET,
                                    "Closed in two days in May");
  g_assert_true (ov_store_save_answers (fixture->store, review, &error));
  g_assert_no_error (error);
}

/* The portfolio's time to first value: 40 (the rich account), 60 and 50
 * days reached, so the median is 50 with n = 3; one account closed and
 * still open; one without a close date, in neither. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(OvAccount) rich = NULL;
  g_autoptr(GError) error = NULL;

  fixture->today = date ("2026-12-03");
  fixture->store = ov_test_new_store (&fixture->dir);

  fixture->rich = add_account (fixture, MARKUP_NAME, "ACME-1", "2026-01-10", "2026-02-19");
  add_account (fixture, "Beta", "B-1", "2026-01-01", "2026-03-02");
  add_account (fixture, "Gamma", "G-1", "2026-02-01", "2026-03-23");
  add_account (fixture, "Delta", "D-1", "2026-03-01", NULL);
  fixture->bare = add_account (fixture, "Bare Minimum Ltd", NULL, NULL, NULL);

  rich = ov_store_get_account (fixture->store, fixture->rich, &error);
  g_assert_no_error (error);
  ov_account_set_arr_cents (rich, 12345600);
  ov_account_set_currency (rich, "USD");
  ov_account_set_owner (rich, "Ada Lovelace");
  ov_account_set_segment (rich, "Enterprise");
  ov_account_set_package (rich, "Premium Care");
  g_assert_true (ov_store_save_account_on (fixture->store, rich, fixture->today, &error));
  g_assert_no_error (error);

  add_measurement (fixture, "nps", 6, "2026-01-05", TRUE);
  add_measurement (fixture, "nps", 8, "2026-03-01", FALSE);
  add_measurement (fixture, "nps", 9, "2026-05-01", FALSE);
  add_measurement (fixture, "health_score", 55, "2026-01-05", TRUE);
  add_measurement (fixture, "health_score", 72.5, "2026-06-01", FALSE);
  add_measurement (fixture, "product_usage", 64, "2026-06-01", FALSE);

  add_meeting (fixture, "2026-01-12", TRUE);
  add_meeting (fixture, "2026-02-12", TRUE);
  add_meeting (fixture, "2026-03-12", FALSE);
  add_meeting (fixture, "2026-12-20", FALSE);

  /* Only the two tasks below: not those the default playbook gave. */
  delete_tasks (fixture, fixture->rich);
  delete_tasks (fixture, fixture->bare);
  add_task (fixture, "Import the ledgers", "2026-02-01");
  add_task (fixture, "Train the admins", NULL);
  add_goals (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* What poppler reads off the report, kept beside the test's other
 * output to be looked at. */
static char *
pdf_text (const char *path,
          guint      *n_pages)
{
  if (g_getenv ("OVERTURE_TEST_OUTPUT") != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *name = g_strconcat ("review-report-", base, NULL);
      g_autofree char *copy = g_build_filename (g_getenv ("OVERTURE_TEST_OUTPUT"), name, NULL);
      g_autoptr(GBytes) bytes = ov_test_read_file (path);

      g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL));
    }

  return ov_test_pdf_text (path, n_pages);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the report's text:\n%s", needle, text);
}

static void
test_data (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(OvReviewData) review = NULL;
  g_autoptr(GError) error = NULL;
  const OvReviewMetric *metric;

  review = ov_review_data_gather (fixture->store, fixture->rich, fixture->today, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ov_account_get_name (review->account), ==, MARKUP_NAME);
  g_assert_nonnull (review->package);
  g_assert_cmpstr (ov_package_get_name (review->package), ==, "Premium Care");
  g_assert_cmpint (review->ttfv_days, ==, 40);
  g_assert_cmpuint (review->portfolio_n, ==, 3);
  g_assert_cmpuint (review->portfolio_open, ==, 1);
  g_assert_cmpfloat (review->portfolio_median, ==, 50);
  g_assert_cmpuint (review->tasks_done, ==, 1);
  g_assert_cmpuint (review->tasks_open, ==, 1);
  /* Three meetings up to today, two attended; one still to come. */
  g_assert_cmpuint (review->meetings_scheduled, ==, 3);
  g_assert_cmpuint (review->meetings_attended, ==, 2);
  g_assert_cmpuint (review->meetings_planned, ==, 1);

  g_assert_cmpuint (review->goals->len, ==, 2);
  g_assert_cmpint (((OvGoalResult *)review->goals->pdata[0])->outcome, ==, OV_GOAL_OUTCOME_MET);
  g_assert_cmpint (((OvGoalResult *)review->goals->pdata[1])->outcome, ==, OV_GOAL_OUTCOME_NONE);

  /* By title: Health score, NPS response, Product usage. */
  g_assert_cmpuint (review->metrics->len, ==, 3);
  metric = review->metrics->pdata[1];
  g_assert_cmpstr (metric->metric, ==, "nps");
  g_assert_cmpuint (metric->n_values, ==, 3);
  g_assert_true (metric->has_baseline && metric->has_latest);
  g_assert_cmpfloat (metric->baseline, ==, 6);
  g_assert_cmpfloat (metric->latest, ==, 9);
  g_assert_cmpint (metric->latest_on, ==, date ("2026-05-01"));
  metric = review->metrics->pdata[2];
  g_assert_cmpstr (metric->metric, ==, "product_usage");
  g_assert_false (metric->has_baseline);
  g_assert_true (metric->has_latest);
  g_assert_cmpfloat (metric->latest, ==, 64);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  g_assert_true (ov_review_report_write (fixture->store, fixture->rich, fixture->today, path,
                                         NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path, &n_pages);

  /* Eight sections, two charts side by side and one across: two pages. */
  g_assert_cmpuint (n_pages, ==, 2);
  assert_has (text, MARKUP_NAME);
  assert_has (text, "ACME-1");
  assert_has (text, "$123,456 (USD)");
  assert_has (text, "Ada Lovelace");
  assert_has (text, "Premium Care");
  /* Before and after: the baseline and the latest value, and the change. */
  assert_has (text, "Baseline 6 (5 Jan 2026) → latest 9 (1 May 2026): +3 (+50.0%)");
  assert_has (text, "Baseline 55 (5 Jan 2026) → latest 72.5 (1 Jun 2026): +17.5");
  assert_has (text, "Product usage: latest 64 (1 Jun 2026), no baseline to compare with");
  /* TTFV against the portfolio's median, with its n. */
  assert_has (text, "This account reached first value in 40 days, on 19 Feb 2026.");
  assert_has (text, "Portfolio median: 50 days (n = 3 accounts that reached first value; 1 "
                    "more still open).");
  assert_has (text, "That is 10 days faster than the portfolio's median.");
  assert_has (text, "1 of 2 tasks done, 1 open (0 of them overdue).");
  assert_has (text, "2 of 3 scheduled meetings attended (67%). 1 more planned.");
  assert_has (text, "Month-end close in three days");
  assert_has (text, "Closed in two days in May");
  assert_has (text, "Not judged yet");
  assert_has (text, "Page 1 of 2");
  assert_has (text, "Page 2 of 2");
  assert_has (text, "3 Dec 2026");
}

/* An account with nothing but a name: every section says so in a line. */
static void
test_bare (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bare.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  g_assert_true (ov_review_report_write (fixture->store, fixture->bare, fixture->today, path,
                                         NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path, &n_pages);

  g_assert_cmpuint (n_pages, ==, 1);
  assert_has (text, "Bare Minimum Ltd");
  assert_has (text, "No package");
  assert_has (text, "No goals were recorded at the handoff.");
  assert_has (text, "No measurements have been recorded for this account.");
  g_assert_true (g_regex_match_simple ("^Close date +Not recorded$", text, G_REGEX_MULTILINE, 0));
  /* No ARR was given: it is not known, never $0. */
  g_assert_true (g_regex_match_simple ("^ARR +Not recorded$", text, G_REGEX_MULTILINE, 0));
  g_assert_null (strstr (text, "$0"));
  assert_has (text, "This account has no close date yet");
  assert_has (text, "No tasks have been planned for this account.");
  assert_has (text, "No meetings have been scheduled with this customer.");
  assert_has (text, "No package has been assigned to this account.");
  assert_has (text, "Page 1 of 1");
}

/* Forty long goals run over pages; no row is cut, each page has its
 * footer, and the last goal is there. */
static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autoptr(OvStageAnswers) handoff = NULL;
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *footer = NULL;
  guint n_pages = 0;

  for (guint i = 1; i <= 40; i++)
    g_ptr_array_add (goals, g_strdup_printf ("Goal %u: every team in the region works from the "
                                             "one shared ledger, reconciled daily", i));
  g_ptr_array_add (goals, NULL);
  handoff = ov_store_load_answers (fixture->store, fixture->rich, OV_STAGE_HANDOFF, &error);
  g_assert_no_error (error);
  ov_stage_answers_set_list (handoff, "goals", (const char * const *)goals->pdata);
  g_assert_true (ov_store_save_answers (fixture->store, handoff, &error));
  g_assert_no_error (error);

  g_assert_true (ov_review_report_write (fixture->store, fixture->rich, fixture->today, path,
                                         NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path, &n_pages);

  g_assert_cmpuint (n_pages, >=, 3);
  /* The goals' table runs over three pages at least, its header atop
   * each. */
  {
    g_autoptr(GRegex) header = g_regex_new ("^Goal +Outcome +Comment$", G_REGEX_MULTILINE, 0,
                                            NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint n_headers = 0;

    for (g_regex_match (header, text, 0, &match); g_match_info_matches (match);
         g_match_info_next (match, NULL))
      n_headers++;
    g_assert_cmpuint (n_headers, >=, 3);
  }
  footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  assert_has (text, footer);
  assert_has (text, "Goal 40: every team");
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      assert_has (text, number);
    }
}

static void
test_unknown_account (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint before;

  /* A file already there stays as it was. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  before = ov_test_count_files (fixture->dir);
  g_assert_false (ov_review_report_write (fixture->store, 9999, fixture->today, path, NULL,
                                          &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (ov_test_count_files (fixture->dir), ==, before);
}

/* A folder that is not there, a file where the folder should be, a full
 * disk: refused, the message names the file, nothing is left behind. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "review.pdf", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "plain", NULL);
  g_autofree char *under_file = g_build_filename (plain, "review.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint before;

  g_assert_true (g_file_set_contents (plain, "a file, not a folder", -1, NULL));
  before = ov_test_count_files (fixture->dir);

  g_assert_false (ov_review_report_write (fixture->store, fixture->rich, fixture->today, missing,
                                          NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (ov_review_report_write (fixture->store, fixture->rich, fixture->today,
                                          under_file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);
  g_assert_cmpuint (ov_test_count_files (fixture->dir), ==, before);

  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (ov_review_report_write (fixture->store, fixture->rich, fixture->today,
                                              "/dev/full", NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "/dev/full"));
    }
}

static void
test_find_account (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->bare);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ov_store_find_account_id (fixture->store, "ACME-1", &error), ==, fixture->rich);
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_find_account_id (fixture->store, number, &error), ==, fixture->bare);
  g_assert_no_error (error);

  g_assert_cmpint (ov_store_find_account_id (fixture->store, "acme-1", &error), ==, 0);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "acme-1"));
  g_clear_error (&error);
  g_assert_cmpint (ov_store_find_account_id (fixture->store, "-1", &error), ==, 0);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ov_store_find_account_id (fixture->store, "", &error), ==, 0);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  ov_review_report_write_finish (result, error);
  /* Any non-NULL marks it done. */
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "async.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ov_review_report_write_async (fixture->store, NULL, fixture->rich, fixture->today, path, NULL,
                                write_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  text = pdf_text (path, NULL);
  assert_has (text, MARKUP_NAME);
}

static void
test_suggest_name (void)
{
  g_autofree char *plain = ov_review_report_suggest_name ("Acme");
  g_autofree char *slashed = ov_review_report_suggest_name (" A/B \\ C ");

  g_assert_cmpstr (plain, ==, "Acme Review.pdf");
  g_assert_cmpstr (slashed, ==, "A-B - C Review.pdf");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Measurements and meetings are checked against "today". */
  g_setenv ("OVERTURE_TODAY", "2026-12-03", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review-report/data", test_data);
  ADD ("/review-report/text", test_text);
  ADD ("/review-report/bare", test_bare);
  ADD ("/review-report/many-pages", test_many_pages);
  ADD ("/review-report/unknown-account", test_unknown_account);
  ADD ("/review-report/unwritable", test_unwritable);
  ADD ("/review-report/find-account", test_find_account);
  ADD ("/review-report/async", test_async);
#undef ADD
  g_test_add_func ("/review-report/suggest-name", test_suggest_name);

  status = g_test_run ();
  /* The font map goes with its caches, so the leak check sees what the
   * report leaves behind rather than what Pango keeps for the next text. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
