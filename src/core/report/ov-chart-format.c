/* ov-chart-format.c — numbers, dates and units as a chart writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One place for how a value reads, so the tick labels, the tooltip, the
 * description for screen readers and the table agree.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-chart-private.h"
#include "ov-date.h"

/* Decimal places for @value: as few as write it exactly, two at most. */
static int
automatic_decimals (double value)
{
  for (int d = 0; d < 2; d++)
    {
      double scaled = value * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-9 * MAX (1, fabs (scaled)))
        return d;
    }
  return 2;
}

/**
 * ov_chart_format_number:
 * @decimals: decimal places, or -1 for as few as write @value (two at most)
 *
 * In the locale's digits and decimal separator.
 */
char *
ov_chart_format_number (double value,
                        int    decimals)
{
  double scale;

  if (decimals < 0)
    decimals = automatic_decimals (value);

  /* No "-0" for a value that rounds to zero. */
  scale = pow (10, decimals);
  if (round (value * scale) == 0)
    value = 0;

  return g_strdup_printf ("%.*f", decimals, value);
}

char *
ov_chart_format_value (OvChart     *chart,
                       OvChartAxis  axis,
                       double       value)
{
  g_autofree char *number = NULL;
  const char *unit;

  g_assert (OV_IS_CHART (chart));

  if (axis == OV_CHART_AXIS_X && ov_chart_get_x_dates (chart))
    return ov_date_to_display ((OvDate)round (value));

  number = ov_chart_format_number (value, -1);
  unit = ov_chart_get_axis_unit (chart, axis);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    /* Translators: a percentage in a chart, "45%" */
    return g_strdup_printf (_("%s%%"), number);

  /* Translators: a value and its unit in a chart, "48 days" */
  return g_strdup_printf (_("%1$s %2$s"), number, unit);
}

char *
ov_chart_format_tick (OvChart            *chart,
                      OvChartAxis         axis,
                      const OvChartTicks *ticks,
                      guint               i)
{
  double value;

  g_assert (OV_IS_CHART (chart));
  g_assert (ticks != NULL);

  value = ov_chart_ticks_get (ticks, i);
  if (axis == OV_CHART_AXIS_X && ov_chart_get_x_dates (chart))
    {
      g_autoptr(GDateTime) dt = NULL;
      int year, month, day;

      if (!ov_date_to_ymd ((OvDate)round (value), &year, &month, &day))
        return g_strdup ("");

      dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
      /* Translators: a date under a chart's axis, see strftime(3) */
      return g_date_time_format (dt, _("%-d %b"));
    }

  return ov_chart_format_number (value, ticks->decimals);
}

/* "Days to first value (days)", the label alone, the unit alone, or
 * NULL when the axis has neither. */
char *
ov_chart_format_axis_title (OvChart     *chart,
                            OvChartAxis  axis)
{
  const char *label = ov_chart_get_axis_label (chart, axis);
  const char *unit = ov_chart_get_axis_unit (chart, axis);
  gboolean has_label = label != NULL && *label != '\0';
  gboolean has_unit = unit != NULL && *unit != '\0';

  if (has_label && has_unit)
    /* Translators: an axis title and its unit, "Days to first value (days)" */
    return g_strdup_printf (_("%1$s (%2$s)"), label, unit);
  if (has_label)
    return g_strdup (label);
  if (has_unit)
    return g_strdup (unit);
  return NULL;
}

/* How many accounts (or answers) a value stands for. */
char *
ov_chart_format_n (int n)
{
  g_autofree char *number = g_strdup_printf ("%d", n);

  /* Translators: the number of cases behind a value in a chart; for a
   * group of bars, one number per bar ("n = 120 / 95") */
  return g_strdup_printf (_("n = %s"), number);
}

/* "62 days (n = 120)", or "62 days" when the bar has no n. */
char *
ov_chart_format_bar (OvChart *chart,
                     guint    series,
                     guint    category)
{
  g_autofree char *value_text = NULL;
  g_autofree char *n_text = NULL;
  double value;
  int n;

  if (!ov_chart_get_value (chart, series, category, &value, &n))
    return NULL;

  value_text = ov_chart_format_value (chart, OV_CHART_AXIS_Y, value);
  if (n < 0)
    return g_steal_pointer (&value_text);

  n_text = ov_chart_format_n (n);
  /* Translators: a value in a chart and how many cases it stands for,
   * "62 days (n = 120)" */
  return g_strdup_printf (C_("chart value and its n", "%1$s (%2$s)"), value_text, n_text);
}

/* "median 62 days, quartiles 40–80, range 10–150, n = 120" */
char *
ov_chart_format_box (OvChart          *chart,
                     const OvChartBox *box)
{
  g_autofree char *median = ov_chart_format_value (chart, OV_CHART_AXIS_Y, box->median);
  g_autofree char *q1 = ov_chart_format_number (box->q1, -1);
  g_autofree char *q3 = ov_chart_format_number (box->q3, -1);
  g_autofree char *min = ov_chart_format_number (box->min, -1);
  g_autofree char *max = ov_chart_format_number (box->max, -1);
  g_autofree char *n_text = ov_chart_format_n (box->n);

  /* Translators: a box of a box plot, "median 62 days, quartiles 40–80,
   * range 10–150, n = 120" */
  return g_strdup_printf (_("median %1$s, quartiles %2$s–%3$s, range %4$s–%5$s, %6$s"),
                          median, q1, q3, min, max, n_text);
}

/* "45% at 30 days", or "45% on 12 Mar 2026" when x is a date. */
char *
ov_chart_format_point (OvChart            *chart,
                       const OvChartPoint *point)
{
  g_autofree char *y = ov_chart_format_value (chart, OV_CHART_AXIS_Y, point->y);
  g_autofree char *x = ov_chart_format_value (chart, OV_CHART_AXIS_X, point->x);

  if (ov_chart_get_x_dates (chart))
    /* Translators: a point of a line chart, "45% on 12 Mar 2026" */
    return g_strdup_printf (_("%1$s on %2$s"), y, x);

  /* Translators: a point of a line chart, "45% at 30 days" */
  return g_strdup_printf (_("%1$s at %2$s"), y, x);
}
