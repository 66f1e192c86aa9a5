/* ov-import-packages.c — importing packages, and the packages accounts'
 * rows name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A packages row updates the package with its name, whatever its case, or
 * adds one: its price (an amount, perhaps with its currency's symbol), its
 * currency and its services (ids or titles separated by ';'; other items
 * are kept as free text). An empty cell keeps what the package has.
 *
 * An accounts import reads the stored packages once, at its first row that
 * names one, and then finds them by name without SQL; a name no package
 * has makes a package (no price, the account's currency) and is counted.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-private.h"
#include "ov-money.h"
#include "ov-package.h"
#include "ov-package-services.h"

typedef struct
{
  gint64  id;
  char   *name;
} PackageRef;

struct _OvImportPackages
{
  GHashTable *by_key;     /* ov_package_name_key() → PackageRef, owned */
  GHashTable *by_text;    /* a cell's text as written → PackageRef */
};

static void
package_ref_free (gpointer data)
{
  PackageRef *ref = data;

  g_free (ref->name);
  g_free (ref);
}

void
ov_import_packages_free (OvImportPackages *packages)
{
  if (packages == NULL)
    return;

  g_hash_table_unref (packages->by_text);
  g_hash_table_unref (packages->by_key);
  g_free (packages);
}

static PackageRef *
add_ref (OvImportPackages *packages,
         gint64            id,
         const char       *name,
         char             *key)
{
  PackageRef *ref = g_new (PackageRef, 1);

  ref->id = id;
  ref->name = g_strdup (name);
  g_hash_table_replace (packages->by_key, key, ref);
  return ref;
}

static gboolean
load_packages (OvImportRun  *run,
               GError      **error)
{
  g_autoptr(GHashTable) by_key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (run->store, "SELECT id, name, name_key FROM packages", error);
  if (stmt == NULL)
    return FALSE;

  run->packages = g_new0 (OvImportPackages, 1);
  run->packages->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 package_ref_free);
  run->packages->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_ref (run->packages, sqlite3_column_int64 (stmt, 0), ov_column_text (stmt, 1),
             g_strdup (ov_column_text (stmt, 2)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, _("reading packages"));
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_import_run_find_package (OvImportRun  *run,
                            OvSlice      *name,
                            gint64       *id,
                            gboolean     *found,
                            GError      **error)
{
  g_autofree char *key = NULL;
  char text[256];
  PackageRef *ref;

  *found = FALSE;
  *id = 0;
  if (name->len == 0)
    return TRUE;

  if (run->packages == NULL && !load_packages (run, error))
    return FALSE;

  /* A portfolio spells its packages a few ways: those are looked up as
   * written, without a copy on the heap, and folded only the first time. */
  ref = NULL;
  if ((gsize)name->len < sizeof text)
    {
      memcpy (text, name->str, name->len);
      text[name->len] = '\0';
      ref = g_hash_table_lookup (run->packages->by_text, text);
    }
  if (ref == NULL)
    {
      g_autofree char *written = g_strndup (name->str, name->len);

      key = ov_package_name_key (written);
      ref = g_hash_table_lookup (run->packages->by_key, key);
      if (ref == NULL)
        return TRUE;
      g_hash_table_insert (run->packages->by_text, g_steal_pointer (&written), ref);
    }

  *found = TRUE;
  *id = ref->id;
  *name = (OvSlice) { ref->name, strlen (ref->name) };
  return TRUE;
}

gboolean
ov_import_run_package (OvImportRun  *run,
                       OvSlice      *name,
                       const char   *currency,
                       gint64       *id,
                       GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  gboolean found, created;

  if (!ov_import_run_find_package (run, name, id, &found, error))
    return FALSE;
  if (found || name->len == 0)
    return TRUE;

  text = g_strndup (name->str, name->len);
  if (!ov_store_packages_ensure (run->store, text, currency, run->batch_id, id, &stored,
                                 &created, error))
    return FALSE;
  if (created)
    run->n_packages_created++;

  *name = (OvSlice) { add_ref (run->packages, *id, stored, ov_package_name_key (stored))->name,
                      strlen (stored) };
  return TRUE;
}

/* The packages kind */

typedef struct
{
  OvSlice            name;
  gint64             price_cents;
  char               currency[4];
  OvPackageServices  services;
  char              *other_services;
  gboolean           has_price;
  gboolean           has_currency;
  gboolean           has_services;
} PackageValues;

static const char backup_sql[] =
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, "
  "left_version) "
  "SELECT ?1, id, json_object ('name', name, 'price_cents', price_cents, 'currency', currency, "
  "'services', services, 'other_services', other_services, 'updated_at', updated_at), "
  "version, version + 1 FROM packages WHERE id = ?2";

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM packages WHERE id = ?1";

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_has (run, PACKAGE_NAME))
    {
      ov_import_run_missing_column (run, _("the file has no name column"));
      return FALSE;
    }

  return TRUE;
}

static void
read_currency (OvImportRun   *run,
               PackageValues *values)
{
  OvSlice slice = ov_import_run_key (run, PACKAGE_CURRENCY);

  if (slice.len == 0)
    return;

  if (slice.len != 3 || !g_ascii_isalpha (slice.str[0]) || !g_ascii_isalpha (slice.str[1]) ||
      !g_ascii_isalpha (slice.str[2]))
    {
      ov_import_run_reject (run, PACKAGE_CURRENCY, OV_CSV_ERROR_VALUE,
                            _("“%.*s” is not a three-letter currency code such as USD or EUR"),
                            slice.len, slice.str);
      return;
    }

  for (int i = 0; i < 3; i++)
    values->currency[i] = g_ascii_toupper (slice.str[i]);
  values->has_currency = TRUE;
}

static void
read_price (OvImportRun   *run,
            PackageValues *values)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *symbol = NULL;
  OvSlice slice = ov_import_run_key (run, PACKAGE_PRICE);

  if (slice.len == 0)
    return;

  if (!ov_money_parse (ov_import_run_dup (run, slice), &values->price_cents, &symbol, &error))
    {
      ov_import_run_reject (run, PACKAGE_PRICE, OV_CSV_ERROR_VALUE, "%s", error->message);
      return;
    }
  if (values->price_cents < 0)
    {
      ov_import_run_reject (run, PACKAGE_PRICE, OV_CSV_ERROR_VALUE,
                            _("a package cannot cost less than nothing"));
      return;
    }
  values->has_price = TRUE;

  /* "€7,500" says EUR: fine alone, wrong beside a currency column saying USD. */
  if (symbol == NULL)
    return;
  if (values->has_currency && strcmp (symbol, values->currency) != 0)
    ov_import_run_reject (run, PACKAGE_PRICE, OV_CSV_ERROR_VALUE,
                          _("the price is in %s, but the currency column says %s"), symbol,
                          values->currency);
  else if (!values->has_currency)
    {
      g_strlcpy (values->currency, symbol, sizeof values->currency);
      values->has_currency = TRUE;
    }
}

static void
read_values (OvImportRun   *run,
             PackageValues *values)
{
  values->name = ov_import_run_key (run, PACKAGE_NAME);
  if (values->name.len == 0)
    ov_import_run_reject (run, PACKAGE_NAME, OV_CSV_ERROR_VALUE, _("a package needs a name"));
  else if (g_utf8_strlen (values->name.str, values->name.len) > OV_PACKAGE_NAME_MAX_CHARS)
    ov_import_run_reject (run, PACKAGE_NAME, OV_CSV_ERROR_VALUE,
                          ngettext ("a package name has at most %d character",
                                    "a package name has at most %d characters",
                                    OV_PACKAGE_NAME_MAX_CHARS),
                          OV_PACKAGE_NAME_MAX_CHARS);

  if (ov_import_run_has (run, PACKAGE_CURRENCY))
    read_currency (run, values);
  if (ov_import_run_has (run, PACKAGE_PRICE))
    read_price (run, values);

  if (ov_import_run_has (run, PACKAGE_SERVICES))
    {
      OvSlice cell = ov_import_run_key (run, PACKAGE_SERVICES);

      ov_package_services_parse (ov_import_run_dup (run, cell), &values->services,
                                 &values->other_services);
      g_ptr_array_add (run->row_strings, values->other_services);
      values->has_services = cell.len > 0;
    }
}

/* The stored package with the row's name: 0 for none. */
static gboolean
find_stored (OvImportRun    *run,
             PackageValues  *values,
             gint64         *id,
             PackageValues  *stored,
             GError        **error)
{
  g_autofree char *key = ov_package_name_key (ov_import_run_dup (run, values->name));
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  stmt = ov_store_prepare (run->store,
                           "SELECT id, name, price_cents, currency, services, other_services "
                           "FROM packages WHERE name_key = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      char *name = g_strdup (ov_column_text (stmt, 1));

      *id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (run->row_strings, name);
      stored->name = (OvSlice) { name, strlen (name) };
      stored->price_cents = sqlite3_column_int64 (stmt, 2);
      g_strlcpy (stored->currency, ov_column_text (stmt, 3), sizeof stored->currency);
      stored->services = sqlite3_column_int (stmt, 4);
      stored->other_services = g_strdup (ov_column_text (stmt, 5));
      g_ptr_array_add (run->row_strings, stored->other_services);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Lays the row over @stored; TRUE when anything changes. */
static gboolean
merge (const PackageValues *values,
       PackageValues       *stored)
{
  gboolean changed = !ov_slices_equal (values->name, stored->name);

  stored->name = values->name;
  if (values->has_price && values->price_cents != stored->price_cents)
    {
      stored->price_cents = values->price_cents;
      changed = TRUE;
    }
  if (values->has_currency && strcmp (values->currency, stored->currency) != 0)
    {
      memcpy (stored->currency, values->currency, sizeof stored->currency);
      changed = TRUE;
    }
  if (values->has_services && (values->services != stored->services ||
                               g_strcmp0 (values->other_services, stored->other_services) != 0))
    {
      stored->services = values->services;
      stored->other_services = values->other_services;
      changed = TRUE;
    }

  return changed;
}

static void
bind_values (sqlite3_stmt        *stmt,
             const PackageValues *values)
{
  g_autofree char *key = g_strndup (values->name.str, values->name.len);
  g_autofree char *folded = ov_package_name_key (key);

  ov_bind_slice (stmt, 1, values->name);
  sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, values->price_cents);
  sqlite3_bind_text (stmt, 4, values->currency[0] != '\0' ? values->currency : "USD", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, values->services);
  ov_bind_text (stmt, 6, values->other_services);
}

static gboolean
import_row (OvImportRun     *run,
            OvImportAction  *action,
            GError         **error)
{
  PackageValues values = { { 0 } };
  PackageValues stored = { { 0 } };
  sqlite3_stmt *stmt;
  gboolean constraint, seen;
  gint64 id = 0;

  *action = OV_IMPORT_ACTION_REJECT;

  read_values (run, &values);
  if (run->row_errors > 0)
    return TRUE;

  if (!find_stored (run, &values, &id, &stored, error))
    return FALSE;

  if (id != 0)
    {
      if (!ov_import_run_seen (run, seen_sql, id, &seen, error))
        return FALSE;
      if (seen)
        {
          ov_import_run_reject (run, PACKAGE_NAME, OV_CSV_ERROR_DUPLICATE,
                                _("the package “%.*s” is on an earlier row of this file too"),
                                values.name.len, values.name.str);
          return TRUE;
        }

      if (!merge (&values, &stored))
        {
          *action = OV_IMPORT_ACTION_UNCHANGED;
          return TRUE;
        }

      if (!ov_import_run_backup (run, backup_sql, id, error))
        return FALSE;
      stmt = ov_store_prepare (run->store,
                               "UPDATE packages SET name = ?1, name_key = ?2, price_cents = ?3, "
                               "currency = ?4, services = ?5, other_services = ?6, "
                               "updated_at = ?7, version = version + 1 WHERE id = ?8",
                               error);
      if (stmt == NULL)
        return FALSE;
      bind_values (stmt, &stored);
      sqlite3_bind_text (stmt, 7, run->now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, id);
      if (!ov_import_run_step (run, stmt, &constraint, error))
        return FALSE;

      *action = OV_IMPORT_ACTION_UPDATE;
      return TRUE;
    }

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO packages (name, name_key, price_cents, currency, services, "
                           "other_services, created_at, updated_at, import_batch_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, &values);
  sqlite3_bind_text (stmt, 7, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, run->batch_id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    return FALSE;

  ov_import_run_created (run, sqlite3_last_insert_rowid (ov_store_get_db (run->store)));
  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}

/* A package made by the batch is its own while nothing was done with it:
 * once an account has it, removing it takes it from the account too. */
#define IN_USE "EXISTS (SELECT 1 FROM accounts AS a WHERE a.package_id = t.id)"

const OvImportKindClass ov_import_packages_class = {
  .check_columns = check_columns,
  .import_row = import_row,
  .table = "packages",
  .updated_sql = OV_UNDO_UPDATED_SQL ("packages", "1", "t.name",
                                      "json_extract (b.old_row, '$.name')"),
  .created_sql =
    "SELECT t.version IS NOT " OV_UNDO_CREATED_VERSION " OR " IN_USE ", t.name "
    "FROM packages AS t WHERE t.id BETWEEN ?2 AND ?3 AND t.import_batch_id = ?1 ORDER BY t.id",
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("packages", "1"),
  .restore_extra_sql = { NULL, NULL },
  .restore_sql =
    "UPDATE packages AS t SET "
    "name = json_extract (b.old_row, '$.name'), "
    "name_key = ov_fold (json_extract (b.old_row, '$.name')), "
    "price_cents = json_extract (b.old_row, '$.price_cents'), "
    "currency = json_extract (b.old_row, '$.currency'), "
    "services = json_extract (b.old_row, '$.services'), "
    "other_services = json_extract (b.old_row, '$.other_services'), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE ("1"),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("packages"),
};
