/* ov-store-check.c — SQLite's check of every page of a database, before
 * opening it or beside a long write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A damaged file is refused before anything is committed to it. Checking
 * every page (PRAGMA quick_check) of a large portfolio takes a while, so a
 * command that opens the file for one big transaction (a CSV import) can
 * run the check in a thread, on a connection that only reads, while the
 * transaction is being built: the store's commit waits for it and rolls
 * back when it failed (see OV_STORE_OPEN_CHECK_LATER).
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-store-check.h"
#include "ov-store-file.h"

/* Shared by every connection of one opening (ov_store_open_another() hands
 * it on), so that a write on any of them waits for the same check; the
 * check runs once, in its own thread. */
struct _OvStoreCheck
{
  gatomicrefcount  ref_count;
  GThread         *thread;
  GMutex           mutex;
  GCond            cond;
  OvStore         *reader;   /* under mutex: what interrupts the check */
  gboolean         deferred; /* under mutex: not begun until waited for */
  gboolean         stopped;  /* under mutex: the last reference is gone */
  gboolean         done;     /* under mutex */
  GError          *error;    /* set before done, read only after it */
};

/* Runs quick_check on @db, the connection to @path: TRUE when every page
 * is sound. */
gboolean
ov_store_check_pages (sqlite3     *db,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The check is of the pages. A connection that may write also has the
   * tables' CHECK constraints, and quick_check would evaluate them on every
   * row (some 40% more work on a large portfolio); one opened read-only has
   * none. Which one checks depends on whether another program has the file
   * open, so the constraints are left out either way: every write is held
   * to them already. */
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      ov_store_set_path_error (error, path, rc, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      sqlite3_exec (db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
      return FALSE;
    }

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    detail = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);

  if (detail != NULL)
    {
      ov_store_set_path_error (error, path, SQLITE_CORRUPT, detail);
      return FALSE;
    }

  return TRUE;
}

static gpointer
check_thread (gpointer data)
{
  OvStoreCheck *self = data;
  g_autofree char *path = g_strdup (ov_store_get_path (self->reader));
  g_autoptr(OvStore) reader = NULL;
  GError *error = NULL;
  gboolean stopped;

  g_mutex_lock (&self->mutex);
  while (self->deferred)
    g_cond_wait (&self->cond, &self->mutex);
  stopped = self->stopped;
  g_mutex_unlock (&self->mutex);

  /* The check reads each page once: a small cache does, and the app is
   * showing the portfolio meanwhile. A deferred check whose opening is
   * given up before anything waited for it does not begin at all. */
  if (stopped)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The check was not begun");
  else
    {
      sqlite3_exec (ov_store_get_db (self->reader), "PRAGMA cache_size = -256", NULL, NULL,
                    NULL);
      ov_store_check_pages (ov_store_get_db (self->reader), path, &error);
    }

  /* Closed here, so that the file is no longer read from the moment the
   * check ends: a writer waiting to write its pages goes on at once. */
  g_mutex_lock (&self->mutex);
  reader = g_steal_pointer (&self->reader);
  self->error = error;
  self->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  return NULL;
}

/* Starts checking the database @store is connected to, from a thread with
 * a connection of its own that reads what is committed; when @deferred,
 * the thread waits for the first ov_store_check_wait() to begin. */
OvStoreCheck *
ov_store_check_start (OvStore  *store,
                      gboolean  deferred)
{
  OvStoreCheck *self = g_new0 (OvStoreCheck, 1);
  GError *error = NULL;

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->deferred = deferred;

  self->reader = ov_store_open_reader (store, &error);
  if (self->reader != NULL)
    {
      self->thread = g_thread_new ("ov-store-check", check_thread, self);
    }
  else
    {
      self->error = error;
      self->done = TRUE;
    }

  return self;
}

OvStoreCheck *
ov_store_check_ref (OvStoreCheck *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/* The last reference stops a check still running (nobody can write to the
 * file through this opening any more) and waits for its thread. */
void
ov_store_check_unref (OvStoreCheck *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_mutex_lock (&self->mutex);
  if (self->reader != NULL)
    sqlite3_interrupt (ov_store_get_db (self->reader));
  self->stopped = TRUE;
  self->deferred = FALSE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (self->thread != NULL)
    g_thread_join (self->thread);

  g_clear_error (&self->error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

/* Whether the check has ended; it does not wait. */
gboolean
ov_store_check_is_done (OvStoreCheck *self)
{
  gboolean done;

  g_mutex_lock (&self->mutex);
  done = self->done;
  g_mutex_unlock (&self->mutex);

  return done;
}

/* Waits for the check to end (begins a deferred one), from any thread:
 * FALSE with @error set when the file is damaged or could not be read.
 * Every call says the same. */
gboolean
ov_store_check_wait (OvStoreCheck  *self,
                     GError       **error)
{
  g_mutex_lock (&self->mutex);
  if (self->deferred)
    {
      self->deferred = FALSE;
      g_cond_broadcast (&self->cond);
    }
  while (!self->done)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
collect_objects (sqlite3     *db,
                 const char  *path,
                 GHashTable  *into,
                 GPtrArray   *in_order,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* sqlite_* objects (automatic indexes, sqlite_sequence, statistics) are
   * SQLite's own. */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name FROM sqlite_schema "
                           "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
                           -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = g_strdup_printf ("%s %s", (const char *)sqlite3_column_text (stmt, 0),
                                   (const char *)sqlite3_column_text (stmt, 1));

      if (in_order != NULL)
        g_ptr_array_add (in_order, key);
      else
        g_hash_table_add (into, key);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_path_error (error, path, rc, sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/**
 * ov_store_list_foreign_objects:
 *
 * The tables, indexes, views and triggers in the file that Overture's
 * migrations did not create (a trigger added by another program runs on
 * every import). What Overture creates is found by running the migrations
 * on an empty in-memory database, so this list never falls behind them.
 *
 * Returns: (transfer full) (element-type utf8): "type name" of each, or
 *   %NULL with @error set
 */
GPtrArray *
ov_store_list_foreign_objects (OvStore  *self,
                               GError  **error)
{
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) foreign = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *fresh = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  rc = sqlite3_open_v2 (":memory:", &fresh, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      ov_store_configure_connection (fresh);
      for (guint i = 0; rc == SQLITE_OK && i < ov_schema_n_migrations; i++)
        rc = sqlite3_exec (fresh, ov_schema_migrations[i], NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      ov_store_set_path_error (error, ov_store_get_path (self), rc,
                               fresh ? sqlite3_errmsg (fresh) : sqlite3_errstr (rc));
      sqlite3_close_v2 (fresh);
      return NULL;
    }

  ok = collect_objects (fresh, ov_store_get_path (self), ours, NULL, error);
  sqlite3_close_v2 (fresh);
  if (!ok ||
      !collect_objects (ov_store_get_db (self), ov_store_get_path (self), NULL, found, error))
    return NULL;

  for (guint i = 0; i < found->len; i++)
    if (!g_hash_table_contains (ours, found->pdata[i]))
      g_ptr_array_add (foreign, g_strdup (found->pdata[i]));

  return g_steal_pointer (&foreign);
}

gboolean
ov_store_check (OvStore  *self,
                char    **report,
                GError  **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (ov_store_get_db (self), "PRAGMA integrity_check", -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        ok = FALSE;
      g_string_append_printf (out, "%s\n", line);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }

  if (report != NULL)
    *report = g_string_free (g_steal_pointer (&out), FALSE);

  return ok;
}
