/* ov-person-dialog.c — add or change one person of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, email, which side they work for and the roles they hold there, as
 * tick boxes: one person may hold several. The store validates; a refusal
 * marks the row it is about and keeps the dialog open.
 */

#define G_LOG_DOMAIN "ov-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-conflict.h"
#include "ov-person-dialog.h"

struct _OvPersonDialog
{
  AdwWindow            parent_instance;

  OvStore             *store;
  gint64               account_id;
  OvPerson            *person;      /* NULL when adding */
  GHashTable          *ticked;      /* role ids (static strings) */
  GPtrArray           *role_rows;

  /* Template widgets */
  GtkWidget           *save_button;
  AdwEntryRow         *name_row;
  AdwEntryRow         *email_row;
  AdwComboRow         *side_row;
  AdwPreferencesGroup *roles_group;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (OvPersonDialog, ov_person_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static OvSide
current_side (OvPersonDialog *self)
{
  return adw_combo_row_get_selected (self->side_row) == 1 ? OV_SIDE_CUSTOMER : OV_SIDE_INTERNAL;
}

static void
show_error (OvPersonDialog *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
    }
}

static void
name_changed_cb (OvPersonDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (self->save_button, name[0] != '\0');
  show_error (self, NULL);
}

static void
email_changed_cb (OvPersonDialog *self)
{
  show_error (self, NULL);
}

static void
role_toggled_cb (GtkCheckButton *check,
                 OvPersonDialog *self)
{
  const char *role = g_object_get_data (G_OBJECT (check), "ov-role");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->ticked, (gpointer)role);
  else
    g_hash_table_remove (self->ticked, role);
}

/* One tick box per role of the chosen side. */
static void
show_roles (OvPersonDialog *self)
{
  OvSide side = current_side (self);
  const char * const *roles = ov_role_list (side);

  for (guint i = 0; i < self->role_rows->len; i++)
    adw_preferences_group_remove (self->roles_group, g_ptr_array_index (self->role_rows, i));
  g_ptr_array_set_size (self->role_rows, 0);

  for (guint i = 0; roles[i] != NULL; i++)
    {
      GtkWidget *row;
      GtkWidget *check;

      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_role_get_title (roles[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->ticked, roles[i]));
      g_object_set_data (G_OBJECT (check), "ov-role", (gpointer)roles[i]);
      g_signal_connect_object (check, "toggled", G_CALLBACK (role_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_name (check, roles[i]);

      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->role_rows, row);
    }
}

static void
side_changed_cb (OvPersonDialog *self)
{
  show_roles (self);
}

static void
save_clicked_cb (OvPersonDialog *self)
{
  ov_person_dialog_save (self);
}

static void
ov_person_dialog_dispose (GObject *object)
{
  OvPersonDialog *self = OV_PERSON_DIALOG (object);

  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_person_dialog_parent_class)->dispose (object);
}

static void
ov_person_dialog_finalize (GObject *object)
{
  OvPersonDialog *self = OV_PERSON_DIALOG (object);

  g_clear_pointer (&self->ticked, g_hash_table_unref);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_person_dialog_parent_class)->finalize (object);
}

static void
ov_person_dialog_class_init (OvPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_person_dialog_dispose;
  object_class->finalize = ov_person_dialog_finalize;

  /**
   * OvPersonDialog::saved:
   * @person: the person as stored
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, OV_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, OvPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OvPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, OvPersonDialog, side_row);
  gtk_widget_class_bind_template_child (widget_class, OvPersonDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, OvPersonDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, side_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_person_dialog_init (OvPersonDialog *self)
{
  self->ticked = g_hash_table_new (g_str_hash, g_str_equal);
  self->role_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @person: the stored person to change, or NULL to add one on @side. */
OvPersonDialog *
ov_person_dialog_new (GtkWindow *parent,
                      OvStore   *store,
                      gint64     account_id,
                      OvPerson  *person,
                      OvSide     side)
{
  OvPersonDialog *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || OV_IS_PERSON (person), NULL);

  self = g_object_new (OV_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->account_id = account_id;

  if (person != NULL)
    {
      const char * const *roles = ov_person_get_roles (person);

      self->person = ov_person_copy (person);
      side = ov_person_get_side (person);
      for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
        {
          /* The static id, so the set does not hold on to the person. */
          const char * const *all = ov_role_list_all ();

          for (guint j = 0; all[j] != NULL; j++)
            if (g_strcmp0 (all[j], roles[i]) == 0)
              g_hash_table_add (self->ticked, (gpointer)all[j]);
        }

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), ov_person_get_name (person));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), ov_person_get_email (person));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), side == OV_SIDE_CUSTOMER ? _("Add Customer Contact")
                                                                       : _("Add Team Member"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }

  adw_combo_row_set_selected (self->side_row, side == OV_SIDE_CUSTOMER ? 1 : 0);
  show_roles (self);
  name_changed_cb (self);

  return self;
}

/* The tick box of @role, if @role belongs to the side chosen now. */
GtkCheckButton *
ov_person_dialog_get_role_check (OvPersonDialog *self,
                                 const char     *role)
{
  g_return_val_if_fail (OV_IS_PERSON_DIALOG (self), NULL);

  for (guint i = 0; i < self->role_rows->len; i++)
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (g_ptr_array_index (self->role_rows, i));

      if (g_strcmp0 (gtk_widget_get_name (check), role) == 0)
        return GTK_CHECK_BUTTON (check);
    }

  return NULL;
}

/* Someone changed the person since the dialog read them: the dialog
 * takes the stored row as the one to save over and keeps what was typed;
 * the message says who changed it and what is stored now. */
static void
show_conflict (OvPersonDialog *self,
               const GError   *error)
{
  g_autoptr(OvPerson) fresh = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *before_roles = NULL;
  g_autofree char *now_roles = NULL;
  g_autofree char *message = NULL;

  fresh = ov_store_get_person (self->store, ov_person_get_id (self->person), &read_error);
  if (fresh == NULL)
    {
      show_error (self, read_error->message);
      return;
    }

  ov_conflict_add_change (changes, _("Name"), ov_person_get_name (self->person),
                          ov_person_get_name (fresh));
  ov_conflict_add_change (changes, _("Email"), ov_person_get_email (self->person),
                          ov_person_get_email (fresh));
  before_roles = ov_person_dup_roles_text (self->person);
  now_roles = ov_person_dup_roles_text (fresh);
  ov_conflict_add_change (changes, _("Roles"), before_roles, now_roles);

  /* A row the user left as it was shows what is stored now. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 ov_person_get_name (self->person)) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), ov_person_get_name (fresh));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
                 ov_person_get_email (self->person)) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), ov_person_get_email (fresh));
  g_set_object (&self->person, fresh);

  message = ov_conflict_describe (error, OV_CONFLICT_SAVE, changes->str);
  ov_conflict_show (GTK_WIDGET (self), self->error_label, NULL, error, message);
}

/* What the Add / Save button does. */
void
ov_person_dialog_save (OvPersonDialog *self)
{
  g_autoptr(OvPerson) draft = NULL;
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  const char * const *side_roles;
  OvSide side = current_side (self);
  gboolean ok;

  g_return_if_fail (OV_IS_PERSON_DIALOG (self));

  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  show_error (self, NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));

  /* Only the roles of the side chosen now: ticks left on the other side
   * before switching do not count. */
  side_roles = ov_role_list_all ();
  for (guint i = 0; side_roles[i] != NULL; i++)
    if (ov_role_get_side (side_roles[i]) == side &&
        g_hash_table_contains (self->ticked, side_roles[i]))
      g_ptr_array_add (roles, (gpointer)side_roles[i]);
  g_ptr_array_add (roles, NULL);

  draft = self->person ? ov_person_copy (self->person)
                       : ov_person_new (self->account_id, side, name, email);
  ov_person_set_name (draft, name);
  ov_person_set_email (draft, email);
  ov_person_set_side (draft, side);
  ov_person_set_roles (draft, (const char * const *)roles->pdata);

  ok = self->person ? ov_store_update_person (self->store, draft, &error)
                    : ov_store_add_person (self->store, draft, &error);
  if (!ok)
    {
      if (g_error_matches (error, OV_PERSON_ERROR, OV_PERSON_ERROR_NAME))
        gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      else if (g_error_matches (error, OV_PERSON_ERROR, OV_PERSON_ERROR_EMAIL))
        gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");

      if (ov_conflict_matches (error))
        show_conflict (self, error);
      else
        show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, draft);
  gtk_window_close (GTK_WINDOW (self));
}

/* The refusal shown, or "". */
const char *
ov_person_dialog_get_error (OvPersonDialog *self)
{
  g_return_val_if_fail (OV_IS_PERSON_DIALOG (self), NULL);

  return gtk_label_get_label (self->error_label);
}
