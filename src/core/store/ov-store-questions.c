/* ov-store-questions.c — the set of listening-interview questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Questions are never deleted: answers point at them. Retiring one keeps
 * it out of new interviews; rewording one changes what is asked from now
 * on, while every answer keeps the text it was given to.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-store-private.h"
#include "ov-store-questions.h"
#include "ov-store-versions.h"

#define QUESTION_COLUMNS "id, position, text, retired, version"

static OvQuestion *
question_from_stmt (sqlite3_stmt *stmt)
{
  OvQuestion *question = ov_question_new (ov_column_text (stmt, 2));

  ov_question_set_id (question, sqlite3_column_int64 (stmt, 0));
  ov_question_set_position (question, (guint)sqlite3_column_int (stmt, 1));
  ov_question_set_retired (question, sqlite3_column_int (stmt, 3) != 0);
  ov_question_set_version (question, sqlite3_column_int64 (stmt, 4));
  return question;
}

GPtrArray *
ov_store_list_questions (OvStore   *self,
                         gboolean   include_retired,
                         GError   **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " QUESTION_COLUMNS " FROM questions "
                           "WHERE ?1 OR retired = 0 ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  questions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int (stmt, 1, include_retired ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (questions, question_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading the questions"));
      return NULL;
    }

  return g_steal_pointer (&questions);
}

/* The one question @stmt (bound) finds; NULL with @error set when none. */
static OvQuestion *
question_from_query (OvStore       *self,
                     sqlite3_stmt  *stmt,
                     const char    *named,
                     GError       **error)
{
  OvQuestion *question = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    question = question_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_NOT_FOUND,
                 _("There is no question “%s”."), named);
  else if (rc != SQLITE_ROW)
    ov_store_set_error (self, error, rc, _("reading a question"));

  return question;
}

OvQuestion *
ov_store_get_question (OvStore  *self,
                       gint64    question_id,
                       GError  **error)
{
  g_autofree char *named = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self, "SELECT " QUESTION_COLUMNS " FROM questions WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, question_id);
  named = g_strdup_printf ("%" G_GINT64_FORMAT, question_id);
  return question_from_query (self, stmt, named, error);
}

OvQuestion *
ov_store_find_question (OvStore     *self,
                        const char  *id_or_text,
                        GError     **error)
{
  g_autofree char *wanted = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_text != NULL, NULL);

  wanted = g_strstrip (g_strdup (id_or_text));
  if (ov_question_parse_id (wanted, &id))
    return ov_store_get_question (self, id, error);

  /* The exact text first; else the same text whatever its case. */
  stmt = ov_store_prepare (self,
                           "SELECT " QUESTION_COLUMNS " FROM questions "
                           "WHERE text = ?1 OR ov_fold (text) = ov_fold (?1) "
                           "ORDER BY text = ?1 DESC, retired, position LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;

  ov_bind_text (stmt, 1, wanted);
  return question_from_query (self, stmt, wanted, error);
}

gboolean
ov_store_add_question (OvStore     *self,
                       OvQuestion  *question,
                       GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 position = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_QUESTION (question), FALSE);
  g_return_val_if_fail (ov_question_get_id (question) == 0, FALSE);

  if (!ov_question_validate_text (ov_question_get_text (question), error))
    return FALSE;

  text = g_strstrip (g_strdup (ov_question_get_text (question)));
  now = ov_store_now_utc ();

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (!ov_store_query_int64 (self, "SELECT coalesce (max (position), 0) + 1 FROM questions",
                             &position, error))
    goto failed;

  stmt = ov_store_prepare (self,
                           "INSERT INTO questions (position, text, retired, created_at, "
                           "updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                           error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, position);
  ov_bind_text (stmt, 2, text);
  sqlite3_bind_int (stmt, 3, ov_question_get_retired (question) ? 1 : 0);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error) || !ov_store_transaction_commit (self, error))
    goto failed;

  ov_question_set_id (question, sqlite3_last_insert_rowid (ov_store_get_db (self)));
  ov_question_set_version (question, 1);
  ov_question_set_position (question, (guint)position);
  ov_question_set_text (question, text);
  ov_store_emit_changed (self, "questions");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

gboolean
ov_store_update_question (OvStore     *self,
                          OvQuestion  *question,
                          GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id, version;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_QUESTION (question), FALSE);

  if (!ov_question_validate_text (ov_question_get_text (question), error))
    return FALSE;

  text = g_strstrip (g_strdup (ov_question_get_text (question)));
  now = ov_store_now_utc ();
  id = ov_question_get_id (question);
  version = ov_question_get_version (question);

  stmt = ov_store_prepare (self,
                           "UPDATE questions SET text = ?1, retired = ?2, updated_at = ?3, "
                           "version = version + 1 WHERE id = ?4 AND version = ?5",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_bind_text (stmt, 1, text);
  sqlite3_bind_int (stmt, 2, ov_question_get_retired (question) ? 1 : 0);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);
  sqlite3_bind_int64 (stmt, 5, version);
  if (!ov_store_step_versioned (self, stmt, OV_ROW_QUESTION, id, version, error))
    return FALSE;

  ov_question_set_version (question, version + 1);
  ov_question_set_text (question, text);
  ov_store_emit_changed (self, "questions");
  return TRUE;
}

gboolean
ov_store_reword_question (OvStore     *self,
                          OvQuestion  *question,
                          const char  *text,
                          GError     **error)
{
  g_autoptr(OvQuestion) changed = NULL;

  g_return_val_if_fail (OV_IS_QUESTION (question), FALSE);

  changed = ov_question_copy (question);
  ov_question_set_text (changed, text);
  if (!ov_store_update_question (self, changed, error))
    return FALSE;

  ov_question_set_text (question, ov_question_get_text (changed));
  ov_question_set_version (question, ov_question_get_version (changed));
  return TRUE;
}

gboolean
ov_store_retire_question (OvStore     *self,
                          OvQuestion  *question,
                          gboolean     retired,
                          GError     **error)
{
  g_autoptr(OvQuestion) changed = NULL;

  g_return_val_if_fail (OV_IS_QUESTION (question), FALSE);

  changed = ov_question_copy (question);
  ov_question_set_retired (changed, retired);
  if (!ov_store_update_question (self, changed, error))
    return FALSE;

  ov_question_set_retired (question, retired);
  ov_question_set_version (question, ov_question_get_version (changed));
  return TRUE;
}

gboolean
ov_store_move_question (OvStore     *self,
                        OvQuestion  *question,
                        guint        position,
                        GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id, version, n = 0, from = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_QUESTION (question), FALSE);

  id = ov_question_get_id (question);
  version = ov_question_get_version (question);
  now = ov_store_now_utc ();

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  /* Positions made 1..n first, whatever gaps an older file left. */
  if (!ov_store_exec (self,
                      "UPDATE questions SET position = r.n FROM (SELECT id, row_number () OVER "
                      "(ORDER BY position, id) AS n FROM questions) AS r "
                      "WHERE r.id = questions.id AND questions.position <> r.n",
                      error) ||
      !ov_store_query_int64 (self, "SELECT count (*) FROM questions", &n, error))
    goto failed;

  stmt = ov_store_prepare (self, "SELECT position FROM questions WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    from = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  position = CLAMP (position, 1, (guint)MAX (n, 1));

  /* The question itself first, at its version: a conflict changes nothing. */
  stmt = ov_store_prepare (self,
                           "UPDATE questions SET position = ?1, updated_at = ?2, "
                           "version = version + 1 WHERE id = ?3 AND version = ?4",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, position);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_int64 (stmt, 4, version);
  if (!ov_store_step_versioned (self, stmt, OV_ROW_QUESTION, id, version, error))
    goto failed;

  /* The others between the old and the new place close up. */
  stmt = ov_store_prepare (self,
                           "UPDATE questions SET position = position + "
                           "CASE WHEN ?1 < ?2 THEN 1 ELSE -1 END "
                           "WHERE id <> ?3 AND position BETWEEN min (?1, ?2) AND max (?1, ?2)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, position);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!ov_store_step_done (self, stmt, error) || !ov_store_transaction_commit (self, error))
    goto failed;

  ov_question_set_position (question, position);
  ov_question_set_version (question, version + 1);
  ov_store_emit_changed (self, "questions");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}
