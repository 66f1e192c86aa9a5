/* ov-store-questions.h — the set of listening-interview questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-question.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* The questions (OvQuestion) by position; retired ones too when
 * @include_retired. Positions are 1..n over all questions, retired ones
 * included. */
GPtrArray  *ov_store_list_questions   (OvStore      *self,
                                       gboolean      include_retired,
                                       GError      **error);
OvQuestion *ov_store_get_question     (OvStore      *self,
                                       gint64        question_id,
                                       GError      **error);
/* The question @id_or_text names: its id (digits) or its exact current
 * text (else, whatever its case). OV_QUESTION_ERROR_NOT_FOUND when none. */
OvQuestion *ov_store_find_question    (OvStore      *self,
                                       const char   *id_or_text,
                                       GError      **error);

/* Adds @question (id 0) after the last; sets its id, position and
 * version. Emits "questions". */
gboolean    ov_store_add_question     (OvStore      *self,
                                       OvQuestion   *question,
                                       GError      **error);
/* Writes the question's text and retired flag, read at its version (else
 * OV_STORE_ERROR_CONFLICT). Answers already given keep the text they were
 * asked with. Emits "questions". */
gboolean    ov_store_update_question  (OvStore      *self,
                                       OvQuestion   *question,
                                       GError      **error);
/* Rewording and retiring (or bringing back): ov_store_update_question()
 * of one field. */
gboolean    ov_store_reword_question  (OvStore      *self,
                                       OvQuestion   *question,
                                       const char   *text,
                                       GError      **error);
gboolean    ov_store_retire_question  (OvStore      *self,
                                       OvQuestion   *question,
                                       gboolean      retired,
                                       GError      **error);
/* Moves @question to @position (1..n, clamped), the others closing up;
 * sets the new position and version of @question. Emits "questions". */
gboolean    ov_store_move_question    (OvStore      *self,
                                       OvQuestion   *question,
                                       guint         position,
                                       GError      **error);

G_END_DECLS
