/* ov-import-accounts.c — importing accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row updates the account with its external id; without one (or when no
 * account has it) the account with the same name, ignoring case, whose
 * external id is not set; else it creates an account. Columns not in the
 * file leave the account's values alone; an empty cell clears a text or a
 * date, while an empty stage, status, currency, ARR or external id keeps
 * what the account has. A new account's ARR from an empty cell (or without
 * the column) is not known: NULL, never 0. An ARR is cleared by hand, on
 * the account page; a file cannot tell "cleared" from "not in this export".
 *
 * Into an empty table nothing needs looking up (a repeated external id is
 * caught by its unique index), which is what makes a first import of a
 * whole CRM fast: new rows are inserted BATCH_ROWS at a time with one
 * statement, which saves SQLite most of its per-statement work, and by a
 * writer thread, while this thread reads the next rows. When a statement
 * hits a repeated external id, its rows are inserted again one by one to
 * find which row it is. The connection is the writer's alone until the
 * batches are drained: before any lookup, at the end, or when stopping.
 *
 * Onto a table that has accounts, a large file is first matched against
 * an index of the stored accounts in memory (ov-import-index.c): a row the
 * index shows unchanged needs no SQL at all; the others look up as before.
 * An update sets only the columns that change (ov-import-accounts-update.c).
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-accounts-private.h"

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_has (run, ACCOUNT_NAME) && !ov_import_run_has (run, ACCOUNT_EXTERNAL_ID))
    {
      ov_import_run_missing_column (run,
                                    _("the file has neither a name nor an external_id column: "
                                      "one of them is needed to know which account a row is"));
      return FALSE;
    }

  return TRUE;
}

/* Binds the fields as parameters @base + field + 1, and the package's id
 * as @base + PARAM_PACKAGE_ID. */
void
ov_import_accounts_bind_values (sqlite3_stmt        *stmt,
                                int                  base,
                                const AccountValues *values)
{
  ov_bind_slice_or_null (stmt, base + 1, values->text[ACCOUNT_EXTERNAL_ID]);
  ov_bind_slice (stmt, base + 2, values->text[ACCOUNT_NAME]);
  ov_bind_slice (stmt, base + 3, values->text[ACCOUNT_SEGMENT]);
  ov_bind_slice (stmt, base + 4, values->text[ACCOUNT_OWNER]);
  ov_bind_slice (stmt, base + 5, values->text[ACCOUNT_SALES_OWNER]);
  if (ov_money_is_known (values->arr_cents))
    sqlite3_bind_int64 (stmt, base + 6, values->arr_cents);
  else
    sqlite3_bind_null (stmt, base + 6);
  ov_bind_slice (stmt, base + 7, values->text[ACCOUNT_CURRENCY]);
  sqlite3_bind_int (stmt, base + 8, values->stage);
  sqlite3_bind_int (stmt, base + 9, values->status);
  for (int i = 0; i < N_DATES; i++)
    {
      OvSlice written = values->text[ACCOUNT_CLOSE_DATE + i];

      /* A cell that was already a plain ISO date is bound as it is. */
      if (written.len == 10 && values->dates[i] != OV_DATE_NONE)
        ov_bind_slice (stmt, base + 10 + i, written);
      else
        ov_bind_date (stmt, base + 10 + i, values->dates[i]);
    }
  ov_bind_slice (stmt, base + 14, values->text[ACCOUNT_FIRST_VALUE_MILESTONE]);
  ov_bind_slice (stmt, base + 15, values->text[ACCOUNT_PACKAGE]);
  ov_bind_slice (stmt, base + 16, values->text[ACCOUNT_NOTES]);
  ov_bind_date (stmt, base + 17, values->churned_on);
  if (values->package_id > 0)
    sqlite3_bind_int64 (stmt, base + PARAM_PACKAGE_ID, values->package_id);
  else
    sqlite3_bind_null (stmt, base + PARAM_PACKAGE_ID);
}

void
ov_import_accounts_reject_duplicate_id (OvImportRun   *run,
                                        AccountValues *values)
{
  OvSlice id = values->text[ACCOUNT_EXTERNAL_ID];

  ov_import_run_reject (run, ACCOUNT_EXTERNAL_ID, OV_CSV_ERROR_DUPLICATE,
                        _("the external ID “%.*s” is already used by another account or an "
                          "earlier row"),
                        id.len, id.str);
}

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM accounts WHERE id = ?1";

/* ov_import_run_seen(), without asking SQLite about an account the index
 * had before the import and no row has named since. */
static gboolean
account_seen (OvImportRun  *run,
              gint64        id,
              gboolean     *seen,
              GError      **error)
{
  if (run->account_index != NULL && ov_import_run_has (run, ACCOUNT_EXTERNAL_ID) &&
      ov_import_index_untouched (run->account_index, id))
    {
      run->matched_id = id;
      *seen = FALSE;
      return TRUE;
    }

  /* The query asks the backups whether this import has changed the
   * account: they must all be written. */
  return ov_import_accounts_flush_backups (run, error) &&
         ov_import_run_seen (run, seen_sql, id, seen, error);
}

/* Which account the row is: 0 for a new one. @guess is the index's, 0 for
 * none; when right, the account is read into @stored and @loaded set. */
static gboolean
find_account (OvImportRun    *run,
              AccountValues  *values,
              gint64          guess,
              AccountValues  *stored,
              gboolean       *loaded,
              sqlite3_stmt  **row,
              gint64         *id,
              GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean has_external_id = GIVEN (values, ACCOUNT_EXTERNAL_ID);
  gboolean seen = FALSE;

  *id = 0;
  *loaded = FALSE;

  /* Once a row without an external id is seen, names must be compared,
   * also with the accounts this import has made. */
  if (!has_external_id)
    run->any_without_external_id = TRUE;

  if (!run->accounts_lookup && !run->any_without_external_id)
    return TRUE;

  /* Lookups must see every account made so far. */
  if (!ov_import_accounts_drain (run, error))
    return FALSE;

  if (has_external_id && guess > 0)
    {
      /* The account is read for the update anyway: reading it first tells
       * whether the guess is right, without the external id's index. */
      if (!ov_import_accounts_load (run, guess, stored, row, error))
        return FALSE;
      if (ov_slices_equal (stored->text[ACCOUNT_EXTERNAL_ID], values->text[ACCOUNT_EXTERNAL_ID]))
        {
          *id = guess;
          *loaded = TRUE;
        }
      else
        g_clear_pointer (row, sqlite3_reset);
    }

  if (has_external_id && *id == 0)
    {
      sqlite3_stmt *stmt = ov_store_prepare (run->store,
                                             "SELECT id FROM accounts WHERE external_id = ?1",
                                             error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      ov_bind_slice (stmt, 1, values->text[ACCOUNT_EXTERNAL_ID]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          ov_store_set_error (run->store, error, rc, NULL);
          return FALSE;
        }
    }

  if (has_external_id && *id != 0)
    {
      if (!account_seen (run, *id, &seen, error))
        return FALSE;
      if (seen)
        ov_import_run_reject (run, ACCOUNT_EXTERNAL_ID, OV_CSV_ERROR_DUPLICATE,
                              _("the external ID “%.*s” is on an earlier row of this file "
                                "too"),
                              values->text[ACCOUNT_EXTERNAL_ID].len,
                              values->text[ACCOUNT_EXTERNAL_ID].str);
      return TRUE;
    }

  if (!GIVEN (values, ACCOUNT_NAME))
    return TRUE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!ov_import_run_name_matches (run, values->text[ACCOUNT_NAME], has_external_id, ids, error))
    return FALSE;

  if (ids->len == 1)
    {
      OvSlice name = ov_import_run_key (run, ACCOUNT_NAME);

      *id = g_array_index (ids, gint64, 0);
      if (!account_seen (run, *id, &seen, error))
        return FALSE;
      if (seen)
        ov_import_run_reject (run, ACCOUNT_NAME, OV_CSV_ERROR_DUPLICATE,
                              _("the account “%.*s” is on an earlier row of this file too"),
                              name.len, name.str);
    }
  else if (ids->len > 1)
    {
      OvSlice name = ov_import_run_key (run, ACCOUNT_NAME);

      ov_import_run_reject (run, ACCOUNT_NAME, OV_CSV_ERROR_DUPLICATE,
                            has_external_id
                              ? _("%u accounts without an external ID are named “%.*s”; "
                                  "which one this row is cannot be told")
                              : _("%u accounts are named “%.*s”; add an external_id column "
                                  "to tell them apart"),
                            ids->len, name.len, name.str);
    }

  return TRUE;
}

static gboolean
import_row (OvImportRun     *run,
            OvImportAction  *action,
            GError         **error)
{
  AccountValues values, stored;
  sqlite3_stmt *row = NULL;
  gboolean loaded = FALSE;
  gboolean ok;
  gint64 id = 0, guess = 0;

  memset (&values, 0, sizeof values);
  *action = OV_IMPORT_ACTION_REJECT;

  if (!run->account_index_confirmed && !ov_import_accounts_confirm_index (run, error))
    return FALSE;

  ov_import_accounts_read_values (run, &values);
  if (run->restart)
    return TRUE;
  if (run->row_errors > 0)
    {
      /* Report the dates' order too, where the row has its own close date. */
      if (GIVEN (&values, ACCOUNT_CLOSE_DATE))
        ov_import_accounts_check_dates (run, &values);
      return TRUE;
    }
  ov_import_accounts_keep_iso_texts (run, &values);
  if (GIVEN (&values, ACCOUNT_PACKAGE) && !ov_import_accounts_find_package (run, &values, error))
    return FALSE;

  if (run->account_index != NULL && GIVEN (&values, ACCOUNT_EXTERNAL_ID) && !values.package_new &&
      ov_import_accounts_unchanged_in_index (run, &values, &guess))
    {
      *action = OV_IMPORT_ACTION_UNCHANGED;
      return TRUE;
    }

  memset (&stored, 0, sizeof stored);
  if (!find_account (run, &values, guess, &stored, &loaded, &row, &id, error))
    {
      g_clear_pointer (&row, sqlite3_reset);
      return FALSE;
    }
  /* Whether a later row names the same account is asked of the index. */
  if (id != 0 && run->account_index != NULL)
    ov_import_index_touch (run->account_index, id);
  if (run->row_errors > 0 || id == 0)
    {
      g_clear_pointer (&row, sqlite3_reset);
      if (run->row_errors > 0)
        return TRUE;
      return ov_import_accounts_create_account (run, &values, action, error);
    }

  ok = ov_import_accounts_update (run, &values, id, loaded ? &stored : NULL,
                                  loaded ? row : NULL, action, error);
  /* Every path through it resets the row; this is for the ones added later. */
  g_clear_pointer (&row, sqlite3_reset);
  return ok;
}

/* The package an account had before: by its id, or, in what schema 6
 * backed up, by its name. Gone since, it is none. */
#define OLD_PACKAGE                                                                   \
  "FROM packages AS p WHERE p.id = json_extract (b.old_row, '$.package_id') "           \
  "OR (json_type (b.old_row, '$.package_id') IS NULL "                                  \
  "AND p.name_key = ov_fold (json_extract (b.old_row, '$.package')))"

/* A deleted account waits in the bin until the app starts again: undo
 * leaves it there. */
#define ACCOUNT_LIVE "t.deleted_at IS NULL"
#define CREATED_ACCOUNTS                                                         \
  "(SELECT id FROM accounts WHERE id BETWEEN ?2 AND ?3 AND import_batch_id = ?1 " \
  "AND deleted_at IS NULL)"

const OvImportKindClass ov_import_accounts_class = {
  .check_columns = check_columns,
  .prepare = ov_import_accounts_prepare,
  .import_row = import_row,
  .finish = ov_import_accounts_finish,
  .table = "accounts",
  .updated_sql = OV_UNDO_UPDATED_SQL ("accounts", ACCOUNT_LIVE, "t.name",
                                      "json_extract (b.old_row, '$.name')"),
  .created_sql = OV_UNDO_CREATED_SQL ("accounts", ACCOUNT_LIVE, "t.name"),
  .children_sql =
    "SELECT "
    "(SELECT count(*) FROM people WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1), "
    "(SELECT count(*) FROM tasks WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1), "
    "(SELECT count(*) FROM stage_events WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1), "
    "(SELECT count(*) FROM stage_answers WHERE account_id IN " CREATED_ACCOUNTS "), "
    "(SELECT count(*) FROM metric_values WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1), "
    "(SELECT count(*) FROM meetings WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1)",
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("accounts", ACCOUNT_LIVE),
  /* The stage changes it recorded, and the tasks of the stages they
   * entered, go with the stages it set. */
  .restore_extra_sql = {
    "DELETE FROM stage_events WHERE import_batch_id = ?1 AND account_id IN "
    "(SELECT t.id " OV_UNDO_AS_LEFT ("accounts", ACCOUNT_LIVE) "WHERE b.batch_id = ?1)",
    "DELETE FROM tasks WHERE import_batch_id = ?1 AND account_id IN "
    "(SELECT t.id " OV_UNDO_AS_LEFT ("accounts", ACCOUNT_LIVE) "WHERE b.batch_id = ?1)",
    NULL,
  },
  .restore_sql =
    "UPDATE accounts AS t SET "
    "external_id = json_extract (b.old_row, '$.external_id'), "
    "name = json_extract (b.old_row, '$.name'), "
    "segment = json_extract (b.old_row, '$.segment'), "
    "owner = json_extract (b.old_row, '$.owner'), "
    "sales_owner = json_extract (b.old_row, '$.sales_owner'), "
    "arr_cents = json_extract (b.old_row, '$.arr_cents'), "
    "currency = json_extract (b.old_row, '$.currency'), "
    "stage = json_extract (b.old_row, '$.stage'), "
    "status = json_extract (b.old_row, '$.status'), "
    "close_date = json_extract (b.old_row, '$.close_date'), "
    "kickoff_date = json_extract (b.old_row, '$.kickoff_date'), "
    "golive_date = json_extract (b.old_row, '$.golive_date'), "
    "first_value_date = json_extract (b.old_row, '$.first_value_date'), "
    "first_value_milestone = json_extract (b.old_row, '$.first_value_milestone'), "
    "package = COALESCE ((SELECT p.name " OLD_PACKAGE "), "
    "  iif (json_type (b.old_row, '$.package_id') IS NULL, "
    "       json_extract (b.old_row, '$.package'), '')), "
    "package_id = (SELECT p.id " OLD_PACKAGE "), "
    "notes = json_extract (b.old_row, '$.notes'), "
    "churned_on = iif (json_type (b.old_row, '$.churned_on') IS NULL, "
    "  iif (json_extract (b.old_row, '$.status') = 2, "
    "       COALESCE (t.churned_on, substr (json_extract (b.old_row, '$.updated_at'), 1, 10)), "
    "       NULL), "
    "  json_extract (b.old_row, '$.churned_on')), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE (ACCOUNT_LIVE),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("accounts"),
  /* The packages it made for names no package had, unless an account has
   * them or they were edited since. */
  .cleanup_sql =
    "DELETE FROM packages WHERE import_batch_id = ?1 AND version = 1 "
    "AND NOT EXISTS (SELECT 1 FROM accounts AS a WHERE a.package_id = packages.id)",
};
