/* ov-chart.c — what a chart shows: its kind, axes, categories and series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one chart model behind the chart widget, the PNG/SVG/PDF export and
 * the review report: it holds numbers and names only, never colours or
 * sizes, so one chart can be painted on screen in the theme's colours and
 * printed in light ones. A chart is built, then shown: whoever changes one
 * that is on screen asks for a new paint.
 *
 * Bar kinds and box plots hold one value (or box) per series and category;
 * lines and steps hold points per series, in ascending x. This file checks
 * what comes in; each series keeps its own (ov-chart-series.c).
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <math.h>

#include "ov-chart.h"
#include "ov-chart-series.h"

typedef struct
{
  char   *label;
  char   *unit;
  double  min;   /* NAN: from the data */
  double  max;
} Axis;

struct _OvChart
{
  GObject      parent_instance;

  OvChartKind  kind;
  char        *title;
  Axis         axes[2];
  GPtrArray   *categories; /* char * */
  GPtrArray   *series;     /* OvChartSeries * */
  guint        x_dates : 1;
  guint        show_legend : 1;
};

G_DEFINE_FINAL_TYPE (OvChart, ov_chart, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OvChartKind, ov_chart_kind,
  G_DEFINE_ENUM_VALUE (OV_CHART_BAR, "bar"),
  G_DEFINE_ENUM_VALUE (OV_CHART_GROUPED_BAR, "grouped-bar"),
  G_DEFINE_ENUM_VALUE (OV_CHART_LINE, "line"),
  G_DEFINE_ENUM_VALUE (OV_CHART_STEP, "step"),
  G_DEFINE_ENUM_VALUE (OV_CHART_BOX, "box"),
  G_DEFINE_ENUM_VALUE (OV_CHART_HORIZONTAL_BAR, "horizontal-bar"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_SHOW_LEGEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static OvChartSeries *
get_series (OvChart *self,
            guint    series)
{
  g_assert (series < self->series->len);

  return g_ptr_array_index (self->series, series);
}

static void
ov_chart_finalize (GObject *object)
{
  OvChart *self = (OvChart *)object;

  g_free (self->title);
  for (guint i = 0; i < G_N_ELEMENTS (self->axes); i++)
    {
      g_free (self->axes[i].label);
      g_free (self->axes[i].unit);
    }
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);

  G_OBJECT_CLASS (ov_chart_parent_class)->finalize (object);
}

static void
ov_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  OvChart *self = OV_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  OvChart *self = OV_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_TITLE:
      ov_chart_set_title (self, g_value_get_string (value));
      break;

    case PROP_SHOW_LEGEND:
      ov_chart_set_show_legend (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_chart_class_init (OvChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_chart_finalize;
  object_class->get_property = ov_chart_get_property;
  object_class->set_property = ov_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       OV_TYPE_CHART_KIND, OV_CHART_BAR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Drawn only when there are two series or more: one series is named by
   * the title and the axes. */
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_chart_init (OvChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_chart_series_free);
  self->show_legend = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->axes); i++)
    self->axes[i].min = self->axes[i].max = NAN;
}

OvChart *
ov_chart_new (OvChartKind kind)
{
  return g_object_new (OV_TYPE_CHART, "kind", kind, NULL);
}

OvChartKind
ov_chart_get_kind (OvChart *self)
{
  g_return_val_if_fail (OV_IS_CHART (self), OV_CHART_BAR);

  return self->kind;
}

/* Whether the chart's x axis is made of named categories (every kind but
 * lines and steps, whose x is a number or a date). */
gboolean
ov_chart_kind_has_categories (OvChartKind kind)
{
  return kind != OV_CHART_LINE && kind != OV_CHART_STEP;
}

const char *
ov_chart_get_title (OvChart *self)
{
  g_return_val_if_fail (OV_IS_CHART (self), NULL);

  return self->title;
}

void
ov_chart_set_title (OvChart    *self,
                    const char *title)
{
  g_return_if_fail (OV_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
ov_chart_get_show_legend (OvChart *self)
{
  g_return_val_if_fail (OV_IS_CHART (self), FALSE);

  return self->show_legend;
}

void
ov_chart_set_show_legend (OvChart  *self,
                          gboolean  show_legend)
{
  g_return_if_fail (OV_IS_CHART (self));

  show_legend = !!show_legend;
  if (self->show_legend == (guint)show_legend)
    return;

  self->show_legend = show_legend;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

/**
 * ov_chart_set_axis:
 * @label: (nullable): what the axis measures ("Days to first value")
 * @unit: (nullable): the unit of its values ("days", "%"), shown after
 *   the values in tooltips, descriptions and tables
 */
void
ov_chart_set_axis (OvChart     *self,
                   OvChartAxis  axis,
                   const char  *label,
                   const char  *unit)
{
  g_return_if_fail (OV_IS_CHART (self));
  g_return_if_fail (axis <= OV_CHART_AXIS_Y);

  g_free (self->axes[axis].label);
  g_free (self->axes[axis].unit);
  self->axes[axis].label = g_strdup (label);
  self->axes[axis].unit = g_strdup (unit);
}

const char *
ov_chart_get_axis_label (OvChart     *self,
                         OvChartAxis  axis)
{
  g_return_val_if_fail (OV_IS_CHART (self), NULL);
  g_return_val_if_fail (axis <= OV_CHART_AXIS_Y, NULL);

  return self->axes[axis].label;
}

const char *
ov_chart_get_axis_unit (OvChart     *self,
                        OvChartAxis  axis)
{
  g_return_val_if_fail (OV_IS_CHART (self), NULL);
  g_return_val_if_fail (axis <= OV_CHART_AXIS_Y, NULL);

  return self->axes[axis].unit;
}

/**
 * ov_chart_set_axis_range:
 * @min: the lowest value the axis shows, or NAN to follow the data
 * @max: the highest, or NAN to follow the data
 *
 * Without a range the axis runs from zero (or the lowest value, when it is
 * negative) to the highest value, widened to round ticks.
 */
void
ov_chart_set_axis_range (OvChart     *self,
                         OvChartAxis  axis,
                         double       min,
                         double       max)
{
  g_return_if_fail (OV_IS_CHART (self));
  g_return_if_fail (axis <= OV_CHART_AXIS_Y);
  g_return_if_fail (isnan (min) || isnan (max) || min < max);

  self->axes[axis].min = min;
  self->axes[axis].max = max;
}

void
ov_chart_get_axis_range (OvChart     *self,
                         OvChartAxis  axis,
                         double      *min,
                         double      *max)
{
  g_return_if_fail (OV_IS_CHART (self));
  g_return_if_fail (axis <= OV_CHART_AXIS_Y);

  if (min != NULL)
    *min = self->axes[axis].min;
  if (max != NULL)
    *max = self->axes[axis].max;
}

gboolean
ov_chart_get_x_dates (OvChart *self)
{
  g_return_val_if_fail (OV_IS_CHART (self), FALSE);

  return self->x_dates;
}

/* The x values of a line or step chart are OvDate day numbers, shown as
 * dates; otherwise they are plain numbers (days since kickoff, say). */
void
ov_chart_set_x_dates (OvChart  *self,
                      gboolean  dates)
{
  g_return_if_fail (OV_IS_CHART (self));

  self->x_dates = !!dates;
}

guint
ov_chart_add_category (OvChart    *self,
                       const char *label)
{
  g_return_val_if_fail (OV_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  g_ptr_array_add (self->categories, g_strdup (label));
  return self->categories->len - 1;
}

guint
ov_chart_get_n_categories (OvChart *self)
{
  g_return_val_if_fail (OV_IS_CHART (self), 0);

  return self->categories->len;
}

const char *
ov_chart_get_category (OvChart *self,
                       guint    category)
{
  g_return_val_if_fail (OV_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  return g_ptr_array_index (self->categories, category);
}

guint
ov_chart_add_series (OvChart    *self,
                     const char *name)
{
  g_return_val_if_fail (OV_IS_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  g_ptr_array_add (self->series, ov_chart_series_new (name));
  return self->series->len - 1;
}

guint
ov_chart_get_n_series (OvChart *self)
{
  g_return_val_if_fail (OV_IS_CHART (self), 0);

  return self->series->len;
}

const char *
ov_chart_get_series_name (OvChart *self,
                          guint    series)
{
  g_return_val_if_fail (OV_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return ov_chart_series_get_name (get_series (self, series));
}

/**
 * ov_chart_set_value:
 * @n: how many accounts (or answers) the value stands for, shown under
 *   the bar; -1 when it does not apply
 *
 * The value of one bar. Only for the bar kinds.
 */
void
ov_chart_set_value (OvChart *self,
                    guint    series,
                    guint    category,
                    double   value,
                    int      n)
{
  g_return_if_fail (OV_IS_CHART (self));
  g_return_if_fail (self->kind == OV_CHART_BAR || self->kind == OV_CHART_GROUPED_BAR ||
                    self->kind == OV_CHART_HORIZONTAL_BAR);
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);
  g_return_if_fail (isfinite (value));

  ov_chart_series_set_value (get_series (self, series), category, value, n);
}

gboolean
ov_chart_get_value (OvChart *self,
                    guint    series,
                    guint    category,
                    double  *value,
                    int     *n)
{
  g_return_val_if_fail (OV_IS_CHART (self), FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);

  return ov_chart_series_get_value (get_series (self, series), category, value, n);
}

/* A point of a line or step: points come in ascending x. */
void
ov_chart_add_point (OvChart *self,
                    guint    series,
                    double   x,
                    double   y)
{
  g_return_if_fail (OV_IS_CHART (self));
  g_return_if_fail (self->kind == OV_CHART_LINE || self->kind == OV_CHART_STEP);
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (isfinite (x) && isfinite (y));

  if (!ov_chart_series_add_point (get_series (self, series), x, y))
    g_critical ("%s: points come in ascending x, and %g comes after a larger one",
                G_STRFUNC, x);
}

const OvChartPoint *
ov_chart_get_points (OvChart *self,
                     guint    series,
                     guint   *n_points)
{
  g_return_val_if_fail (OV_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  return ov_chart_series_get_points (get_series (self, series), n_points);
}

void
ov_chart_set_box (OvChart          *self,
                  guint             series,
                  guint             category,
                  const OvChartBox *box)
{
  g_return_if_fail (OV_IS_CHART (self));
  g_return_if_fail (self->kind == OV_CHART_BOX);
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);
  g_return_if_fail (box != NULL);
  g_return_if_fail (box->min <= box->q1 && box->q1 <= box->median &&
                    box->median <= box->q3 && box->q3 <= box->max);

  ov_chart_series_set_box (get_series (self, series), category, box);
}

const OvChartBox *
ov_chart_get_box (OvChart *self,
                  guint    series,
                  guint    category)
{
  g_return_val_if_fail (OV_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return ov_chart_series_get_box (get_series (self, series), category);
}

/* Whether there is nothing to draw: no bar, point or box at all. */
gboolean
ov_chart_is_empty (OvChart *self)
{
  double min, max;

  g_return_val_if_fail (OV_IS_CHART (self), TRUE);

  return !ov_chart_get_data_range (self, OV_CHART_AXIS_Y, &min, &max);
}

/**
 * ov_chart_get_data_range:
 *
 * The lowest and highest values of the data along @axis, ignoring any
 * range set on the axis. The x axis of the category kinds has none.
 *
 * Returns: %FALSE when there is no data along @axis
 */
gboolean
ov_chart_get_data_range (OvChart     *self,
                         OvChartAxis  axis,
                         double      *min,
                         double      *max)
{
  double lo = INFINITY, hi = -INFINITY;

  g_return_val_if_fail (OV_IS_CHART (self), FALSE);
  g_return_val_if_fail (min != NULL && max != NULL, FALSE);

  if (axis == OV_CHART_AXIS_X && ov_chart_kind_has_categories (self->kind))
    return FALSE;

  for (guint i = 0; i < self->series->len; i++)
    ov_chart_series_widen (get_series (self, i), axis, &lo, &hi);

  if (lo > hi)
    return FALSE;

  *min = lo;
  *max = hi;
  return TRUE;
}
