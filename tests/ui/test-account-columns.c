/* test-account-columns.c — the accounts table's optional columns: shown
 * as the column menu says, and remembered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ov-accounts-view.h"
#include "ov-ui-test.h"

static GtkWidget *
view_child (GtkWidget  *view,
            const char *name)
{
  return ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, name);
}

static GtkColumnViewColumn *
view_column (GtkWidget  *view,
             const char *name)
{
  GObject *column = gtk_widget_get_template_child (view, OV_TYPE_ACCOUNTS_VIEW, name);

  g_assert_true (GTK_IS_COLUMN_VIEW_COLUMN (column));
  return GTK_COLUMN_VIEW_COLUMN (column);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
show_accounts (OvWindow *window)
{
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");
  view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ov_ui_test_settle ();
  return view;
}

static void
test_columns_chosen_and_remembered (void)
{
  OvWindow *window = ov_ui_test_open_sample_window ("columns.db");
  g_autoptr(OvAccount) first = NULL;
  g_autofree char *db = NULL;
  g_auto(GStrv) shown = NULL;
  GSettings *settings = ov_context_get_settings (ov_window_get_context (window));
  GtkColumnViewColumn *segment, *package;
  GtkWidget *view;

  db = g_strdup (ov_store_get_path (ov_window_get_store (window)));
  view = show_accounts (window);
  segment = view_column (view, "segment_column");
  package = view_column (view, "package_column");

  /* By default both show, with the account's segment in its cells; each
   * header offers the menu. */
  g_assert_true (gtk_column_view_column_get_visible (segment));
  g_assert_true (gtk_column_view_column_get_visible (package));
  first = g_list_model_get_item (G_LIST_MODEL (ov_window_get_accounts (window)), 0);
  g_assert_cmpstr (ov_account_get_segment (first), !=, "");
  g_assert_true (shows_text (view_child (view, "column_view"), ov_account_get_segment (first)));
  g_assert_nonnull (gtk_column_view_column_get_header_menu (segment));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (view_child (view, "columns_button"))));

  /* The menu's check item hides the segment, and the setting says so. */
  gtk_widget_activate_action (view, "columns.segment", NULL);
  ov_ui_test_settle ();
  g_assert_false (gtk_column_view_column_get_visible (segment));
  g_assert_true (gtk_column_view_column_get_visible (package));
  shown = g_settings_get_strv (settings, "account-columns");
  g_assert_cmpstrv (shown, ((const char *[]) { "package", NULL }));
  ov_ui_test_close_window (window);

  /* A new window remembers. */
  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  view = show_accounts (window);
  g_assert_false (gtk_column_view_column_get_visible (view_column (view, "segment_column")));
  g_assert_true (gtk_column_view_column_get_visible (view_column (view, "package_column")));

  /* And shows it again when asked. */
  gtk_widget_activate_action (view, "columns.segment", NULL);
  ov_ui_test_settle ();
  g_assert_true (gtk_column_view_column_get_visible (view_column (view, "segment_column")));
  g_clear_pointer (&shown, g_strfreev);
  shown = g_settings_get_strv (settings, "account-columns");
  g_assert_true (g_strv_contains ((const char * const *)shown, "segment"));
  g_settings_reset (settings, "account-columns");
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/account-columns/chosen-and-remembered", test_columns_chosen_and_remembered);

  return g_test_run ();
}
