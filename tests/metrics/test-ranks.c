/* test-ranks.c — ranks, Mann–Whitney and Wilcoxon signed-rank, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-test-support.h"

static void
test_assign (void)
{
  const double values[] = { 10, 20, 10, 30, 20, 20 };
  /* Sorted 10 10 20 20 20 30: the 10s share ranks 1–2 (1.5), the 20s
   * ranks 3–5 (4), the 30 is 6. */
  const double expected[] = { 1.5, 4, 1.5, 6, 4, 4 };
  const double bad[] = { 1, NAN };
  double ranks[G_N_ELEMENTS (values)];
  double ties = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_ranks_assign (values, G_N_ELEMENTS (values), ranks, &ties, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (ranks[i], ==, expected[i]);
  /* Groups of 2 and 3: (8 − 2) + (27 − 3) = 30. */
  g_assert_cmpfloat (ties, ==, 30);

  g_assert_true (ov_ranks_assign (NULL, 0, NULL, &ties, NULL));
  g_assert_cmpfloat (ties, ==, 0);

  g_assert_false (ov_ranks_assign (bad, 2, ranks, NULL, &error));
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_NOT_FINITE);
}

static void
test_mann_whitney (void)
{
  const double before[] = { 4, 1, 3, 2 };
  const double after[] = { 8, 3, 6, 5, 7 };
  const double same[] = { 2, 2, 2 };
  OvMannWhitney mw;
  g_autoptr(GError) error = NULL;

  /* Pooled and sorted: 1 2 3b 3a 4 5 6 7 8, ranks 1 2 3.5 3.5 5 6 7 8 9.
   * R_after = 3.5 + 6 + 7 + 8 + 9 = 33.5, U = 33.5 − 5 × 6 / 2 = 18.5
   * (by pairs: the after 3 beats 1 and 2 and ties 3, 2.5; the other four
   * beat all four before values, 16). Mean mn/2 = 10; one tie of two,
   * Σ(t³ − t) = 6, so σ² = 20/12 × (10 − 6/72) = 16.527̅7, σ = 4.065437;
   * z = (8.5 − 0.5) / σ = 1.967808, p = erfc(z/√2) = 0.049090 (python3
   * math.erfc). */
  g_assert_true (ov_ranks_mann_whitney (before, 4, after, 5, &mw, NULL));
  g_assert_cmpuint (mw.n_before, ==, 4);
  g_assert_cmpuint (mw.n_after, ==, 5);
  g_assert_cmpfloat (mw.u, ==, 18.5);
  g_assert_cmpfloat_with_epsilon (mw.z, 1.9678081480578906, 1e-12);
  g_assert_cmpfloat_with_epsilon (mw.p, 0.049090116322607596, 1e-12);

  /* Swapped, the same distance the other way: U = 20 − 18.5 = 1.5. */
  g_assert_true (ov_ranks_mann_whitney (after, 5, before, 4, &mw, NULL));
  g_assert_cmpfloat (mw.u, ==, 1.5);
  g_assert_cmpfloat_with_epsilon (mw.z, -1.9678081480578906, 1e-12);
  g_assert_cmpfloat_with_epsilon (mw.p, 0.049090116322607596, 1e-12);

  /* Every value equal: σ = 0, nothing to test. U = 9 × ½ = 4.5. */
  g_assert_true (ov_ranks_mann_whitney (same, 3, same, 3, &mw, NULL));
  g_assert_cmpfloat (mw.u, ==, 4.5);
  g_assert_cmpfloat (mw.z, ==, 0);
  g_assert_cmpfloat (mw.p, ==, 1);

  /* One value each, apart: |U − ½| = ½ is all continuity, z = 0. */
  g_assert_true (ov_ranks_mann_whitney (before, 1, after, 1, &mw, NULL));
  g_assert_cmpfloat (mw.u, ==, 1);
  g_assert_cmpfloat (mw.p, ==, 1);

  g_assert_false (ov_ranks_mann_whitney (before, 4, after, 0, &mw, &error));
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "before: 4, after: 0"));
}

static void
test_wilcoxon (void)
{
  const double changes[] = { 3, -1, 0, 2, 2, -4, 5, 0, 1 };
  const double zeros[] = { 0, 0, -0.0 };
  const double bad[] = { 1, INFINITY };
  OvWilcoxon w;
  g_autoptr(GError) empty = NULL;
  g_autoptr(GError) infinite = NULL;

  /* Two zeros dropped; |d| of the seven others 3 1 2 2 4 5 1, sorted
   * 1 1 2 2 3 4 5: ranks 1 → 1.5, 2 → 3.5, 3 → 5, 4 → 6, 5 → 7.
   * W+ = 5 (3) + 3.5 + 3.5 (2, 2) + 7 (5) + 1.5 (1) = 20.5 (W− = 1.5 + 6
   * = 7.5, together 28 = 7 × 8 / 2). Mean 7 × 8 / 4 = 14; two ties of two,
   * Σ(t³ − t) = 12, σ² = 7 × 8 × 15 / 24 − 12/48 = 34.75; z = (6.5 − 0.5)
   * / √34.75 = 1.017827, p = erfc(z/√2) = 0.308760 (python3). */
  g_assert_true (ov_ranks_wilcoxon (changes, G_N_ELEMENTS (changes), &w, NULL));
  g_assert_cmpuint (w.n, ==, 7);
  g_assert_cmpuint (w.n_zero, ==, 2);
  g_assert_cmpfloat (w.w_plus, ==, 20.5);
  g_assert_cmpfloat_with_epsilon (w.z, 1.0178267156159653, 1e-12);
  g_assert_cmpfloat_with_epsilon (w.p, 0.3087603135275325, 1e-12);

  /* Nothing moved: nothing to test, p = 1. */
  g_assert_true (ov_ranks_wilcoxon (zeros, G_N_ELEMENTS (zeros), &w, NULL));
  g_assert_cmpuint (w.n, ==, 0);
  g_assert_cmpuint (w.n_zero, ==, 3);
  g_assert_cmpfloat (w.p, ==, 1);

  g_assert_false (ov_ranks_wilcoxon (NULL, 0, &w, &empty));
  g_assert_error (empty, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY);
  g_assert_false (ov_ranks_wilcoxon (bad, 2, &w, &infinite));
  g_assert_error (infinite, OV_METRICS_ERROR, OV_METRICS_ERROR_NOT_FINITE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ranks/assign", test_assign);
  g_test_add_func ("/ranks/mann-whitney", test_mann_whitney);
  g_test_add_func ("/ranks/wilcoxon", test_wilcoxon);

  return g_test_run ();
}
