/* ov-chart-table.c — a chart's numbers in rows and columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the chart widget's "Show as Table" shows, and what tests compare:
 * the same numbers the chart is painted from, every one of them. Bars
 * give a row per category and a column per series (and its n); boxes a
 * row per category and series, with n, the whiskers' ends and quartiles;
 * lines a row per x, with the value of each series there. Units go in
 * the headers, so the cells hold plain numbers.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-chart-private.h"
#include "ov-chart-text.h"

struct _OvChartTable
{
  GPtrArray *headers; /* char * */
  GPtrArray *cells;   /* char *, row after row */
  GArray    *values;  /* double, the same cells; NAN for names and gaps */
};

static void
add_header (OvChartTable *table,
            const char   *header)
{
  g_ptr_array_add (table->headers, g_strdup (header));
}

/* "After (days)": a header and the unit of its column. */
static void
add_header_with_unit (OvChartTable *table,
                      const char   *header,
                      const char   *unit)
{
  if (unit == NULL || *unit == '\0')
    add_header (table, header);
  else
    g_ptr_array_add (table->headers, g_strdup_printf (_("%1$s (%2$s)"), header, unit));
}

static void
add_text (OvChartTable *table,
          const char   *text)
{
  double none = NAN;

  g_ptr_array_add (table->cells, g_strdup (text != NULL ? text : ""));
  g_array_append_val (table->values, none);
}

static void
add_number (OvChartTable *table,
            double        value)
{
  g_ptr_array_add (table->cells, ov_chart_format_number (value, -1));
  g_array_append_val (table->values, value);
}

static const char *
x_header (OvChart *chart)
{
  const char *label = ov_chart_get_axis_label (chart, OV_CHART_AXIS_X);

  if (label != NULL && *label != '\0')
    return label;
  if (ov_chart_kind_has_categories (ov_chart_get_kind (chart)))
    return _("Category");
  return ov_chart_get_x_dates (chart) ? _("Date") : _("Day");
}

static gboolean
series_has_n (OvChart *chart,
              guint    series)
{
  for (guint c = 0; c < ov_chart_get_n_categories (chart); c++)
    {
      int n = -1;

      if (ov_chart_get_value (chart, series, c, NULL, &n) && n >= 0)
        return TRUE;
    }
  return FALSE;
}

static void
fill_bars (OvChartTable *table,
           OvChart      *chart)
{
  const char *unit = ov_chart_get_axis_unit (chart, OV_CHART_AXIS_Y);
  guint n_series = ov_chart_get_n_series (chart);
  g_autofree gboolean *with_n = g_new0 (gboolean, n_series);

  add_header (table, x_header (chart));
  for (guint s = 0; s < n_series; s++)
    {
      const char *name = ov_chart_get_series_name (chart, s);

      add_header_with_unit (table, name, unit);
      with_n[s] = series_has_n (chart, s);
      if (with_n[s] && n_series > 1)
        /* Translators: a table column, the number of cases behind a series */
        g_ptr_array_add (table->headers, g_strdup_printf (_("n (%s)"), name));
      else if (with_n[s])
        add_header (table, "n");
    }

  for (guint c = 0; c < ov_chart_get_n_categories (chart); c++)
    {
      add_text (table, ov_chart_get_category (chart, c));
      for (guint s = 0; s < n_series; s++)
        {
          double value;
          int n;

          if (!ov_chart_get_value (chart, s, c, &value, &n))
            {
              add_text (table, NULL);
              if (with_n[s])
                add_text (table, NULL);
              continue;
            }

          add_number (table, value);
          if (with_n[s] && n >= 0)
            add_number (table, n);
          else if (with_n[s])
            add_text (table, NULL);
        }
    }
}

static void
fill_boxes (OvChartTable *table,
            OvChart      *chart)
{
  const char *unit = ov_chart_get_axis_unit (chart, OV_CHART_AXIS_Y);
  guint n_series = ov_chart_get_n_series (chart);

  add_header (table, x_header (chart));
  if (n_series > 1)
    add_header (table, _("Series"));
  add_header (table, "n");
  add_header_with_unit (table, _("Minimum"), unit);
  add_header_with_unit (table, _("Lower quartile"), unit);
  add_header_with_unit (table, _("Median"), unit);
  add_header_with_unit (table, _("Upper quartile"), unit);
  add_header_with_unit (table, _("Maximum"), unit);

  for (guint c = 0; c < ov_chart_get_n_categories (chart); c++)
    for (guint s = 0; s < n_series; s++)
      {
        const OvChartBox *box = ov_chart_get_box (chart, s, c);

        if (box == NULL)
          continue;

        add_text (table, ov_chart_get_category (chart, c));
        if (n_series > 1)
          add_text (table, ov_chart_get_series_name (chart, s));
        add_number (table, box->n);
        add_number (table, box->min);
        add_number (table, box->q1);
        add_number (table, box->median);
        add_number (table, box->q3);
        add_number (table, box->max);
      }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
fill_lines (OvChartTable *table,
            OvChart      *chart)
{
  const char *unit = ov_chart_get_axis_unit (chart, OV_CHART_AXIS_Y);
  guint n_series = ov_chart_get_n_series (chart);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree guint *next = g_new0 (guint, n_series);

  add_header_with_unit (table, x_header (chart), ov_chart_get_axis_unit (chart, OV_CHART_AXIS_X));
  for (guint s = 0; s < n_series; s++)
    {
      guint n_points;
      const OvChartPoint *points = ov_chart_get_points (chart, s, &n_points);

      add_header_with_unit (table, ov_chart_get_series_name (chart, s), unit);
      for (guint i = 0; i < n_points; i++)
        g_array_append_val (xs, points[i].x);
    }
  g_array_sort (xs, compare_doubles);

  /* Each series' points are in ascending x: walk them all along the
   * sorted xs, a row for each distinct x. */
  for (guint i = 0; i < xs->len; i++)
    {
      double x = g_array_index (xs, double, i);

      if (i > 0 && x == g_array_index (xs, double, i - 1))
        continue;

      if (ov_chart_get_x_dates (chart))
        {
          g_autofree char *date = ov_chart_format_value (chart, OV_CHART_AXIS_X, x);

          g_ptr_array_add (table->cells, g_steal_pointer (&date));
          g_array_append_val (table->values, x);
        }
      else
        add_number (table, x);

      for (guint s = 0; s < n_series; s++)
        {
          guint n_points;
          const OvChartPoint *points = ov_chart_get_points (chart, s, &n_points);

          if (next[s] < n_points && points[next[s]].x == x)
            {
              add_number (table, points[next[s]].y);
              /* Two points at one x (a step's jump): the later one. */
              while (next[s] < n_points && points[next[s]].x == x)
                next[s]++;
            }
          else
            add_text (table, NULL);
        }
    }
}

/**
 * ov_chart_to_table:
 *
 * Returns: (transfer full): the chart's numbers in rows and columns
 */
OvChartTable *
ov_chart_to_table (OvChart *chart)
{
  OvChartTable *table;

  g_return_val_if_fail (OV_IS_CHART (chart), NULL);

  table = g_new0 (OvChartTable, 1);
  table->headers = g_ptr_array_new_with_free_func (g_free);
  table->cells = g_ptr_array_new_with_free_func (g_free);
  table->values = g_array_new (FALSE, FALSE, sizeof (double));

  switch (ov_chart_get_kind (chart))
    {
    case OV_CHART_BAR:
    case OV_CHART_GROUPED_BAR:
    case OV_CHART_HORIZONTAL_BAR:
      fill_bars (table, chart);
      break;

    case OV_CHART_BOX:
      fill_boxes (table, chart);
      break;

    case OV_CHART_LINE:
    case OV_CHART_STEP:
      fill_lines (table, chart);
      break;

    default:
      g_assert_not_reached ();
    }

  g_assert (table->cells->len % table->headers->len == 0);
  return table;
}

void
ov_chart_table_free (OvChartTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->headers);
  g_ptr_array_unref (table->cells);
  g_array_unref (table->values);
  g_free (table);
}

guint
ov_chart_table_get_n_rows (OvChartTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->cells->len / table->headers->len;
}

guint
ov_chart_table_get_n_columns (OvChartTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->headers->len;
}

const char *
ov_chart_table_get_header (OvChartTable *table,
                           guint         column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->headers->len, NULL);

  return g_ptr_array_index (table->headers, column);
}

/* The cell as the chart writes it; "" where there is no value. */
const char *
ov_chart_table_get_text (OvChartTable *table,
                         guint         row,
                         guint         column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->headers->len, NULL);
  g_return_val_if_fail (row < ov_chart_table_get_n_rows (table), NULL);

  return g_ptr_array_index (table->cells, row * table->headers->len + column);
}

/* The cell as a number (a date as its OvDate), or NAN where it holds a
 * name or nothing. */
double
ov_chart_table_get_value (OvChartTable *table,
                          guint         row,
                          guint         column)
{
  g_return_val_if_fail (table != NULL, NAN);
  g_return_val_if_fail (column < table->headers->len, NAN);
  g_return_val_if_fail (row < ov_chart_table_get_n_rows (table), NAN);

  return g_array_index (table->values, double, row * table->headers->len + column);
}
