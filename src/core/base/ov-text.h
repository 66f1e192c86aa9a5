/* ov-text.h — checks on text that comes from outside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first control character of @text (valid UTF-8): C0 (U+0001–U+001F),
 * DEL or C1 (U+0080–U+009F); 0 when there is none. With @multiline, tab
 * and line feed are ordinary text, as in a description. */
gunichar ov_text_find_control (const char *text,
                               gboolean    multiline);

/* @text as an interned GRefString (g_ref_string_release() it), through a
 * small cache per thread of the texts asked for last. */
char    *ov_text_intern        (const char *text);

/* @text as it is compared and searched in: made valid UTF-8, normalised
 * to compatibility composed form (NFKC: "ﬁ" is "fi", "é" one character),
 * case-folded. Not stripped. */
char    *ov_text_fold          (const char *text);

G_END_DECLS
