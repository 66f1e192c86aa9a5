/* ov-date.c — calendar dates as day numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-date.h"

G_DEFINE_QUARK (ov-date-error-quark, ov_date_error)

OvDate
ov_date_from_ymd (int year,
                  int month,
                  int day)
{
  GDate date;

  if (!g_date_valid_dmy (day, month, year))
    return OV_DATE_NONE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

gboolean
ov_date_to_ymd (OvDate  date,
                int    *year,
                int    *month,
                int    *day)
{
  GDate gdate;

  if (date <= 0)
    return FALSE;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, date);
  *year = g_date_get_year (&gdate);
  *month = g_date_get_month (&gdate);
  *day = g_date_get_day (&gdate);

  return TRUE;
}

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month (month, year);
}

/* Says what is wrong in words a user can act on ("February 2026 has 28 days"). */
gboolean
ov_date_check_ymd (int      year,
                   int      month,
                   int      day,
                   GError **error)
{
  if (year < 1900 || year > 2999)
    {
      g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_INVALID,
                   _("the year %d is out of range (1900–2999)"), year);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_INVALID,
                   _("there is no month %d"), month);
      return FALSE;
    }

  if (day < 1 || day > days_in_month (year, month))
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
      g_autofree char *month_name = g_date_time_format (first, "%OB %Y");

      g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_INVALID,
                   ngettext ("%s has only %d day", "%s has only %d days",
                             days_in_month (year, month)),
                   month_name, days_in_month (year, month));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_digits (const char *p,
             int         n,
             int        *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
read_number (const char **p,
             int          min_digits,
             int          max_digits,
             int         *out)
{
  int n = 0, value = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits)
    return FALSE;

  *p += n;
  *out = value;
  return TRUE;
}

typedef enum
{
  TIME_OK,
  TIME_TRAILING,     /* not a time of day at all */
  TIME_IMPOSSIBLE,   /* a time of day that does not exist, such as 99:99 */
} TimeCheck;

/* What may follow a date: nothing, or 'T' or a space and a time of day
 * (9:30, 10:32:05, 10:32:05.123, 9:30 AM), with a zone (Z, +02:00, -0500)
 * or not. The time itself is not kept. */
static TimeCheck
check_time (const char *p)
{
  int hour, minute, second = 0, zone_hour, zone_minute = 0;
  gboolean twelve_hour = FALSE;

  if (*p == '\0')
    return TIME_OK;
  if (*p != 'T' && *p != ' ')
    return TIME_TRAILING;
  p++;

  if (!read_number (&p, 1, 2, &hour) || *p++ != ':' || !read_number (&p, 2, 2, &minute))
    return TIME_TRAILING;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, 2, &second))
        return TIME_TRAILING;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p); p++)
          ;
    }

  if (*p == ' ' && (g_ascii_strncasecmp (p + 1, "AM", 2) == 0 ||
                    g_ascii_strncasecmp (p + 1, "PM", 2) == 0))
    {
      twelve_hour = TRUE;
      p += 3;
    }

  if (*p == ' ' && (p[1] == 'Z' || p[1] == '+' || p[1] == '-'))
    p++;
  if (*p == 'Z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      p++;
      if (!read_number (&p, 2, 2, &zone_hour))
        return TIME_TRAILING;
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (*p) && !read_number (&p, 2, 2, &zone_minute))
        return TIME_TRAILING;
      if (zone_hour > 14 || zone_minute > 59)
        return TIME_IMPOSSIBLE;
    }

  while (*p == ' ')
    p++;
  if (*p != '\0')
    return TIME_TRAILING;

  /* 60 seconds: a leap second */
  if ((twelve_hour ? hour < 1 || hour > 12 : hour > 23) || minute > 59 || second > 60)
    return TIME_IMPOSSIBLE;

  return TIME_OK;
}

/* Sets the error for a date followed by what check_time() refused. */
static gboolean
time_error (TimeCheck   check,
            const char *text,
            GError    **error)
{
  if (check == TIME_OK)
    return TRUE;

  if (check == TIME_IMPOSSIBLE)
    g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_INVALID,
                 _("“%s” has a time of day that does not exist"), text);
  else
    g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_FORMAT,
                 _("“%s” has text after its date; only a time of day such as 10:30 may "
                   "follow it"),
                 text);
  return FALSE;
}

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* GDate's Julian day number (1 = 0001-01-01) of a valid Gregorian date,
 * computed directly: GDate's own path costs more than the rest of reading
 * an imported cell or a stored account. */
static OvDate
julian_day (int year,
            int month,
            int day)
{
  int era, year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = year / 400;
  year_of_era = year - era * 400;
  day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 305;
}

/**
 * ov_date_parse_iso_exact:
 * @text: (array length=length): not nul-terminated
 *
 * The fast path of reading a date: exactly YYYY-MM-DD (@length 10) of a
 * real day from 1900 to 2999, what Overture writes itself. FALSE, with no
 * message, for anything else: ov_date_parse_iso() says what is wrong.
 */
gboolean
ov_date_parse_iso_exact (const char *text,
                         gsize       length,
                         OvDate     *date)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int year, month, day;

  if (text == NULL || length != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 ||
      day > month_days[month - 1] + (month == 2 && is_leap_year (year)))
    return FALSE;

  *date = julian_day (year, month, day);
  return TRUE;
}

/* Strict YYYY-MM-DD. Empty text (or only spaces) is "no date". */
gboolean
ov_date_parse_iso (const char  *text,
                   OvDate      *date,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  /* What Overture writes itself, fast; anything else the careful way. */
  if (text != NULL && strnlen (text, 11) == 10 && ov_date_parse_iso_exact (text, 10, date))
    return TRUE;

  while (text != NULL && g_ascii_isspace (*text))
    text++;

  if (text == NULL || *text == '\0')
    {
      *date = OV_DATE_NONE;
      return TRUE;
    }

  if (!read_digits (text, 4, &year) || text[4] != '-' ||
      !read_digits (text + 5, 2, &month) || text[7] != '-' ||
      !read_digits (text + 8, 2, &day) ||
      (text[10] != '\0' && text[10] != 'T' && text[10] != ' '))
    {
      g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_FORMAT,
                   _("“%s” is not a date in the form YYYY-MM-DD"), text);
      return FALSE;
    }

  if (!time_error (check_time (text + 10), text, error))
    return FALSE;

  if (!ov_date_check_ymd (year, month, day, &local_error))
    {
      g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_INVALID,
                   _("“%.10s” is not a real date: %s"), text, local_error->message);
      return FALSE;
    }

  *date = ov_date_from_ymd (year, month, day);
  return TRUE;
}

void
ov_date_write_iso (OvDate date,
                   char   buffer[11])
{
  int year, month, day;

  if (!ov_date_to_ymd (date, &year, &month, &day))
    {
      buffer[0] = '\0';
      return;
    }

  g_snprintf (buffer, 11, "%04d-%02d-%02d", year, month, day);
}

char *
ov_date_to_iso (OvDate date)
{
  char buffer[11];

  if (date == OV_DATE_NONE)
    return NULL;

  ov_date_write_iso (date, buffer);
  return g_strdup (buffer);
}

/* A short, localised form for labels, e.g. "12 Mar 2026". Formatting a
 * date through the C library is slow next to a table redrawing hundreds of
 * cells, and a portfolio holds a few thousand distinct dates: each is
 * formatted once. */
G_LOCK_DEFINE_STATIC (display_cache);

char *
ov_date_to_display (OvDate date)
{
  static GHashTable *cache;
  g_autoptr(GDateTime) dt = NULL;
  const char *cached;
  char *text;
  int year, month, day;

  if (!ov_date_to_ymd (date, &year, &month, &day))
    return g_strdup ("");

  G_LOCK (display_cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  cached = g_hash_table_lookup (cache, GINT_TO_POINTER (date));
  text = g_strdup (cached);
  G_UNLOCK (display_cache);

  if (text != NULL)
    return text;

  dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: a short date in a list, see strftime(3) */
  text = g_date_time_format (dt, _("%-d %b %Y"));

  G_LOCK (display_cache);
  g_hash_table_replace (cache, GINT_TO_POINTER (date), g_strdup (text));
  G_UNLOCK (display_cache);

  return text;
}

/* OVERTURE_TODAY=YYYY-MM-DD pins the clock, for tests and screenshots. */
OvDate
ov_date_today (void)
{
  /* Asked for by every visible "days since" cell: the calendar is read at
   * most once a second. Races only recompute the same value. */
  static gint64 computed_at;
  static gint date_cached;
  g_autoptr(GDateTime) now = NULL;
  const char *pinned = g_getenv ("OVERTURE_TODAY");
  gint64 clock = g_get_monotonic_time ();
  OvDate date;

  if (pinned != NULL && ov_date_parse_iso (pinned, &date, NULL) && date != OV_DATE_NONE)
    return date;

  if (computed_at != 0 && clock - computed_at < G_USEC_PER_SEC)
    return g_atomic_int_get (&date_cached);

  now = g_date_time_new_now_local ();
  date = ov_date_from_ymd (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
  g_atomic_int_set (&date_cached, date);
  computed_at = clock;

  return date;
}

OvDate
ov_date_add_days (OvDate date,
                  int    days)
{
  if (date == OV_DATE_NONE)
    return OV_DATE_NONE;

  return date + days;
}

/* 1 = Monday … 7 = Sunday */
int
ov_date_get_weekday (OvDate date)
{
  GDate gdate;

  g_return_val_if_fail (date > 0, 0);

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, date);
  return g_date_get_weekday (&gdate);
}

/* "3/14/2026", "14.03.2026", "14-3-2026 10:30": two numbers of one or two
 * digits and a four-digit year, with the same separator twice. */
static gboolean
split_numeric (const char  *text,
               int         *first,
               int         *second,
               int         *year,
               gboolean    *short_year,
               const char **rest)
{
  const char *p = text;
  char separator;
  int n;

  *short_year = FALSE;

  for (n = 0, *first = 0; n < 2 && g_ascii_isdigit (*p); n++, p++)
    *first = *first * 10 + (*p - '0');
  if (n == 0 || (*p != '/' && *p != '.' && *p != '-'))
    return FALSE;
  separator = *p++;

  for (n = 0, *second = 0; n < 2 && g_ascii_isdigit (*p); n++, p++)
    *second = *second * 10 + (*p - '0');
  if (n == 0 || *p != separator)
    return FALSE;
  p++;

  for (n = 0, *year = 0; n < 5 && g_ascii_isdigit (*p); n++, p++)
    *year = *year * 10 + (*p - '0');
  if (n != 4 && n != 2)
    return FALSE;
  /* A time of day may follow. */
  if (*p != '\0' && *p != ' ' && *p != 'T')
    return FALSE;

  *short_year = n == 2;
  if (rest != NULL)
    *rest = p;
  return TRUE;
}

static const char *
skip_spaces (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text;
}

/* Whether what follows the date in @text, a numeric date such as
 * "3/14/2026 10:30", is a time of day that exists. Dates in either order
 * have the same time, so this can be told before the order is known. */
gboolean
ov_date_check_numeric_time (const char  *text,
                            GError     **error)
{
  int first, second, year;
  gboolean short_year;
  const char *rest;

  g_return_val_if_fail (text != NULL, FALSE);

  text = skip_spaces (text);
  if (!split_numeric (text, &first, &second, &year, &short_year, &rest))
    return TRUE;

  return time_error (check_time (rest), text, error);
}

/* TRUE when @text is a date of numbers that needs a day/month order. */
gboolean
ov_date_is_numeric (const char *text)
{
  int first, second, year;
  gboolean short_year;

  text = skip_spaces (text);
  return text != NULL && split_numeric (text, &first, &second, &year, &short_year, NULL);
}

/* The only order in which @text can be a date: OV_DATE_ORDER_DMY when its
 * first number is over 12, OV_DATE_ORDER_MDY when its second is; else
 * OV_DATE_ORDER_AUTO (either order fits, or it is not a numeric date). */
OvDateOrder
ov_date_guess_order (const char *text)
{
  int first, second, year;
  gboolean short_year;

  text = skip_spaces (text);
  if (text == NULL || !split_numeric (text, &first, &second, &year, &short_year, NULL))
    return OV_DATE_ORDER_AUTO;

  if (first > 12 && second <= 12)
    return OV_DATE_ORDER_DMY;
  if (second > 12 && first <= 12)
    return OV_DATE_ORDER_MDY;

  return OV_DATE_ORDER_AUTO;
}

/* Reads ISO dates, and numeric ones in @order. With OV_DATE_ORDER_AUTO a
 * numeric date is read only when just one order makes sense of it (or both
 * give the same day); otherwise the error is OV_DATE_ERROR_AMBIGUOUS. Empty
 * text is "no date". */
gboolean
ov_date_parse_with_order (const char   *text,
                          OvDateOrder   order,
                          OvDate       *date,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  int first, second, year, day, month;
  gboolean short_year;
  const char *rest;

  g_return_val_if_fail (date != NULL, FALSE);

  text = skip_spaces (text);
  if (text == NULL || *text == '\0' ||
      !split_numeric (text, &first, &second, &year, &short_year, &rest))
    return ov_date_parse_iso (text, date, error);

  if (!time_error (check_time (rest), text, error))
    return FALSE;

  if (short_year)
    {
      g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_FORMAT,
                   _("“%s” has a two-digit year; write the year with four digits"), text);
      return FALSE;
    }

  if (order == OV_DATE_ORDER_AUTO)
    {
      order = ov_date_guess_order (text);
      if (order == OV_DATE_ORDER_AUTO && first == second)
        order = OV_DATE_ORDER_DMY;
      if (order == OV_DATE_ORDER_AUTO && (first > 12 || second > 12))
        order = OV_DATE_ORDER_DMY;   /* neither fits: let the check below say why */
    }

  if (order == OV_DATE_ORDER_AUTO)
    {
      g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_AMBIGUOUS,
                   _("“%s” could be day/month/year or month/day/year"), text);
      return FALSE;
    }

  day = order == OV_DATE_ORDER_DMY ? first : second;
  month = order == OV_DATE_ORDER_DMY ? second : first;

  if (!ov_date_check_ymd (year, month, day, &local_error))
    {
      g_set_error (error, OV_DATE_ERROR, OV_DATE_ERROR_INVALID,
                   order == OV_DATE_ORDER_DMY
                     ? _("“%s” is not a real day/month/year date: %s")
                     : _("“%s” is not a real month/day/year date: %s"),
                   text, local_error->message);
      return FALSE;
    }

  *date = ov_date_from_ymd (year, month, day);
  return TRUE;
}
