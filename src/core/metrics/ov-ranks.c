/* ov-ranks.c — ranks, and the rank tests behind the before/after figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rank tests use the normal approximation throughout, with the tie
 * correction of the variance and a continuity correction of ½ (as R's
 * wilcox.test does by default): portfolios are large enough that exact
 * tables would add code and no information, and the correction keeps small
 * samples from looking more certain than they are.
 */

#define G_LOG_DOMAIN "ov-ranks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "ov-ranks.h"

typedef struct
{
  double value;
  guint  index;
} RankItem;

/* By value, then by position, so the order never depends on qsort. */
static int
compare_rank_items (const void *a,
                    const void *b)
{
  const RankItem *x = a;
  const RankItem *y = b;

  if (x->value != y->value)
    return x->value < y->value ? -1 : 1;

  return x->index < y->index ? -1 : x->index > y->index ? 1 : 0;
}

/* The normal approximation both rank tests share: @deviation is the
 * statistic less its mean, moved ½ towards 0 (never past it) to correct
 * for continuity. */
static void
normal_two_sided (double  deviation,
                  double  variance,
                  double *z,
                  double *p)
{
  double corrected = MAX (fabs (deviation) - 0.5, 0.0);

  if (variance <= 0)
    {
      /* Every value tied: no order to test, nothing to report. */
      *z = 0;
      *p = 1;
      return;
    }

  *z = copysign (corrected / sqrt (variance), deviation);
  *p = erfc (fabs (*z) / G_SQRT2);
}

/**
 * ov_ranks_assign:
 * @values: (array length=n): the values, left as they are
 * @ranks: (array length=n) (out caller-allocates): the rank of each value,
 *   1 for the smallest; equal values share the mean of the ranks they span
 * @ties: (out) (optional): Σ (t³ − t) over the groups of t equal values,
 *   the term the tie correction of a rank test's variance needs
 *
 * Equal means equal as doubles: values that differ in the last bit are
 * ranked apart.
 *
 * Returns: %FALSE, with @error set, when a value is not finite
 */
gboolean
ov_ranks_assign (const double  *values,
                 guint          n,
                 double        *ranks,
                 double        *ties,
                 GError       **error)
{
  g_autofree RankItem *items = NULL;
  double tie_sum = 0;

  g_return_val_if_fail (values != NULL || n == 0, FALSE);
  g_return_val_if_fail (ranks != NULL || n == 0, FALSE);

  if (!ov_stats_check_finite (values, n, error))
    return FALSE;

  items = g_new (RankItem, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    items[i] = (RankItem) { values[i], i };
  qsort (items, n, sizeof *items, compare_rank_items);

  for (guint start = 0, end; start < n; start = end)
    {
      double t, rank;

      for (end = start + 1; end < n && items[end].value == items[start].value; end++)
        ;

      /* Ranks start + 1 … end, whose mean is (start + 1 + end) / 2. */
      rank = (start + 1.0 + end) / 2.0;
      for (guint i = start; i < end; i++)
        ranks[items[i].index] = rank;

      t = end - start;
      tie_sum += t * t * t - t;
    }

  if (ties != NULL)
    *ties = tie_sum;
  return TRUE;
}

/**
 * ov_ranks_mann_whitney:
 * @before: (array length=n_before): the first sample, left as it is
 * @after: (array length=n_after): the second sample, left as it is
 * @result: (out): U, z and the two-sided p
 *
 * Ranks the pooled N = m + n values (ties averaged, as ov_ranks_assign()
 * does); with m = @n_after and R the sum of their ranks, U = R − m(m + 1)/2,
 * which counts the pairs where the after value is larger, a tie counting
 * ½. Under no difference U has mean mn/2 and, with ties, variance
 * mn/12 × ((N + 1) − Σ(t³ − t) / (N(N − 1))). The p-value is the two-sided
 * normal tail of z = (|U − mn/2| − ½) / σ (continuity-corrected, never
 * below 0).
 *
 * Returns: %FALSE, with @error set, when a sample is empty or a value is
 *   not finite
 */
gboolean
ov_ranks_mann_whitney (const double   *before,
                       guint           n_before,
                       const double   *after,
                       guint           n_after,
                       OvMannWhitney  *result,
                       GError        **error)
{
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;

  g_return_val_if_fail (before != NULL || n_before == 0, FALSE);
  g_return_val_if_fail (after != NULL || n_after == 0, FALSE);

  if ((x = ov_stats_sorted_copy (after, n_after, error)) == NULL ||
      (y = ov_stats_sorted_copy (before, n_before, error)) == NULL)
    return FALSE;

  return ov_ranks_mann_whitney_sorted (y, n_before, x, n_after, result, error);
}

/**
 * ov_ranks_mann_whitney_sorted:
 * @before: (array length=n_before): the first sample, ascending
 * @after: (array length=n_after): the second sample, ascending
 * @result: (out): U, z and the two-sided p
 *
 * ov_ranks_mann_whitney() of samples already sorted: the pooled ranks come
 * from one merge of the two, O(m + n).
 *
 * Returns: %FALSE, with @error set, when a sample is empty or a value is
 *   not finite
 */
gboolean
ov_ranks_mann_whitney_sorted (const double   *before,
                              guint           n_before,
                              const double   *after,
                              guint           n_after,
                              OvMannWhitney  *result,
                              GError        **error)
{
  double m = n_after, n = n_before, total = m + n;
  double rank_sum = 0, ties = 0, ranked = 0, variance;
  guint i = 0, j = 0;

  g_return_val_if_fail (before != NULL || n_before == 0, FALSE);
  g_return_val_if_fail (after != NULL || n_after == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (n_before == 0 || n_after == 0)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY,
                   _("A before and after comparison needs at least one value on each side "
                     "(before: %u, after: %u)"),
                   n_before, n_after);
      return FALSE;
    }
  if (!ov_stats_check_finite (before, n_before, error) ||
      !ov_stats_check_finite (after, n_after, error))
    return FALSE;

  /* Walk both samples at once, a group of equal values at a time: the group
   * holds ranks ranked + 1 … ranked + t, whose mean each member gets. */
  while (i < n_after || j < n_before)
    {
      double value, t, from_after = 0;

      if (j == n_before || (i < n_after && after[i] <= before[j]))
        value = after[i];
      else
        value = before[j];

      for (; i < n_after && after[i] == value; i++)
        from_after++;
      for (t = from_after; j < n_before && before[j] == value; j++)
        t++;

      rank_sum += from_after * (ranked + (t + 1) / 2);
      ties += t * t * t - t;
      ranked += t;
    }

  *result = (OvMannWhitney) {
    .n_before = n_before,
    .n_after = n_after,
    .u = rank_sum - m * (m + 1) / 2,
  };
  variance = m * n / 12 * ((total + 1) - ties / (total * (total - 1)));
  normal_two_sided (result->u - m * n / 2, variance, &result->z, &result->p);
  return TRUE;
}

/**
 * ov_ranks_wilcoxon:
 * @changes: (array length=n): one change per pair, later − earlier
 * @result: (out): the ranked count, W+, z and the two-sided p
 *
 * Changes of exactly 0 are dropped; the n others are ranked by their
 * absolute value (ties averaged, ov_ranks_assign()) and W+ sums the ranks of
 * the positive ones. Under no change W+ has mean n(n + 1)/4 and variance
 * n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48; p is the two-sided normal tail of
 * z = (|W+ − mean| − ½) / σ (continuity-corrected, never below 0). With no
 * nonzero change there is nothing to test and p is 1.
 *
 * Returns: %FALSE, with @error set, for no changes or a change that is
 *   not finite
 */
gboolean
ov_ranks_wilcoxon (const double  *changes,
                   guint          n,
                   OvWilcoxon    *result,
                   GError       **error)
{
  g_autofree double *sizes = NULL;
  g_autofree double *ranks = NULL;
  double w_plus = 0, ties, count, variance;
  guint used = 0;

  g_return_val_if_fail (changes != NULL || n == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (n == 0)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY,
                   _("The signed-rank test needs at least one change"));
      return FALSE;
    }
  if (!ov_stats_check_finite (changes, n, error))
    return FALSE;

  sizes = g_new (double, n);
  ranks = g_new (double, n);
  for (guint i = 0; i < n; i++)
    if (changes[i] != 0)
      sizes[used++] = fabs (changes[i]);

  if (!ov_ranks_assign (sizes, used, ranks, &ties, error))
    return FALSE;

  /* sizes[] kept the nonzero changes in order: walk them again. */
  for (guint i = 0, k = 0; i < n; i++)
    if (changes[i] != 0)
      {
        if (changes[i] > 0)
          w_plus += ranks[k];
        k++;
      }

  count = used;
  *result = (OvWilcoxon) {
    .n = used,
    .n_zero = n - used,
    .w_plus = w_plus,
  };
  variance = count * (count + 1) * (2 * count + 1) / 24 - ties / 48;
  normal_two_sided (w_plus - count * (count + 1) / 4, variance, &result->z, &result->p);
  return TRUE;
}
