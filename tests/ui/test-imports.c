/* test-imports.c — the Imports window lists every import with what it did
 * and undoes one; Ctrl+Z undoes the import just made while its toast shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-import-undo.h"
#include "ov-imports-window.h"
#include "ov-test-support.h"
#include "ov-ui-csv.h"

static OvImportResult *
import_text (const char *db,
             const char *name,
             const char *text)
{
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  OvImportResult *result;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  importer = ov_importer_new_for_file (OV_CSV_KIND_ACCOUNTS, file);
  result = ov_importer_run (importer, store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ov_import_result_get_applied (result));
  return result;
}

typedef struct
{
  GtkWidget  *root;
  const char *prefix;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return ov_ui_test_find_label (wait->root, wait->prefix) != NULL;
}

static gboolean
rows_are (gpointer data)
{
  gpointer *wait = data;

  return ov_imports_window_get_n_rows (wait[0]) == GPOINTER_TO_UINT (wait[1]);
}

static void
wait_rows (OvImportsWindow *imports,
           guint            n)
{
  gpointer wait[2] = { imports, GUINT_TO_POINTER (n) };

  if (!ov_ui_test_wait (rows_are, wait, 30000))
    g_error ("the Imports window lists %u imports, expected %u",
             ov_imports_window_get_n_rows (imports), n);
}

static gboolean
first_row_undone (gpointer data)
{
  GtkWidget *first = gtk_widget_get_first_child (data);

  return first != NULL && ov_ui_test_find_label (first, "Undone") != NULL;
}

static void
test_imports_list_undo (void)
{
  g_autofree char *db = csv_make_portfolio ("imports.db");
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) second = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  OvImportsWindow *imports;
  OvWindow *window;
  GtkWidget *list, *undo;

  first = import_text (db, "crm-first.csv", "external_id,name\nB-1,Beta & Co\nC-1,Gamma\n");
  second = import_text (db, "crm <second>.csv", "external_id,name,owner\nB-1,Beta & Co,Mei\n");

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  csv_wait_count (window, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-imports", NULL));
  imports = ov_ui_test_find_window (OV_TYPE_IMPORTS_WINDOW);
  g_assert_nonnull (imports);
  wait_rows (imports, 2);

  /* Newest first, named as the file was, with its kind and counts. */
  list = ov_ui_test_child (imports, OV_TYPE_IMPORTS_WINDOW, "list");
  rows = csv_list_rows (list);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (csv_row_title (rows->pdata[0]), ==, "crm <second>.csv");
  g_assert_true (g_str_has_prefix (csv_row_subtitle (rows->pdata[0]), "Accounts · "));
  g_assert_true (g_str_has_suffix (csv_row_subtitle (rows->pdata[0]), " · 1 updated"));
  g_assert_cmpstr (csv_row_title (rows->pdata[1]), ==, "crm-first.csv");
  g_assert_true (g_str_has_suffix (csv_row_subtitle (rows->pdata[1]), " · 2 new"));
  ov_ui_test_shoot (GTK_WIDGET (imports), "imports-window");

  /* The first cannot go before the second: the toast says why. */
  undo = ov_ui_test_find_button (rows->pdata[1], "_Undo");
  g_assert_nonnull (undo);
  csv_click (undo);
  ov_ui_test_wait_toast (window, "The import could not be undone");
  g_assert_cmpint (csv_stored_count (db), ==, 3);

  /* The second, then the first: each listed as undone, the accounts gone. */
  csv_click (ov_ui_test_find_button (rows->pdata[0], "_Undo"));
  ov_ui_test_wait_toast (window, "Import undone: 0 removed, 1 restored");
  /* The list is read again after a change: its rows are new ones. */
  g_assert_true (ov_ui_test_wait (first_row_undone, list, 30000));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = csv_list_rows (list);
  csv_click (ov_ui_test_find_button (rows->pdata[1], "_Undo"));
  ov_ui_test_wait_toast (window, "Import undone: 2 removed");
  csv_wait_count (window, 1);
  g_assert_cmpint (csv_stored_count (db), ==, 1);

  wait_rows (imports, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = csv_list_rows (list);
  g_assert_nonnull (ov_ui_test_find_label (rows->pdata[0], "Undone"));
  g_assert_nonnull (ov_ui_test_find_label (rows->pdata[1], "Undone"));
  g_assert_null (ov_ui_test_find_button (rows->pdata[1], "_Undo"));

  gtk_window_destroy (GTK_WINDOW (imports));
  ov_ui_test_close_window (window);
}

static void
test_imports_empty (void)
{
  g_autofree char *db = csv_make_portfolio ("imports-empty.db");
  OvImportsWindow *imports;
  OvWindow *window;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-imports", NULL));
  imports = ov_ui_test_find_window (OV_TYPE_IMPORTS_WINDOW);
  {
    LabelWait wait = { GTK_WIDGET (imports), "No Imports Yet" };

    g_assert_true (ov_ui_test_wait (label_shown, &wait, 30000));
    g_assert_cmpuint (ov_imports_window_get_n_rows (imports), ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (imports));
  ov_ui_test_close_window (window);
}

/* Ctrl+Z works while the import's toast shows, and only then. */
static void
test_undo_shortcut (void)
{
  g_autofree char *db = csv_make_portfolio ("imports-ctrl-z.db");
  g_autoptr(OvImportResult) result = NULL;
  OvWindow *window;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  /* Bound to Ctrl+Z, and off while no import's toast shows. */
  {
    g_auto(GStrv) accels =
      gtk_application_get_accels_for_action (gtk_window_get_application (GTK_WINDOW (window)),
                                             "win.undo-import");

    g_assert_cmpstrv (accels, ((const char *[]) { "<Control>z", NULL }));
  }
  g_assert_false (ov_import_undo_last (window));

  result = import_text (db, "ctrl-z.csv", "external_id,name\nZ-1,Zeta\nZ-2,Eta\n");
  ov_window_reload (window);
  csv_wait_count (window, 3);
  ov_import_announce (window, result);
  ov_ui_test_wait_toast (window, "Accounts imported: 2 new");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", NULL));
  ov_ui_test_wait_toast (window, "Import undone: 2 removed");
  csv_wait_count (window, 1);
  g_assert_cmpint (csv_stored_count (db), ==, 1);

  /* The toast is gone: Ctrl+Z has nothing of the import's left to undo. */
  g_assert_false (ov_import_undo_last (window));
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/imports/list-undo", test_imports_list_undo);
  g_test_add_func ("/imports/empty", test_imports_empty);
  g_test_add_func ("/imports/undo-shortcut", test_undo_shortcut);

  return g_test_run ();
}
