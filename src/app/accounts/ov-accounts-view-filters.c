/* ov-accounts-view-filters.c — the accounts view's filters: stage, status,
 * owner and package, and a chip for each one set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-accounts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-accounts-view-private.h"
#include "ov-app-util.h"

static GtkStringList *
new_choices (const char *all)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  return list;
}

/* The drop-downs' choices: every stage and status, and the owners and
 * packages as the portfolio and the store have them. */
void
ov_accounts_view_init_filters (OvAccountsView *self)
{
  g_autoptr(GtkStringList) stages = new_choices (_("All stages"));
  g_autoptr(GtkStringList) statuses = new_choices (_("All statuses"));


  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    gtk_string_list_append (stages, ov_stage_get_title (stage));
  for (guint status = 0; status < OV_N_ACCOUNT_STATUSES; status++)
    gtk_string_list_append (statuses, ov_account_status_get_title (status));
  self->owners = new_choices (_("All owners"));

  gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (stages));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (self->owners));
  self->package_names = new_choices (_("All packages"));
  gtk_string_list_append (self->package_names, _("No package"));
  self->package_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drop_down_set_model (self->package_filter, G_LIST_MODEL (self->package_names));
}

void
ov_accounts_view_clear_filter_choices (OvAccountsView *self)
{
  g_clear_object (&self->owners);
  g_clear_object (&self->package_names);
  g_clear_pointer (&self->package_ids, g_array_unref);
}

void
ov_accounts_view_update_owner_choices (OvAccountsView *self)
{
  g_auto(GStrv) owners = NULL;
  g_autofree char *selected = NULL;
  guint position = 0;
  guint n;

  if (self->accounts == NULL)
    return;

  /* Keep the chosen owner chosen when the list of owners changes. */
  if (gtk_drop_down_get_selected (self->owner_filter) > 0)
    selected = g_strdup (gtk_string_list_get_string (self->owners,
                                                     gtk_drop_down_get_selected (self->owner_filter)));

  owners = ov_account_list_dup_owners (self->accounts);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->owners));
  gtk_string_list_splice (self->owners, 1, n - 1, (const char * const *)owners);

  for (guint i = 0; owners[i] != NULL; i++)
    if (g_strcmp0 (owners[i], selected) == 0)
      position = i + 1;

  gtk_drop_down_set_selected (self->owner_filter, position);
}

/* The package records to filter by, the one chosen kept chosen. */
void
ov_accounts_view_update_package_choices (OvAccountsView *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->package_filter);
  gint64 chosen = selected >= 2 && selected - 2 < self->package_ids->len
                    ? g_array_index (self->package_ids, gint64, selected - 2) : 0;
  guint position = selected == 1 ? 1 : 0;

  if (store == NULL)
    return;

  packages = ov_store_list_packages (store, &error);
  if (packages == NULL)
    {
      g_warning ("Could not list the packages: %s", error->message);
      return;
    }

  g_array_set_size (self->package_ids, 0);
  for (guint i = 0; i < packages->len; i++)
    {
      OvPackage *package = g_ptr_array_index (packages, i);
      gint64 id = ov_package_get_id (package);

      g_ptr_array_add (names, (gpointer)ov_package_get_name (package));
      g_array_append_val (self->package_ids, id);
      if (ov_package_get_id (package) == chosen)
        position = i + 2;
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->package_names, 2,
                          g_list_model_get_n_items (G_LIST_MODEL (self->package_names)) - 2,
                          (const char * const *)names->pdata);
  gtk_drop_down_set_selected (self->package_filter, position);
}

/* A chip's button: that filter back to "All …". */
static void
chip_clicked_cb (GtkDropDown *filter)
{
  gtk_drop_down_set_selected (filter, 0);
}

/* A chip for @filter when it is set: "Stage: Kickoff", and a button that
 * removes it. */
static void
add_chip (OvAccountsView *self,
          GtkDropDown    *filter,
          const char     *what)
{
  guint selected = gtk_drop_down_get_selected (filter);
  g_autoptr(GObject) item = NULL;
  GtkWidget *button;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  item = g_list_model_get_item (gtk_drop_down_get_model (filter), selected);
  button = ov_app_filter_chip_new (what, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (chip_clicked_cb), filter);

  gtk_flow_box_append (self->filter_chips, button);
  ov_app_flow_box_unfocus (self->filter_chips, TRUE);
}

/* Every filter set shows as a chip above the list, so a list narrowed by a
 * dashboard's link says why it is short. */
static void
update_chips (OvAccountsView *self)
{
  GtkWidget *child;
  gboolean any;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))) != NULL)
    gtk_flow_box_remove (self->filter_chips, child);

  add_chip (self, self->stage_filter, _("Stage"));
  add_chip (self, self->status_filter, _("Status"));
  add_chip (self, self->owner_filter, _("Owner"));
  add_chip (self, self->package_filter, _("Package"));

  any = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips)) != NULL;
  gtk_widget_set_visible (self->filter_bar, any);
}

void
ov_accounts_view_filters_changed (OvAccountsView *self)
{
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  guint package = gtk_drop_down_get_selected (self->package_filter);
  gint64 package_id = OV_ACCOUNT_FILTER_ANY;
  gboolean any;

  if (self->accounts == NULL)
    return;

  /* Item 0 of each drop-down is "All …". */
  ov_account_list_set_stage_filter (self->accounts,
                                    stage == 0 || stage == GTK_INVALID_LIST_POSITION
                                      ? OV_ACCOUNT_FILTER_ANY : (int)stage);
  ov_account_list_set_status_filter (self->accounts,
                                     status == 0 || status == GTK_INVALID_LIST_POSITION
                                       ? OV_ACCOUNT_FILTER_ANY : (int)status - 1);
  ov_account_list_set_owner_filter (self->accounts,
                                    owner == 0 || owner == GTK_INVALID_LIST_POSITION
                                      ? NULL : gtk_string_list_get_string (self->owners, owner));

  /* Item 1 of the packages is "No package". */
  if (package == 1)
    package_id = 0;
  else if (package >= 2 && package - 2 < self->package_ids->len)
    package_id = g_array_index (self->package_ids, gint64, package - 2);
  ov_account_list_set_package_filter (self->accounts, package_id);

  any = package_id != OV_ACCOUNT_FILTER_ANY ||
        (stage > 0 && stage != GTK_INVALID_LIST_POSITION) ||
        (status > 0 && status != GTK_INVALID_LIST_POSITION) ||
        (owner > 0 && owner != GTK_INVALID_LIST_POSITION);
  if (any)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");

  update_chips (self);
}

void
ov_accounts_view_clear_filters (OvAccountsView *self)
{
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->package_filter, 0);
}

/* Shows only @stage's accounts, with the other filters and search cleared. */
void
ov_accounts_view_filter_stage (OvAccountsView *self,
                               OvStage         stage)
{
  g_return_if_fail (OV_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (ov_stage_is_valid (stage));

  ov_accounts_view_show_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->package_filter, 0);
  gtk_drop_down_set_selected (self->stage_filter, stage);
}
