/* ov-chart-series.c — one series of a chart: its values, points or boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What OvChart holds for each series: a value (and its n) or a box per
 * category for the bar kinds and box plots, points in ascending x for
 * lines and steps. A category without a value stays empty, which is not
 * the same as zero. OvChart checks the arguments; this only stores.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <math.h>

#include "ov-chart-series.h"

typedef struct
{
  double value;
  int    n;
  guint  set : 1;
} Value;

typedef struct
{
  OvChartBox box;
  guint      set : 1;
} BoxSlot;

struct _OvChartSeries
{
  char   *name;
  GArray *values; /* Value, by category */
  GArray *points; /* OvChartPoint, ascending x */
  GArray *boxes;  /* BoxSlot, by category */
};

static void
widen (double  value,
       double *min,
       double *max)
{
  if (!isfinite (value))
    return;
  *min = MIN (*min, value);
  *max = MAX (*max, value);
}

OvChartSeries *
ov_chart_series_new (const char *name)
{
  OvChartSeries *series = g_new0 (OvChartSeries, 1);

  series->name = g_strdup (name);
  series->values = g_array_new (FALSE, TRUE, sizeof (Value));
  series->points = g_array_new (FALSE, FALSE, sizeof (OvChartPoint));
  series->boxes = g_array_new (FALSE, TRUE, sizeof (BoxSlot));
  return series;
}

void
ov_chart_series_free (OvChartSeries *series)
{
  if (series == NULL)
    return;

  g_free (series->name);
  g_array_unref (series->values);
  g_array_unref (series->points);
  g_array_unref (series->boxes);
  g_free (series);
}

const char *
ov_chart_series_get_name (const OvChartSeries *series)
{
  return series->name;
}

void
ov_chart_series_set_value (OvChartSeries *series,
                           guint          category,
                           double         value,
                           int            n)
{
  Value *slot;

  if (series->values->len <= category)
    g_array_set_size (series->values, category + 1);
  slot = &g_array_index (series->values, Value, category);
  slot->value = value;
  slot->n = MAX (n, -1);
  slot->set = TRUE;
}

gboolean
ov_chart_series_get_value (const OvChartSeries *series,
                           guint                category,
                           double              *value,
                           int                 *n)
{
  const Value *slot;

  if (category >= series->values->len)
    return FALSE;

  slot = &g_array_index (series->values, Value, category);
  if (!slot->set)
    return FALSE;

  if (value != NULL)
    *value = slot->value;
  if (n != NULL)
    *n = slot->n;
  return TRUE;
}

/* Returns %FALSE, adding nothing, when @x is below the last point's. */
gboolean
ov_chart_series_add_point (OvChartSeries *series,
                           double         x,
                           double         y)
{
  OvChartPoint point = { x, y };
  guint n = series->points->len;

  if (n > 0 && g_array_index (series->points, OvChartPoint, n - 1).x > x)
    return FALSE;

  g_array_append_val (series->points, point);
  return TRUE;
}

const OvChartPoint *
ov_chart_series_get_points (const OvChartSeries *series,
                            guint               *n_points)
{
  *n_points = series->points->len;
  return (const OvChartPoint *)(gpointer)series->points->data;
}

void
ov_chart_series_set_box (OvChartSeries    *series,
                         guint             category,
                         const OvChartBox *box)
{
  BoxSlot *slot;

  if (series->boxes->len <= category)
    g_array_set_size (series->boxes, category + 1);
  slot = &g_array_index (series->boxes, BoxSlot, category);
  slot->box = *box;
  slot->set = TRUE;
}

const OvChartBox *
ov_chart_series_get_box (const OvChartSeries *series,
                         guint                category)
{
  const BoxSlot *slot;

  if (category >= series->boxes->len)
    return NULL;

  slot = &g_array_index (series->boxes, BoxSlot, category);
  return slot->set ? &slot->box : NULL;
}

/* Widens [@min, @max] to the series' data along @axis: its values, the
 * ends of its boxes' whiskers, or its points' x or y. */
void
ov_chart_series_widen (const OvChartSeries *series,
                       OvChartAxis          axis,
                       double              *min,
                       double              *max)
{
  for (guint j = 0; j < series->values->len && axis == OV_CHART_AXIS_Y; j++)
    {
      const Value *v = &g_array_index (series->values, Value, j);

      if (v->set)
        widen (v->value, min, max);
    }
  for (guint j = 0; j < series->boxes->len && axis == OV_CHART_AXIS_Y; j++)
    {
      const BoxSlot *b = &g_array_index (series->boxes, BoxSlot, j);

      if (b->set)
        {
          widen (b->box.min, min, max);
          widen (b->box.max, min, max);
        }
    }
  for (guint j = 0; j < series->points->len; j++)
    {
      const OvChartPoint *p = &g_array_index (series->points, OvChartPoint, j);

      widen (axis == OV_CHART_AXIS_X ? p->x : p->y, min, max);
    }
}
