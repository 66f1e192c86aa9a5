/* ov-answer-row.h — one answer in the Answers view: what was said, by
 * whom, where and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"
#include "ov-interview-answer.h"

G_BEGIN_DECLS

#define OV_TYPE_ANSWER_ROW (ov_answer_row_get_type ())

G_DECLARE_FINAL_TYPE (OvAnswerRow, ov_answer_row, OV, ANSWER_ROW, GtkBox)

GtkWidget  *ov_answer_row_new         (void);
/* Shows @answer; @question_text is the question's wording now, so an
 * answer given to another wording says how it was asked. */
void        ov_answer_row_set_answer  (OvAnswerRow       *self,
                                       OvInterviewAnswer *answer,
                                       const char        *question_text);
const char *ov_answer_row_get_details (OvAnswerRow       *self);

G_END_DECLS
