/* ov-import-metrics.c — importing measured metric values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One value per account, metric, date and baseline flag: a row with the
 * same four updates the value (and the note, when the file has notes),
 * else it adds one. The metrics the app knows (ov-metric-kind.c: nps,
 * health_score, product_usage, engagement, internal_cost, arr) are stored
 * by their id, whatever name the file gives them, and their values must
 * lie in their range; others under their name made a plain one ("Custom
 * score" → custom_score, see ov_measurement_metric_from_text()). Any
 * real date is taken, as for the accounts' dates: a portfolio exported
 * around another "today" (a sample's) imports back.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ov-import-private.h"
#include "ov-measurement.h"
#include "ov-metric-kind.h"
#include "ov-money.h"

typedef struct
{
  gint64   account_id;
  OvSlice  metric;
  double   value;
  OvDate   measured_on;
  gboolean baseline;
  OvSlice  note;
} MetricValues;

static const char insert_sql[] =
  "INSERT INTO metric_values (account_id, metric, value, measured_on, is_baseline, created_at, "
  "updated_at, import_batch_id, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8)";

static const char backup_sql[] =
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, "
  "left_version) "
  "SELECT ?1, id, json_object ('value', value, 'updated_at', updated_at, 'metric', metric, "
  "'measured_on', measured_on, 'note', note), version, version + 1 FROM metric_values "
  "WHERE id = ?2";

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM metric_values WHERE id = ?1";

static gboolean
check_columns (OvImportRun *run)
{
  static const int needed[] = { METRIC_METRIC, METRIC_VALUE, METRIC_MEASURED_ON };

  if (!ov_import_run_check_account_columns (run))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (!ov_import_run_has (run, needed[i]))
      {
        g_autofree char *message =
          g_strdup_printf (_("the file has no %s column"), run->fields[needed[i]].id);

        ov_import_run_missing_column (run, message);
        return FALSE;
      }

  return TRUE;
}

/* The value of a known metric must fit it: an NPS response is 0–10, a
 * percentage 0–100, ARR an amount of money. */
static void
read_value (OvImportRun        *run,
            const OvMetricKind *kind,
            double             *value)
{
  g_autoptr(GError) error = NULL;
  OvSlice text = ov_import_run_key (run, METRIC_VALUE);

  if (kind != NULL && kind->money)
    {
      g_autofree char *currency = NULL;
      gint64 cents;

      if (!ov_money_parse (ov_import_run_dup (run, text), &cents, &currency, &error))
        {
          ov_import_run_reject (run, METRIC_VALUE, OV_CSV_ERROR_VALUE, "%s", error->message);
          return;
        }
      if (currency != NULL)
        {
          ov_import_run_reject (run, METRIC_VALUE, OV_CSV_ERROR_VALUE,
                                _("“%.*s” names a currency, but a metric value has none; "
                                  "write the amount alone"),
                                text.len, text.str);
          return;
        }
      *value = cents / 100.0;
    }
  else if (!ov_import_run_number (run, METRIC_VALUE, value))
    return;

  if (kind != NULL && !ov_metric_kind_check_value (kind, *value, text.str, text.len, &error))
    ov_import_run_reject (run, METRIC_VALUE, OV_CSV_ERROR_VALUE, "%s", error->message);
}

static void
check_date (OvImportRun *run,
            OvDate       measured_on)
{
  g_autofree char *when = NULL;

  if (measured_on == OV_DATE_NONE)
    {
      ov_import_run_reject (run, METRIC_MEASURED_ON, OV_CSV_ERROR_VALUE,
                            _("the date of the measurement is missing"));
      return;
    }

  when = ov_date_to_iso (measured_on);
  if (measured_on < ov_date_from_ymd (1900, 1, 1))
    ov_import_run_reject (run, METRIC_MEASURED_ON, OV_CSV_ERROR_VALUE,
                          _("%s is not a date a measurement can have"), when);
}

static gboolean
import_row (OvImportRun     *run,
            OvImportAction  *action,
            GError         **error)
{
  MetricValues values = { 0 };
  g_autofree char *stored_note = NULL;
  const OvMetricKind *kind = NULL;
  sqlite3_stmt *stmt;
  gboolean constraint;
  gint64 id = 0;
  double stored = 0;
  int rc;

  *action = OV_IMPORT_ACTION_REJECT;

  values.metric = ov_import_run_key (run, METRIC_METRIC);
  if (values.metric.len == 0)
    ov_import_run_reject (run, METRIC_METRIC, OV_CSV_ERROR_VALUE,
                          _("the row does not name its metric"));
  else
    {
      char *name = ov_measurement_metric_from_text (values.metric.str, values.metric.len);

      if (name == NULL)
        ov_import_run_reject (run, METRIC_METRIC, OV_CSV_ERROR_VALUE,
                              _("“%.*s” is not a metric name; use letters a to z, digits and "
                                "spaces, at most %d of them"),
                              values.metric.len, values.metric.str, OV_MEASUREMENT_METRIC_MAX);
      else
        {
          g_ptr_array_add (run->row_strings, name);
          values.metric = (OvSlice) { name, strlen (name) };
          kind = ov_metric_kind_find (name, -1);
        }
    }

  if (ov_import_run_key (run, METRIC_VALUE).len == 0)
    ov_import_run_reject (run, METRIC_VALUE, OV_CSV_ERROR_VALUE, _("the value is missing"));
  else
    read_value (run, kind, &values.value);

  if (ov_import_run_date (run, METRIC_MEASURED_ON, &values.measured_on))
    check_date (run, values.measured_on);
  if (run->restart)
    return TRUE;

  ov_import_run_boolean (run, METRIC_BASELINE, &values.baseline);
  values.note = ov_import_run_key (run, METRIC_NOTE);

  if (!ov_import_run_find_account (run, &values.account_id, error))
    return FALSE;
  if (run->row_errors > 0)
    return TRUE;

  stmt = ov_store_prepare (run->store,
                           "SELECT id, value, note FROM metric_values WHERE account_id = ?1 "
                           "AND metric = ?2 AND measured_on = ?3 AND is_baseline = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, values.account_id);
  ov_bind_slice (stmt, 2, values.metric);
  ov_bind_date (stmt, 3, values.measured_on);
  sqlite3_bind_int (stmt, 4, values.baseline);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      stored = sqlite3_column_double (stmt, 1);
      stored_note = g_strdup (ov_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  if (id != 0)
    {
      gboolean seen;

      if (!ov_import_run_seen (run, seen_sql, id, &seen, error))
        return FALSE;
      if (seen)
        {
          ov_import_run_reject (run, METRIC_METRIC, OV_CSV_ERROR_DUPLICATE,
                                _("this measurement is on an earlier row of this file too"));
          return TRUE;
        }

      /* Without a note column, the notes stay as they are. */
      if (!ov_import_run_has (run, METRIC_NOTE))
        values.note = (OvSlice) { stored_note, strlen (stored_note) };

      if (stored == values.value && ov_slice_equal (values.note, stored_note))
        {
          *action = OV_IMPORT_ACTION_UNCHANGED;
          return TRUE;
        }

      if (!ov_import_run_backup (run, backup_sql, id, error))
        return FALSE;

      stmt = ov_store_prepare (run->store,
                               "UPDATE metric_values SET value = ?1, updated_at = ?2, "
                               "note = ?4, version = version + 1 WHERE id = ?3",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_double (stmt, 1, values.value);
      sqlite3_bind_text (stmt, 2, run->now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, id);
      ov_bind_slice (stmt, 4, values.note);
      if (!ov_import_run_step (run, stmt, &constraint, error))
        {
          if (constraint)
            ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("updating a metric"));
          return FALSE;
        }

      *action = OV_IMPORT_ACTION_UPDATE;
      return TRUE;
    }

  stmt = ov_store_prepare (run->store, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, values.account_id);
  ov_bind_slice (stmt, 2, values.metric);
  sqlite3_bind_double (stmt, 3, values.value);
  ov_bind_date (stmt, 4, values.measured_on);
  sqlite3_bind_int (stmt, 5, values.baseline);
  sqlite3_bind_text (stmt, 6, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, run->batch_id);
  ov_bind_slice (stmt, 8, values.note);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    {
      if (constraint)
        ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("adding a metric"));
      return FALSE;
    }

  ov_import_run_created (run, sqlite3_last_insert_rowid (ov_store_get_db (run->store)));
  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}

/* A measurement is named by its metric and date: "nps 2026-03-01". */
#define METRIC_NAME(metric, date) "(" metric " || ' ' || " date ")"

const OvImportKindClass ov_import_metrics_class = {
  .check_columns = check_columns,
  .import_row = import_row,
  .table = "metric_values",
  .updated_sql = OV_UNDO_UPDATED_SQL ("metric_values", "1",
                                      METRIC_NAME ("t.metric", "t.measured_on"),
                                      METRIC_NAME ("json_extract (b.old_row, '$.metric')",
                                                   "json_extract (b.old_row, '$.measured_on')")),
  .created_sql = OV_UNDO_CREATED_SQL ("metric_values", "1",
                                      METRIC_NAME ("t.metric", "t.measured_on")),
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("metric_values", "1"),
  .restore_extra_sql = { NULL, NULL },
  .restore_sql =
    "UPDATE metric_values AS t SET "
    "value = json_extract (b.old_row, '$.value'), "
    "note = COALESCE (json_extract (b.old_row, '$.note'), t.note), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE ("1"),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("metric_values"),
};
