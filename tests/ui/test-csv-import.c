/* test-csv-import.c — importing CSV through the dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the import dialog straight on fixture files (the file chooser is
 * the desktop's), checks what it shows of the file, changes a column's
 * field, imports, undoes through the toast's button (asked first when
 * work was done since), has a file full of errors refused and cancels a
 * large import half way. Every outcome is checked in the database through
 * a connection of the test's own. Screenshots, light and dark, go to the
 * build tree.
 */

#include "config.h"

#include <string.h>

#include "ov-test-support.h"
#include "ov-ui-csv.h"

/* Tests */

static void
test_import_preview_mapping_undo (void)
{
  g_autofree char *db = csv_make_portfolio ("import.db");
  g_autofree char *path = ov_test_fixture_path ("csv", "ui", "crm-accounts.csv", NULL);
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvAccount) contoso = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) folded_rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *results = NULL;
  GtkWidget *folded, *billing_city;
  OvImportDialog *dialog;
  OvWindow *window;
  GtkWidget *problem, *toast_label, *undo;
  const OvCsvField *fields;
  guint n_fields;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 1);

  dialog = csv_open_import (window, path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (IMPORT_CHILD (dialog,
                                                                            "main_stack"))),
                   ==, "setup");

  /* What was found out about the file. */
  g_assert_cmpint (ov_import_dialog_get_kind (dialog), ==, OV_CSV_KIND_ACCOUNTS);
  g_assert_cmpstr (csv_combo_text (OPTIONS_CHILD (dialog, "kind_row")), ==, "Accounts");
  g_assert_cmpstr (csv_row_subtitle (OPTIONS_CHILD (dialog, "kind_row")), ==,
                   "Guessed from the column names");
  g_assert_cmpstr (csv_combo_text (OPTIONS_CHILD (dialog, "delimiter_row")), ==, "Comma");
  g_assert_cmpstr (csv_row_subtitle (OPTIONS_CHILD (dialog, "delimiter_row")), ==,
                   "Detected from the first line");
  g_assert_cmpstr (csv_combo_text (OPTIONS_CHILD (dialog, "encoding_row")), ==, "UTF-8");
  g_assert_false (gtk_widget_get_visible (OPTIONS_CHILD (dialog, "date_order_row")));

  /* The recognised columns first, each holding its field; the unknown
   * one folded below them, left out and saying so without alarm. */
  rows = csv_list_rows (MAPPING_CHILD (dialog, "list"));
  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpstr (csv_row_title (rows->pdata[0]), ==, "Account ID");
  g_assert_cmpstr (csv_combo_text (rows->pdata[0]), ==, "External ID");
  g_assert_cmpstr (csv_row_subtitle (rows->pdata[0]), ==, "Recognised from its name");
  g_assert_cmpstr (csv_row_title (rows->pdata[3]), ==, "Stage");
  g_assert_cmpstr (csv_combo_text (rows->pdata[3]), ==, "Stage");
  g_assert_cmpstr (csv_combo_text (rows->pdata[4]), ==, "ARR");
  folded = csv_mapping_folded (dialog);
  g_assert_true (folded == rows->pdata[6]);
  g_assert_cmpstr (csv_row_title (folded), ==, "1 column not imported");
  folded_rows = csv_folded_rows (folded);
  g_assert_cmpuint (folded_rows->len, ==, 1);
  billing_city = folded_rows->pdata[0];
  g_assert_cmpstr (csv_row_title (billing_city), ==, "Billing City");
  g_assert_cmpstr (csv_combo_text (billing_city), ==, "Ignore");
  g_assert_cmpstr (csv_row_subtitle (billing_city), ==, "Not imported: no field has this name");

  /* Each previewed row's outcome; the errors with their line and column. */
  results = csv_preview_results (dialog);
  g_assert_cmpstr (results, ==, "New Update Error Error New");
  g_clear_pointer (&results, g_free);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "5 rows: 2 new, 1 updated, 2 with errors");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "outcome_label"))), ==,
                   "New accounts start in the stage their row gives (Embark where it gives "
                   "none) as active accounts, with the tasks of their stage's playbook.");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "rule_label"))),
                            "Any row with an error stops the whole import"));
  problem = csv_find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 4, column 30");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (csv_row_title (problem), "“Launch” is not a stage"));
  g_assert_nonnull (csv_find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 5, column 32"));
  g_assert_true (gtk_widget_get_sensitive (IMPORT_CHILD (dialog, "import_button")));
  csv_shoot (GTK_WIDGET (dialog), "csv-import-mapping");
  csv_scroll_to (dialog, "preview_table");
  csv_shoot (GTK_WIDGET (dialog), "csv-import-preview");

  /* Leaving the stage column out: line 4 becomes a new account. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows->pdata[3]), 0);
  g_assert_cmpstr (csv_row_subtitle (rows->pdata[3]), ==, "Ignored, as you chose");
  csv_wait_import_idle (dialog);
  results = csv_preview_results (dialog);
  g_assert_cmpstr (results, ==, "New Update New Error New");
  g_clear_pointer (&results, g_free);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "5 rows: 3 new, 1 updated, 1 with errors");
  g_assert_null (csv_find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 4, column 30"));

  /* Two columns for one field cannot be told apart: refused up front. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (billing_city),
                              ov_csv_kind_find_field (OV_CSV_KIND_ACCOUNTS, "name") + 1);
  csv_wait_import_idle (dialog);
  g_assert_false (gtk_widget_get_sensitive (IMPORT_CHILD (dialog, "import_button")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "The file cannot be imported as it is: see the problems below");
  problem = csv_find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 1, column 71");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (csv_row_title (problem), "both hold name"));

  /* And Billing City into the notes. */
  fields = ov_csv_kind_get_fields (OV_CSV_KIND_ACCOUNTS, &n_fields);
  adw_combo_row_set_selected (ADW_COMBO_ROW (billing_city),
                              ov_csv_kind_find_field (OV_CSV_KIND_ACCOUNTS, "notes") + 1);
  csv_wait_import_idle (dialog);
  /* It stays where it was chosen; no folded column is left out now. */
  g_assert_true (csv_mapping_folded (dialog) == folded);
  g_assert_cmpstr (csv_row_title (folded), ==, "0 columns not imported");
  g_assert_cmpstr (csv_combo_text (billing_city), ==,
                   ov_csv_field_get_title (&fields[ov_csv_kind_find_field (OV_CSV_KIND_ACCOUNTS,
                                                                           "notes")]));
  g_assert_cmpstr (csv_row_subtitle (billing_city), ==, "Chosen by you");

  /* Without skipping, the row with errors refuses the whole file. */
  csv_click (IMPORT_CHILD (dialog, "import_button"));
  csv_wait_import_idle (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (IMPORT_CHILD (dialog,
                                                                            "main_stack"))),
                   ==, "refused");
  g_assert_nonnull (csv_find_problem (PROBLEMS_LIST (dialog, "refused_problems"),
                                      "Line 5, column 32"));
  g_assert_cmpint (csv_stored_count (db), ==, 1);

  /* Skipping them imports the rest. */
  csv_click (ov_ui_test_find_button (GTK_WIDGET (dialog), "_Back to the Preview"));
  gtk_switch_set_active (GTK_SWITCH (IMPORT_CHILD (dialog, "skip_switch")), TRUE);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "rule_label"))),
                            "Rows with errors are left out"));
  csv_click (IMPORT_CHILD (dialog, "import_button"));

  toast_label = ov_ui_test_wait_toast (window, "Accounts imported:");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (toast_label)), ==,
                   "Accounts imported: 3 new, 1 updated, 1 skipped");
  /* The toast goes after ten seconds: find its button and shoot it now. */
  undo = ov_ui_test_find_button (ov_ui_test_child (window, OV_TYPE_WINDOW, "toast_overlay"),
                                 "_Undo");
  g_assert_nonnull (undo);
  csv_shoot_once (GTK_WIDGET (window), "csv-import-toast");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  csv_wait_count (window, 4);
  g_assert_nonnull (csv_find_listed (window, "Northwind Traders"));
  g_assert_nonnull (csv_find_listed (window, "Fabrikam Inc."));
  g_assert_null (csv_find_listed (window, "Tailspin Toys"));

  check = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 4);
  contoso = csv_find_stored (check, "A-101");
  g_assert_cmpstr (ov_account_get_owner (contoso), ==, "John Doe");
  g_clear_object (&contoso);
  {
    g_autoptr(OvAccount) fabrikam = csv_find_stored (check, "A-102");

    g_assert_nonnull (fabrikam);
    g_assert_cmpstr (ov_account_get_notes (fabrikam), ==, "Boston");
  }

  /* Undo takes the whole batch back: new ones gone, Contoso as before. */
  csv_click (undo);
  ov_ui_test_wait_toast (window, "Import undone");
  csv_wait_count (window, 1);
  g_assert_null (csv_find_listed (window, "Northwind Traders"));
  g_assert_nonnull (csv_find_listed (window, "Contoso Pharmaceuticals"));
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 1);
  contoso = csv_find_stored (check, "A-101");
  g_assert_cmpstr (ov_account_get_owner (contoso), ==, "Rita Moss");

  csv_close_dialog (dialog);
  ov_ui_test_close_window (window);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Someone added a person to an account the import made: Undo asks first,
 * says what would go, and changes nothing until told to go on. */
static void
test_import_undo_confirm (void)
{
  g_autofree char *db = csv_make_portfolio ("undo-confirm.db");
  g_autofree char *path = ov_test_fixture_path ("csv", "ui", "crm-accounts.csv", NULL);
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvAccount) northwind = NULL;
  g_autoptr(OvAccount) contoso = NULL;
  g_autoptr(OvPerson) person = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;
  OvImportDialog *dialog;
  OvWindow *window;
  GtkWidget *undo;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");

  dialog = csv_open_import (window, path);
  gtk_switch_set_active (GTK_SWITCH (IMPORT_CHILD (dialog, "skip_switch")), TRUE);
  csv_click (IMPORT_CHILD (dialog, "import_button"));
  ov_ui_test_wait_toast (window, "Accounts imported:");
  undo = ov_ui_test_find_button (ov_ui_test_child (window, OV_TYPE_WINDOW, "toast_overlay"),
                                 "_Undo");
  g_assert_nonnull (undo);
  csv_wait_count (window, 3);

  check = ov_store_open (db, &error);
  g_assert_no_error (error);
  northwind = csv_find_stored (check, "A-100");
  g_assert_nonnull (northwind);
  person = ov_person_new (ov_account_get_id (northwind), OV_SIDE_CUSTOMER, "Hana Hand", "");
  g_assert_true (ov_store_add_person (check, person, &error));
  g_assert_no_error (error);

  csv_click (undo);
  g_assert_true (ov_ui_test_wait (message_dialog_shown, NULL, 30000));
  question = ADW_MESSAGE_DIALOG (ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Undo the Import Anyway?");
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==,
                   "Work was done since on what this import brought in. Undoing it also does "
                   "this:\n\n"
                   "Added since to the accounts it made, removed with them: 1 person");
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (question));
  csv_shoot_once (GTK_WIDGET (question), "csv-undo-confirm");

  /* Nothing is undone while the question is open. */
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 3);
  people = ov_store_list_people (check, ov_account_get_id (northwind), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  csv_click (ov_ui_test_find_button (GTK_WIDGET (question), "_Undo Anyway"));
  ov_ui_test_wait_toast (window, "Import undone");
  csv_wait_count (window, 1);
  g_assert_null (ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 1);
  contoso = csv_find_stored (check, "A-101");
  g_assert_cmpstr (ov_account_get_owner (contoso), ==, "Rita Moss");
  g_clear_pointer (&people, g_ptr_array_unref);
  people = ov_store_list_people (check, ov_account_get_id (northwind), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);

  csv_close_dialog (dialog);
  ov_ui_test_close_window (window);
}

static void
test_import_guesses_and_dates (void)
{
  g_autofree char *db = csv_make_portfolio ("guess.db");
  g_autofree char *people = ov_test_fixture_path ("csv", "ui", "people.csv", NULL);
  g_autofree char *dates = ov_test_fixture_path ("csv", "ui", "semicolon-dates.csv", NULL);
  g_autofree char *latin = ov_test_fixture_path ("csv", "ui", "windows-1252.csv", NULL);
  g_autofree char *results = NULL;
  OvImportDialog *dialog;
  OvWindow *window;
  GtkWidget *date_row;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");

  /* The header says people, so the dialog reads it as people. */
  dialog = csv_open_import (window, people);
  g_assert_cmpint (ov_import_dialog_get_kind (dialog), ==, OV_CSV_KIND_PEOPLE);
  g_assert_cmpstr (csv_combo_text (OPTIONS_CHILD (dialog, "kind_row")), ==, "People");
  csv_close_dialog (dialog);

  /* Semicolons, and dates that could be read either way: the order is
   * asked for, with the core's reason, until chosen. */
  dialog = csv_open_import (window, dates);
  g_assert_cmpstr (csv_combo_text (OPTIONS_CHILD (dialog, "delimiter_row")), ==, "Semicolon");
  date_row = OPTIONS_CHILD (dialog, "date_order_row");
  g_assert_true (gtk_widget_get_visible (date_row));
  g_assert_true (gtk_widget_get_visible (OPTIONS_CHILD (dialog, "date_reason_row")));
  g_assert_nonnull (strstr (csv_row_title (OPTIONS_CHILD (dialog, "date_reason_row")),
                            "could be day/month/year or month/day/year"));
  results = csv_preview_results (dialog);
  g_assert_cmpstr (results, ==, "Error Error");
  g_clear_pointer (&results, g_free);
  csv_shoot (GTK_WIDGET (dialog), "csv-import-dates");

  adw_combo_row_set_selected (ADW_COMBO_ROW (date_row), 1);
  csv_wait_import_idle (dialog);
  results = csv_preview_results (dialog);
  g_assert_cmpstr (results, ==, "New New");
  g_assert_cmpstr (csv_combo_text (date_row), ==, "D/M/Y");
  g_assert_false (gtk_widget_get_visible (OPTIONS_CHILD (dialog, "date_reason_row")));
  g_assert_false (gtk_widget_get_visible (IMPORT_CHILD (dialog, "problems")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "2 rows: 2 new");

  csv_close_dialog (dialog);

  /* Windows-1252 is recognised; read as UTF-8 instead, the file fails. */
  dialog = csv_open_import (window, latin);
  g_assert_cmpstr (csv_combo_text (OPTIONS_CHILD (dialog, "encoding_row")), ==,
                   "Windows-1252 (Western European)");
  g_assert_cmpstr (csv_row_subtitle (OPTIONS_CHILD (dialog, "encoding_row")), ==,
                   "Detected from the file's contents");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "1 row: 1 new");
  adw_combo_row_set_selected (ADW_COMBO_ROW (OPTIONS_CHILD (dialog, "encoding_row")), 0);
  csv_wait_import_idle (dialog);
  g_assert_cmpstr (csv_row_subtitle (OPTIONS_CHILD (dialog, "encoding_row")), ==, "");
  g_assert_true (gtk_widget_get_visible (IMPORT_CHILD (dialog, "problems")));
  g_assert_nonnull (csv_find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 2, column 4"));
  csv_shoot (GTK_WIDGET (dialog), "csv-import-encoding");
  csv_close_dialog (dialog);

  g_assert_cmpint (csv_stored_count (db), ==, 1);
  ov_ui_test_close_window (window);
}

static void
test_import_refused (void)
{
  g_autofree char *db = csv_make_portfolio ("refused.db");
  g_autofree char *path = ov_ui_test_db_path ("full-of-errors.csv");
  g_autoptr(GString) text = g_string_new ("name,stage,arr\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  OvImportDialog *dialog;
  OvWindow *window;
  GtkWidget *stack, *last;

  /* 150 rows with a stage that does not exist, between two good ones. */
  g_string_append (text, "Good One,adopt,1000\n");
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "Broken %u,Launch,%u\n", i, i * 100);
  g_string_append (text, "Good Two,review,2000\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");

  dialog = csv_open_import (window, path);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "152 rows: 2 new, 150 with errors");
  csv_click (IMPORT_CHILD (dialog, "import_button"));
  csv_wait_import_idle (dialog);

  stack = IMPORT_CHILD (dialog, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "refused");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (
                              IMPORT_CHILD (dialog, "refused_page"))),
                            "150 rows have errors"));

  /* The first hundred errors, in file order, then how many more. */
  rows = csv_list_rows (PROBLEMS_LIST (dialog, "refused_problems"));
  g_assert_cmpuint (rows->len, ==, 101);
  g_assert_cmpstr (csv_row_subtitle (rows->pdata[0]), ==, "Line 3, column 10");
  g_assert_nonnull (strstr (csv_row_title (rows->pdata[0]), "“Launch” is not a stage"));
  last = rows->pdata[100];
  g_assert_cmpstr (csv_row_title (last), ==, "And 50 more errors");
  csv_shoot (GTK_WIDGET (dialog), "csv-import-refused");

  g_assert_cmpint (csv_stored_count (db), ==, 1);
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  csv_close_dialog (dialog);
  ov_ui_test_close_window (window);
}

static gboolean
progress_started (gpointer data)
{
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (IMPORT_CHILD (data, "progress_bar"))) >
         0.0;
}

static void
test_import_cancelled (void)
{
  g_autofree char *db = csv_make_portfolio ("cancel.db");
  g_autofree char *path =
    ov_ui_test_db_path ("crm-export-every-account-2026-11-23-with-owners-stages-and-dates.csv");
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("OVERTURE_CLI");
  const char *argv[] = { cli, "generate", "accounts", "300000", "-o", path, NULL };
  OvImportDialog *dialog;
  OvWindow *window;
  int status = -1;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");

  /* Import at once, while the whole-file check still runs. */
  dialog = csv_open_import_full (window, path, FALSE);
  while (gtk_widget_get_sensitive (IMPORT_CHILD (dialog, "import_button")) == FALSE)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "Checking every row…");
  csv_shoot_once (GTK_WIDGET (dialog), "csv-import-checking");
  csv_scroll_to (dialog, "preview_table");
  csv_shoot_once (GTK_WIDGET (dialog), "csv-import-many-columns");
  csv_click (IMPORT_CHILD (dialog, "import_button"));

  g_assert_true (ov_ui_test_wait (progress_started, dialog, 30000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (IMPORT_CHILD (dialog,
                                                                            "main_stack"))),
                   ==, "progress");
  csv_shoot_once (GTK_WIDGET (dialog), "csv-import-progress");
  csv_click (IMPORT_CHILD (dialog, "stop_button"));
  csv_wait_import_idle (dialog);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (IMPORT_CHILD (dialog,
                                                                            "main_stack"))),
                   ==, "setup");
  g_assert_true (gtk_widget_get_visible (IMPORT_CHILD (dialog, "notice_label")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "notice_label"))), ==,
                   "The import was cancelled. Nothing was changed.");
  g_assert_cmpint (csv_stored_count (db), ==, 1);
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 1);

  csv_close_dialog (dialog);
  ov_ui_test_close_window (window);
}

static gboolean
has_warning_style (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "warning") || gtk_widget_has_css_class (widget, "error"))
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (has_warning_style (c))
      return TRUE;

  return FALSE;
}

/* A 63-column Salesforce Account export: the five columns that fill a
 * field come first, in the file's order; the other 58 are folded into one
 * row, Type among them, and nothing in the list looks like an error. */
static void
test_import_crm_export_mapping (void)
{
  g_autofree char *db = csv_make_portfolio ("salesforce.db");
  g_autofree char *path = ov_test_fixture_path ("csv", "ui", "salesforce-account-export.csv",
                                                NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) folded_rows = NULL;
  const char *mapped[][2] = {
    { "Id", "External ID" },
    { "Name", "Name" },
    { "AnnualRevenue", "ARR" },
    { "Description", "Notes" },
    { "CurrencyIsoCode", "Currency" },
  };
  g_autofree char *titles = NULL;
  OvImportDialog *dialog;
  OvWindow *window;
  GtkWidget *folded, *type_row = NULL;
  GtkPolicyType vertical;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  dialog = csv_open_import (window, path);
  g_assert_cmpint (ov_import_dialog_get_kind (dialog), ==, OV_CSV_KIND_ACCOUNTS);

  rows = csv_list_rows (MAPPING_CHILD (dialog, "list"));
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (mapped) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (mapped); i++)
    {
      g_assert_true (ADW_IS_COMBO_ROW (rows->pdata[i]));
      g_assert_cmpstr (csv_row_title (rows->pdata[i]), ==, mapped[i][0]);
      g_assert_cmpstr (csv_combo_text (rows->pdata[i]), ==, mapped[i][1]);
      g_assert_cmpstr (csv_row_subtitle (rows->pdata[i]), ==, "Recognised from its name");
    }

  folded = csv_mapping_folded (dialog);
  g_assert_true (folded == rows->pdata[G_N_ELEMENTS (mapped)]);
  g_assert_cmpstr (csv_row_title (folded), ==, "58 columns not imported");
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (folded)));
  folded_rows = csv_folded_rows (folded);
  g_assert_cmpuint (folded_rows->len, ==, 58);
  g_assert_cmpstr (csv_row_title (folded_rows->pdata[0]), ==, "IsDeleted");
  g_assert_cmpstr (csv_row_title (folded_rows->pdata[57]), ==, "SLAExpirationDate__c");
  for (guint i = 0; i < folded_rows->len; i++)
    {
      g_assert_cmpstr (csv_combo_text (folded_rows->pdata[i]), ==, "Ignore");
      g_assert_cmpstr (csv_row_subtitle (folded_rows->pdata[i]), ==,
                       "Not imported: no field has this name");
      if (g_strcmp0 (csv_row_title (folded_rows->pdata[i]), "Type") == 0)
        type_row = folded_rows->pdata[i];
    }
  g_assert_nonnull (type_row);
  g_assert_false (has_warning_style (MAPPING_CHILD (dialog, "list")));

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "20 rows: 20 new");
  /* No stage or status column: what every new account will be. */
  g_assert_true (gtk_widget_get_visible (IMPORT_CHILD (dialog, "outcome_label")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "outcome_label"))), ==,
                   "New accounts start in Embark as active accounts, with the tasks of the "
                   "Embark playbook.");

  /* The preview shows what is imported, in Overture's order of fields,
   * and grows with its rows rather than scrolling inside the page. */
  titles = csv_preview_column_titles (dialog);
  g_assert_cmpstr (titles, ==, "Line|Result|External ID|Name|ARR|Currency|Notes");
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (PREVIEW_CHILD (dialog, "scroller")),
                                  NULL, &vertical);
  g_assert_cmpint (vertical, ==, GTK_POLICY_NEVER);
  csv_shoot (GTK_WIDGET (dialog), "csv-import-salesforce");
  csv_scroll_to (dialog, "mapping");
  csv_shoot (GTK_WIDGET (dialog), "csv-import-salesforce-mapping");
  csv_scroll_to (dialog, "preview_table");
  csv_shoot (GTK_WIDGET (dialog), "csv-import-salesforce-preview");

  /* Opened, the folded columns can each be given a field. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (folded), TRUE);
  ov_ui_test_settle ();
  g_assert_true (gtk_widget_get_mapped (type_row));
  csv_scroll_to (dialog, "mapping");
  csv_shoot_once (GTK_WIDGET (dialog), "csv-import-salesforce-open");

  csv_close_dialog (dialog);
  g_assert_cmpint (csv_stored_count (db), ==, 1);
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/csv/import/preview-mapping-undo", test_import_preview_mapping_undo);
  g_test_add_func ("/csv/import/crm-export-mapping", test_import_crm_export_mapping);
  g_test_add_func ("/csv/import/undo-confirm", test_import_undo_confirm);
  g_test_add_func ("/csv/import/guesses-and-dates", test_import_guesses_and_dates);
  g_test_add_func ("/csv/import/refused", test_import_refused);
  g_test_add_func ("/csv/import/cancelled", test_import_cancelled);

  return g_test_run ();
}
