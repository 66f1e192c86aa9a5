/* ov-content-assign-dialog.c — assigning an item to one account, or to
 * every account in a stage or a segment at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the scope, the store makes one step of it; the toast that
 * says how many accounts got the item has an Undo that takes back exactly
 * that step (ov_store_undo_content_step()).
 */

#define G_LOG_DOMAIN "ov-content-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-content-assign-dialog.h"
#include "ov-stage.h"
#include "ov-store-content.h"

struct _OvContentAssignDialog
{
  AdwWindow      parent_instance;

  OvStore       *store;
  OvContentItem *item;
  GtkWidget     *toast_widget;
  GPtrArray     *accounts;     /* OvAccount, as in the drop-down */
  char         **segments;
  OvDate         today;

  /* Template widgets */
  AdwComboRow   *scope_row;
  GtkWidget     *account_row;
  GtkDropDown   *account_dropdown;
  AdwComboRow   *stage_row;
  AdwComboRow   *segment_row;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (OvContentAssignDialog, ov_content_assign_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  OvStore   *store;
  GtkWidget *widget;
  gint64     step_id;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->widget);
  g_free (undo);
}

static void
undo_step (gpointer data)
{
  Undo *undo = data;
  g_autoptr(GError) error = NULL;

  if (!ov_store_undo_content_step (undo->store, undo->step_id, NULL, &error))
    ov_app_show_toast (undo->widget, error->message);
}

static void
scope_changed_cb (OvContentAssignDialog *self)
{
  guint scope = adw_combo_row_get_selected (self->scope_row);

  gtk_widget_set_visible (self->account_row, scope == OV_CONTENT_ASSIGN_ACCOUNT);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_row), scope == OV_CONTENT_ASSIGN_STAGE);
  gtk_widget_set_visible (GTK_WIDGET (self->segment_row), scope == OV_CONTENT_ASSIGN_SEGMENT);
}

static void
assign_clicked_cb (OvContentAssignDialog *self)
{
  ov_content_assign_dialog_assign (self);
}

static void
ov_content_assign_dialog_dispose (GObject *object)
{
  OvContentAssignDialog *self = OV_CONTENT_ASSIGN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->item);
  g_clear_object (&self->toast_widget);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_strfreev);

  G_OBJECT_CLASS (ov_content_assign_dialog_parent_class)->dispose (object);
}

static void
ov_content_assign_dialog_class_init (OvContentAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_content_assign_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-content-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvContentAssignDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentAssignDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentAssignDialog, account_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OvContentAssignDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentAssignDialog, segment_row);
  gtk_widget_class_bind_template_child (widget_class, OvContentAssignDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, assign_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_content_assign_dialog_init (OvContentAssignDialog *self)
{
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (scopes, _("One account"));
  gtk_string_list_append (scopes, _("Every account in a stage"));
  gtk_string_list_append (scopes, _("Every account in a segment"));
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    gtk_string_list_append (stages, ov_stage_get_title (stage));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));

  gtk_drop_down_set_expression (self->account_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  scope_changed_cb (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (ov_account_get_name (*(OvAccount **)a),
                         ov_account_get_name (*(OvAccount **)b));
}

OvContentAssignDialog *
ov_content_assign_dialog_new (GtkWindow     *parent,
                              OvStore       *store,
                              OvContentItem *item,
                              OvAccountList *accounts,
                              OvDate         today,
                              GtkWidget     *toast_widget)
{
  OvContentAssignDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) segments = gtk_string_list_new (NULL);
  GPtrArray *all;
  OvStage stage;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (item), NULL);
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (accounts), NULL);

  self = g_object_new (OV_TYPE_CONTENT_ASSIGN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->item = g_object_ref (item);
  self->toast_widget = toast_widget != NULL ? g_object_ref (toast_widget) : NULL;
  self->today = today;

  {
    /* Translators: the assign dialog's title, "Assign “Admin foundations”" */
    g_autofree char *title = g_strdup_printf (_("Assign “%s”"), ov_content_item_get_title (item));

    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  all = ov_account_list_get_all (accounts);
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (ov_account_get_status (all->pdata[i]) != OV_ACCOUNT_STATUS_CHURNED)
      g_ptr_array_add (self->accounts, g_object_ref (all->pdata[i]));
  g_ptr_array_sort (self->accounts, compare_names);
  for (guint i = 0; i < self->accounts->len; i++)
    gtk_string_list_append (names, ov_account_get_name (self->accounts->pdata[i]));
  gtk_drop_down_set_model (self->account_dropdown, G_LIST_MODEL (names));

  self->segments = ov_account_list_dup_segments (accounts);
  for (guint i = 0; self->segments != NULL && self->segments[i] != NULL; i++)
    gtk_string_list_append (segments, self->segments[i]);
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));

  /* The item's own stage first, when it has one. */
  stage = ov_content_item_get_stage (item);
  if (stage != 0)
    adw_combo_row_set_selected (self->stage_row, stage - OV_STAGE_FIRST);

  return self;
}

void
ov_content_assign_dialog_choose (OvContentAssignDialog *self,
                                 OvContentAssignScope   scope,
                                 gint64                 account_id,
                                 OvStage                stage,
                                 const char            *segment)
{
  g_return_if_fail (OV_IS_CONTENT_ASSIGN_DIALOG (self));

  adw_combo_row_set_selected (self->scope_row, scope);
  for (guint i = 0; i < self->accounts->len; i++)
    if (ov_account_get_id (self->accounts->pdata[i]) == account_id)
      gtk_drop_down_set_selected (self->account_dropdown, i);
  if (ov_stage_is_valid (stage))
    adw_combo_row_set_selected (self->stage_row, stage - OV_STAGE_FIRST);
  for (guint i = 0; segment != NULL && self->segments != NULL && self->segments[i] != NULL; i++)
    if (g_strcmp0 (self->segments[i], segment) == 0)
      adw_combo_row_set_selected (self->segment_row, i);
}

static void
show_error (OvContentAssignDialog *self,
            const char            *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

gboolean
ov_content_assign_dialog_assign (OvContentAssignDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 content_id, step_id = -1;
  guint scope, n_added = 0, selected;

  g_return_val_if_fail (OV_IS_CONTENT_ASSIGN_DIALOG (self), FALSE);

  content_id = ov_content_item_get_id (self->item);
  scope = adw_combo_row_get_selected (self->scope_row);
  switch (scope)
    {
    case OV_CONTENT_ASSIGN_ACCOUNT:
      selected = gtk_drop_down_get_selected (self->account_dropdown);
      if (selected >= self->accounts->len)
        {
          show_error (self, _("Choose the account that gets the item."));
          return FALSE;
        }
      step_id = ov_store_assign_content_to_account (self->store, content_id,
                                                    ov_account_get_id (self->accounts->pdata[selected]),
                                                    self->today, &n_added, &error);
      break;
    case OV_CONTENT_ASSIGN_STAGE:
      step_id = ov_store_assign_content_to_stage (self->store, content_id,
                                                  adw_combo_row_get_selected (self->stage_row) +
                                                    OV_STAGE_FIRST,
                                                  self->today, &n_added, &error);
      break;
    case OV_CONTENT_ASSIGN_SEGMENT:
    default:
      selected = adw_combo_row_get_selected (self->segment_row);
      if (self->segments == NULL || selected >= g_strv_length (self->segments))
        {
          show_error (self, _("Choose the segment whose accounts get the item."));
          return FALSE;
        }
      step_id = ov_store_assign_content_to_segment (self->store, content_id,
                                                    self->segments[selected], self->today,
                                                    &n_added, &error);
      break;
    }

  if (step_id < 0)
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (n_added == 0)
    message = g_strdup_printf (_("Every account chosen has “%s” already"),
                               ov_content_item_get_title (self->item));
  else
    /* Translators: a toast, "Assigned “Admin foundations” to 12 accounts" */
    message = g_strdup_printf (ngettext ("Assigned “%s” to %u account",
                                         "Assigned “%s” to %u accounts", n_added),
                               ov_content_item_get_title (self->item), n_added);

  if (self->toast_widget != NULL)
    {
      if (step_id > 0)
        {
          Undo *undo = g_new0 (Undo, 1);

          undo->store = g_object_ref (self->store);
          undo->widget = g_object_ref (self->toast_widget);
          undo->step_id = step_id;
          ov_app_show_undo_toast (self->toast_widget, message, undo_step, undo, undo_free);
        }
      else
        ov_app_show_toast (self->toast_widget, message);
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
ov_content_assign_dialog_get_error (OvContentAssignDialog *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ASSIGN_DIALOG (self), NULL);

  return gtk_label_get_label (self->error_label);
}
