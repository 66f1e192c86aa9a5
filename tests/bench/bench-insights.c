/* bench-insights.c — every Insights figure over 100,000 accounts and
 * 1,000,000 measurements, each against 100 ms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-insights [--fill PATH]
 *
 * Fills a database with a plausible portfolio: 100,000 accounts closed
 * over three years to 2026-11-30, about 85 % of them at first value
 * (20–110 days after close, later for the before cohort), the rest open;
 * their stage entries, three meetings each (premium packages better
 * attended), four packages and none, a churn every twentieth; and ten
 * measurements each: NPS, health score and product usage with a baseline
 * at close and later values, two ARR points and the hours spent. Then it
 * loads the figures in-process with today 2026-12-01, the program start
 * 2025-06-01 and the period of the last twelve months, and prints each
 * step and each figure's chart in ms, with PASS or FAIL against 100 ms:
 * as the command line loads (ov_insights_load(), reading what the filter
 * keeps), then as the view does (ov_insights_load_async(): the first load
 * reads, a filter change recomputes from what it read).
 *
 * With --fill PATH it only writes the database at PATH (for
 * tests/bench/insights-bench.sh, which times overture-cli against sqlite3
 * on it). Numbers depend on the machine: not a test.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bench-support.h"
#include "ov-insights-private.h"

#define N_ACCOUNTS 100000
#define BUDGET_MS  100.0

/* i: 1 … N_ACCOUNTS. Arithmetic on i stands in for chance, so every run
 * writes the same portfolio. The after cohort (closed from 2025-06-01)
 * reaches value about ten days sooner. */
static const char fill_sql[] =
  "CREATE TEMP TABLE n AS WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
  "  WHERE i < 100000) SELECT i FROM n;"
  "CREATE TEMP TABLE shape AS SELECT i,"
  "  date ('2023-12-01', '+' || ((i * 7919) % 1095) || ' days') AS close,"
  "  20 + (i * 13) % 70 + (i * 29) % 30 AS ttfv,"
  "  (i * 31) % 100 < 88 AS will_reach,"
  "  (i * 17) % 6 + 1 AS stage,"
  "  i % 5 AS package FROM n;"
  "UPDATE shape SET ttfv = ttfv + 10 WHERE close < '2025-06-01';"
  "INSERT INTO accounts (id, name, segment, owner, arr_cents, currency, stage, status,"
  "  close_date, first_value_date, churned_on, package, package_id, created_at, updated_at)"
  "  SELECT i, 'Account ' || i,"
  "  CASE i % 3 WHEN 0 THEN 'SMB' WHEN 1 THEN 'Mid-market' ELSE 'Enterprise' END,"
  "  'Owner ' || (i % 40), 500000 + ((i * 7) % 100) * 10000,"
  "  CASE i % 10 WHEN 0 THEN 'EUR' WHEN 1 THEN 'GBP' ELSE 'USD' END,"
  "  stage, CASE WHEN i % 20 = 0 THEN 2 ELSE 0 END, close,"
  "  CASE WHEN will_reach AND date (close, '+' || ttfv || ' days') < '2026-12-01'"
  "    THEN date (close, '+' || ttfv || ' days') END,"
  "  CASE WHEN i % 20 = 0 AND date (close, '+200 days') < '2026-12-01'"
  "    THEN date (close, '+200 days') END,"
  "  coalesce ((SELECT name FROM packages WHERE id = package), ''),"
  "  (SELECT id FROM packages WHERE id = package), '2026-01-05T09:30:00Z', '2026-01-05T09:30:00Z' FROM shape;"
  "INSERT INTO stage_events (account_id, stage, from_stage, kind, happened_on, created_at)"
  "  SELECT i, s.stage, s.stage - 1, 'enter', date (close, '+' || (s.stage * 20) || ' days'), '2026-01-05T09:30:00Z'"
  "  FROM shape, (SELECT 2 AS stage UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5"
  "  UNION ALL SELECT 6) AS s WHERE s.stage <= shape.stage;"
  "INSERT INTO meetings (account_id, kind, scheduled_on, attended, created_at, updated_at)"
  "  SELECT i, k.kind, date (close, '+' || k.days || ' days'),"
  "  ((i + k.days) * 37) % 100 < 55 + package * 8, '2026-01-05T09:30:00Z', '2026-01-05T09:30:00Z'"
  "  FROM shape, (SELECT 'kickoff' AS kind, 7 AS days UNION ALL SELECT 'training', 30"
  "  UNION ALL SELECT 'review', 90) AS k;"
  "INSERT INTO metric_values (account_id, metric, value, measured_on, is_baseline, created_at,"
  "  updated_at)"
  "  SELECT i, m.metric,"
  "  CASE m.metric"
  "    WHEN 'nps' THEN (i * (m.k + 3) * 7) % 11"
  "    WHEN 'health_score' THEN 40 + (i * (m.k + 1) * 3) % 45 + m.k * 2"
  "    WHEN 'product_usage' THEN 30 + (i * (m.k + 1)) % 55 + m.k * 3"
  "    WHEN 'arr' THEN 5000 + (i % 100) * 100 + m.k * 40"
  "    ELSE 10 + i % 60 END,"
  "  date (close, '+' || m.days || ' days'), m.baseline, '2026-01-05T09:30:00Z', '2026-01-05T09:30:00Z'"
  "  FROM shape, (SELECT 0 AS k, 'nps' AS metric, 0 AS days, 1 AS baseline"
  "    UNION ALL SELECT 1, 'nps', 120, 0"
  "    UNION ALL SELECT 2, 'health_score', 0, 1 UNION ALL SELECT 3, 'health_score', 60, 0"
  "    UNION ALL SELECT 4, 'health_score', 150, 0"
  "    UNION ALL SELECT 5, 'product_usage', 0, 1 UNION ALL SELECT 6, 'product_usage', 90, 0"
  "    UNION ALL SELECT 7, 'product_usage', 180, 0"
  "    UNION ALL SELECT 8, 'arr', 0, 0 UNION ALL SELECT 9, 'arr', 300, 0) AS m;"
  "DROP TABLE shape; DROP TABLE n;";

static gboolean all_pass = TRUE;

static void
report (const char *what,
        double      ms)
{
  gboolean pass = ms <= BUDGET_MS;

  all_pass = all_pass && pass;
  printf ("  %-40s %8.1f ms  %s\n", what, ms, pass ? "PASS" : "FAIL");
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  OvInsights **out = data;
  g_autoptr(GError) error = NULL;

  *out = ov_insights_load_finish (result, &error);
  if (*out == NULL)
    g_error ("%s", error->message);
}

/* ov_insights_load_async(), as the view loads: what it reads is kept with
 * the store for the next filter. */
static OvInsights *
load_async (OvStore                *store,
            const OvInsightsFilter *filter)
{
  OvInsights *insights = NULL;

  ov_insights_load_async (store, filter, NULL, loaded, &insights);
  while (insights == NULL)
    g_main_context_iteration (NULL, TRUE);
  return insights;
}

static void
time_load (OvStore                *store,
           const OvInsightsFilter *filter,
           gboolean                cached,
           const char             *title)
{
  static const char * const steps[] = {
    [OV_INSIGHTS_STEP_READ_ACCOUNTS] = "read accounts, stages, meetings (SQL)",
    [OV_INSIGHTS_STEP_READ_POINTS] = "read 1,000,000 measurements (SQL)",
    [OV_INSIGHTS_STEP_TTFV] = "TTFV cohorts, HL shift, KM curves",
    [OV_INSIGHTS_STEP_PACKAGES] = "TTFV, curves, attendance by package",
    [OV_INSIGHTS_STEP_FUNNEL] = "funnel",
    [OV_INSIGHTS_STEP_MEASUREMENTS] = "baseline vs latest, trend, NPS",
    [OV_INSIGHTS_STEP_REVENUE] = "logo churn, NRR, GRR",
  };
  static const char * const figures[] = {
    [OV_INSIGHTS_TTFV_COHORTS] = "chart: ttfv-cohorts",
    [OV_INSIGHTS_TTFV_CURVE] = "chart: ttfv-curve",
    [OV_INSIGHTS_TTFV_CURVE_BY_PACKAGE] = "chart: ttfv-curve-by-package",
    [OV_INSIGHTS_TTFV_BY_PACKAGE] = "chart: ttfv-by-package",
    [OV_INSIGHTS_ATTENDANCE_BY_PACKAGE] = "chart: attendance-by-package",
    [OV_INSIGHTS_FUNNEL] = "chart: funnel",
    [OV_INSIGHTS_BASELINE_LATEST] = "chart: baseline-latest product_usage",
    [OV_INSIGHTS_REVENUE] = "chart: revenue",
    [OV_INSIGHTS_TREND] = "chart: trend health_score",
  };
  g_autoptr(OvInsights) insights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  OvInsightsTtfv before, after;
  OvInsightsShift shift;
  gint64 start = g_get_monotonic_time ();
  double total;

  insights = cached ? load_async (store, filter) : ov_insights_load (store, filter, NULL, &error);
  total = since (start);
  if (insights == NULL)
    g_error ("%s", error->message);

  ov_insights_get_ttfv (insights, OV_INSIGHTS_BEFORE, &before);
  ov_insights_get_ttfv (insights, OV_INSIGHTS_AFTER, &after);
  ov_insights_get_shift (insights, &shift);
  printf ("%s: %u accounts; TTFV before median %.1f (n %u, open %u), after %.1f (n %u, open %u), "
          "shift %.1f [%.1f, %.1f]\n",
          title, ov_insights_get_n_accounts (insights), before.median, before.n, before.open,
          after.median, after.n, after.open, shift.estimate, shift.low, shift.high);

  for (guint s = 0; s < OV_INSIGHTS_N_STEPS; s++)
    report (steps[s], ov_insights_get_step_ms (insights, s));
  for (guint f = 0; f < OV_INSIGHTS_N_FIGURES; f++)
    {
      const char *metric = f == OV_INSIGHTS_TREND ? "health_score" : "product_usage";
      g_autoptr(OvChart) chart = NULL;
      g_autofree char *sentence = NULL;

      start = g_get_monotonic_time ();
      chart = ov_insights_build_chart (insights, f, metric);
      sentence = ov_insights_describe (insights, f, metric);
      report (figures[f], since (start));
      if (chart == NULL)
        g_error ("no chart for %s", figures[f]);
    }
  start = g_get_monotonic_time ();
  json = ov_insights_to_json (insights);
  report ("JSON of every figure", since (start));
  printf ("  %-40s %8.1f ms  (the whole load, every figure)\n", "total", total);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OvInsightsFilter filter = {
    .program_start = ov_date_from_ymd (2025, 6, 1),
    .today = ov_date_from_ymd (2026, 12, 1),
  };
  gint64 start;

  if (argc == 3 && strcmp (argv[1], "--fill") == 0)
    {
      store = ov_store_open (argv[2], &error);
      if (store == NULL)
        g_error ("%s", error->message);
      bench_fill (store, fill_sql);
      return 0;
    }
  if (argc != 1)
    {
      g_printerr ("Usage: bench-insights [--fill PATH]\n");
      return 2;
    }

  store = bench_open_temp (&dir, &path);
  start = g_get_monotonic_time ();
  bench_fill (store, fill_sql);
  printf ("filled 100,000 accounts and 1,000,000 measurements in %.1f s\n",
          since (start) / 1000.0);
  g_clear_object (&store);

  /* A connection of its own, as a view's worker has; a first load warms
   * the page cache, as the one before a filter change did. */
  store = ov_store_open_full (path, OV_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_object_unref (ov_insights_load (store, &filter, NULL, NULL));

  time_load (store, &filter, FALSE, "every account");
  filter.segment = g_strdup ("SMB");
  filter.package = g_strdup ("Premium");
  time_load (store, &filter, FALSE, "segment SMB, package Premium");
  ov_insights_filter_clear (&filter);

  /* The view: a first load off the main thread reads; changing a filter
   * then recomputes from what it read. (Clearing leaves the dates.) */
  time_load (store, &filter, TRUE, "view: every account (reads, kept)");
  filter.segment = g_strdup ("SMB");
  filter.package = g_strdup ("Premium");
  time_load (store, &filter, TRUE, "view: filter changed to SMB, Premium");
  ov_insights_filter_clear (&filter);
  time_load (store, &filter, TRUE, "view: filter changed back to every account");

  g_clear_object (&store);
  bench_remove (dir, path);
  printf ("%s\n", all_pass ? "PASS: every step and figure within 100 ms"
                           : "FAIL: some step or figure over 100 ms");
  return all_pass ? 0 : 1;
}
