/* ov-import-lookups.c — finding the account a row refers to: by external
 * id, or by name through an index of name keys built on first need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ov-csv-writer.h"
#include "ov-import-private.h"
#include "ov-number.h"
#include "ov-role.h"
#include "ov-stage.h"

/* The form names are compared in: spaces around dropped, case folded. */
void
ov_import_name_key (const char *text,
                    gsize       length,
                    GString    *key)
{
  gboolean ascii = TRUE;

  g_string_truncate (key, 0);

  while (length > 0 && g_ascii_isspace (*text))
    {
      text++;
      length--;
    }
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;

  for (gsize i = 0; i < length; i++)
    if ((guchar)text[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      for (gsize i = 0; i < length; i++)
        g_string_append_c (key, g_ascii_tolower (text[i]));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, length);
      g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);

      g_string_append (key, normal ? normal : folded);
    }
}

/* Builds the name index the first time a name is looked up: every account,
 * and from then on every account this import creates or renames. */
static gboolean
ensure_names (OvImportRun  *run,
              GError      **error)
{
  g_autoptr(GString) key = NULL;
  sqlite3_stmt *list, *insert;
  int rc;

  if (run->names_ready)
    return TRUE;

  if (!ov_store_exec (run->store,
                      "CREATE TEMP TABLE IF NOT EXISTS ov_import_names ("
                      "  key TEXT NOT NULL, account_id INTEGER NOT NULL,"
                      "  has_external INTEGER NOT NULL);"
                      "CREATE INDEX IF NOT EXISTS temp.ov_import_names_key"
                      "  ON ov_import_names (key);"
                      "CREATE INDEX IF NOT EXISTS temp.ov_import_names_account"
                      "  ON ov_import_names (account_id);"
                      "DELETE FROM temp.ov_import_names;",
                      error))
    return FALSE;

  list = ov_store_prepare (run->store,
                           "SELECT id, name, external_id IS NOT NULL FROM accounts "
                           "WHERE deleted_at IS NULL",
                           error);
  if (list == NULL)
    return FALSE;

  key = g_string_new (NULL);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (list, 1);

      insert = ov_store_prepare (run->store,
                                 "INSERT INTO temp.ov_import_names (key, account_id, has_external) "
                                 "VALUES (?1, ?2, ?3)",
                                 error);
      if (insert == NULL)
        {
          sqlite3_reset (list);
          return FALSE;
        }

      ov_import_name_key (name ? name : "", sqlite3_column_bytes (list, 1), key);
      sqlite3_bind_text (insert, 1, key->str, key->len, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, sqlite3_column_int64 (list, 0));
      sqlite3_bind_int (insert, 3, sqlite3_column_int (list, 2));
      if (!ov_store_step_done (run->store, insert, error))
        {
          sqlite3_reset (list);
          return FALSE;
        }
    }

  sqlite3_reset (list);
  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, _("reading account names"));
      return FALSE;
    }

  run->names_ready = TRUE;
  return TRUE;
}

/* The accounts named @name, ignoring case and spaces around it. */
gboolean
ov_import_run_name_matches (OvImportRun  *run,
                            OvSlice       name,
                            gboolean      without_external_id,
                            GArray       *ids,
                            GError      **error)
{
  g_autoptr(GString) key = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_size (ids, 0);

  if (!ensure_names (run, error))
    return FALSE;

  stmt = ov_store_prepare (run->store,
                           "SELECT account_id, has_external FROM temp.ov_import_names "
                           "WHERE key = ?1 ORDER BY account_id",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_import_name_key (name.str, name.len, key);
  sqlite3_bind_text (stmt, 1, key->str, key->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!without_external_id || sqlite3_column_int (stmt, 1) == 0)
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Keeps the name index (if built) in step with an account the import
 * created (@replace FALSE) or renamed or gave an external id (TRUE). */
gboolean
ov_import_run_name_added (OvImportRun  *run,
                          gint64        account_id,
                          OvSlice       name,
                          gboolean      has_external_id,
                          gboolean      replace,
                          GError      **error)
{
  g_autoptr(GString) key = NULL;
  sqlite3_stmt *stmt;

  if (!run->names_ready)
    return TRUE;

  if (replace)
    {
      stmt = ov_store_prepare (run->store,
                               "DELETE FROM temp.ov_import_names WHERE account_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      if (!ov_store_step_done (run->store, stmt, error))
        return FALSE;
    }

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO temp.ov_import_names (key, account_id, has_external) "
                           "VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  key = g_string_new (NULL);
  ov_import_name_key (name.str, name.len, key);
  sqlite3_bind_text (stmt, 1, key->str, key->len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, account_id);
  sqlite3_bind_int (stmt, 3, has_external_id);

  return ov_store_step_done (run->store, stmt, error);
}

/* People, tasks and metrics need a column naming their account. */
gboolean
ov_import_run_check_account_columns (OvImportRun *run)
{
  if (!ov_import_run_has (run, REF_ACCOUNT_EXTERNAL_ID) && !ov_import_run_has (run, REF_ACCOUNT))
    {
      ov_import_run_missing_column (run,
                                    _("the file has neither an account nor an "
                                      "account_external_id column: each row must say which "
                                      "account it belongs to"));
      return FALSE;
    }

  return TRUE;
}

/* The account a people, task or metric row belongs to: by its external id
 * when the row gives one, else by its exact name, ignoring case. Sets
 * @account_id to 0 (and rejects the row) when there is no single one. */
gboolean
ov_import_run_find_account (OvImportRun  *run,
                            gint64       *account_id,
                            GError      **error)
{
  OvSlice external_id = ov_import_run_key (run, REF_ACCOUNT_EXTERNAL_ID);
  OvSlice name = ov_import_run_key (run, REF_ACCOUNT);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *account_id = 0;

  if (external_id.len > 0)
    {
      stmt = ov_store_prepare (run->store, "SELECT id FROM accounts WHERE external_id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;

      ov_bind_slice (stmt, 1, external_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *account_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          ov_store_set_error (run->store, error, rc, NULL);
          return FALSE;
        }

      if (*account_id == 0)
        ov_import_run_reject (run, REF_ACCOUNT_EXTERNAL_ID, OV_CSV_ERROR_NOT_FOUND,
                              _("no account has the external ID “%.*s”"),
                              external_id.len, external_id.str);
      return TRUE;
    }

  if (name.len == 0)
    {
      ov_import_run_reject (run, ov_import_run_has (run, REF_ACCOUNT) ? REF_ACCOUNT
                                                                      : REF_ACCOUNT_EXTERNAL_ID,
                            OV_CSV_ERROR_VALUE,
                            _("the row does not say which account it belongs to"));
      return TRUE;
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!ov_import_run_name_matches (run, name, FALSE, ids, error))
    return FALSE;

  if (ids->len == 1)
    *account_id = g_array_index (ids, gint64, 0);
  else if (ids->len == 0)
    ov_import_run_reject (run, REF_ACCOUNT, OV_CSV_ERROR_NOT_FOUND,
                          _("there is no account named “%.*s”"), name.len, name.str);
  else
    ov_import_run_reject (run, REF_ACCOUNT, OV_CSV_ERROR_DUPLICATE,
                          _("%u accounts are named “%.*s”; give the account's external ID "
                            "instead"),
                          ids->len, name.len, name.str);

  return TRUE;
}
