/* ov-chart-describe.c — a chart in one sentence, for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 exposes no children of a drawn chart to accessibility, so the
 * chart widget has the role img and this sentence as its description:
 * the kind, the title and every value, "Bar chart “Median days to first
 * value”: Before 62 days (n = 120), After 48 days (n = 95)." Lines are
 * summed up by where each starts and ends; the table has every point.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-chart-private.h"
#include "ov-chart-text.h"

static const char *
kind_name (OvChart *chart)
{
  switch (ov_chart_get_kind (chart))
    {
    case OV_CHART_BAR:
      return ov_chart_get_n_series (chart) > 1 ? _("Grouped bar chart") : _("Bar chart");

    case OV_CHART_GROUPED_BAR:
      return _("Grouped bar chart");

    case OV_CHART_LINE:
      return _("Line chart");

    case OV_CHART_STEP:
      return _("Step chart");

    case OV_CHART_BOX:
      return _("Box plot");

    case OV_CHART_HORIZONTAL_BAR:
      return _("Horizontal bar chart");

    default:
      g_assert_not_reached ();
    }
}

static void
separate (GString    *out,
          const char *separator)
{
  if (out->len > 0)
    g_string_append (out, separator);
}

/* "Before 62 days (n = 120), After 48 days (n = 95)"; with several
 * series, "Q1: Before 62 days, After 48 days; Q2: …". */
static void
describe_bars (OvChart *chart,
               GString *out)
{
  guint n_series = ov_chart_get_n_series (chart);
  guint n_categories = ov_chart_get_n_categories (chart);

  for (guint c = 0; c < n_categories; c++)
    {
      const char *category = ov_chart_get_category (chart, c);
      g_autoptr(GString) values = g_string_new (NULL);

      for (guint s = 0; s < n_series; s++)
        {
          g_autofree char *value = ov_chart_format_bar (chart, s, c);

          if (value == NULL)
            continue;

          separate (values, ", ");
          if (n_series > 1)
            /* Translators: a series and its value in a chart's description */
            g_string_append_printf (values, C_("chart description", "%1$s %2$s"),
                                    ov_chart_get_series_name (chart, s), value);
          else
            g_string_append (values, value);
        }

      if (values->len == 0)
        continue;

      if (n_series > 1)
        {
          separate (out, "; ");
          /* Translators: a category and its values in a chart's description */
          g_string_append_printf (out, _("%1$s: %2$s"), category, values->str);
        }
      else
        {
          separate (out, ", ");
          /* Translators: a category and its value in a chart's description */
          g_string_append_printf (out, C_("chart description", "%1$s %2$s"), category,
                                  values->str);
        }
    }
}

/* "Before median 62 days, quartiles 40–80, range 10–150, n = 120; …" */
static void
describe_boxes (OvChart *chart,
                GString *out)
{
  guint n_series = ov_chart_get_n_series (chart);
  guint n_categories = ov_chart_get_n_categories (chart);

  for (guint c = 0; c < n_categories; c++)
    for (guint s = 0; s < n_series; s++)
      {
        const OvChartBox *box = ov_chart_get_box (chart, s, c);
        g_autofree char *value = NULL;

        if (box == NULL)
          continue;

        value = ov_chart_format_box (chart, box);
        separate (out, "; ");
        if (n_series > 1)
          g_string_append_printf (out, _("%1$s, %2$s: %3$s"), ov_chart_get_category (chart, c),
                                  ov_chart_get_series_name (chart, s), value);
        else
          g_string_append_printf (out, C_("chart description", "%1$s %2$s"),
                                  ov_chart_get_category (chart, c), value);
      }
}

/* "Before from 0% at 0 days to 80% at 90 days; …" */
static void
describe_lines (OvChart *chart,
                GString *out)
{
  guint n_series = ov_chart_get_n_series (chart);

  for (guint s = 0; s < n_series; s++)
    {
      const char *name = ov_chart_get_series_name (chart, s);
      guint n_points;
      const OvChartPoint *points = ov_chart_get_points (chart, s, &n_points);
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      if (n_points == 0)
        continue;

      separate (out, "; ");
      first = ov_chart_format_point (chart, &points[0]);
      if (n_points == 1)
        {
          g_string_append_printf (out, _("%1$s: %2$s"), name, first);
          continue;
        }

      last = ov_chart_format_point (chart, &points[n_points - 1]);
      /* Translators: a line of a chart, from its first point to its last:
       * "Before from 0% at 0 days to 80% at 90 days" */
      g_string_append_printf (out, _("%1$s from %2$s to %3$s"), name, first, last);
    }
}

/**
 * ov_chart_describe:
 *
 * Returns: (transfer full): the chart in one sentence: its kind, title
 *   and values
 */
char *
ov_chart_describe (OvChart *chart)
{
  g_autoptr(GString) data = g_string_new (NULL);
  const char *title;

  g_return_val_if_fail (OV_IS_CHART (chart), NULL);

  switch (ov_chart_get_kind (chart))
    {
    case OV_CHART_BAR:
    case OV_CHART_GROUPED_BAR:
    case OV_CHART_HORIZONTAL_BAR:
      describe_bars (chart, data);
      break;

    case OV_CHART_BOX:
      describe_boxes (chart, data);
      break;

    case OV_CHART_LINE:
    case OV_CHART_STEP:
      describe_lines (chart, data);
      break;

    default:
      g_assert_not_reached ();
    }

  if (data->len == 0)
    /* Translators: what a chart without values shows, in its description */
    g_string_assign (data, _("no data"));

  title = ov_chart_get_title (chart);
  if (title != NULL && *title != '\0')
    /* Translators: a chart's description: its kind, its title, its values */
    return g_strdup_printf (_("%1$s “%2$s”: %3$s."), kind_name (chart), title, data->str);

  /* Translators: a chart's description: its kind and its values */
  return g_strdup_printf (_("%1$s: %2$s."), kind_name (chart), data->str);
}
