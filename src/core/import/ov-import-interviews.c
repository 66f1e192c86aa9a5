/* ov-import-interviews.c — importing listening interviews, one row per answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows with the same account, date and interviewee (whatever its case)
 * are one interview: the first such row makes it unless it is stored
 * already. A question is named by its number or its text: the text of a
 * question of the set now, or one it was asked with before (so a file
 * exported before a rewording imports to the same question); any other
 * text is kept as asked, outside the set. A number that is no question is
 * refused at its cell. An interview already holding an answer to the
 * question gets the row's answer; the file naming the same answer twice
 * is refused.
 *
 * Undo goes by the answers (their versions, like every kind); the
 * interviews the import made go with their last answer, unless edited
 * since.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-private.h"
#include "ov-interview.h"
#include "ov-question.h"
#include "ov-text.h"

typedef struct
{
  gint64       account_id;
  OvDate       held_on;
  const char  *interviewer;
  const char  *interviewee;
  const char  *question;
  gint64       question_id;     /* 0: asked as written, outside the set */
  char        *question_text;   /* what an answer made now keeps as asked */
  OvSlice      answer;
} AnswerValues;

static const char backup_sql[] =
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, "
  "left_version) "
  "SELECT ?1, id, json_object ('answer', answer, 'updated_at', updated_at, "
  "'question_text', question_text), version, version + 1 FROM interview_answers WHERE id = ?2";

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM interview_answers WHERE id = ?1";

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_check_account_columns (run))
    return FALSE;

  if (!ov_import_run_has (run, INTERVIEW_INTERVIEWED_ON))
    {
      ov_import_run_missing_column (run, _("the file has no interviewed_on column"));
      return FALSE;
    }
  if (!ov_import_run_has (run, INTERVIEW_QUESTION))
    {
      ov_import_run_missing_column (run, _("the file has no question column"));
      return FALSE;
    }
  if (!ov_import_run_has (run, INTERVIEW_ANSWER))
    {
      ov_import_run_missing_column (run, _("the file has no answer column"));
      return FALSE;
    }

  return TRUE;
}

/* The cell as written, spaces around it dropped; "" without the column. */
static const char *
trimmed (OvImportRun *run,
         int          field)
{
  OvSlice text;
  char *copy;

  if (!ov_import_run_has (run, field))
    return "";

  text = ov_import_run_text (run, field);
  copy = g_strstrip (g_strndup (text.str, text.len));
  g_ptr_array_add (run->row_strings, copy);
  return copy;
}

static void
read_name (OvImportRun  *run,
           int           field,
           const char  **name)
{
  gunichar control;

  *name = trimmed (run, field);
  control = ov_text_find_control (*name, FALSE);
  if (control != 0)
    ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                          _("the name holds the control character U+%04X"), (guint)control);
  else if (g_utf8_strlen (*name, -1) > OV_INTERVIEW_MAX_NAME_CHARS)
    ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                          _("the name is longer than %d characters"),
                          OV_INTERVIEW_MAX_NAME_CHARS);
}

static void
read_answer (OvImportRun  *run,
             AnswerValues *values)
{
  g_autoptr(GError) error = NULL;
  const char *answer;

  values->answer = ov_import_run_text (run, INTERVIEW_ANSWER);
  answer = ov_import_run_dup (run, values->answer);

  if (ov_interview_answer_is_blank (answer))
    ov_import_run_reject (run, INTERVIEW_ANSWER, OV_CSV_ERROR_VALUE, _("the answer is empty"));
  else if (!ov_interview_validate_answer (answer, &error))
    ov_import_run_reject (run, INTERVIEW_ANSWER, OV_CSV_ERROR_VALUE, "%s", error->message);
}

/* The question the row names: its id and text now, or none (asked as
 * written). */
static gboolean
find_question (OvImportRun   *run,
               AnswerValues  *values,
               GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean by_number;
  gint64 number = 0;
  int rc;

  values->question = trimmed (run, INTERVIEW_QUESTION);
  if (values->question[0] == '\0')
    {
      ov_import_run_reject (run, INTERVIEW_QUESTION, OV_CSV_ERROR_VALUE,
                            _("the question is missing"));
      return TRUE;
    }

  by_number = ov_question_parse_id (values->question, &number);
  if (by_number)
    stmt = ov_store_prepare (run->store, "SELECT id, text FROM questions WHERE id = ?2", error);
  else
    stmt = ov_store_prepare (run->store,
                             "SELECT id, text, 0 FROM questions WHERE text = ?1 "
                             "UNION ALL SELECT id, text, 1 FROM questions "
                             "WHERE ov_fold (text) = ov_fold (?1) "
                             "UNION ALL SELECT q.id, q.text, 2 FROM interview_answers AS a "
                             "JOIN questions AS q ON q.id = a.question_id "
                             "WHERE a.question_text = ?1 "
                             "ORDER BY 3 LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, values->question, -1, SQLITE_STATIC);
  if (by_number)
    sqlite3_bind_int64 (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      values->question_id = sqlite3_column_int64 (stmt, 0);
      values->question_text = g_strdup (ov_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  if (rc == SQLITE_DONE && by_number)
    ov_import_run_reject (run, INTERVIEW_QUESTION, OV_CSV_ERROR_VALUE,
                          _("there is no question number %s; name a question of the set by "
                            "its number or its text"),
                          values->question);
  else if (rc == SQLITE_DONE)
    values->question_text = g_strdup (values->question);

  return TRUE;
}

/* The interview the row belongs to, made when there is none. */
static gboolean
find_interview (OvImportRun   *run,
                AnswerValues  *values,
                gint64        *interview_id,
                GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean constraint;
  gint64 person_id = 0;
  int rc;

  *interview_id = 0;
  stmt = ov_store_prepare (run->store,
                           "SELECT i.id FROM interviews AS i LEFT JOIN people AS p "
                           "ON p.id = i.person_id WHERE i.account_id = ?1 AND i.held_on = ?2 "
                           "AND ov_fold (coalesce (p.name, i.interviewee_name)) = ov_fold (?3) "
                           "ORDER BY i.id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->account_id);
  ov_bind_date (stmt, 2, values->held_on);
  sqlite3_bind_text (stmt, 3, values->interviewee, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *interview_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }
  if (*interview_id != 0)
    return TRUE;

  /* The interviewee is the account's person of that name, if just one. */
  if (values->interviewee[0] != '\0')
    {
      stmt = ov_store_prepare (run->store,
                               "SELECT min (id), count (*) FROM people WHERE account_id = ?1 "
                               "AND ov_fold (name) = ov_fold (?2)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, values->account_id);
      sqlite3_bind_text (stmt, 2, values->interviewee, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 1) == 1)
        person_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO interviews (account_id, held_on, interviewer, person_id, "
                           "interviewee_name, stage, created_at, updated_at, import_batch_id) "
                           "SELECT ?1, ?2, ?3, ?4, ?5, stage, ?6, ?6, ?7 FROM accounts WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, values->account_id);
  ov_bind_date (stmt, 2, values->held_on);
  sqlite3_bind_text (stmt, 3, values->interviewer, -1, SQLITE_STATIC);
  if (person_id != 0)
    sqlite3_bind_int64 (stmt, 4, person_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, values->interviewee, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, run->batch_id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    {
      if (constraint)
        ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("adding an interview"));
      return FALSE;
    }

  *interview_id = sqlite3_last_insert_rowid (ov_store_get_db (run->store));
  return TRUE;
}

/* The stored answer to the row's question in @interview_id: 0 for none. */
static gboolean
find_answer (OvImportRun   *run,
             AnswerValues  *values,
             gint64         interview_id,
             gint64        *id,
             char         **answer,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  stmt = ov_store_prepare (run->store,
                           "SELECT id, answer FROM interview_answers WHERE interview_id = ?1 "
                           "AND CASE WHEN ?2 <> 0 THEN question_id = ?2 "
                           "ELSE question_id IS NULL AND question_text = ?3 END",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, interview_id);
  sqlite3_bind_int64 (stmt, 2, values->question_id);
  sqlite3_bind_text (stmt, 3, values->question_text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *answer = g_strdup (ov_column_text (stmt, 1));
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
update_answer (OvImportRun     *run,
               AnswerValues    *values,
               gint64           id,
               const char      *stored,
               OvImportAction  *action,
               GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean seen, constraint;

  if (!ov_import_run_seen (run, seen_sql, id, &seen, error))
    return FALSE;
  if (seen)
    {
      ov_import_run_reject (run, INTERVIEW_QUESTION, OV_CSV_ERROR_DUPLICATE,
                            _("this interview’s answer to this question is on an earlier row "
                              "of this file too"));
      return TRUE;
    }

  if (ov_slice_equal (values->answer, stored))
    {
      *action = OV_IMPORT_ACTION_UNCHANGED;
      return TRUE;
    }

  if (!ov_import_run_backup (run, backup_sql, id, error))
    return FALSE;

  stmt = ov_store_prepare (run->store,
                           "UPDATE interview_answers SET answer = ?1, updated_at = ?2, "
                           "version = version + 1 WHERE id = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  ov_bind_slice (stmt, 1, values->answer);
  sqlite3_bind_text (stmt, 2, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    return FALSE;

  *action = OV_IMPORT_ACTION_UPDATE;
  return TRUE;
}

static gboolean
import_answer (OvImportRun     *run,
               AnswerValues    *values,
               OvImportAction  *action,
               GError         **error)
{
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt;
  gboolean constraint;
  gint64 interview_id = 0, id = 0;

  if (!find_interview (run, values, &interview_id, error) ||
      !find_answer (run, values, interview_id, &id, &stored, error))
    return FALSE;
  if (id != 0)
    return update_answer (run, values, id, stored, action, error);

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO interview_answers (interview_id, question_id, "
                           "question_text, answer, updated_at, import_batch_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, interview_id);
  if (values->question_id != 0)
    sqlite3_bind_int64 (stmt, 2, values->question_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, values->question_text, -1, SQLITE_STATIC);
  ov_bind_slice (stmt, 4, values->answer);
  sqlite3_bind_text (stmt, 5, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, run->batch_id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    {
      if (constraint)
        ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("adding an answer"));
      return FALSE;
    }

  ov_import_run_created (run, sqlite3_last_insert_rowid (ov_store_get_db (run->store)));
  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}

static gboolean
import_row (OvImportRun     *run,
            OvImportAction  *action,
            GError         **error)
{
  AnswerValues values = { 0 };
  gboolean ok;

  *action = OV_IMPORT_ACTION_REJECT;

  if (ov_import_run_date (run, INTERVIEW_INTERVIEWED_ON, &values.held_on) &&
      values.held_on == OV_DATE_NONE)
    ov_import_run_reject (run, INTERVIEW_INTERVIEWED_ON, OV_CSV_ERROR_VALUE,
                          _("the date of the interview is missing"));
  if (run->restart)
    return TRUE;

  read_name (run, INTERVIEW_INTERVIEWER, &values.interviewer);
  read_name (run, INTERVIEW_INTERVIEWEE, &values.interviewee);
  read_answer (run, &values);
  if (!find_question (run, &values, error) ||
      !ov_import_run_find_account (run, &values.account_id, error))
    {
      g_free (values.question_text);
      return FALSE;
    }

  ok = run->row_errors > 0 || import_answer (run, &values, action, error);
  g_free (values.question_text);
  return ok;
}

const OvImportKindClass ov_import_interviews_class = {
  .check_columns = check_columns,
  .import_row = import_row,
  .table = "interview_answers",
  .updated_sql = OV_UNDO_UPDATED_SQL ("interview_answers", "1", "t.question_text",
                                      "json_extract (b.old_row, '$.question_text')"),
  .created_sql = OV_UNDO_CREATED_SQL ("interview_answers", "1", "t.question_text"),
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("interview_answers", "1"),
  .restore_extra_sql = { NULL, NULL },
  .restore_sql =
    "UPDATE interview_answers AS t SET "
    "answer = json_extract (b.old_row, '$.answer'), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE ("1"),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("interview_answers"),
  .cleanup_sql =
    "DELETE FROM interviews WHERE import_batch_id = ?1 AND version = 1 "
    "AND NOT EXISTS (SELECT 1 FROM interview_answers AS a WHERE a.interview_id = interviews.id)",
};
