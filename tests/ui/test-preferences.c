/* test-preferences.c — the preferences window: its action and
 * accelerator, the setting its switch stands for, narrow, and without
 * settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-overdue-reminder.h"
#include "ov-preferences-window.h"
#include "ov-ui-test.h"

static void
test_preferences (void)
{
  g_autofree char *db = ov_ui_test_db_path ("preferences.db");
  GtkApplication *app;
  OvWindow *window;
  GtkWidget *preferences, *notify_switch, *notify_row;
  GSettings *settings;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");
  app = gtk_window_get_application (GTK_WINDOW (window));
  settings = ov_application_get_settings (OV_APPLICATION (app));
  g_assert_nonnull (settings);

  /* app.preferences, with its accelerator and its menu entry. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "app.preferences");

    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (app,
                                                                  "win.show-view::playbooks");

    g_assert_cmpstr (accels[0], ==, "<Alt>3");
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ov_ui_test_settle ();
  preferences = ov_ui_test_find_window (OV_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_test_widget_wait_for_draw (preferences);
  notify_switch = ov_ui_test_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "notify_switch");
  notify_row = ov_ui_test_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "notify_row");
  g_assert_true (gtk_widget_get_sensitive (notify_row));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (notify_switch)));
  ov_ui_test_shoot (preferences, "preferences");

  /* The switch is the setting. */
  gtk_switch_set_active (GTK_SWITCH (notify_switch), FALSE);
  ov_ui_test_settle ();
  g_assert_false (g_settings_get_boolean (settings, "notify-overdue"));
  g_assert_false (ov_overdue_reminder_is_enabled (settings));
  g_settings_set_boolean (settings, "notify-overdue", TRUE);
  ov_ui_test_settle ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (notify_switch)));

  /* The user's name is kept as typed. */
  {
    GtkWidget *name_row = ov_ui_test_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "name_row");
    g_autofree char *kept = NULL;

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Maren Vogt");
    ov_ui_test_settle ();
    kept = g_settings_get_string (settings, "user-name");
    g_assert_cmpstr (kept, ==, "Maren Vogt");
  }

  /* The default currency shows the locale's (none in C: USD) until one is
   * picked; picking one keeps it. */
  {
    GtkWidget *currency_row = ov_ui_test_child (preferences, OV_TYPE_PREFERENCES_WINDOW,
                                                "currency_row");
    GListModel *codes = adw_combo_row_get_model (ADW_COMBO_ROW (currency_row));
    guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (currency_row));
    g_autofree char *kept = g_settings_get_string (settings, "default-currency");
    g_autofree char *used = ov_preferences_default_currency (settings);
    guint eur = GTK_INVALID_LIST_POSITION;

    g_assert_cmpstr (kept, ==, "");
    g_assert_cmpstr (used, ==, "USD");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes), selected), ==, "USD");
    for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (codes), i), "EUR") == 0)
        eur = i;
    g_assert_cmpuint (eur, !=, GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (ADW_COMBO_ROW (currency_row), eur);
    ov_ui_test_settle ();
    g_clear_pointer (&kept, g_free);
    kept = g_settings_get_string (settings, "default-currency");
    g_assert_cmpstr (kept, ==, "EUR");
    g_clear_pointer (&used, g_free);
    used = ov_preferences_default_currency (settings);
    g_assert_cmpstr (used, ==, "EUR");
  }
  ov_ui_test_shoot (preferences, "preferences-you");

  gtk_window_destroy (GTK_WINDOW (preferences));
  ov_ui_test_settle ();

  /* Reopened, it shows what was kept. */
  preferences = ov_preferences_window_new (GTK_WINDOW (window), settings);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_ui_test_child (preferences,
                                                                          OV_TYPE_PREFERENCES_WINDOW,
                                                                          "name_row"))),
                   ==, "Maren Vogt");
  {
    GtkWidget *currency_row = ov_ui_test_child (preferences, OV_TYPE_PREFERENCES_WINDOW,
                                                "currency_row");
    GListModel *codes = adw_combo_row_get_model (ADW_COMBO_ROW (currency_row));

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (codes),
                                                 adw_combo_row_get_selected (ADW_COMBO_ROW (currency_row))),
                     ==, "EUR");
  }
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "default-currency");
  ov_ui_test_settle ();

  /* Narrow, as on a phone-sized window. */
  preferences = ov_preferences_window_new (GTK_WINDOW (window), settings);
  gtk_window_set_default_size (GTK_WINDOW (preferences), 400, 400);
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (preferences);
  ov_ui_test_settle ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (ov_ui_test_child (preferences,
                                                                    OV_TYPE_PREFERENCES_WINDOW,
                                                                    "notify_switch"))));
  ov_ui_test_shoot (preferences, "preferences-narrow");
  gtk_window_destroy (GTK_WINDOW (preferences));
  ov_ui_test_settle ();

  /* Without settings the row says why it cannot be changed. */
  preferences = ov_preferences_window_new (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (preferences);
  notify_switch = ov_ui_test_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "notify_switch");
  notify_row = ov_ui_test_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "notify_row");
  g_assert_false (gtk_widget_get_sensitive (notify_row));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (notify_switch)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (notify_row)),
                            "cannot keep preferences"));
  ov_ui_test_shoot (preferences, "preferences-unavailable");
  gtk_window_destroy (GTK_WINDOW (preferences));

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/preferences", test_preferences);

  return g_test_run ();
}
