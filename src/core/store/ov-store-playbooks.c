/* ov-store-playbooks.c — reading and writing playbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-csv-writer.h"
#include "ov-journey-private.h"
#include "ov-stage.h"
#include "ov-store-content-private.h"
#include "ov-store-playbooks.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

/* Set once the shipped playbook has been stored, so a user who deletes it
 * does not get it back at the next start. */
#define SEEDED_SETTING "journey.default-playbook-seeded"

static gboolean
not_found (GError **error,
           gint64   playbook_id)
{
  g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
               _("There is no playbook number %lld; it may have been deleted."),
               (long long)playbook_id);
  return FALSE;
}

static OvPlaybook *
playbook_from_stmt (sqlite3_stmt *stmt)
{
  OvPlaybook *playbook = ov_playbook_new (ov_column_text (stmt, 1));

  ov_playbook_set_id (playbook, sqlite3_column_int64 (stmt, 0));
  ov_playbook_set_description (playbook, ov_column_text (stmt, 2));
  ov_playbook_set_segment (playbook, ov_column_text (stmt, 3));
  ov_playbook_set_is_default (playbook, sqlite3_column_int (stmt, 4) != 0);
  ov_playbook_set_version (playbook, sqlite3_column_int64 (stmt, 5));
  return playbook;
}

static gboolean
load_tasks (OvStore     *self,
            OvPlaybook  *playbook,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The training comes along, for the editor to show and a file to
   * describe; an item removed meanwhile left NULL behind (a trigger). */
  stmt = ov_store_prepare (self,
                           "SELECT pt.id, pt.stage, pt.title, pt.description, pt.role, "
                           "pt.day_offset, " OV_CONTENT_ITEM_COLUMNS " "
                           "FROM playbook_tasks AS pt "
                           "LEFT JOIN content_items AS i ON i.id = pt.content_id "
                           "WHERE pt.playbook_id = ?1 "
                           "ORDER BY pt.stage, pt.position, pt.id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_playbook_get_id (playbook));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int stage = sqlite3_column_int (stmt, 1);
      g_autoptr(OvPlaybookTask) task = NULL;

      if (!ov_stage_is_valid (stage))
        continue;

      task = ov_playbook_task_new (stage, ov_column_text (stmt, 2), ov_column_text (stmt, 3),
                                   ov_column_text (stmt, 4), sqlite3_column_int (stmt, 5));
      ov_playbook_task_set_id (task, sqlite3_column_int64 (stmt, 0));
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          g_autoptr(OvContentItem) item = ov_store_content_item_from_columns (stmt, 6);

          ov_playbook_task_set_content (task, item);
        }
      ov_playbook_add_task (playbook, task);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading a playbook"));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
ov_store_list_playbooks (OvStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) playbooks = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT id, name, description, segment, is_default, version FROM playbooks "
                           "WHERE deleted_at IS NULL "
                           "ORDER BY is_default DESC, name COLLATE NOCASE, id",
                           error);
  if (stmt == NULL)
    return NULL;

  playbooks = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (playbooks, playbook_from_stmt (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading playbooks"));
      return NULL;
    }

  for (guint i = 0; i < playbooks->len; i++)
    {
      if (!load_tasks (self, g_ptr_array_index (playbooks, i), error))
        return NULL;
    }

  return g_steal_pointer (&playbooks);
}

OvPlaybook *
ov_store_get_playbook (OvStore  *self,
                       gint64    playbook_id,
                       GError  **error)
{
  g_autoptr(OvPlaybook) playbook = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT id, name, description, segment, is_default, version FROM playbooks "
                           "WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, playbook_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    playbook = playbook_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      not_found (error, playbook_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, _("reading a playbook"));
      return NULL;
    }

  if (!load_tasks (self, playbook, error))
    return NULL;

  return g_steal_pointer (&playbook);
}

/* Only one playbook may be the default, and one per segment: the playbook
 * @keep_id takes the roles it claims over from the others. */
static gboolean
take_over_defaults (OvStore     *self,
                    gint64       keep_id,
                    gboolean     is_default,
                    const char  *segment,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  if (is_default)
    {
      stmt = ov_store_prepare (self,
                               "UPDATE playbooks SET is_default = 0, version = version + 1 "
                               "WHERE id <> ?1 AND is_default <> 0",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, keep_id);
      if (!ov_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (segment != NULL && segment[0] != '\0')
    {
      stmt = ov_store_prepare (self,
                               "UPDATE playbooks SET segment = '', version = version + 1 "
                               "WHERE id <> ?1 AND segment = ?2 COLLATE NOCASE",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, keep_id);
      ov_bind_text (stmt, 2, segment);
      if (!ov_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_row (OvStore     *self,
           OvPlaybook  *playbook,
           const char  *now,
           GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (ov_playbook_get_name (playbook)));
  g_autofree char *segment = g_strstrip (g_strdup (ov_playbook_get_segment (playbook)));
  gboolean is_new = ov_playbook_get_id (playbook) == 0;
  sqlite3_stmt *stmt;

  if (is_new)
    stmt = ov_store_prepare (self,
                             "INSERT INTO playbooks (name, description, segment, is_default, "
                             "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                             error);
  else
    stmt = ov_store_prepare (self,
                             "UPDATE playbooks SET name = ?1, description = ?2, segment = ?3, "
                             "is_default = ?4, updated_at = ?5, version = version + 1 "
                             "WHERE id = ?6 AND version = ?7 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;

  ov_bind_text (stmt, 1, name);
  ov_bind_text (stmt, 2, ov_playbook_get_description (playbook));
  ov_bind_text (stmt, 3, segment);
  sqlite3_bind_int (stmt, 4, ov_playbook_get_is_default (playbook) ? 1 : 0);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!is_new)
    {
      sqlite3_bind_int64 (stmt, 6, ov_playbook_get_id (playbook));
      sqlite3_bind_int64 (stmt, 7, ov_playbook_get_version (playbook));
    }

  if (is_new ? !ov_store_step_done (self, stmt, error)
             : !ov_store_step_versioned (self, stmt, OV_ROW_PLAYBOOK,
                                         ov_playbook_get_id (playbook),
                                         ov_playbook_get_version (playbook), error))
    return FALSE;

  if (is_new)
    ov_playbook_set_id (playbook, sqlite3_last_insert_rowid (ov_store_get_db (self)));
  ov_playbook_set_version (playbook, is_new ? 1 : ov_playbook_get_version (playbook) + 1);

  ov_playbook_set_name (playbook, name);
  ov_playbook_set_segment (playbook, segment);
  return TRUE;
}

static GHashTable *
stored_task_ids (OvStore  *self,
                 gint64    playbook_id,
                 GError  **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, "SELECT id FROM playbook_tasks WHERE playbook_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, playbook_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, NULL);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The training of every task is an item of the library: the column has
 * no foreign key (a trigger clears it when an item goes), so the store
 * refuses an item that is not there, naming the task, rather than keep a
 * number that points at nothing. The title is read back as stored. */
static gboolean
check_content (OvStore     *self,
               OvPlaybook  *playbook,
               GError     **error)
{
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, 0);
  OvStage stage = 0;
  guint position = 0;

  for (guint i = 0; i < tasks->len; i++)
    {
      OvPlaybookTask *task = g_ptr_array_index (tasks, i);
      OvContentItem *item = ov_playbook_task_get_content (task);
      g_autoptr(OvContentItem) stored = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (ov_playbook_task_get_stage (task) != stage)
        {
          stage = ov_playbook_task_get_stage (task);
          position = 0;
        }
      position++;

      if (item == NULL)
        continue;

      stmt = ov_store_prepare (self,
                               "SELECT " OV_CONTENT_ITEM_COLUMNS " FROM content_items AS i "
                               "WHERE i.id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ov_content_item_get_id (item));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        stored = ov_store_content_item_from_stmt (stmt);
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          ov_store_set_error (self, error, rc, _("reading a content item"));
          return FALSE;
        }
      if (stored == NULL)
        {
          g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                       /* Translators: "Adopt, task 2 (“Train the admins”): the training
                        * “Admin course” is not in the content library; …" */
                       _("%s, task %u (“%s”): the training “%s” is not in the content library "
                         "(it may have been removed); choose another one or none."),
                       ov_stage_get_title (stage), position, ov_playbook_task_get_title (task),
                       ov_content_item_get_title (item));
          return FALSE;
        }

      /* Renamed since it was read: the task shows the name it has now. */
      ov_playbook_task_set_content (task, stored);
    }

  return TRUE;
}

/* Tasks the playbook still has keep their row (and their id, which
 * generated account tasks point at); new ones are inserted; the rest go. */
static gboolean
write_tasks (OvStore     *self,
             OvPlaybook  *playbook,
             GError     **error)
{
  g_autoptr(GHashTable) stale = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 playbook_id = ov_playbook_get_id (playbook);
  OvStage stage = 0;
  GHashTableIter iter;
  gpointer key;
  int position = 0;

  stale = stored_task_ids (self, playbook_id, error);
  if (stale == NULL)
    return FALSE;

  tasks = ov_playbook_dup_tasks (playbook, 0);
  for (guint i = 0; i < tasks->len; i++)
    {
      OvPlaybookTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *title = g_strstrip (g_strdup (ov_playbook_task_get_title (task)));
      gint64 id = ov_playbook_task_get_id (task);
      gboolean update = id != 0 && g_hash_table_remove (stale, &id);
      sqlite3_stmt *stmt;

      if (ov_playbook_task_get_stage (task) != stage)
        {
          stage = ov_playbook_task_get_stage (task);
          position = 0;
        }

      if (update)
        stmt = ov_store_prepare (self,
                                 "UPDATE playbook_tasks SET stage = ?2, position = ?3, "
                                 "title = ?4, description = ?5, role = ?6, day_offset = ?7, "
                                 "content_id = ?8 WHERE id = ?1",
                                 error);
      else
        stmt = ov_store_prepare (self,
                                 "INSERT INTO playbook_tasks (playbook_id, stage, position, "
                                 "title, description, role, day_offset, content_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, update ? id : playbook_id);
      sqlite3_bind_int (stmt, 2, stage);
      sqlite3_bind_int (stmt, 3, position++);
      ov_bind_text (stmt, 4, title);
      ov_bind_text (stmt, 5, ov_playbook_task_get_description (task));
      ov_bind_text (stmt, 6, ov_playbook_task_get_role (task));
      sqlite3_bind_int (stmt, 7, ov_playbook_task_get_day_offset (task));
      if (ov_playbook_task_get_content_id (task) != 0)
        sqlite3_bind_int64 (stmt, 8, ov_playbook_task_get_content_id (task));
      else
        sqlite3_bind_null (stmt, 8);
      if (!ov_store_step_done (self, stmt, error))
        return FALSE;

      if (!update)
        ov_playbook_task_set_id (task, sqlite3_last_insert_rowid (ov_store_get_db (self)));
      ov_playbook_task_set_title (task, title);
    }

  g_hash_table_iter_init (&iter, stale);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_stmt *stmt = ov_store_prepare (self, "DELETE FROM playbook_tasks WHERE id = ?1",
                                             error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *)key);
      if (!ov_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ov_store_save_playbook (OvStore     *self,
                        OvPlaybook  *playbook,
                        GError     **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 old_id;
  gint64 old_version;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_PLAYBOOK (playbook), FALSE);

  if (!ov_playbook_validate (playbook, error))
    return FALSE;

  now = ov_store_now_utc ();
  old_id = ov_playbook_get_id (playbook);
  old_version = ov_playbook_get_version (playbook);
  /* Remember the task ids, to put them back if the write fails. */
  tasks = ov_playbook_dup_tasks (playbook, 0);
  {
    g_autofree gint64 *task_ids = g_new (gint64, tasks->len + 1);

    for (guint i = 0; i < tasks->len; i++)
      task_ids[i] = ov_playbook_task_get_id (g_ptr_array_index (tasks, i));

    if (!ov_store_transaction_begin (self, error))
      return FALSE;

    if (!check_content (self, playbook, error) ||
        !write_row (self, playbook, now, error) ||
        !take_over_defaults (self, ov_playbook_get_id (playbook),
                             ov_playbook_get_is_default (playbook),
                             ov_playbook_get_segment (playbook), error) ||
        !write_tasks (self, playbook, error) ||
        !ov_store_transaction_commit (self, error))
      {
        ov_store_transaction_rollback (self);
        ov_playbook_set_id (playbook, old_id);
        ov_playbook_set_version (playbook, old_version);
        for (guint i = 0; i < tasks->len; i++)
          ov_playbook_task_set_id (g_ptr_array_index (tasks, i), task_ids[i]);
        return FALSE;
      }
  }

  ov_store_emit_changed (self, "playbooks");
  return TRUE;
}

gint64
ov_store_duplicate_playbook (OvStore  *self,
                             gint64    playbook_id,
                             GError  **error)
{
  g_autoptr(OvPlaybook) original = NULL;
  g_autoptr(OvPlaybook) copy = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), 0);

  original = ov_store_get_playbook (self, playbook_id, error);
  if (original == NULL)
    return 0;

  copy = ov_playbook_copy (original);
  /* Translators: the name of a duplicated playbook */
  name = g_strdup_printf (_("Copy of %s"), ov_playbook_get_name (original));
  ov_playbook_set_id (copy, 0);
  ov_playbook_set_version (copy, 0);
  ov_playbook_set_name (copy, name);
  ov_playbook_set_is_default (copy, FALSE);
  ov_playbook_set_segment (copy, NULL);

  tasks = ov_playbook_dup_tasks (copy, 0);
  for (guint i = 0; i < tasks->len; i++)
    ov_playbook_task_set_id (g_ptr_array_index (tasks, i), 0);

  if (!ov_store_save_playbook (self, copy, error))
    return 0;

  return ov_playbook_get_id (copy);
}

gboolean
ov_store_delete_playbook (OvStore     *self,
                          OvPlaybook  *playbook,
                          GError     **error)
{
  g_autofree char *now = ov_store_now_utc ();
  gint64 version;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_PLAYBOOK (playbook), FALSE);

  version = ov_playbook_get_version (playbook);
  stmt = ov_store_prepare (self,
                           "UPDATE playbooks SET deleted_at = ?2, version = version + 1 "
                           "WHERE id = ?1 AND version = ?3 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_playbook_get_id (playbook));
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, version);
  if (!ov_store_step_versioned (self, stmt, OV_ROW_PLAYBOOK, ov_playbook_get_id (playbook),
                                version, error))
    return FALSE;

  ov_playbook_set_version (playbook, version + 1);
  ov_store_emit_changed (self, "playbooks");
  return TRUE;
}

/* A restored playbook gives up being a default if another playbook took
 * that over while it was deleted. */
gboolean
ov_store_restore_playbook (OvStore  *self,
                           gint64    playbook_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  stmt = ov_store_prepare (self,
                           "UPDATE playbooks SET deleted_at = NULL "
                           "WHERE id = ?1 AND deleted_at IS NOT NULL",
                           error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, playbook_id);
  if (!ov_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (ov_store_get_db (self)) == 0)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                   _("There is no deleted playbook number %lld to bring back."),
                   (long long)playbook_id);
      goto failed;
    }

  stmt = ov_store_prepare (self,
                           "UPDATE playbooks SET version = version + 1, "
                           "is_default = is_default AND NOT EXISTS (SELECT 1 FROM playbooks o "
                           "  WHERE o.id <> playbooks.id AND o.deleted_at IS NULL "
                           "  AND o.is_default <> 0), "
                           "segment = CASE WHEN EXISTS (SELECT 1 FROM playbooks o "
                           "  WHERE o.id <> playbooks.id AND o.deleted_at IS NULL "
                           "  AND playbooks.segment <> '' "
                           "  AND o.segment = playbooks.segment COLLATE NOCASE) "
                           "  THEN '' ELSE segment END "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, playbook_id);
  if (!ov_store_step_done (self, stmt, error) ||
      !ov_store_transaction_commit (self, error))
    goto failed;

  ov_store_emit_changed (self, "playbooks");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

gint64
ov_store_playbooks_query_id (OvStore       *self,
                             sqlite3_stmt  *stmt,
                             GError       **error)
{
  gint64 id = 0;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, NULL);
      id = -1;
    }

  sqlite3_reset (stmt);
  return id;
}

OvPlaybook *
ov_store_get_default_playbook (OvStore  *self,
                               GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = ov_store_prepare (self,
                           "SELECT id FROM playbooks WHERE is_default <> 0 "
                           "AND deleted_at IS NULL ORDER BY id LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;

  id = ov_store_playbooks_query_id (self, stmt, error);
  if (id <= 0)
    return NULL;

  return ov_store_get_playbook (self, id, error);
}

OvPlaybook *
ov_store_resolve_playbook (OvStore  *self,
                           gint64    account_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  /* The account's own choice if it is still live, else its segment's. */
  stmt = ov_store_prepare (self,
                           "SELECT COALESCE ("
                           "  (SELECT p.id FROM playbooks p "
                           "   WHERE p.id = a.playbook_id AND p.deleted_at IS NULL), "
                           "  (SELECT p.id FROM playbooks p WHERE p.deleted_at IS NULL "
                           "   AND p.segment <> '' AND p.segment = a.segment COLLATE NOCASE "
                           "   ORDER BY p.id LIMIT 1), 0) "
                           "FROM accounts a WHERE a.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                   _("There is no account number %lld."), (long long)account_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, NULL);
      return NULL;
    }

  if (id > 0)
    return ov_store_get_playbook (self, id, error);

  return ov_store_get_default_playbook (self, error);
}

gboolean
ov_store_set_account_playbook (OvStore  *self,
                               gint64    account_id,
                               gint64    playbook_id,
                               GError  **error)
{
  g_autofree char *now = ov_store_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  if (playbook_id != 0)
    {
      g_autoptr(OvPlaybook) playbook = ov_store_get_playbook (self, playbook_id, error);

      if (playbook == NULL)
        return FALSE;
    }

  stmt = ov_store_prepare (self,
                           "UPDATE accounts SET playbook_id = ?2, updated_at = ?3, "
                           "version = version + 1 WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  if (playbook_id != 0)
    sqlite3_bind_int64 (stmt, 2, playbook_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (ov_store_get_db (self)) == 0)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                   _("There is no account number %lld."), (long long)account_id);
      return FALSE;
    }

  ov_store_emit_changed (self, "accounts");
  return TRUE;
}

gboolean
ov_store_journey_open (OvStore  *self,
                       GError  **error)
{
  g_autofree char *seeded = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  /* Deleted playbooks are purged by the app (ov_store_purge_deleted()). */
  seeded = ov_store_get_setting (self, SEEDED_SETTING);
  if (seeded != NULL)
    return TRUE;

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  /* Asked again under the write lock: two programs opening a new database
   * at the same moment store the playbook once. */
  seeded = ov_store_get_setting (self, SEEDED_SETTING);
  if (seeded == NULL)
    {
      g_autoptr(OvPlaybook) playbook = ov_playbook_new_default ();

      if (!ov_store_save_playbook (self, playbook, error) ||
          !ov_store_set_setting (self, SEEDED_SETTING, "1", error))
        {
          ov_store_transaction_rollback (self);
          return FALSE;
        }
    }

  if (!ov_store_transaction_commit (self, error))
    {
      ov_store_transaction_rollback (self);
      return FALSE;
    }

  return TRUE;
}
