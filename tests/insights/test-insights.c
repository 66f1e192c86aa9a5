/* test-insights.c — every Insights figure over a hand-built portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/fixtures/insights/portfolio.sql holds the accounts; today is
 * 2026-06-01, the program started 2026-01-01, the period is the first
 * quarter of 2026. The expected numbers are worked out by hand beside each
 * test.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ov-insights.h"
#include "ov-store-private.h"
#include "ov-test-support.h"

#define D(y, m, d) ov_date_from_ymd (y, m, d)
#define EPS 1e-9

typedef struct
{
  char    *dir;
  OvStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ov_test_fixture_path ("insights", "portfolio.sql", NULL);
  g_autofree char *sql = NULL;

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);
  fixture->store = ov_test_new_store (&fixture->dir);
  ov_store_exec (fixture->store, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
base_filter (OvInsightsFilter *filter)
{
  *filter = (OvInsightsFilter) {
    .program_start = D (2026, 1, 1),
    .from = D (2026, 1, 1),
    .to = D (2026, 4, 1),
    .today = D (2026, 6, 1),
  };
}

static OvInsights *
load (Fixture                *fixture,
      const OvInsightsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  OvInsights *insights = ov_insights_load (fixture->store, filter, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (insights);
  return insights;
}

static OvInsights *
load_all (Fixture *fixture)
{
  OvInsightsFilter filter;

  base_filter (&filter);
  return load (fixture, &filter);
}

/* Before: TTFV 10, 20, 30, 40, 50, 60 (even: median (30 + 40)/2 = 35;
 * type 7 Q1 at h = 1.25: 20 + ¼·10 = 22.5, Q3 at h = 3.75: 47.5) and one
 * open. After: 5, 15, 25, 35, 45 (odd: median 25, Q1 15, Q3 35), two
 * open. The deleted account (TTFV 1) is in neither. */
static void
test_cohorts (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  OvInsightsTtfv ttfv;

  g_assert_cmpuint (ov_insights_get_n_accounts (insights), ==, 15);

  ov_insights_get_ttfv (insights, OV_INSIGHTS_BEFORE, &ttfv);
  g_assert_cmpuint (ttfv.n, ==, 6);
  g_assert_cmpuint (ttfv.open, ==, 1);
  g_assert_true (ttfv.has_stats);
  g_assert_cmpfloat_with_epsilon (ttfv.median, 35, EPS);
  g_assert_cmpfloat_with_epsilon (ttfv.q1, 22.5, EPS);
  g_assert_cmpfloat_with_epsilon (ttfv.q3, 47.5, EPS);
  g_assert_cmpfloat_with_epsilon (ttfv.min, 10, EPS);
  g_assert_cmpfloat_with_epsilon (ttfv.max, 60, EPS);

  ov_insights_get_ttfv (insights, OV_INSIGHTS_AFTER, &ttfv);
  g_assert_cmpuint (ttfv.n, ==, 5);
  g_assert_cmpuint (ttfv.open, ==, 2);
  g_assert_true (ttfv.has_stats);
  g_assert_cmpfloat_with_epsilon (ttfv.median, 25, EPS);
  g_assert_cmpfloat_with_epsilon (ttfv.q1, 15, EPS);
  g_assert_cmpfloat_with_epsilon (ttfv.q3, 35, EPS);
}

/* A first value dated before the close is no TTFV: such an account is
 * left out of the figures, and counted, never dropped without a word. */
static void
test_inconsistent (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(OvInsights) insights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sentence = NULL;
  OvInsightsTtfv ttfv;

  ov_store_exec (fixture->store,
                 "INSERT INTO accounts (id, name, segment, owner, stage, close_date, "
                 "first_value_date, created_at, updated_at) VALUES (17, 'Rowan', 'SMB', 'Ann', "
                 "6, '2025-10-01', '2025-09-20', 'T', 'T')",
                 &error);
  g_assert_no_error (error);
  insights = load_all (fixture);

  ov_insights_get_ttfv (insights, OV_INSIGHTS_BEFORE, &ttfv);
  g_assert_cmpuint (ttfv.n, ==, 6);
  g_assert_cmpuint (ttfv.open, ==, 1);
  g_assert_cmpuint (ttfv.inconsistent, ==, 1);
  g_assert_cmpfloat_with_epsilon (ttfv.median, 35, EPS);
  ov_insights_get_ttfv (insights, OV_INSIGHTS_AFTER, &ttfv);
  g_assert_cmpuint (ttfv.inconsistent, ==, 0);

  json = ov_insights_to_json (insights);
  g_assert_nonnull (strstr (json, "\"open\" : 1,\n      \"inconsistent\" : 1,"));
  text = ov_insights_to_text (insights);
  g_assert_nonnull (strstr (text, "1 left out: first value dated before the close date\n"));
  sentence = ov_insights_describe (insights, OV_INSIGHTS_TTFV_COHORTS, NULL);
  g_assert_nonnull (strstr (sentence, " 1 left out: its first value is dated before its close."));
}

/* The 30 differences after − before, sorted: −55, −45, −45, −35 ×3, −25 ×4,
 * −15 ×5, −5 ×5, 5 ×4, 15 ×3, 25 ×2, 35. Their median is (−15 + −5)/2 =
 * −10. C = round(15 − 1.96·√(30·12/12)) = 4: the 4th (−35) and 27th (15)
 * differences. U = 10 (pairs with after > before), mean 15, σ² = 30·12/12
 * = 30, no ties: z = (5 − ½)/√30 = 0.8216, p = erfc(z/√2) = 0.411314. */
static void
test_shift (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  OvInsightsShift shift;

  ov_insights_get_shift (insights, &shift);
  g_assert_true (shift.available);
  g_assert_cmpuint (shift.n_before, ==, 6);
  g_assert_cmpuint (shift.n_after, ==, 5);
  g_assert_cmpfloat_with_epsilon (shift.estimate, -10, EPS);
  g_assert_cmpfloat_with_epsilon (shift.low, -35, EPS);
  g_assert_cmpfloat_with_epsilon (shift.high, 15, EPS);
  g_assert_cmpfloat_with_epsilon (shift.p, 0.411313792, 1e-6);
}

/* After: reached on days 5, 15, 25, 35, 45; Maple open until it churned on
 * day 30, Nutmeg open until today, day 120. S: 6/7, 5/7, 4/7; day 30 is a
 * censoring (4 at risk, S unchanged); day 35: 4/7 · 2/3 = 8/21; day 45:
 * 8/21 · 1/2 = 4/21, so 17/21 reached; the median is day 35 (13/21 ≥ ½,
 * day 25 only 3/7). Before: k/7 on days 10k, Ginkgo censored on day 243. */
static void
test_curve (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  const OvSurvival *after = ov_insights_get_curve (insights, OV_INSIGHTS_AFTER);
  const OvSurvival *before = ov_insights_get_curve (insights, OV_INSIGHTS_BEFORE);

  g_assert_nonnull (after);
  g_assert_cmpuint (after->n, ==, 7);
  g_assert_cmpuint (after->n_events, ==, 5);
  g_assert_cmpuint (after->n_censored, ==, 2);
  g_assert_cmpuint (after->n_steps, ==, 7);
  g_assert_cmpint (after->steps[3].day, ==, 30);
  g_assert_cmpuint (after->steps[3].censored, ==, 1);
  g_assert_cmpuint (after->steps[3].at_risk, ==, 4);
  g_assert_cmpfloat_with_epsilon (after->steps[3].reached, 3.0 / 7, EPS);
  g_assert_cmpint (after->steps[4].day, ==, 35);
  g_assert_cmpfloat_with_epsilon (after->steps[4].reached, 13.0 / 21, EPS);
  g_assert_cmpint (after->steps[5].day, ==, 45);
  g_assert_cmpfloat_with_epsilon (after->steps[5].reached, 17.0 / 21, EPS);
  g_assert_cmpint (after->steps[6].day, ==, 120);
  g_assert_true (after->has_median);
  g_assert_cmpint (after->median_day, ==, 35);

  g_assert_cmpuint (before->n, ==, 7);
  g_assert_cmpint (before->steps[5].day, ==, 60);
  g_assert_cmpfloat_with_epsilon (before->steps[5].reached, 6.0 / 7, EPS);
  g_assert_cmpint (before->steps[6].day, ==, 243);
  g_assert_cmpuint (before->steps[6].censored, ==, 1);
}

/* Highest stages: Alder, Birch 6; Cedar, Dogwood 5; Elm, Fir, Hazel, Ilex
 * and Larch (entered Adopt, back in Handoff) 4; Ginkgo, Juniper, Kauri 3;
 * Maple, Nutmeg 2; Oak 1 (its skip of Kickoff is no entry). Now: churned
 * Fir and Maple are in no stage. */
static void
test_funnel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  const OvInsightsFunnelStage *funnel = ov_insights_get_funnel (insights);
  const guint reached[] = { 15, 14, 12, 9, 4, 2 };
  const guint now[] = { 1, 2, 3, 3, 2, 2 };

  for (guint s = 0; s < OV_N_STAGES; s++)
    {
      g_assert_cmpint (funnel[s].stage, ==, s + 1);
      g_assert_cmpuint (funnel[s].reached, ==, reached[s]);
      g_assert_cmpuint (funnel[s].now, ==, now[s]);
    }
  g_assert_cmpfloat_with_epsilon (funnel[2].drop_off, 0.25, EPS);   /* 1 − 9/12 */
  g_assert_cmpfloat_with_epsilon (funnel[4].drop_off, 0.5, EPS);    /* 1 − 2/4 */
  g_assert_true (isnan (funnel[5].drop_off));
}

/* Essential: Dogwood 40, Elm 50, Kauri 35, Larch 45: n 4, under 5, so no
 * statistic, yet its median 42.5 is kept for the points. Premium (Cedar's
 * text "premium" is the same package): 10, 20, 30, 5, 15, 25 and Nutmeg
 * open: median 17.5, Q1 10 + ¼·5 = 11.25, Q3 23.75. No package: Fir 60,
 * Ginkgo and Maple open, Oak not closed. Meetings up to today: Premium
 * 7 scheduled, 5 attended over 5 accounts (Alder's July review is still to
 * come); Essential 2 and 1, one account: no rate. */
static void
test_packages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  const OvInsightsPackage *packages;
  guint n;

  packages = ov_insights_get_packages (insights, &n);
  g_assert_cmpuint (n, ==, 3);

  g_assert_cmpstr (packages[0].package, ==, "Essential");
  g_assert_cmpuint (packages[0].n_accounts, ==, 4);
  g_assert_cmpuint (packages[0].ttfv.n, ==, 4);
  g_assert_false (packages[0].ttfv.has_stats);
  g_assert_cmpfloat_with_epsilon (packages[0].ttfv.median, 42.5, EPS);
  g_assert_cmpfloat_with_epsilon (packages[0].ttfv.days[0], 35, EPS);
  g_assert_cmpfloat_with_epsilon (packages[0].ttfv.days[3], 50, EPS);
  g_assert_cmpuint (packages[0].scheduled, ==, 2);
  g_assert_cmpuint (packages[0].attended, ==, 1);
  g_assert_true (isnan (packages[0].rate));

  g_assert_cmpstr (packages[1].package, ==, "Premium");
  g_assert_cmpuint (packages[1].n_accounts, ==, 7);
  g_assert_cmpuint (packages[1].ttfv.n, ==, 6);
  g_assert_cmpuint (packages[1].ttfv.open, ==, 1);
  g_assert_true (packages[1].ttfv.has_stats);
  g_assert_cmpfloat_with_epsilon (packages[1].ttfv.median, 17.5, EPS);
  g_assert_cmpfloat_with_epsilon (packages[1].ttfv.q1, 11.25, EPS);
  g_assert_cmpfloat_with_epsilon (packages[1].ttfv.q3, 23.75, EPS);
  g_assert_cmpuint (packages[1].scheduled, ==, 7);
  g_assert_cmpuint (packages[1].attended, ==, 5);
  g_assert_cmpuint (packages[1].n_with_meetings, ==, 5);
  g_assert_cmpfloat_with_epsilon (packages[1].rate, 5.0 / 7, EPS);

  g_assert_cmpstr (packages[2].package, ==, "");
  g_assert_cmpuint (packages[2].n_accounts, ==, 4);
  g_assert_cmpuint (packages[2].ttfv.n, ==, 1);
  g_assert_cmpuint (packages[2].ttfv.open, ==, 2);
  g_assert_cmpuint (packages[2].scheduled, ==, 0);
  g_assert_nonnull (ov_insights_get_package_curve (insights, 1));
  g_assert_cmpuint (ov_insights_get_package_curve (insights, 1)->n, ==, 7);
}

/* Usage pairs (baseline, latest): (40, 60) — Alder's 50 in between is not
 * the latest —, (30, 45), (50, 45), (20, 50), (60, 70); Fir has a baseline
 * alone, Ginkgo no baseline, Hazel's later value is on the baseline's day.
 * Medians 40, 50, change median of 20, 15, −5, 30, 10 = 15. Wilcoxon: the
 * |changes| ranked 5→1, 10→2, 15→3, 20→4, 30→5; W+ = 4 + 3 + 5 + 2 = 14,
 * mean 7.5, σ² = 5·6·11/24 = 13.75: z = 6/√13.75, p = 0.105645. Health:
 * two pairs, no p; medians 55 → 67.5, change (20 + 5)/2. */
static void
test_baseline_latest (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  const char *const *metrics = ov_insights_get_metrics (insights);
  OvInsightsPaired paired;

  g_assert_cmpuint (g_strv_length ((char **)metrics), ==, 4);
  g_assert_cmpstr (metrics[0], ==, "arr");
  g_assert_cmpstr (metrics[3], ==, "product_usage");

  g_assert_true (ov_insights_get_paired (insights, "product_usage", &paired));
  g_assert_cmpuint (paired.n, ==, 5);
  g_assert_true (paired.has_stats);
  g_assert_cmpfloat_with_epsilon (paired.median_baseline, 40, EPS);
  g_assert_cmpfloat_with_epsilon (paired.median_latest, 50, EPS);
  g_assert_cmpfloat_with_epsilon (paired.median_change, 15, EPS);
  g_assert_cmpfloat_with_epsilon (paired.p, 0.105645429, 1e-6);

  g_assert_true (ov_insights_get_paired (insights, "health_score", &paired));
  g_assert_cmpuint (paired.n, ==, 2);
  g_assert_false (paired.has_stats);
  g_assert_true (isnan (paired.p));
  g_assert_cmpfloat_with_epsilon (paired.median_baseline, 55, EPS);
  g_assert_cmpfloat_with_epsilon (paired.median_latest, 67.5, EPS);
  g_assert_cmpfloat_with_epsilon (paired.median_change, 12.5, EPS);
  g_assert_cmpfloat_with_epsilon (paired.baseline[0], 50, EPS);
  g_assert_cmpfloat_with_epsilon (paired.latest[1], 65, EPS);

  g_assert_false (ov_insights_get_paired (insights, "internal_cost", &paired));
}

/* Usage in Q1 2026: none in January; February 60, 45, 45, 50, 70 and
 * Hazel's 10 (baseline) and 20: n 7, median 45; March 80, 55: n 2, no
 * median. The deleted account's 95 is in no month. */
static void
test_trend (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  const OvInsightsMonth *months;
  guint n;

  months = ov_insights_get_trend (insights, "product_usage", &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (months[0].month, ==, D (2026, 1, 1));
  g_assert_cmpuint (months[0].n, ==, 0);
  g_assert_true (isnan (months[0].median));
  g_assert_cmpint (months[1].month, ==, D (2026, 2, 1));
  g_assert_cmpuint (months[1].n, ==, 7);
  g_assert_cmpfloat_with_epsilon (months[1].median, 45, EPS);
  g_assert_cmpuint (months[2].n, ==, 2);
  g_assert_true (isnan (months[2].median));

  g_assert_null (ov_insights_get_trend (insights, "internal_cost", &n));
  g_assert_cmpuint (n, ==, 0);
}

/* NPS in the period: 10, 9, 8, 7, 6, 3, 10: 3 promoters, 2 passives, 2
 * detractors, score 100 · 1/7 (Ilex's 0 on 31 December and the deleted
 * account's are outside). Starting accounts: the seven closed before
 * 2026: Fir churned in February, 1/7. USD: ARR(A) 1000 + 2000 + 1500 +
 * 500 + 800 (Elm's only point is later: its earliest) = 5800, ARR(B)
 * 1000 + 3000 + 1000 + 500 + 800 = 6300, kept 5300. EUR: Fir 2000 → 0,
 * Ginkgo 1000 → 1000. */
static void
test_revenue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  OvInsightsRevenue revenue;

  ov_insights_get_revenue (insights, &revenue);
  g_assert_cmpuint (revenue.nps.n, ==, 7);
  g_assert_cmpuint (revenue.nps.promoters, ==, 3);
  g_assert_cmpuint (revenue.nps.passives, ==, 2);
  g_assert_cmpuint (revenue.nps.detractors, ==, 2);
  g_assert_cmpfloat_with_epsilon (revenue.nps.score, 100.0 / 7, EPS);

  g_assert_cmpuint (revenue.churn.n_start, ==, 7);
  g_assert_cmpuint (revenue.churn.n_churned, ==, 1);
  g_assert_cmpfloat_with_epsilon (revenue.churn.rate, 1.0 / 7, EPS);

  g_assert_cmpuint (revenue.n_currencies, ==, 2);
  g_assert_cmpstr (revenue.retention[0].currency, ==, "EUR");
  g_assert_cmpint (revenue.retention[0].arr_start, ==, 300000);
  g_assert_cmpint (revenue.retention[0].arr_end, ==, 100000);
  g_assert_cmpfloat_with_epsilon (revenue.retention[0].nrr, 1.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (revenue.retention[0].grr, 1.0 / 3, EPS);
  g_assert_cmpstr (revenue.retention[1].currency, ==, "USD");
  g_assert_cmpuint (revenue.retention[1].n_accounts, ==, 5);
  g_assert_cmpint (revenue.retention[1].arr_start, ==, 580000);
  g_assert_cmpint (revenue.retention[1].arr_end, ==, 630000);
  g_assert_cmpint (revenue.retention[1].arr_kept, ==, 530000);
  g_assert_cmpfloat_with_epsilon (revenue.retention[1].nrr, 6300.0 / 5800, EPS);
  g_assert_cmpfloat_with_epsilon (revenue.retention[1].grr, 5300.0 / 5800, EPS);
}

/* SMB: Alder, Birch, Cedar, Hazel, Ilex, Juniper, Maple, Oak. Before 10,
 * 20, 30: three, so no statistic and no shift; after 5, 15, 25 and Maple
 * open. */
static void
test_filter_segment (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(OvInsights) insights = NULL;
  OvInsightsFilter filter;
  OvInsightsTtfv ttfv;
  OvInsightsShift shift;
  g_autofree char *sentence = NULL;

  base_filter (&filter);
  filter.segment = g_strdup ("SMB");
  insights = load (fixture, &filter);
  ov_insights_filter_clear (&filter);

  g_assert_cmpuint (ov_insights_get_n_accounts (insights), ==, 8);
  ov_insights_get_ttfv (insights, OV_INSIGHTS_BEFORE, &ttfv);
  g_assert_cmpuint (ttfv.n, ==, 3);
  g_assert_false (ttfv.has_stats);
  g_assert_cmpfloat_with_epsilon (ttfv.days[2], 30, EPS);
  ov_insights_get_ttfv (insights, OV_INSIGHTS_AFTER, &ttfv);
  g_assert_cmpuint (ttfv.n, ==, 3);
  g_assert_cmpuint (ttfv.open, ==, 1);
  ov_insights_get_shift (insights, &shift);
  g_assert_false (shift.available);
  g_assert_true (isnan (shift.estimate));

  /* under 5: the points, no statistic */
  sentence = ov_insights_describe (insights, OV_INSIGHTS_TTFV_COHORTS, NULL);
  g_assert_nonnull (strstr (sentence, "10, 20 and 30"));
  g_assert_null (strstr (sentence, "shift"));
}

/* Bob: Cedar, Dogwood, Elm, Juniper, Kauri, Larch, Nutmeg; before 30, 40,
 * 50. */
static void
test_filter_owner (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(OvInsights) insights = NULL;
  OvInsightsFilter filter;
  OvInsightsTtfv ttfv;

  base_filter (&filter);
  filter.owner = g_strdup ("Bob");
  insights = load (fixture, &filter);
  ov_insights_filter_clear (&filter);

  g_assert_cmpuint (ov_insights_get_n_accounts (insights), ==, 7);
  ov_insights_get_ttfv (insights, OV_INSIGHTS_BEFORE, &ttfv);
  g_assert_cmpuint (ttfv.n, ==, 3);
  g_assert_cmpfloat_with_epsilon (ttfv.median, 40, EPS);
}

/* A package by its name in any case; "" for accounts without one. */
static void
test_filter_package (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *names[] = { "Premium", " premium ", "", "Guided" };
  const guint expected[] = { 7, 7, 4, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(OvInsights) insights = NULL;
      OvInsightsFilter filter;
      const OvInsightsPackage *packages;
      guint n;

      base_filter (&filter);
      filter.package = g_strdup (names[i]);
      insights = load (fixture, &filter);
      ov_insights_filter_clear (&filter);

      g_assert_cmpuint (ov_insights_get_n_accounts (insights), ==, expected[i]);
      packages = ov_insights_get_packages (insights, &n);
      g_assert_cmpuint (n, ==, expected[i] > 0 ? 1 : 0);
      if (n > 0)
        g_assert_cmpstr (packages[0].package, ==, names[i][0] != '\0' ? "Premium" : "");
    }
}

/* Closed in 2026: Hazel … Nutmeg, seven; none of them is a starting
 * account of the period, so no churn and no retention. */
static void
test_filter_closed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(OvInsights) insights = NULL;
  g_autoptr(OvInsights) before = NULL;
  OvInsightsFilter filter;
  OvInsightsRevenue revenue;
  OvInsightsTtfv ttfv;

  base_filter (&filter);
  filter.closed_from = D (2026, 1, 1);
  insights = load (fixture, &filter);
  g_assert_cmpuint (ov_insights_get_n_accounts (insights), ==, 7);
  ov_insights_get_ttfv (insights, OV_INSIGHTS_BEFORE, &ttfv);
  g_assert_cmpuint (ttfv.n + ttfv.open, ==, 0);
  ov_insights_get_revenue (insights, &revenue);
  g_assert_cmpuint (revenue.churn.n_start, ==, 0);
  g_assert_cmpuint (revenue.n_currencies, ==, 0);

  base_filter (&filter);
  filter.closed_to = D (2025, 12, 31);
  before = load (fixture, &filter);
  g_assert_cmpuint (ov_insights_get_n_accounts (before), ==, 7);
  ov_insights_get_ttfv (before, OV_INSIGHTS_AFTER, &ttfv);
  g_assert_cmpuint (ttfv.n + ttfv.open, ==, 0);
}

/* Without a program start there are no cohorts: zero counts, no curve, no
 * chart, and a sentence saying how to set one. */
static void
test_no_program_start (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(OvInsights) insights = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *text = NULL;
  OvInsightsFilter filter;
  OvInsightsTtfv ttfv;

  base_filter (&filter);
  filter.program_start = OV_DATE_NONE;
  insights = load (fixture, &filter);

  ov_insights_get_ttfv (insights, OV_INSIGHTS_AFTER, &ttfv);
  g_assert_cmpuint (ttfv.n, ==, 0);
  g_assert_true (isnan (ttfv.median));
  g_assert_null (ov_insights_get_curve (insights, OV_INSIGHTS_BEFORE));
  g_assert_null (ov_insights_build_chart (insights, OV_INSIGHTS_TTFV_COHORTS, NULL));
  g_assert_null (ov_insights_build_chart (insights, OV_INSIGHTS_TTFV_CURVE, NULL));
  sentence = ov_insights_describe (insights, OV_INSIGHTS_TTFV_CURVE, NULL);
  g_assert_nonnull (strstr (sentence, "--program-start"));
  text = ov_insights_to_text (insights);
  g_assert_nonnull (strstr (text, "No program start date is set"));
}

/* The charts carry the figures' numbers and n. */
static void
test_charts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(OvInsights) insights = load_all (fixture);
  g_autoptr(OvChart) cohorts = ov_insights_build_chart (insights, OV_INSIGHTS_TTFV_COHORTS, NULL);
  g_autoptr(OvChart) funnel = ov_insights_build_chart (insights, OV_INSIGHTS_FUNNEL, NULL);
  g_autoptr(OvChart) attendance = NULL;
  g_autoptr(OvChart) paired = NULL;
  g_autoptr(OvChart) few = NULL;
  g_autoptr(OvChart) trend = NULL;
  g_autoptr(OvChart) curve = NULL;
  const OvChartPoint *points;
  const OvChartBox *box;
  double value;
  guint n_points;
  int n;

  box = ov_chart_get_box (cohorts, 0, 0);
  g_assert_nonnull (box);
  g_assert_cmpint (box->n, ==, 6);
  g_assert_cmpfloat_with_epsilon (box->median, 35, EPS);

  g_assert_cmpuint (ov_chart_get_n_categories (funnel), ==, 6);
  g_assert_true (ov_chart_get_value (funnel, 0, 3, &value, &n));
  g_assert_cmpfloat_with_epsilon (value, 9, EPS);

  attendance = ov_insights_build_chart (insights, OV_INSIGHTS_ATTENDANCE_BY_PACKAGE, NULL);
  g_assert_true (ov_chart_get_value (attendance, 0, 1, &value, &n));
  g_assert_cmpfloat_with_epsilon (value, 500.0 / 7, 1e-6);
  g_assert_cmpint (n, ==, 5);
  g_assert_false (ov_chart_get_value (attendance, 0, 0, &value, &n));

  paired = ov_insights_build_chart (insights, OV_INSIGHTS_BASELINE_LATEST, "product_usage");
  g_assert_cmpint (ov_chart_get_kind (paired), ==, OV_CHART_BOX);
  g_assert_cmpfloat_with_epsilon (ov_chart_get_box (paired, 0, 1)->median, 50, EPS);
  few = ov_insights_build_chart (insights, OV_INSIGHTS_BASELINE_LATEST, "health_score");
  g_assert_cmpint (ov_chart_get_kind (few), ==, OV_CHART_GROUPED_BAR);
  g_assert_cmpuint (ov_chart_get_n_categories (few), ==, 2);
  g_assert_null (ov_insights_build_chart (insights, OV_INSIGHTS_TREND, "internal_cost"));

  trend = ov_insights_build_chart (insights, OV_INSIGHTS_TREND, "product_usage");
  points = ov_chart_get_points (trend, 0, &n_points);
  g_assert_cmpuint (n_points, ==, 1);
  g_assert_cmpfloat_with_epsilon (points[0].x, D (2026, 2, 1), EPS);
  g_assert_cmpfloat_with_epsilon (points[0].y, 45, EPS);

  curve = ov_insights_build_chart (insights, OV_INSIGHTS_TTFV_CURVE, NULL);
  g_assert_cmpuint (ov_chart_get_n_series (curve), ==, 2);
  points = ov_chart_get_points (curve, 1, &n_points);
  g_assert_cmpfloat_with_epsilon (points[n_points - 1].y, 100.0 * 17 / 21, 1e-6);

  for (guint f = 0; f < OV_INSIGHTS_N_FIGURES; f++)
    {
      g_autofree char *sentence = ov_insights_describe (insights, f, "product_usage");

      g_assert_true (sentence != NULL && sentence[0] != '\0');
    }
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  OvInsights **out = data;
  g_autoptr(GError) error = NULL;

  *out = ov_insights_load_finish (result, &error);
  g_assert_no_error (error);
}

/* The same figures off the calling thread. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(OvInsights) insights = NULL;
  OvInsightsFilter filter;
  OvInsightsTtfv ttfv;

  base_filter (&filter);
  ov_insights_load_async (fixture->store, &filter, NULL, loaded, &insights);
  while (insights == NULL)
    g_main_context_iteration (NULL, TRUE);

  ov_insights_get_ttfv (insights, OV_INSIGHTS_BEFORE, &ttfv);
  g_assert_cmpfloat_with_epsilon (ttfv.median, 35, EPS);
  g_assert_cmpuint (ov_insights_get_filter (insights)->today, ==, D (2026, 6, 1));
}

static OvInsights *
load_async (Fixture                *fixture,
            const OvInsightsFilter *filter)
{
  OvInsights *insights = NULL;

  ov_insights_load_async (fixture->store, filter, NULL, loaded, &insights);
  while (insights == NULL)
    g_main_context_iteration (NULL, TRUE);
  return insights;
}

/* Loads off the calling thread after the first pick their accounts from
 * what it read: every filter gives what a load of its own gives (the same
 * counts as the filter tests, the same JSON), until the store says it
 * changed. */
static void
test_async_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  struct { const char *segment, *owner, *package; OvDate closed_from, closed_to; guint n; } cases[] = {
    { NULL, NULL, NULL, OV_DATE_NONE, OV_DATE_NONE, 15 },
    { "SMB", NULL, NULL, OV_DATE_NONE, OV_DATE_NONE, 8 },
    { NULL, "Bob", NULL, OV_DATE_NONE, OV_DATE_NONE, 7 },
    { NULL, NULL, "Premium", OV_DATE_NONE, OV_DATE_NONE, 7 },
    { NULL, NULL, " premium ", OV_DATE_NONE, OV_DATE_NONE, 7 },
    { NULL, NULL, "", OV_DATE_NONE, OV_DATE_NONE, 4 },
    { NULL, NULL, "Guided", OV_DATE_NONE, OV_DATE_NONE, 0 },
    { NULL, NULL, NULL, D (2026, 1, 1), OV_DATE_NONE, 7 },
    { NULL, NULL, NULL, OV_DATE_NONE, D (2025, 12, 31), 7 },
    { "SMB", "Bob", "Premium", OV_DATE_NONE, OV_DATE_NONE, 2 },   /* Cedar, Juniper */
  };
  g_autoptr(OvInsights) changed = NULL;
  g_autoptr(OvInsights) again = NULL;
  g_autoptr(GError) error = NULL;
  OvInsightsFilter filter;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvInsights) direct = NULL;
      g_autoptr(OvInsights) cached = NULL;
      g_autofree char *direct_json = NULL;
      g_autofree char *cached_json = NULL;

      base_filter (&filter);
      filter.segment = g_strdup (cases[i].segment);
      filter.owner = g_strdup (cases[i].owner);
      filter.package = g_strdup (cases[i].package);
      filter.closed_from = cases[i].closed_from;
      filter.closed_to = cases[i].closed_to;
      direct = load (fixture, &filter);
      cached = load_async (fixture, &filter);
      ov_insights_filter_clear (&filter);

      g_assert_cmpuint (ov_insights_get_n_accounts (cached), ==, cases[i].n);
      g_assert_cmpuint (ov_insights_get_n_accounts (direct), ==, cases[i].n);
      direct_json = ov_insights_to_json (direct);
      cached_json = ov_insights_to_json (cached);
      g_assert_cmpstr (cached_json, ==, direct_json);
    }

  /* A change the store is not told of is not seen; once told, it is: the
   * eight SMB accounts deleted leave seven. */
  ov_store_exec (fixture->store,
                 "UPDATE accounts SET deleted_at = '2026-05-01T00:00:00Z' "
                 "WHERE segment = 'SMB' AND deleted_at IS NULL", &error);
  g_assert_no_error (error);
  base_filter (&filter);
  again = load_async (fixture, &filter);
  g_assert_cmpuint (ov_insights_get_n_accounts (again), ==, 15);
  ov_store_emit_changed (fixture->store, "accounts");
  changed = load_async (fixture, &filter);
  g_assert_cmpuint (ov_insights_get_n_accounts (changed), ==, 7);
}

/* A period that ends before it starts is refused. */
static void
test_bad_period (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OvInsights) insights = NULL;
  OvInsightsFilter filter;

  base_filter (&filter);
  filter.from = D (2026, 4, 1);
  filter.to = D (2026, 1, 1);
  insights = ov_insights_load (fixture->store, &filter, NULL, &error);
  g_assert_null (insights);
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
}

static void
assert_p (double      p,
          const char *expected)
{
  g_autofree char *text = ov_insights_format_p (p);

  g_assert_cmpstr (text, ==, expected);
}

/* A p-value reads with the decimal mark of the numbers beside it: under
 * German number formats "p < 0,001" sat next to "53,5" as "p < 0.001". */
static void
test_format_p (void)
{
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));

  assert_p (0.042, "p\u00a0=\u00a00.042");
  assert_p (0.0004, "p\u00a0<\u00a00.001");
  assert_p (0.001, "p\u00a0=\u00a00.001");
  assert_p (NAN, "–");

  g_assert_nonnull (setlocale (LC_NUMERIC, "de_DE.UTF-8"));
  assert_p (0.042, "p\u00a0=\u00a00,042");
  assert_p (0.0004, "p\u00a0<\u00a00,001");
  setlocale (LC_NUMERIC, numeric);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/insights/format-p", test_format_p);

#define ADD(path, func) \
  g_test_add ("/insights/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("cohorts", test_cohorts);
  ADD ("inconsistent", test_inconsistent);
  ADD ("shift", test_shift);
  ADD ("curve", test_curve);
  ADD ("funnel", test_funnel);
  ADD ("packages", test_packages);
  ADD ("baseline-latest", test_baseline_latest);
  ADD ("trend", test_trend);
  ADD ("revenue", test_revenue);
  ADD ("filter/segment", test_filter_segment);
  ADD ("filter/owner", test_filter_owner);
  ADD ("filter/package", test_filter_package);
  ADD ("filter/closed", test_filter_closed);
  ADD ("no-program-start", test_no_program_start);
  ADD ("charts", test_charts);
  ADD ("async", test_async);
  ADD ("async/filters", test_async_filters);
  ADD ("bad-period", test_bad_period);

  return g_test_run ();
}
