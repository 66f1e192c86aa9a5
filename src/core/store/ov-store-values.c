/* ov-store-values.c — values as the store binds and reads them: dates,
 * texts and timestamps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include "ov-store-private.h"

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
