/* ov-measurement.h — one measured value of a metric for an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"

G_BEGIN_DECLS

#define OV_MEASUREMENT_ERROR (ov_measurement_error_quark ())

typedef enum
{
  OV_MEASUREMENT_ERROR_METRIC,
  OV_MEASUREMENT_ERROR_VALUE,
  OV_MEASUREMENT_ERROR_DATE,
  OV_MEASUREMENT_ERROR_NOTE,
  OV_MEASUREMENT_ERROR_DUPLICATE,
} OvMeasurementError;

/* A metric's name: lower-case ASCII letters, digits and '_', at most this
 * many bytes. */
#define OV_MEASUREMENT_METRIC_MAX 40

#define OV_TYPE_MEASUREMENT (ov_measurement_get_type ())

G_DECLARE_FINAL_TYPE (OvMeasurement, ov_measurement, OV, MEASUREMENT, GObject)

/* Properties (all notify explicitly): "id", "account-id", "metric",
 * "value" (double), "measured-on" (OvDate), "baseline", "note".
 *
 * The value of "arr" is an amount in the account's currency, in units (not
 * cents), with at most two decimals, as files write it. */

GQuark          ov_measurement_error_quark      (void);
OvMeasurement  *ov_measurement_new              (gint64          account_id,
                                                 const char     *metric,
                                                 double          value,
                                                 OvDate          measured_on,
                                                 gboolean        baseline);
OvMeasurement  *ov_measurement_copy             (OvMeasurement  *self);

/* The name a metric is stored under: a metric Overture knows
 * (ov-metric-kind.c) by its id, whatever name it is given ("Health
 * score" → "health_score"); any other name as it is. */
const char     *ov_measurement_metric_id        (const char     *metric);
/* A metric's name as a file may write it, made the name it is stored
 * under: a known metric's id; any other in lower case, each run of spaces
 * and punctuation one '_' ("Custom score" → "custom_score"). NULL when no
 * valid name comes of it (letters beyond a–z, nothing left, too long). */
char           *ov_measurement_metric_from_text (const char     *text,
                                                 gssize          length);
/* Whether @metric is a name a metric may be stored under (see above). */
gboolean        ov_measurement_metric_is_valid  (const char     *metric);

/* The metric must be a known one or a valid name; the value finite and,
 * for a known metric, in its range (an NPS response a whole number from 0
 * to 10, ARR not negative and in whole cents); the date set, from 1900 on
 * and not after @today; the note free of control characters but tabs and
 * line breaks. The message starts with the field's label ("Value: …"). */
gboolean        ov_measurement_validate         (OvMeasurement  *self,
                                                 OvDate          today,
                                                 GError        **error);

gint64          ov_measurement_get_id           (OvMeasurement  *self);
void            ov_measurement_set_id           (OvMeasurement  *self,
                                                 gint64          id);
gint64          ov_measurement_get_version      (OvMeasurement  *self);
void            ov_measurement_set_version      (OvMeasurement  *self,
                                                 gint64          version);
gint64          ov_measurement_get_account_id   (OvMeasurement  *self);
void            ov_measurement_set_account_id   (OvMeasurement  *self,
                                                 gint64          account_id);
const char     *ov_measurement_get_metric       (OvMeasurement  *self);
void            ov_measurement_set_metric       (OvMeasurement  *self,
                                                 const char     *metric);
double          ov_measurement_get_value        (OvMeasurement  *self);
void            ov_measurement_set_value        (OvMeasurement  *self,
                                                 double          value);
OvDate          ov_measurement_get_measured_on  (OvMeasurement  *self);
void            ov_measurement_set_measured_on  (OvMeasurement  *self,
                                                 OvDate          measured_on);
gboolean        ov_measurement_get_baseline     (OvMeasurement  *self);
void            ov_measurement_set_baseline     (OvMeasurement  *self,
                                                 gboolean        baseline);
const char     *ov_measurement_get_note         (OvMeasurement  *self);
void            ov_measurement_set_note         (OvMeasurement  *self,
                                                 const char     *note);

G_END_DECLS
