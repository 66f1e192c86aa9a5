/* ov-stop-words.h — the little words left out of the most frequent terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every language there is a list for. */
#define OV_STOP_WORDS_ANY "*"

/* Whether @word (case-folded) is a stop word of @language ("en", "de",
 * OV_STOP_WORDS_ANY for any of them; anything else: English). */
gboolean            ov_stop_words_contain (const char *language,
                                           const char *word);
/* The list itself, sorted in byte order, for tests. */
const char * const *ov_stop_words_get     (const char *language,
                                           gsize      *n_words);

G_END_DECLS
