/* ov-shift.c — how far the after cohort sits from the before cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The before/after figure of Insights: the Hodges–Lehmann estimate, its
 * 95 % interval and the Mann–Whitney test, all from one sort of each
 * cohort. The order statistics come from OvPairwise, which never lists the
 * m × n differences.
 */

#define G_LOG_DOMAIN "ov-shift"

#include "config.h"

#include <math.h>

#include "ov-pairwise.h"
#include "ov-shift.h"

/* The upper 97.5 % point of the standard normal distribution. */
#define Z_975 1.959963984540054

/**
 * ov_shift_critical_rank:
 *
 * C for the 95 % interval of the shift: the interval runs from the C-th to
 * the (mn + 1 − C)-th smallest difference, the Mann–Whitney distribution's
 * distribution-free interval. C is Hollander and Wolfe's large-sample
 * approximation, mn/2 − 1.96 × √(mn(m + n + 1)/12), rounded to the nearest
 * whole number (for m = n = 10 it gives the exact table's 24). It leaves
 * ties out of the variance, as the exact interval does.
 *
 * Returns: C, or 0 when the samples are too small for a 95 % interval
 */
guint64
ov_shift_critical_rank (guint n_before,
                        guint n_after)
{
  double mn = (double)n_before * n_after;
  double c = round (mn / 2 - Z_975 * sqrt (mn * ((double)n_before + n_after + 1) / 12));

  return c >= 1 ? (guint64)c : 0;
}

/**
 * ov_shift_estimate:
 * @before: (array length=n_before): the before cohort's values, left as
 *   they are
 * @after: (array length=n_after): the after cohort's values, left as
 *   they are
 * @shift: (out): the estimate, its interval and the Mann–Whitney test
 *
 * The Hodges–Lehmann estimate of the shift from before to after: the
 * median of the mn differences after_i − before_j (the mean of the two
 * middle ones when mn is even), with the 95 % interval of
 * ov_shift_critical_rank() and ov_ranks_mann_whitney() of the same
 * samples. Only associated with the cohorts, never caused by them.
 *
 * Returns: %FALSE, with @error set, when a cohort is empty or a value is
 *   not finite
 */
gboolean
ov_shift_estimate (const double  *before,
                   guint          n_before,
                   const double  *after,
                   guint          n_after,
                   OvShift       *shift,
                   GError       **error)
{
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  g_autoptr(OvPairwise) pairs = NULL;
  OvShift out = { .low = NAN, .high = NAN };
  guint64 mn, c;

  g_return_val_if_fail (before != NULL || n_before == 0, FALSE);
  g_return_val_if_fail (after != NULL || n_after == 0, FALSE);
  g_return_val_if_fail (shift != NULL, FALSE);

  if ((x = ov_stats_sorted_copy (after, n_after, error)) == NULL ||
      (y = ov_stats_sorted_copy (before, n_before, error)) == NULL)
    return FALSE;

  /* Also refuses an empty cohort. */
  if (!ov_ranks_mann_whitney_sorted (y, n_before, x, n_after, &out.test, error))
    return FALSE;

  pairs = ov_pairwise_new (x, n_after, y, n_before);
  mn = (guint64)n_after * n_before;
  if (mn % 2 == 1)
    {
      out.estimate = ov_pairwise_select (pairs, mn / 2 + 1);
    }
  else
    {
      double lower = ov_pairwise_select (pairs, mn / 2);

      out.estimate = (lower + ov_pairwise_select_next (pairs, mn / 2, lower)) / 2;
    }

  c = ov_shift_critical_rank (n_before, n_after);
  if (c > 0)
    {
      out.rank_low = c;
      out.low = ov_pairwise_select (pairs, c);
      out.high = ov_pairwise_select (pairs, mn + 1 - c);
    }

  *shift = out;
  return TRUE;
}
