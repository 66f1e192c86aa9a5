/* ov-account-people.c — who plays which part on an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Our team and the customer's team, each person with their roles and
 * email. Adding and changing go through OvPersonDialog; removing asks
 * first, since the tasks they did fall back to whoever holds the role.
 */

#define G_LOG_DOMAIN "ov-account-people"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-people.h"
#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-person-dialog.h"

struct _OvAccountPeople
{
  OvAccountSection     parent_instance;

  GPtrArray           *rows;      /* the rows shown, each with "ov-person" */

  /* Template widgets */
  AdwPreferencesGroup *internal_group;
  AdwPreferencesGroup *customer_group;
  GtkWidget           *add_internal_button;
  GtkWidget           *add_customer_button;
};

G_DEFINE_FINAL_TYPE (OvAccountPeople, ov_account_people, OV_TYPE_ACCOUNT_SECTION)

static GtkWindow *
parent_window (OvAccountPeople *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_dialog (OvAccountPeople *self,
             OvPerson        *person,
             OvSide           side)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  OvPersonDialog *dialog;

  if (store == NULL || account == NULL)
    return;

  dialog = ov_person_dialog_new (parent_window (self), store, ov_account_get_id (account),
                                 person, side);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_internal_cb (OvAccountPeople *self)
{
  open_dialog (self, NULL, OV_SIDE_INTERNAL);
}

static void
add_customer_cb (OvAccountPeople *self)
{
  open_dialog (self, NULL, OV_SIDE_CUSTOMER);
}

static void
row_activated_cb (AdwActionRow    *row,
                  OvAccountPeople *self)
{
  OvPerson *person = g_object_get_data (G_OBJECT (row), "ov-person");

  open_dialog (self, person, ov_person_get_side (person));
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    OvAccountPeople  *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvPerson *person = g_object_get_data (G_OBJECT (dialog), "ov-person");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || store == NULL)
    return;

  if (!ov_store_delete_person (store, person, &error))
    {
      if (ov_conflict_matches (error))
        {
          g_autofree char *message = ov_conflict_describe (error, OV_CONFLICT_DELETE, NULL);

          /* The rows show the person as stored now, to remove again. */
          ov_account_section_refresh (OV_ACCOUNT_SECTION (self));
          ov_app_show_toast (GTK_WIDGET (self), message);
        }
      else
        {
          ov_app_show_toast (GTK_WIDGET (self), error->message);
        }
    }
}

static void
remove_clicked_cb (GtkButton       *button,
                   OvAccountPeople *self)
{
  OvPerson *person = g_object_get_data (G_OBJECT (button), "ov-person");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (self), NULL,
                                   _("Tasks assigned to them go back to whoever holds the "
                                     "task’s role."));
  /* Translators: "Remove Dana Reyes?" */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove %s?"),
                                     ov_person_get_name (person));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ov-person", g_object_ref (person),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self,
                           G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_person_row (OvAccountPeople *self,
                OvPerson        *person)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, ov_person_get_name (person), TRUE);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *roles = ov_person_dup_roles_text (person);
  g_autoptr(GString) subtitle = g_string_new (roles[0] ? roles : _("No role yet"));
  /* Translators: a button's tooltip, "Remove Dana Reyes" */
  g_autofree char *tooltip = g_strdup_printf (_("Remove %s"), ov_person_get_name (person));

  if (ov_person_get_email (person)[0] != '\0')
    g_string_append_printf (subtitle, "\n%s", ov_person_get_email (person));

  /* Names and emails are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tooltip);
  g_object_set_data_full (G_OBJECT (remove), "ov-person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "ov-remove", remove);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ov-person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);

  return row;
}

static void
clear_rows (OvAccountPeople *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (OvAccountPeople     *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

/* Reads the account's people again from the store. */
static void
ov_account_people_refresh (OvAccountSection *section)
{
  OvAccountPeople *self = OV_ACCOUNT_PEOPLE (section);
  OvStore *store = ov_view_get_store (OV_VIEW (section));
  OvAccount *account = ov_account_section_get_account (section);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n_internal = 0, n_customer = 0;

  clear_rows (self);

  people = ov_store_list_people (store, ov_account_get_id (account), &error);
  if (people == NULL)
    {
      add_row (self, self->internal_group, ov_app_note_row_new (error->message));
      return;
    }

  for (guint i = 0; i < people->len; i++)
    {
      OvPerson *person = g_ptr_array_index (people, i);
      gboolean customer = ov_person_get_side (person) == OV_SIDE_CUSTOMER;

      add_row (self, customer ? self->customer_group : self->internal_group,
               new_person_row (self, person));
      if (customer)
        n_customer++;
      else
        n_internal++;
    }

  if (n_internal == 0)
    add_row (self, self->internal_group, ov_app_note_row_new (_("Nobody from our side yet")));
  if (n_customer == 0)
    add_row (self, self->customer_group, ov_app_note_row_new (_("Nobody from the customer yet")));
}

static void
ov_account_people_finalize (GObject *object)
{
  OvAccountPeople *self = OV_ACCOUNT_PEOPLE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_account_people_parent_class)->finalize (object);
}

static void
ov_account_people_class_init (OvAccountPeopleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_people_finalize;
  section_class->refresh = ov_account_people_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-people.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountPeople, internal_group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPeople, customer_group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPeople, add_internal_button);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPeople, add_customer_button);
  gtk_widget_class_bind_template_callback (widget_class, add_internal_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_customer_cb);
}

static void
ov_account_people_init (OvAccountPeople *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
ov_account_people_get_n_people (OvAccountPeople *self)
{
  guint n = 0;

  g_return_val_if_fail (OV_IS_ACCOUNT_PEOPLE (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (self->rows, i), "ov-person") != NULL)
      n++;

  return n;
}

/* The row of the person called @name, or NULL. */
AdwActionRow *
ov_account_people_find_row (OvAccountPeople *self,
                            const char      *name)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_PEOPLE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      OvPerson *person = g_object_get_data (row, "ov-person");

      if (person != NULL && g_strcmp0 (ov_person_get_name (person), name) == 0)
        return ADW_ACTION_ROW (row);
    }

  return NULL;
}

GtkWidget *
ov_account_people_get_remove_button (OvAccountPeople *self,
                                     AdwActionRow    *row)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_PEOPLE (self), NULL);
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), "ov-remove");
}
