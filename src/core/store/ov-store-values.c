/* ov-store-values.c — values as the store binds and reads them: dates,
 * texts and timestamps, and the functions SQL may call on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <string.h>

#include "ov-default-questions.h"
#include "ov-package.h"
#include "ov-store-private.h"
#include "ov-text.h"

/* A date as stored, ISO 8601; NULL for none. Written by hand: the
 * import binds a million of them. */
void
ov_bind_date (sqlite3_stmt *stmt,
              int           index,
              OvDate        date)
{
  char text[10];
  int year, month, day;

  if (!ov_date_to_ymd (date, &year, &month, &day))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  text[0] = '0' + year / 1000;
  text[1] = '0' + year / 100 % 10;
  text[2] = '0' + year / 10 % 10;
  text[3] = '0' + year % 10;
  text[4] = '-';
  text[5] = '0' + month / 10;
  text[6] = '0' + month % 10;
  text[7] = '-';
  text[8] = '0' + day / 10;
  text[9] = '0' + day % 10;
  sqlite3_bind_text (stmt, index, text, 10, SQLITE_TRANSIENT);
}

void
ov_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
ov_bind_text_or_null (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
ov_column_text (sqlite3_stmt *stmt,
                int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? (const char *)text : "";
}

/* A stored date; OV_DATE_NONE for NULL or anything not a date. */
OvDate
ov_column_date (sqlite3_stmt *stmt,
                int           index)
{
  const char *text = (const char *)sqlite3_column_text (stmt, index);
  OvDate date = OV_DATE_NONE;

  if (text != NULL && !ov_date_parse_iso_exact (text, sqlite3_column_bytes (stmt, index), &date))
    ov_date_parse_iso (text, &date, NULL);
  return date;
}

/* 1970-01-01 as an OvDate (a GDate Julian day, 0001-01-01 being 1). */
#define UNIX_EPOCH_DATE 719163

/* Unix seconds the way SQLite reads a date and time: any of its formats;
 * 0 for text it cannot read. */
static gint64
utc_as_sqlite_reads_it (sqlite3    *db,
                        const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 seconds = 0;

  if (sqlite3_prepare_v2 (db, "SELECT CAST (strftime ('%s', ?1) AS INTEGER)", -1, &stmt,
                          NULL) != SQLITE_OK)
    return 0;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seconds = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return seconds;
}

static gboolean
read_two_digits (const char *text,
                 int         max,
                 int        *value)
{
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]))
    return FALSE;

  *value = (text[0] - '0') * 10 + (text[1] - '0');
  return *value <= max;
}

/* A stored timestamp (see ov_store_format_utc()) as Unix seconds; 0 for
 * NULL. Reading 100,000 accounts reads 200,000 of them: what the store
 * writes itself is read here, by hand, rather than by strftime() in SQL;
 * any other text as SQLite would read it. */
gint64
ov_column_utc (sqlite3_stmt *stmt,
               int           index)
{
  const char *text = (const char *)sqlite3_column_text (stmt, index);
  int hours, minutes, seconds;
  OvDate date;

  if (text == NULL)
    return 0;

  if (sqlite3_column_bytes (stmt, index) == 20 && text[10] == 'T' && text[13] == ':' &&
      text[16] == ':' && text[19] == 'Z' && ov_date_parse_iso_exact (text, 10, &date) &&
      read_two_digits (text + 11, 23, &hours) && read_two_digits (text + 14, 59, &minutes) &&
      read_two_digits (text + 17, 59, &seconds))
    return (gint64)(date - UNIX_EPOCH_DATE) * 86400 + hours * 3600 + minutes * 60 + seconds;

  return utc_as_sqlite_reads_it (sqlite3_db_handle (stmt), text);
}

char *
ov_store_now_utc (void)
{
  return ov_store_format_utc (g_get_real_time () / G_USEC_PER_SEC);
}

/* Unix seconds as the stored timestamps are written: ISO 8601, UTC. */
char *
ov_store_format_utc (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

/* ov_fold (text): the key a package name is compared by
 * (ov_package_name_key()), for migrations and undo to match names as the
 * store does. */
static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  sqlite3_result_text (context, ov_package_name_key (text), -1, g_free);
}

/* ov_default_question (n): default question n (1..6) in the language of
 * the user interface now, for the migration that seeds the question set;
 * NULL for any other n. Not deterministic: it follows the locale. */
static void
default_question_function (sqlite3_context  *context,
                           int               argc,
                           sqlite3_value   **argv)
{
  const char *text = ov_default_question_text ((guint)sqlite3_value_int (argv[0]));

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, text, -1, SQLITE_TRANSIENT);
}

/* ov_words_in (text, words): 1 when every word of @words occurs in @text,
 * whatever their case, as the accounts' search matches names. */
static void
words_in_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);
  const char *words = (const char *)sqlite3_value_text (argv[1]);
  g_autofree char *folded = NULL;
  g_autofree char *folded_words = NULL;
  g_auto(GStrv) each = NULL;

  if (text == NULL || words == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  folded = ov_text_fold (text);
  folded_words = ov_text_fold (words);
  each = g_strsplit_set (folded_words, " \t\n", -1);
  for (guint i = 0; each[i] != NULL; i++)
    if (each[i][0] != '\0' && strstr (folded, each[i]) == NULL)
      {
        sqlite3_result_int (context, 0);
        return;
      }

  sqlite3_result_int (context, 1);
}

int
ov_store_register_functions (sqlite3 *db)
{
  int rc;

  rc = sqlite3_create_function_v2 (db, "ov_fold", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, fold_function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_create_function_v2 (db, "ov_words_in", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, words_in_function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;

  return sqlite3_create_function_v2 (db, "ov_default_question", 1,
                                     SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                     NULL, default_question_function, NULL, NULL, NULL);
}
