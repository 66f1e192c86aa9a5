/* ov-number.c — the digits of a number as people write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One reading of thousands groups and decimal marks for amounts of money
 * and for measured values, so that a cell means the same wherever it is:
 *
 *   1,234,567.50  1.234.567,50  1 234 567,50  1'234'567.50  1234567.5
 *
 * Groups after the first have exactly three digits and the first one to
 * three; all groups are separated alike; the decimal mark is a '.' or ','
 * that differs from the thousands separator and comes last. A lone '.' or
 * ',' before exactly three digits ("1,234") could be either: see
 * OV_NUMBER_LONE_GROUP_AMBIGUOUS. Nothing here allocates: importers read
 * millions of cells.
 */

#define G_LOG_DOMAIN "ov-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-number.h"

enum {
  SEP_NONE,
  SEP_DOT,
  SEP_COMMA,
  SEP_SPACE,
  SEP_APOSTROPHE,
};

/* The separator starting at @p, and its length in bytes (0: none). */
static int
separator_at (const char *p,
              const char *end,
              int        *kind)
{
  const guchar *u = (const guchar *)p;
  gsize left = end - p;

  if (left >= 1 && (*p == '.' || *p == ','))
    {
      *kind = *p == '.' ? SEP_DOT : SEP_COMMA;
      return 1;
    }
  if (left >= 1 && *p == ' ')
    {
      *kind = SEP_SPACE;
      return 1;
    }
  if (left >= 1 && *p == '\'')
    {
      *kind = SEP_APOSTROPHE;
      return 1;
    }
  /* U+00A0 no-break space */
  if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
    {
      *kind = SEP_SPACE;
      return 2;
    }
  /* U+2009 thin space, U+202F narrow no-break space, U+2019 ’ */
  if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xAF))
    {
      *kind = SEP_SPACE;
      return 3;
    }
  if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x99)
    {
      *kind = SEP_APOSTROPHE;
      return 3;
    }

  *kind = SEP_NONE;
  return 0;
}

/**
 * ov_number_scan:
 * @text: where the number's digits start
 * @length: bytes of @text to look at
 * @plain: (out): the number without its thousands separators and with '.'
 *   as its decimal mark ("1234567.50"); no sign
 * @status: (out): %OV_NUMBER_OK, or what is wrong with the number
 *
 * Reads digits and the separators between them from the start of @text,
 * up to the first byte that cannot belong to the number (a space before a
 * currency symbol, say). A separator belongs to the number only when a
 * digit follows it.
 *
 * Returns: how many bytes the number takes; 0 when @text does not start
 *   with one (then @status is %OV_NUMBER_NOT_A_NUMBER)
 */
gsize
ov_number_scan (const char     *text,
                gsize           length,
                OvNumberFlags   flags,
                char            plain[OV_NUMBER_PLAIN_SIZE],
                OvNumberStatus *status)
{
  const char *end = text + length;
  const char *p = text;
  gsize n = 0;               /* bytes in @plain */
  gsize last_run_start = 0;  /* in @plain */
  guint n_separators = 0;
  guint first_run = 0, run = 0;
  gboolean first_zero = FALSE;
  gboolean inner_groups_ok = TRUE;   /* every run between two separators has three digits */
  gboolean mixed = FALSE;            /* separators before the last differ */
  int group = SEP_NONE, last = SEP_NONE;
  gboolean decimal;

  g_assert (text != NULL || length == 0);

  *status = OV_NUMBER_NOT_A_NUMBER;
  plain[0] = '\0';

  for (;;)
    {
      int kind, size;

      if (p < end && g_ascii_isdigit (*p))
        {
          if (n + 2 >= OV_NUMBER_PLAIN_SIZE)
            {
              *status = OV_NUMBER_TOO_LONG;
              return p - text;
            }
          if (run == 0 && n_separators == 0)
            first_zero = *p == '0';
          plain[n++] = *p++;
          run++;
          continue;
        }

      size = p < end ? separator_at (p, end, &kind) : 0;
      if (size == 0 || p + size >= end || !g_ascii_isdigit (p[size]))
        break;
      /* ".5": a leading decimal mark, but no leading group */
      if (p == text && kind != SEP_DOT && kind != SEP_COMMA)
        break;

      if (n_separators == 0)
        first_run = run;
      else
        {
          if (run != 3)
            inner_groups_ok = FALSE;
          if (group == SEP_NONE)
            group = last;
          else if (group != last)
            mixed = TRUE;
        }
      last = kind;
      n_separators++;
      last_run_start = n;
      run = 0;
      p += size;
    }

  if (n == 0)
    return 0;

  plain[n] = '\0';
  *status = OV_NUMBER_OK;
  if (n_separators == 0)
    return p - text;

  /* Which separator, if any, is the decimal mark: the last one, when it is
   * a '.' or ',' unlike the others. */
  if (last != SEP_DOT && last != SEP_COMMA)
    decimal = FALSE;
  else if (n_separators > 1)
    decimal = group != last;
  else if (run == 3 && first_run >= 1 && first_run <= 3 && !first_zero)
    {
      if (flags & OV_NUMBER_LONE_GROUP_AMBIGUOUS)
        {
          *status = OV_NUMBER_AMBIGUOUS;
          return p - text;
        }
      decimal = FALSE;
    }
  else
    decimal = TRUE;

  /* Every separator but a decimal mark groups thousands. */
  if (n_separators > (decimal ? 1u : 0u))
    {
      if (mixed || (decimal && group == last) || first_run < 1 || first_run > 3 || first_zero ||
          !inner_groups_ok || (!decimal && run != 3))
        {
          *status = OV_NUMBER_BAD_GROUPS;
          return p - text;
        }
    }

  if (decimal)
    {
      memmove (plain + last_run_start + 1, plain + last_run_start, n - last_run_start + 1);
      plain[last_run_start] = '.';
    }

  return p - text;
}

/* What is wrong with @text, whose number ov_number_scan() refused with
 * @status, in words. */
char *
ov_number_describe (OvNumberStatus  status,
                    const char     *text,
                    int             length)
{
  switch (status)
    {
    case OV_NUMBER_BAD_GROUPS:
      return g_strdup_printf (_("“%.*s” has malformed thousands groups; write it as 1,234,567.50, "
                                "1.234.567,50, 1 234 567,50 or 1234567.50"),
                              length, text);
    case OV_NUMBER_AMBIGUOUS:
      return g_strdup_printf (_("“%.*s” is ambiguous: the separator could group thousands or "
                                "mark decimals; write the number without a thousands separator, "
                                "or with other than three decimal places"),
                              length, text);
    case OV_NUMBER_TOO_LONG:
      return g_strdup_printf (_("“%.*s” has too many digits"), length, text);
    case OV_NUMBER_NOT_A_NUMBER:
    case OV_NUMBER_OK:
    default:
      return g_strdup_printf (_("“%.*s” is not a number"), length, text);
    }
}
