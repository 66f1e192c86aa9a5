/* ov-store-review.c — the account a user names, for the review report and
 * the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-store-private.h"
#include "ov-store-review.h"

/* @key as an account number: digits alone, without sign or spaces. */
static gint64
parse_number (const char *key)
{
  guint64 number = 0;

  if (*key == '\0' || strlen (key) > 18)
    return 0;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return 0;
  if (!g_ascii_string_to_unsigned (key, 10, 1, G_MAXINT64, &number, NULL))
    return 0;
  return (gint64)number;
}

static gint64
query_id (OvStore     *self,
          const char  *sql,
          const char  *text,
          gint64       number,
          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = ov_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  if (text != NULL)
    ov_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("looking up an account"));
      return -1;
    }

  return id;
}

/**
 * ov_store_find_account_id:
 * @key: an external id as the CRM wrote it, or an account's number
 *
 * An external id wins over a number: an account whose external id is
 * "42" is found by "42" even if another account has the number 42.
 *
 * Returns: the account's id, or 0 with @error set
 */
gint64
ov_store_find_account_id (OvStore     *self,
                          const char  *key,
                          GError     **error)
{
  gint64 number;
  gint64 id;

  g_return_val_if_fail (OV_IS_STORE (self), 0);
  g_return_val_if_fail (key != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  id = query_id (self,
                 "SELECT id FROM accounts WHERE external_id = ?1 AND deleted_at IS NULL",
                 key, 0, error);
  if (id != 0)
    return MAX (id, 0);

  number = parse_number (key);
  if (number > 0)
    {
      id = query_id (self, "SELECT id FROM accounts WHERE id = ?1 AND deleted_at IS NULL",
                     NULL, number, error);
      if (id != 0)
        return MAX (id, 0);
    }

  g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
               _("No account has the external id or number “%s”."), key);
  return 0;
}
