/* ov-store-interviews.h — listening interviews and their answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-answer-filter.h"
#include "ov-interview.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* The interviews (OvInterview, without answers) of @account_id, newest
 * first. */
GPtrArray   *ov_store_list_interviews       (OvStore      *self,
                                             gint64        account_id,
                                             GError      **error);
/* One interview with its answers. */
OvInterview *ov_store_load_interview        (OvStore      *self,
                                             gint64        interview_id,
                                             GError      **error);

/* Validates against today and inserts @interview (id 0), a draft without
 * answers; sets its id and version. A stage of 0 takes the account's
 * stage now; a person (of the account, else OV_STORE_ERROR_NOT_FOUND)
 * gives the interviewee's name when it has none. Emits "interviews". */
gboolean     ov_store_add_interview         (OvStore      *self,
                                             OvInterview  *interview,
                                             GError      **error);
/* The same, validated against @today (the sample portfolio's day). */
gboolean     ov_store_add_interview_full    (OvStore      *self,
                                             OvInterview  *interview,
                                             OvDate        today,
                                             GError      **error);
/* Validates and writes date, interviewer, interviewee, stage and notes,
 * read at its version (else OV_STORE_ERROR_CONFLICT). Emits "interviews". */
gboolean     ov_store_update_interview      (OvStore      *self,
                                             OvInterview  *interview,
                                             GError      **error);

/* Keeps @answer as the answer of interview @interview_id to question
 * @question_id: one small write, made to be called on every keystroke.
 * The first save keeps the question's text now as the text asked; later
 * ones change only the answer. An empty answer (white space) removes it.
 * Emits "interview-answers". */
gboolean     ov_store_save_interview_answer (OvStore      *self,
                                             gint64        interview_id,
                                             gint64        question_id,
                                             const char   *answer,
                                             GError      **error);

/* Deletes the interview, read at its version, with its answers. To undo,
 * load it first (ov_store_load_interview()) and give that copy to
 * ov_store_restore_interview(). Emits "interviews". */
gboolean     ov_store_delete_interview      (OvStore      *self,
                                             OvInterview  *interview,
                                             GError      **error);
/* Puts a deleted interview back as it was loaded, under its id, with its
 * answers and the texts they were asked with; sets its version. Refused
 * when its account is gone. Emits "interviews". */
gboolean     ov_store_restore_interview     (OvStore      *self,
                                             OvInterview  *interview,
                                             GError      **error);

/* Answers across accounts (OvInterviewAnswer with their context), newest
 * interview first, then by account name (see OvAnswerFilter; a filter
 * naming no question finds the answers to every question); @counts (nullable) says how many
 * answers, interviews and accounts. Deleted accounts are left out. */
GPtrArray   *ov_store_query_answers         (OvStore              *self,
                                             const OvAnswerFilter *filter,
                                             OvAnswerCounts       *counts,
                                             GError              **error);
/* The same off the main loop (ov_store_run_async()); @filter is copied. */
void         ov_store_query_answers_async   (OvStore              *self,
                                             const OvAnswerFilter *filter,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray   *ov_store_query_answers_finish  (OvStore              *self,
                                             GAsyncResult         *result,
                                             OvAnswerCounts       *counts,
                                             GError              **error);

G_END_DECLS
