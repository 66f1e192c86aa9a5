/* test-csv.c — importing and exporting CSV through the dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the import dialog straight on fixture files (the file chooser is
 * the desktop's), checks what it shows of the file, changes a column's
 * field, imports, undoes through the toast's button, has a file full of
 * errors refused, cancels a large import half way and exports. Every
 * outcome is checked in the database through a connection of the test's
 * own. Screenshots, light and dark, go to the build tree.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ov-export-dialog.h"
#include "ov-import-dialog.h"
#include "ov-import-mapping.h"
#include "ov-import-options.h"
#include "ov-import-preview-table.h"
#include "ov-import-problems.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

/* Helpers */

static const char *
size_suffix (void)
{
  return g_getenv ("OVERTURE_TEST_SIZE") ? "-narrow" : "";
}

/* One picture as things are, for what cannot wait for two. */
static void
shoot_once (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *full = g_strconcat (name, size_suffix (),
                                       g_getenv ("OVERTURE_TEST_DARK") ? "-dark" : "", NULL);

  ov_ui_test_screenshot (widget, full);
}

/* @name, then @name-dark; "-narrow" added under OVERTURE_TEST_SIZE. */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwColorScheme was = adw_style_manager_get_color_scheme (style);
  g_autofree char *light = g_strconcat (name, size_suffix (), NULL);
  g_autofree char *dark = g_strconcat (name, size_suffix (), "-dark", NULL);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  ov_ui_test_settle ();
  ov_ui_test_screenshot (widget, light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ov_ui_test_settle ();
  ov_ui_test_screenshot (widget, dark);
  adw_style_manager_set_color_scheme (style, was);
  ov_ui_test_settle ();
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  return ov_ui_test_child (widget, type, name);
}

#define IMPORT_CHILD(dialog, name) child ((dialog), OV_TYPE_IMPORT_DIALOG, (name))
#define EXPORT_CHILD(dialog, name) child ((dialog), OV_TYPE_EXPORT_DIALOG, (name))
#define OPTIONS_CHILD(dialog, name) \
  child (IMPORT_CHILD ((dialog), "options"), OV_TYPE_IMPORT_OPTIONS, (name))
#define MAPPING_CHILD(dialog, name) \
  child (IMPORT_CHILD ((dialog), "mapping"), OV_TYPE_IMPORT_MAPPING, (name))
#define PREVIEW_CHILD(dialog, name) \
  child (IMPORT_CHILD ((dialog), "preview_table"), OV_TYPE_IMPORT_PREVIEW_TABLE, (name))
#define PROBLEMS_LIST(dialog, name) \
  child (IMPORT_CHILD ((dialog), (name)), OV_TYPE_IMPORT_PROBLEMS, "list")

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *)data;
}

static void
set_flag (GtkButton *button,
          gboolean  *flag)
{
  *flag = TRUE;
}

/* Activates @button as the keyboard would, and returns once it has been
 * clicked (GtkButton presses for a moment first). */
static void
click (GtkWidget *button)
{
  g_autoptr(GtkWidget) held = g_object_ref (button);
  gboolean clicked = FALSE;
  gulong id = g_signal_connect (button, "clicked", G_CALLBACK (set_flag), &clicked);

  /* Held: a toast's button goes with the toast once clicked. */
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  g_assert_true (ov_ui_test_wait (flag_set, &clicked, 5000));
  g_signal_handler_disconnect (held, id);
}

static gboolean
import_idle (gpointer data)
{
  return !ov_import_dialog_get_busy (data);
}

static void
wait_import_idle (OvImportDialog *dialog)
{
  g_assert_true (ov_ui_test_wait (import_idle, dialog, 60000));
}

static gboolean
not_visible (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static OvImportDialog *
open_import_full (OvWindow   *window,
                  const char *path,
                  gboolean    wait)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  OvImportDialog *dialog = ov_import_dialog_new_for_file (window, file);
  int width = 0, height = 0;

  /* Held by the test too, so it can be checked after it closed itself. */
  g_object_ref (dialog);
  if (g_getenv ("OVERTURE_TEST_SIZE") != NULL &&
      sscanf (g_getenv ("OVERTURE_TEST_SIZE"), "%dx%d", &width, &height) == 2)
    gtk_window_set_default_size (GTK_WINDOW (dialog), width, height);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  if (wait)
    wait_import_idle (dialog);

  return dialog;
}

static OvImportDialog *
open_import (OvWindow   *window,
             const char *path)
{
  return open_import_full (window, path, TRUE);
}

static void
close_dialog (gpointer dialog)
{
  if (gtk_widget_get_visible (dialog))
    gtk_window_destroy (dialog);
  ov_ui_test_settle ();
  g_object_unref (dialog);
}

static void
collect_labels (GtkWidget  *widget,
                const char *css_class,
                GPtrArray  *texts)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, css_class))
        g_ptr_array_add (texts, (gpointer)gtk_label_get_label (GTK_LABEL (c)));
      collect_labels (c, css_class, texts);
    }
}

/* The Result column of the preview table, top to bottom, joined by ' '. */
static char *
preview_results (OvImportDialog *dialog)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  ov_ui_test_settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  collect_labels (PREVIEW_CHILD (dialog, "view"), "import-status", texts);
  g_ptr_array_add (texts, NULL);

  return g_strjoinv (" ", (char **)texts->pdata);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_button (c, label)) != NULL)
        return found;
    }

  return NULL;
}

static GPtrArray *
list_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_PREFERENCES_ROW (c))
      g_ptr_array_add (rows, c);

  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_subtitle (gpointer row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  return subtitle ? subtitle : "";
}

/* The text of the item a combo row shows as chosen. */
static const char *
combo_text (gpointer row)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

/* The problem row whose place is @where, or NULL. */
static GtkWidget *
find_problem (GtkWidget  *list,
              const char *where)
{
  g_autoptr(GPtrArray) rows = list_rows (list);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (row_subtitle (rows->pdata[i]), where) == 0)
      return rows->pdata[i];

  return NULL;
}

static void
scroll_to (OvImportDialog *dialog,
           const char     *name)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (IMPORT_CHILD (dialog, "setup_scroller"));
  GtkWidget *target = IMPORT_CHILD (dialog, name);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (target, gtk_scrolled_window_get_child (scroller),
                                                   0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, y - 12);
  ov_ui_test_settle ();
}

typedef struct
{
  OvAccountList *accounts;
  guint          n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return ov_account_list_get_n_total (wait->accounts) == wait->n;
}

static void
wait_count (OvWindow *window,
            guint     n)
{
  CountWait wait = { ov_window_get_accounts (window), n };

  if (!ov_ui_test_wait (count_is, &wait, 30000))
    g_error ("the window lists %u accounts, expected %u",
             ov_account_list_get_n_total (wait.accounts), n);
}

static gint64
stored_count (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OvStore) store = ov_store_open (db, &error);
  gint64 n;

  g_assert_no_error (error);
  n = ov_store_count_accounts (store, &error);
  g_assert_no_error (error);

  return n;
}

static OvAccount *
find_stored (OvStore    *store,
             const char *external_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ov_store_list_accounts (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < accounts->len; i++)
    if (g_strcmp0 (ov_account_get_external_id (accounts->pdata[i]), external_id) == 0)
      return g_object_ref (accounts->pdata[i]);

  return NULL;
}

static OvAccount *
find_listed (OvWindow   *window,
             const char *name)
{
  GPtrArray *all = ov_account_list_get_all (ov_window_get_accounts (window));

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (ov_account_get_name (all->pdata[i]), name) == 0)
      return all->pdata[i];

  return NULL;
}

/* A portfolio that already holds Contoso, so one row of the CRM file is
 * an update. */
static char *
make_portfolio (const char *name)
{
  char *db = ov_ui_test_db_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(OvStore) store = ov_store_open (db, &error);
  g_autoptr(OvAccount) account = ov_account_new ();

  g_assert_no_error (error);
  ov_account_set_name (account, "Contoso Pharmaceuticals");
  ov_account_set_external_id (account, "A-101");
  ov_account_set_owner (account, "Rita Moss");
  ov_store_save_account (store, account, &error);
  g_assert_no_error (error);

  return db;
}

/* Tests */

static void
test_import_preview_mapping_undo (void)
{
  g_autofree char *db = make_portfolio ("import.db");
  g_autofree char *path = ov_test_fixture_path ("csv", "ui", "crm-accounts.csv", NULL);
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvAccount) contoso = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *results = NULL;
  OvImportDialog *dialog;
  OvWindow *window;
  GtkWidget *problem, *toast_label, *undo;
  const OvCsvField *fields;
  guint n_fields;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 1);

  dialog = open_import (window, path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (IMPORT_CHILD (dialog,
                                                                            "main_stack"))),
                   ==, "setup");

  /* What was found out about the file. */
  g_assert_cmpint (ov_import_dialog_get_kind (dialog), ==, OV_CSV_KIND_ACCOUNTS);
  g_assert_cmpstr (combo_text (OPTIONS_CHILD (dialog, "kind_row")), ==, "Accounts");
  g_assert_cmpstr (row_subtitle (OPTIONS_CHILD (dialog, "kind_row")), ==,
                   "Guessed from the column names");
  g_assert_cmpstr (combo_text (OPTIONS_CHILD (dialog, "delimiter_row")), ==, "Comma");
  g_assert_cmpstr (row_subtitle (OPTIONS_CHILD (dialog, "delimiter_row")), ==,
                   "Detected from the first line");
  g_assert_cmpstr (combo_text (OPTIONS_CHILD (dialog, "encoding_row")), ==, "UTF-8");
  g_assert_false (gtk_widget_get_visible (OPTIONS_CHILD (dialog, "date_order_row")));

  /* One mapping row per column: recognised ones hold their field, the
   * unknown one is ignored and says so. */
  rows = list_rows (MAPPING_CHILD (dialog, "list"));
  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpstr (row_title (rows->pdata[0]), ==, "Account ID");
  g_assert_cmpstr (combo_text (rows->pdata[0]), ==, "External ID");
  g_assert_cmpstr (row_subtitle (rows->pdata[0]), ==, "Recognised from its name");
  g_assert_cmpstr (row_title (rows->pdata[3]), ==, "Stage");
  g_assert_cmpstr (combo_text (rows->pdata[3]), ==, "Stage");
  g_assert_cmpstr (combo_text (rows->pdata[4]), ==, "ARR");
  g_assert_cmpstr (row_title (rows->pdata[6]), ==, "Billing City");
  g_assert_cmpstr (combo_text (rows->pdata[6]), ==, "Ignore");
  g_assert_cmpstr (row_subtitle (rows->pdata[6]), ==,
                   "Unknown column: not imported unless you choose a field");

  /* Each previewed row's outcome; the errors with their line and column. */
  results = preview_results (dialog);
  g_assert_cmpstr (results, ==, "New Update Error Error New");
  g_clear_pointer (&results, g_free);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "5 rows: 2 new, 1 updated, 2 with errors");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "rule_label"))),
                            "Any row with an error stops the whole import"));
  problem = find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 4, column 30");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (row_title (problem), "“Launch” is not a stage"));
  g_assert_nonnull (find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 5, column 32"));
  g_assert_true (gtk_widget_get_sensitive (IMPORT_CHILD (dialog, "import_button")));
  shoot (GTK_WIDGET (dialog), "csv-import-mapping");
  scroll_to (dialog, "preview_table");
  shoot (GTK_WIDGET (dialog), "csv-import-preview");

  /* Leaving the stage column out: line 4 becomes a new account. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows->pdata[3]), 0);
  g_assert_cmpstr (row_subtitle (rows->pdata[3]), ==, "Ignored, as you chose");
  wait_import_idle (dialog);
  results = preview_results (dialog);
  g_assert_cmpstr (results, ==, "New Update New Error New");
  g_clear_pointer (&results, g_free);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "5 rows: 3 new, 1 updated, 1 with errors");
  g_assert_null (find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 4, column 30"));

  /* Two columns for one field cannot be told apart: refused up front. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows->pdata[6]),
                              ov_csv_kind_find_field (OV_CSV_KIND_ACCOUNTS, "name") + 1);
  wait_import_idle (dialog);
  g_assert_false (gtk_widget_get_sensitive (IMPORT_CHILD (dialog, "import_button")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "The file cannot be imported as it is: see the problems below");
  problem = find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 1, column 71");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (row_title (problem), "both hold name"));

  /* And Billing City into the notes. */
  fields = ov_csv_kind_get_fields (OV_CSV_KIND_ACCOUNTS, &n_fields);
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows->pdata[6]),
                              ov_csv_kind_find_field (OV_CSV_KIND_ACCOUNTS, "notes") + 1);
  wait_import_idle (dialog);
  g_assert_cmpstr (combo_text (rows->pdata[6]), ==,
                   ov_csv_field_get_title (&fields[ov_csv_kind_find_field (OV_CSV_KIND_ACCOUNTS,
                                                                           "notes")]));
  g_assert_cmpstr (row_subtitle (rows->pdata[6]), ==, "Chosen by you");

  /* Without skipping, the row with errors refuses the whole file. */
  click (IMPORT_CHILD (dialog, "import_button"));
  wait_import_idle (dialog);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (IMPORT_CHILD (dialog,
                                                                            "main_stack"))),
                   ==, "refused");
  g_assert_nonnull (find_problem (PROBLEMS_LIST (dialog, "refused_problems"), "Line 5, column 32"));
  g_assert_cmpint (stored_count (db), ==, 1);

  /* Skipping them imports the rest. */
  click (find_button (GTK_WIDGET (dialog), "_Back to the Preview"));
  gtk_switch_set_active (GTK_SWITCH (IMPORT_CHILD (dialog, "skip_switch")), TRUE);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "rule_label"))),
                            "Rows with errors are left out"));
  click (IMPORT_CHILD (dialog, "import_button"));

  toast_label = ov_ui_test_wait_toast (window, "Accounts imported:");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (toast_label)), ==,
                   "Accounts imported: 3 new, 1 updated, 1 skipped");
  /* The toast goes after ten seconds: find its button and shoot it now. */
  undo = find_button (child (window, OV_TYPE_WINDOW, "toast_overlay"), "_Undo");
  g_assert_nonnull (undo);
  shoot_once (GTK_WIDGET (window), "csv-import-toast");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_count (window, 4);
  g_assert_nonnull (find_listed (window, "Northwind Traders"));
  g_assert_nonnull (find_listed (window, "Fabrikam Inc."));
  g_assert_null (find_listed (window, "Tailspin Toys"));

  check = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 4);
  contoso = find_stored (check, "A-101");
  g_assert_cmpstr (ov_account_get_owner (contoso), ==, "John Doe");
  g_clear_object (&contoso);
  {
    g_autoptr(OvAccount) fabrikam = find_stored (check, "A-102");

    g_assert_nonnull (fabrikam);
    g_assert_cmpstr (ov_account_get_notes (fabrikam), ==, "Boston");
  }

  /* Undo takes the whole batch back: new ones gone, Contoso as before. */
  click (undo);
  ov_ui_test_wait_toast (window, "Import undone");
  wait_count (window, 1);
  g_assert_null (find_listed (window, "Northwind Traders"));
  g_assert_nonnull (find_listed (window, "Contoso Pharmaceuticals"));
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 1);
  contoso = find_stored (check, "A-101");
  g_assert_cmpstr (ov_account_get_owner (contoso), ==, "Rita Moss");

  close_dialog (dialog);
  ov_ui_test_close_window (window);
}

static GtkWindow *
find_window (GType type)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Someone added a person to an account the import made: Undo asks first,
 * says what would go, and changes nothing until told to go on. */
static void
test_import_undo_confirm (void)
{
  g_autofree char *db = make_portfolio ("undo-confirm.db");
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

  dialog = open_import (window, path);
  gtk_switch_set_active (GTK_SWITCH (IMPORT_CHILD (dialog, "skip_switch")), TRUE);
  click (IMPORT_CHILD (dialog, "import_button"));
  ov_ui_test_wait_toast (window, "Accounts imported:");
  undo = find_button (child (window, OV_TYPE_WINDOW, "toast_overlay"), "_Undo");
  g_assert_nonnull (undo);
  wait_count (window, 3);

  check = ov_store_open (db, &error);
  g_assert_no_error (error);
  northwind = find_stored (check, "A-100");
  g_assert_nonnull (northwind);
  person = ov_person_new (ov_account_get_id (northwind), OV_SIDE_CUSTOMER, "Hana Hand", "");
  g_assert_true (ov_store_add_person (check, person, &error));
  g_assert_no_error (error);

  click (undo);
  g_assert_true (ov_ui_test_wait (message_dialog_shown, NULL, 30000));
  question = ADW_MESSAGE_DIALOG (find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Undo the Import Anyway?");
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==,
                   "Work was done since on what this import brought in. Undoing it also does "
                   "this:\n\n"
                   "Added since to the accounts it made, removed with them: 1 person");
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (question));
  shoot_once (GTK_WIDGET (question), "csv-undo-confirm");

  /* Nothing is undone while the question is open. */
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 3);
  people = ov_store_list_people (check, ov_account_get_id (northwind), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  click (find_button (GTK_WIDGET (question), "_Undo Anyway"));
  ov_ui_test_wait_toast (window, "Import undone");
  wait_count (window, 1);
  g_assert_null (find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 1);
  contoso = find_stored (check, "A-101");
  g_assert_cmpstr (ov_account_get_owner (contoso), ==, "Rita Moss");
  g_clear_pointer (&people, g_ptr_array_unref);
  people = ov_store_list_people (check, ov_account_get_id (northwind), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 0);

  close_dialog (dialog);
  ov_ui_test_close_window (window);
}

static void
test_import_guesses_and_dates (void)
{
  g_autofree char *db = make_portfolio ("guess.db");
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
  dialog = open_import (window, people);
  g_assert_cmpint (ov_import_dialog_get_kind (dialog), ==, OV_CSV_KIND_PEOPLE);
  g_assert_cmpstr (combo_text (OPTIONS_CHILD (dialog, "kind_row")), ==, "People");
  close_dialog (dialog);

  /* Semicolons, and dates that could be read either way: the order is
   * asked for, with the core's reason, until chosen. */
  dialog = open_import (window, dates);
  g_assert_cmpstr (combo_text (OPTIONS_CHILD (dialog, "delimiter_row")), ==, "Semicolon");
  date_row = OPTIONS_CHILD (dialog, "date_order_row");
  g_assert_true (gtk_widget_get_visible (date_row));
  g_assert_true (gtk_widget_get_visible (OPTIONS_CHILD (dialog, "date_reason_row")));
  g_assert_nonnull (strstr (row_title (OPTIONS_CHILD (dialog, "date_reason_row")),
                            "could be day/month/year or month/day/year"));
  results = preview_results (dialog);
  g_assert_cmpstr (results, ==, "Error Error");
  g_clear_pointer (&results, g_free);
  shoot (GTK_WIDGET (dialog), "csv-import-dates");

  adw_combo_row_set_selected (ADW_COMBO_ROW (date_row), 1);
  wait_import_idle (dialog);
  results = preview_results (dialog);
  g_assert_cmpstr (results, ==, "New New");
  g_assert_cmpstr (combo_text (date_row), ==, "D/M/Y");
  g_assert_false (gtk_widget_get_visible (OPTIONS_CHILD (dialog, "date_reason_row")));
  g_assert_false (gtk_widget_get_visible (IMPORT_CHILD (dialog, "problems")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "2 rows: 2 new");

  close_dialog (dialog);

  /* Windows-1252 is recognised; read as UTF-8 instead, the file fails. */
  dialog = open_import (window, latin);
  g_assert_cmpstr (combo_text (OPTIONS_CHILD (dialog, "encoding_row")), ==,
                   "Windows-1252 (Western European)");
  g_assert_cmpstr (row_subtitle (OPTIONS_CHILD (dialog, "encoding_row")), ==,
                   "Detected from the file's contents");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "1 row: 1 new");
  adw_combo_row_set_selected (ADW_COMBO_ROW (OPTIONS_CHILD (dialog, "encoding_row")), 0);
  wait_import_idle (dialog);
  g_assert_cmpstr (row_subtitle (OPTIONS_CHILD (dialog, "encoding_row")), ==, "");
  g_assert_true (gtk_widget_get_visible (IMPORT_CHILD (dialog, "problems")));
  g_assert_nonnull (find_problem (PROBLEMS_LIST (dialog, "problems"), "Line 2, column 4"));
  shoot (GTK_WIDGET (dialog), "csv-import-encoding");
  close_dialog (dialog);

  g_assert_cmpint (stored_count (db), ==, 1);
  ov_ui_test_close_window (window);
}

static void
test_import_refused (void)
{
  g_autofree char *db = make_portfolio ("refused.db");
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

  dialog = open_import (window, path);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "152 rows: 2 new, 150 with errors");
  click (IMPORT_CHILD (dialog, "import_button"));
  wait_import_idle (dialog);

  stack = IMPORT_CHILD (dialog, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "refused");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (
                              IMPORT_CHILD (dialog, "refused_page"))),
                            "150 rows have errors"));

  /* The first hundred errors, in file order, then how many more. */
  rows = list_rows (PROBLEMS_LIST (dialog, "refused_problems"));
  g_assert_cmpuint (rows->len, ==, 101);
  g_assert_cmpstr (row_subtitle (rows->pdata[0]), ==, "Line 3, column 10");
  g_assert_nonnull (strstr (row_title (rows->pdata[0]), "“Launch” is not a stage"));
  last = rows->pdata[100];
  g_assert_cmpstr (row_title (last), ==, "And 50 more errors");
  shoot (GTK_WIDGET (dialog), "csv-import-refused");

  g_assert_cmpint (stored_count (db), ==, 1);
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  close_dialog (dialog);
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
  g_autofree char *db = make_portfolio ("cancel.db");
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
  dialog = open_import_full (window, path, FALSE);
  while (gtk_widget_get_sensitive (IMPORT_CHILD (dialog, "import_button")) == FALSE)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "summary_label"))), ==,
                   "Checking every row…");
  shoot_once (GTK_WIDGET (dialog), "csv-import-checking");
  scroll_to (dialog, "preview_table");
  shoot_once (GTK_WIDGET (dialog), "csv-import-many-columns");
  click (IMPORT_CHILD (dialog, "import_button"));

  g_assert_true (ov_ui_test_wait (progress_started, dialog, 30000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (IMPORT_CHILD (dialog,
                                                                            "main_stack"))),
                   ==, "progress");
  shoot_once (GTK_WIDGET (dialog), "csv-import-progress");
  click (IMPORT_CHILD (dialog, "stop_button"));
  wait_import_idle (dialog);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (IMPORT_CHILD (dialog,
                                                                            "main_stack"))),
                   ==, "setup");
  g_assert_true (gtk_widget_get_visible (IMPORT_CHILD (dialog, "notice_label")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (IMPORT_CHILD (dialog, "notice_label"))), ==,
                   "The import was cancelled. Nothing was changed.");
  g_assert_cmpint (stored_count (db), ==, 1);
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 1);

  close_dialog (dialog);
  ov_ui_test_close_window (window);
}

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
                     find_button (GTK_WIDGET (window), "_Import Accounts From CSV…"))),
                   ==, "win.import");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL);
  ov_ui_test_wait_state (window, "portfolio");
  n_total = ov_account_list_get_n_total (ov_window_get_accounts (window));
  g_assert_cmpuint (n_total, ==, OV_SAMPLE_DEFAULT_ACCOUNTS);

  dialog = open_export (window);
  suggested = ov_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (suggested, ==, "accounts-2026-11-23.csv");
  g_assert_cmpstr (combo_text (EXPORT_CHILD (dialog, "kind_row")), ==, "Accounts");
  shoot (GTK_WIDGET (dialog), "csv-export");

  /* A folder that does not exist: said in the dialog, nothing written. */
  ov_export_dialog_export_to_file (dialog, nowhere);
  g_assert_true (ov_ui_test_wait (export_idle, dialog, 30000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_visible (EXPORT_CHILD (dialog, "error_group")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (EXPORT_CHILD (dialog, "error_title"))),
                            "could not be written"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (EXPORT_CHILD (dialog, "error_label"))), !=, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  shoot (GTK_WIDGET (dialog), "csv-export-error");

  /* Then a real file: canonical header, one line per account, CRLF. */
  ov_export_dialog_export_to_file (dialog, file);
  toast = ov_ui_test_wait_toast (window, "Exported");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (toast)), ==,
                   "Exported 200 accounts to accounts-test.csv");
  g_assert_true (ov_ui_test_wait (not_visible, dialog, 5000));

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

  close_dialog (dialog);
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
  g_assert_true (ov_ui_test_wait (not_visible, dialog, 30000));

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

  close_dialog (dialog);
  ov_test_remove_dir (dir);
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/csv/import/preview-mapping-undo", test_import_preview_mapping_undo);
  g_test_add_func ("/csv/import/undo-confirm", test_import_undo_confirm);
  g_test_add_func ("/csv/import/guesses-and-dates", test_import_guesses_and_dates);
  g_test_add_func ("/csv/import/refused", test_import_refused);
  g_test_add_func ("/csv/import/cancelled", test_import_cancelled);
  g_test_add_func ("/csv/export", test_export);

  return g_test_run ();
}
