/* ov-store-people.c — the people of an account and the roles they hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-journey-private.h"
#include "ov-store-people.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

static OvPerson *
person_from_stmt (sqlite3_stmt *stmt)
{
  OvPerson *person = ov_person_new (sqlite3_column_int64 (stmt, 1),
                                    sqlite3_column_int (stmt, 4) == 1 ? OV_SIDE_CUSTOMER
                                                                      : OV_SIDE_INTERNAL,
                                    ov_column_text (stmt, 2),
                                    ov_column_text (stmt, 3));

  ov_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  ov_person_set_version (person, sqlite3_column_int64 (stmt, 5));
  return person;
}

static gboolean
load_roles (OvStore   *self,
            OvPerson  *person,
            GError   **error)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, "SELECT role FROM person_roles WHERE person_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_person_get_id (person));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (roles, g_strdup (ov_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading roles"));
      return FALSE;
    }

  g_ptr_array_add (roles, NULL);
  ov_person_set_roles (person, (const char * const *)roles->pdata);
  return TRUE;
}

GPtrArray *
ov_store_list_people (OvStore  *self,
                      gint64    account_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) people = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT id, account_id, name, email, side, version FROM people "
                           "WHERE account_id = ?1 ORDER BY side, id",
                           error);
  if (stmt == NULL)
    return NULL;

  people = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading people"));
      return NULL;
    }

  /* Roles after the rows: the people statement is done by now. */
  for (guint i = 0; i < people->len; i++)
    {
      if (!load_roles (self, g_ptr_array_index (people, i), error))
        return NULL;
    }

  return g_steal_pointer (&people);
}

static gboolean
set_not_found (GError **error,
               gint64   person_id)
{
  g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
               _("There is no person number %lld; they may have been removed."),
               (long long)person_id);
  return FALSE;
}

OvPerson *
ov_store_get_person (OvStore  *self,
                     gint64    person_id,
                     GError  **error)
{
  g_autoptr(OvPerson) person = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT id, account_id, name, email, side, version FROM people WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = person_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      set_not_found (error, person_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, _("reading a person"));
      return NULL;
    }

  if (!load_roles (self, person, error))
    return NULL;

  return g_steal_pointer (&person);
}

static gboolean
account_exists (OvStore  *self,
                gint64    account_id,
                GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT 1 FROM accounts WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                 _("There is no account number %lld."), (long long)account_id);
  else
    ov_store_set_error (self, error, rc, NULL);
  return FALSE;
}

static gboolean
write_roles (OvStore   *self,
             OvPerson  *person,
             GError   **error)
{
  const char * const *roles = ov_person_get_roles (person);
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (self, "DELETE FROM person_roles WHERE person_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ov_person_get_id (person));
  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; roles[i] != NULL; i++)
    {
      stmt = ov_store_prepare (self,
                               "INSERT INTO person_roles (person_id, role) VALUES (?1, ?2)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ov_person_get_id (person));
      ov_bind_text (stmt, 2, roles[i]);
      if (!ov_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* What is stored is trimmed; the object is told, so the UI shows it. */
static void
tidy (OvPerson *person)
{
  g_autofree char *name = g_strstrip (g_strdup (ov_person_get_name (person)));
  g_autofree char *email = g_strstrip (g_strdup (ov_person_get_email (person)));

  ov_person_set_name (person, name);
  ov_person_set_email (person, email);
}

gboolean
ov_store_add_person (OvStore   *self,
                     OvPerson  *person,
                     GError   **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_PERSON (person), FALSE);
  g_return_val_if_fail (ov_person_get_id (person) == 0, FALSE);

  if (!ov_person_validate (person, error))
    return FALSE;

  tidy (person);
  now = ov_store_now_utc ();

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (!account_exists (self, ov_person_get_account_id (person), error))
    goto failed;

  stmt = ov_store_prepare (self,
                           "INSERT INTO people (account_id, name, email, side, created_at, "
                           "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                           error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, ov_person_get_account_id (person));
  ov_bind_text (stmt, 2, ov_person_get_name (person));
  ov_bind_text (stmt, 3, ov_person_get_email (person));
  sqlite3_bind_int (stmt, 4, ov_person_get_side (person) == OV_SIDE_CUSTOMER ? 1 : 0);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error))
    goto failed;

  ov_person_set_id (person, sqlite3_last_insert_rowid (ov_store_get_db (self)));
  ov_person_set_version (person, 1);

  if (!write_roles (self, person, error) ||
      !ov_store_transaction_commit (self, error))
    goto failed;

  ov_store_emit_changed (self, "people");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  ov_person_set_id (person, 0);
  return FALSE;
}

gboolean
ov_store_update_person (OvStore   *self,
                        OvPerson  *person,
                        GError   **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_PERSON (person), FALSE);

  if (!ov_person_validate (person, error))
    return FALSE;

  tidy (person);
  now = ov_store_now_utc ();

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  stmt = ov_store_prepare (self,
                           "UPDATE people SET name = ?2, email = ?3, side = ?4, updated_at = ?5, "
                           "version = version + 1 WHERE id = ?1 AND version = ?6",
                           error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, ov_person_get_id (person));
  ov_bind_text (stmt, 2, ov_person_get_name (person));
  ov_bind_text (stmt, 3, ov_person_get_email (person));
  sqlite3_bind_int (stmt, 4, ov_person_get_side (person) == OV_SIDE_CUSTOMER ? 1 : 0);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, ov_person_get_version (person));
  if (!ov_store_step_versioned (self, stmt, OV_ROW_PERSON, ov_person_get_id (person),
                                ov_person_get_version (person), error) ||
      !write_roles (self, person, error) ||
      !ov_store_transaction_commit (self, error))
    goto failed;

  ov_person_set_version (person, ov_person_get_version (person) + 1);

  ov_store_emit_changed (self, "people");
  /* Task lists show role holders' names. */
  ov_store_emit_changed (self, "tasks");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

gboolean
ov_store_delete_person (OvStore   *self,
                        OvPerson  *person,
                        GError   **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_PERSON (person), FALSE);

  if (!ov_store_delete_versioned (self, OV_ROW_PERSON, ov_person_get_id (person),
                                  ov_person_get_version (person), error))
    return FALSE;

  ov_store_emit_changed (self, "people");
  ov_store_emit_changed (self, "tasks");
  return TRUE;
}

OvPerson *
ov_store_resolve_role (OvStore     *self,
                       gint64       account_id,
                       const char  *role,
                       GError     **error)
{
  g_autoptr(OvPerson) person = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (role != NULL, NULL);

  stmt = ov_store_prepare (self,
                           "SELECT p.id, p.account_id, p.name, p.email, p.side, p.version FROM people p "
                           "JOIN person_roles r ON r.person_id = p.id "
                           "WHERE p.account_id = ?1 AND r.role = ?2 ORDER BY p.id LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, account_id);
  ov_bind_text (stmt, 2, role);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = person_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, _("looking up a role"));
      return NULL;
    }

  if (!load_roles (self, person, error))
    return NULL;

  return g_steal_pointer (&person);
}

gboolean
ov_store_person_in_account (OvStore  *self,
                            gint64    person_id,
                            gint64    account_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, "SELECT account_id FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == account_id)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error_literal (error, OV_TASK_ERROR, OV_TASK_ERROR_ASSIGNEE,
                         _("Assignee: this person is not part of the account."));
  else
    ov_store_set_error (self, error, rc, NULL);
  return FALSE;
}
