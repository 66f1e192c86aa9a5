/* ov-import-meetings.c — importing the meetings held with each account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One meeting per account, day and kind: a row with the same three
 * updates whether the customer attended and the note, else it adds a
 * meeting. Without a kind a meeting is "other"; without an attended cell a
 * new one was not attended and a stored one keeps what it has. Any real
 * date is taken, as for the accounts' dates; how far ahead a meeting may
 * be planned is for what people type (ov_meeting_validate()).
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-import-private.h"
#include "ov-meeting-kind.h"

typedef struct
{
  gint64         account_id;
  OvDate         scheduled_on;
  OvMeetingKind  kind;
  gboolean       attended;
  gboolean       has_attended;
  OvSlice        note;
} MeetingValues;

static const char backup_sql[] =
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, "
  "left_version) "
  "SELECT ?1, id, json_object ('attended', attended, 'note', note, 'updated_at', updated_at, "
  "'kind', kind, 'scheduled_on', scheduled_on), version, version + 1 FROM meetings WHERE id = ?2";

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM meetings WHERE id = ?1";

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_check_account_columns (run))
    return FALSE;

  if (!ov_import_run_has (run, MEETING_SCHEDULED_ON))
    {
      ov_import_run_missing_column (run, _("the file has no scheduled_on column"));
      return FALSE;
    }

  return TRUE;
}

static void
read_date (OvImportRun   *run,
           MeetingValues *values)
{
  if (ov_import_run_date (run, MEETING_SCHEDULED_ON, &values->scheduled_on) &&
      values->scheduled_on == OV_DATE_NONE)
    ov_import_run_reject (run, MEETING_SCHEDULED_ON, OV_CSV_ERROR_VALUE,
                          _("the date of the meeting is missing"));
}

static void
read_values (OvImportRun   *run,
             MeetingValues *values)
{
  OvSlice kind = ov_import_run_key (run, MEETING_KIND);

  values->kind = OV_MEETING_KIND_OTHER;
  if (kind.len > 0 && !ov_meeting_kind_parse (kind.str, kind.len, &values->kind))
    ov_import_run_reject (run, MEETING_KIND, OV_CSV_ERROR_VALUE,
                          _("“%.*s” is not a kind of meeting; use kickoff, training, review or "
                            "other"),
                          kind.len, kind.str);

  if (ov_import_run_has (run, MEETING_ATTENDED) &&
      ov_import_run_key (run, MEETING_ATTENDED).len > 0 &&
      ov_import_run_boolean (run, MEETING_ATTENDED, &values->attended))
    values->has_attended = TRUE;

  if (ov_import_run_has (run, MEETING_NOTE))
    values->note = ov_import_run_key (run, MEETING_NOTE);
}

/* The stored meeting the row is: 0 for none. */
static gboolean
find_meeting (OvImportRun    *run,
              MeetingValues  *values,
              gint64         *id,
              gboolean       *attended,
              char          **note,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  stmt = ov_store_prepare (run->store,
                           "SELECT id, attended, note FROM meetings WHERE account_id = ?1 "
                           "AND scheduled_on = ?2 AND kind = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->account_id);
  ov_bind_date (stmt, 2, values->scheduled_on);
  sqlite3_bind_text (stmt, 3, ov_meeting_kind_get_id (values->kind), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *attended = sqlite3_column_int (stmt, 1) != 0;
      *note = g_strdup (ov_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_meeting (OvImportRun     *run,
                MeetingValues   *values,
                gint64           id,
                gboolean         attended,
                const char      *note,
                OvImportAction  *action,
                GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean seen, constraint;

  if (!ov_import_run_seen (run, seen_sql, id, &seen, error))
    return FALSE;
  if (seen)
    {
      ov_import_run_reject (run, MEETING_SCHEDULED_ON, OV_CSV_ERROR_DUPLICATE,
                            _("this meeting is on an earlier row of this file too"));
      return TRUE;
    }

  if (!values->has_attended)
    values->attended = attended;
  if (!ov_import_run_has (run, MEETING_NOTE))
    values->note = (OvSlice) { note, strlen (note) };

  if (values->attended == attended && ov_slice_equal (values->note, note))
    {
      *action = OV_IMPORT_ACTION_UNCHANGED;
      return TRUE;
    }

  if (!ov_import_run_backup (run, backup_sql, id, error))
    return FALSE;

  stmt = ov_store_prepare (run->store,
                           "UPDATE meetings SET attended = ?1, note = ?2, updated_at = ?3, "
                           "version = version + 1 WHERE id = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, values->attended);
  ov_bind_slice (stmt, 2, values->note);
  sqlite3_bind_text (stmt, 3, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    return FALSE;

  *action = OV_IMPORT_ACTION_UPDATE;
  return TRUE;
}

static gboolean
import_row (OvImportRun     *run,
            OvImportAction  *action,
            GError         **error)
{
  MeetingValues values = { 0 };
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;
  gboolean attended = FALSE, constraint;
  gint64 id = 0;

  *action = OV_IMPORT_ACTION_REJECT;

  read_date (run, &values);
  if (run->restart)
    return TRUE;
  read_values (run, &values);

  if (!ov_import_run_find_account (run, &values.account_id, error))
    return FALSE;
  if (run->row_errors > 0)
    return TRUE;

  if (!find_meeting (run, &values, &id, &attended, &note, error))
    return FALSE;
  if (id != 0)
    return update_meeting (run, &values, id, attended, note, action, error);

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO meetings (account_id, kind, scheduled_on, attended, note, "
                           "created_at, updated_at, import_batch_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, values.account_id);
  sqlite3_bind_text (stmt, 2, ov_meeting_kind_get_id (values.kind), -1, SQLITE_STATIC);
  ov_bind_date (stmt, 3, values.scheduled_on);
  sqlite3_bind_int (stmt, 4, values.attended);
  ov_bind_slice (stmt, 5, values.note);
  sqlite3_bind_text (stmt, 6, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, run->batch_id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    {
      if (constraint)
        ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("adding a meeting"));
      return FALSE;
    }

  ov_import_run_created (run, sqlite3_last_insert_rowid (ov_store_get_db (run->store)));
  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}

/* A meeting is named by its kind and date: "training 2026-03-01". */
#define MEETING_NAME(kind, date) "(" kind " || ' ' || " date ")"

const OvImportKindClass ov_import_meetings_class = {
  .check_columns = check_columns,
  .import_row = import_row,
  .table = "meetings",
  .updated_sql = OV_UNDO_UPDATED_SQL ("meetings", "1", MEETING_NAME ("t.kind", "t.scheduled_on"),
                                      MEETING_NAME ("json_extract (b.old_row, '$.kind')",
                                                    "json_extract (b.old_row, '$.scheduled_on')")),
  .created_sql = OV_UNDO_CREATED_SQL ("meetings", "1", MEETING_NAME ("t.kind", "t.scheduled_on")),
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("meetings", "1"),
  .restore_extra_sql = { NULL, NULL },
  .restore_sql =
    "UPDATE meetings AS t SET "
    "attended = json_extract (b.old_row, '$.attended'), "
    "note = json_extract (b.old_row, '$.note'), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE ("1"),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("meetings"),
};
