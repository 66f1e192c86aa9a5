/* test-stats.c — medians, quartiles and the sort under them, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ov-test-support.h"

static void
test_median (void)
{
  double odd[] = { 40, 10, 30 };
  double even[] = { 7, 1, 3, 100 };
  double sorted_even[] = { 1, 3, 7, 100 };
  double median = 0;

  /* 10 30 40: the middle one. */
  g_assert_true (ov_stats_median (odd, G_N_ELEMENTS (odd), &median, NULL));
  g_assert_cmpfloat (median, ==, 30);
  /* 1 3 7 100: the mean of 3 and 7. */
  g_assert_true (ov_stats_median (even, G_N_ELEMENTS (even), &median, NULL));
  g_assert_cmpfloat (median, ==, 5);
  /* Sorted in place, as documented. */
  for (guint i = 0; i < G_N_ELEMENTS (even); i++)
    g_assert_cmpfloat (even[i], ==, sorted_even[i]);
}

static void
test_median_refused (void)
{
  double with_nan[] = { 1, NAN, 3 };
  double with_inf[] = { 1, 2, -INFINITY };
  double median = 42;
  g_autoptr(GError) empty = NULL;
  g_autoptr(GError) nan = NULL;
  g_autoptr(GError) inf = NULL;

  g_assert_false (ov_stats_median (NULL, 0, &median, &empty));
  g_assert_error (empty, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY);
  g_assert_false (ov_stats_median (with_nan, 3, &median, &nan));
  g_assert_error (nan, OV_METRICS_ERROR, OV_METRICS_ERROR_NOT_FINITE);
  g_assert_nonnull (strstr (nan->message, "2 of 3"));
  g_assert_false (ov_stats_median (with_inf, 3, &median, &inf));
  g_assert_error (inf, OV_METRICS_ERROR, OV_METRICS_ERROR_NOT_FINITE);
  /* Nothing written on failure. */
  g_assert_cmpfloat (median, ==, 42);
}

static void
test_quartiles (void)
{
  double six[] = { 7, 1, 3, 10, 5, 2 };
  double five[] = { 9, 1, 4, 16, 25 };
  double two[] = { 10, 0 };
  double one[] = { 12 };
  OvQuartiles q;
  g_autoptr(GError) error = NULL;

  /* Sorted 1 2 3 5 7 10. Q1: h = 5 × ¼ = 1.25, so x[1] + ¼(x[2] − x[1])
   * = 2 + 0.25 = 2.25; Q3: h = 3.75, x[3] + ¾(x[4] − x[3]) = 5 + 1.5 = 6.5
   * (QUARTILE.INC gives the same); median (3 + 5) / 2 = 4. */
  g_assert_true (ov_stats_quartiles (six, G_N_ELEMENTS (six), &q, NULL));
  g_assert_cmpuint (q.n, ==, 6);
  g_assert_cmpfloat (q.min, ==, 1);
  g_assert_cmpfloat (q.q1, ==, 2.25);
  g_assert_cmpfloat (q.median, ==, 4);
  g_assert_cmpfloat (q.q3, ==, 6.5);
  g_assert_cmpfloat (q.max, ==, 10);

  /* Sorted 1 4 9 16 25: h = 1 and 3 fall on values, 4 and 16. */
  g_assert_true (ov_stats_quartiles (five, G_N_ELEMENTS (five), &q, NULL));
  g_assert_cmpfloat (q.q1, ==, 4);
  g_assert_cmpfloat (q.median, ==, 9);
  g_assert_cmpfloat (q.q3, ==, 16);

  /* 0 10: h = 0.25 → 2.5, h = 0.75 → 7.5. */
  g_assert_true (ov_stats_quartiles (two, G_N_ELEMENTS (two), &q, NULL));
  g_assert_cmpfloat (q.q1, ==, 2.5);
  g_assert_cmpfloat (q.median, ==, 5);
  g_assert_cmpfloat (q.q3, ==, 7.5);

  /* One value is every quartile. */
  g_assert_true (ov_stats_quartiles (one, 1, &q, NULL));
  g_assert_cmpfloat (q.min, ==, 12);
  g_assert_cmpfloat (q.q1, ==, 12);
  g_assert_cmpfloat (q.q3, ==, 12);
  g_assert_cmpfloat (q.max, ==, 12);

  g_assert_false (ov_stats_quartiles (one, 0, &q, &error));
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY);

  /* The quantile itself at the ends and between: 1 2 3 5 7 10 at p = 0.1
   * is h = 0.5, halfway from 1 to 2. */
  g_assert_cmpfloat (ov_stats_quantile_sorted (six, 6, 0), ==, 1);
  g_assert_cmpfloat (ov_stats_quantile_sorted (six, 6, 1), ==, 10);
  g_assert_cmpfloat_with_epsilon (ov_stats_quantile_sorted (six, 6, 0.1), 1.5, 1e-12);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static guint
count_negative_zeros (const double *values,
                      guint         n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += values[i] == 0 && signbit (values[i]);
  return count;
}

/* The radix sort against qsort() over values that stress its keys:
 * negative and positive, both zeros, subnormals, huge ones, repeats. */
static void
test_sort (void)
{
  const double awkward[] = { -0.0, 0.0, 5e-324, -5e-324, 1e308, -1e308, 1, -1, 0.1, -0.1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);

  for (guint round = 0; round < 20; round++)
    {
      /* Below, at and well above the size where the radix sort begins. */
      guint n = round < 5 ? 200 + round * 20 : 1000 + round * 997;
      g_autofree double *values = g_new (double, n);
      g_autofree double *expected = NULL;
      guint negative_zeros;

      for (guint i = 0; i < n; i++)
        {
          guint kind = g_rand_int_range (rand, 0, 4);

          if (kind == 0)
            values[i] = awkward[g_rand_int_range (rand, 0, G_N_ELEMENTS (awkward))];
          else if (kind == 1)
            values[i] = g_rand_int_range (rand, -50, 50);
          else
            values[i] = g_rand_double_range (rand, -1e6, 1e6) *
                        pow (10, g_rand_int_range (rand, -9, 9));
        }
      expected = g_memdup2 (values, n * sizeof *values);
      qsort (expected, n, sizeof *expected, compare_doubles);
      negative_zeros = count_negative_zeros (values, n);

      ov_stats_sort (values, n);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpfloat (values[i], ==, expected[i]);
          if (i > 0)
            g_assert_cmpfloat (values[i - 1], <=, values[i]);
        }
      /* The keys go back to the very bits: −0 stays −0. */
      g_assert_cmpuint (count_negative_zeros (values, n), ==, negative_zeros);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/stats/median", test_median);
  g_test_add_func ("/stats/median-refused", test_median_refused);
  g_test_add_func ("/stats/quartiles", test_quartiles);
  g_test_add_func ("/stats/sort", test_sort);

  return g_test_run ();
}
