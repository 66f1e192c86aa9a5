/* ov-measurement-chart.c — the small history chart of one metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line through the metric's values by date, and the baseline as a
 * series of its own, so it is named in the legend, the table and the
 * description rather than told by colour alone. Painted by OvChartView
 * in its compact size.
 */

#define G_LOG_DOMAIN "ov-account-measurements"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-chart-view.h"
#include "ov-measurement-chart.h"

static OvChart *
build_chart (GPtrArray  *measurements,
             const char *metric,
             const char *title,
             const char *currency)
{
  g_autoptr(OvChart) chart = ov_chart_new (OV_CHART_LINE);
  const char *id = ov_measurement_metric_id (metric);
  guint values, baselines;
  guint n = 0, n_baselines = 0;

  ov_chart_set_title (chart, title);
  ov_chart_set_x_dates (chart, TRUE);
  /* The dates and the legend say what the axes hold: the small plot
   * keeps the height their titles would take. */
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, NULL, NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, NULL,
                     ov_measurement_metric_unit (metric, currency));
  values = ov_chart_add_series (chart, title);
  baselines = ov_chart_add_series (chart, _("Baseline"));

  for (guint i = 0; i < measurements->len; i++)
    {
      OvMeasurement *measurement = g_ptr_array_index (measurements, i);
      double x = ov_measurement_get_measured_on (measurement);
      double y = ov_measurement_get_value (measurement);

      if (g_strcmp0 (ov_measurement_metric_id (ov_measurement_get_metric (measurement)), id) != 0)
        continue;

      ov_chart_add_point (chart, values, x, y);
      n++;
      if (ov_measurement_get_baseline (measurement))
        {
          ov_chart_add_point (chart, baselines, x, y);
          n_baselines++;
        }
    }

  if (n == 0)
    return NULL;

  ov_chart_set_show_legend (chart, n_baselines > 0);
  return g_steal_pointer (&chart);
}

GtkWidget *
ov_measurement_chart_new_row (GPtrArray  *measurements,
                              const char *metric,
                              const char *title,
                              const char *currency)
{
  g_autoptr(OvChart) chart = NULL;
  GtkWidget *row, *view;

  g_return_val_if_fail (measurements != NULL, NULL);
  g_return_val_if_fail (metric != NULL, NULL);

  chart = build_chart (measurements, metric, title, currency);
  if (chart == NULL)
    return NULL;

  view = ov_chart_view_new (chart);
  ov_chart_view_set_compact (OV_CHART_VIEW (view), TRUE);
  ov_chart_view_set_show_title (OV_CHART_VIEW (view), FALSE);
  gtk_widget_set_margin_start (view, 12);
  gtk_widget_set_margin_end (view, 12);
  gtk_widget_set_margin_top (view, 8);
  gtk_widget_set_margin_bottom (view, 8);

  row = adw_preferences_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), view);
  g_object_set_data (G_OBJECT (row), "ov-chart-view", view);
  return row;
}
