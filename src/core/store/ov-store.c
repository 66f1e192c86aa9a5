/* ov-store.c — the Overture database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ov-journey-private.h"
#include "ov-store-check.h"
#include "ov-store-file.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"


struct _OvStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;
  GHashTable *statements;
  GHashTable *pending_changes;
  /* Versions written inside the open transaction: row key → gint64, told
   * to ov_store_note_written() only once they are committed. */
  GHashTable *pending_written;
  int         schema_version;
  guint       depth;
  gboolean    read_only;
  /* Opened with OV_STORE_OPEN_CHECK_LATER (or another connection of such
   * a store): the check of the pages, which every commit waits for */
  OvStoreCheck *check;
};

G_DEFINE_FINAL_TYPE (OvStore, ov_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (ov-store-error-quark, ov_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
ov_store_finalize (GObject *object)
{
  OvStore *self = (OvStore *)object;

  /* Closing the last connection folds the write-ahead log into the file:
   * not into a file that was not found sound (the log may be an earlier
   * session's). A check still running reads with a connection of its own. */
  if (self->check != NULL && self->db != NULL &&
      !(ov_store_check_is_done (self->check) && ov_store_check_wait (self->check, NULL)))
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_clear_pointer (&self->check, ov_store_check_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);
  g_clear_pointer (&self->pending_written, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (ov_store_parent_class)->finalize (object);
}

static void
ov_store_class_init (OvStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_store_finalize;

  /**
   * OvStore::changed:
   * @what: the kind of rows that changed ("accounts", "tasks", …)
   *
   * Emitted after a committed change, so views can refresh.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ov_store_init (OvStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->pending_changes = g_hash_table_new (g_str_hash, g_str_equal);
  self->pending_written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

char *
ov_store_default_path (void)
{
  const char *env = g_getenv ("OVERTURE_DB");

  /* Made absolute here: the path becomes a URI, where a relative name
   * like ":memory:" means something else entirely. */
  if (env != NULL && env[0] != '\0')
    return g_canonicalize_filename (env, NULL);

  return g_build_filename (g_get_user_data_dir (), "overture", "overture.db", NULL);
}

int
ov_store_get_latest_version (void)
{
  return (int)ov_schema_n_migrations;
}

/* The message for an SQLite error @rc on the file @path: what it means
 * for the user's data, and what to do. */
void
ov_store_set_path_error (GError     **error,
                         const char  *path,
                         int          rc,
                         const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);

  if (rc == SQLITE_READONLY_ROLLBACK)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_INTERRUPTED,
                   _("The database “%s” holds a change that was interrupted (perhaps an "
                     "import that ended abruptly). It was left as it is; open it in Overture "
                     "once to finish recovering it."),
                   display);
      return;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_LOCKED,
                   _("The database “%s” is in use by another program. Close the other "
                     "program (perhaps another Overture) and try again."),
                   display);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). It was left as it is; restore it "
                     "from a backup or open another file with --db."),
                   display, detail);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not an Overture database. It was left as it is; choose "
                     "another file with --db, or move it out of the way."),
                   display);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written (%s). Check the permissions "
                     "of the file and its folder."),
                   display, detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full. Nothing was saved; free some space "
                     "and try again."),
                   display);
      break;

    case SQLITE_IOERR:
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_IO,
                   _("Reading or writing “%s” failed (%s). Nothing was saved."),
                   display, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT,
                   _("The change conflicts with what is stored in “%s” (%s)."),
                   display, detail);
      break;

    default:
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"),
                   display, detail);
      break;
    }
}

/* A write the commit hook turned back (see commit_hook()) because the check
 * of the file failed: @error says what the check found. */
static gboolean
refused_unchecked (OvStore  *self,
                   GError  **error)
{
  return self->check != NULL &&
         sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_COMMITHOOK &&
         !ov_store_check_wait (self->check, error);
}

void
ov_store_set_error (OvStore     *self,
                    GError     **error,
                    int          rc,
                    const char  *doing)
{
  g_autofree char *detail = NULL;

  g_return_if_fail (OV_IS_STORE (self));

  if (refused_unchecked (self, error))
    return;

  if (doing != NULL)
    detail = g_strdup_printf ("%s: %s", doing, sqlite3_errmsg (self->db));
  else
    detail = g_strdup (sqlite3_errmsg (self->db));

  ov_store_set_path_error (error, self->path, rc, detail);
}

sqlite3 *
ov_store_get_db (OvStore *self)
{
  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  return self->db;
}

const char *
ov_store_get_path (OvStore *self)
{
  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  return self->path;
}

const char *
ov_store_get_backup_path (OvStore *self)
{
  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  return self->backup_path;
}

int
ov_store_get_schema_version (OvStore *self)
{
  g_return_val_if_fail (OV_IS_STORE (self), 0);

  return self->schema_version;
}

/* Statements are cached by the address of their (static) SQL text, so a
 * hot path pays for sqlite3_prepare only once. */
sqlite3_stmt *
ov_store_prepare (OvStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ov_store_set_error (self, error, rc, NULL);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);

  return stmt;
}

gboolean
ov_store_step_done (OvStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  ov_store_set_error (self, error, rc, NULL);
  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
ov_store_exec (OvStore     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK && refused_unchecked (self, error))
    {
      sqlite3_free (message);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      ov_store_set_path_error (error, self->path, rc,
                               message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* Runs @sql, a query of one row without parameters, for the integer in
 * its first column. The statement is kept (see ov_store_prepare()). */
gboolean
ov_store_query_int64 (OvStore     *self,
                      const char  *sql,
                      gint64      *value,
                      GError     **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Holds back what ov_store_note_written() is told inside a transaction:
 * a version rolled back was never written. FALSE outside one. */
gboolean
ov_store_defer_written (OvStore    *self,
                        const char *key,
                        gint64      version)
{
  if (self->depth == 0)
    return FALSE;

  g_hash_table_insert (self->pending_written, g_strdup (key),
                       g_memdup2 (&version, sizeof version));
  return TRUE;
}

static void
flush_changes (OvStore *self)
{
  g_autofree gpointer *keys = NULL;
  guint n_keys = 0;
  GHashTableIter iter;
  gpointer key, version;

  g_hash_table_iter_init (&iter, self->pending_written);
  while (g_hash_table_iter_next (&iter, &key, &version))
    ov_store_note_written (self, key, *(gint64 *)version);
  g_hash_table_remove_all (self->pending_written);

  keys = g_hash_table_get_keys_as_array (self->pending_changes, &n_keys);
  g_hash_table_remove_all (self->pending_changes);

  for (guint i = 0; i < n_keys; i++)
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (keys[i]), keys[i]);
}

/* Transactions nest: the outermost is a real transaction, inner ones are
 * savepoints, so a helper that needs atomicity works inside a bigger one. */
gboolean
ov_store_transaction_begin (OvStore  *self,
                            GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  /* Not even the write lock is taken on a file still being checked. */
  if (self->depth == 0 && !self->read_only && !ov_store_wait_checked (self, error))
    return FALSE;

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT ov_%u", self->depth);

  if (!ov_store_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

/**
 * ov_store_wait_checked:
 *
 * For a store opened with %OV_STORE_OPEN_CHECK_LATER, or another
 * connection of one: waits for the check of every page of the file, which
 * began when it was opened, and says how it went. Every later call says
 * the same. %TRUE at once for any other store. Any thread may wait.
 *
 * Returns: %FALSE with @error set when the file is damaged
 */
gboolean
ov_store_wait_checked (OvStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  if (self->check == NULL)
    return TRUE;

  return ov_store_check_wait (self->check, error);
}

/* SQLite calls it before each commit of a connection whose file is still
 * being checked, whatever wrote (a transaction, one statement on its own):
 * nothing reaches the file before the check passed, and a failed check
 * turns the commit into a rollback. */
static int
commit_hook (void *data)
{
  OvStore *self = data;

  return ov_store_check_wait (self->check, NULL) ? 0 : 1;
}

/* @self's writes wait for @check (a reference is taken). */
static void
set_check (OvStore      *self,
           OvStoreCheck *check)
{
  self->check = ov_store_check_ref (check);
  sqlite3_commit_hook (self->db, commit_hook, self);
}

gboolean
ov_store_transaction_commit (OvStore  *self,
                             GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* Nothing is committed to a file before its pages were found sound. */
  if (self->depth == 1 && !ov_store_wait_checked (self, error))
    {
      ov_store_transaction_rollback (self);
      return FALSE;
    }

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE ov_%u", self->depth - 1);

  if (!ov_store_exec (self, sql, error))
    {
      ov_store_transaction_rollback (self);
      return FALSE;
    }

  self->depth--;
  if (self->depth == 0)
    flush_changes (self);
  return TRUE;
}

void
ov_store_transaction_rollback (OvStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (OV_IS_STORE (self));

  if (self->depth == 0)
    return;

  self->depth--;
  if (self->depth == 0)
    {
      /* After a failed COMMIT SQLite may already have rolled back. */
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->pending_changes);
      g_hash_table_remove_all (self->pending_written);
      return;
    }

  sql = g_strdup_printf ("ROLLBACK TO ov_%u; RELEASE ov_%u", self->depth, self->depth);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

void
ov_store_emit_changed (OvStore    *self,
                       const char *what)
{
  g_return_if_fail (OV_IS_STORE (self));
  g_return_if_fail (what != NULL);

  /* Inside a transaction nothing is visible yet: tell once, at commit. */
  if (self->depth > 0)
    {
      g_hash_table_add (self->pending_changes, (gpointer)g_intern_string (what));
      return;
    }

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
}

/* Opens @self->path; a writing connection gets foreign keys here and its
 * journal settings from set_up_writer(), after any migration. */
static gboolean
connect_db (OvStore  *self,
            GError  **error)
{
  int rc;

  if (self->read_only)
    rc = ov_store_open_read_only (self->path, &self->db);
  else
    rc = ov_store_open_uri (self->path, "mode=rw", SQLITE_OPEN_READWRITE, &self->db);

  if (rc != SQLITE_OK)
    {
      ov_store_set_path_error (error, self->path, rc,
                               self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  if (self->read_only)
    return TRUE;

  return ov_store_exec (self, "PRAGMA foreign_keys = ON", error);
}

/* WAL lets the app read while the command line writes and the other way
 * round; with WAL, synchronous=NORMAL cannot corrupt the file on a power
 * cut (the last commits may be lost, never the file). Both come after a
 * migration, so a migration that fails leaves an old file in its journal
 * mode, byte for byte as it was. */
static gboolean
set_up_writer (OvStore  *self,
               GError  **error)
{
  return ov_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         ov_store_exec (self, "PRAGMA synchronous = NORMAL", error);
}

OvStore *
ov_store_open (const char  *path,
               GError     **error)
{
  return ov_store_open_full (path, OV_STORE_OPEN_DEFAULT, error);
}

/* Opening never writes to a file before it was found to be an intact
 * Overture database: ov_store_verify() looks first, read-only. A store
 * opened for reading only never writes at all. */
OvStore *
ov_store_open_full (const char        *path,
                    OvStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(OvStore) self = NULL;
  g_autofree char *absolute = NULL;
  gboolean read_only = (flags & OV_STORE_OPEN_READ_ONLY) != 0;
  gboolean check_later = !read_only && (flags & OV_STORE_OPEN_CHECK_LATER) != 0 &&
                         (flags & OV_STORE_OPEN_VERIFIED) == 0;
  gboolean exists = FALSE;
  int user_version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  absolute = ov_store_resolve_path (path, &exists, error);
  if (absolute == NULL)
    return NULL;

  if (!exists)
    {
      if (read_only)
        {
          g_autofree char *display = g_filename_display_name (absolute);

          g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist. Check the name given with --db "
                         "or OVERTURE_DB."),
                       display);
          return NULL;
        }
      if (!ov_store_create_empty_file (absolute, error))
        return NULL;
    }
  else
    {
      /* Even for reading: a file with a hot journal holds a half-written
       * change, and rolling it back (what any SQLite reader must do) is
       * the one write a reading command makes. */
      ov_store_recover_interrupted_write (absolute);
      if (!ov_store_verify_resolved (absolute, &user_version,
                            (flags & OV_STORE_OPEN_VERIFIED) == 0 && !check_later, error))
        return NULL;
      /* A migration rewrites the file, and a switch to WAL its header:
       * the pages are checked before. */
      if (check_later && user_version > 0 &&
          (user_version < (int)ov_schema_n_migrations || !ov_store_header_says_wal (absolute)))
        {
          if (!ov_store_verify_resolved (absolute, NULL, TRUE, error))
            return NULL;
          check_later = FALSE;
        }
      if (!read_only && !ov_store_check_writable (absolute, error))
        return NULL;
    }

  if (read_only && user_version != (int)ov_schema_n_migrations)
    {
      g_autofree char *display = g_filename_display_name (absolute);

      if (user_version == 0)
        g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NEEDS_UPGRADE,
                     _("The database “%s” is empty: it holds no portfolio yet."), display);
      else
        g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NEEDS_UPGRADE,
                     _("The database “%s” was written by an older Overture (schema %d) and "
                       "needs upgrading before it can be read: open it in Overture once. It "
                       "was left as it is."),
                     display, user_version);
      return NULL;
    }

  self = g_object_new (OV_TYPE_STORE, NULL);
  self->path = g_steal_pointer (&absolute);
  self->schema_version = user_version;
  self->read_only = read_only;

  if (!connect_db (self, error))
    return NULL;
  if (check_later && user_version > 0)
    {
      OvStoreCheck *check =
        ov_store_check_start (self, (flags & OV_STORE_OPEN_CHECK_DEFERRED) != 0);

      set_check (self, check);
      ov_store_check_unref (check);
    }

  if (read_only)
    return g_steal_pointer (&self);

  /* A new file gets 16 KiB pages (an existing one keeps its own): fewer
   * pages to read for the whole portfolio, and to write for a big CSV
   * import. It must come before anything is written. */
  if (user_version == 0 && !ov_store_exec (self, "PRAGMA page_size = 16384", error))
    return NULL;

  if (user_version < (int)ov_schema_n_migrations)
    {
      if (user_version > 0 &&
          !ov_store_backup_before_migrating (self, user_version, &self->backup_path, error))
        return NULL;
      if (!ov_store_migrate (self, user_version, error))
        return NULL;
      self->schema_version = ov_schema_n_migrations;
    }

  if (!set_up_writer (self, error))
    return NULL;

  /* Stage journey: store the shipped playbook once. */
  if (!ov_store_journey_open (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* A second connection to the same, already checked and migrated database,
 * for work in another thread (one connection is never shared by threads).
 * It reads only when @self does. */
OvStore *
ov_store_open_another (OvStore  *self,
                       GError  **error)
{
  g_autoptr(OvStore) other = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  other = g_object_new (OV_TYPE_STORE, NULL);
  other->path = g_strdup (self->path);
  other->schema_version = self->schema_version;
  other->read_only = self->read_only;

  if (!connect_db (other, error))
    return NULL;
  /* It writes only once the opening's check passed, like @self. */
  if (self->check != NULL)
    set_check (other, self->check);
  if (!other->read_only && !set_up_writer (other, error))
    return NULL;

  return g_steal_pointer (&other);
}

/* A connection that only reads, to the same database, for a helper thread
 * of work that @self holds the write lock for: it sees what is committed,
 * which is what @self saw before it wrote. It neither waits nor changes a
 * setting of the file (opening another writer would ask for WAL). */
OvStore *
ov_store_open_reader (OvStore  *self,
                      GError  **error)
{
  g_autoptr(OvStore) other = NULL;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  other = g_object_new (OV_TYPE_STORE, NULL);
  other->path = g_strdup (self->path);
  other->schema_version = self->schema_version;
  other->read_only = TRUE;

  rc = ov_store_open_uri (other->path, "mode=ro", SQLITE_OPEN_READONLY, &other->db);
  if (rc == SQLITE_OK)
    rc = ov_store_probe (other->db);
  if (rc != SQLITE_OK)
    {
      ov_store_set_path_error (error, other->path, rc,
                               other->db ? sqlite3_errmsg (other->db) : sqlite3_errstr (rc));
      return NULL;
    }

  return g_steal_pointer (&other);
}

gboolean
ov_store_is_read_only (OvStore *self)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  return self->read_only;
}

/**
 * ov_store_purge_deleted:
 * @deleted_before: Unix seconds; rows deleted at or after it stay
 *
 * Removes for good the accounts and playbooks that were deleted before
 * @deleted_before. The app passes the moment it started, so what a running
 * app (this one or another) deleted keeps its Undo.
 */
gboolean
ov_store_purge_deleted (OvStore  *self,
                        gint64    deleted_before,
                        GError  **error)
{
  return ov_store_purge_deleted_full (self, deleted_before, TRUE, error);
}

/**
 * ov_store_purge_deleted_full:
 * @accounts: whether to look for accounts: FALSE when the caller knows
 *   there are none to remove (see ov_store_list_accounts_noting_purge()),
 *   which spares a pass over the whole table
 *
 * Like ov_store_purge_deleted().
 */
gboolean
ov_store_purge_deleted_full (OvStore  *self,
                             gint64    deleted_before,
                             gboolean  accounts,
                             GError  **error)
{
  static const char * const purges[] = {
    "DELETE FROM accounts WHERE deleted_at < ?1",
    "DELETE FROM playbooks WHERE deleted_at < ?1",
  };
  g_autofree char *before = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);

  before = ov_store_format_utc (deleted_before);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  for (guint i = accounts ? 0 : 1; i < G_N_ELEMENTS (purges); i++)
    {
      sqlite3_stmt *stmt = ov_store_prepare (self, purges[i], error);

      if (stmt == NULL)
        goto failed;
      ov_bind_text (stmt, 1, before);
      if (!ov_store_step_done (self, stmt, error))
        goto failed;
    }

  return ov_store_transaction_commit (self, error);

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}
