/* ov-default-questions.c — the six questions a new database starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The framework's six listening questions, put the way an onboarding
 * manager would ask them on a call. They are translated once, when the
 * database is made (the schema calls ov_default_question() in SQL): from
 * then on they are the user's own text, which they may reword.
 */

#define G_LOG_DOMAIN "ov-question"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-default-questions.h"

static const char * const default_questions[OV_N_DEFAULT_QUESTIONS] = {
  N_("Which parts of getting started went well for you?"),
  N_("Where could we have made onboarding better?"),
  N_("Think of another vendor who got you started really well: what made it good?"),
  N_("What is still missing before you would call onboarding done?"),
  N_("If you could change one thing about it today, with no limits, what would it be?"),
  N_("Is there anything else we should know at this point?"),
};

const char *
ov_default_question_text (guint n)
{
  if (n < 1 || n > OV_N_DEFAULT_QUESTIONS)
    return NULL;

  return _(default_questions[n - 1]);
}
