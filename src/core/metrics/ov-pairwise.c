/* ov-pairwise.c — order statistics of all pairwise differences, never listed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Hodges–Lehmann shift is the median of all m × n differences
 * after_i − before_j, and its interval two other order statistics of them.
 * Two cohorts of 50,000 accounts make 2.5 × 10⁹ differences, too many to
 * list, so they never are: with both samples sorted, the differences form a
 * matrix whose rows and columns are both sorted, and the k-th smallest is
 * found by narrowing, row by row, the window of columns that may still
 * hold it.
 *
 * Each round draws a sample of the remaining candidates and takes two of
 * them as pivots, just below and just above where the k-th should fall
 * (Floyd and Rivest's idea). Counting the differences below a pivot is one
 * walk down the matrix's staircase, O(m + n), so a round costs O(m + n) and
 * keeps under a tenth of the candidates; once no more than GATHER_MAX are
 * left they are selected from directly. A pivot is always a candidate, and every
 * round returns it or drops it, so the loop ends even when most differences
 * are equal. The draws change only the time taken, never the answer.
 */

#define G_LOG_DOMAIN "ov-pairwise"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-pairwise.h"

/* Candidates drawn per round. The pivots sit 3√8192 ≈ 272 draws either
 * side of the target's place, six standard deviations or more of the
 * sample's count below it, so it is almost never outside them, and about
 * 7 % of the candidates stay for the next round. */
#define SAMPLE_SIZE 8192
/* Few enough candidates left to select from them directly. */
#define GATHER_MAX  16384

typedef enum
{
  SIDE_BELOW,   /* the k-th difference is below the pivot */
  SIDE_EQUAL,   /* it is the pivot */
  SIDE_ABOVE,
} Side;

struct _OvPairwise
{
  const double *x;        /* after, ascending: one row per value */
  guint         m;
  const double *y;        /* before, ascending: column j holds y[n − 1 − j] */
  guint         n;
  guint        *lo;       /* row i's candidates are its columns lo[i] ≤ j < hi[i] */
  guint        *hi;
  guint        *counts;   /* count_below()'s answer, per row */
  guint64      *offsets;  /* candidates before row i; offsets[m] is all of them */
  double       *scratch;  /* the sample, then the last candidates */
  guint64       state;    /* splitmix64 */
};

/* Row i grows with j and column j grows with i. Every comparison is made on
 * this one expression, and rounding is monotonic, so the computed
 * differences keep both orders. */
static inline double
element (const OvPairwise *self,
         guint             i,
         guint             j)
{
  return self->x[i] - self->y[self->n - 1 - j];
}

/* Uniform on [0, 1), from splitmix64. */
static double
uniform (OvPairwise *self)
{
  guint64 z = (self->state += 0x9e3779b97f4a7c15);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  z ^= z >> 31;
  return (z >> 11) * (1.0 / 9007199254740992.0);
}

/* The @k-th smallest (0-based) of @values, which are reordered: smaller
 * ones end up before it, larger ones after (Hoare's selection as Wirth
 * wrote it, with a median-of-three pivot). */
static double
select_in_place (double *values,
                 gsize   n,
                 gsize   k)
{
  gssize lo = 0, hi = (gssize)n - 1, target = (gssize)k;

  g_assert (k < n);

  while (lo < hi)
    {
      gssize mid = lo + (hi - lo) / 2, i = lo, j = hi;
      double a = values[lo], b = values[mid], c = values[hi];
      double pivot = MAX (MIN (a, b), MIN (MAX (a, b), c));

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              double swap = values[i];

              values[i++] = values[j];
              values[j--] = swap;
            }
        }

      /* Now [lo, j] ≤ pivot ≤ [i, hi], and anything between is the pivot. */
      if (target <= j)
        hi = j;
      else if (target >= i)
        lo = i;
      else
        return values[target];
    }

  return values[target];
}

/* Counts into self->counts, per row, the differences below @pivot (with
 * @inclusive, not above it), and returns the total. @pivot lies between the
 * candidates' bounds, so each row's count lies in its window; and the count
 * can only fall from one row to the next, so one column index walks down,
 * once, within the windows. The fields are read into locals because the
 * compiler cannot tell that writing counts[] leaves them alone. */
static guint64
count_below (OvPairwise *self,
             double      pivot,
             gboolean    inclusive)
{
  const double *x = self->x, *y = self->y;
  const guint *lo = self->lo, *hi = self->hi;
  guint *counts = self->counts;
  guint m = self->m, n = self->n, j = n;
  guint64 total = 0;

  for (guint i = 0; i < m; i++)
    {
      guint least = lo[i];
      double xi = x[i];

      /* xi − y[n − j] is element (i, j − 1), written out. */
      j = MIN (j, hi[i]);
      if (inclusive)
        while (j > least && xi - y[n - j] > pivot)
          j--;
      else
        while (j > least && xi - y[n - j] >= pivot)
          j--;
      counts[i] = j;
      total += j;
    }

  return total;
}

/* Which side of @pivot the k-th difference lies on; the candidates are
 * narrowed to that side. The first count alone settles the side expected,
 * so a round whose pivots bracket the k-th costs one walk per pivot; the
 * second tells the pivot itself from the other side. */
static Side
split_at (OvPairwise *self,
          double      pivot,
          guint64     k,
          gboolean    expect_above)
{
  gboolean above;

  if (expect_above)
    {
      if (k > count_below (self, pivot, TRUE))
        above = TRUE;
      else if (k > count_below (self, pivot, FALSE))
        return SIDE_EQUAL;
      else
        above = FALSE;
    }
  else
    {
      if (k <= count_below (self, pivot, FALSE))
        above = FALSE;
      else if (k <= count_below (self, pivot, TRUE))
        return SIDE_EQUAL;
      else
        above = TRUE;
    }

  memcpy (above ? self->lo : self->hi, self->counts, self->m * sizeof *self->counts);
  return above ? SIDE_ABOVE : SIDE_BELOW;
}

/* Sums the candidates per row into self->offsets; returns how many
 * differences lie below every candidate. */
static guint64
tally (OvPairwise *self)
{
  guint64 below = 0;

  self->offsets[0] = 0;
  for (guint i = 0; i < self->m; i++)
    {
      g_assert (self->lo[i] <= self->hi[i]);
      below += self->lo[i];
      self->offsets[i + 1] = self->offsets[i] + (self->hi[i] - self->lo[i]);
    }

  return below;
}

/* One candidate drawn at random from each of SAMPLE_SIZE equal stretches
 * of the candidates taken row by row: the draws come in row order, so one
 * walk down the rows finds them all. */
static void
draw_sample (OvPairwise *self)
{
  guint64 left = self->offsets[self->m];
  double stretch = (double)left / SAMPLE_SIZE;
  guint row = 0;

  for (guint s = 0; s < SAMPLE_SIZE; s++)
    {
      guint64 at = MIN ((guint64)((s + uniform (self)) * stretch), left - 1);

      while (self->offsets[row + 1] <= at)
        row++;
      self->scratch[s] = element (self, row, self->lo[row] + (guint)(at - self->offsets[row]));
    }
}

static void
reset (OvPairwise *self)
{
  memset (self->lo, 0, self->m * sizeof *self->lo);
  for (guint i = 0; i < self->m; i++)
    self->hi[i] = self->n;
}

/**
 * ov_pairwise_new:
 * @after_sorted: (array length=n_after): ascending; kept until freed
 * @before_sorted: (array length=n_before): ascending; kept until freed
 *
 * Returns: (transfer full): the differences of every after value and every
 *   before value, ready for ov_pairwise_select()
 */
OvPairwise *
ov_pairwise_new (const double *after_sorted,
                 guint         n_after,
                 const double *before_sorted,
                 guint         n_before)
{
  OvPairwise *self;

  g_return_val_if_fail (after_sorted != NULL && n_after > 0, NULL);
  g_return_val_if_fail (before_sorted != NULL && n_before > 0, NULL);

  self = g_new0 (OvPairwise, 1);
  self->x = after_sorted;
  self->m = n_after;
  self->y = before_sorted;
  self->n = n_before;
  self->lo = g_new (guint, n_after);
  self->hi = g_new (guint, n_after);
  self->counts = g_new (guint, n_after);
  self->offsets = g_new (guint64, (gsize)n_after + 1);
  self->scratch = g_new (double, MAX (SAMPLE_SIZE, GATHER_MAX));
  self->state = 0x4f766572747572; /* any fixed seed: the time taken repeats too */
  return self;
}

/**
 * ov_pairwise_select:
 * @k: the rank wanted, 1 … m × n
 *
 * The k-th smallest difference after_i − before_j over all pairs, found in
 * O((m + n) log(mn)) expected time and O(m) memory without listing them.
 *
 * Returns: that difference
 */
double
ov_pairwise_select (OvPairwise *self,
                    guint64     k)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (k >= 1 && k <= (guint64)self->m * self->n, NAN);

  reset (self);

  for (;;)
    {
      guint64 below = tally (self);
      guint64 left = self->offsets[self->m];
      double target, spread = 3 * sqrt (SAMPLE_SIZE), low, high;
      gsize first, last;

      /* The answer is always among the candidates. */
      g_assert (k > below && k - below <= left);

      if (left <= GATHER_MAX)
        {
          gsize n = 0;

          for (guint i = 0; i < self->m; i++)
            for (guint j = self->lo[i]; j < self->hi[i]; j++)
              self->scratch[n++] = element (self, i, j);
          return select_in_place (self->scratch, n, k - below - 1);
        }

      /* Where the k-th sits among the candidates, scaled to the sample. */
      draw_sample (self);
      target = (k - below - 0.5) / (double)left * SAMPLE_SIZE;
      first = (gsize)CLAMP (floor (target - spread), 0, SAMPLE_SIZE - 1);
      last = (gsize)CLAMP (ceil (target + spread), 0, SAMPLE_SIZE - 1);
      high = select_in_place (self->scratch, SAMPLE_SIZE, last);
      /* The draws before @last are now the smaller ones. */
      low = first < last ? select_in_place (self->scratch, last, first) : high;

      switch (split_at (self, low, k, TRUE))
        {
        case SIDE_EQUAL:
          return low;
        case SIDE_BELOW:
          continue;   /* below both pivots */
        case SIDE_ABOVE:
        default:
          break;
        }
      if (split_at (self, high, k, FALSE) == SIDE_EQUAL)
        return high;
    }
}

/**
 * ov_pairwise_select_next:
 * @k: a rank, 1 … m × n − 1
 * @kth: ov_pairwise_select() of @k
 *
 * The (k + 1)-th smallest difference, in one walk rather than a second
 * selection: @kth again when more than @k differences are not above it,
 * else the smallest difference above it.
 *
 * Returns: that difference
 */
double
ov_pairwise_select_next (OvPairwise *self,
                         guint64     k,
                         double      kth)
{
  double next = INFINITY;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (k >= 1 && k < (guint64)self->m * self->n, NAN);

  reset (self);
  if (count_below (self, kth, TRUE) > k)
    return kth;

  /* Each row's first difference above @kth sits just past its count. */
  for (guint i = 0; i < self->m; i++)
    if (self->counts[i] < self->n)
      next = MIN (next, element (self, i, self->counts[i]));

  return next;
}

void
ov_pairwise_free (OvPairwise *self)
{
  if (self == NULL)
    return;

  g_free (self->lo);
  g_free (self->hi);
  g_free (self->counts);
  g_free (self->offsets);
  g_free (self->scratch);
  g_free (self);
}
