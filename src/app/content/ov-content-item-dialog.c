/* ov-content-item-dialog.c — adding or editing an item of the content library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audience is a customer role or everyone; the stage one of the six
 * or any. What the store refuses is said under the fields, with the row
 * it is about marked.
 */

#define G_LOG_DOMAIN "ov-content-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-content-item-dialog.h"
#include "ov-role.h"
#include "ov-stage.h"
#include "ov-store-content.h"

struct _OvContentItemDialog
{
  AdwWindow      parent_instance;

  OvStore       *store;
  OvContentItem *item;       /* NULL when adding */

  /* Template widgets */
  GtkWidget     *save_button;
  AdwEntryRow   *title_row;
  AdwComboRow   *format_row;
  AdwComboRow   *audience_row;
  AdwComboRow   *stage_row;
  AdwEntryRow   *location_row;
  GtkSpinButton *duration_spin;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (OvContentItemDialog, ov_content_item_dialog, ADW_TYPE_WINDOW)

static const char * const *
audience_roles (void)
{
  return ov_role_list (OV_SIDE_CUSTOMER);
}

static void
clear_error (OvContentItemDialog *self)
{
  gtk_label_set_label (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->location_row), "error");
}

static GtkWidget *
row_of_error (OvContentItemDialog *self,
              const GError        *error)
{
  if (error->domain != OV_CONTENT_ERROR)
    return NULL;

  switch (error->code)
    {
    case OV_CONTENT_ERROR_TITLE:
    case OV_CONTENT_ERROR_DUPLICATE:
      return GTK_WIDGET (self->title_row);
    case OV_CONTENT_ERROR_LOCATION:
      return GTK_WIDGET (self->location_row);
    default:
      return NULL;
    }
}

static void
save_clicked_cb (OvContentItemDialog *self)
{
  ov_content_item_dialog_save (self);
}

static void
ov_content_item_dialog_dispose (GObject *object)
{
  OvContentItemDialog *self = OV_CONTENT_ITEM_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ov_content_item_dialog_parent_class)->dispose (object);
}

static void
ov_content_item_dialog_class_init (OvContentItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_content_item_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-content-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvContentItemDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, OvContentItemDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentItemDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentItemDialog, audience_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentItemDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentItemDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentItemDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, OvContentItemDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_content_item_dialog_init (OvContentItemDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) audiences = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < OV_N_CONTENT_FORMATS; i++)
    gtk_string_list_append (formats, ov_content_format_get_title (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));

  gtk_string_list_append (audiences, _("Everyone"));
  for (const char * const *role = audience_roles (); *role != NULL; role++)
    gtk_string_list_append (audiences, ov_role_get_title (*role));
  adw_combo_row_set_model (self->audience_row, G_LIST_MODEL (audiences));

  gtk_string_list_append (stages, _("Any stage"));
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    gtk_string_list_append (stages, ov_stage_get_title (stage));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
}

OvContentItemDialog *
ov_content_item_dialog_new (GtkWindow     *parent,
                            OvStore       *store,
                            OvContentItem *item)
{
  OvContentItemDialog *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (item == NULL || OV_IS_CONTENT_ITEM (item), NULL);

  self = g_object_new (OV_TYPE_CONTENT_ITEM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (item != NULL)
    {
      const char *role = ov_content_item_get_role (item);

      self->item = ov_content_item_copy (item);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Item"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), ov_content_item_get_title (item));
      adw_combo_row_set_selected (self->format_row, ov_content_item_get_format (item));
      adw_combo_row_set_selected (self->audience_row, 0);
      for (guint i = 0; audience_roles ()[i] != NULL; i++)
        if (g_strcmp0 (audience_roles ()[i], role) == 0)
          adw_combo_row_set_selected (self->audience_row, i + 1);
      adw_combo_row_set_selected (self->stage_row, ov_content_item_get_stage (item));
      gtk_editable_set_text (GTK_EDITABLE (self->location_row),
                             ov_content_item_get_location (item));
      gtk_spin_button_set_value (self->duration_spin, ov_content_item_get_duration (item));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Item"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }

  return self;
}

void
ov_content_item_dialog_set_title (OvContentItemDialog *self,
                                  const char          *title)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

gboolean
ov_content_item_dialog_save (OvContentItemDialog *self)
{
  g_autoptr(OvContentItem) draft = NULL;
  g_autoptr(GError) error = NULL;
  guint audience, stage;
  gboolean ok;

  g_return_val_if_fail (OV_IS_CONTENT_ITEM_DIALOG (self), FALSE);

  clear_error (self);
  draft = self->item != NULL ? ov_content_item_copy (self->item)
                             : ov_content_item_new ("", OV_CONTENT_FORMAT_COURSE);
  ov_content_item_set_title (draft, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  ov_content_item_set_format (draft, adw_combo_row_get_selected (self->format_row));
  audience = adw_combo_row_get_selected (self->audience_row);
  ov_content_item_set_role (draft, audience > 0 && audience != GTK_INVALID_LIST_POSITION
                                     ? audience_roles ()[audience - 1] : "");
  stage = adw_combo_row_get_selected (self->stage_row);
  ov_content_item_set_stage (draft, stage != GTK_INVALID_LIST_POSITION ? stage : 0);
  ov_content_item_set_location (draft, gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
  ov_content_item_set_duration (draft, gtk_spin_button_get_value_as_int (self->duration_spin));

  ok = self->item != NULL ? ov_store_update_content_item (self->store, draft, &error)
                          : ov_store_add_content_item (self->store, draft, &error);
  if (!ok)
    {
      GtkWidget *row = row_of_error (self, error);

      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      if (row != NULL)
        gtk_widget_add_css_class (row, "error");
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
ov_content_item_dialog_get_error (OvContentItemDialog *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM_DIALOG (self), NULL);

  return gtk_label_get_label (self->error_label);
}
