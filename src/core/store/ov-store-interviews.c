/* ov-store-interviews.c — listening interviews and their answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interview mode saves an answer on every keystroke, so that closing
 * the window or killing the program loses nothing: one prepared upsert of
 * one small row, its own transaction, in WAL mode. The answer row keeps
 * the question's text from its first save: what was asked.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-question.h"
#include "ov-store-interviews.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

#define INTERVIEW_COLUMNS                                                          \
  "i.id, i.account_id, i.held_on, i.interviewer, i.person_id, "                    \
  "coalesce (p.name, i.interviewee_name), i.stage, i.notes, i.created_at, "        \
  "i.updated_at, i.version"
#define INTERVIEW_FROM \
  " FROM interviews AS i LEFT JOIN people AS p ON p.id = i.person_id "

static OvInterview *
interview_from_stmt (sqlite3_stmt *stmt)
{
  OvInterview *interview;

  interview = ov_interview_new (sqlite3_column_int64 (stmt, 1), ov_column_date (stmt, 2));
  ov_interview_set_id (interview, sqlite3_column_int64 (stmt, 0));
  ov_interview_set_interviewer (interview, ov_column_text (stmt, 3));
  ov_interview_set_person_id (interview, sqlite3_column_int64 (stmt, 4));
  ov_interview_set_interviewee_name (interview, ov_column_text (stmt, 5));
  ov_interview_set_stage (interview, sqlite3_column_int (stmt, 6));
  ov_interview_set_notes (interview, ov_column_text (stmt, 7));
  ov_interview_set_timestamps (interview, ov_column_utc (stmt, 8), ov_column_utc (stmt, 9));
  ov_interview_set_version (interview, sqlite3_column_int64 (stmt, 10));
  return interview;
}

GPtrArray *
ov_store_list_interviews (OvStore  *self,
                          gint64    account_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) interviews = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " INTERVIEW_COLUMNS INTERVIEW_FROM
                           "WHERE i.account_id = ?1 ORDER BY i.held_on DESC, i.id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  interviews = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (interviews, interview_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading interviews"));
      return NULL;
    }

  return g_steal_pointer (&interviews);
}

static gboolean
load_answers (OvStore      *self,
              OvInterview  *interview,
              GError      **error)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT a.id, a.question_id, a.question_text, a.answer, a.updated_at "
                           "FROM interview_answers AS a "
                           "LEFT JOIN questions AS q ON q.id = a.question_id "
                           "WHERE a.interview_id = ?1 "
                           "ORDER BY q.position IS NULL, q.position, a.id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_interview_get_id (interview));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvInterviewAnswer *answer;

      answer = ov_interview_answer_new (ov_interview_get_id (interview),
                                        sqlite3_column_int64 (stmt, 1),
                                        ov_column_text (stmt, 2), ov_column_text (stmt, 3));
      ov_interview_answer_set_id (answer, sqlite3_column_int64 (stmt, 0));
      ov_interview_answer_set_updated_at (answer, ov_column_utc (stmt, 4));
      g_ptr_array_add (answers, answer);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading an interview’s answers"));
      return FALSE;
    }

  ov_interview_set_answers (interview, answers);
  return TRUE;
}

OvInterview *
ov_store_load_interview (OvStore  *self,
                         gint64    interview_id,
                         GError  **error)
{
  g_autoptr(OvInterview) interview = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self, "SELECT " INTERVIEW_COLUMNS INTERVIEW_FROM "WHERE i.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, interview_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    interview = interview_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                   _("There is no interview number %lld; it may have been deleted."),
                   (long long)interview_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, _("reading an interview"));
      return NULL;
    }

  if (!load_answers (self, interview, error))
    return NULL;

  return g_steal_pointer (&interview);
}

static void
tidy (OvInterview *interview)
{
  g_autofree char *interviewer = g_strstrip (g_strdup (ov_interview_get_interviewer (interview)));
  g_autofree char *name = g_strstrip (g_strdup (ov_interview_get_interviewee_name (interview)));
  g_autofree char *notes = g_strstrip (g_strdup (ov_interview_get_notes (interview)));

  ov_interview_set_interviewer (interview, interviewer);
  ov_interview_set_interviewee_name (interview, name);
  ov_interview_set_notes (interview, notes);
}

/* The stage 0 means the account's stage now; a person must be one of the
 * account's, and gives the interviewee's name. */
static gboolean
resolve_links (OvStore      *self,
               OvInterview  *interview,
               GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (ov_interview_get_stage (interview) == 0)
    {
      stmt = ov_store_prepare (self, "SELECT stage FROM accounts WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ov_interview_get_account_id (interview));
      rc = sqlite3_step (stmt);
      ov_interview_set_stage (interview,
                              rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : OV_STAGE_REVIEW);
      sqlite3_reset (stmt);
    }

  if (ov_interview_get_person_id (interview) == 0)
    return TRUE;

  stmt = ov_store_prepare (self, "SELECT name FROM people WHERE id = ?1 AND account_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_interview_get_person_id (interview));
  sqlite3_bind_int64 (stmt, 2, ov_interview_get_account_id (interview));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && ov_interview_get_interviewee_name (interview)[0] == '\0')
    ov_interview_set_interviewee_name (interview, ov_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                           _("Interviewee: this person is not one of the account’s people."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* The columns every write sets, from parameter ?1 on. */
static void
bind_interview (sqlite3_stmt *stmt,
                OvInterview  *interview)
{
  ov_bind_date (stmt, 1, ov_interview_get_held_on (interview));
  ov_bind_text (stmt, 2, ov_interview_get_interviewer (interview));
  if (ov_interview_get_person_id (interview) != 0)
    sqlite3_bind_int64 (stmt, 3, ov_interview_get_person_id (interview));
  else
    sqlite3_bind_null (stmt, 3);
  ov_bind_text (stmt, 4, ov_interview_get_interviewee_name (interview));
  sqlite3_bind_int (stmt, 5, ov_interview_get_stage (interview));
  ov_bind_text (stmt, 6, ov_interview_get_notes (interview));
}

gboolean
ov_store_add_interview (OvStore      *self,
                        OvInterview  *interview,
                        GError      **error)
{
  return ov_store_add_interview_full (self, interview, ov_date_today (), error);
}

gboolean
ov_store_add_interview_full (OvStore      *self,
                             OvInterview  *interview,
                             OvDate        today,
                             GError      **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 stamp;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_INTERVIEW (interview), FALSE);
  g_return_val_if_fail (ov_interview_get_id (interview) == 0, FALSE);

  if (!ov_interview_validate (interview, today, error))
    return FALSE;

  tidy (interview);
  stamp = g_get_real_time () / G_USEC_PER_SEC;
  now = ov_store_format_utc (stamp);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (!ov_store_check_account (self, ov_interview_get_account_id (interview), error) ||
      !resolve_links (self, interview, error))
    goto failed;

  stmt = ov_store_prepare (self,
                           "INSERT INTO interviews (held_on, interviewer, person_id, "
                           "interviewee_name, stage, notes, account_id, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                           error);
  if (stmt == NULL)
    goto failed;

  bind_interview (stmt, interview);
  sqlite3_bind_int64 (stmt, 7, ov_interview_get_account_id (interview));
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error))
    goto failed;

  ov_interview_set_id (interview, sqlite3_last_insert_rowid (ov_store_get_db (self)));
  ov_interview_set_version (interview, 1);
  if (!ov_store_transaction_commit (self, error))
    goto failed;

  ov_interview_set_timestamps (interview, stamp, stamp);
  ov_store_emit_changed (self, "interviews");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  ov_interview_set_id (interview, 0);
  ov_interview_set_version (interview, 0);
  return FALSE;
}

gboolean
ov_store_update_interview (OvStore      *self,
                           OvInterview  *interview,
                           GError      **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id, version, stamp;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_INTERVIEW (interview), FALSE);

  if (!ov_interview_validate (interview, ov_date_today (), error))
    return FALSE;

  tidy (interview);
  stamp = g_get_real_time () / G_USEC_PER_SEC;
  now = ov_store_format_utc (stamp);
  id = ov_interview_get_id (interview);
  version = ov_interview_get_version (interview);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (!resolve_links (self, interview, error))
    goto failed;

  stmt = ov_store_prepare (self,
                           "UPDATE interviews SET held_on = ?1, interviewer = ?2, person_id = ?3, "
                           "interviewee_name = ?4, stage = ?5, notes = ?6, updated_at = ?7, "
                           "version = version + 1 WHERE id = ?8 AND version = ?9",
                           error);
  if (stmt == NULL)
    goto failed;

  bind_interview (stmt, interview);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, id);
  sqlite3_bind_int64 (stmt, 9, version);
  if (!ov_store_step_versioned (self, stmt, OV_ROW_INTERVIEW, id, version, error) ||
      !ov_store_transaction_commit (self, error))
    goto failed;

  ov_interview_set_version (interview, version + 1);
  ov_interview_set_timestamps (interview, ov_interview_get_created_at (interview), stamp);
  ov_store_emit_changed (self, "interviews");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

/* @answer with Windows line ends made plain ones. */
static char *
plain_line_ends (const char *answer)
{
  g_autoptr(GString) text = g_string_new (answer);

  g_string_replace (text, "\r\n", "\n", 0);
  g_string_replace (text, "\r", "\n", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
ov_store_save_interview_answer (OvStore     *self,
                                gint64       interview_id,
                                gint64       question_id,
                                const char  *answer,
                                GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  text = plain_line_ends (answer ? answer : "");
  if (!ov_interview_validate_answer (text, error))
    return FALSE;

  /* The interview first: a missing one is an error, not a foreign key. */
  stmt = ov_store_prepare (self, "SELECT 1 FROM interviews WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, interview_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                   _("There is no interview number %lld; it may have been deleted."),
                   (long long)interview_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, _("saving an answer"));
      return FALSE;
    }

  if (ov_interview_answer_is_blank (text))
    {
      stmt = ov_store_prepare (self,
                               "DELETE FROM interview_answers "
                               "WHERE interview_id = ?1 AND question_id = ?2",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, interview_id);
      sqlite3_bind_int64 (stmt, 2, question_id);
      if (!ov_store_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (ov_store_get_db (self)) > 0)
        ov_store_emit_changed (self, "interview-answers");
      return TRUE;
    }

  now = ov_store_now_utc ();
  stmt = ov_store_prepare (self,
                           "INSERT INTO interview_answers (interview_id, question_id, "
                           "question_text, answer, updated_at) "
                           "SELECT ?1, q.id, q.text, ?3, ?4 FROM questions AS q WHERE q.id = ?2 "
                           "ON CONFLICT (interview_id, question_id) WHERE question_id IS NOT NULL "
                           "DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at, "
                           "version = version + 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, interview_id);
  sqlite3_bind_int64 (stmt, 2, question_id);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (ov_store_get_db (self)) == 0)
    {
      g_set_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_NOT_FOUND,
                   _("There is no question number %lld."), (long long)question_id);
      return FALSE;
    }

  ov_store_emit_changed (self, "interview-answers");
  return TRUE;
}

gboolean
ov_store_delete_interview (OvStore      *self,
                           OvInterview  *interview,
                           GError      **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_INTERVIEW (interview), FALSE);

  if (!ov_store_delete_versioned (self, OV_ROW_INTERVIEW, ov_interview_get_id (interview),
                                  ov_interview_get_version (interview), error))
    return FALSE;

  ov_store_emit_changed (self, "interviews");
  return TRUE;
}

static gboolean
restore_answers (OvStore      *self,
                 OvInterview  *interview,
                 GError      **error)
{
  GPtrArray *answers = ov_interview_get_answers (interview);
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (self,
                           "INSERT INTO interview_answers (interview_id, question_id, "
                           "question_text, answer, updated_at) VALUES (?1, "
                           "(SELECT id FROM questions WHERE id = ?2), ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < answers->len; i++)
    {
      OvInterviewAnswer *answer = g_ptr_array_index (answers, i);
      g_autofree char *updated = ov_store_format_utc (ov_interview_answer_get_updated_at (answer));

      sqlite3_bind_int64 (stmt, 1, ov_interview_get_id (interview));
      sqlite3_bind_int64 (stmt, 2, ov_interview_answer_get_question_id (answer));
      ov_bind_text (stmt, 3, ov_interview_answer_get_question_text (answer));
      ov_bind_text (stmt, 4, ov_interview_answer_get_answer (answer));
      sqlite3_bind_text (stmt, 5, updated, -1, SQLITE_TRANSIENT);
      if (!ov_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ov_store_restore_interview (OvStore      *self,
                            OvInterview  *interview,
                            GError      **error)
{
  g_autofree char *created = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 version;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_INTERVIEW (interview), FALSE);
  g_return_val_if_fail (ov_interview_get_id (interview) > 0, FALSE);

  created = ov_store_format_utc (ov_interview_get_created_at (interview));
  now = ov_store_now_utc ();
  /* Past any version a copy read before the deletion holds. */
  version = ov_interview_get_version (interview) + 1;

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (!ov_store_check_account (self, ov_interview_get_account_id (interview), error))
    goto failed;

  stmt = ov_store_prepare (self,
                           "INSERT INTO interviews (held_on, interviewer, person_id, "
                           "interviewee_name, stage, notes, account_id, created_at, updated_at, "
                           "id, version) VALUES (?1, ?2, "
                           "(SELECT id FROM people WHERE id = ?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  if (stmt == NULL)
    goto failed;

  bind_interview (stmt, interview);
  sqlite3_bind_int64 (stmt, 7, ov_interview_get_account_id (interview));
  sqlite3_bind_text (stmt, 8, created, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, ov_interview_get_id (interview));
  sqlite3_bind_int64 (stmt, 11, version);
  if (!ov_store_step_done (self, stmt, error) || !restore_answers (self, interview, error) ||
      !ov_store_transaction_commit (self, error))
    goto failed;

  ov_interview_set_version (interview, version);
  ov_store_emit_changed (self, "interviews");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}
