/* test-survival.c — Kaplan–Meier time to first value, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-test-support.h"

typedef struct
{
  int    day;
  guint  at_risk;
  guint  events;
  guint  censored;
  double reached;
} Step;

static void
assert_steps (const OvSurvival *survival,
              const Step       *expected,
              guint             n_expected)
{
  g_assert_cmpuint (survival->n_steps, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const OvSurvivalStep *step = &survival->steps[i];

      g_test_message ("step %u, day %d", i, expected[i].day);
      g_assert_cmpint (step->day, ==, expected[i].day);
      g_assert_cmpuint (step->at_risk, ==, expected[i].at_risk);
      g_assert_cmpuint (step->events, ==, expected[i].events);
      g_assert_cmpuint (step->censored, ==, expected[i].censored);
      g_assert_cmpfloat_with_epsilon (step->reached, expected[i].reached, 1e-12);
    }
}

static void
test_censored_and_tied (void)
{
  /* Ten accounts, in no order: reached on days 5, 5, 8, 12, 12, 20; open
   * (censored at today) after 5, 10, 15 and 30 days. */
  const int days[] = { 12, 5, 30, 8, 5, 15, 20, 10, 5, 12 };
  const gboolean reached[] = { TRUE, TRUE, FALSE, TRUE, FALSE, FALSE, TRUE, FALSE, TRUE, TRUE };
  /* S(t) = Π (1 − d/n) over the days so far:
   * day 5:  10 at risk (the one censored on day 5 too), 2 reached:
   *         S = 8/10, reached 1 − 0.8 = 0.2;
   * day 8:  7 at risk, 1 reached: S = 0.8 × 6/7 = 24/35, reached 11/35;
   * day 10: 6 at risk, 1 censored: no step in S;
   * day 12: 5 at risk, 2 reached: S = 24/35 × 3/5 = 72/175, reached
   *         103/175 = 0.588571… ≥ ½: the median is day 12;
   * day 15: 3 at risk, 1 censored;
   * day 20: 2 at risk, 1 reached: S = 36/175, reached 139/175;
   * day 30: 1 at risk, 1 censored. */
  const Step expected[] = {
    { 5, 10, 2, 1, 0.2 },
    { 8, 7, 1, 0, 11.0 / 35 },
    { 10, 6, 0, 1, 11.0 / 35 },
    { 12, 5, 2, 0, 103.0 / 175 },
    { 15, 3, 0, 1, 103.0 / 175 },
    { 20, 2, 1, 0, 139.0 / 175 },
    { 30, 1, 0, 1, 139.0 / 175 },
  };
  g_autoptr(OvSurvival) survival = NULL;

  survival = ov_survival_kaplan_meier (days, reached, G_N_ELEMENTS (days), NULL);
  g_assert_nonnull (survival);
  g_assert_cmpuint (survival->n, ==, 10);
  g_assert_cmpuint (survival->n_events, ==, 6);
  g_assert_cmpuint (survival->n_censored, ==, 4);
  assert_steps (survival, expected, G_N_ELEMENTS (expected));
  g_assert_true (survival->has_median);
  g_assert_cmpint (survival->median_day, ==, 12);

  /* Between steps the last one holds; before the first, nobody. */
  g_assert_cmpfloat (ov_survival_reached_by (survival, 4), ==, 0);
  g_assert_cmpfloat_with_epsilon (ov_survival_reached_by (survival, 11), 11.0 / 35, 1e-12);
  g_assert_cmpfloat_with_epsilon (ov_survival_reached_by (survival, 365), 139.0 / 175, 1e-12);
}

static void
test_median_exactly_half (void)
{
  /* Day 1: 1 of 10, day 2: 2 of 9, day 3: 2 of 7; five still open at 40.
   * S = 9/10 × 7/9 × 5/7 = 1/2 exactly, which doubles make
   * 0.5000000000000001 (python3): the median is still day 3. */
  const int days[] = { 1, 2, 2, 3, 3, 40, 40, 40, 40, 40 };
  const gboolean reached[] = { TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE };
  g_autoptr(OvSurvival) survival = NULL;

  survival = ov_survival_kaplan_meier (days, reached, G_N_ELEMENTS (days), NULL);
  g_assert_cmpuint (survival->n_steps, ==, 4);
  g_assert_cmpfloat_with_epsilon (survival->steps[2].reached, 0.5, 1e-12);
  g_assert_true (survival->has_median);
  g_assert_cmpint (survival->median_day, ==, 3);
  /* Five open at day 40, none reached: no step in S. */
  g_assert_cmpuint (survival->steps[3].censored, ==, 5);
  g_assert_cmpfloat_with_epsilon (survival->steps[3].reached, 0.5, 1e-12);
}

static void
test_no_median (void)
{
  /* One of three reached value (day 3, 3 at risk: 1/3); the other two are
   * still open after 5 and 7 days. The curve never gets to ½. */
  const int days[] = { 7, 3, 5 };
  const gboolean reached[] = { FALSE, TRUE, FALSE };
  /* Same day, value reached by the one and not the other: a tie of an
   * event and a censoring on day 0 (first value on the close date). */
  const int same_day[] = { 0, 0 };
  const gboolean one_of_two[] = { FALSE, TRUE };
  g_autoptr(OvSurvival) survival = NULL;
  g_autoptr(OvSurvival) tied = NULL;
  g_autoptr(OvSurvival) empty = NULL;

  survival = ov_survival_kaplan_meier (days, reached, 3, NULL);
  g_assert_false (survival->has_median);
  g_assert_cmpuint (survival->n_steps, ==, 3);
  g_assert_cmpfloat_with_epsilon (survival->steps[2].reached, 1.0 / 3, 1e-12);

  /* Both at risk on day 0, one reached: ½, the median is day 0. */
  tied = ov_survival_kaplan_meier (same_day, one_of_two, 2, NULL);
  g_assert_cmpuint (tied->n_steps, ==, 1);
  g_assert_cmpuint (tied->steps[0].at_risk, ==, 2);
  g_assert_cmpuint (tied->steps[0].events, ==, 1);
  g_assert_cmpuint (tied->steps[0].censored, ==, 1);
  g_assert_cmpfloat (tied->steps[0].reached, ==, 0.5);
  g_assert_true (tied->has_median);
  g_assert_cmpint (tied->median_day, ==, 0);

  /* No accounts: no curve, no median, n = 0. */
  empty = ov_survival_kaplan_meier (NULL, NULL, 0, NULL);
  g_assert_nonnull (empty);
  g_assert_cmpuint (empty->n, ==, 0);
  g_assert_cmpuint (empty->n_steps, ==, 0);
  g_assert_false (empty->has_median);
  g_assert_cmpfloat (ov_survival_reached_by (empty, 10), ==, 0);
}

static void
test_negative_refused (void)
{
  const int days[] = { 4, -2 };
  const gboolean reached[] = { TRUE, TRUE };
  const gboolean open[] = { TRUE, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) future = NULL;
  g_autoptr(OvSurvival) survival = NULL;

  /* First value two days before the close date: the dates are wrong. */
  survival = ov_survival_kaplan_meier (days, reached, 2, &error);
  g_assert_null (survival);
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "2 of 2"));
  g_assert_nonnull (strstr (error->message, "2 days before"));

  /* Open, closing in two days: not an onboarding yet. */
  survival = ov_survival_kaplan_meier (days, open, 2, &future);
  g_assert_null (survival);
  g_assert_error (future, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (future->message, "closes in 2 days"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/survival/censored-and-tied", test_censored_and_tied);
  g_test_add_func ("/survival/median-exactly-half", test_median_exactly_half);
  g_test_add_func ("/survival/no-median", test_no_median);
  g_test_add_func ("/survival/negative-refused", test_negative_refused);

  return g_test_run ();
}
