/* ov-store-file.c — the database file before a connection is made: where it
 * is, whether it is an intact Overture database, a change left half done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here looks at the file read-only first, so that a file of
 * another program, a damaged one, or one written by a newer Overture is
 * refused before any byte of it changes.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ov-store-check.h"
#include "ov-store-file.h"

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
void
ov_store_configure_connection (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, OV_STORE_BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  ov_store_register_functions (db);
}

/* @path is absolute (see ov_store_resolve_path()): a relative one would be
 * read by SQLite as a URI of its own, ":memory:" as no file at all. */
int
ov_store_open_uri (const char  *path,
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
    ov_store_configure_connection (*db);

  return rc;
}

int
ov_store_probe (sqlite3 *db)
{
  return sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
}

/* Byte 18 of the header is 2 in a file in WAL mode. */
gboolean
ov_store_header_says_wal (const char *path)
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
int
ov_store_open_read_only (const char  *path,
                         sqlite3    **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  int rc;

  if (!ov_store_header_says_wal (path))
    {
      rc = ov_store_open_uri (path, "mode=ro", SQLITE_OPEN_READONLY, db);
      return rc == SQLITE_OK ? ov_store_probe (*db) : rc;
    }

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      rc = ov_store_open_uri (path, "mode=ro&readonly_shm=1", SQLITE_OPEN_READONLY, db);
      if (rc == SQLITE_OK)
        rc = ov_store_probe (*db);
      if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_CORRUPT)
        return rc;
      /* The last writer left meanwhile and took -shm with it. */
      sqlite3_close_v2 (*db);
    }

  rc = ov_store_open_uri (path, "mode=rw", SQLITE_OPEN_READWRITE, db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (*db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = ov_store_probe (*db);
  if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_CORRUPT)
    return rc;

  sqlite3_close_v2 (*db);
  rc = ov_store_open_uri (path, "mode=ro&immutable=1", SQLITE_OPEN_READONLY, db);
  return rc == SQLITE_OK ? ov_store_probe (*db) : rc;
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

  rc = ov_store_open_read_only (path, &db);
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

gboolean
ov_store_create_empty_file (const char  *path,
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

gboolean
ov_store_check_writable (const char  *path,
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

/* A CSV import killed in the middle leaves a rollback journal behind (it
 * writes without WAL when it has the file to itself). SQLite replays such
 * a journal on the next read-write open, which the read-only first look
 * cannot do: replay it here, but only in a file that says it is ours. */
void
ov_store_recover_interrupted_write (const char *path)
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

  if (ov_store_open_uri (path, "mode=rw", SQLITE_OPEN_READWRITE, &db) == SQLITE_OK)
    {
      /* No waiting: a live import holds its lock, and then nothing needs
       * recovering. */
      sqlite3_busy_timeout (db, 0);
      ov_store_probe (db);
    }
  sqlite3_close_v2 (db);
}

gboolean
ov_store_verify_resolved (const char  *path,
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

  return ov_store_verify_resolved (absolute, schema_version, deep, error);
}
