/* ov-playbooks-view-files.c — playbook files in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A playbook is exported to, or imported from, a JSON file chosen with the
 * portal-friendly native chooser. Files are read and written in a thread,
 * on a connection of its own (ov_store_run_async()); the view is busy
 * meanwhile, and one file at a time is all it takes.
 */

#define G_LOG_DOMAIN "ov-playbooks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-playbooks-view-private.h"

typedef struct
{
  GFile   *file;
  gint64   playbook_id;
  guint    n_items_added;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

static gboolean
export_playbook (OvStore         *store,
                 gpointer         data,
                 OvProgressFunc   progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  FileJob *job = data;

  return ov_store_export_playbook (store, job->playbook_id, job->file, error);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  FileJob *job = NULL;

  ov_playbooks_view_set_busy (self, FALSE);

  if (!ov_store_run_finish (result, (gpointer *)&job, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ov_playbooks_view_show_message (self, _("The Playbook Was Not Exported"), error->message);
      return;
    }

  name = g_file_get_basename (job->file);
  title = g_strdup_printf (_("Exported to “%s”"), name);
  ov_playbooks_view_add_toast (self, ov_app_toast_new (title));
}

void
ov_playbooks_view_export_to_file (OvPlaybooksView *self,
                                  gint64           playbook_id,
                                  GFile           *file)
{
  FileJob *job;

  g_return_if_fail (OV_IS_PLAYBOOKS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (ov_view_get_store (OV_VIEW (self)) != NULL);

  job = g_new0 (FileJob, 1);
  job->file = g_object_ref (file);
  job->playbook_id = playbook_id;

  ov_playbooks_view_set_busy (self, TRUE);
  ov_store_run_async (ov_view_get_store (OV_VIEW (self)), self, export_playbook, job,
                      (GDestroyNotify)file_job_free, NULL, NULL, self->cancellable,
                      export_done, NULL);
}

/* In a worker (ov_store_run_async()). */
static gboolean
import_playbook (OvStore         *store,
                 gpointer         data,
                 OvProgressFunc   progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  FileJob *job = data;

  job->playbook_id = ov_store_import_playbook (store, job->file, &job->n_items_added, error);
  return job->playbook_id != 0;
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (object);
  g_autoptr(GError) error = NULL;
  FileJob *job = NULL;

  ov_playbooks_view_set_busy (self, FALSE);

  if (!ov_store_run_finish (result, (gpointer *)&job, &error))
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: %s is why the file was refused, from the check of
       * the file; the second sentence reassures that nothing changed. */
      body = g_strdup_printf (_("%s\n\nNo playbook was added or changed."), error->message);
      ov_playbooks_view_show_message (self, _("The Playbook Was Not Imported"), body);
      return;
    }

  /* The import wrote through another connection: tell this one's users. */
  ov_store_emit_changed (ov_view_get_store (OV_VIEW (self)), "playbooks");
  if (job->n_items_added > 0)
    ov_store_emit_changed (ov_view_get_store (OV_VIEW (self)), "content");

  if (ov_playbooks_view_select (self, job->playbook_id))
    {
      OvPlaybook *playbook = ov_playbook_editor_get_playbook (self->editor);
      g_autofree char *title = NULL;

      if (job->n_items_added > 0)
        /* Translators: "“Enterprise rollout” imported, 1 training item added" */
        title = g_strdup_printf (ngettext ("“%s” imported, %u training item added",
                                           "“%s” imported, %u training items added",
                                           job->n_items_added),
                                 ov_playbook_get_name (playbook), job->n_items_added);
      else
        title = g_strdup_printf (_("“%s” imported"), ov_playbook_get_name (playbook));

      ov_playbooks_view_show_editor (self);
      ov_playbooks_view_add_toast (self, ov_app_toast_new (title));
    }
}

void
ov_playbooks_view_import_file (OvPlaybooksView *self,
                               GFile           *file)
{
  FileJob *job;

  g_return_if_fail (OV_IS_PLAYBOOKS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (ov_view_get_store (OV_VIEW (self)) != NULL);

  job = g_new0 (FileJob, 1);
  job->file = g_object_ref (file);

  ov_playbooks_view_set_busy (self, TRUE);
  ov_store_run_async (ov_view_get_store (OV_VIEW (self)), self, import_playbook, job,
                      (GDestroyNotify)file_job_free, NULL, NULL, self->cancellable,
                      import_done, NULL);
}

static void
add_json_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Playbook files (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (chooser, json);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    OvPlaybooksView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    ov_playbooks_view_import_file (self, file);
}

void
ov_playbooks_view_import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import Playbook"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_json_filter (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect (self->chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    OvPlaybooksView *self)
{
  g_autoptr(GFile) file = NULL;
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (chooser), "playbook-id");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file != NULL)
    ov_playbooks_view_export_to_file (self, id, file);
}

void
ov_playbooks_view_export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (widget);
  OvPlaybook *playbook = ov_playbook_editor_get_playbook (self->editor);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  gint64 id;

  if (self->chooser != NULL || playbook == NULL)
    return;

  /* A file name the playbook's name suggests, without path separators. */
  name = g_strdup_printf ("%s.json", ov_playbook_get_name (playbook));
  g_strdelimit (name, "/\\", '-');

  self->chooser = gtk_file_chooser_native_new (_("Export Playbook"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_json_filter (GTK_FILE_CHOOSER (self->chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  id = ov_playbook_get_id (playbook);
  g_object_set_data_full (G_OBJECT (self->chooser), "playbook-id",
                          g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
