/* ov-store-interview-query.c — what everyone said: answers across accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQL narrows by question, account fields, stage and dates; the search
 * words and the term are matched here, on case-folded Unicode text, as
 * the user reads it.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-store-interviews.h"
#include "ov-store-job.h"
#include "ov-store-private.h"
#include "ov-text.h"
#include "ov-terms.h"

static const char query_sql[] =
  "SELECT a.id, a.interview_id, a.question_id, a.question_text, a.answer, a.updated_at, "
  "  i.account_id, c.name, c.external_id, i.held_on, i.interviewer, "
  "  coalesce (p.name, i.interviewee_name), i.stage "
  "FROM interview_answers AS a "
  "JOIN interviews AS i ON i.id = a.interview_id "
  "JOIN accounts AS c ON c.id = i.account_id AND c.deleted_at IS NULL "
  "LEFT JOIN people AS p ON p.id = i.person_id "
  "WHERE (CASE WHEN ?1 <> 0 THEN a.question_id = ?1 "
  "            WHEN ?2 IS NOT NULL THEN a.question_text = ?2 ELSE 1 END) "
  "  AND (?3 IS NULL OR ov_fold (c.segment) = ov_fold (?3)) "
  "  AND (?4 IS NULL OR ov_fold (c.package) = ov_fold (?4)) "
  "  AND (?5 IS NULL OR ov_fold (c.owner) = ov_fold (?5)) "
  "  AND (?6 = 0 OR i.stage = ?6) "
  "  AND (?7 IS NULL OR i.held_on >= ?7) "
  "  AND (?8 IS NULL OR i.held_on <= ?8) "
  "  AND a.answer <> '' "
  "ORDER BY i.held_on DESC, c.name COLLATE NOCASE, c.id, i.id DESC, a.id";

static gboolean
matches_search (OvInterviewAnswer  *answer,
                char              **words)
{
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;

  if (words == NULL || words[0] == NULL)
    return TRUE;

  joined = g_strjoin ("\n", ov_interview_answer_get_answer (answer),
                      ov_interview_answer_get_account_name (answer),
                      ov_interview_answer_get_interviewee (answer), NULL);
  haystack = ov_text_fold (joined);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static char **
search_words (const char *search)
{
  g_autofree char *folded = NULL;

  if (search == NULL || search[0] == '\0')
    return NULL;

  folded = ov_text_fold (search);
  return g_strsplit_set (g_strstrip (folded), " \t\n", -1);
}

GPtrArray *
ov_store_query_answers (OvStore              *self,
                        const OvAnswerFilter *filter,
                        OvAnswerCounts       *counts,
                        GError              **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GHashTable) interviews = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) accounts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_auto(GStrv) words = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  stmt = ov_store_prepare (self, query_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, filter->question_id);
  ov_bind_text_or_null (stmt, 2, filter->question_text);
  ov_bind_text_or_null (stmt, 3, filter->segment);
  ov_bind_text_or_null (stmt, 4, filter->package);
  ov_bind_text_or_null (stmt, 5, filter->owner);
  sqlite3_bind_int (stmt, 6, filter->stage);
  ov_bind_date (stmt, 7, filter->from);
  ov_bind_date (stmt, 8, filter->to);

  words = search_words (filter->search);
  answers = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OvInterviewAnswer) answer = NULL;

      answer = ov_interview_answer_new (sqlite3_column_int64 (stmt, 1),
                                        sqlite3_column_int64 (stmt, 2),
                                        ov_column_text (stmt, 3), ov_column_text (stmt, 4));
      ov_interview_answer_set_id (answer, sqlite3_column_int64 (stmt, 0));
      ov_interview_answer_set_updated_at (answer, ov_column_utc (stmt, 5));
      ov_interview_answer_set_context (answer, sqlite3_column_int64 (stmt, 6),
                                       ov_column_text (stmt, 7), ov_column_text (stmt, 8),
                                       ov_column_date (stmt, 9), ov_column_text (stmt, 10),
                                       ov_column_text (stmt, 11), sqlite3_column_int (stmt, 12));

      if (!matches_search (answer, words) ||
          (filter->term != NULL && filter->term[0] != '\0' &&
           !ov_terms_text_has_term (ov_interview_answer_get_answer (answer), filter->term)))
        continue;

      g_ptr_array_add (answers, g_steal_pointer (&answer));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading answers"));
      return NULL;
    }

  if (counts != NULL)
    {
      /* The keys point into @ids, which outlives the tables' use. */
      g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), answers->len * 2);

      g_array_set_size (ids, answers->len * 2);
      for (guint i = 0; i < answers->len; i++)
        {
          OvInterviewAnswer *answer = g_ptr_array_index (answers, i);
          gint64 *interview_id = &g_array_index (ids, gint64, 2 * i);
          gint64 *account_id = &g_array_index (ids, gint64, 2 * i + 1);

          *interview_id = ov_interview_answer_get_interview_id (answer);
          *account_id = ov_interview_answer_get_account_id (answer);
          g_hash_table_add (interviews, interview_id);
          g_hash_table_add (accounts, account_id);
        }

      counts->n_answers = answers->len;
      counts->n_interviews = g_hash_table_size (interviews);
      counts->n_accounts = g_hash_table_size (accounts);
    }

  return g_steal_pointer (&answers);
}

typedef struct
{
  OvAnswerFilter *filter;
  GPtrArray      *answers;
  OvAnswerCounts  counts;
} QueryJob;

static void
query_job_free (QueryJob *job)
{
  ov_answer_filter_free (job->filter);
  g_clear_pointer (&job->answers, g_ptr_array_unref);
  g_free (job);
}

/* In a worker (ov_store_run_async()). */
static gboolean
query_in_worker (OvStore         *connection,
                 gpointer         data,
                 OvProgressFunc   progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  QueryJob *job = data;

  job->answers = ov_store_query_answers (connection, job->filter, &job->counts, error);
  return job->answers != NULL;
}

void
ov_store_query_answers_async (OvStore              *self,
                              const OvAnswerFilter *filter,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  QueryJob *job;

  g_return_if_fail (OV_IS_STORE (self));
  g_return_if_fail (filter != NULL);

  job = g_new0 (QueryJob, 1);
  job->filter = ov_answer_filter_copy (filter);
  ov_store_run_async (self, self, query_in_worker, job, (GDestroyNotify)query_job_free, NULL,
                      NULL, cancellable, callback, user_data);
}

GPtrArray *
ov_store_query_answers_finish (OvStore        *self,
                               GAsyncResult   *result,
                               OvAnswerCounts *counts,
                               GError        **error)
{
  QueryJob *job = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  if (!ov_store_run_finish (result, (gpointer *)&job, error))
    return NULL;

  if (counts != NULL)
    *counts = job->counts;
  return g_steal_pointer (&job->answers);
}
