/* test-new-account.c — the New Account dialog: typing starts in the name,
 * and a refused value is told at its field, in sight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-new-account-dialog.h"
#include "ov-ui-test.h"

static GtkWidget *
dialog_child (GtkWidget  *dialog,
              const char *name)
{
  return ov_ui_test_child (dialog, OV_TYPE_NEW_ACCOUNT_DIALOG, name);
}

/* Whether @widget lies wholly inside the visible part of its scrolled page. */
static gboolean
in_sight (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) == 0 ||
      !gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

static const char *
error_text (GtkWidget *error_row)
{
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))));
}

/* Enters @text in the row named @field, creates, and checks that the row
 * named @error_name says what starts with @prefix, next to its field, both
 * in sight, and that nothing was stored. */
static void
assert_refused_at (GtkWidget  *dialog,
                   OvStore    *store,
                   const char *field_name,
                   const char *text,
                   const char *error_name,
                   const char *prefix)
{
  GtkWidget *field = dialog_child (dialog, field_name);
  GtkWidget *error_row = dialog_child (dialog, error_name);
  GtkWidget *scrolled = gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *focus;
  g_autoptr(GError) error = NULL;
  gint64 before = ov_store_count_accounts (store, &error);

  g_assert_no_error (error);

  /* Start from the top, where the dialog opens. */
  gtk_adjustment_set_value (adjustment, 0);
  ov_ui_test_settle ();

  gtk_editable_set_text (GTK_EDITABLE (field), text);
  g_signal_emit_by_name (dialog_child (dialog, "create_button"), "clicked");
  ov_ui_test_settle ();

  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_true (g_str_has_prefix (error_text (error_row), prefix));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "error_label")));

  /* The message sits right under its field ... */
  g_assert_true (gtk_widget_get_parent (error_row) == gtk_widget_get_parent (field));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (error_row)), ==,
                   gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
  /* ... both are on screen without scrolling, and typing goes to the field. */
  g_assert_true (ov_ui_test_wait (in_sight, error_row, 3000));
  g_assert_true (in_sight (field));
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, field));

  g_assert_cmpint (ov_store_count_accounts (store, &error), ==, before);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (dialog));
}

static void
test_new_account_focus (void)
{
  g_autofree char *db = ov_ui_test_db_path ("focus.db");
  OvWindow *window;
  GtkWidget *dialog, *name_row, *focus;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-account", NULL);
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (dialog);

  /* The keyboard is in the name's text, not on a button. */
  name_row = dialog_child (dialog, "name_row");
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, name_row));
  g_assert_false (GTK_IS_BUTTON (focus));

  /* What is typed there, spaces and all, is the name. */
  gtk_editable_insert_text (GTK_EDITABLE (focus), "Ashford ", -1, &(int) { 0 });
  ov_ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Ashford ");
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "create_button")));
  ov_ui_test_shoot (dialog, "new-account");

  /* Created with the ARR field left empty: its ARR is not known, not 0. */
  g_signal_emit_by_name (dialog_child (dialog, "create_button"), "clicked");
  ov_ui_test_settle ();
  {
    g_autoptr(OvStore) store = ov_ui_test_open_store (db);
    g_autoptr(GPtrArray) stored = NULL;
    g_autoptr(GError) error = NULL;

    stored = ov_store_list_accounts (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 1);
    g_assert_cmpstr (ov_account_get_name (stored->pdata[0]), ==, "Ashford");
    g_assert_false (ov_account_has_arr (stored->pdata[0]));
  }

  /* Creating closed the dialog. */
  g_assert_null (ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG));
  ov_ui_test_close_window (window);
}

static void
test_new_account_errors (void)
{
  g_autofree char *db = ov_ui_test_db_path ("errors.db");
  g_autoptr(OvAccount) existing = ov_account_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvWindow *window;
  OvStore *store;
  GtkWidget *dialog, *scrolled, *arr_error_row;
  GtkAdjustment *adjustment;
  OvAccount *created = NULL;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");
  store = ov_window_get_store (window);
  ov_account_set_name (existing, "Brightwater Ltd");
  ov_account_set_external_id (existing, "SF-0042");
  g_assert_true (ov_store_save_account (store, existing, &error));
  g_assert_no_error (error);

  /* Short enough that the last fields are below the fold. */
  dialog = GTK_WIDGET (ov_new_account_dialog_new (GTK_WINDOW (window), store));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 320);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (dialog);
  ov_ui_test_settle ();

  scrolled = gtk_widget_get_ancestor (dialog_child (dialog, "arr_row"), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_false (in_sight (dialog_child (dialog, "arr_row")));

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "name_row")), "Ashford Logistics GmbH");

  assert_refused_at (dialog, store, "arr_row", "twelve thousand", "arr_error_row", "ARR: ");
  ov_ui_test_shoot (dialog, "new-account-error");

  /* Correcting the field takes its message away. */
  arr_error_row = dialog_child (dialog, "arr_error_row");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "arr_row")), "12000");
  ov_ui_test_settle ();
  g_assert_false (gtk_widget_get_visible (arr_error_row));
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "arr_row"), "error"));

  assert_refused_at (dialog, store, "close_row", "2026-02-30", "close_error_row", "Close");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "close_row")), "2026-02-27");
  ov_ui_test_settle ();
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "close_error_row")));

  assert_refused_at (dialog, store, "external_id_row", "SF-0042", "external_id_error_row",
                     "External ID: another account already has the CRM id “SF-0042”.");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "external_id_row")), "SF-0043");
  ov_ui_test_settle ();
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "external_id_error_row")));

  /* Once every field reads, the account is made and the dialog goes. */
  g_signal_emit_by_name (dialog_child (dialog, "create_button"), "clicked");
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG));

  stored = ov_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  for (guint i = 0; i < stored->len; i++)
    if (strcmp (ov_account_get_external_id (g_ptr_array_index (stored, i)), "SF-0043") == 0)
      created = g_ptr_array_index (stored, i);
  g_assert_nonnull (created);
  g_assert_cmpstr (ov_account_get_name (created), ==, "Ashford Logistics GmbH");
  g_assert_cmpint (ov_account_get_arr_cents (created), ==, 1200000);
  g_assert_cmpint (ov_account_get_date (created, OV_ACCOUNT_DATE_CLOSE), ==,
                   ov_date_from_ymd (2026, 2, 27));

  ov_ui_test_close_window (window);
}

/* Revenue typed without a currency is in the one chosen in Preferences;
 * before any is chosen, the locale's (none in the tests' C locale: USD). */
static void
test_new_account_currency (void)
{
  g_autofree char *db = ov_ui_test_db_path ("currency.db");
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvWindow *window;
  GSettings *settings;
  GtkWidget *dialog;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");
  settings = ov_application_get_settings (OV_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  g_assert_nonnull (settings);

  g_settings_reset (settings, "default-currency");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-account", NULL);
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_child (dialog, "currency_label"))), ==,
                   "USD");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ov_ui_test_settle ();

  g_settings_set_string (settings, "default-currency", "EUR");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-account", NULL);
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (dialog);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_child (dialog, "currency_label"))), ==,
                   "EUR");
  ov_ui_test_shoot (dialog, "new-account-currency");

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "name_row")), "Kestrel Werke AG");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "arr_row")), "48000");
  g_signal_emit_by_name (dialog_child (dialog, "create_button"), "clicked");
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG));

  /* A currency typed with the amount wins over the default. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-account", NULL);
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "name_row")), "Larkspur Inc");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "arr_row")), "$9,500");
  g_signal_emit_by_name (dialog_child (dialog, "create_button"), "clicked");
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG));

  stored = ov_store_list_accounts (ov_window_get_store (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  for (guint i = 0; i < stored->len; i++)
    {
      OvAccount *account = g_ptr_array_index (stored, i);

      if (strcmp (ov_account_get_name (account), "Kestrel Werke AG") == 0)
        {
          g_assert_cmpstr (ov_account_get_currency (account), ==, "EUR");
          g_assert_cmpint (ov_account_get_arr_cents (account), ==, 4800000);
        }
      else
        {
          g_assert_cmpstr (ov_account_get_name (account), ==, "Larkspur Inc");
          g_assert_cmpstr (ov_account_get_currency (account), ==, "USD");
          g_assert_cmpint (ov_account_get_arr_cents (account), ==, 950000);
        }
    }

  g_settings_reset (settings, "default-currency");
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/new-account/focus", test_new_account_focus);
  g_test_add_func ("/new-account/errors", test_new_account_errors);
  g_test_add_func ("/new-account/currency", test_new_account_currency);

  return g_test_run ();
}
