/* ov-review-export.c — an account's review report saved where the user
 * chooses, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file chooser is a GtkFileChooserNative, so a sandbox asks through the
 * portal. The report is gathered and painted by the core in a worker on a
 * connection of its own (ov_review_report_write_async()); the window stays
 * live meanwhile. Done, a toast offers to open the PDF; failed, a dialog
 * says why and where, and no file is left behind.
 */

#define G_LOG_DOMAIN "ov-review-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-report.h"
#include "ov-review-export.h"
#include "ov-window.h"

struct _OvReviewExport
{
  GObject               parent_instance;

  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GtkWidget            *parent;     /* weak: where the outcome is shown */
  OvStore              *store;
  gint64                account_id;
  OvDate                today;
  GFile                *file;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (OvReviewExport, ov_review_export, G_TYPE_OBJECT)

static void
set_parent (OvReviewExport *self,
            GtkWidget      *parent)
{
  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *)&self->parent);
  self->parent = parent;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *)&self->parent);
}

static GtkWindow *
window_of (OvReviewExport *self)
{
  GtkRoot *root = self->parent != NULL ? gtk_widget_get_root (self->parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
finish (OvReviewExport *self)
{
  self->busy = FALSE;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
}

static void
on_toast_button_clicked (AdwToast *toast,
                         GFile    *file)
{
  GtkWidget *widget = g_object_get_data (G_OBJECT (toast), "ov-window");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget) : NULL, uri, GDK_CURRENT_TIME);
}

static void
show_done (OvReviewExport *self)
{
  GtkWindow *window = window_of (self);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!OV_IS_WINDOW (window))
    return;

  /* Translators: a toast once the review report is written, with the
   * file's name */
  title = g_strdup_printf (_("Review report saved as “%s”"), name);
  toast = ov_app_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "ov-window", window);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button_clicked),
                         g_object_ref (self->file), (GClosureNotify)(void (*) (void))g_object_unref,
                         0);
  ov_window_add_toast (OV_WINDOW (window), toast);
}

static void
show_error (OvReviewExport *self,
            const GError   *error)
{
  GtkWindow *window = window_of (self);
  GtkWidget *dialog;

  if (window == NULL)
    return;

  /* The message says what and where; it is text, never markup. */
  dialog = adw_message_dialog_new (window, _("Review Report Not Saved"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OvReviewExport) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ov_review_report_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
    }
  else
    show_done (self);

  finish (self);
}

static void
write_file (OvReviewExport *self,
            GFile          *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write “%s”: only local files can be written."), uri);
      show_error (self, error);
      finish (self);
      return;
    }

  g_set_object (&self->file, file);
  self->cancellable = g_cancellable_new ();
  ov_review_report_write_async (self->store, self, self->account_id, self->today, path,
                                self->cancellable, write_done_cb, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     OvReviewExport  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    write_file (self, file);
  else
    finish (self);
}

static gboolean
begin (OvReviewExport *self,
       GtkWidget      *parent,
       OvStore        *store,
       OvAccount      *account,
       OvDate          today)
{
  if (self->busy)
    return FALSE;

  self->busy = TRUE;
  set_parent (self, parent);
  g_set_object (&self->store, store);
  self->account_id = ov_account_get_id (account);
  self->today = today;
  return TRUE;
}

static void
ov_review_export_dispose (GObject *object)
{
  OvReviewExport *self = OV_REVIEW_EXPORT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  set_parent (self, NULL);
  finish (self);

  G_OBJECT_CLASS (ov_review_export_parent_class)->dispose (object);
}

static void
ov_review_export_class_init (OvReviewExportClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ov_review_export_dispose;
}

static void
ov_review_export_init (OvReviewExport *self)
{
}

OvReviewExport *
ov_review_export_new (void)
{
  return g_object_new (OV_TYPE_REVIEW_EXPORT, NULL);
}

void
ov_review_export_start (OvReviewExport *self,
                        GtkWidget      *parent,
                        OvStore        *store,
                        OvAccount      *account,
                        OvDate          today)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (OV_IS_REVIEW_EXPORT (self));
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (OV_IS_STORE (store));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  if (!begin (self, parent, store, account, today))
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Review Report"), window_of (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = ov_review_report_suggest_name (ov_account_get_name (account));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

gboolean
ov_review_export_is_busy (OvReviewExport *self)
{
  g_return_val_if_fail (OV_IS_REVIEW_EXPORT (self), FALSE);

  return self->busy;
}

void
ov_review_export_to_file (OvReviewExport *self,
                          GtkWidget      *parent,
                          OvStore        *store,
                          OvAccount      *account,
                          OvDate          today,
                          GFile          *file)
{
  g_return_if_fail (OV_IS_REVIEW_EXPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  if (begin (self, parent, store, account, today))
    write_file (self, file);
}
