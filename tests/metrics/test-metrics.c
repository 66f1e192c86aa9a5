/* test-metrics.c — medians, NPS and the portfolio summary, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-test-support.h"

static void
test_median (void)
{
  double odd[] = { 40, 10, 30 };
  double even[] = { 7, 1, 3, 100 };
  double one[] = { 12 };

  g_assert_cmpfloat (ov_metrics_median (odd, 3), ==, 30);
  g_assert_cmpfloat (ov_metrics_median (even, 4), ==, 5);
  g_assert_cmpfloat (ov_metrics_median (one, 1), ==, 12);
  g_assert_true (isnan (ov_metrics_median (NULL, 0)));
}

static void
test_nps (void)
{
  /* 4 promoters, 2 passives, 4 detractors of 10: 40 % − 40 % = 0. */
  int balanced[] = { 10, 9, 9, 10, 7, 8, 0, 6, 5, 3 };
  /* 3 promoters, 1 detractor of 5: 60 − 20 = 40. */
  int good[] = { 9, 10, 10, 6, 8 };
  int bad[] = { 9, 11 };
  double nps = 0;

  g_assert_true (ov_metrics_nps (balanced, G_N_ELEMENTS (balanced), &nps));
  g_assert_cmpfloat (nps, ==, 0);
  g_assert_true (ov_metrics_nps (good, G_N_ELEMENTS (good), &nps));
  g_assert_cmpfloat_with_epsilon (nps, 40, 1e-9);
  g_assert_false (ov_metrics_nps (bad, G_N_ELEMENTS (bad), &nps));
  g_assert_false (ov_metrics_nps (good, 0, &nps));
}

static void
test_nps_counts (void)
{
  /* 10 9 10: promoters; 8 7: passives; 6 0: detractors. n = 7,
   * 100 × (3 − 2) / 7 = 14.285714… */
  const int responses[] = { 10, 9, 8, 7, 6, 0, 10 };
  const int below[] = { 5, -1 };
  const int above[] = { 11 };
  OvNps nps = { .n = 99 };
  g_autoptr(GError) empty = NULL;
  g_autoptr(GError) negative = NULL;
  g_autoptr(GError) eleven = NULL;

  g_assert_true (ov_metrics_count_nps (responses, G_N_ELEMENTS (responses), &nps, NULL));
  g_assert_cmpuint (nps.n, ==, 7);
  g_assert_cmpuint (nps.promoters, ==, 3);
  g_assert_cmpuint (nps.passives, ==, 2);
  g_assert_cmpuint (nps.detractors, ==, 2);
  g_assert_cmpfloat_with_epsilon (nps.score, 100.0 / 7, 1e-12);

  /* All detractors: −100. */
  g_assert_true (ov_metrics_count_nps (below, 1, &nps, NULL));
  g_assert_cmpfloat (nps.score, ==, -100);

  /* Refused, and @nps left as it was. */
  g_assert_false (ov_metrics_count_nps (responses, 0, &nps, &empty));
  g_assert_error (empty, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY);
  g_assert_false (ov_metrics_count_nps (below, 2, &nps, &negative));
  g_assert_error (negative, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (negative->message, "2 of 2 is -1"));
  g_assert_false (ov_metrics_count_nps (above, 1, &nps, &eleven));
  g_assert_error (eleven, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);
  g_assert_cmpuint (nps.n, ==, 1);
}

static OvAccount *
account (OvStage         stage,
         OvAccountStatus status,
         int             close_day,
         int             value_day,
         gint64          arr)
{
  OvAccount *a = ov_account_new ();

  ov_account_set_name (a, "x");
  ov_account_set_stage (a, stage);
  ov_account_set_status (a, status);
  ov_account_set_arr_cents (a, arr);
  ov_account_set_date (a, OV_ACCOUNT_DATE_CLOSE, ov_date_from_ymd (2026, 1, close_day));
  if (value_day > 0)
    ov_account_set_date (a, OV_ACCOUNT_DATE_FIRST_VALUE, ov_date_from_ymd (2026, 3, value_day));
  return a;
}

static void
test_summary (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  OvPortfolioSummary summary;

  /* TTFV: Jan 1 → Mar 1 = 59, Jan 1 → Mar 11 = 69, Jan 11 → Mar 1 = 49. */
  g_ptr_array_add (all, account (OV_STAGE_ADOPT, OV_ACCOUNT_STATUS_ACTIVE, 1, 1, 100));
  g_ptr_array_add (all, account (OV_STAGE_REVIEW, OV_ACCOUNT_STATUS_ACTIVE, 1, 11, 200));
  g_ptr_array_add (all, account (OV_STAGE_EXPAND, OV_ACCOUNT_STATUS_ACTIVE, 11, 1, 400));
  g_ptr_array_add (all, account (OV_STAGE_HANDOFF, OV_ACCOUNT_STATUS_PAUSED, 20, 0, 800));
  g_ptr_array_add (all, account (OV_STAGE_EMBARK, OV_ACCOUNT_STATUS_ACTIVE, 25, 0, 1600));
  g_ptr_array_add (all, account (OV_STAGE_ADOPT, OV_ACCOUNT_STATUS_CHURNED, 25, 0, 3200));

  ov_metrics_summarize (all, &summary);
  g_assert_cmpuint (summary.n_accounts, ==, 6);
  g_assert_cmpuint (summary.per_stage[OV_STAGE_ADOPT], ==, 2);
  g_assert_cmpuint (summary.per_stage[OV_STAGE_KICKOFF], ==, 0);
  g_assert_cmpuint (summary.per_status[OV_ACCOUNT_STATUS_PAUSED], ==, 1);
  g_assert_cmpuint (summary.per_status[OV_ACCOUNT_STATUS_CHURNED], ==, 1);
  /* Live: active and Handoff..Review → the Adopt and Review ones. */
  g_assert_cmpuint (summary.live, ==, 2);
  g_assert_cmpint (summary.live_arr_cents, ==, 300);
  g_assert_cmpuint (summary.n_ttfv, ==, 3);
  g_assert_cmpfloat (summary.median_ttfv, ==, 59);
}

/* The one table of known metrics: names a file may use, and ranges. */
static void
test_kinds (void)
{
  const struct
  {
    const char *name;
    const char *id;
    double      good[2];
    double      bad[2];
  } cases[] = {
    { "NPS", "nps", { 0, 10 }, { -1, 7.5 } },
    { "Net Promoter Score", "nps", { 0, 10 }, { 11, 123 } },
    { "health", "health_score", { 0, 100 }, { -0.5, 100.5 } },
    { "Usage", "product_usage", { 0, 100 }, { -1, 120 } },
    { "engagement", "engagement", { 0, 100 }, { -1, 101 } },
    { "Hours", "internal_cost", { 0, 1e6 }, { -2, -0.01 } },
    { "ARR", "arr", { 0, 1234567.5 }, { -100, -0.01 } },
  };
  guint n_kinds = 0;

  g_assert_nonnull (ov_metric_kind_list (&n_kinds));
  g_assert_cmpuint (n_kinds, ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const OvMetricKind *kind = ov_metric_kind_find (cases[i].name, -1);

      g_test_message ("%s", cases[i].name);
      g_assert_nonnull (kind);
      g_assert_cmpstr (kind->id, ==, cases[i].id);
      g_assert_true (ov_metric_kind_find (kind->id, -1) == kind);
      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (ov_metric_kind_check_value (kind, cases[i].good[k], "x", 1, NULL));
          g_assert_false (ov_metric_kind_check_value (kind, cases[i].bad[k], "x", 1, &error));
          g_assert_error (error, OV_METRIC_KIND_ERROR, OV_METRIC_KIND_ERROR_RANGE);
        }
    }

  /* Other names stay allowed, with any value. */
  g_assert_null (ov_metric_kind_find ("Custom score", -1));
  g_assert_null (ov_metric_kind_find ("npsx", -1));
  g_assert_true (ov_metric_kind_find ("npsx", 3) == ov_metric_kind_find ("nps", -1));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/metrics/median", test_median);
  g_test_add_func ("/metrics/nps", test_nps);
  g_test_add_func ("/metrics/nps-counts", test_nps_counts);
  g_test_add_func ("/metrics/summary", test_summary);
  g_test_add_func ("/metrics/kinds", test_kinds);

  return g_test_run ();
}
