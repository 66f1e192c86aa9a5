/* ov-chart-ticks.c — round numbers along an axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticks fall on 1, 2, 2.5 or 5 times a power of ten, so a reader can
 * interpolate between them; an axis that follows its data is widened to
 * the ticks around it. Days (dates) step by days, weeks, months of four
 * weeks, quarters or years instead, and weekly steps fall on Mondays.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <math.h>

#include "ov-chart-ticks.h"

static const double nice_fractions[] = { 1, 2, 2.5, 5, 10 };

static const double day_steps[] = { 1, 2, 7, 14, 28, 91, 182, 364, 728, 1820, 3640 };

/* The smallest round step at least @raw. */
static double
nice_step (double raw)
{
  double magnitude = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (nice_fractions); i++)
    if (nice_fractions[i] * magnitude >= raw * (1 - 1e-9))
      return nice_fractions[i] * magnitude;

  return 10 * magnitude;
}

/* The round step after @step. */
static double
next_step (double step)
{
  return nice_step (step * 1.01);
}

/* Decimal places that write every multiple of @step exactly. */
static int
decimals_of (double step)
{
  for (int d = 0; d < 6; d++)
    {
      double scaled = step * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (scaled, 1))
        return d;
    }
  return 6;
}

static void
place_ticks (OvChartTicks *ticks,
             double        step,
             double        align)
{
  double first = align + ceil ((ticks->lower - align) / step - 1e-9) * step;
  double last = align + floor ((ticks->upper - align) / step + 1e-9) * step;

  ticks->step = step;
  ticks->first = first;
  ticks->n = last >= first ? (guint)round ((last - first) / step) + 1 : 0;
}

/**
 * ov_chart_ticks_compute:
 * @lower: the lowest value to show
 * @upper: the highest
 * @fixed_lower: whether the axis starts at @lower exactly (a range set on
 *   the chart), rather than at the tick at or below it
 * @fixed_upper: the same for @upper
 * @max_ticks: at most this many ticks (at least 2)
 * @ticks: (out): the axis
 */
void
ov_chart_ticks_compute (double        lower,
                        double        upper,
                        gboolean      fixed_lower,
                        gboolean      fixed_upper,
                        guint         max_ticks,
                        OvChartTicks *ticks)
{
  double step;

  g_return_if_fail (ticks != NULL);
  g_return_if_fail (isfinite (lower) && isfinite (upper) && lower <= upper);

  max_ticks = MAX (max_ticks, 2);

  /* A single value still needs an axis around it. */
  if (upper - lower < 1e-12 * MAX (1, fabs (upper)))
    {
      if (fixed_upper && !fixed_lower)
        lower = upper - 1;
      else
        upper = lower + 1;
    }

  step = nice_step ((upper - lower) / (max_ticks - 1));
  for (;;)
    {
      ticks->lower = fixed_lower ? lower : floor (lower / step + 1e-9) * step;
      ticks->upper = fixed_upper ? upper : ceil (upper / step - 1e-9) * step;
      place_ticks (ticks, step, 0);
      if (ticks->n <= max_ticks)
        break;
      step = next_step (step);
    }

  ticks->decimals = decimals_of (step);
}

/**
 * ov_chart_ticks_compute_days:
 *
 * Ticks for an axis of dates (OvDate day numbers) from @lower to @upper:
 * the axis ends at the data, and the ticks fall on whole days.
 */
void
ov_chart_ticks_compute_days (double        lower,
                             double        upper,
                             guint         max_ticks,
                             OvChartTicks *ticks)
{
  g_return_if_fail (ticks != NULL);
  g_return_if_fail (isfinite (lower) && isfinite (upper) && lower <= upper);

  max_ticks = MAX (max_ticks, 2);
  if (upper - lower < 1)
    {
      lower -= 1;
      upper += 1;
    }

  ticks->lower = lower;
  ticks->upper = upper;
  ticks->decimals = 0;

  for (guint i = 0; i < G_N_ELEMENTS (day_steps); i++)
    {
      /* Julian day 1 is a Monday. */
      place_ticks (ticks, day_steps[i], day_steps[i] >= 7 ? 1 : 0);
      if (ticks->n <= max_ticks)
        return;
    }
}

/* The value of tick @i, without the rounding errors of adding steps. */
double
ov_chart_ticks_get (const OvChartTicks *ticks,
                    guint               i)
{
  double scale;

  g_return_val_if_fail (ticks != NULL, 0);

  scale = pow (10, ticks->decimals);
  return round ((ticks->first + i * ticks->step) * scale) / scale;
}

/* Where @value lies along the axis: 0 at its lower end, 1 at its upper. */
double
ov_chart_ticks_fraction (const OvChartTicks *ticks,
                         double              value)
{
  g_return_val_if_fail (ticks != NULL, 0);

  if (ticks->upper <= ticks->lower)
    return 0;

  return (value - ticks->lower) / (ticks->upper - ticks->lower);
}
