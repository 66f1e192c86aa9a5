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

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "overture", "overture.db", NULL);
}

int
ov_store_get_latest_version (void)
{
  return (int)ov_schema_n_migrations;
}

static void
set_error_for_path (GError     **error,
                    const char  *path,
                    int          rc,
                    const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);

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

  set_error_for_path (error, self->path, rc, detail);
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
      set_error_for_path (error, self->path, rc, message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
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

gboolean
ov_store_transaction_commit (OvStore  *self,
                             GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

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

  set_error_for_path (error, path, rc, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return FALSE;
}

/* The first look at an existing file happens through a read-only connection,
 * so a file that turns out to be foreign or damaged is never written to. */
static gboolean
inspect_existing (const char  *path,
                  int         *user_version,
                  gboolean     deep,
                  GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int application_id = 0;
  int n_objects = 0;
  int rc;

  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?mode=ro", escaped);

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_path (error, path, rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return FALSE;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

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

  if (deep && n_objects > 0)
    {
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);

      if (rc != SQLITE_ROW)
        {
          set_error_for_path (error, path, rc, sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          sqlite3_close_v2 (db);
          return FALSE;
        }

      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          g_autofree char *detail = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

          sqlite3_finalize (stmt);
          sqlite3_close_v2 (db);
          set_error_for_path (error, path, SQLITE_CORRUPT, detail);
          return FALSE;
        }

      sqlite3_finalize (stmt);
    }

  sqlite3_close_v2 (db);
  return TRUE;
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
      set_error_for_path (error, path, SQLITE_NOTADB, NULL);
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
      set_error_for_path (error, path, SQLITE_READONLY, g_strerror (errno));
      return FALSE;
    }

  /* WAL mode keeps two companion files next to the database. */
  if (g_access (dir, W_OK) != 0)
    {
      g_autofree char *detail = g_strdup_printf (_("its folder is read-only"));

      set_error_for_path (error, path, SQLITE_READONLY, detail);
      return FALSE;
    }

  return TRUE;
}

static gboolean
backup_before_migrating (OvStore     *self,
                         int          from_version,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup_path = NULL;
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

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *detail = g_strdup_printf (_("making the backup “%s” failed: %s"),
                                                 backup_path, sqlite3_errmsg (dest));

      sqlite3_close_v2 (dest);
      g_unlink (backup_path);
      set_error_for_path (error, self->path, rc, detail);
      return FALSE;
    }

  sqlite3_close_v2 (dest);
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
      set_error_for_path (error, self->path, SQLITE_CONSTRAINT_FOREIGNKEY, detail);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_for_path (error, self->path, rc, sqlite3_errmsg (self->db));
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

/* Opens @self->path with the settings every connection needs. */
static gboolean
connect_db (OvStore  *self,
            gboolean  read_only,
            GError  **error)
{
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=%s", escaped, read_only ? "ro" : "rw");
  int rc;

  rc = sqlite3_open_v2 (uri, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_path (error, self->path, rc,
                          self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (read_only)
    return TRUE;

  /* A new file gets 16 KiB pages (an existing one keeps its own): fewer
   * pages to read for the whole portfolio, and to write for a big CSV
   * import. It must come before WAL mode writes the file's header. */
  return ov_store_exec (self, "PRAGMA page_size = 16384", error) &&
         ov_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         ov_store_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         ov_store_exec (self, "PRAGMA foreign_keys = ON", error);
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

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
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
  gboolean empty = TRUE;
  int user_version = 0;

  g_return_val_if_fail (path != NULL, FALSE);

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

OvStore *
ov_store_open (const char  *path,
               GError     **error)
{
  return ov_store_open_full (path, OV_STORE_OPEN_DEFAULT, error);
}

/* Opening never writes to a file before it was found to be an intact
 * Overture database: ov_store_verify() looks first, read-only. */
OvStore *
ov_store_open_full (const char        *path,
                    OvStoreOpenFlags   flags,
                    GError           **error)
{
  g_autoptr(OvStore) self = NULL;
  gboolean read_only = (flags & OV_STORE_OPEN_READ_ONLY) != 0;
  int user_version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (read_only)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist."), display);
          return NULL;
        }
      if (!create_empty_file (path, error))
        return NULL;
    }
  else
    {
      if (!read_only)
        recover_interrupted_write (path);
      if (!ov_store_verify (path, &user_version, (flags & OV_STORE_OPEN_VERIFIED) == 0, error))
        return NULL;
      if (!read_only && !check_writable (path, error))
        return NULL;
    }

  if (read_only && user_version != (int)ov_schema_n_migrations)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_FAILED,
                   _("The database “%s” needs to be upgraded before it can be read."), display);
      return NULL;
    }

  self = g_object_new (OV_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->schema_version = user_version;

  if (!connect_db (self, read_only, error))
    return NULL;

  if (read_only)
    return g_steal_pointer (&self);

  if (user_version < (int)ov_schema_n_migrations)
    {
      if (user_version > 0 && !backup_before_migrating (self, user_version, error))
        return NULL;
      if (!migrate (self, user_version, error))
        return NULL;
    }

  /* Soft-deleted rows only live until the next start (for Undo). */
  ov_store_exec (self, "DELETE FROM accounts WHERE deleted_at IS NOT NULL", NULL);

  /* Stage journey: store the shipped playbook once, purge deleted ones. */
  if (!ov_store_journey_open (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* A second connection to the same, already checked and migrated database,
 * for work in another thread (one connection is never shared by threads). */
OvStore *
ov_store_open_another (OvStore  *self,
                       GError  **error)
{
  g_autoptr(OvStore) other = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  other = g_object_new (OV_TYPE_STORE, NULL);
  other->path = g_strdup (self->path);
  other->schema_version = self->schema_version;

  if (!connect_db (other, FALSE, error))
    return NULL;

  return g_steal_pointer (&other);
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
