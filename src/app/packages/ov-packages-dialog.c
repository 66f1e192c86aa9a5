/* ov-packages-dialog.c — the package records: list, add, change, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened from the package picker on the account page. Each package shows
 * its price, what it includes and how many accounts have it; deleting one
 * asks first, since those accounts are left with no package.
 */

#define G_LOG_DOMAIN "ov-packages-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-package-dialog.h"
#include "ov-packages-dialog.h"

struct _OvPackagesDialog
{
  AdwWindow            parent_instance;

  OvStore             *store;
  GPtrArray           *rows;      /* AdwActionRow, each with "ov-package" */
  gulong               changed_id;

  /* Template widgets */
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (OvPackagesDialog, ov_packages_dialog, ADW_TYPE_WINDOW)

static void refresh (OvPackagesDialog *self);

static void
open_dialog (OvPackagesDialog *self,
             OvPackage        *package)
{
  OvPackageDialog *dialog = ov_package_dialog_new (GTK_WINDOW (self), self->store, package);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (OvPackagesDialog *self)
{
  open_dialog (self, NULL);
}

static void
row_activated_cb (AdwActionRow     *row,
                  OvPackagesDialog *self)
{
  open_dialog (self, g_object_get_data (G_OBJECT (row), "ov-package"));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    OvPackagesDialog *self)
{
  OvPackage *package = g_object_get_data (G_OBJECT (dialog), "ov-package");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!ov_store_delete_package (self->store, package, &error))
    {
      g_autofree char *message = NULL;

      if (ov_conflict_matches (error))
        message = ov_conflict_describe (error, OV_CONFLICT_DELETE, NULL);
      refresh (self);
      ov_app_show_toast (GTK_WIDGET (self), message != NULL ? message : error->message);
    }
}

static void
delete_clicked_cb (GtkButton        *button,
                   OvPackagesDialog *self)
{
  ov_packages_dialog_delete (self, g_object_get_data (G_OBJECT (button), "ov-package"));
}

static GtkWidget *
new_package_row (OvPackagesDialog *self,
                 OvPackage        *package)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *price = NULL;
  g_autofree char *services = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *subtitle = NULL;
  /* Translators: a button's tooltip, "Delete Premium" */
  g_autofree char *tooltip = g_strdup_printf (_("Delete %s"), ov_package_get_name (package));
  gint64 n = ov_store_count_package_accounts (self->store, ov_package_get_id (package), NULL);

  g_object_get (package, "price-text", &price, "services-text", &services, NULL);
  n = CLAMP (n, 0, G_MAXUINT);
  accounts = g_strdup_printf (ngettext ("%u account", "%u accounts", (gulong)n), (guint)n);
  /* Translators: a package's price, services and accounts: "$12,000.00 · Training, … · 3 accounts" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), price,
                              services[0] != '\0' ? services : _("No services named"), accounts);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_package_get_name (package));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tooltip);
  g_object_set_data_full (G_OBJECT (remove), "ov-package", g_object_ref (package),
                          g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ov-package", g_object_ref (package), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  return row;
}

static void
refresh (OvPackagesDialog *self)
{
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  packages = ov_store_list_packages (self->store, &error);
  if (packages == NULL)
    {
      GtkWidget *note = ov_app_note_row_new (error->message);

      adw_preferences_group_add (self->group, note);
      g_ptr_array_add (self->rows, note);
      return;
    }

  for (guint i = 0; i < packages->len; i++)
    {
      GtkWidget *row = new_package_row (self, g_ptr_array_index (packages, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (packages->len == 0)
    {
      GtkWidget *note = ov_app_note_row_new (_("No packages yet"));

      adw_preferences_group_add (self->group, note);
      g_ptr_array_add (self->rows, note);
    }
}

static void
store_changed_cb (OvPackagesDialog *self,
                  const char       *what)
{
  if (g_strcmp0 (what, "packages") == 0 || g_strcmp0 (what, "accounts") == 0)
    refresh (self);
}

static void
ov_packages_dialog_dispose (GObject *object)
{
  OvPackagesDialog *self = OV_PACKAGES_DIALOG (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_packages_dialog_parent_class)->dispose (object);
}

static void
ov_packages_dialog_finalize (GObject *object)
{
  OvPackagesDialog *self = OV_PACKAGES_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_packages_dialog_parent_class)->finalize (object);
}

static void
ov_packages_dialog_class_init (OvPackagesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_packages_dialog_dispose;
  object_class->finalize = ov_packages_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-packages-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvPackagesDialog, group);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_packages_dialog_init (OvPackagesDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

OvPackagesDialog *
ov_packages_dialog_new (GtkWindow *parent,
                        OvStore   *store)
{
  OvPackagesDialog *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  self = g_object_new (OV_TYPE_PACKAGES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

/* The row of the package named @name, or NULL. */
AdwActionRow *
ov_packages_dialog_find_row (OvPackagesDialog *self,
                             const char       *name)
{
  g_return_val_if_fail (OV_IS_PACKAGES_DIALOG (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      OvPackage *package = g_object_get_data (row, "ov-package");

      if (package != NULL && g_strcmp0 (ov_package_get_name (package), name) == 0)
        return ADW_ACTION_ROW (row);
    }

  return NULL;
}

guint
ov_packages_dialog_get_n_rows (OvPackagesDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (OV_IS_PACKAGES_DIALOG (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (self->rows, i), "ov-package") != NULL)
      n++;

  return n;
}

/* Asks whether to delete @package, saying how many accounts have it. */
void
ov_packages_dialog_delete (OvPackagesDialog *self,
                           OvPackage        *package)
{
  GtkWidget *dialog;
  gint64 n;
  g_autofree char *body = NULL;

  g_return_if_fail (OV_IS_PACKAGES_DIALOG (self));
  g_return_if_fail (OV_IS_PACKAGE (package));

  n = ov_store_count_package_accounts (self->store, ov_package_get_id (package), NULL);
  if (n > 0)
    body = g_strdup_printf (ngettext ("%u account has it; it will have no package.",
                                      "%u accounts have it; they will have no package.",
                                      (gulong)MIN (n, G_MAXUINT)),
                            (guint)MIN (n, G_MAXUINT));
  else
    body = g_strdup (_("No account has it."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, body);
  /* Translators: "Delete Premium?" */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete %s?"),
                                     ov_package_get_name (package));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ov-package", g_object_ref (package),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
