/* ov-store-generated.c — measurements and meetings a generator writes in
 * bulk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov_store_add_measurement() and ov_store_add_meeting() check each row
 * against the database and today's date in a transaction of its own; a
 * sample of a hundred thousand accounts writes a million rows it made
 * right itself, so it inserts them plainly, as the import's fast path does.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include "ov-meeting-kind.h"
#include "ov-store-generated.h"
#include "ov-store-private.h"

gboolean
ov_store_insert_measurement_row (OvStore     *self,
                                 gint64       account_id,
                                 const char  *metric,
                                 double       value,
                                 OvDate       measured_on,
                                 gboolean     baseline,
                                 const char  *now,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (metric != NULL && now != NULL, FALSE);
  g_return_val_if_fail (measured_on != OV_DATE_NONE, FALSE);

  stmt = ov_store_prepare (self,
                           "INSERT INTO metric_values (account_id, metric, value, measured_on, "
                           "is_baseline, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  ov_bind_text (stmt, 2, metric);
  sqlite3_bind_double (stmt, 3, value);
  ov_bind_date (stmt, 4, measured_on);
  sqlite3_bind_int (stmt, 5, baseline != FALSE);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);

  return ov_store_step_done (self, stmt, error);
}

gboolean
ov_store_insert_meeting_row (OvStore        *self,
                             gint64          account_id,
                             OvMeetingKind   kind,
                             OvDate          scheduled_on,
                             gboolean        attended,
                             const char     *now,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_meeting_kind_is_valid (kind), FALSE);
  g_return_val_if_fail (scheduled_on != OV_DATE_NONE && now != NULL, FALSE);

  stmt = ov_store_prepare (self,
                           "INSERT INTO meetings (account_id, kind, scheduled_on, attended, "
                           "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  ov_bind_text (stmt, 2, ov_meeting_kind_get_id (kind));
  ov_bind_date (stmt, 3, scheduled_on);
  sqlite3_bind_int (stmt, 4, attended != FALSE);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);

  return ov_store_step_done (self, stmt, error);
}
