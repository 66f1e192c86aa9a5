/* test-shortcuts.c — Escape leaves an account page, and the shortcuts
 * window lists every accelerator the application sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-ui-test.h"

/* The shortcut @widget's own class gives to @keyval with no modifier. */
static GtkShortcut *
class_shortcut_for (GtkWidget *widget,
                    guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return shortcut;
        }
    }

  return NULL;
}

static void
test_escape_leaves_account (void)
{
  OvWindow *window = ov_ui_test_open_sample_window ("escape.db");
  OvAccountList *accounts = ov_window_get_accounts (window);
  OvAccount *account = g_ptr_array_index (ov_account_list_get_all (accounts), 0);
  GtkWidget *view_stack, *accounts_view, *leaflet, *page;
  GtkShortcut *escape;

  ov_window_show_account (window, account);
  ov_ui_test_settle ();
  view_stack = ov_ui_test_child (window, OV_TYPE_WINDOW, "view_stack");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==,
                   "accounts");
  accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  leaflet = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "leaflet");
  page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "account");
  g_assert_true (ov_account_page_get_account (OV_ACCOUNT_PAGE (page)) == account);

  /* The page answers Escape with its way back, and that way leads to the list. */
  escape = class_shortcut_for (page, GDK_KEY_Escape);
  g_assert_nonnull (escape);
  g_assert_true (GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (escape)));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (escape))),
                   ==, "account.back");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0, page, NULL));
  ov_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "list");

  ov_ui_test_close_window (window);
}

/* Adds every accelerator under @widget's GtkShortcutsShortcuts to @shown,
 * as "keyval:modifiers", and every action name they stand for. */
static void
collect_shown (GtkWidget  *widget,
               GHashTable *shown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *accelerator = NULL;
          g_autofree char *action = NULL;

          g_object_get (child, "accelerator", &accelerator, "action-name", &action, NULL);
          if (action != NULL)
            g_hash_table_add (shown, g_steal_pointer (&action));
          if (accelerator != NULL)
            {
              g_auto(GStrv) parts = g_strsplit (accelerator, " ", -1);

              for (guint i = 0; parts[i] != NULL; i++)
                {
                  guint keyval;
                  GdkModifierType mods;

                  g_assert_true (gtk_accelerator_parse (parts[i], &keyval, &mods));
                  g_hash_table_add (shown, g_strdup_printf ("%u:%u", keyval, mods));
                }
            }
        }
      collect_shown (child, shown);
    }
}

static gboolean
is_shown (GHashTable *shown,
          const char *accel)
{
  guint keyval;
  GdkModifierType mods;
  g_autofree char *key = NULL;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  key = g_strdup_printf ("%u:%u", keyval, mods);
  return g_hash_table_contains (shown, key);
}

static void
test_shortcuts_window (void)
{
  g_autofree char *db = ov_ui_test_db_path ("shortcuts.db");
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = NULL;
  OvWindow *window;
  GtkApplication *app;
  GtkShortcutsWindow *overlay;
  guint n_accels = 0;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");
  app = gtk_window_get_application (GTK_WINDOW (window));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  collect_shown (GTK_WIDGET (overlay), shown);

  /* Every accelerator the application sets is in the window, by its
   * action or by its keys. */
  actions = gtk_application_list_action_descriptions (app);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++, n_accels++)
        if (!g_hash_table_contains (shown, actions[i]) && !is_shown (shown, accels[j]))
          g_error ("%s (%s) is not in the shortcuts window", accels[j], actions[i]);
    }
  g_assert_cmpuint (n_accels, >=, 14);

  /* And so are the keys widgets bind for themselves. */
  g_assert_true (is_shown (shown, "Escape"));
  g_assert_true (is_shown (shown, "<Alt>Left"));
  g_assert_true (is_shown (shown, "<Control>p"));
  g_assert_false (is_shown (shown, "<Control><Shift>p"));

  gtk_window_present (GTK_WINDOW (overlay));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
  ov_ui_test_shoot (GTK_WIDGET (overlay), "shortcuts");
  gtk_window_close (GTK_WINDOW (overlay));
  ov_ui_test_settle ();

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/shortcuts/escape-leaves-account", test_escape_leaves_account);
  g_test_add_func ("/shortcuts/window", test_shortcuts_window);

  return g_test_run ();
}
