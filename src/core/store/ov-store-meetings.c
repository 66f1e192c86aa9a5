/* ov-store-meetings.c — the meetings held with each account's customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One meeting per account, day and kind (meetings_key): what the CSV
 * import matches a row by, too.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-meeting-kind.h"
#include "ov-store-meetings.h"
#include "ov-store-private.h"
#include "ov-store-record.h"
#include "ov-store-versions.h"

#define MEETING_COLUMNS "id, account_id, kind, scheduled_on, attended, note, version"

static OvMeeting *
meeting_from_stmt (sqlite3_stmt *stmt)
{
  OvMeetingKind kind = OV_MEETING_KIND_OTHER;
  OvMeeting *meeting;

  ov_meeting_kind_parse (ov_column_text (stmt, 2), -1, &kind);
  meeting = ov_meeting_new (sqlite3_column_int64 (stmt, 1), kind, ov_column_date (stmt, 3));
  ov_meeting_set_id (meeting, sqlite3_column_int64 (stmt, 0));
  ov_meeting_set_attended (meeting, sqlite3_column_int (stmt, 4) != 0);
  ov_meeting_set_note (meeting, ov_column_text (stmt, 5));
  ov_meeting_set_version (meeting, sqlite3_column_int64 (stmt, 6));
  return meeting;
}

GPtrArray *
ov_store_list_meetings (OvStore  *self,
                        gint64    account_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " MEETING_COLUMNS " FROM meetings WHERE account_id = ?1 "
                           "ORDER BY scheduled_on, id",
                           error);
  if (stmt == NULL)
    return NULL;

  meetings = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (meetings, meeting_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading meetings"));
      return NULL;
    }

  return g_steal_pointer (&meetings);
}

OvMeeting *
ov_store_get_meeting (OvStore  *self,
                      gint64    meeting_id,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  OvMeeting *meeting;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  meeting = ov_store_record_get (self, "SELECT " MEETING_COLUMNS " FROM meetings WHERE id = ?1",
                               meeting_id, (OvRecordFromStmt)meeting_from_stmt,
                               _("reading a meeting"), &local_error);
  if (meeting == NULL && local_error == NULL)
    g_set_error (&local_error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                 _("There is no meeting number %lld; it may have been removed."),
                 (long long)meeting_id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return meeting;
}

static void
tidy (OvMeeting *meeting)
{
  g_autofree char *note = g_strstrip (g_strdup (ov_meeting_get_note (meeting)));

  ov_meeting_set_note (meeting, note);
}

/* Refuses a second meeting of the same kind on the same day. */
static gboolean
check_unique (OvStore    *self,
              OvMeeting  *meeting,
              GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT 1 FROM meetings WHERE account_id = ?1 AND scheduled_on = ?2 "
                           "AND kind = ?3 AND id <> ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_meeting_get_account_id (meeting));
  ov_bind_date (stmt, 2, ov_meeting_get_scheduled_on (meeting));
  ov_bind_text (stmt, 3, ov_meeting_kind_get_id (ov_meeting_get_kind (meeting)));
  sqlite3_bind_int64 (stmt, 4, ov_meeting_get_id (meeting));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_autofree char *when = ov_date_to_iso (ov_meeting_get_scheduled_on (meeting));

      /* Translators: "Scheduled on: the account already has a meeting (Training) on 2026-03-01." */
      g_set_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_DUPLICATE,
                   _("Scheduled on: the account already has a meeting (%s) on %s."),
                   ov_meeting_kind_get_title (ov_meeting_get_kind (meeting)), when);
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
bind_meeting (sqlite3_stmt *stmt,
              OvMeeting    *meeting)
{
  ov_bind_text (stmt, 1, ov_meeting_kind_get_id (ov_meeting_get_kind (meeting)));
  ov_bind_date (stmt, 2, ov_meeting_get_scheduled_on (meeting));
  sqlite3_bind_int (stmt, 3, ov_meeting_get_attended (meeting));
  ov_bind_text (stmt, 4, ov_meeting_get_note (meeting));
}

/* Dates in the future are refused against today's date. */
static gboolean
validate_meeting (OvMeeting  *meeting,
                  GError    **error)
{
  return ov_meeting_validate (meeting, ov_date_today (), error);
}

static const OvStoreRecordKind meeting_kind = {
  .changed = "meetings",
  .row = OV_ROW_MEETING,
  .insert_sql = "INSERT INTO meetings (kind, scheduled_on, attended, note, account_id, "
                "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
  .update_sql = "UPDATE meetings SET kind = ?1, scheduled_on = ?2, attended = ?3, "
                "note = ?4, updated_at = ?5, version = version + 1 "
                "WHERE id = ?6 AND version = ?7",
  .n_fields = 4,
  .bind = (OvRecordBind)bind_meeting,
  .validate = (OvRecordValidate)validate_meeting,
  .tidy = (OvRecordTidy)tidy,
  .check_unique = (OvRecordCheck)check_unique,
  .get_account_id = (OvRecordGet)ov_meeting_get_account_id,
  .get_id = (OvRecordGet)ov_meeting_get_id,
  .set_id = (OvRecordSet)ov_meeting_set_id,
  .get_version = (OvRecordGet)ov_meeting_get_version,
  .set_version = (OvRecordSet)ov_meeting_set_version,
};

gboolean
ov_store_add_meeting (OvStore    *self,
                      OvMeeting  *meeting,
                      GError    **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (ov_meeting_get_id (meeting) == 0, FALSE);

  return ov_store_record_insert (self, &meeting_kind, meeting, error);
}

gboolean
ov_store_update_meeting (OvStore    *self,
                         OvMeeting  *meeting,
                         GError    **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_MEETING (meeting), FALSE);

  return ov_store_record_update (self, &meeting_kind, meeting, NULL, error);
}

gboolean
ov_store_delete_meeting (OvStore    *self,
                         OvMeeting  *meeting,
                         GError    **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_MEETING (meeting), FALSE);

  return ov_store_record_delete (self, &meeting_kind, meeting, error);
}
