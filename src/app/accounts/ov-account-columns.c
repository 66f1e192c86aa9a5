/* ov-account-columns.c — the accounts table's optional columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Segment, package and the like are columns a manager shows or hides in
 * the table's column menu (also the menu of each column's header). The
 * choice is the setting "account-columns", a list of column ids, so it
 * holds across windows and runs. Each optional column is a stateful
 * boolean action "columns.<id>"; the setting is the one truth, and actions
 * and columns follow it.
 */

#define G_LOG_DOMAIN "ov-accounts-view"

#include "config.h"

#include "ov-account-columns.h"

#define COLUMNS_KEY "account-columns"

static void
settings_changed_cb (GSettings          *settings,
                     const char         *key,
                     GSimpleActionGroup *group)
{
  g_auto(GStrv) shown = g_settings_get_strv (settings, COLUMNS_KEY);
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (group));

  for (guint i = 0; names[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (group), names[i]);
      GtkColumnViewColumn *column = g_object_get_data (G_OBJECT (action), "ov-column");
      gboolean visible = g_strv_contains ((const char * const *)shown, names[i]);

      gtk_column_view_column_set_visible (column, visible);
      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (visible));
    }
}

/* Showing or hiding a column writes the setting; the columns follow it. */
static void
change_state_cb (GSimpleAction *action,
                 GVariant      *value,
                 gpointer       data)
{
  GSettings *settings = data;
  g_auto(GStrv) shown = g_settings_get_strv (settings, COLUMNS_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;
  const char *id = g_action_get_name (G_ACTION (action));

  for (guint i = 0; shown[i] != NULL; i++)
    if (g_strcmp0 (shown[i], id) != 0)
      g_strv_builder_add (builder, shown[i]);
  if (g_variant_get_boolean (value))
    g_strv_builder_add (builder, id);

  next = g_strv_builder_end (builder);
  g_settings_set_strv (settings, COLUMNS_KEY, (const char * const *)next);
}

/* The actions "<id>" for @columns, to be inserted as "columns"; the
 * columns are shown as @settings say from now on. */
static GSimpleActionGroup *
new_actions (GSettings              *settings,
                        const OvOptionalColumn *columns,
                        guint                   n_columns)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();

  g_object_set_data_full (G_OBJECT (group), "ov-settings", g_object_ref (settings), g_object_unref);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GSimpleAction) action = NULL;

      action = g_simple_action_new_stateful (columns[i].id, NULL, g_variant_new_boolean (TRUE));
      g_object_set_data (G_OBJECT (action), "ov-column", columns[i].column);
      g_signal_connect_object (action, "change-state", G_CALLBACK (change_state_cb), settings, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }

  g_signal_connect_object (settings, "changed::" COLUMNS_KEY, G_CALLBACK (settings_changed_cb),
                           group, 0);
  settings_changed_cb (settings, COLUMNS_KEY, group);
  return group;
}

/* The column menu: a check item per optional column. */
static GMenuModel *
new_menu (const OvOptionalColumn *columns,
          guint                   n_columns)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *action = g_strconcat ("columns.", columns[i].id, NULL);

      g_menu_append (menu, columns[i].title, action);
    }

  return G_MENU_MODEL (menu);
}

/* Gives @owner the actions "columns.<id>" of @columns, shown as @settings
 * say, and @button and each of their headers the column menu. */
void
ov_account_columns_attach (GtkWidget              *owner,
                           GSettings              *settings,
                           GtkMenuButton          *button,
                           const OvOptionalColumn *columns,
                           guint                   n_columns)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GMenuModel) menu = NULL;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  group = new_actions (settings, columns, n_columns);
  gtk_widget_insert_action_group (owner, "columns", G_ACTION_GROUP (group));
  menu = new_menu (columns, n_columns);
  gtk_menu_button_set_menu_model (button, menu);
  for (guint i = 0; i < n_columns; i++)
    gtk_column_view_column_set_header_menu (columns[i].column, menu);
}
