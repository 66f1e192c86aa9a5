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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/median", test_median);
  g_test_add_func ("/metrics/nps", test_nps);
  g_test_add_func ("/metrics/summary", test_summary);

  return g_test_run ();
}
