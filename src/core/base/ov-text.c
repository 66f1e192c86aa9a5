/* ov-text.c — checks on text that comes from outside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Control characters are invisible in every widget, break CSV and terminal
 * output and make two names that look alike differ, so text from files is
 * refused when it holds any.
 */

#include "config.h"

#include <string.h>

#include "ov-text.h"

gunichar
ov_text_find_control (const char *text,
                      gboolean    multiline)
{
  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\t' || c == '\n'))
        continue;
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return c;
    }

  return 0;
}

/* The interned strings a thread asked for last, by a hash of their text. */
#define N_RECENT_TEXTS 128

typedef struct
{
  char *texts[N_RECENT_TEXTS];
} RecentTexts;

static void
recent_texts_free (gpointer data)
{
  RecentTexts *recent = data;

  for (guint i = 0; i < N_RECENT_TEXTS; i++)
    g_clear_pointer (&recent->texts[i], g_ref_string_release);
  g_free (recent);
}

static GPrivate recent_texts = G_PRIVATE_INIT (recent_texts_free);

/* g_ref_string_new_intern() takes a lock and hashes the whole text each
 * time; reading 100,000 rows asks for the same few dozen texts 600,000
 * times, so each thread keeps the ones it asked for last at hand. */
char *
ov_text_intern (const char *text)
{
  RecentTexts *recent = g_private_get (&recent_texts);
  guint hash = 5381;
  guint slot;
  char *interned;

  for (const char *p = text; *p != '\0'; p++)
    hash = hash * 33 + (guchar)*p;
  slot = hash % N_RECENT_TEXTS;

  if (recent == NULL)
    {
      recent = g_new0 (RecentTexts, 1);
      g_private_set (&recent_texts, recent);
    }

  if (recent->texts[slot] != NULL && strcmp (recent->texts[slot], text) == 0)
    return g_ref_string_acquire (recent->texts[slot]);

  interned = g_ref_string_new_intern (text);
  g_clear_pointer (&recent->texts[slot], g_ref_string_release);
  recent->texts[slot] = g_ref_string_acquire (interned);
  return interned;
}

char *
ov_text_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  return g_utf8_casefold (normal != NULL ? normal : valid, -1);
}
