/* ov-package-dialog.c — add or change one package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package's name, price and currency, and the services it includes:
 * a tick box for each service the framework names, free text for the
 * rest. The core validates; a refusal marks the field and keeps the
 * dialog open.
 */

#define G_LOG_DOMAIN "ov-package-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-conflict.h"
#include "ov-package-dialog.h"

struct _OvPackageDialog
{
  AdwWindow            parent_instance;

  OvStore             *store;
  OvPackage           *package;     /* NULL when adding */
  GPtrArray           *checks;      /* GtkCheckButton per service, "ov-service" */

  /* Template widgets */
  GtkWidget           *save_button;
  AdwEntryRow         *name_row;
  AdwEntryRow         *price_row;
  AdwEntryRow         *currency_row;
  AdwPreferencesGroup *services_group;
  AdwEntryRow         *other_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (OvPackageDialog, ov_package_dialog, ADW_TYPE_WINDOW)

static void
clear_marks (OvPackageDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->price_row),
    GTK_WIDGET (self->currency_row), GTK_WIDGET (self->other_row),
  };

  gtk_label_set_label (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
}

static void
show_error (OvPackageDialog *self,
            GtkWidget       *row,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
field_changed_cb (OvPackageDialog *self)
{
  clear_marks (self);
}

static void
save_clicked_cb (OvPackageDialog *self)
{
  ov_package_dialog_save (self);
}

static void
ov_package_dialog_dispose (GObject *object)
{
  OvPackageDialog *self = OV_PACKAGE_DIALOG (object);

  g_clear_object (&self->package);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_package_dialog_parent_class)->dispose (object);
}

static void
ov_package_dialog_finalize (GObject *object)
{
  OvPackageDialog *self = OV_PACKAGE_DIALOG (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_package_dialog_parent_class)->finalize (object);
}

static void
ov_package_dialog_class_init (OvPackageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_package_dialog_dispose;
  object_class->finalize = ov_package_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-package-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvPackageDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, OvPackageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OvPackageDialog, price_row);
  gtk_widget_class_bind_template_child (widget_class, OvPackageDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, OvPackageDialog, services_group);
  gtk_widget_class_bind_template_child (widget_class, OvPackageDialog, other_row);
  gtk_widget_class_bind_template_child (widget_class, OvPackageDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_package_dialog_init (OvPackageDialog *self)
{
  self->checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* One tick box per service, before the free-text row. */
  for (guint bit = 0; (1u << bit) & OV_PACKAGE_SERVICES_ALL; bit++)
    {
      OvPackageServices service = 1u << bit;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ov_package_service_get_title (service));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, ov_package_service_get_id (service));
      g_object_set_data (G_OBJECT (check), "ov-service", GUINT_TO_POINTER (service));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->services_group, row);
      g_ptr_array_add (self->checks, check);
    }

  /* The free text goes last. */
  g_object_ref (self->other_row);
  adw_preferences_group_remove (self->services_group, GTK_WIDGET (self->other_row));
  adw_preferences_group_add (self->services_group, GTK_WIDGET (self->other_row));
  g_object_unref (self->other_row);
}

/* @package: the stored package to change, or NULL to add one. */
OvPackageDialog *
ov_package_dialog_new (GtkWindow *parent,
                       OvStore   *store,
                       OvPackage *package)
{
  OvPackageDialog *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (package == NULL || OV_IS_PACKAGE (package), NULL);

  self = g_object_new (OV_TYPE_PACKAGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (package != NULL)
    {
      g_autofree char *price = ov_money_format_plain (ov_package_get_price_cents (package));

      self->package = ov_package_copy (package);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), ov_package_get_name (package));
      gtk_editable_set_text (GTK_EDITABLE (self->price_row), price);
      gtk_editable_set_text (GTK_EDITABLE (self->currency_row),
                             ov_package_get_currency (package));
      gtk_editable_set_text (GTK_EDITABLE (self->other_row),
                             ov_package_get_other_services (package));
      for (guint i = 0; i < self->checks->len; i++)
        {
          GtkCheckButton *check = g_ptr_array_index (self->checks, i);
          guint service = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "ov-service"));

          gtk_check_button_set_active (check, ov_package_has_service (package, service));
        }
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Package"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->currency_row), "USD");
      gtk_window_set_title (GTK_WINDOW (self), _("Add Package"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }

  clear_marks (self);
  return self;
}

static GtkWidget *
row_of_error (OvPackageDialog *self,
              const GError    *error)
{
  if (error->domain != OV_PACKAGE_ERROR)
    return NULL;

  switch (error->code)
    {
    case OV_PACKAGE_ERROR_NAME:
    case OV_PACKAGE_ERROR_DUPLICATE:
      return GTK_WIDGET (self->name_row);
    case OV_PACKAGE_ERROR_PRICE:
      return GTK_WIDGET (self->price_row);
    case OV_PACKAGE_ERROR_CURRENCY:
      return GTK_WIDGET (self->currency_row);
    case OV_PACKAGE_ERROR_SERVICES:
      return GTK_WIDGET (self->other_row);
    default:
      return NULL;
    }
}

/* TRUE when the package was stored (and the dialog closed). */
gboolean
ov_package_dialog_save (OvPackageDialog *self)
{
  g_autoptr(OvPackage) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *typed_currency = NULL;
  g_autofree char *price = NULL;
  OvPackageServices services = OV_PACKAGE_SERVICE_NONE;
  gint64 cents = 0;
  gboolean ok;

  g_return_val_if_fail (OV_IS_PACKAGE_DIALOG (self), FALSE);

  clear_marks (self);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  typed_currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  g_strstrip (typed_currency);

  /* No price typed is a price of 0, as a package included at no charge. */
  price = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->price_row))));
  if (price[0] != '\0' && !ov_money_parse (price, &cents, &currency, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Price: %s."), error->message);

      show_error (self, GTK_WIDGET (self->price_row), message);
      return FALSE;
    }

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        services |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "ov-service"));
    }

  draft = self->package != NULL ? ov_package_copy (self->package) : ov_package_new (name);
  ov_package_set_name (draft, name);
  ov_package_set_price_cents (draft, cents);
  /* "€1,200" names its currency itself. */
  ov_package_set_currency (draft, currency != NULL && typed_currency[0] == '\0' ? currency
                                                                               : typed_currency);
  ov_package_set_services (draft, services);
  ov_package_set_other_services (draft, gtk_editable_get_text (GTK_EDITABLE (self->other_row)));

  ok = self->package != NULL ? ov_store_update_package (self->store, draft, &error)
                             : ov_store_add_package (self->store, draft, &error);
  if (!ok)
    {
      if (ov_conflict_matches (error))
        ov_conflict_show_saved (GTK_WIDGET (self), self->error_label, error, &self->package,
                                ov_store_get_package (self->store,
                                                      ov_package_get_id (self->package), NULL));
      else
        show_error (self, row_of_error (self, error), error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* The refusal shown, or "". */
const char *
ov_package_dialog_get_error (OvPackageDialog *self)
{
  g_return_val_if_fail (OV_IS_PACKAGE_DIALOG (self), NULL);

  return gtk_label_get_label (self->error_label);
}
