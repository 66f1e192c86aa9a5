/* ov-export-dialog.c — choose what to export as CSV, and write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's exporter writes in a thread on its own connection, into a
 * temporary file that replaces the destination only when complete; this
 * dialog picks the options and the destination and reports how it went.
 */

#define G_LOG_DOMAIN "ov-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-export-dialog.h"

struct _OvExportDialog
{
  AdwWindow       parent_instance;

  OvWindow       *window;
  OvStore        *store;
  GCancellable   *cancellable;      /* while an export runs */
  gboolean        close_when_done;
  gboolean        disposed;

  /* Template widgets */
  GtkWidget      *export_button;
  AdwComboRow    *kind_row;
  AdwComboRow    *delimiter_row;
  GtkSwitch      *excel_switch;
  GtkWidget      *options_group;
  GtkWidget      *progress_group;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *error_group;
  GtkLabel       *error_title;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (OvExportDialog, ov_export_dialog, ADW_TYPE_WINDOW)

static const OvCsvKind export_kinds[] = { OV_CSV_KIND_ACCOUNTS, OV_CSV_KIND_PEOPLE,
                                          OV_CSV_KIND_TASKS, OV_CSV_KIND_METRICS,
                                          OV_CSV_KIND_STAGE_EVENTS };
static const char delimiters[] = { ',', ';' };

static OvCsvKind
selected_kind (OvExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < G_N_ELEMENTS (export_kinds) ? export_kinds[selected]
                                                : OV_CSV_KIND_ACCOUNTS;
}

/* "Exported 200 accounts to accounts-2026-11-23.csv" */
static char *
describe_export (OvCsvKind   kind,
                 guint64     n_rows,
                 const char *name)
{
  g_autofree char *count = ov_app_format_count (n_rows);
  gulong n = (gulong)MIN (n_rows, G_MAXULONG);

  switch (kind)
    {
    case OV_CSV_KIND_ACCOUNTS:
      return g_strdup_printf (ngettext ("Exported %s account to %s",
                                        "Exported %s accounts to %s", n), count, name);
    case OV_CSV_KIND_PEOPLE:
      return g_strdup_printf (ngettext ("Exported %s person to %s",
                                        "Exported %s people to %s", n), count, name);
    case OV_CSV_KIND_TASKS:
      return g_strdup_printf (ngettext ("Exported %s task to %s",
                                        "Exported %s tasks to %s", n), count, name);
    case OV_CSV_KIND_METRICS:
      return g_strdup_printf (ngettext ("Exported %s metric value to %s",
                                        "Exported %s metric values to %s", n), count, name);
    case OV_CSV_KIND_STAGE_EVENTS:
      return g_strdup_printf (ngettext ("Exported %s stage event to %s",
                                        "Exported %s stage events to %s", n), count, name);
    case OV_CSV_KIND_MEETINGS:
      return g_strdup_printf (ngettext ("Exported %s meeting to %s",
                                        "Exported %s meetings to %s", n), count, name);
    case OV_CSV_KIND_PACKAGES:
      return g_strdup_printf (ngettext ("Exported %s package to %s",
                                        "Exported %s packages to %s", n), count, name);
    case OV_CSV_KIND_INTERVIEWS:
      return g_strdup_printf (ngettext ("Exported %s interview answer to %s",
                                        "Exported %s interview answers to %s", n), count, name);
    case OV_CSV_KIND_CONTENT:
      return g_strdup_printf (ngettext ("Exported %s content item to %s",
                                        "Exported %s content items to %s", n), count, name);
    case OV_CSV_KIND_COMPLETIONS:
      return g_strdup_printf (ngettext ("Exported %s completion to %s",
                                        "Exported %s completions to %s", n), count, name);
    default:
      g_assert_not_reached ();
    }
}

/* A toast's own title is cut short in a narrow window; this one wraps. */
static GtkWidget *
make_toast_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
set_running (OvExportDialog *self,
             gboolean        running)
{
  gtk_widget_set_sensitive (self->export_button, !running);
  gtk_widget_set_sensitive (self->options_group, !running);
  gtk_widget_set_visible (self->progress_group, running);
  if (running)
    gtk_widget_set_visible (self->error_group, FALSE);
}

static void
show_error (OvExportDialog *self,
            const char     *title,
            const char     *message)
{
  gtk_label_set_label (self->error_title, title);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_set_visible (self->error_group, TRUE);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  OvExportDialog *self = user_data;

  if (!self->disposed)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(OvExportDialog) self = user_data;
  OvExporter *exporter = OV_EXPORTER (object);
  GFile *file = g_object_get_data (object, "ov-file");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gboolean ok;

  ok = ov_exporter_write_file_finish (exporter, result, &error);
  if (self->disposed)
    return;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (ok)
    {
      name = g_file_get_basename (file);
      title = describe_export (ov_exporter_get_kind (exporter), ov_exporter_get_n_rows (exporter),
                               name);
      toast = ov_app_toast_new (title);
      adw_toast_set_custom_title (toast, make_toast_title (title));
      ov_window_add_toast (self->window, toast);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Export cancelled"), _("No file was written."));
  else
    {
      g_autofree char *path = g_file_get_parse_name (file);

      title = g_strdup_printf (_("“%s” could not be written"), path);
      show_error (self, title, error->message);
    }
}

/**
 * ov_export_dialog_export_to_file:
 * @file: where the CSV goes
 *
 * Exports with the options chosen in the dialog. When done the dialog
 * closes and the window shows a toast; on an error the dialog stays open
 * and says what went wrong.
 */
void
ov_export_dialog_export_to_file (OvExportDialog *self,
                                 GFile          *file)
{
  g_autoptr(OvExporter) exporter = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);

  g_return_if_fail (OV_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  exporter = ov_exporter_new (selected_kind (self));
  ov_exporter_set_delimiter (exporter, delimiter < G_N_ELEMENTS (delimiters)
                                         ? delimiters[delimiter] : ',');
  ov_exporter_set_excel (exporter, gtk_switch_get_active (self->excel_switch));
  g_object_set_data_full (G_OBJECT (exporter), "ov-file", g_object_ref (file), g_object_unref);

  name = g_file_get_basename (file);
  label = g_strdup_printf (_("Exporting to “%s”…"), name);
  gtk_label_set_label (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  set_running (self, TRUE);

  self->cancellable = g_cancellable_new ();
  ov_exporter_write_file_async (exporter, self->store, file, progress_cb, g_object_ref (self),
                                g_object_unref, self->cancellable, export_done,
                                g_object_ref (self));
}

/* "accounts-2026-11-23.csv" */
char *
ov_export_dialog_suggest_name (OvExportDialog *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (OV_IS_EXPORT_DIALOG (self), NULL);

  today = ov_date_to_iso (ov_date_today ());
  return g_strdup_printf ("%s-%s.csv", ov_csv_kind_get_id (selected_kind (self)), today);
}

gboolean
ov_export_dialog_get_busy (OvExportDialog *self)
{
  g_return_val_if_fail (OV_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     OvExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !self->disposed && self->cancellable == NULL)
    ov_export_dialog_export_to_file (self, file);

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_clicked_cb (OvExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *name = ov_export_dialog_suggest_name (self);

  chooser = gtk_file_chooser_native_new (_("Export CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked_cb (OvExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ov_export_dialog_close_request (GtkWindow *window)
{
  OvExportDialog *self = OV_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (ov_export_dialog_parent_class)->close_request (window);
}

static void
ov_export_dialog_dispose (GObject *object)
{
  OvExportDialog *self = OV_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (ov_export_dialog_parent_class)->dispose (object);
}

static void
ov_export_dialog_finalize (GObject *object)
{
  OvExportDialog *self = OV_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->window);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_export_dialog_parent_class)->finalize (object);
}

static void
ov_export_dialog_class_init (OvExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ov_export_dialog_dispose;
  object_class->finalize = ov_export_dialog_finalize;
  window_class->close_request = ov_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, excel_switch);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, error_title);
  gtk_widget_class_bind_template_child (widget_class, OvExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_export_dialog_init (OvExportDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    gtk_string_list_append (kinds, ov_csv_kind_get_title (export_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

OvExportDialog *
ov_export_dialog_new (OvWindow *window)
{
  OvExportDialog *self;

  g_return_val_if_fail (OV_IS_WINDOW (window), NULL);
  g_return_val_if_fail (OV_IS_STORE (ov_window_get_store (window)), NULL);

  self = g_object_new (OV_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->store = g_object_ref (ov_window_get_store (window));

  return self;
}
