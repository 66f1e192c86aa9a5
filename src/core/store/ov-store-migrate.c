/* ov-store-migrate.c — bringing an older database to the current schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One backup of the file as it was is kept (an identical earlier one is
 * reused), then every migration from its version on runs in one
 * transaction with the foreign keys checked before the commit.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ov-store-file.h"

static gboolean
files_equal (const char *a,
             const char *b)
{
  g_autoptr(GMappedFile) first = g_mapped_file_new (a, FALSE, NULL);
  g_autoptr(GMappedFile) second = NULL;

  if (first == NULL)
    return FALSE;
  second = g_mapped_file_new (b, FALSE, NULL);
  if (second == NULL)
    return FALSE;

  return g_mapped_file_get_length (first) == g_mapped_file_get_length (second) &&
         (g_mapped_file_get_length (first) == 0 ||
          memcmp (g_mapped_file_get_contents (first), g_mapped_file_get_contents (second),
                  g_mapped_file_get_length (first)) == 0);
}

/* A migration that fails leaves the file as it was; opening it again must
 * not pile up one more full-size copy each time. */
static char *
find_identical_backup (const char *path,
                       int         from_version,
                       const char *fresh)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf ("%s.v%d-", base, from_version);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *candidate = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".bak"))
        continue;

      candidate = g_build_filename (dir_name, name, NULL);
      if (g_strcmp0 (candidate, fresh) != 0 && files_equal (candidate, fresh))
        return g_steal_pointer (&candidate);
    }

  return NULL;
}

gboolean
ov_store_backup_before_migrating (OvStore     *self,
                                  int          from_version,
                                  char       **kept,
                                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup_path = NULL;
  g_autofree char *earlier = NULL;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  backup_path = g_strdup_printf ("%s.v%d-%s.bak", ov_store_get_path (self), from_version, stamp);
  for (guint i = 2; g_file_test (backup_path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (backup_path);
      backup_path = g_strdup_printf ("%s.v%d-%s-%u.bak", ov_store_get_path (self), from_version,
                                     stamp, i);
    }

  if (!ov_store_create_empty_file (backup_path, error))
    return FALSE;

  rc = ov_store_open_uri (backup_path, "mode=rw", SQLITE_OPEN_READWRITE, &dest);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", ov_store_get_db (self), "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* Anything but DONE (busy, locked, a full disk) is a copy that
           * stopped part of the way. */
          int step = sqlite3_backup_step (backup, -1);

          rc = sqlite3_backup_finish (backup);
          if (step != SQLITE_DONE)
            rc = step;
        }
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *detail = g_strdup_printf (_("making the backup “%s” failed: %s"),
                                                 backup_path, sqlite3_errstr (rc));

      sqlite3_close_v2 (dest);
      g_unlink (backup_path);
      ov_store_set_path_error (error, ov_store_get_path (self), rc, detail);
      return FALSE;
    }

  sqlite3_close_v2 (dest);

  earlier = find_identical_backup (ov_store_get_path (self), from_version, backup_path);
  if (earlier != NULL)
    {
      g_unlink (backup_path);
      g_message ("Schema version %d is already backed up in %s", from_version, earlier);
      *kept = g_steal_pointer (&earlier);
      return TRUE;
    }

  g_message ("Backed up schema version %d to %s before migrating", from_version, backup_path);
  *kept = g_steal_pointer (&backup_path);

  return TRUE;
}

/* Every reference still points at a row after a migration's rebuild. */
static gboolean
check_foreign_keys (OvStore  *self,
                    GError  **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (self, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *detail =
        g_strdup_printf (_("a row of “%s” refers to a missing row of “%s”"),
                         (const char *)sqlite3_column_text (stmt, 0),
                         (const char *)sqlite3_column_text (stmt, 2));

      sqlite3_reset (stmt);
      ov_store_set_path_error (error, ov_store_get_path (self), SQLITE_CONSTRAINT_FOREIGNKEY,
                               detail);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ov_store_set_path_error (error, ov_store_get_path (self), rc,
                               sqlite3_errmsg (ov_store_get_db (self)));
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_store_migrate (OvStore  *self,
                  int       from_version,
                  GError  **error)
{
  g_autofree char *pragma = NULL;
  gboolean ok;

  /* Migrations rebuild tables; with foreign keys on, dropping the old one
   * would cascade into its children. The pragma only takes effect outside
   * a transaction, and the keys are checked before the commit instead. */
  if (!ov_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  ok = ov_store_transaction_begin (self, error);
  for (guint i = from_version; ok && i < ov_schema_n_migrations; i++)
    ok = ov_store_exec (self, ov_schema_migrations[i], error);

  if (ok)
    {
      pragma = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d;",
                                ov_schema_n_migrations, OV_APPLICATION_ID);
      ok = check_foreign_keys (self, error) &&
           ov_store_exec (self, pragma, error) &&
           ov_store_transaction_commit (self, error);
    }
  if (!ok)
    ov_store_transaction_rollback (self);

  /* Back on whatever happened: the connection lives on after a refusal. */
  if (!ov_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    return FALSE;
  if (!ok)
    return FALSE;

  return TRUE;
}
