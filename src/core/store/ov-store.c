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
#include "ov-store-private.h"
#include "ov-store-versions.h"

/* "OVTR": marks a file as ours, so another program's SQLite file is refused. */
#define OV_APPLICATION_ID 0x4F565452
#define BUSY_TIMEOUT_MS 3000

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
  /* Opened with OV_STORE_OPEN_CHECK_LATER: the pages are not checked yet */
  gboolean      unchecked;
  OvStoreCheck *check;
  GError       *check_error;
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

  /* A check still running reads with a connection of its own. */
  if (self->check != NULL)
    ov_store_check_finish (g_steal_pointer (&self->check), NULL);
  g_clear_error (&self->check_error);
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

void
ov_store_set_error (OvStore     *self,
                    GError     **error,
                    int          rc,
                    const char  *doing)
{
  g_autofree char *detail = NULL;

  g_return_if_fail (OV_IS_STORE (self));

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

/* A date as stored, ISO 8601; NULL for none. Written by hand: the
 * import binds a million of them. */
void
ov_bind_date (sqlite3_stmt *stmt,
              int           index,
              OvDate        date)
{
  char text[10];
  int year, month, day;

  if (!ov_date_to_ymd (date, &year, &month, &day))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  text[0] = '0' + year / 1000;
  text[1] = '0' + year / 100 % 10;
  text[2] = '0' + year / 10 % 10;
  text[3] = '0' + year % 10;
  text[4] = '-';
  text[5] = '0' + month / 10;
  text[6] = '0' + month % 10;
  text[7] = '-';
  text[8] = '0' + day / 10;
  text[9] = '0' + day % 10;
  sqlite3_bind_text (stmt, index, text, 10, SQLITE_TRANSIENT);
}

void
ov_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
ov_bind_text_or_null (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
ov_column_text (sqlite3_stmt *stmt,
                int           index)
{
  const unsigned char *text = sqlite3_column_text (stmt, index);

  return text ? (const char *)text : "";
}

char *
ov_store_now_utc (void)
{
  return ov_store_format_utc (g_get_real_time () / G_USEC_PER_SEC);
}

/* Unix seconds as the stored timestamps are written: ISO 8601, UTC. */
char *
ov_store_format_utc (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
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
 * For a store opened with %OV_STORE_OPEN_CHECK_LATER: waits for the check
 * of every page of the file, which began when it was opened, and says how
 * it went. Every later call says the same. %TRUE at once for any
 * other store.
 *
 * Returns: %FALSE with @error set when the file is damaged
 */
gboolean
ov_store_wait_checked (OvStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  if (!self->unchecked)
    return TRUE;

  if (self->check_error == NULL)
    {
      if (self->check == NULL)
        self->check = ov_store_check_start (self);
      if (ov_store_check_finish (g_steal_pointer (&self->check), &self->check_error))
        {
          self->unchecked = FALSE;
          return TRUE;
        }
    }

  g_propagate_error (error, g_error_copy (self->check_error));
  return FALSE;
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

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  ov_store_set_path_error (error, path, rc, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return FALSE;
}

/* The settings every connection gets, whatever it is for. A database file
 * is data from anywhere: nothing in its schema may run functions with side
 * effects (trusted_schema off), and no statement may corrupt it on purpose
 * (defensive). */
static void
configure_connection (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
}

/* @path is absolute (see ov_store_resolve_path()): a relative one would be
 * read by SQLite as a URI of its own, ":memory:" as no file at all. */
static int
open_uri (const char  *path,
          const char  *parameters,
          int          flags,
          sqlite3    **db)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?%s", escaped, parameters);
  int rc;

  g_assert (g_path_is_absolute (path));

  *db = NULL;
  rc = sqlite3_open_v2 (uri, db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (*db != NULL)
    configure_connection (*db);

  return rc;
}

static int
probe (sqlite3 *db)
{
  return sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
}

/* Byte 18 of the header is 2 in a file in WAL mode. */
static gboolean
header_says_wal (const char *path)
{
  guchar header[100];
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  close (fd);

  return n == (ssize_t)sizeof header && header[18] == 2;
}

/* A connection that reads and changes no byte of the database or its -wal
 * and -shm files, and does not wait for a writer in WAL mode.
 *
 * A plain read-only connection is not enough: it creates -wal and -shm
 * when they are missing and leaves them behind, and it writes its reader
 * mark into -shm. So: with a -wal present (another connection is open, or
 * one ended abruptly), -shm is opened read-only too; with none (nobody has
 * the file open), the connection may write but is told not to, so as the
 * last one out it removes the -wal and -shm it needed, as SQLite always
 * does. Where even that cannot write (a read-only folder), nobody else can
 * change the file either, and it is read as immutable. */
static int
open_reader (const char  *path,
             sqlite3    **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  int rc;

  if (!header_says_wal (path))
    {
      rc = open_uri (path, "mode=ro", SQLITE_OPEN_READONLY, db);
      return rc == SQLITE_OK ? probe (*db) : rc;
    }

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      rc = open_uri (path, "mode=ro&readonly_shm=1", SQLITE_OPEN_READONLY, db);
      if (rc == SQLITE_OK)
        rc = probe (*db);
      if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_CORRUPT)
        return rc;
      /* The last writer left meanwhile and took -shm with it. */
      sqlite3_close_v2 (*db);
    }

  rc = open_uri (path, "mode=rw", SQLITE_OPEN_READWRITE, db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (*db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = probe (*db);
  if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_CORRUPT)
    return rc;

  sqlite3_close_v2 (*db);
  rc = open_uri (path, "mode=ro&immutable=1", SQLITE_OPEN_READONLY, db);
  return rc == SQLITE_OK ? probe (*db) : rc;
}

/* The first look at an existing file happens through a reading connection,
 * so a file that turns out to be foreign or damaged is never written to. */
static gboolean
inspect_existing (const char  *path,
                  int         *user_version,
                  gboolean     deep,
                  GError     **error)
{
  sqlite3 *db = NULL;
  int application_id = 0;
  int n_objects = 0;
  int rc;

  rc = open_reader (path, &db);
  if (rc != SQLITE_OK)
    {
      ov_store_set_path_error (error, path, rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return FALSE;
    }

  if (!query_int (db, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, path, "PRAGMA user_version", user_version, error) ||
      !query_int (db, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }

  if (application_id != OV_APPLICATION_ID && (n_objects > 0 || *user_version != 0))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_OVERTURE,
                   _("“%s” is an SQLite database of another program, not an Overture "
                     "database. It was left as it is; choose another file with --db."),
                   display);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  if (*user_version > (int)ov_schema_n_migrations)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Overture (schema %d; this "
                     "version knows up to %d). Update Overture to open it."),
                   display, *user_version, (int)ov_schema_n_migrations);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  if (deep && n_objects > 0 && !ov_store_check_pages (db, path, error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }

  sqlite3_close_v2 (db);
  return TRUE;
}

/**
 * ov_store_resolve_path:
 * @path: a database file as the user named it (--db, OVERTURE_DB)
 * @exists: (out) (optional): whether there is a file of that name
 * @error: set when @path names something that cannot be a database
 *
 * Makes @path absolute (against the current folder) and refuses a folder
 * or anything else that is not a regular file.
 *
 * Returns: (transfer full) (nullable): the absolute path
 */
char *
ov_store_resolve_path (const char  *path,
                       gboolean    *exists,
                       GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  display = g_filename_display_name (absolute);

  if (exists != NULL)
    *exists = FALSE;

  if (path[0] == '\0' || g_stat (absolute, &st) != 0)
    {
      if (path[0] == '\0' || errno != ENOENT)
        {
          g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_DATABASE,
                       _("“%s” cannot be used as the database: %s"), display,
                       path[0] == '\0' ? _("the name is empty") : g_strerror (errno));
          return NULL;
        }
      return g_steal_pointer (&absolute);
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a folder, not a database file. Name a file, for example "
                     "“%s”."),
                   display, "overture.db");
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a regular file (but a device, pipe or socket), so it "
                     "cannot be the database."),
                   display);
      return NULL;
    }

  if (exists != NULL)
    *exists = TRUE;

  return g_steal_pointer (&absolute);
}

static gboolean
sniff_header (const char  *path,
              gboolean    *empty,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *display = g_filename_display_name (path);
  char header[100];
  GStatBuf st;
  ssize_t n;
  int fd;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a file Overture can open as its database."), display);
      return FALSE;
    }

  *empty = st.st_size == 0;
  if (*empty)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, OV_STORE_ERROR,
                   saved == EACCES ? OV_STORE_ERROR_READ_ONLY : OV_STORE_ERROR_IO,
                   _("Could not read “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (ssize_t)sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      ov_store_set_path_error (error, path, SQLITE_NOTADB, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
create_empty_file (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s” for the database: %s"),
                   dir_display, g_strerror (saved));
      return FALSE;
    }

  /* The portfolio is private: only its owner may read it. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, OV_STORE_ERROR,
                   saved == ENOSPC ? OV_STORE_ERROR_FULL : OV_STORE_ERROR_READ_ONLY,
                   _("Could not create the database “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    {
      ov_store_set_path_error (error, path, SQLITE_READONLY, g_strerror (errno));
      return FALSE;
    }

  /* WAL mode keeps two companion files next to the database. */
  if (g_access (dir, W_OK) != 0)
    {
      g_autofree char *detail = g_strdup_printf (_("its folder is read-only"));

      ov_store_set_path_error (error, path, SQLITE_READONLY, detail);
      return FALSE;
    }

  return TRUE;
}

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

static gboolean
backup_before_migrating (OvStore     *self,
                         int          from_version,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup_path = NULL;
  g_autofree char *earlier = NULL;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  backup_path = g_strdup_printf ("%s.v%d-%s.bak", self->path, from_version, stamp);
  for (guint i = 2; g_file_test (backup_path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (backup_path);
      backup_path = g_strdup_printf ("%s.v%d-%s-%u.bak", self->path, from_version, stamp, i);
    }

  if (!create_empty_file (backup_path, error))
    return FALSE;

  rc = open_uri (backup_path, "mode=rw", SQLITE_OPEN_READWRITE, &dest);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
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
      ov_store_set_path_error (error, self->path, rc, detail);
      return FALSE;
    }

  sqlite3_close_v2 (dest);

  earlier = find_identical_backup (self->path, from_version, backup_path);
  if (earlier != NULL)
    {
      g_unlink (backup_path);
      g_message ("Schema version %d is already backed up in %s", from_version, earlier);
      self->backup_path = g_steal_pointer (&earlier);
      return TRUE;
    }

  g_message ("Backed up schema version %d to %s before migrating", from_version, backup_path);
  self->backup_path = g_steal_pointer (&backup_path);

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
      ov_store_set_path_error (error, self->path, SQLITE_CONSTRAINT_FOREIGNKEY, detail);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ov_store_set_path_error (error, self->path, rc, sqlite3_errmsg (self->db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (OvStore  *self,
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

  self->schema_version = ov_schema_n_migrations;
  return TRUE;
}

/* Opens @self->path; a writing connection gets foreign keys here and its
 * journal settings from set_up_writer(), after any migration. */
static gboolean
connect_db (OvStore  *self,
            GError  **error)
{
  int rc;

  if (self->read_only)
    rc = open_reader (self->path, &self->db);
  else
    rc = open_uri (self->path, "mode=rw", SQLITE_OPEN_READWRITE, &self->db);

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

/* A CSV import killed in the middle leaves a rollback journal behind (it
 * writes without WAL when it has the file to itself). SQLite replays such
 * a journal on the next read-write open, which the read-only first look
 * cannot do: replay it here, but only in a file that says it is ours. */
static void
recover_interrupted_write (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guchar header[100];
  sqlite3 *db = NULL;
  GStatBuf st;
  ssize_t n;
  int fd;

  if (g_stat (journal, &st) != 0 || st.st_size == 0)
    return;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  n = read (fd, header, sizeof header);
  close (fd);

  /* The application id is stored big-endian at offset 68. */
  if (n < (ssize_t)sizeof header ||
      (guint32)((header[68] << 24) | (header[69] << 16) | (header[70] << 8) | header[71]) !=
        OV_APPLICATION_ID)
    return;

  if (open_uri (path, "mode=rw", SQLITE_OPEN_READWRITE, &db) == SQLITE_OK)
    {
      /* No waiting: a live import holds its lock, and then nothing needs
       * recovering. */
      sqlite3_busy_timeout (db, 0);
      probe (db);
    }
  sqlite3_close_v2 (db);
}

static gboolean
verify_resolved (const char  *path,
                 int         *schema_version,
                 gboolean     deep,
                 GError     **error)
{
  gboolean empty = TRUE;
  int user_version = 0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!sniff_header (path, &empty, error))
        return FALSE;
      if (!empty && !inspect_existing (path, &user_version, deep, error))
        return FALSE;
    }

  if (schema_version != NULL)
    *schema_version = user_version;

  return TRUE;
}

/**
 * ov_store_verify:
 * @path: a database file
 * @schema_version: (out) (optional): its schema version (0 for a new file)
 * @deep: also run SQLite's quick_check over every page
 *
 * Looks at @path without changing it: whether it is an Overture database
 * this version can open, and (with @deep) whether it is intact. A missing
 * or empty file passes as version 0.
 */
gboolean
ov_store_verify (const char  *path,
                 int         *schema_version,
                 gboolean     deep,
                 GError     **error)
{
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  absolute = ov_store_resolve_path (path, NULL, error);
  if (absolute == NULL)
    return FALSE;

  return verify_resolved (absolute, schema_version, deep, error);
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
      if (!create_empty_file (absolute, error))
        return NULL;
    }
  else
    {
      /* Even for reading: a file with a hot journal holds a half-written
       * change, and rolling it back (what any SQLite reader must do) is
       * the one write a reading command makes. */
      recover_interrupted_write (absolute);
      if (!verify_resolved (absolute, &user_version,
                            (flags & OV_STORE_OPEN_VERIFIED) == 0 && !check_later, error))
        return NULL;
      /* A migration rewrites the file, and a switch to WAL its header:
       * the pages are checked before. */
      if (check_later && user_version > 0 &&
          (user_version < (int)ov_schema_n_migrations || !header_says_wal (absolute)))
        {
          if (!verify_resolved (absolute, NULL, TRUE, error))
            return NULL;
          check_later = FALSE;
        }
      if (!read_only && !check_writable (absolute, error))
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
  self->unchecked = check_later && user_version > 0;

  if (!connect_db (self, error))
    return NULL;
  if (self->unchecked)
    self->check = ov_store_check_start (self);

  if (read_only)
    return g_steal_pointer (&self);

  /* A new file gets 16 KiB pages (an existing one keeps its own): fewer
   * pages to read for the whole portfolio, and to write for a big CSV
   * import. It must come before anything is written. */
  if (user_version == 0 && !ov_store_exec (self, "PRAGMA page_size = 16384", error))
    return NULL;

  if (user_version < (int)ov_schema_n_migrations)
    {
      if (user_version > 0 && !backup_before_migrating (self, user_version, error))
        return NULL;
      if (!migrate (self, user_version, error))
        return NULL;
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

  rc = open_uri (other->path, "mode=ro", SQLITE_OPEN_READONLY, &other->db);
  if (rc == SQLITE_OK)
    rc = probe (other->db);
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

  for (guint i = 0; i < G_N_ELEMENTS (purges); i++)
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
      configure_connection (fresh);
      for (guint i = 0; rc == SQLITE_OK && i < ov_schema_n_migrations; i++)
        rc = sqlite3_exec (fresh, ov_schema_migrations[i], NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      ov_store_set_path_error (error, self->path, rc,
                               fresh ? sqlite3_errmsg (fresh) : sqlite3_errstr (rc));
      sqlite3_close_v2 (fresh);
      return NULL;
    }

  ok = collect_objects (fresh, self->path, ours, NULL, error);
  sqlite3_close_v2 (fresh);
  if (!ok || !collect_objects (self->db, self->path, NULL, found, error))
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

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
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

char *
ov_store_get_setting (OvStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  ov_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *value = g_strdup (ov_column_text (stmt, 0));

      sqlite3_reset (stmt);
      return value;
    }

  sqlite3_reset (stmt);
  return NULL;
}

gboolean
ov_store_set_setting (OvStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  stmt = ov_store_prepare (self,
                           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_bind_text (stmt, 1, key);
  ov_bind_text (stmt, 2, value);

  return ov_store_step_done (self, stmt, error);
}
