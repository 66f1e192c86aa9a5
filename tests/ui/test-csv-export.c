/* test-csv-export.c — exporting CSV through the dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new portfolio offers the import; the sample portfolio is exported:
 * to a folder that does not exist (said in the dialog, nothing written),
 * then as accounts with the canonical header, then as people for Excel in
 * a decimal-comma locale. What was written is read back. Screenshots,
 * light and dark, go to the build tree.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ov-export-dialog.h"
#include "ov-test-support.h"
#include "ov-ui-csv.h"

#define EXPORT_CHILD(dialog, name) ov_ui_test_child ((dialog), OV_TYPE_EXPORT_DIALOG, (name))

static gboolean
export_idle (gpointer data)
{
  return !ov_export_dialog_get_busy (data);
}

static OvExportDialog *
open_export (OvWindow *window)
{
  OvExportDialog *dialog = g_object_ref (ov_export_dialog_new (window));
  int width = 0, height = 0;

  if (g_getenv ("OVERTURE_TEST_SIZE") != NULL &&
      sscanf (g_getenv ("OVERTURE_TEST_SIZE"), "%dx%d", &width, &height) == 2)
    gtk_window_set_default_size (GTK_WINDOW (dialog), width, height);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  return dialog;
}

static void
test_export (void)
{
  g_autofree char *db = ov_ui_test_db_path ("export.db");
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "accounts-test.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "accounts.csv", NULL);
  g_autofree char *people_path = g_build_filename (dir, "people-test.csv", NULL);
  g_autoptr(GFile) people_file = g_file_new_for_path (people_path);
  g_autofree char *contents = NULL;
  g_autofree char *suggested = NULL;
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const OvCsvField *fields;
  OvExportDialog *dialog;
  OvWindow *window;
  GtkWidget *toast;
  guint n_fields, n_total;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");

  /* A new portfolio offers the import too. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (
                     ov_ui_test_find_button (GTK_WIDGET (window), "_Import Accounts From CSV…"))),
                   ==, "win.import");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL);
  ov_ui_test_wait_state (window, "portfolio");
  n_total = ov_account_list_get_n_total (ov_window_get_accounts (window));
  g_assert_cmpuint (n_total, ==, OV_SAMPLE_DEFAULT_ACCOUNTS);

  dialog = open_export (window);
  suggested = ov_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (suggested, ==, "accounts-2026-11-23.csv");
  g_assert_cmpstr (csv_combo_text (EXPORT_CHILD (dialog, "kind_row")), ==, "Accounts");
  csv_shoot (GTK_WIDGET (dialog), "csv-export");

  /* A folder that does not exist: said in the dialog, nothing written. */
  ov_export_dialog_export_to_file (dialog, nowhere);
  g_assert_true (ov_ui_test_wait (export_idle, dialog, 30000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_visible (EXPORT_CHILD (dialog, "error_group")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (EXPORT_CHILD (dialog, "error_title"))),
                            "could not be written"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (EXPORT_CHILD (dialog, "error_label"))), !=, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  csv_shoot (GTK_WIDGET (dialog), "csv-export-error");

  /* Then a real file: canonical header, one line per account, CRLF. */
  ov_export_dialog_export_to_file (dialog, file);
  toast = ov_ui_test_wait_toast (window, "Exported");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (toast)), ==,
                   "Exported 200 accounts to accounts-test.csv");
  g_assert_true (ov_ui_test_wait (csv_not_visible, dialog, 5000));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  fields = ov_csv_kind_get_fields (OV_CSV_KIND_ACCOUNTS, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (!fields[i].import_only)
      g_string_append_printf (header, "%s%s", header->len > 0 ? "," : "", fields[i].id);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, header->str);
  /* The last line break leaves one empty piece. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + n_total + 1);
  g_assert_cmpstr (lines[n_total + 1], ==, "");

  csv_close_dialog (dialog);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&contents, g_free);

  /* People for Excel in a decimal-comma locale: a BOM, semicolons. */
  dialog = open_export (window);
  adw_combo_row_set_selected (ADW_COMBO_ROW (EXPORT_CHILD (dialog, "kind_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (EXPORT_CHILD (dialog, "delimiter_row")), 1);
  gtk_switch_set_active (GTK_SWITCH (EXPORT_CHILD (dialog, "excel_switch")), TRUE);
  g_clear_pointer (&suggested, g_free);
  suggested = ov_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (suggested, ==, "people-2026-11-23.csv");
  ov_export_dialog_export_to_file (dialog, people_file);
  g_assert_true (ov_ui_test_wait (csv_not_visible, dialog, 30000));

  g_file_get_contents (people_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_string_truncate (header, 0);
  fields = ov_csv_kind_get_fields (OV_CSV_KIND_PEOPLE, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (!fields[i].import_only)
      g_string_append_printf (header, "%s%s", header->len > 0 ? ";" : "", fields[i].id);
  lines = g_strsplit (contents + 3, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, header->str);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  {
    g_autofree char *expected = g_strdup_printf ("Exported %u people to people-test.csv",
                                                 g_strv_length (lines) - 2);

    /* Shown once the accounts' toast has gone. */
    toast = ov_ui_test_wait_toast (window, expected);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (toast)), ==, expected);
  }

  csv_close_dialog (dialog);
  ov_test_remove_dir (dir);
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/csv/export", test_export);

  return g_test_run ();
}
