/* ov-import-content.c — importing the content library's items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item is its title, whatever its case: a row with a title the library
 * has updates that item, else it adds one. Format, audience role, stage,
 * link and duration follow their cells; a column the file does not have,
 * or an empty format cell, keeps what a stored item has (a new one is a
 * course for everyone at any stage).
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-content-item.h"
#include "ov-import-private.h"
#include "ov-role.h"
#include "ov-text.h"

typedef struct
{
  OvSlice          title;
  OvContentFormat  format;
  const char      *role;
  OvStage          stage;
  OvSlice          location;
  int              duration;
} ContentValues;

static const char backup_sql[] =
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, "
  "left_version) "
  "SELECT ?1, id, json_object ('title', title, 'format', format, 'role', role, 'stage', stage, "
  "'location', location, 'duration_minutes', duration_minutes, 'updated_at', updated_at), "
  "version, version + 1 FROM content_items WHERE id = ?2";

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM content_items WHERE id = ?1";

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_has (run, CONTENT_TITLE))
    {
      ov_import_run_missing_column (run, _("the file has no title column"));
      return FALSE;
    }

  return TRUE;
}

static void
read_values (OvImportRun   *run,
             ContentValues *values)
{
  OvSlice format = ov_import_run_key (run, CONTENT_FORMAT);
  OvSlice role = ov_import_run_key (run, CONTENT_ROLE);
  double duration = 0;

  values->title = ov_import_run_key (run, CONTENT_TITLE);
  if (values->title.len == 0)
    ov_import_run_reject (run, CONTENT_TITLE, OV_CSV_ERROR_VALUE, _("the item has no title"));
  else if (ov_text_find_control (ov_import_run_dup (run, values->title), FALSE) != 0)
    ov_import_run_reject (run, CONTENT_TITLE, OV_CSV_ERROR_VALUE,
                          _("the title is one line, without control characters"));

  values->format = (OvContentFormat)-1;
  if (format.len > 0 && !ov_content_format_parse (format.str, format.len, &values->format))
    ov_import_run_reject (run, CONTENT_FORMAT, OV_CSV_ERROR_VALUE,
                          _("“%.*s” is not a format; use course, webinar, guide, video or "
                            "hands-on exercise"),
                          format.len, format.str);

  values->role = "";
  if (role.len > 0)
    {
      values->role = ov_import_run_role (run, CONTENT_ROLE, role);
      if (values->role != NULL && ov_role_get_side (values->role) != OV_SIDE_CUSTOMER)
        ov_import_run_reject (run, CONTENT_ROLE, OV_CSV_ERROR_VALUE,
                              _("“%.*s” is a role of your own team; content is for the "
                                "customer's executive sponsor, champion, admin or end users"),
                              role.len, role.str);
    }

  ov_import_run_stage (run, CONTENT_STAGE, &values->stage);
  values->location = ov_import_run_key (run, CONTENT_LOCATION);
  if (values->location.len > 0 &&
      ov_text_find_control (ov_import_run_dup (run, values->location), FALSE) != 0)
    ov_import_run_reject (run, CONTENT_LOCATION, OV_CSV_ERROR_VALUE,
                          _("the link or location is one line, without control characters"));

  values->duration = -1;
  if (ov_import_run_key (run, CONTENT_DURATION).len > 0 &&
      ov_import_run_number (run, CONTENT_DURATION, &duration))
    {
      if (duration < 0 || duration > OV_CONTENT_MAX_MINUTES || duration != floor (duration))
        ov_import_run_reject (run, CONTENT_DURATION, OV_CSV_ERROR_VALUE,
                              _("the duration is a whole number of minutes from 0 to %u"),
                              (guint)OV_CONTENT_MAX_MINUTES);
      else
        values->duration = (int)duration;
    }
}

/* Every column as the file gives it, or as stored when it does not: ?1
 * title … ?6 duration, NULL for "keep". */
static void
bind_values (OvImportRun   *run,
             sqlite3_stmt  *stmt,
             ContentValues *values)
{
  ov_bind_slice (stmt, 1, values->title);
  if ((int)values->format >= 0)
    sqlite3_bind_text (stmt, 2, ov_content_format_get_id (values->format), -1, SQLITE_STATIC);
  if (ov_import_run_has (run, CONTENT_ROLE))
    sqlite3_bind_text (stmt, 3, values->role, -1, SQLITE_STATIC);
  if (ov_import_run_has (run, CONTENT_STAGE))
    sqlite3_bind_int (stmt, 4, values->stage);
  if (ov_import_run_has (run, CONTENT_LOCATION))
    ov_bind_slice (stmt, 5, values->location);
  if (ov_import_run_has (run, CONTENT_DURATION))
    sqlite3_bind_int (stmt, 6, MAX (values->duration, 0));
}

static gboolean
update_item (OvImportRun     *run,
             ContentValues   *values,
             gint64           id,
             OvImportAction  *action,
             GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean seen, constraint;
  int rc;

  if (!ov_import_run_seen (run, seen_sql, id, &seen, error))
    return FALSE;
  if (seen)
    {
      ov_import_run_reject (run, CONTENT_TITLE, OV_CSV_ERROR_DUPLICATE,
                            _("this item is on an earlier row of this file too"));
      return TRUE;
    }

  /* Whether the row changes anything: the same expressions as the update. */
  stmt = ov_store_prepare (run->store,
                           "SELECT title IS ?1 AND format IS COALESCE (?2, format) "
                           "AND role IS COALESCE (?3, role) "
                           "AND stage IS (CASE WHEN ?4 IS NULL THEN stage ELSE NULLIF (?4, 0) END) "
                           "AND location IS COALESCE (?5, location) "
                           "AND duration_minutes IS COALESCE (?6, duration_minutes) "
                           "FROM content_items WHERE id = ?7",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_values (run, stmt, values);
  sqlite3_bind_int64 (stmt, 7, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0)
    *action = OV_IMPORT_ACTION_UNCHANGED;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }
  if (*action == OV_IMPORT_ACTION_UNCHANGED)
    return TRUE;

  if (!ov_import_run_backup (run, backup_sql, id, error))
    return FALSE;

  stmt = ov_store_prepare (run->store,
                           "UPDATE content_items SET title = ?1, format = COALESCE (?2, format), "
                           "role = COALESCE (?3, role), "
                           "stage = CASE WHEN ?4 IS NULL THEN stage ELSE NULLIF (?4, 0) END, "
                           "location = COALESCE (?5, location), "
                           "duration_minutes = COALESCE (?6, duration_minutes), "
                           "updated_at = ?8, version = version + 1 WHERE id = ?7",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_values (run, stmt, values);
  sqlite3_bind_int64 (stmt, 7, id);
  sqlite3_bind_text (stmt, 8, run->now, -1, SQLITE_STATIC);
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
  ContentValues values = { 0 };
  sqlite3_stmt *stmt;
  gboolean constraint;
  gint64 id = 0;

  *action = OV_IMPORT_ACTION_REJECT;

  read_values (run, &values);
  if (run->row_errors > 0)
    return TRUE;

  if (!ov_import_run_find_id (run, "SELECT id FROM content_items WHERE title_key = ov_fold (?1)",
                              values.title, &id, error))
    return FALSE;
  if (id != 0)
    return update_item (run, &values, id, action, error);

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO content_items (title, title_key, format, role, stage, "
                           "location, duration_minutes, created_at, updated_at, import_batch_id) "
                           "VALUES (?1, ov_fold (?1), COALESCE (?2, 'course'), COALESCE (?3, ''), "
                           "NULLIF (?4, 0), COALESCE (?5, ''), COALESCE (?6, 0), ?7, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_values (run, stmt, &values);
  sqlite3_bind_text (stmt, 7, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, run->batch_id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    {
      if (constraint)
        ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("adding a content item"));
      return FALSE;
    }

  ov_import_run_created (run, sqlite3_last_insert_rowid (ov_store_get_db (run->store)));
  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}

const OvImportKindClass ov_import_content_class = {
  .check_columns = check_columns,
  .import_row = import_row,
  .table = "content_items",
  .updated_sql = OV_UNDO_UPDATED_SQL ("content_items", "1", "t.title",
                                      "json_extract (b.old_row, '$.title')"),
  .created_sql = OV_UNDO_CREATED_SQL ("content_items", "1", "t.title"),
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("content_items", "1"),
  .restore_extra_sql = { NULL, NULL },
  .restore_sql =
    "UPDATE content_items AS t SET "
    "title = json_extract (b.old_row, '$.title'), "
    "title_key = ov_fold (json_extract (b.old_row, '$.title')), "
    "format = json_extract (b.old_row, '$.format'), "
    "role = json_extract (b.old_row, '$.role'), "
    "stage = json_extract (b.old_row, '$.stage'), "
    "location = json_extract (b.old_row, '$.location'), "
    "duration_minutes = json_extract (b.old_row, '$.duration_minutes'), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE ("1"),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("content_items"),
};
