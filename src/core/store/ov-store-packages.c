/* ov-store-packages.c — the premium packages, and the accounts' link to one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package is found by its name whatever its case (name_key holds
 * ov_package_name_key() of it, unique). An account holds the package's id
 * and, as the name it shows, its name: both are written together here
 * (ov_store_packages_resolve_account()), a rename reaches the accounts by
 * a trigger and so does a removal (see migration 7 in ov-schema.c).
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-account.h"
#include "ov-package-services.h"
#include "ov-store-packages.h"
#include "ov-store-private.h"
#include "ov-store-record.h"
#include "ov-store-versions.h"

#define PACKAGE_COLUMNS "id, name, price_cents, currency, services, other_services, version"

static OvPackage *
package_from_stmt (sqlite3_stmt *stmt)
{
  OvPackage *package = ov_package_new (ov_column_text (stmt, 1));

  ov_package_set_id (package, sqlite3_column_int64 (stmt, 0));
  ov_package_set_price_cents (package, sqlite3_column_int64 (stmt, 2));
  ov_package_set_currency (package, ov_column_text (stmt, 3));
  ov_package_set_services (package, sqlite3_column_int (stmt, 4) & OV_PACKAGE_SERVICES_ALL);
  ov_package_set_other_services (package, ov_column_text (stmt, 5));
  ov_package_set_version (package, sqlite3_column_int64 (stmt, 6));
  return package;
}

GPtrArray *
ov_store_list_packages (OvStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) packages = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " PACKAGE_COLUMNS " FROM packages ORDER BY name_key, id",
                           error);
  if (stmt == NULL)
    return NULL;

  packages = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (packages, package_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading packages"));
      return NULL;
    }

  return g_steal_pointer (&packages);
}

/* The package @stmt finds with its one parameter bound; NULL without
 * @error set when there is none. */
static OvPackage *
query_package (OvStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  OvPackage *package = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    package = package_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ov_store_set_error (self, error, rc, _("reading a package"));
  return package;
}

OvPackage *
ov_store_get_package (OvStore  *self,
                      gint64    package_id,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  OvPackage *package;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self, "SELECT " PACKAGE_COLUMNS " FROM packages WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, package_id);
  package = query_package (self, stmt, &local_error);
  if (package == NULL && local_error == NULL)
    g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                 _("There is no package number %lld; it may have been removed."),
                 (long long)package_id);
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return package;
}

OvPackage *
ov_store_find_package (OvStore     *self,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = ov_store_prepare (self, "SELECT " PACKAGE_COLUMNS " FROM packages WHERE name_key = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  key = ov_package_name_key (name);
  ov_bind_text (stmt, 1, key);
  return query_package (self, stmt, error);
}

gint64
ov_store_count_package_accounts (OvStore  *self,
                                 gint64    package_id,
                                 GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), -1);

  stmt = ov_store_prepare (self,
                           "SELECT count(*) FROM accounts WHERE package_id = ?1 "
                           "AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, package_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    ov_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return count;
}

/* What is stored is tidy; the object is told, so what shows it agrees. */
static void
tidy (OvPackage *package)
{
  g_autofree char *name = g_strstrip (g_strdup (ov_package_get_name (package)));
  g_autofree char *listed = NULL;
  g_autofree char *other = NULL;
  OvPackageServices services;

  /* The free text as a CSV cell reads back: a round trip changes nothing. */
  listed = ov_package_services_format (OV_PACKAGE_SERVICE_NONE,
                                       ov_package_get_other_services (package));
  ov_package_services_parse (listed, &services, &other);

  ov_package_set_name (package, name);
  ov_package_set_services (package, ov_package_get_services (package) | services);
  ov_package_set_other_services (package, other);
}

/* Refuses a name another package (not @package_id) has, whatever its case. */
static gboolean
check_unique (OvStore     *self,
              const char  *name,
              gint64       package_id,
              GError     **error)
{
  g_autofree char *key = ov_package_name_key (name);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, "SELECT name FROM packages WHERE name_key = ?1 AND id <> ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, package_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, OV_PACKAGE_ERROR, OV_PACKAGE_ERROR_DUPLICATE,
                 _("Name: there is already a package named “%s”."), ov_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    ov_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);

  return rc == SQLITE_DONE;
}

static void
bind_package (sqlite3_stmt *stmt,
              OvPackage    *package)
{
  g_autofree char *key = ov_package_name_key (ov_package_get_name (package));

  ov_bind_text (stmt, 1, ov_package_get_name (package));
  ov_bind_text (stmt, 2, key);
  sqlite3_bind_int64 (stmt, 3, ov_package_get_price_cents (package));
  ov_bind_text (stmt, 4, ov_package_get_currency (package));
  sqlite3_bind_int (stmt, 5, ov_package_get_services (package));
  ov_bind_text (stmt, 6, ov_package_get_other_services (package));
}

static gboolean
check_unique_package (OvStore    *self,
                      OvPackage  *package,
                      GError    **error)
{
  return check_unique (self, ov_package_get_name (package), ov_package_get_id (package), error);
}

static const OvStoreRecordKind package_kind = {
  .changed = "packages",
  .row = OV_ROW_PACKAGE,
  .insert_sql = "INSERT INTO packages (name, name_key, price_cents, currency, services, "
                "other_services, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
  .update_sql = "UPDATE packages SET name = ?1, name_key = ?2, price_cents = ?3, "
                "currency = ?4, services = ?5, other_services = ?6, updated_at = ?7, "
                "version = version + 1 WHERE id = ?8 AND version = ?9",
  .n_fields = 6,
  .bind = (OvRecordBind)bind_package,
  .validate = (OvRecordValidate)ov_package_validate,
  .tidy = (OvRecordTidy)tidy,
  .check_unique = (OvRecordCheck)check_unique_package,
  .get_id = (OvRecordGet)ov_package_get_id,
  .set_id = (OvRecordSet)ov_package_set_id,
  .get_version = (OvRecordGet)ov_package_get_version,
  .set_version = (OvRecordSet)ov_package_set_version,
};

gboolean
ov_store_add_package (OvStore    *self,
                      OvPackage  *package,
                      GError    **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_PACKAGE (package), FALSE);
  g_return_val_if_fail (ov_package_get_id (package) == 0, FALSE);

  return ov_store_record_insert (self, &package_kind, package, error);
}

gboolean
ov_store_update_package (OvStore    *self,
                         OvPackage  *package,
                         GError    **error)
{
  sqlite3_int64 changes = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_PACKAGE (package), FALSE);

  if (!ov_store_record_update (self, &package_kind, package, &changes, error))
    return FALSE;

  /* Beyond the package's row: its accounts, renamed by the trigger. */
  if (changes > 1)
    ov_store_emit_changed (self, "accounts");
  return TRUE;
}

gboolean
ov_store_delete_package (OvStore    *self,
                         OvPackage  *package,
                         GError    **error)
{
  gint64 id, version, n_accounts;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_PACKAGE (package), FALSE);

  id = ov_package_get_id (package);
  version = ov_package_get_version (package);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  n_accounts = ov_store_count_package_accounts (self, id, error);
  if (n_accounts < 0 ||
      !ov_store_delete_versioned (self, OV_ROW_PACKAGE, id, version, error) ||
      !ov_store_transaction_commit (self, error))
    goto failed;

  ov_store_emit_changed (self, "packages");
  if (n_accounts > 0)
    ov_store_emit_changed (self, "accounts");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

/* Inside a transaction: the package named @name, made (no price, in
 * @currency, from import batch @batch_id unless 0) when no package has the
 * name whatever its case. */
gboolean
ov_store_packages_ensure (OvStore     *self,
                          const char  *name,
                          const char  *currency,
                          gint64       batch_id,
                          gint64      *id,
                          char       **stored_name,
                          gboolean    *created,
                          GError     **error)
{
  g_autoptr(OvPackage) found = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *key = NULL;
  g_autofree char *trimmed = NULL;
  sqlite3_stmt *stmt;

  *created = FALSE;
  found = ov_store_find_package (self, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (found != NULL)
    {
      *id = ov_package_get_id (found);
      *stored_name = g_strdup (ov_package_get_name (found));
      return TRUE;
    }

  stmt = ov_store_prepare (self,
                           "INSERT INTO packages (name, name_key, currency, created_at, "
                           "updated_at, import_batch_id) VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (name));
  key = ov_package_name_key (trimmed);
  now = ov_store_now_utc ();
  ov_bind_text (stmt, 1, trimmed);
  ov_bind_text (stmt, 2, key);
  ov_bind_text (stmt, 3, currency != NULL && currency[0] != '\0' ? currency : "USD");
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (batch_id > 0)
    sqlite3_bind_int64 (stmt, 5, batch_id);
  else
    sqlite3_bind_null (stmt, 5);
  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (ov_store_get_db (self));
  *stored_name = g_steal_pointer (&trimmed);
  *created = TRUE;
  return TRUE;
}

/* Inside a transaction, before an account is written: its package id and
 * the name it shows, together. The id it holds wins while that package is
 * there (a copy read before a rename still means the same package);
 * otherwise the name it was given, found whatever its case or made. */
gboolean
ov_store_packages_resolve_account (OvStore    *self,
                                   OvAccount  *account,
                                   gboolean   *created,
                                   GError    **error)
{
  g_autofree char *name = g_strstrip (g_strdup (ov_account_get_package (account)));
  g_autofree char *stored_name = NULL;
  gint64 package_id = ov_account_get_package_id (account);

  *created = FALSE;

  if (package_id > 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(OvPackage) package = ov_store_get_package (self, package_id, &local_error);

      if (package != NULL)
        {
          ov_account_set_package (account, ov_package_get_name (package));
          ov_account_set_package_id (account, package_id);
          return TRUE;
        }
      if (!g_error_matches (local_error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (name[0] == '\0')
    {
      ov_account_set_package (account, NULL);
      ov_account_set_package_id (account, 0);
      return TRUE;
    }

  if (!ov_store_packages_ensure (self, name, ov_account_get_currency (account), 0, &package_id,
                                 &stored_name, created, error))
    return FALSE;

  ov_account_set_package (account, stored_name);
  ov_account_set_package_id (account, package_id);
  return TRUE;
}
