/* test-date-entry.c — dates typed as a German speaker writes them, under
 * LC_TIME=de_DE.UTF-8: the date row, its calendar and the New Account dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ov-date-row.h"
#include "ov-new-account-dialog.h"
#include "ov-ui-test.h"

static GtkWidget *
dialog_child (GtkWidget  *dialog,
              const char *name)
{
  return ov_ui_test_child (dialog, OV_TYPE_NEW_ACCOUNT_DIALOG, name);
}

/* The row reads 27.02.2026 as the 27th of February, shows it back as ISO,
 * and its calendar opens on that day; a day that does not exist is refused
 * with the reason in the tooltip, and the date held stays. */
static void
test_date_row_german (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = ov_date_row_new ();
  GtkCalendar *calendar;
  GtkPopover *popover;
  g_autoptr(GDateTime) shown = NULL;
  const char *tooltip;

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  gtk_editable_set_text (GTK_EDITABLE (row), "27.02.2026");
  g_assert_true (ov_date_row_is_valid (OV_DATE_ROW (row)));
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (ov_date_row_get_date (OV_DATE_ROW (row)), ==, ov_date_from_ymd (2026, 2, 27));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-02-27");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  popover = GTK_POPOVER (ov_ui_test_child (row, OV_TYPE_DATE_ROW, "popover"));
  calendar = GTK_CALENDAR (ov_ui_test_child (row, OV_TYPE_DATE_ROW, "calendar"));
  gtk_popover_popup (popover);
  ov_ui_test_settle ();
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 27);
  gtk_popover_popdown (popover);

  /* The US order is not German: 02/27/2026 has no month 27. */
  gtk_editable_set_text (GTK_EDITABLE (row), "02/27/2026");
  g_assert_false (ov_date_row_is_valid (OV_DATE_ROW (row)));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "day/month/year"));
  g_assert_nonnull (strstr (tooltip, "month 27"));
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (ov_date_row_get_date (OV_DATE_ROW (row)), ==, ov_date_from_ymd (2026, 2, 27));

  /* Words are no date: the message shows both forms to type. */
  gtk_editable_set_text (GTK_EDITABLE (row), "morgen");
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "type it as 23.11.2026 or 2026-11-23"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The New Account dialog takes the close date in the German form, and
 * says at the field what is wrong with one that does not exist. */
static void
test_new_account_german_date (void)
{
  g_autofree char *db = ov_ui_test_db_path ("german.db");
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *close_row, *close_error;
  OvWindow *window;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");
  store = ov_ui_test_open_store (db);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-account", NULL);
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (dialog);

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "name_row")), "Brandt Logistik");
  close_row = dialog_child (dialog, "close_row");
  close_error = dialog_child (dialog, "close_error_row");

  gtk_editable_set_text (GTK_EDITABLE (close_row), "30.02.2026");
  g_signal_emit_by_name (dialog_child (dialog, "create_button"), "clicked");
  ov_ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (close_error));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (close_error)))),
                            "“30.02.2026” is not a real day/month/year date"));
  g_assert_cmpint (ov_store_count_accounts (store, &error), ==, 0);
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (close_row), "27.02.2026");
  g_signal_emit_by_name (dialog_child (dialog, "create_button"), "clicked");
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_NEW_ACCOUNT_DIALOG));

  stored = ov_store_list_accounts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (ov_account_get_name (g_ptr_array_index (stored, 0)), ==, "Brandt Logistik");
  g_assert_cmpint (ov_account_get_date (g_ptr_array_index (stored, 0), OV_ACCOUNT_DATE_CLOSE), ==,
                   ov_date_from_ymd (2026, 2, 27));

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  /* gtk_test_init() puts every category in en_US.UTF-8; dates here are
   * as German speakers write them. build-aux/deps.sh generates the
   * locale: without it this fails rather than skips. */
  if (setlocale (LC_TIME, "de_DE.UTF-8") == NULL)
    g_error ("The locale de_DE.UTF-8 is missing: run build-aux/deps.sh to generate it");

  g_test_add_func ("/date-entry/row-german", test_date_row_german);
  g_test_add_func ("/date-entry/new-account-german", test_new_account_german_date);

  return g_test_run ();
}
