/* ov-store-playbook-files.c — playbooks to and from JSON files: a file is
 * written whole or not at all, and read within the limits a playbook file
 * may have before it is parsed (ov-playbook-json.c) and stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-csv-writer.h"
#include "ov-journey-private.h"
#include "ov-stage.h"
#include "ov-store-content.h"
#include "ov-store-content-private.h"
#include "ov-store-playbooks.h"
#include "ov-store-private.h"

/* Through the CSV exporter's replace helpers: the file is complete or
 * untouched, keeps the mode of the file it replaces and is new as 0600,
 * like the database, since it holds the same customer data. */
static gboolean
write_file (GFile       *file,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) temporary = NULL;

  stream = ov_csv_replace_begin (file, &temporary, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      ov_csv_replace_abandon (stream, temporary);
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }

  return ov_csv_replace_commit (stream, temporary, file, NULL, error);
}

gboolean
ov_store_export_playbook (OvStore  *self,
                          gint64    playbook_id,
                          GFile    *file,
                          GError  **error)
{
  g_autoptr(OvPlaybook) playbook = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  playbook = ov_store_get_playbook (self, playbook_id, error);
  if (playbook == NULL)
    return FALSE;

  json = ov_playbook_to_json (playbook, &length);
  return write_file (file, json, length, error);
}

gboolean
ov_store_export_playbooks (OvStore        *self,
                           GOutputStream  *stream,
                           GFile          *file,
                           guint          *n_playbooks,
                           GError        **error)
{
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail ((stream == NULL) != (file == NULL), FALSE);

  playbooks = ov_store_list_playbooks (self, error);
  if (playbooks == NULL)
    return FALSE;

  json = ov_playbook_list_to_json (playbooks, &length);
  if (n_playbooks != NULL)
    *n_playbooks = playbooks->len;

  if (file != NULL)
    return write_file (file, json, length, error);

  return g_output_stream_write_all (stream, json, length, NULL, NULL, error) &&
         g_output_stream_flush (stream, NULL, error);
}

/* The whole file, but never more than a playbook file may hold: a huge
 * file (or an endless one such as /dev/zero) is refused after reading
 * one byte past the limit, not loaded whole. */
static char *
read_limited (GFile    *file,
              gsize    *length,
              GError  **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize limit = OV_PLAYBOOK_MAX_FILE_SIZE;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  buffer = g_malloc (limit + 2);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, limit + 1, length, NULL,
                                error))
    return NULL;

  if (*length > limit)
    {
      g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_FORMAT,
                   _("The file is too large to be a playbook (more than %d MB)."),
                   OV_PLAYBOOK_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  buffer[*length] = '\0';
  return g_realloc (g_steal_pointer (&buffer), *length + 1);
}

/* The library's item a file's training names: the one of that title
 * whatever its case (titles are unique so), NULL when there is none. */
static OvContentItem *
find_item (OvStore        *self,
           OvContentItem  *wanted,
           GError        **error)
{
  OvContentItem *item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT " OV_CONTENT_ITEM_COLUMNS " FROM content_items AS i "
                           "WHERE i.title_key = ov_fold (?1)",
                           error);
  if (stmt == NULL)
    return NULL;

  ov_bind_text (stmt, 1, ov_content_item_get_title (wanted));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = ov_store_content_item_from_stmt (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    ov_store_set_error (self, error, rc, _("reading the content library"));
  return item;
}

/* Points every task's training at the library's item of that title, and
 * adds the items the library lacks (counted in @n_added). An item the
 * library has keeps its own link and details: the library is where they
 * are kept up to date, the file only names the item. */
static gboolean
link_training (OvStore     *self,
               OvPlaybook  *playbook,
               guint       *n_added,
               GError     **error)
{
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, 0);

  for (guint i = 0; i < tasks->len; i++)
    {
      OvPlaybookTask *task = g_ptr_array_index (tasks, i);
      OvContentItem *wanted = ov_playbook_task_get_content (task);
      g_autoptr(OvContentItem) item = NULL;
      g_autoptr(GError) local_error = NULL;

      if (wanted == NULL || ov_content_item_get_id (wanted) != 0)
        continue;

      item = find_item (self, wanted, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (item == NULL)
        {
          item = ov_content_item_copy (wanted);
          if (!ov_store_add_content_item (self, item, error))
            {
              g_prefix_error (error, _("%s, “%s”, training: "),
                              ov_stage_get_title (ov_playbook_task_get_stage (task)),
                              ov_playbook_task_get_title (task));
              return FALSE;
            }
          (*n_added)++;
        }

      ov_playbook_task_set_content (task, item);
    }

  return TRUE;
}

static gboolean
store_imported (OvStore     *self,
                OvPlaybook  *playbook,
                guint       *n_items_added,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 taken;

  /* An import never pushes aside this database's own defaults. */
  stmt = ov_store_prepare (self,
                           "SELECT count(*) FROM playbooks WHERE deleted_at IS NULL "
                           "AND segment <> '' AND segment = ?1 COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return FALSE;
  ov_bind_text (stmt, 1, ov_playbook_get_segment (playbook));
  taken = ov_store_playbooks_query_id (self, stmt, error);
  if (taken < 0)
    return FALSE;
  if (taken > 0)
    ov_playbook_set_segment (playbook, NULL);
  ov_playbook_set_is_default (playbook, FALSE);

  return link_training (self, playbook, n_items_added, error) &&
         ov_store_save_playbook (self, playbook, error);
}

GArray *
ov_store_import_playbooks (OvStore  *self,
                           GFile    *file,
                           guint    *n_items_added,
                           GError  **error)
{
  guint n_added = 0;
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);

  contents = read_limited (file, &length, &local_error);
  if (contents != NULL)
    playbooks = ov_playbook_list_new_from_json (contents, length, &local_error);
  if (playbooks == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not import “%s”: %s"), name, local_error->message);
      return NULL;
    }

  /* All of the file or none of it. */
  if (!ov_store_transaction_begin (self, error))
    return NULL;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), playbooks->len);
  for (guint i = 0; i < playbooks->len; i++)
    {
      OvPlaybook *playbook = g_ptr_array_index (playbooks, i);
      gint64 id;

      if (!store_imported (self, playbook, &n_added, error))
        {
          ov_store_transaction_rollback (self);
          return NULL;
        }
      id = ov_playbook_get_id (playbook);
      g_array_append_val (ids, id);
    }

  if (!ov_store_transaction_commit (self, error))
    {
      ov_store_transaction_rollback (self);
      return NULL;
    }

  if (n_items_added != NULL)
    *n_items_added = n_added;
  return g_steal_pointer (&ids);
}

gint64
ov_store_import_playbook (OvStore  *self,
                          GFile    *file,
                          guint    *n_items_added,
                          GError  **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  ids = ov_store_import_playbooks (self, file, n_items_added, error);
  if (ids == NULL)
    return 0;

  return g_array_index (ids, gint64, 0);
}
