/* ov-measurement.c — one measured value of a metric for an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Impact is shown as a baseline before a program and measurements after:
 * a measurement is a metric's value on a date, flagged when it is the
 * account's baseline. The metrics Overture knows (NPS, health score,
 * product usage, engagement, hours, ARR) keep to their ranges; any other
 * metric may be recorded under a plain name, with any finite value.
 */

#define G_LOG_DOMAIN "ov-measurement"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ov-measurement.h"
#include "ov-metric-kind.h"
#include "ov-property.h"
#include "ov-text.h"

struct _OvMeasurement
{
  GObject   parent_instance;

  gint64    id;
  gint64    version;   /* of the stored row read; 0 until stored */
  gint64    account_id;
  double    value;
  char     *metric;
  char     *note;
  OvDate    measured_on;
  gboolean  baseline;
};

G_DEFINE_FINAL_TYPE (OvMeasurement, ov_measurement, G_TYPE_OBJECT)

G_DEFINE_QUARK (ov-measurement-error-quark, ov_measurement_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_METRIC,
  PROP_VALUE,
  PROP_MEASURED_ON,
  PROP_BASELINE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_measurement_finalize (GObject *object)
{
  OvMeasurement *self = (OvMeasurement *)object;

  g_free (self->metric);
  g_free (self->note);

  G_OBJECT_CLASS (ov_measurement_parent_class)->finalize (object);
}

static void
ov_measurement_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OvMeasurement *self = OV_MEASUREMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_METRIC:
      g_value_set_string (value, ov_measurement_get_metric (self));
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_MEASURED_ON:
      g_value_set_int (value, self->measured_on);
      break;
    case PROP_BASELINE:
      g_value_set_boolean (value, self->baseline);
      break;
    case PROP_NOTE:
      g_value_set_string (value, ov_measurement_get_note (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_measurement_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OvMeasurement *self = OV_MEASUREMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_measurement_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACCOUNT_ID:
      ov_measurement_set_account_id (self, g_value_get_int64 (value));
      break;
    case PROP_METRIC:
      ov_measurement_set_metric (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      ov_measurement_set_value (self, g_value_get_double (value));
      break;
    case PROP_MEASURED_ON:
      ov_measurement_set_measured_on (self, g_value_get_int (value));
      break;
    case PROP_BASELINE:
      ov_measurement_set_baseline (self, g_value_get_boolean (value));
      break;
    case PROP_NOTE:
      ov_measurement_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_measurement_class_init (OvMeasurementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_measurement_finalize;
  object_class->get_property = ov_measurement_get_property;
  object_class->set_property = ov_measurement_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_METRIC] = g_param_spec_string ("metric", NULL, NULL, "", rw);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_MEASURED_ON] =
    g_param_spec_int ("measured-on", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_BASELINE] = g_param_spec_boolean ("baseline", NULL, NULL, FALSE, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_measurement_init (OvMeasurement *self)
{
}

OvMeasurement *
ov_measurement_new (gint64      account_id,
                    const char *metric,
                    double      value,
                    OvDate      measured_on,
                    gboolean    baseline)
{
  OvMeasurement *self = g_object_new (OV_TYPE_MEASUREMENT, NULL);

  self->account_id = account_id;
  self->metric = g_strdup (metric);
  self->value = value;
  self->measured_on = measured_on;
  self->baseline = !!baseline;
  return self;
}

OvMeasurement *
ov_measurement_copy (OvMeasurement *self)
{
  OvMeasurement *copy;

  g_return_val_if_fail (OV_IS_MEASUREMENT (self), NULL);

  copy = ov_measurement_new (self->account_id, self->metric, self->value, self->measured_on,
                             self->baseline);
  copy->id = self->id;
  copy->version = self->version;
  copy->note = g_strdup (self->note);
  return copy;
}

const char *
ov_measurement_metric_id (const char *metric)
{
  const OvMetricKind *kind;

  g_return_val_if_fail (metric != NULL, NULL);

  kind = ov_metric_kind_find (metric, -1);
  return kind != NULL ? kind->id : metric;
}

char *
ov_measurement_metric_from_text (const char *text,
                                 gssize      length)
{
  const OvMetricKind *kind;
  g_autoptr(GString) name = NULL;
  gboolean gap = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  kind = ov_metric_kind_find (text, length);
  if (kind != NULL)
    return g_strdup (kind->id);

  name = g_string_sized_new (length);
  for (gssize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c >= 0x80)
        return NULL;
      if (!g_ascii_isalnum (c))
        {
          gap = name->len > 0;
          continue;
        }
      if (gap)
        g_string_append_c (name, '_');
      gap = FALSE;
      g_string_append_c (name, g_ascii_tolower (c));
    }

  if (!ov_measurement_metric_is_valid (name->str))
    return NULL;

  return g_string_free (g_steal_pointer (&name), FALSE);
}

gboolean
ov_measurement_metric_is_valid (const char *metric)
{
  gsize length;

  g_return_val_if_fail (metric != NULL, FALSE);

  length = strlen (metric);
  if (length == 0 || length > OV_MEASUREMENT_METRIC_MAX)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (metric[i]) && !g_ascii_isdigit (metric[i]) && metric[i] != '_')
      return FALSE;

  return TRUE;
}

static gboolean
check_value (OvMeasurement  *self,
             GError        **error)
{
  g_autoptr(GError) range_error = NULL;
  const OvMetricKind *kind = ov_metric_kind_find (ov_measurement_get_metric (self), -1);
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (self->value))
    {
      g_set_error_literal (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_VALUE,
                           _("Value: a measurement needs a number."));
      return FALSE;
    }

  if (kind == NULL)
    return TRUE;

  g_ascii_formatd (text, sizeof text, "%.15g", self->value);
  if (!ov_metric_kind_check_value (kind, self->value, text, strlen (text), &range_error))
    {
      g_set_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_VALUE, _("Value: %s."),
                   range_error->message);
      return FALSE;
    }

  /* An amount is kept to the cent, as the accounts' ARR is. */
  if (kind->money && fabs (self->value * 100 - round (self->value * 100)) > 1e-6)
    {
      g_set_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_VALUE,
                   _("Value: %s has more than two decimals; an amount is kept to the cent."),
                   text);
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_measurement_validate (OvMeasurement  *self,
                         OvDate          today,
                         GError        **error)
{
  const char *metric;
  gunichar control;

  g_return_val_if_fail (OV_IS_MEASUREMENT (self), FALSE);

  metric = ov_measurement_metric_id (ov_measurement_get_metric (self));
  if (metric[0] == '\0')
    {
      g_set_error_literal (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_METRIC,
                           _("Metric: a measurement needs the name of its metric."));
      return FALSE;
    }
  if (!ov_measurement_metric_is_valid (metric))
    {
      g_autofree char *shown = g_utf8_make_valid (metric, -1);

      g_set_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_METRIC,
                   _("Metric: “%s” is not a metric name; use lower-case letters, digits and "
                     "“_”, at most %d of them, such as “onboarding_score”."),
                   shown, OV_MEASUREMENT_METRIC_MAX);
      return FALSE;
    }

  if (!check_value (self, error))
    return FALSE;

  if (self->measured_on == OV_DATE_NONE)
    {
      g_set_error_literal (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_DATE,
                           _("Measured on: a measurement needs a date."));
      return FALSE;
    }
  if (self->measured_on < ov_date_from_ymd (1900, 1, 1) || self->measured_on > today)
    {
      g_autofree char *when = ov_date_to_iso (self->measured_on);
      g_autofree char *shown = ov_date_to_iso (today);

      if (self->measured_on > today)
        g_set_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_DATE,
                     _("Measured on: %s is after today (%s); a value is measured, not "
                       "foreseen."),
                     when, shown);
      else
        g_set_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_DATE,
                     _("Measured on: %s is not a date a measurement can have."), when);
      return FALSE;
    }

  control = ov_text_find_control (ov_measurement_get_note (self), TRUE);
  if (control != 0)
    {
      g_set_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_NOTE,
                   _("Note: the text holds the control character U+%04X."), (guint)control);
      return FALSE;
    }

  return TRUE;
}

gint64
ov_measurement_get_id (OvMeasurement *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT (self), 0);

  return self->id;
}

void
ov_measurement_set_id (OvMeasurement *self,
                       gint64         id)
{
  g_return_if_fail (OV_IS_MEASUREMENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The version of the stored row this object was read at: a write names it,
 * so a copy older than the row is refused instead of written over it. */
gint64
ov_measurement_get_version (OvMeasurement *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT (self), 0);

  return self->version;
}

void
ov_measurement_set_version (OvMeasurement *self,
                            gint64         version)
{
  g_return_if_fail (OV_IS_MEASUREMENT (self));

  self->version = version;
}

gint64
ov_measurement_get_account_id (OvMeasurement *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT (self), 0);

  return self->account_id;
}

void
ov_measurement_set_account_id (OvMeasurement *self,
                               gint64         account_id)
{
  g_return_if_fail (OV_IS_MEASUREMENT (self));

  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
ov_measurement_get_metric (OvMeasurement *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT (self), NULL);

  return self->metric != NULL ? self->metric : "";
}

void
ov_measurement_set_metric (OvMeasurement *self,
                           const char    *metric)
{
  g_return_if_fail (OV_IS_MEASUREMENT (self));

  ov_property_set_string (G_OBJECT (self), &self->metric, metric, properties[PROP_METRIC]);
}

double
ov_measurement_get_value (OvMeasurement *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT (self), 0);

  return self->value;
}

void
ov_measurement_set_value (OvMeasurement *self,
                          double         value)
{
  g_return_if_fail (OV_IS_MEASUREMENT (self));

  /* NAN is never equal to itself: it is set once and then stays quiet. */
  if (self->value == value || (isnan (self->value) && isnan (value)))
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

OvDate
ov_measurement_get_measured_on (OvMeasurement *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT (self), OV_DATE_NONE);

  return self->measured_on;
}

void
ov_measurement_set_measured_on (OvMeasurement *self,
                                OvDate         measured_on)
{
  g_return_if_fail (OV_IS_MEASUREMENT (self));

  if (self->measured_on == measured_on)
    return;

  self->measured_on = measured_on;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURED_ON]);
}

gboolean
ov_measurement_get_baseline (OvMeasurement *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT (self), FALSE);

  return self->baseline;
}

void
ov_measurement_set_baseline (OvMeasurement *self,
                             gboolean       baseline)
{
  g_return_if_fail (OV_IS_MEASUREMENT (self));

  ov_property_set_boolean (G_OBJECT (self), &self->baseline, baseline, properties[PROP_BASELINE]);
}

const char *
ov_measurement_get_note (OvMeasurement *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT (self), NULL);

  return self->note != NULL ? self->note : "";
}

void
ov_measurement_set_note (OvMeasurement *self,
                         const char    *note)
{
  g_return_if_fail (OV_IS_MEASUREMENT (self));

  ov_property_set_string (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}
