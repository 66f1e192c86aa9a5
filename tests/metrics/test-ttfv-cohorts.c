/* test-ttfv-cohorts.c — the dashboard's time to first value before and
 * after the program start, against hand-computed figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-test-support.h"
#include "ov-ttfv-cohorts.h"

#define D(y, m, d) ov_date_from_ymd (y, m, d)

static void
fill (OvTtfvDates *dates)
{
  const OvTtfvDates all[] = {
    { D (2026, 1, 1), D (2026, 2, 10) },     /* before: 40 days */
    { D (2026, 1, 15), D (2026, 3, 6) },     /* before: 50 */
    { D (2026, 2, 1), D (2026, 3, 3) },      /* before: 30 */
    { D (2026, 2, 20), OV_DATE_NONE },       /* before: open */
    { D (2026, 3, 1), D (2026, 3, 21) },     /* on the program start: after, 20 */
    { D (2026, 4, 1), D (2026, 5, 6) },      /* after: 35 */
    { D (2026, 5, 1), OV_DATE_NONE },        /* after: open */
    { D (2026, 7, 15), OV_DATE_NONE },       /* closes after today: in no figure */
    { OV_DATE_NONE, D (2026, 3, 1) },        /* no close: in no figure */
    { D (2026, 4, 10), D (2026, 4, 1) },     /* first value before the close: left out */
  };

  memcpy (dates, all, sizeof all);
}

static void
test_cohorts (void)
{
  OvTtfvDates dates[10];
  OvTtfvCohorts cohorts;
  g_autoptr(GError) error = NULL;

  fill (dates);
  g_assert_true (ov_ttfv_cohorts_compute (dates, G_N_ELEMENTS (dates), D (2026, 3, 1),
                                          D (2026, 6, 30), &cohorts, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cohorts.program_start, ==, D (2026, 3, 1));
  /* 30, 40, 50: odd, the middle one. */
  g_assert_cmpuint (cohorts.before.n, ==, 3);
  g_assert_cmpuint (cohorts.before.open, ==, 1);
  g_assert_cmpfloat (cohorts.before.median, ==, 40);
  /* 20, 35: even, the mean of the two. */
  g_assert_cmpuint (cohorts.after.n, ==, 2);
  g_assert_cmpuint (cohorts.after.open, ==, 1);
  g_assert_cmpfloat (cohorts.after.median, ==, 27.5);
  /* 20, 30, 35, 40, 50 */
  g_assert_cmpuint (cohorts.all.n, ==, 5);
  g_assert_cmpuint (cohorts.all.open, ==, 2);
  g_assert_cmpfloat (cohorts.all.median, ==, 35);
}

static void
test_no_program_start (void)
{
  OvTtfvDates dates[10];
  OvTtfvCohorts cohorts;

  fill (dates);
  g_assert_true (ov_ttfv_cohorts_compute (dates, G_N_ELEMENTS (dates), OV_DATE_NONE,
                                          D (2026, 6, 30), &cohorts, NULL));
  g_assert_cmpint (cohorts.program_start, ==, OV_DATE_NONE);
  g_assert_cmpuint (cohorts.before.n + cohorts.before.open, ==, 0);
  g_assert_cmpuint (cohorts.after.n + cohorts.after.open, ==, 0);
  g_assert_true (isnan (cohorts.before.median));
  g_assert_true (isnan (cohorts.after.median));
  g_assert_cmpuint (cohorts.all.n, ==, 5);
  g_assert_cmpuint (cohorts.all.open, ==, 2);
  g_assert_cmpfloat (cohorts.all.median, ==, 35);

  /* An earlier today: the account closed on 1 May is not closed yet. */
  g_assert_true (ov_ttfv_cohorts_compute (dates, G_N_ELEMENTS (dates), OV_DATE_NONE,
                                          D (2026, 4, 30), &cohorts, NULL));
  g_assert_cmpuint (cohorts.all.open, ==, 1);
}

static void
test_empty (void)
{
  OvTtfvCohorts cohorts;
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_ttfv_cohorts_compute (NULL, 0, D (2026, 3, 1), D (2026, 6, 30), &cohorts,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts.all.n, ==, 0);
  g_assert_true (isnan (cohorts.all.median));
  g_assert_true (isnan (cohorts.before.median));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ttfv-cohorts/cohorts", test_cohorts);
  g_test_add_func ("/ttfv-cohorts/no-program-start", test_no_program_start);
  g_test_add_func ("/ttfv-cohorts/empty", test_empty);

  return g_test_run ();
}
