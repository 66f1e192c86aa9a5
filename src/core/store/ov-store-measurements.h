/* ov-store-measurements.h — the measured values of metrics, per account
 * and per metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-measurement.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* One measurement as figures over the portfolio read it: no object, no
 * allocation of its own. */
typedef struct
{
  gint64    account_id;
  double    value;
  OvDate    measured_on;
  gboolean  baseline;
} OvMeasurementPoint;

/* The measurements of @account_id (OvMeasurement), oldest first; on one
 * day the baseline first, then by metric. */
GPtrArray     *ov_store_list_measurements  (OvStore        *self,
                                            gint64          account_id,
                                            GError        **error);
OvMeasurement *ov_store_get_measurement    (OvStore        *self,
                                            gint64          measurement_id,
                                            GError        **error);

/* Validates @measurement against today (ov_date_today()) and inserts it
 * (its id must be 0) under its metric's id (ov_measurement_metric_id());
 * sets its id and version. Refused when the account is not there
 * (OV_STORE_ERROR_NOT_FOUND) or already has a measurement of the metric on
 * that day with the same baseline flag (OV_MEASUREMENT_ERROR_DUPLICATE).
 * Emits "measurements". */
gboolean       ov_store_add_measurement    (OvStore        *self,
                                            OvMeasurement  *measurement,
                                            GError        **error);
/* Validates and writes metric, value, date, baseline flag and note of a
 * stored measurement, read at its version (else OV_STORE_ERROR_CONFLICT).
 * Emits "measurements". */
gboolean       ov_store_update_measurement (OvStore        *self,
                                            OvMeasurement  *measurement,
                                            GError        **error);
/* Deletes the measurement, read at its version. Emits "measurements". */
gboolean       ov_store_delete_measurement (OvStore        *self,
                                            OvMeasurement  *measurement,
                                            GError        **error);

/* Every measurement of @metric (an id or a name ov_measurement_metric_id()
 * knows) on an account not deleted, as OvMeasurementPoint, by account and
 * date, the baseline first on a day: one statement, one array, for a
 * million rows as for ten. */
GArray        *ov_store_list_metric_points (OvStore        *self,
                                            const char     *metric,
                                            GError        **error);

G_END_DECLS
