/* ov-default-questions.h — the six questions a new database starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OV_N_DEFAULT_QUESTIONS 6

/* Default question @n (1..OV_N_DEFAULT_QUESTIONS) in the language of the
 * user interface now, untranslated when there is no translation; NULL for
 * any other @n. Questions are data once stored: the store seeds a new
 * database with these texts when it creates it, and never translates them
 * again, so that what an interviewer asked stays what was asked. */
const char *ov_default_question_text (guint n);

G_END_DECLS
