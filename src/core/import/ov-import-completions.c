/* ov-import-completions.c — importing completions from a learning
 * platform's export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row names a person by email (whatever its case) and an item of the
 * library by title (whatever its case), and says how far the person got:
 * a status, a progress in %, or both, and the day they completed it. A
 * person or item the database does not have is reported on its line and
 * the row changes nothing; so is an email that several people share,
 * since the row cannot say which of them it means.
 *
 * One completion per item and person: a row for a pair that has one
 * updates it, else it adds one. A completion without a day is dated the
 * day of the import.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-content-progress.h"
#include "ov-import-private.h"

typedef struct
{
  gint64              person_id;
  gint64              content_id;
  OvCompletionStatus  status;
  guint               progress;
  OvDate              completed_on;
} CompletionValues;

static const char backup_sql[] =
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, "
  "left_version) "
  "SELECT ?1, id, json_object ('status', status, 'progress', progress, "
  "'completed_on', completed_on, 'updated_at', updated_at), version, version + 1 "
  "FROM content_completions WHERE id = ?2";

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM content_completions WHERE id = ?1";

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_has (run, COMPLETION_EMAIL))
    {
      ov_import_run_missing_column (run, _("the file has no email column"));
      return FALSE;
    }
  if (!ov_import_run_has (run, COMPLETION_COURSE))
    {
      ov_import_run_missing_column (run, _("the file has no course column"));
      return FALSE;
    }
  if (!ov_import_run_has (run, COMPLETION_STATUS) && !ov_import_run_has (run, COMPLETION_PROGRESS))
    {
      ov_import_run_missing_column (run, _("the file has neither a status nor a progress column"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
find_person_and_item (OvImportRun       *run,
                      CompletionValues  *values,
                      GError           **error)
{
  OvSlice email = ov_import_run_key (run, COMPLETION_EMAIL);
  OvSlice course = ov_import_run_key (run, COMPLETION_COURSE);

  if (email.len == 0)
    ov_import_run_reject (run, COMPLETION_EMAIL, OV_CSV_ERROR_VALUE,
                          _("the email of the person is missing"));
  else
    {
      if (!ov_import_run_find_id (run,
                                  "SELECT p.id FROM people AS p JOIN accounts AS a "
                                  "ON a.id = p.account_id AND a.deleted_at IS NULL "
                                  "WHERE p.email = ?1 COLLATE NOCASE AND p.email <> '' LIMIT 2",
                                  email, &values->person_id, error))
        return FALSE;
      if (values->person_id == 0)
        ov_import_run_reject (run, COMPLETION_EMAIL, OV_CSV_ERROR_VALUE,
                              _("no person has the email “%.*s”; add them to their account "
                                "first"),
                              email.len, email.str);
      else if (values->person_id < 0)
        ov_import_run_reject (run, COMPLETION_EMAIL, OV_CSV_ERROR_VALUE,
                              _("several people have the email “%.*s”; give each their own"),
                              email.len, email.str);
    }

  if (course.len == 0)
    ov_import_run_reject (run, COMPLETION_COURSE, OV_CSV_ERROR_VALUE,
                          _("the course is missing"));
  else
    {
      if (!ov_import_run_find_id (run,
                                  "SELECT id FROM content_items WHERE title_key = ov_fold (?1)",
                                  course, &values->content_id, error))
        return FALSE;
      if (values->content_id == 0)
        ov_import_run_reject (run, COMPLETION_COURSE, OV_CSV_ERROR_VALUE,
                              _("the content library has no item called “%.*s”; import or add "
                                "it first"),
                              course.len, course.str);
    }

  return TRUE;
}

static void
read_progress (OvImportRun      *run,
               CompletionValues *values)
{
  OvSlice status_text = ov_import_run_key (run, COMPLETION_STATUS);
  OvCompletionStatus status = OV_COMPLETION_NOT_STARTED;
  gboolean has_status = FALSE;
  double progress = -1;

  if (status_text.len > 0)
    {
      if (ov_completion_status_parse (status_text.str, status_text.len, &status))
        has_status = TRUE;
      else
        ov_import_run_reject (run, COMPLETION_STATUS, OV_CSV_ERROR_VALUE,
                              _("“%.*s” is not a completion status; use completed, in progress "
                                "or not started"),
                              status_text.len, status_text.str);
    }

  if (ov_import_run_key (run, COMPLETION_PROGRESS).len > 0 &&
      ov_import_run_number (run, COMPLETION_PROGRESS, &progress) &&
      (progress < 0 || progress > 100))
    {
      ov_import_run_reject (run, COMPLETION_PROGRESS, OV_CSV_ERROR_VALUE,
                            _("the progress is a percentage from 0 to 100"));
      return;
    }

  if (!ov_import_run_date (run, COMPLETION_COMPLETED_AT, &values->completed_on))
    return;
  if (run->row_errors > 0)
    return;

  /* A day of completion with nothing else says it was completed. */
  if (!has_status && progress < 0 && values->completed_on != OV_DATE_NONE)
    {
      has_status = TRUE;
      status = OV_COMPLETION_COMPLETED;
    }

  if (!has_status && progress < 0)
    ov_import_run_reject (run, COMPLETION_STATUS, OV_CSV_ERROR_VALUE,
                          _("the row says neither the status nor the progress"));
  else if (!ov_completion_reconcile (has_status, status, progress < 0 ? -1 : (int)round (progress),
                                     &values->status, &values->progress))
    ov_import_run_reject (run, COMPLETION_PROGRESS, OV_CSV_ERROR_VALUE,
                          _("a progress of %g %% does not go with the status “%.*s”"), progress,
                          status_text.len, status_text.str);
  else if (values->status != OV_COMPLETION_COMPLETED)
    values->completed_on = OV_DATE_NONE;
  else if (values->completed_on == OV_DATE_NONE)
    values->completed_on = run->today_date;
}

/* The stored completion of the pair: 0 for none. */
static gboolean
find_completion (OvImportRun       *run,
                 CompletionValues  *values,
                 gint64            *id,
                 gboolean          *same,
                 GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  *same = FALSE;
  stmt = ov_store_prepare (run->store,
                           "SELECT id, status = ?3 AND progress = ?4 AND completed_on IS ?5 "
                           "FROM content_completions WHERE content_id = ?1 AND person_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->content_id);
  sqlite3_bind_int64 (stmt, 2, values->person_id);
  sqlite3_bind_text (stmt, 3, ov_completion_status_get_id (values->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, values->progress);
  ov_bind_date (stmt, 5, values->completed_on);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *same = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

static void
bind_values (sqlite3_stmt     *stmt,
             CompletionValues *values)
{
  sqlite3_bind_text (stmt, 1, ov_completion_status_get_id (values->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, values->progress);
  ov_bind_date (stmt, 3, values->completed_on);
}

static gboolean
update_completion (OvImportRun       *run,
                   CompletionValues  *values,
                   gint64             id,
                   gboolean           same,
                   OvImportAction    *action,
                   GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean seen, constraint;

  if (!ov_import_run_seen (run, seen_sql, id, &seen, error))
    return FALSE;
  if (seen)
    {
      ov_import_run_reject (run, COMPLETION_COURSE, OV_CSV_ERROR_DUPLICATE,
                            _("this person and course are on an earlier row of this file too"));
      return TRUE;
    }
  if (same)
    {
      *action = OV_IMPORT_ACTION_UNCHANGED;
      return TRUE;
    }

  if (!ov_import_run_backup (run, backup_sql, id, error))
    return FALSE;

  stmt = ov_store_prepare (run->store,
                           "UPDATE content_completions SET status = ?1, progress = ?2, "
                           "completed_on = ?3, updated_at = ?4, version = version + 1 "
                           "WHERE id = ?5",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, values);
  sqlite3_bind_text (stmt, 4, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, id);
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
  CompletionValues values = { 0 };
  sqlite3_stmt *stmt;
  gboolean constraint, same;
  gint64 id = 0;

  *action = OV_IMPORT_ACTION_REJECT;

  read_progress (run, &values);
  if (run->restart)
    return TRUE;
  if (!find_person_and_item (run, &values, error))
    return FALSE;
  if (run->row_errors > 0)
    return TRUE;

  if (!find_completion (run, &values, &id, &same, error))
    return FALSE;
  if (id != 0)
    return update_completion (run, &values, id, same, action, error);

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO content_completions (status, progress, completed_on, "
                           "content_id, person_id, created_at, updated_at, import_batch_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, &values);
  sqlite3_bind_int64 (stmt, 4, values.content_id);
  sqlite3_bind_int64 (stmt, 5, values.person_id);
  sqlite3_bind_text (stmt, 6, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, run->batch_id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    {
      if (constraint)
        ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("adding a completion"));
      return FALSE;
    }

  ov_import_run_created (run, sqlite3_last_insert_rowid (ov_store_get_db (run->store)));
  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}

/* A completion is named by its person's email and its item's title. */
#define COMPLETION_NAME(table)                                                           \
  "(SELECT p.email || ' · ' || i.title FROM people AS p, content_items AS i "             \
  "WHERE p.id = " table ".person_id AND i.id = " table ".content_id)"

const OvImportKindClass ov_import_completions_class = {
  .check_columns = check_columns,
  .import_row = import_row,
  .table = "content_completions",
  .updated_sql = OV_UNDO_UPDATED_SQL ("content_completions", "1", COMPLETION_NAME ("t"), "NULL"),
  .created_sql = OV_UNDO_CREATED_SQL ("content_completions", "1", COMPLETION_NAME ("t")),
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("content_completions", "1"),
  .restore_extra_sql = { NULL, NULL },
  .restore_sql =
    "UPDATE content_completions AS t SET "
    "status = json_extract (b.old_row, '$.status'), "
    "progress = json_extract (b.old_row, '$.progress'), "
    "completed_on = json_extract (b.old_row, '$.completed_on'), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE ("1"),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("content_completions"),
};
