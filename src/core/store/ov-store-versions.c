/* ov-store-versions.c — writes that check the version they read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who changed a row is told from what the database keeps: an import sets
 * a row's updated_at to its batch's imported_at and is recorded with the
 * row (import_batch_id for rows it created, import_backups for rows it
 * updated), so a batch not undone whose time is the row's time wrote it
 * last. Anything else was this program, through another window (every
 * connection of the process notes the versions it writes), or another
 * program, such as overture-cli.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-store-private.h"
#include "ov-store-versions.h"

typedef struct
{
  const char *table;
  /* The row's version, and whether it is gone (soft-deleted). */
  const char *state_sql;
  /* Deleting the row read at a version, for rows deleted for good. */
  const char *delete_sql;
  /* The import batch that wrote the row as it is now: source, time. */
  const char *import_sql;
  const char *not_found;
} RowKind;

#define IMPORT_SQL(table, kind) \
  "SELECT b.source, b.imported_at FROM " table " AS r JOIN import_batches AS b " \
  "ON b.kind = '" kind "' AND b.undone_at IS NULL AND b.imported_at = r.updated_at " \
  "AND (b.id = r.import_batch_id OR EXISTS (SELECT 1 FROM import_backups AS k " \
  "  WHERE k.batch_id = b.id AND k.row_id = r.id)) " \
  "WHERE r.id = ?1 ORDER BY b.id DESC LIMIT 1"

static const RowKind row_kinds[] = {
  [OV_ROW_ACCOUNT] = {
    "accounts",
    "SELECT version, deleted_at IS NOT NULL FROM accounts WHERE id = ?1",
    NULL,
    IMPORT_SQL ("accounts", "accounts"),
    N_("This account was deleted after it was opened here."),
  },
  [OV_ROW_PERSON] = {
    "people",
    "SELECT version, 0 FROM people WHERE id = ?1",
    "DELETE FROM people WHERE id = ?1 AND version = ?2",
    IMPORT_SQL ("people", "people"),
    N_("This person was removed after they were opened here."),
  },
  [OV_ROW_TASK] = {
    "tasks",
    "SELECT version, 0 FROM tasks WHERE id = ?1",
    "DELETE FROM tasks WHERE id = ?1 AND version = ?2",
    IMPORT_SQL ("tasks", "tasks"),
    N_("This task was deleted after it was opened here."),
  },
  [OV_ROW_PLAYBOOK] = {
    "playbooks",
    "SELECT version, deleted_at IS NOT NULL FROM playbooks WHERE id = ?1",
    NULL,
    NULL,
    N_("This playbook was deleted after it was opened here."),
  },
  [OV_ROW_MEASUREMENT] = {
    "metric_values",
    "SELECT version, 0 FROM metric_values WHERE id = ?1",
    "DELETE FROM metric_values WHERE id = ?1 AND version = ?2",
    IMPORT_SQL ("metric_values", "metrics"),
    N_("This measurement was removed after it was opened here."),
  },
  [OV_ROW_MEETING] = {
    "meetings",
    "SELECT version, 0 FROM meetings WHERE id = ?1",
    "DELETE FROM meetings WHERE id = ?1 AND version = ?2",
    IMPORT_SQL ("meetings", "meetings"),
    N_("This meeting was removed after it was opened here."),
  },
  [OV_ROW_PACKAGE] = {
    "packages",
    "SELECT version, 0 FROM packages WHERE id = ?1",
    "DELETE FROM packages WHERE id = ?1 AND version = ?2",
    IMPORT_SQL ("packages", "packages"),
    N_("This package was removed after it was opened here."),
  },
  [OV_ROW_QUESTION] = {
    "questions",
    "SELECT version, 0 FROM questions WHERE id = ?1",
    NULL,
    NULL,
    N_("This question was removed after it was opened here."),
  },
  [OV_ROW_INTERVIEW] = {
    "interviews",
    "SELECT version, 0 FROM interviews WHERE id = ?1",
    "DELETE FROM interviews WHERE id = ?1 AND version = ?2",
    IMPORT_SQL ("interviews", "interviews"),
    N_("This interview was deleted after it was opened here."),
  },
  [OV_ROW_CONTENT_ITEM] = {
    "content_items",
    "SELECT version, 0 FROM content_items WHERE id = ?1",
    "DELETE FROM content_items WHERE id = ?1 AND version = ?2",
    IMPORT_SQL ("content_items", "content"),
    N_("This content item was removed after it was opened here."),
  },
};

/* database path + '\n' + row key → the last version this process wrote. */
static GMutex written_lock;
static GHashTable *written;

static char *
written_key (OvStore    *self,
             const char *key)
{
  return g_strconcat (ov_store_get_path (self), "\n", key, NULL);
}

void
ov_store_note_written (OvStore    *self,
                       const char *key,
                       gint64      version)
{
  if (ov_store_defer_written (self, key, version))
    return;

  g_mutex_lock (&written_lock);
  if (written == NULL)
    written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (written, written_key (self, key), g_memdup2 (&version, sizeof version));
  g_mutex_unlock (&written_lock);
}

static gboolean
wrote (OvStore    *self,
       const char *key,
       gint64      version)
{
  g_autofree char *full_key = written_key (self, key);
  gboolean found = FALSE;
  gint64 *noted;

  g_mutex_lock (&written_lock);
  noted = written != NULL ? g_hash_table_lookup (written, full_key) : NULL;
  found = noted != NULL && *noted == version;
  g_mutex_unlock (&written_lock);
  return found;
}

gboolean
ov_store_set_conflict (OvStore     *self,
                       const char  *key,
                       gint64       stored_version,
                       GError     **error)
{
  if (wrote (self, key, stored_version))
    g_set_error_literal (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT,
                         _("Another Overture window changed this after it was opened here."));
  else
    g_set_error_literal (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT,
                         _("Another program, such as overture-cli, changed this after it was "
                           "opened here."));
  return FALSE;
}

/* Local time, to the minute: how the user would remember the import. */
static char *
format_when (const char *stored)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (stored, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (stored);
}

static gboolean
set_import_conflict (OvStore       *self,
                     const RowKind *kind,
                     gint64         id,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *source = NULL;
  g_autofree char *when = NULL;

  if (kind->import_sql == NULL || (stmt = ov_store_prepare (self, kind->import_sql, NULL)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = ov_column_text (stmt, 0);

      source = name[0] != '\0' ? g_path_get_basename (name) : g_strdup (_("a CSV file"));
      when = format_when (ov_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (source == NULL)
    return FALSE;

  /* Translators: the file imported, then when: "The import of “crm.csv” on
   * 2026-12-03 10:15 changed …" */
  g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT,
               _("The import of “%s” on %s changed this after it was opened here."),
               source, when);
  return TRUE;
}

gboolean
ov_store_step_versioned (OvStore       *self,
                         sqlite3_stmt  *stmt,
                         OvRowKind      kind_id,
                         gint64         id,
                         gint64         version,
                         GError       **error)
{
  const RowKind *kind;
  g_autofree char *key = NULL;
  sqlite3_stmt *state;
  gint64 stored_version = 0;
  gboolean gone = TRUE;
  int rc;

  g_return_val_if_fail (kind_id < G_N_ELEMENTS (row_kinds), FALSE);

  kind = &row_kinds[kind_id];
  key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, kind->table, id);

  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (ov_store_get_db (self)) > 0)
    {
      ov_store_note_written (self, key, version + 1);
      return TRUE;
    }

  state = ov_store_prepare (self, kind->state_sql, error);
  if (state == NULL)
    return FALSE;

  sqlite3_bind_int64 (state, 1, id);
  rc = sqlite3_step (state);
  if (rc == SQLITE_ROW)
    {
      stored_version = sqlite3_column_int64 (state, 0);
      gone = sqlite3_column_int (state, 1) != 0;
    }
  sqlite3_reset (state);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }

  if (gone)
    {
      g_set_error_literal (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                           g_dgettext (GETTEXT_PACKAGE, kind->not_found));
      return FALSE;
    }

  /* The row is there: a versioned write that missed it met a newer one. */
  if (stored_version == version)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_FAILED,
                   "Row %s was not written although its version is current", key);
      return FALSE;
    }

  if (set_import_conflict (self, kind, id, error))
    return FALSE;

  return ov_store_set_conflict (self, key, stored_version, error);
}

gboolean
ov_store_delete_versioned (OvStore    *self,
                           OvRowKind   kind_id,
                           gint64      id,
                           gint64      version,
                           GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (kind_id < G_N_ELEMENTS (row_kinds), FALSE);
  g_return_val_if_fail (row_kinds[kind_id].delete_sql != NULL, FALSE);

  stmt = ov_store_prepare (self, row_kinds[kind_id].delete_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, version);
  return ov_store_step_versioned (self, stmt, kind_id, id, version, error);
}
