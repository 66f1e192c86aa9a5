/* ov-terms.h — the words answers use most, without the little words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A word and how many of the texts counted hold it. */
typedef struct
{
  char  *term;
  guint  count;
} OvTerm;

/* Whether @word (case-folded, as ov_terms_tokenize() gives it) is a stop
 * word of @language ("en", "de", OV_STOP_WORDS_ANY; any other: English). */
gboolean    ov_terms_is_stop_word      (const char  *word,
                                        const char  *language);

/* The words of @text: runs of letters and digits (apostrophes inside a
 * word belong to it), case-folded and NFC-normalised, in order. */
GStrv       ov_terms_tokenize          (const char  *text);

/* Whether @text holds the word @term, compared as ov_terms_tokenize()
 * gives words. */
gboolean    ov_terms_text_has_term     (const char  *text,
                                        const char  *term);

/* The at most @max_terms words held by most of @texts (NUL-terminated;
 * each text counts a word once), stop words of @language, words of one
 * character and numbers left out; ties in byte order of the words. A
 * GPtrArray of OvTerm, most frequent first. */
GPtrArray  *ov_terms_most_frequent     (const char * const *texts,
                                        const char         *language,
                                        guint               max_terms);

/* The same over the answers (OvInterviewAnswer) of a query: what the
 * Answers view shows as chips. */
GPtrArray  *ov_terms_most_frequent_in_answers (GPtrArray   *answers,
                                               const char  *language,
                                               guint        max_terms);

void        ov_term_free               (OvTerm      *term);

G_END_DECLS
