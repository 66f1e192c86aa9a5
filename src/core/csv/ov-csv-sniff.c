/* ov-csv-sniff.c — what a file is written in: its delimiter and encoding,
 * and Windows-1252 turned into UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-csv-reader-internal.h"

/* Windows-1252 bytes 0x80–0x9F; the five unassigned ones keep their C1
 * code points, as Windows itself does. 0xA0–0xFF equal Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

gsize
ov_csv_decode_windows_1252 (guchar       *out,
                            const guchar *data,
                            gsize         length)
{
  guchar *p = out;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        *p++ = c;
      else
        p += g_unichar_to_utf8 (c < 0xA0 ? cp1252_high[c - 0x80] : c, (char *)p);
    }

  return p - out;
}

/* The candidate that occurs most often outside quotes on the first line
 * that is not empty; a comma when there is none. */
char
ov_csv_detect_delimiter (const guchar *data,
                         gsize         length)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;
  gsize i = 0;

  while (i < length && (data[i] == '\r' || data[i] == '\n'))
    i++;

  for (; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\r' || data[i] == '\n'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (data[i] == (guchar)candidates[k])
            counts[k]++;
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;

  return candidates[best];
}

/* UTF-8 unless the block holds bytes that cannot be UTF-8; a character cut
 * off by the end of the block does not count against it. */
OvCsvEncoding
ov_csv_detect_encoding (const guchar *data,
                        gsize         length,
                        gboolean      complete)
{
  const char *end = NULL;

  if (g_utf8_validate_len ((const char *)data, length, &end))
    return OV_CSV_ENCODING_UTF8;

  if (!complete && (const guchar *)end + 4 > data + length &&
      g_utf8_get_char_validated (end, data + length - (const guchar *)end) == (gunichar)-2)
    return OV_CSV_ENCODING_UTF8;

  return OV_CSV_ENCODING_WINDOWS_1252;
}

const char *
ov_csv_encoding_get_id (OvCsvEncoding encoding)
{
  switch (encoding)
    {
    case OV_CSV_ENCODING_UTF8:
      return "utf-8";
    case OV_CSV_ENCODING_WINDOWS_1252:
      return "windows-1252";
    case OV_CSV_ENCODING_AUTO:
    default:
      return "auto";
    }
}

/* "utf-8", "utf8", "windows-1252", "cp1252" in any case. */
gboolean
ov_csv_encoding_parse (const char    *text,
                       OvCsvEncoding *encoding)
{
  g_return_val_if_fail (encoding != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (text, "utf-8") == 0 || g_ascii_strcasecmp (text, "utf8") == 0)
    *encoding = OV_CSV_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (text, "windows-1252") == 0 ||
           g_ascii_strcasecmp (text, "cp1252") == 0)
    *encoding = OV_CSV_ENCODING_WINDOWS_1252;
  else if (g_ascii_strcasecmp (text, "auto") == 0)
    *encoding = OV_CSV_ENCODING_AUTO;
  else
    return FALSE;

  return TRUE;
}
