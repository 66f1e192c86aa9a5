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

#include "ov-store-check.h"

struct _OvStoreCheck
{
  GThread *thread;
  OvStore *reader;
  GError  *error;
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

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      ov_store_set_path_error (error, path, rc, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    detail = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

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

  ov_store_check_pages (ov_store_get_db (self->reader), path, &self->error);
  /* Closed here, so that the file is no longer read from the moment the
   * check ends: a writer waiting to write its pages goes on at once. */
  g_clear_object (&self->reader);

  return NULL;
}

/* Starts checking the database @store is connected to, from a thread with
 * a connection of its own that reads what is committed. */
OvStoreCheck *
ov_store_check_start (OvStore *store)
{
  OvStoreCheck *self = g_new0 (OvStoreCheck, 1);

  self->reader = ov_store_open_reader (store, &self->error);
  if (self->reader != NULL)
    self->thread = g_thread_new ("ov-store-check", check_thread, self);

  return self;
}

/* Waits for the check to end and frees it: FALSE with @error set when the
 * file is damaged or could not be read. */
gboolean
ov_store_check_finish (OvStoreCheck  *self,
                       GError       **error)
{
  gboolean ok;

  if (self->thread != NULL)
    g_thread_join (self->thread);

  ok = self->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self->error));

  g_clear_object (&self->reader);
  g_free (self);
  return ok;
}
