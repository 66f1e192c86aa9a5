/* ov-answer-filter.h — which answers the Answers view and the CLI show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

/* Every field narrows the answers; an unset one (NULL or "" text, 0,
 * OV_DATE_NONE) does not. Texts compare whatever their case.
 *
 * question_id: answers to this question of the set, whatever wording it
 *   was asked in. Else question_text: answers asked exactly so (for a
 *   question not in the set). Neither: answers to every question.
 * segment, package, owner: the account's, exactly (case aside).
 * stage: the stage the account was in at the interview.
 * from, to: the interview's date, both days included.
 * search: every word appears in the answer, the account's name or the
 *   interviewee's name.
 * term: the answer holds this word (ov_terms_text_has_term()), as the
 *   chips of the most frequent terms filter. */
typedef struct
{
  gint64   question_id;
  char    *question_text;
  char    *segment;
  char    *package;
  char    *owner;
  OvStage  stage;
  OvDate   from;
  OvDate   to;
  char    *search;
  char    *term;
} OvAnswerFilter;

/* What a query found: answers, the interviews and accounts they are from. */
typedef struct
{
  guint n_answers;
  guint n_interviews;
  guint n_accounts;
} OvAnswerCounts;

#define OV_TYPE_ANSWER_FILTER (ov_answer_filter_get_type ())

GType           ov_answer_filter_get_type (void) G_GNUC_CONST;
OvAnswerFilter *ov_answer_filter_new      (void);
OvAnswerFilter *ov_answer_filter_copy     (const OvAnswerFilter *filter);
void            ov_answer_filter_free     (OvAnswerFilter       *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvAnswerFilter, ov_answer_filter_free)

G_END_DECLS
