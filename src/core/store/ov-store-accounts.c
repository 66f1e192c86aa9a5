/* ov-store-accounts.c — reading and writing accounts (their stage history is
 * in ov-store-stage-events.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-account-private.h"
#include "ov-money.h"
#include "ov-store-journey.h"
#include "ov-stage.h"
#include "ov-store-accounts.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

/* The column list every account SELECT uses, in the order account_from_row()
 * reads. The stored timestamps (ISO 8601, UTC) become Unix seconds there
 * (ov_column_utc()): 8 bytes in memory instead of a string each. */
#define ACCOUNT_COLUMNS \
  "id, external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, " \
  "status, close_date, kickoff_date, golive_date, first_value_date, " \
  "first_value_milestone, package, notes, playbook_id, created_at, updated_at, version, " \
  "package_id, churned_on"
#define ACCOUNT_N_COLUMNS 23

/* The writable columns, bound by bind_account() from parameter ?1 on. */
#define ACCOUNT_WRITE_COLUMNS \
  "external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, " \
  "status, close_date, kickoff_date, golive_date, first_value_date, " \
  "first_value_milestone, package, notes, playbook_id, updated_at, package_id, churned_on"
#define ACCOUNT_N_WRITE_COLUMNS 20

static OvAccount *
account_from_row (sqlite3_stmt *stmt)
{
  OvAccountRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .external_id = (const char *)sqlite3_column_text (stmt, 1),
    .name = (const char *)sqlite3_column_text (stmt, 2),
    .segment = (const char *)sqlite3_column_text (stmt, 3),
    .owner = (const char *)sqlite3_column_text (stmt, 4),
    .sales_owner = (const char *)sqlite3_column_text (stmt, 5),
    .arr_cents = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? OV_MONEY_UNKNOWN
                                                              : sqlite3_column_int64 (stmt, 6),
    .currency = (const char *)sqlite3_column_text (stmt, 7),
    .stage = sqlite3_column_int (stmt, 8),
    .status = sqlite3_column_int (stmt, 9),
    .first_value_milestone = (const char *)sqlite3_column_text (stmt, 14),
    .package = (const char *)sqlite3_column_text (stmt, 15),
    .notes = (const char *)sqlite3_column_text (stmt, 16),
    .playbook_id = sqlite3_column_int64 (stmt, 17),
    .created_at = ov_column_utc (stmt, 18),
    .updated_at = ov_column_utc (stmt, 19),
    .version = sqlite3_column_int64 (stmt, 20),
    .package_id = sqlite3_column_int64 (stmt, 21),
    .churned_on = (const char *)sqlite3_column_text (stmt, 22),
  };

  for (int i = 0; i < OV_N_ACCOUNT_DATES; i++)
    row.dates[i] = (const char *)sqlite3_column_text (stmt, 10 + i);

  return ov_account_new_from_row (&row);
}

/* Binds ACCOUNT_WRITE_COLUMNS as ?1…?20. The texts stay owned by
 * @account, which must outlive the statement's next step. */
static void
bind_account (sqlite3_stmt *stmt,
              OvAccount    *account,
              const char   *updated_at)
{
  const char *external_id = ov_account_get_external_id (account);
  const char *currency = ov_account_get_currency (account);
  gint64 playbook_id = ov_account_get_playbook_id (account);
  gint64 package_id = ov_account_get_package_id (account);

  if (external_id[0] != '\0')
    sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, ov_account_get_name (account), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ov_account_get_segment (account), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, ov_account_get_owner (account), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, ov_account_get_sales_owner (account), -1, SQLITE_STATIC);
  if (ov_account_has_arr (account))
    sqlite3_bind_int64 (stmt, 6, ov_account_get_arr_cents (account));
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, currency[0] != '\0' ? currency : "USD", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, ov_account_get_stage (account));
  sqlite3_bind_int (stmt, 9, ov_account_get_status (account));
  for (int i = 0; i < OV_N_ACCOUNT_DATES; i++)
    ov_bind_date (stmt, 10 + i, ov_account_get_date (account, i));
  sqlite3_bind_text (stmt, 14, ov_account_get_first_value_milestone (account), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, ov_account_get_package (account), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, ov_account_get_notes (account), -1, SQLITE_STATIC);
  if (playbook_id > 0)
    sqlite3_bind_int64 (stmt, 17, playbook_id);
  else
    sqlite3_bind_null (stmt, 17);
  sqlite3_bind_text (stmt, 18, updated_at, -1, SQLITE_TRANSIENT);
  if (package_id > 0)
    sqlite3_bind_int64 (stmt, 19, package_id);
  else
    sqlite3_bind_null (stmt, 19);
  ov_bind_date (stmt, 20, ov_account_get_churned_on (account));
}

/* Reads the rows of @stmt: its columns are ACCOUNT_COLUMNS and then
 * whether the row was deleted, which is then left out and noted in
 * @deleted. */
static GPtrArray *
read_accounts (OvStore       *self,
               sqlite3_stmt  *stmt,
               gboolean      *deleted,
               GError       **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  *deleted = FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, ACCOUNT_N_COLUMNS) != 0)
        *deleted = TRUE;
      else
        g_ptr_array_add (accounts, account_from_row (stmt));
    }

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading accounts"));
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&accounts);
}

/* One query for the whole portfolio: the list model never goes back to the
 * database row by row. */
GPtrArray *
ov_store_list_accounts (OvStore  *self,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean deleted;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " ACCOUNT_COLUMNS ", 0 FROM accounts "
                           "WHERE deleted_at IS NULL ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  return read_accounts (self, stmt, &deleted, error);
}

/**
 * ov_store_list_accounts_noting_purge:
 * @deleted_before: Unix seconds, as for ov_store_purge_deleted()
 * @purge_due: (out): whether an account was deleted before @deleted_before
 *
 * Like ov_store_list_accounts(). The same pass over the table tells
 * whether ov_store_purge_deleted() has accounts to remove: opening the
 * portfolio then need not scan the table again to find none.
 */
GPtrArray *
ov_store_list_accounts_noting_purge (OvStore   *self,
                                     gint64     deleted_before,
                                     gboolean  *purge_due,
                                     GError   **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (purge_due != NULL, NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " ACCOUNT_COLUMNS ", deleted_at IS NOT NULL FROM accounts "
                           "WHERE deleted_at IS NULL OR deleted_at < ?1 ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  before = ov_store_format_utc (deleted_before);
  ov_bind_text (stmt, 1, before);
  return read_accounts (self, stmt, purge_due, error);
}

OvAccount *
ov_store_get_account (OvStore  *self,
                      gint64    id,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  OvAccount *account;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " ACCOUNT_COLUMNS " FROM accounts "
                           "WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                     _("There is no account number %lld."), (long long)id);
      else
        ov_store_set_error (self, error, rc, NULL);
      sqlite3_reset (stmt);
      return NULL;
    }

  account = account_from_row (stmt);
  sqlite3_reset (stmt);
  return account;
}

gint64
ov_store_count_accounts (OvStore  *self,
                         GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (OV_IS_STORE (self), -1);

  stmt = ov_store_prepare (self, "SELECT count(*) FROM accounts WHERE deleted_at IS NULL", error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    ov_store_set_error (self, error, sqlite3_errcode (ov_store_get_db (self)), NULL);

  sqlite3_reset (stmt);
  return count;
}

static gboolean
read_stored_stage (OvStore  *self,
                   gint64    id,
                   int      *stage,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, "SELECT stage FROM accounts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *stage = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                         _("This account no longer exists; it may have been deleted."));
  else
    ov_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return FALSE;
}

/* An update (@account stored) names the version it was read at: it
 * changes nothing when the row moved on, and the error says who moved it. */
static gboolean
finish_write (OvStore       *self,
              sqlite3_stmt  *stmt,
              OvAccount     *account,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = ov_account_get_id (account);
  gint64 version = ov_account_get_version (account);
  gboolean ok;

  ok = id == 0 ? ov_store_step_done (self, stmt, &local_error)
               : ov_store_step_versioned (self, stmt, OV_ROW_ACCOUNT, id, version, &local_error);
  if (ok)
    {
      ov_account_set_version (account, id == 0 ? 1 : version + 1);
      return TRUE;
    }

  if (g_error_matches (local_error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT) &&
      ov_account_get_external_id (account)[0] != '\0')
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT,
                   _("External ID: another account already has the CRM id “%s”."),
                   ov_account_get_external_id (account));
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
update_account (OvStore    *self,
                OvAccount  *account,
                const char *now,
                GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (self,
                           "UPDATE accounts SET external_id = ?1, name = ?2, segment = ?3, "
                           "owner = ?4, sales_owner = ?5, arr_cents = ?6, currency = ?7, "
                           "stage = ?8, status = ?9, close_date = ?10, kickoff_date = ?11, "
                           "golive_date = ?12, first_value_date = ?13, "
                           "first_value_milestone = ?14, package = ?15, notes = ?16, "
                           "playbook_id = ?17, updated_at = ?18, package_id = ?19, "
                           "churned_on = ?20, version = version + 1 "
                           "WHERE id = ?21 AND version = ?22 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  bind_account (stmt, account, now);
  sqlite3_bind_int64 (stmt, ACCOUNT_N_WRITE_COLUMNS + 1, ov_account_get_id (account));
  sqlite3_bind_int64 (stmt, ACCOUNT_N_WRITE_COLUMNS + 2, ov_account_get_version (account));

  return finish_write (self, stmt, account, error);
}

/* The day an account churned follows its status: set when it becomes
 * churned (to @today unless the caller named the day), gone when it is
 * not churned. A day after @today is refused. */
static gboolean
settle_churn (OvAccount  *account,
              OvDate      today,
              GError    **error)
{
  OvDate churned_on = ov_account_get_churned_on (account);

  if (ov_account_get_status (account) != OV_ACCOUNT_STATUS_CHURNED)
    {
      ov_account_set_churned_on (account, OV_DATE_NONE);
      return TRUE;
    }

  if (churned_on == OV_DATE_NONE)
    {
      ov_account_set_churned_on (account, today);
      return TRUE;
    }

  if (churned_on > today)
    {
      g_autofree char *when = ov_date_to_iso (churned_on);
      g_autofree char *shown = ov_date_to_iso (today);

      g_set_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE,
                   _("Churned on: %s is after today (%s)."), when, shown);
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_store_save_account (OvStore    *self,
                       OvAccount  *account,
                       GError    **error)
{
  return ov_store_save_account_on (self, account, ov_date_today (), error);
}

/* Validates, then inserts (id 0) or updates. A new stage, or a new account,
 * gets a stage event dated @today, so days in stage can be measured, and
 * the tasks its playbook sets for that stage. The account's package is
 * found or made by its name, and the day it churned follows its status
 * (see settle_churn()). */
gboolean
ov_store_save_account_on (OvStore    *self,
                          OvAccount  *account,
                          OvDate      today,
                          GError    **error)
{
  g_autofree char *now = NULL;
  g_autofree char *old_package = NULL;
  gint64 now_seconds;
  gboolean is_new;
  gboolean package_created = FALSE;
  gint64 old_version, old_package_id;
  OvDate old_churned_on;
  int old_stage = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (today != OV_DATE_NONE, FALSE);

  old_version = ov_account_get_version (account);
  old_package = g_strdup (ov_account_get_package (account));
  old_package_id = ov_account_get_package_id (account);
  old_churned_on = ov_account_get_churned_on (account);

  if (!ov_account_validate (account, error) || !settle_churn (account, today, error))
    goto refused;

  is_new = ov_account_get_id (account) == 0;
  now_seconds = g_get_real_time () / G_USEC_PER_SEC;
  now = ov_store_format_utc (now_seconds);

  if (!ov_store_transaction_begin (self, error))
    goto refused;

  if ((!is_new && !read_stored_stage (self, ov_account_get_id (account), &old_stage, error)) ||
      !ov_store_packages_resolve_account (self, account, &package_created, error) ||
      !(is_new ? ov_store_insert_account (self, account, now_seconds, now_seconds, error)
               : update_account (self, account, now, error)) ||
      (old_stage != (int)ov_account_get_stage (account) &&
       (!ov_store_add_stage_event (self, ov_account_get_id (account),
                                   ov_account_get_stage (account), old_stage, FALSE,
                                   today, NULL, error) ||
        !ov_store_create_stage_tasks (self, ov_account_get_id (account),
                                      ov_account_get_stage (account), today,
                                      NULL, error))) ||
      !ov_store_transaction_commit (self, error))
    {
      ov_store_transaction_rollback (self);
      if (is_new)
        ov_account_set_id (account, 0);
      ov_account_set_version (account, old_version);
      goto refused;
    }

  ov_account_set_timestamps (account, is_new ? now_seconds : ov_account_get_created_at (account),
                             now_seconds);
  ov_store_emit_changed (self, "accounts");
  if (package_created)
    ov_store_emit_changed (self, "packages");

  return TRUE;

refused:
  /* As the caller left it: a package made in what was rolled back is gone. */
  ov_account_set_package (account, old_package);
  ov_account_set_package_id (account, old_package_id);
  ov_account_set_churned_on (account, old_churned_on);
  return FALSE;
}

/* A plain insert for bulk loaders (sample data, imports) that validate and
 * record history themselves: no stage event, no change signal (also not
 * for a package it makes). */
gboolean
ov_store_insert_account (OvStore     *self,
                         OvAccount   *account,
                         gint64       created_at,
                         gint64       updated_at,
                         GError     **error)
{
  g_autofree char *created_text = NULL;
  g_autofree char *updated_text = NULL;
  gboolean package_created;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (created_at > 0 && updated_at > 0, FALSE);

  /* A loader names the package and the status; the rest follows as when
   * saving, a churn dated by the account's last change. */
  if (!ov_store_packages_resolve_account (self, account, &package_created, error))
    return FALSE;
  if (ov_account_get_status (account) != OV_ACCOUNT_STATUS_CHURNED)
    ov_account_set_churned_on (account, OV_DATE_NONE);
  else if (ov_account_get_churned_on (account) == OV_DATE_NONE)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (updated_at);

      ov_account_set_churned_on (account,
                                 ov_date_from_ymd (g_date_time_get_year (when),
                                                   g_date_time_get_month (when),
                                                   g_date_time_get_day_of_month (when)));
    }

  stmt = ov_store_prepare (self,
                           "INSERT INTO accounts (" ACCOUNT_WRITE_COLUMNS ", created_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                           "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                           error);
  if (stmt == NULL)
    return FALSE;

  created_text = ov_store_format_utc (created_at);
  updated_text = ov_store_format_utc (updated_at);
  bind_account (stmt, account, updated_text);
  sqlite3_bind_text (stmt, ACCOUNT_N_WRITE_COLUMNS + 1, created_text, -1, SQLITE_TRANSIENT);

  if (!finish_write (self, stmt, account, error))
    return FALSE;

  ov_account_set_id (account, sqlite3_last_insert_rowid (ov_store_get_db (self)));
  ov_account_set_timestamps (account, created_at, updated_at);
  return TRUE;
}

/* Deletion is soft until the next start, so the Undo toast can bring the
 * account back with its people, tasks and history intact. It names the
 * version @account was read at: an account changed elsewhere since is not
 * deleted from a copy that does not show the change. */
gboolean
ov_store_delete_account (OvStore    *self,
                         OvAccount  *account,
                         GError    **error)
{
  g_autofree char *now = ov_store_now_utc ();
  gint64 version;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);

  version = ov_account_get_version (account);
  stmt = ov_store_prepare (self,
                           "UPDATE accounts SET deleted_at = ?2, version = version + 1 "
                           "WHERE id = ?1 AND version = ?3 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_account_get_id (account));
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, version);
  if (!ov_store_step_versioned (self, stmt, OV_ROW_ACCOUNT, ov_account_get_id (account),
                                version, error))
    return FALSE;

  ov_account_set_version (account, version + 1);
  ov_store_emit_changed (self, "accounts");
  return TRUE;
}

/* Undoes a deletion made here; the version stays what the deletion made
 * it, which the deleted copy holds. */
gboolean
ov_store_restore_account (OvStore  *self,
                          gint64    id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  /* Only a deleted row comes back: "nothing changed" means it was
   * removed for good meanwhile, and the user must hear so. */
  stmt = ov_store_prepare (self,
                           "UPDATE accounts SET deleted_at = NULL "
                           "WHERE id = ?1 AND deleted_at IS NOT NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (ov_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                           _("The account could not be restored: it is no longer in "
                             "the database, it was removed for good meanwhile."));
      return FALSE;
    }

  ov_store_emit_changed (self, "accounts");
  return TRUE;
}
