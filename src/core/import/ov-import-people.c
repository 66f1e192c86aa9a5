/* ov-import-people.c — importing the people on each account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row updates the person of its account with the same email (ignoring
 * case), or else with the same name among those without an email; else it
 * adds a person. The name comes from a name column or from first and last
 * name columns, as CRM contact exports have them. Roles are separated by
 * ';' (or ','); the side follows from the roles unless a side column says
 * it, and a person without either is a customer contact.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-private.h"
#include "ov-role.h"

typedef struct
{
  gint64    account_id;
  OvSlice   name;
  OvSlice   email;
  int       side;            /* -1: not given */
  gboolean  has_roles;
  char     *roles;           /* sorted role ids joined by ';' */
  GPtrArray *role_ids;
} PersonValues;

static const char insert_sql[] =
  "INSERT INTO people (account_id, name, email, side, created_at, updated_at, import_batch_id) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)";

static const char update_sql[] =
  "UPDATE people SET name = ?1, email = ?2, side = ?3, updated_at = ?4, version = version + 1 "
  "WHERE id = ?5";

static const char role_insert_sql[] =
  "INSERT OR IGNORE INTO person_roles (person_id, role) VALUES (?1, ?2)";

static const char roles_delete_sql[] = "DELETE FROM person_roles WHERE person_id = ?1";

static const char backup_sql[] =
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, "
  "left_version) "
  "SELECT ?1, id, json_object ('name', name, 'email', email, 'side', side, "
  "'updated_at', updated_at, 'roles', json ((SELECT json_group_array (role) "
  "FROM person_roles WHERE person_id = people.id))), version, version + 1 "
  "FROM people WHERE id = ?2";

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_check_account_columns (run))
    return FALSE;

  if (!ov_import_run_has (run, PERSON_NAME) && !ov_import_run_has (run, PERSON_FIRST_NAME) &&
      !ov_import_run_has (run, PERSON_LAST_NAME))
    {
      ov_import_run_missing_column (run,
                                    _("the file has no name column (nor first_name and "
                                      "last_name columns)"));
      return FALSE;
    }

  return TRUE;
}

static OvSlice
read_name (OvImportRun *run)
{
  OvSlice first, last;
  GString *joined;
  char *text;
  int length;

  if (ov_import_run_has (run, PERSON_NAME))
    return ov_import_run_key (run, PERSON_NAME);

  first = ov_import_run_key (run, PERSON_FIRST_NAME);
  last = ov_import_run_key (run, PERSON_LAST_NAME);
  joined = g_string_new (NULL);
  g_string_append_len (joined, first.str, first.len);
  if (first.len > 0 && last.len > 0)
    g_string_append_c (joined, ' ');
  g_string_append_len (joined, last.str, last.len);

  length = joined->len;
  text = g_string_free (joined, FALSE);
  g_ptr_array_add (run->row_strings, text);

  return (OvSlice) { text, length };
}

static int
compare_roles (gconstpointer a,
               gconstpointer b)
{
  return ov_role_get_index (*(const char * const *)a) - ov_role_get_index (*(const char * const *)b);
}

static void
read_roles (OvImportRun  *run,
            PersonValues *values)
{
  OvSlice cell = ov_import_run_text (run, PERSON_ROLES);
  g_autoptr(GString) joined = g_string_new (NULL);
  int start = 0;

  values->has_roles = TRUE;

  for (int i = 0; i <= cell.len; i++)
    {
      OvSlice part;
      const char *role;

      if (i < cell.len && cell.str[i] != ';' && cell.str[i] != ',')
        continue;

      part = (OvSlice) { cell.str + start, i - start };
      start = i + 1;
      while (part.len > 0 && g_ascii_isspace (part.str[0]))
        {
          part.str++;
          part.len--;
        }
      while (part.len > 0 && g_ascii_isspace (part.str[part.len - 1]))
        part.len--;
      if (part.len == 0)
        continue;

      role = ov_import_run_role (run, PERSON_ROLES, part);
      if (role == NULL)
        return;
      if (!g_ptr_array_find_with_equal_func (values->role_ids, role, g_str_equal, NULL))
        g_ptr_array_add (values->role_ids, (gpointer)role);
    }

  g_ptr_array_sort (values->role_ids, compare_roles);
  for (guint i = 0; i < values->role_ids->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ';');
      g_string_append (joined, g_ptr_array_index (values->role_ids, i));
    }

  values->roles = g_string_free (g_steal_pointer (&joined), FALSE);
  g_ptr_array_add (run->row_strings, values->roles);
}

static void
read_side (OvImportRun  *run,
           PersonValues *values)
{
  OvSlice slice = ov_import_run_key (run, PERSON_SIDE);
  const char *text;

  values->side = -1;
  if (slice.len == 0)
    return;

  text = ov_import_run_dup (run, slice);
  if (g_ascii_strcasecmp (text, "internal") == 0 || g_utf8_collate (text, _("Internal")) == 0 ||
      g_utf8_collate (text, _("internal")) == 0)
    values->side = OV_SIDE_INTERNAL;
  else if (g_ascii_strcasecmp (text, "customer") == 0 ||
           g_utf8_collate (text, _("Customer")) == 0 || g_utf8_collate (text, _("customer")) == 0)
    values->side = OV_SIDE_CUSTOMER;
  else
    ov_import_run_reject (run, PERSON_SIDE, OV_CSV_ERROR_VALUE,
                          _("“%s” is not a side; use internal or customer"), text);
}

/* The roles decide the side; a side column must agree with them. */
static void
settle_side (OvImportRun  *run,
             PersonValues *values)
{
  int role_side = -1;

  for (guint i = 0; i < values->role_ids->len; i++)
    {
      const char *role = g_ptr_array_index (values->role_ids, i);
      int side = ov_role_get_side (role);

      if (role_side >= 0 && side != role_side)
        {
          ov_import_run_reject (run, PERSON_ROLES, OV_CSV_ERROR_VALUE,
                                _("one person cannot hold roles of the internal team and of "
                                  "the customer"));
          return;
        }
      role_side = side;
    }

  if (role_side < 0)
    return;

  if (values->side >= 0 && values->side != role_side)
    {
      ov_import_run_reject (run, PERSON_SIDE, OV_CSV_ERROR_VALUE,
                            role_side == OV_SIDE_INTERNAL
                              ? _("the roles are of the internal team, not of the customer")
                              : _("the roles are of the customer, not of the internal team"));
      return;
    }

  values->side = role_side;
}

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM people WHERE id = ?1";

static gboolean
find_person (OvImportRun   *run,
             PersonValues  *values,
             gint64        *person_id,
             GError       **error)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) other = g_string_new (NULL);
  sqlite3_stmt *stmt;
  guint n_matches = 0;
  int rc;

  *person_id = 0;

  if (values->email.len > 0)
    {
      stmt = ov_store_prepare (run->store,
                               "SELECT id FROM people WHERE account_id = ?1 "
                               "AND email = ?2 COLLATE NOCASE ORDER BY id LIMIT 1",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, values->account_id);
      ov_bind_slice (stmt, 2, values->email);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *person_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          ov_store_set_error (run->store, error, rc, NULL);
          return FALSE;
        }
      if (*person_id != 0)
        return TRUE;
    }

  stmt = ov_store_prepare (run->store,
                           "SELECT id, name FROM people WHERE account_id = ?1 AND email = '' "
                           "ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_import_name_key (values->name.str, values->name.len, key);
  sqlite3_bind_int64 (stmt, 1, values->account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ov_import_name_key ((const char *)sqlite3_column_text (stmt, 1),
                          sqlite3_column_bytes (stmt, 1), other);
      if (strcmp (key->str, other->str) == 0)
        {
          if (n_matches++ == 0)
            *person_id = sqlite3_column_int64 (stmt, 0);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  if (n_matches > 1)
    {
      *person_id = 0;
      ov_import_run_reject (run, ov_import_run_has (run, PERSON_NAME) ? PERSON_NAME
                                                                     : PERSON_FIRST_NAME,
                            OV_CSV_ERROR_DUPLICATE,
                            _("%u people of this account are named “%.*s”; add their email "
                              "to tell them apart"),
                            n_matches, values->name.len, values->name.str);
    }

  return TRUE;
}

static gboolean
write_roles (OvImportRun   *run,
             gint64         person_id,
             PersonValues  *values,
             gboolean       replace,
             GError       **error)
{
  sqlite3_stmt *stmt;

  if (replace)
    {
      stmt = ov_store_prepare (run->store, roles_delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      if (!ov_store_step_done (run->store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < values->role_ids->len; i++)
    {
      stmt = ov_store_prepare (run->store, role_insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (values->role_ids, i), -1, SQLITE_STATIC);
      if (!ov_store_step_done (run->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
create_person (OvImportRun     *run,
               PersonValues    *values,
               OvImportAction  *action,
               GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean constraint;
  gint64 id;

  if (!ov_import_run_savepoint (run, error))
    return FALSE;

  stmt = ov_store_prepare (run->store, insert_sql, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, values->account_id);
  ov_bind_slice (stmt, 2, values->name);
  ov_bind_slice (stmt, 3, values->email);
  sqlite3_bind_int (stmt, 4, values->side >= 0 ? values->side : OV_SIDE_CUSTOMER);
  sqlite3_bind_text (stmt, 5, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, run->batch_id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    goto failed;

  id = sqlite3_last_insert_rowid (ov_store_get_db (run->store));
  if (!write_roles (run, id, values, FALSE, error) || !ov_import_run_release (run, error))
    goto failed;

  ov_import_run_created (run, id);
  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;

failed:
  return ov_import_run_fail_row (run, _("adding a person"), error);
}

static gboolean
update_person (OvImportRun     *run,
               PersonValues    *values,
               gint64           id,
               OvImportAction  *action,
               GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autoptr(GString) roles = g_string_new (NULL);
  g_autoptr(GPtrArray) stored_roles = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean changed = FALSE;
  gboolean constraint;
  int side, rc;

  stmt = ov_store_prepare (run->store, "SELECT name, email, side FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }
  name = g_strdup (ov_column_text (stmt, 0));
  email = g_strdup (ov_column_text (stmt, 1));
  side = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);

  stmt = ov_store_prepare (run->store, "SELECT role FROM person_roles WHERE person_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (stored_roles, g_strdup (ov_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_ptr_array_sort (stored_roles, compare_roles);
  for (guint i = 0; i < stored_roles->len; i++)
    {
      if (i > 0)
        g_string_append_c (roles, ';');
      g_string_append (roles, g_ptr_array_index (stored_roles, i));
    }

  changed |= !ov_slice_equal (values->name, name);
  if (ov_import_run_has (run, PERSON_EMAIL))
    changed |= !ov_slice_equal (values->email, email);
  else
    values->email = (OvSlice) { email, strlen (email) };
  if (values->side >= 0)
    changed |= values->side != side;
  else
    values->side = side;
  if (values->has_roles)
    changed |= strcmp (values->roles, roles->str) != 0;

  if (!changed)
    {
      *action = OV_IMPORT_ACTION_UNCHANGED;
      return TRUE;
    }

  if (!ov_import_run_savepoint (run, error))
    return FALSE;

  if (!ov_import_run_backup (run, backup_sql, id, error))
    goto failed;

  stmt = ov_store_prepare (run->store, update_sql, error);
  if (stmt == NULL)
    goto failed;
  ov_bind_slice (stmt, 1, values->name);
  ov_bind_slice (stmt, 2, values->email);
  sqlite3_bind_int (stmt, 3, values->side);
  sqlite3_bind_text (stmt, 4, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    goto failed;

  if (values->has_roles && !write_roles (run, id, values, TRUE, error))
    goto failed;

  if (!ov_import_run_release (run, error))
    goto failed;

  *action = OV_IMPORT_ACTION_UPDATE;
  return TRUE;

failed:
  return ov_import_run_fail_row (run, _("updating a person"), error);
}

static gboolean
import_row (OvImportRun     *run,
            OvImportAction  *action,
            GError         **error)
{
  g_autoptr(GPtrArray) role_ids = g_ptr_array_new ();
  PersonValues values = { 0 };
  gint64 id = 0;

  *action = OV_IMPORT_ACTION_REJECT;
  values.role_ids = role_ids;
  values.side = -1;

  values.name = read_name (run);
  if (values.name.len == 0)
    ov_import_run_reject (run, ov_import_run_has (run, PERSON_NAME) ? PERSON_NAME
                                                                   : PERSON_FIRST_NAME,
                          OV_CSV_ERROR_VALUE, _("a person needs a name"));

  values.email = ov_import_run_key (run, PERSON_EMAIL);
  if (values.email.len > 0 && (memchr (values.email.str, '@', values.email.len) == NULL ||
                               memchr (values.email.str, ' ', values.email.len) != NULL))
    ov_import_run_reject (run, PERSON_EMAIL, OV_CSV_ERROR_VALUE,
                          _("“%.*s” is not an email address"), values.email.len, values.email.str);

  if (ov_import_run_has (run, PERSON_SIDE))
    read_side (run, &values);
  if (ov_import_run_has (run, PERSON_ROLES))
    read_roles (run, &values);
  if (run->row_errors == 0)
    settle_side (run, &values);

  if (!ov_import_run_find_account (run, &values.account_id, error))
    return FALSE;
  if (run->row_errors > 0)
    return TRUE;

  if (!find_person (run, &values, &id, error))
    return FALSE;
  if (id != 0)
    {
      gboolean seen;

      if (!ov_import_run_seen (run, seen_sql, id, &seen, error))
        return FALSE;
      if (seen)
        ov_import_run_reject (run, ov_import_run_has (run, PERSON_NAME) ? PERSON_NAME
                                                                       : PERSON_FIRST_NAME,
                              OV_CSV_ERROR_DUPLICATE,
                              _("this person is on an earlier row of this file too"));
    }
  if (run->row_errors > 0)
    return TRUE;

  if (id == 0)
    return create_person (run, &values, action, error);

  return update_person (run, &values, id, action, error);
}

const OvImportKindClass ov_import_people_class = {
  .check_columns = check_columns,
  .import_row = import_row,
  .table = "people",
  .updated_sql = OV_UNDO_UPDATED_SQL ("people", "1", "t.name",
                                      "json_extract (b.old_row, '$.name')"),
  .created_sql = OV_UNDO_CREATED_SQL ("people", "1", "t.name"),
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("people", "1"),
  .restore_extra_sql = {
    "DELETE FROM person_roles WHERE person_id IN "
    "(SELECT t.id " OV_UNDO_AS_LEFT ("people", "1") "WHERE b.batch_id = ?1)",
    "INSERT INTO person_roles (person_id, role) SELECT t.id, r.value "
    OV_UNDO_AS_LEFT ("people", "1") ", json_each (b.old_row, '$.roles') AS r "
    "WHERE b.batch_id = ?1",
  },
  .restore_sql =
    "UPDATE people AS t SET "
    "name = json_extract (b.old_row, '$.name'), "
    "email = json_extract (b.old_row, '$.email'), "
    "side = json_extract (b.old_row, '$.side'), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE ("1"),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("people"),
};
