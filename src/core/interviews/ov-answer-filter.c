/* ov-answer-filter.c — which answers the Answers view and the CLI show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-answer-filter"

#include "config.h"

#include "ov-answer-filter.h"

G_DEFINE_BOXED_TYPE (OvAnswerFilter, ov_answer_filter, ov_answer_filter_copy,
                     ov_answer_filter_free)

OvAnswerFilter *
ov_answer_filter_new (void)
{
  return g_new0 (OvAnswerFilter, 1);
}

OvAnswerFilter *
ov_answer_filter_copy (const OvAnswerFilter *filter)
{
  OvAnswerFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->question_text = g_strdup (filter->question_text);
  copy->segment = g_strdup (filter->segment);
  copy->package = g_strdup (filter->package);
  copy->owner = g_strdup (filter->owner);
  copy->search = g_strdup (filter->search);
  copy->term = g_strdup (filter->term);
  return copy;
}

void
ov_answer_filter_free (OvAnswerFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->question_text);
  g_free (filter->segment);
  g_free (filter->package);
  g_free (filter->owner);
  g_free (filter->search);
  g_free (filter->term);
  g_free (filter);
}
