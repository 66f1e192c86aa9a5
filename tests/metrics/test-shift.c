/* test-shift.c — the Hodges–Lehmann shift: by hand, against every pair, and at scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-test-support.h"

/* Every difference after_i − before_j, sorted: what the selection must
 * agree with, at a cost only small samples can pay. */
static double *
all_differences (const double *before,
                 guint         n_before,
                 const double *after,
                 guint         n_after)
{
  double *d = g_new (double, (gsize)n_before * n_after);
  gsize k = 0;

  for (guint i = 0; i < n_after; i++)
    for (guint j = 0; j < n_before; j++)
      d[k++] = after[i] - before[j];
  /* test-stats checks this sort against qsort(). */
  ov_stats_sort (d, k);
  return d;
}

/* One selection on its own, as ov_shift_estimate() never makes it. */
static double
select_difference (const double *x,
                   guint         m,
                   const double *y,
                   guint         n,
                   guint64       k)
{
  g_autoptr(OvPairwise) pairs = ov_pairwise_new (x, m, y, n);

  return ov_pairwise_select (pairs, k);
}

/* Compares ov_shift_estimate() with the sorted list of all pairs. */
static void
check_against_pairs (const double *before,
                     guint         n_before,
                     const double *after,
                     guint         n_after)
{
  g_autofree double *d = all_differences (before, n_before, after, n_after);
  guint64 mn = (guint64)n_before * n_after;
  guint64 c = ov_shift_critical_rank (n_before, n_after);
  double median = mn % 2 ? d[mn / 2] : (d[mn / 2 - 1] + d[mn / 2]) / 2;
  double u = 0;
  OvShift shift;

  /* U by its definition: pairs where after wins, ties counting ½. */
  for (guint i = 0; i < n_after; i++)
    for (guint j = 0; j < n_before; j++)
      u += after[i] > before[j] ? 1 : after[i] == before[j] ? 0.5 : 0;

  g_assert_true (ov_shift_estimate (before, n_before, after, n_after, &shift, NULL));
  g_assert_cmpfloat (shift.estimate, ==, median);
  g_assert_cmpfloat (shift.test.u, ==, u);
  g_assert_cmpuint (shift.rank_low, ==, c);
  if (c > 0)
    {
      g_assert_cmpfloat (shift.low, ==, d[c - 1]);
      g_assert_cmpfloat (shift.high, ==, d[mn - c]);
    }
  else
    {
      g_assert_true (isnan (shift.low));
      g_assert_true (isnan (shift.high));
    }
}

static void
test_by_hand (void)
{
  const double before[] = { 30, 45, 45, 52, 60, 61, 70, 75, 90, 120 };
  const double after[] = { 20, 25, 31, 31, 40, 45, 48, 55, 58, 66 };
  const double small_before[] = { 1, 2, 4 };
  const double small_after[] = { 3, 5, 6, 9 };
  OvShift shift;

  /* The 100 differences after − before, sorted (python3, every pair):
   * … −42 −41 −40 … −21 −20 −20 −20 −20 −17 … −3 −2 0 0 … The 50th and
   * 51st are both −20: the estimate is −20 days. C for m = n = 10 is
   * round(50 − 1.96 × √(100 × 21 / 12)) = round(24.07) = 24, the exact
   * table's value too; the interval is the 24th, −41 (23 differences are
   * below it), and the 77th, −2 (76 below it). */
  g_assert_true (ov_shift_estimate (before, 10, after, 10, &shift, NULL));
  g_assert_cmpfloat (shift.estimate, ==, -20);
  g_assert_cmpuint (shift.rank_low, ==, 24);
  g_assert_cmpfloat (shift.low, ==, -41);
  g_assert_cmpfloat (shift.high, ==, -2);
  /* U counts the after values above before values, ties ½: 22 (python3);
   * pooled ties 31 31 and 45 45 45: Σ(t³ − t) = 6 + 24 = 30; σ² = 100/12
   * × (21 − 30/380) = 174.342105; z = −(28 − 0.5)/σ = −2.082723,
   * p = 0.037276. */
  g_assert_cmpfloat (shift.test.u, ==, 22);
  g_assert_cmpfloat_with_epsilon (shift.test.z, -2.0827231810916698, 1e-12);
  g_assert_cmpfloat_with_epsilon (shift.test.p, 0.03727646320484933, 1e-12);

  /* 3 − 1 = 2, 3 − 2 = 1, 3 − 4 = −1, 5 → 4 3 1, 6 → 5 4 2, 9 → 8 7 5;
   * sorted −1 1 1 2 2 3 | 4 4 5 5 7 8: the 6th and 7th, (3 + 4) / 2 = 3.5.
   * C = round(6 − 1.96 × √8) = round(0.46) = 0: too few for an interval. */
  g_assert_true (ov_shift_estimate (small_before, 3, small_after, 4, &shift, NULL));
  g_assert_cmpfloat (shift.estimate, ==, 3.5);
  g_assert_cmpuint (shift.rank_low, ==, 0);
  g_assert_true (isnan (shift.low) && isnan (shift.high));

  /* Inputs are left unsorted. */
  g_assert_cmpfloat (small_after[3], ==, 9);
}

static void
test_critical_rank (void)
{
  /* round(mn/2 − 1.96 √(mn(m + n + 1)/12)), next to the exact tables
   * (C = the largest U rejected at 5 % two-sided, plus one):
   * 5 × 5: 12.5 − 9.38 = 3.12 → 3 (table: U ≤ 2 rejected, C = 3);
   * 4 × 4: 8 − 6.79 = 1.21 → 1 (table: U = 0 rejected, p = 2/70);
   * 3 × 3: 4.5 − 4.49 = 0.009 → 0 (smallest p is 2/20: no 95 % interval);
   * 1 × 2: negative → 0. */
  g_assert_cmpuint (ov_shift_critical_rank (10, 10), ==, 24);
  g_assert_cmpuint (ov_shift_critical_rank (5, 5), ==, 3);
  g_assert_cmpuint (ov_shift_critical_rank (4, 4), ==, 1);
  g_assert_cmpuint (ov_shift_critical_rank (3, 3), ==, 0);
  g_assert_cmpuint (ov_shift_critical_rank (1, 2), ==, 0);
  /* 1.25 × 10⁹ − 1.96 × √(2.5 × 10⁹ × 100001 / 12) = 1241053984.55 → …85. */
  g_assert_cmpuint (ov_shift_critical_rank (50000, 50000), ==, G_GUINT64_CONSTANT (1241053985));
}

/* Two samples of whole numbers from 0 to @spread, the after ones moved by
 * @offset; their sorted copies; and every difference, sorted. */
typedef struct
{
  guint       n_before;
  guint       n_after;
  guint64     mn;
  double     *before;
  double     *after;
  double     *x;       /* after, sorted */
  double     *y;       /* before, sorted */
  double     *d;
  OvPairwise *pairs;
} Samples;

static void
samples_free (Samples *s)
{
  ov_pairwise_free (s->pairs);
  g_free (s->before);
  g_free (s->after);
  g_free (s->x);
  g_free (s->y);
  g_free (s->d);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Samples, samples_free)

static Samples *
samples_new (GRand  *rand,
             guint   n_before,
             guint   n_after,
             int     spread,
             double  offset)
{
  Samples *s = g_new0 (Samples, 1);

  s->n_before = n_before;
  s->n_after = n_after;
  s->mn = (guint64)n_before * n_after;
  s->before = g_new (double, n_before);
  s->after = g_new (double, n_after);
  for (guint j = 0; j < n_before; j++)
    s->before[j] = g_rand_int_range (rand, 0, spread + 1);
  for (guint i = 0; i < n_after; i++)
    s->after[i] = g_rand_int_range (rand, 0, spread + 1) + offset;

  s->x = ov_stats_sorted_copy (s->after, n_after, NULL);
  s->y = ov_stats_sorted_copy (s->before, n_before, NULL);
  s->d = all_differences (s->before, n_before, s->after, n_after);
  /* One OvPairwise for every rank: each selection starts afresh. */
  s->pairs = ov_pairwise_new (s->x, n_after, s->y, n_before);
  return s;
}

/* The k-th difference, and the next one from it, against the list. */
static void
check_rank (Samples *s,
            guint64  k)
{
  g_assert_cmpfloat (ov_pairwise_select (s->pairs, k), ==, s->d[k - 1]);
  if (k < s->mn)
    g_assert_cmpfloat (ov_pairwise_select_next (s->pairs, k, s->d[k - 1]), ==, s->d[k]);
}

/* Many small samples with heavy ties, every rank, against every pair. */
static void
test_against_pairs (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);

  for (guint round = 0; round < 300; round++)
    {
      guint n_before = g_rand_int_range (rand, 1, 25);
      guint n_after = g_rand_int_range (rand, 1, 25);
      /* Few distinct values early on (ties everywhere), more later; a
       * quarter day apart in a third of the rounds. */
      g_autoptr(Samples) s = samples_new (rand, n_before, n_after, 1 + round / 20,
                                          round % 3 == 0 ? 0.25 : 0);

      for (guint64 k = 1; k <= s->mn; k++)
        check_rank (s, k);
      check_against_pairs (s->before, n_before, s->after, n_after);
    }
}

/* Samples with more differences than the selection sorts outright, so its
 * pivot rounds run: the ends, the middle and random ranks. */
static void
test_against_pairs_rounds (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (guint round = 0; round < 12; round++)
    {
      guint n_before = g_rand_int_range (rand, 100, 400);
      guint n_after = g_rand_int_range (rand, 100, 400);
      /* From 3 distinct values (nearly all differences tied) to 3001. */
      g_autoptr(Samples) s = samples_new (rand, n_before, n_after,
                                          round < 4 ? 2 : round < 8 ? 60 : 3000,
                                          round % 2 ? 0.5 : 0);
      const guint64 ends[] = { 1, 2, s->mn / 2, s->mn / 2 + 1, s->mn - 1, s->mn };

      for (guint t = 0; t < G_N_ELEMENTS (ends); t++)
        check_rank (s, ends[t]);
      for (guint t = 0; t < 40; t++)
        check_rank (s, MIN (1 + (guint64)(g_rand_double (rand) * s->mn), s->mn));
      check_against_pairs (s->before, n_before, s->after, n_after);
    }
}

/* Differences of the sorted @after and @before below @value (or not above
 * it), counted by a binary search per row: a check that shares nothing
 * with the selection's staircase walk. */
static guint64
count_pairs (const double *x,
             guint         m,
             const double *y,
             guint         n,
             double        value,
             gboolean      inclusive)
{
  guint64 total = 0;

  for (guint i = 0; i < m; i++)
    {
      /* x[i] − y[j] falls as j grows: find the first j where it is below
       * (or not above) @value; from there on every one is. */
      guint first = 0, last = n;

      while (first < last)
        {
          guint mid = first + (last - first) / 2;
          double d = x[i] - y[mid];

          if (inclusive ? d <= value : d < value)
            last = mid;
          else
            first = mid + 1;
        }
      total += n - first;
    }

  return total;
}

static void
check_order_statistic (const double *x,
                       guint         m,
                       const double *y,
                       guint         n,
                       guint64       k,
                       double        value)
{
  g_assert_cmpuint (count_pairs (x, m, y, n, value, FALSE), <, k);
  g_assert_cmpuint (count_pairs (x, m, y, n, value, TRUE), >=, k);
}

static void
run_at_scale (gboolean whole_days)
{
  const guint size = 50000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (whole_days ? 7 : 11);
  g_autofree double *before = g_new (double, size);
  g_autofree double *after = g_new (double, size);
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  guint64 mn = (guint64)size * size;
  OvShift shift;
  double seconds;

  /* Times to first value, roughly log-normal, the after cohort ~15 %
   * faster; whole days give only a few hundred distinct values, so most
   * of the 2.5 × 10⁹ differences are tied. */
  for (guint i = 0; i < size; i++)
    {
      before[i] = exp (g_rand_double_range (rand, 3, 4.5));
      after[i] = 0.85 * exp (g_rand_double_range (rand, 3, 4.5));
      if (whole_days)
        {
          before[i] = round (before[i]);
          after[i] = round (after[i]);
        }
    }

  g_test_timer_start ();
  g_assert_true (ov_shift_estimate (before, size, after, size, &shift, NULL));
  seconds = g_test_timer_elapsed ();
  g_test_message ("Hodges–Lehmann, %u × %u%s: %.1f ms (estimate %g, 95 %% %g … %g, p %.3g)",
                  size, size, whole_days ? " whole days" : "", seconds * 1000,
                  shift.estimate, shift.low, shift.high, shift.test.p);

  /* Each figure is the order statistic it claims to be. */
  x = ov_stats_sorted_copy (after, size, NULL);
  y = ov_stats_sorted_copy (before, size, NULL);
  check_order_statistic (x, size, y, size, shift.rank_low, shift.low);
  check_order_statistic (x, size, y, size, mn + 1 - shift.rank_low, shift.high);
  check_order_statistic (x, size, y, size, mn / 2,
                         select_difference (x, size, y, size, mn / 2));
  check_order_statistic (x, size, y, size, mn / 2 + 1,
                         select_difference (x, size, y, size, mn / 2 + 1));
  g_assert_cmpfloat (shift.low, <=, shift.estimate);
  g_assert_cmpfloat (shift.estimate, <=, shift.high);
  g_assert_cmpfloat (shift.estimate, <, 0);

  /* A subsample small enough for every pair, with the estimate, the
   * interval and the test all compared. */
  check_against_pairs (before, 300, after, 400);
}

static void
test_at_scale (void)
{
  run_at_scale (FALSE);
}

static void
test_at_scale_ties (void)
{
  run_at_scale (TRUE);
}

static void
test_refused (void)
{
  const double values[] = { 1, NAN };
  OvShift shift;
  g_autoptr(GError) empty = NULL;
  g_autoptr(GError) nan = NULL;

  g_assert_false (ov_shift_estimate (values, 1, NULL, 0, &shift, &empty));
  g_assert_error (empty, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY);
  g_assert_false (ov_shift_estimate (values, 1, values, 2, &shift, &nan));
  g_assert_error (nan, OV_METRICS_ERROR, OV_METRICS_ERROR_NOT_FINITE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/shift/by-hand", test_by_hand);
  g_test_add_func ("/shift/critical-rank", test_critical_rank);
  g_test_add_func ("/shift/against-pairs", test_against_pairs);
  g_test_add_func ("/shift/against-pairs-rounds", test_against_pairs_rounds);
  g_test_add_func ("/shift/at-scale", test_at_scale);
  g_test_add_func ("/shift/at-scale-ties", test_at_scale_ties);
  g_test_add_func ("/shift/refused", test_refused);

  return g_test_run ();
}
