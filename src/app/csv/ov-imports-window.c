/* ov-imports-window.c — every import of the database, newest first, with
 * what it did and its Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toast after an import offers Undo for ten seconds; this list keeps
 * offering it. The batches are read on a connection of their own, again
 * whenever the store changes (an undo, a new import), and Undo goes the
 * way the toast's does: one click, or a question first when work was done
 * since on what the import brought in.
 */

#define G_LOG_DOMAIN "ov-imports-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-import-undo.h"
#include "ov-imports-window.h"

struct _OvImportsWindow
{
  AdwWindow     parent_instance;

  GtkStack     *stack;
  GtkSpinner   *spinner;
  GtkListBox   *list;

  OvWindow     *window;        /* weak: the window it belongs to */
  OvContext    *context;
  gulong        changed_id;
  GCancellable *cancellable;
  guint         n_rows;
};

G_DEFINE_FINAL_TYPE (OvImportsWindow, ov_imports_window, ADW_TYPE_WINDOW)

static void load (OvImportsWindow *self);

/* "3 Dec 2026, 14:02" in local time, from the stored UTC stamp. */
static char *
format_when (const char *utc)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (utc, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup (utc ? utc : "");

  local = g_date_time_to_local (when);
  /* Translators: an import's date and time; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

static void
undo_clicked_cb (GtkButton       *button,
                 OvImportsWindow *self)
{
  const OvImportBatch *batch = g_object_get_data (G_OBJECT (button), "batch");

  if (self->window != NULL && batch != NULL)
    ov_import_undo_start (self->window, batch->id, batch->kind);
}

static GtkWidget *
make_row (OvImportsWindow     *self,
          const OvImportBatch *batch)
{
  g_autofree char *source = ov_app_make_valid (batch->source);
  g_autofree char *name = g_path_get_basename (*source ? source : _("Unnamed file"));
  g_autofree char *when = format_when (batch->imported_at);
  g_autofree char *counts = ov_import_join_numbers (batch->n_created, batch->n_updated,
                                                    batch->n_unchanged, batch->n_rejected,
                                                    TRUE);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: "Accounts · 3 Dec 2026, 14:02 · 120 new, 5 updated" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), ov_csv_kind_get_title (batch->kind), when,
                              counts);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, source);

  if (batch->undone_at != NULL)
    {
      GtkWidget *label = gtk_label_new (_("Undone"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else if (batch->n_created > 0 || batch->n_updated > 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Undo"));
      g_autofree char *label = g_strdup_printf (_("Undo the import of %s"), name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "batch", ov_import_batch_copy (batch),
                              (GDestroyNotify)ov_import_batch_free);
      g_signal_connect (button, "clicked", G_CALLBACK (undo_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* In a worker (ov_store_run_async()). */
static gboolean
read_batches (OvStore         *store,
              gpointer         data,
              OvProgressFunc   progress,
              gpointer         progress_data,
              GCancellable    *cancellable,
              GError         **error)
{
  GPtrArray **batches = data;

  *batches = ov_store_list_import_batches (store, error);
  return *batches != NULL;
}

static void
free_batches (gpointer data)
{
  GPtrArray **batches = data;

  g_clear_pointer (batches, g_ptr_array_unref);
  g_free (batches);
}

static void
batches_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray **batches = NULL;
  OvImportsWindow *self;
  GtkWidget *child;

  if (!ov_store_run_finish (result, (gpointer *)&batches, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = OV_IMPORTS_WINDOW (object);
  gtk_spinner_stop (self->spinner);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;

  if (error != NULL)
    {
      gtk_list_box_append (self->list, ov_app_note_row_new (error->message));
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  for (guint i = 0; i < (*batches)->len; i++)
    {
      gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (*batches, i)));
      self->n_rows++;
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
}

static void
load (OvImportsWindow *self)
{
  OvStore *store = self->context ? ov_context_get_store (self->context) : NULL;

  if (store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->n_rows == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }

  ov_store_run_async (store, self, read_batches, g_new0 (GPtrArray *, 1), free_batches,
                      NULL, NULL, self->cancellable, batches_read, NULL);
}

static void
store_changed_cb (OvContext       *context,
                  const char      *what,
                  OvImportsWindow *self)
{
  load (self);
}

static void
ov_imports_window_dispose (GObject *object)
{
  OvImportsWindow *self = OV_IMPORTS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->context);
  g_clear_object (&self->context);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (ov_imports_window_parent_class)->dispose (object);
}

static void
ov_imports_window_class_init (OvImportsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_imports_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overture/Overture/ov-imports-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OvImportsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OvImportsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, OvImportsWindow, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_imports_window_init (OvImportsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ov_imports_window_new:
 * @window: the window whose database's imports it lists
 */
OvImportsWindow *
ov_imports_window_new (OvWindow *window)
{
  OvImportsWindow *self;

  g_return_val_if_fail (OV_IS_WINDOW (window), NULL);

  self = g_object_new (OV_TYPE_IMPORTS_WINDOW, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->context = g_object_ref (ov_window_get_context (window));
  self->changed_id = g_signal_connect (self->context, "store-changed",
                                       G_CALLBACK (store_changed_cb), self);
  load (self);

  return self;
}

/* How many imports it lists, once read. */
guint
ov_imports_window_get_n_rows (OvImportsWindow *self)
{
  g_return_val_if_fail (OV_IS_IMPORTS_WINDOW (self), 0);

  return self->n_rows;
}
