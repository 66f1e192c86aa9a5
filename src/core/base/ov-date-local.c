/* ov-date-local.c — dates as a person types them, in the locale's order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date field accepts ISO (2026-02-27) everywhere, and besides it the
 * numeric form of the locale's LC_TIME: 27.02.2026 in German, 02/27/2026 in
 * US English. The order of day and month is read from the locale's own
 * date format (nl_langinfo (D_FMT)), not from a list of countries.
 *
 * The rules for a numeric date such as 03/04/2026:
 *  - in a locale whose format puts the day first (de, fr, en_GB …) it is
 *    day/month/year, whatever the separator ('.', '/' or '-');
 *  - in one that puts the month first (en_US …) it is month/day/year;
 *  - in one that puts the year first (sv, ja, hu …), in C and POSIX, and
 *    where the format cannot be read, it is read only when one order makes
 *    sense of it (31/12/2026, 12/31/2026) or both give the same day;
 *    otherwise the error says it could be either, and ISO is the way out;
 *  - the year has four digits: 27.02.26 is refused, not guessed.
 */

#define G_LOG_DOMAIN "ov-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "ov-date-local.h"

/* The order in which a strftime() format names day, month and year:
 * "%d.%m.%Y" is DMY, "%m/%d/%y" MDY; a year first ("%Y-%m-%d"), or a
 * format without all three, is AUTO. */
OvDateOrder
ov_date_order_from_format (const char *format)
{
  char seen[4] = { 0 };
  guint n = 0;

  if (format == NULL)
    return OV_DATE_ORDER_AUTO;

  for (const char *p = format; *p != '\0' && n < 3; p++)
    {
      char what = 0;

      if (*p != '%')
        continue;
      p++;
      /* Flags, widths and the E and O modifiers: "%-d", "%Od", "%Ey". */
      while (*p == '-' || *p == '_' || *p == '0' || *p == '^' || *p == '#' ||
             *p == 'E' || *p == 'O' || g_ascii_isdigit (*p))
        p++;

      switch (*p)
        {
        case 'd': case 'e':
          what = 'd';
          break;
        case 'm': case 'b': case 'B': case 'h':
          what = 'm';
          break;
        case 'y': case 'Y': case 'C': case 'G': case 'g':
          what = 'y';
          break;
        case 'D':   /* %m/%d/%y */
          return OV_DATE_ORDER_MDY;
        case 'F':   /* %Y-%m-%d */
          return OV_DATE_ORDER_AUTO;
        case '\0':
          p--;
          break;
        default:
          break;
        }

      if (what != 0 && memchr (seen, what, n) == NULL)
        seen[n++] = what;
    }

  if (n == 3 && seen[2] == 'y')
    {
      if (seen[0] == 'd')
        return OV_DATE_ORDER_DMY;
      return OV_DATE_ORDER_MDY;
    }

  return OV_DATE_ORDER_AUTO;
}

/* The C and POSIX locales say nothing about how people write dates ("%m/%d/%y"
 * there is a convention of the C library, not of a reader). */
static gboolean
is_neutral_locale (const char *name)
{
  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0 ||
         g_str_has_prefix (name, "C.");
}

/* The day/month order of the current LC_TIME. */
OvDateOrder
ov_date_get_locale_order (void)
{
  if (is_neutral_locale (setlocale (LC_TIME, NULL)))
    return OV_DATE_ORDER_AUTO;

  return ov_date_order_from_format (nl_langinfo (D_FMT));
}

/* @date in @order with a four-digit year, "27.02.2026" or "02/27/2026"; the
 * separator is the one the locale's format uses. ISO for AUTO. */
char *
ov_date_to_local_numeric (OvDate      date,
                          OvDateOrder order)
{
  const char *format;
  char separator = '/';
  int year, month, day;

  if (!ov_date_to_ymd (date, &year, &month, &day))
    return g_strdup ("");

  if (order == OV_DATE_ORDER_AUTO)
    return ov_date_to_iso (date);

  /* The first character between two conversions: '.' in "%d.%m.%Y". */
  format = is_neutral_locale (setlocale (LC_TIME, NULL)) ? NULL : nl_langinfo (D_FMT);
  for (const char *p = format; p != NULL && *p != '\0'; p++)
    if (p != format && p[-1] != '%' && (*p == '.' || *p == '/' || *p == '-'))
      {
        separator = *p;
        break;
      }

  if (order == OV_DATE_ORDER_DMY)
    return g_strdup_printf ("%02d%c%02d%c%04d", day, separator, month, separator, year);

  return g_strdup_printf ("%02d%c%02d%c%04d", month, separator, day, separator, year);
}

/* Reads @text as ISO or as a numeric date in @order (the rules at the top
 * of this file). Empty text is "no date". What is wrong is said with an
 * example of both forms. */
gboolean
ov_date_parse_typed (const char  *text,
                     OvDateOrder  order,
                     OvDate      *date,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *example = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *typed = NULL;
  OvDate today;

  g_return_val_if_fail (date != NULL, FALSE);

  /* Spaces around what was typed (or pasted) are no part of it. */
  typed = g_strstrip (g_strdup (text != NULL ? text : ""));
  text = typed;

  if (ov_date_parse_with_order (text, order, date, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, OV_DATE_ERROR, OV_DATE_ERROR_FORMAT) ||
      ov_date_is_numeric (text))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  today = ov_date_today ();
  iso = ov_date_to_iso (today);
  example = ov_date_to_local_numeric (today, order);

  if (order == OV_DATE_ORDER_AUTO)
    /* Translators: a date typed that is none; %s is an example, "2026-12-03" */
    g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_FORMAT,
                 _("“%s” is not a date: type it as %s"), text, iso);
  else
    /* Translators: a date typed that is none; the examples are the same day
     * written as the language does and as ISO, "03.12.2026 or 2026-12-03" */
    g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_FORMAT,
                 _("“%s” is not a date: type it as %s or %s"), text, example, iso);
  return FALSE;
}

/* ov_date_parse_typed() in the order of the current LC_TIME. */
gboolean
ov_date_parse_local (const char  *text,
                     OvDate      *date,
                     GError     **error)
{
  return ov_date_parse_typed (text, ov_date_get_locale_order (), date, error);
}
