/* ov-text.c — checks on text that comes from outside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Control characters are invisible in every widget, break CSV and terminal
 * output and make two names that look alike differ, so text from files is
 * refused when it holds any.
 */

#include "config.h"

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
