/* ov-stats.c — medians and quartiles of a sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain functions over plain arrays, so the Insights view, the CLI and the
 * report compute every figure the same way and the tests can check each one
 * against numbers worked out by hand. The definitions are the ones of the
 * domain notes ("Metrics: exact definitions"); each function says its own.
 */

#define G_LOG_DOMAIN "ov-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ov-stats.h"

/* Below this many values qsort() is as quick as the radix sort. */
#define RADIX_MIN 256

/* A finite double as an unsigned integer in the same order: flip every bit
 * of a negative number, only the sign bit of a positive one. */
static inline guint64
order_key (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return bits >> 63 ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

static inline double
from_order_key (guint64 key)
{
  guint64 bits = key >> 63 ? key & G_GUINT64_CONSTANT (0x7fffffffffffffff) : ~key;
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * ov_stats_check_finite:
 * @values: (array length=n): the values
 *
 * Returns: %FALSE, with @error set, when a value is NaN or infinite
 */
gboolean
ov_stats_check_finite (const double  *values,
                       guint          n,
                       GError       **error)
{
  g_return_val_if_fail (values != NULL || n == 0, FALSE);

  for (guint i = 0; i < n; i++)
    if (!isfinite (values[i]))
      {
        g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_NOT_FINITE,
                     _("Value %u of %u is not a finite number"), i + 1, n);
        return FALSE;
      }

  return TRUE;
}

/**
 * ov_stats_sort:
 * @values: (array length=n) (inout): finite values, sorted in place
 *
 * Ascending order, for the functions here and elsewhere that take sorted
 * samples. Large arrays are sorted by the bytes of their order keys, least
 * significant first (a radix sort, O(n)): sorting two cohorts of 50,000
 * took a quarter of a before/after comparison with qsort().
 */
void
ov_stats_sort (double *values,
               guint   n)
{
  g_autofree guint64 *keys = NULL;
  g_autofree guint64 *spare = NULL;

  g_return_if_fail (values != NULL || n == 0);

  if (n < RADIX_MIN)
    {
      qsort (values, n, sizeof *values, compare_doubles);
      return;
    }

  keys = g_new (guint64, n);
  spare = g_new (guint64, n);
  for (guint i = 0; i < n; i++)
    keys[i] = order_key (values[i]);

  for (guint shift = 0; shift < 64; shift += 8)
    {
      gsize start[256] = { 0 };
      gsize total = 0;
      guint64 *swap;

      for (guint i = 0; i < n; i++)
        start[(keys[i] >> shift) & 0xff]++;
      /* Every key has the same byte here: nothing moves. */
      if (start[(keys[0] >> shift) & 0xff] == n)
        continue;

      for (guint b = 0; b < 256; b++)
        {
          gsize count = start[b];

          start[b] = total;
          total += count;
        }
      for (guint i = 0; i < n; i++)
        spare[start[(keys[i] >> shift) & 0xff]++] = keys[i];

      swap = keys;
      keys = spare;
      spare = swap;
    }

  for (guint i = 0; i < n; i++)
    values[i] = from_order_key (keys[i]);
}

/**
 * ov_stats_sorted_copy:
 * @values: (array length=n): the values, left as they are
 *
 * Returns: (transfer full) (array length=n): the values in ascending order
 *   (ov_stats_sort()), or %NULL with @error set when one is not finite
 */
double *
ov_stats_sorted_copy (const double  *values,
                      guint          n,
                      GError       **error)
{
  double *copy;

  g_return_val_if_fail (values != NULL || n == 0, NULL);

  /* Before sorting: a NaN has no place in an order. */
  if (!ov_stats_check_finite (values, n, error))
    return NULL;

  copy = g_new (double, MAX (n, 1));
  if (n > 0)
    memcpy (copy, values, n * sizeof *copy);
  ov_stats_sort (copy, n);
  return copy;
}

/**
 * ov_stats_quantile_sorted:
 * @sorted: (array length=n): values in ascending order, at least one
 * @p: the probability, 0…1
 *
 * The "type 7" quantile (spreadsheets' QUARTILE.INC and PERCENTILE.INC):
 * with h = (n − 1) × p, the value at the 0-based position ⌊h⌋ plus
 * (h − ⌊h⌋) of the step to the next one.
 *
 * Returns: the p-quantile
 */
double
ov_stats_quantile_sorted (const double *sorted,
                          guint         n,
                          double        p)
{
  double h, below, fraction;
  guint at;

  g_return_val_if_fail (sorted != NULL, NAN);
  g_return_val_if_fail (n > 0, NAN);
  g_return_val_if_fail (p >= 0 && p <= 1, NAN);

  h = (n - 1) * p;
  below = floor (h);
  fraction = h - below;
  at = (guint)below;

  if (fraction == 0 || at + 1 >= n)
    return sorted[at];

  return sorted[at] + fraction * (sorted[at + 1] - sorted[at]);
}

/**
 * ov_stats_median:
 * @values: (array length=n) (inout): the values, sorted in place
 * @median: (out): the middle value, or the mean of the two middle ones
 *   when @n is even
 *
 * Sorts @values in place: the callers own a scratch copy already, and the
 * quartiles of the same values then cost nothing more.
 *
 * Returns: %FALSE, with @error set, for no values or a value that is not
 *   finite
 */
gboolean
ov_stats_median (double  *values,
                 guint    n,
                 double  *median,
                 GError **error)
{
  g_return_val_if_fail (values != NULL || n == 0, FALSE);
  g_return_val_if_fail (median != NULL, FALSE);

  if (n == 0)
    {
      g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_EMPTY,
                   _("A median needs at least one value"));
      return FALSE;
    }
  if (!ov_stats_check_finite (values, n, error))
    return FALSE;

  ov_stats_sort (values, n);

  /* The mean of the two middle values is written out rather than
   * interpolated, so an even count gives exactly (a + b) / 2. */
  if (n % 2 == 1)
    *median = values[n / 2];
  else
    *median = (values[n / 2 - 1] + values[n / 2]) / 2.0;

  return TRUE;
}

/**
 * ov_stats_quartiles:
 * @values: (array length=n) (inout): the values, sorted in place
 * @quartiles: (out): minimum, Q1, median, Q3 and maximum
 *
 * Q1 and Q3 are ov_stats_quantile_sorted() at ¼ and ¾; the median is
 * ov_stats_median()'s. Sorts @values in place, as ov_stats_median() does.
 *
 * Returns: %FALSE, with @error set, for no values or a value that is not
 *   finite
 */
gboolean
ov_stats_quartiles (double       *values,
                    guint         n,
                    OvQuartiles  *quartiles,
                    GError      **error)
{
  double median;

  g_return_val_if_fail (quartiles != NULL, FALSE);

  if (!ov_stats_median (values, n, &median, error))
    return FALSE;

  *quartiles = (OvQuartiles) {
    .n = n,
    .min = values[0],
    .q1 = ov_stats_quantile_sorted (values, n, 0.25),
    .median = median,
    .q3 = ov_stats_quantile_sorted (values, n, 0.75),
    .max = values[n - 1],
  };
  return TRUE;
}
