/* ov-interview-answer.h — one answer given in a listening interview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_TYPE_INTERVIEW_ANSWER (ov_interview_answer_get_type ())

G_DECLARE_FINAL_TYPE (OvInterviewAnswer, ov_interview_answer, OV, INTERVIEW_ANSWER, GObject)

/* An answer, with the question's text as it was asked (a question
 * reworded later keeps this text), and when read across accounts
 * (ov_store_query_answers()) the interview and account it belongs to.
 *
 * Properties (read-only, all set once by the store): "id",
 * "interview-id", "question-id" (0: a question not in the set, kept as
 * asked), "question-text", "answer", "updated-at" (Unix seconds), and the
 * context: "account-id", "account-name", "account-external-id",
 * "held-on" (OvDate), "interviewer", "interviewee", "stage" (OvStage). */

OvInterviewAnswer *ov_interview_answer_new (gint64       interview_id,
                                            gint64       question_id,
                                            const char  *question_text,
                                            const char  *answer);

gint64       ov_interview_answer_get_id                  (OvInterviewAnswer *self);
void         ov_interview_answer_set_id                  (OvInterviewAnswer *self,
                                                          gint64             id);
gint64       ov_interview_answer_get_interview_id        (OvInterviewAnswer *self);
gint64       ov_interview_answer_get_question_id         (OvInterviewAnswer *self);
const char  *ov_interview_answer_get_question_text       (OvInterviewAnswer *self);
const char  *ov_interview_answer_get_answer              (OvInterviewAnswer *self);
void         ov_interview_answer_set_answer              (OvInterviewAnswer *self,
                                                          const char        *answer);
gint64       ov_interview_answer_get_updated_at          (OvInterviewAnswer *self);
void         ov_interview_answer_set_updated_at          (OvInterviewAnswer *self,
                                                          gint64             updated_at);

gint64       ov_interview_answer_get_account_id          (OvInterviewAnswer *self);
const char  *ov_interview_answer_get_account_name        (OvInterviewAnswer *self);
const char  *ov_interview_answer_get_account_external_id (OvInterviewAnswer *self);
OvDate       ov_interview_answer_get_held_on             (OvInterviewAnswer *self);
const char  *ov_interview_answer_get_interviewer         (OvInterviewAnswer *self);
const char  *ov_interview_answer_get_interviewee         (OvInterviewAnswer *self);
OvStage      ov_interview_answer_get_stage               (OvInterviewAnswer *self);
/* For the store: the interview and account the answer belongs to. */
void         ov_interview_answer_set_context             (OvInterviewAnswer *self,
                                                          gint64             account_id,
                                                          const char        *account_name,
                                                          const char        *account_external_id,
                                                          OvDate             held_on,
                                                          const char        *interviewer,
                                                          const char        *interviewee,
                                                          OvStage            stage);

G_END_DECLS
