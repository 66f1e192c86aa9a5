/* ov-interview.h — a listening interview held with one account's customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"
#include "ov-interview-answer.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_INTERVIEW_ERROR (ov_interview_error_quark ())

typedef enum
{
  OV_INTERVIEW_ERROR_DATE,
  OV_INTERVIEW_ERROR_INTERVIEWER,
  OV_INTERVIEW_ERROR_INTERVIEWEE,
  OV_INTERVIEW_ERROR_STAGE,
  OV_INTERVIEW_ERROR_NOTES,
  OV_INTERVIEW_ERROR_ANSWER,
  OV_INTERVIEW_ERROR_QUESTION,
} OvInterviewError;

/* Interviews are dated at most this many days ahead (one being planned). */
#define OV_INTERVIEW_MAX_DAYS_AHEAD 365
/* Names (interviewer, interviewee) are at most this many characters. */
#define OV_INTERVIEW_MAX_NAME_CHARS 200

#define OV_TYPE_INTERVIEW (ov_interview_get_type ())

G_DECLARE_FINAL_TYPE (OvInterview, ov_interview, OV, INTERVIEW, GObject)

/* Properties (all notify explicitly): "id", "account-id", "held-on"
 * (OvDate), "interviewer", "person-id" (0: none; the interviewee is a
 * person of the account), "interviewee-name" (the name shown; the
 * person's name when there is a person), "stage" (OvStage the account was
 * in), "notes". "answers" are loaded with the interview by the store. */

GQuark          ov_interview_error_quark          (void);
OvInterview    *ov_interview_new                  (gint64        account_id,
                                                   OvDate        held_on);
OvInterview    *ov_interview_copy                 (OvInterview  *self);

/* The date must be set, from 1900 on, at most OV_INTERVIEW_MAX_DAYS_AHEAD
 * days after @today; the stage 1..6; names one line of at most
 * OV_INTERVIEW_MAX_NAME_CHARS characters; notes without control
 * characters but tabs and line breaks. The message starts with the
 * field's label. */
gboolean        ov_interview_validate             (OvInterview  *self,
                                                   OvDate        today,
                                                   GError      **error);
/* Whether @answer holds nothing but white space: no answer at all. */
gboolean        ov_interview_answer_is_blank      (const char   *answer);
/* An answer's text: no control characters but tabs and line breaks. */
gboolean        ov_interview_validate_answer      (const char   *answer,
                                                   GError      **error);

gint64          ov_interview_get_id               (OvInterview  *self);
void            ov_interview_set_id               (OvInterview  *self,
                                                   gint64        id);
gint64          ov_interview_get_version          (OvInterview  *self);
void            ov_interview_set_version          (OvInterview  *self,
                                                   gint64        version);
gint64          ov_interview_get_account_id       (OvInterview  *self);
void            ov_interview_set_account_id       (OvInterview  *self,
                                                   gint64        account_id);
OvDate          ov_interview_get_held_on          (OvInterview  *self);
void            ov_interview_set_held_on          (OvInterview  *self,
                                                   OvDate        held_on);
const char     *ov_interview_get_interviewer      (OvInterview  *self);
void            ov_interview_set_interviewer      (OvInterview  *self,
                                                   const char   *interviewer);
gint64          ov_interview_get_person_id        (OvInterview  *self);
void            ov_interview_set_person_id        (OvInterview  *self,
                                                   gint64        person_id);
const char     *ov_interview_get_interviewee_name (OvInterview  *self);
void            ov_interview_set_interviewee_name (OvInterview  *self,
                                                   const char   *name);
OvStage         ov_interview_get_stage            (OvInterview  *self);
void            ov_interview_set_stage            (OvInterview  *self,
                                                   OvStage       stage);
const char     *ov_interview_get_notes            (OvInterview  *self);
void            ov_interview_set_notes            (OvInterview  *self,
                                                   const char   *notes);
/* When the row was made and last changed (Unix seconds; 0 until stored). */
gint64          ov_interview_get_created_at       (OvInterview  *self);
gint64          ov_interview_get_updated_at       (OvInterview  *self);
void            ov_interview_set_timestamps       (OvInterview  *self,
                                                   gint64        created_at,
                                                   gint64        updated_at);

/* The answers (OvInterviewAnswer) as loaded, in the order of the question
 * set (answers to questions no longer in it last); never NULL. */
GPtrArray      *ov_interview_get_answers          (OvInterview  *self);
void            ov_interview_set_answers          (OvInterview  *self,
                                                   GPtrArray    *answers);
/* The loaded answer to @question_id, or NULL. */
OvInterviewAnswer *ov_interview_find_answer       (OvInterview  *self,
                                                   gint64        question_id);

G_END_DECLS
