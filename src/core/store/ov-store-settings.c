/* ov-store-settings.c — the settings a database keeps for itself (what the
 * shipped playbook was stored as, and such), as text by key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include "ov-store-private.h"

char *
ov_store_get_setting (OvStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  ov_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *value = g_strdup (ov_column_text (stmt, 0));

      sqlite3_reset (stmt);
      return value;
    }

  sqlite3_reset (stmt);
  return NULL;
}

gboolean
ov_store_set_setting (OvStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  stmt = ov_store_prepare (self,
                           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_bind_text (stmt, 1, key);
  ov_bind_text (stmt, 2, value);

  return ov_store_step_done (self, stmt, error);
}
