/* ov-store-measurements.c — the measured values of metrics, per account
 * and per metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measurements live in metric_values: one per account, metric, day and
 * baseline flag (its unique key), as the CSV import writes them too.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-store-measurements.h"
#include "ov-store-private.h"
#include "ov-store-record.h"
#include "ov-store-versions.h"

#define MEASUREMENT_COLUMNS \
  "id, account_id, metric, value, measured_on, is_baseline, note, version"

static OvMeasurement *
measurement_from_stmt (sqlite3_stmt *stmt)
{
  OvMeasurement *measurement = ov_measurement_new (sqlite3_column_int64 (stmt, 1),
                                                   ov_column_text (stmt, 2),
                                                   sqlite3_column_double (stmt, 3),
                                                   ov_column_date (stmt, 4),
                                                   sqlite3_column_int (stmt, 5) != 0);

  ov_measurement_set_id (measurement, sqlite3_column_int64 (stmt, 0));
  ov_measurement_set_note (measurement, ov_column_text (stmt, 6));
  ov_measurement_set_version (measurement, sqlite3_column_int64 (stmt, 7));
  return measurement;
}

gboolean
ov_store_check_account (OvStore  *self,
                        gint64    account_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, "SELECT 1 FROM accounts WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                 _("Account: there is no account number %lld; it may have been deleted."),
                 (long long)account_id);
  else
    ov_store_set_error (self, error, rc, NULL);
  return FALSE;
}

GPtrArray *
ov_store_list_measurements (OvStore  *self,
                            gint64    account_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) measurements = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " MEASUREMENT_COLUMNS " FROM metric_values "
                           "WHERE account_id = ?1 "
                           "ORDER BY measured_on, is_baseline DESC, metric, id",
                           error);
  if (stmt == NULL)
    return NULL;

  measurements = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (measurements, measurement_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading measurements"));
      return NULL;
    }

  return g_steal_pointer (&measurements);
}

OvMeasurement *
ov_store_get_measurement (OvStore  *self,
                          gint64    measurement_id,
                          GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  OvMeasurement *measurement;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  measurement = ov_store_record_get (self, "SELECT " MEASUREMENT_COLUMNS " FROM metric_values WHERE id = ?1",
                                   measurement_id, (OvRecordFromStmt)measurement_from_stmt,
                                   _("reading a measurement"), &local_error);
  if (measurement == NULL && local_error == NULL)
    g_set_error (&local_error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                 _("There is no measurement number %lld; it may have been removed."),
                 (long long)measurement_id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return measurement;
}

/* What is stored is tidy: the metric by its id, the note trimmed. */
static void
tidy (OvMeasurement *measurement)
{
  g_autofree char *metric = g_strdup (ov_measurement_metric_id (ov_measurement_get_metric (measurement)));
  g_autofree char *note = g_strstrip (g_strdup (ov_measurement_get_note (measurement)));

  ov_measurement_set_metric (measurement, metric);
  ov_measurement_set_note (measurement, note);
}

/* Refuses a second measurement with the key of @measurement. */
static gboolean
check_unique (OvStore        *self,
              OvMeasurement  *measurement,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT 1 FROM metric_values WHERE account_id = ?1 AND metric = ?2 "
                           "AND measured_on = ?3 AND is_baseline = ?4 AND id <> ?5",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_measurement_get_account_id (measurement));
  ov_bind_text (stmt, 2, ov_measurement_get_metric (measurement));
  ov_bind_date (stmt, 3, ov_measurement_get_measured_on (measurement));
  sqlite3_bind_int (stmt, 4, ov_measurement_get_baseline (measurement));
  sqlite3_bind_int64 (stmt, 5, ov_measurement_get_id (measurement));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_autofree char *when = ov_date_to_iso (ov_measurement_get_measured_on (measurement));

      g_set_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_DUPLICATE,
                   ov_measurement_get_baseline (measurement)
                     ? _("Measured on: the account already has a baseline of “%s” on %s.")
                     : _("Measured on: the account already has a measurement of “%s” on %s."),
                   ov_measurement_get_metric (measurement), when);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* The columns every write sets, from parameter ?1 on. */
static void
bind_measurement (sqlite3_stmt  *stmt,
                  OvMeasurement *measurement)
{
  ov_bind_text (stmt, 1, ov_measurement_get_metric (measurement));
  sqlite3_bind_double (stmt, 2, ov_measurement_get_value (measurement));
  ov_bind_date (stmt, 3, ov_measurement_get_measured_on (measurement));
  sqlite3_bind_int (stmt, 4, ov_measurement_get_baseline (measurement));
  ov_bind_text (stmt, 5, ov_measurement_get_note (measurement));
}

/* Dates in the future are refused against today's date. */
static gboolean
validate_measurement (OvMeasurement  *measurement,
                      GError        **error)
{
  return ov_measurement_validate (measurement, ov_date_today (), error);
}

static const OvStoreRecordKind measurement_kind = {
  .changed = "measurements",
  .row = OV_ROW_MEASUREMENT,
  .insert_sql = "INSERT INTO metric_values (metric, value, measured_on, is_baseline, note, "
                "account_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
  .update_sql = "UPDATE metric_values SET metric = ?1, value = ?2, measured_on = ?3, "
                "is_baseline = ?4, note = ?5, updated_at = ?6, version = version + 1 "
                "WHERE id = ?7 AND version = ?8",
  .n_fields = 5,
  .bind = (OvRecordBind)bind_measurement,
  .validate = (OvRecordValidate)validate_measurement,
  .tidy = (OvRecordTidy)tidy,
  .check_unique = (OvRecordCheck)check_unique,
  .get_account_id = (OvRecordGet)ov_measurement_get_account_id,
  .get_id = (OvRecordGet)ov_measurement_get_id,
  .set_id = (OvRecordSet)ov_measurement_set_id,
  .get_version = (OvRecordGet)ov_measurement_get_version,
  .set_version = (OvRecordSet)ov_measurement_set_version,
};

gboolean
ov_store_add_measurement (OvStore        *self,
                          OvMeasurement  *measurement,
                          GError        **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_MEASUREMENT (measurement), FALSE);
  g_return_val_if_fail (ov_measurement_get_id (measurement) == 0, FALSE);

  return ov_store_record_insert (self, &measurement_kind, measurement, error);
}

gboolean
ov_store_update_measurement (OvStore        *self,
                             OvMeasurement  *measurement,
                             GError        **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_MEASUREMENT (measurement), FALSE);

  return ov_store_record_update (self, &measurement_kind, measurement, NULL, error);
}

gboolean
ov_store_delete_measurement (OvStore        *self,
                             OvMeasurement  *measurement,
                             GError        **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_MEASUREMENT (measurement), FALSE);

  return ov_store_record_delete (self, &measurement_kind, measurement, error);
}

GArray *
ov_store_list_metric_points (OvStore     *self,
                             const char  *metric,
                             GError     **error)
{
  g_autoptr(GArray) points = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (metric != NULL, NULL);

  /* metric_values_metric serves the order; each row's account is looked
   * up by its key to leave deleted ones out. */
  stmt = ov_store_prepare (self,
                           "SELECT m.account_id, m.value, m.measured_on, m.is_baseline "
                           "FROM metric_values AS m JOIN accounts AS a ON a.id = m.account_id "
                           "WHERE m.metric = ?1 AND a.deleted_at IS NULL "
                           "ORDER BY m.account_id, m.measured_on, m.is_baseline DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  points = g_array_sized_new (FALSE, FALSE, sizeof (OvMeasurementPoint), 1024);
  ov_bind_text (stmt, 1, ov_measurement_metric_id (metric));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvMeasurementPoint point = {
        .account_id = sqlite3_column_int64 (stmt, 0),
        .value = sqlite3_column_double (stmt, 1),
        .measured_on = ov_column_date (stmt, 2),
        .baseline = sqlite3_column_int (stmt, 3) != 0,
      };

      g_array_append_val (points, point);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading measurements"));
      return NULL;
    }

  return g_steal_pointer (&points);
}
