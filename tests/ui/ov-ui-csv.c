/* ov-ui-csv.c — driving the CSV import dialog in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "ov-ui-csv.h"

static const char *
size_suffix (void)
{
  return g_getenv ("OVERTURE_TEST_SIZE") ? "-narrow" : "";
}

/* One picture as things are, for what cannot wait for two. */
void
csv_shoot_once (GtkWidget  *widget,
                const char *name)
{
  g_autofree char *full = g_strconcat (name, size_suffix (),
                                       g_getenv ("OVERTURE_TEST_DARK") ? "-dark" : "", NULL);

  ov_ui_test_screenshot (widget, full);
}

/* @name, then @name-dark; "-narrow" added under OVERTURE_TEST_SIZE. */
void
csv_shoot (GtkWidget  *widget,
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
void
csv_click (GtkWidget *button)
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

void
csv_wait_import_idle (OvImportDialog *dialog)
{
  g_assert_true (ov_ui_test_wait (import_idle, dialog, 60000));
}

gboolean
csv_not_visible (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

OvImportDialog *
csv_open_import_full (OvWindow   *window,
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
    csv_wait_import_idle (dialog);

  return dialog;
}

OvImportDialog *
csv_open_import (OvWindow   *window,
                 const char *path)
{
  return csv_open_import_full (window, path, TRUE);
}

void
csv_close_dialog (gpointer dialog)
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
char *
csv_preview_results (OvImportDialog *dialog)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  ov_ui_test_settle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  collect_labels (PREVIEW_CHILD (dialog, "view"), "import-status", texts);
  g_ptr_array_add (texts, NULL);

  return g_strjoinv (" ", (char **)texts->pdata);
}

/* The preview table's column titles, joined by '|'. */
char *
csv_preview_column_titles (OvImportDialog *dialog)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (PREVIEW_CHILD (dialog,
                                                                                   "view")));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                              gtk_column_view_column_get_title (column));
    }

  return g_string_free (out, FALSE);
}

GPtrArray *
csv_list_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_PREFERENCES_ROW (c))
      g_ptr_array_add (rows, c);

  return rows;
}

static void
collect_combo_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (ADW_IS_COMBO_ROW (c))
        g_ptr_array_add (rows, c);
      else
        collect_combo_rows (c, rows);
    }
}

/* The mapping's row of the columns not imported, or NULL when every
 * column's name was recognised. */
GtkWidget *
csv_mapping_folded (OvImportDialog *dialog)
{
  g_autoptr(GPtrArray) rows = csv_list_rows (MAPPING_CHILD (dialog, "list"));

  for (guint i = 0; i < rows->len; i++)
    if (ADW_IS_EXPANDER_ROW (rows->pdata[i]))
      return rows->pdata[i];

  return NULL;
}

/* The column rows inside @expander, in order. */
GPtrArray *
csv_folded_rows (GtkWidget *expander)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_combo_rows (expander, rows);
  return rows;
}

const char *
csv_row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

const char *
csv_row_subtitle (gpointer row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  return subtitle ? subtitle : "";
}

/* The text of the item a combo row shows as chosen. */
const char *
csv_combo_text (gpointer row)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

/* The problem row whose place is @where, or NULL. */
GtkWidget *
csv_find_problem (GtkWidget  *list,
                  const char *where)
{
  g_autoptr(GPtrArray) rows = csv_list_rows (list);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (csv_row_subtitle (rows->pdata[i]), where) == 0)
      return rows->pdata[i];

  return NULL;
}

void
csv_scroll_to (OvImportDialog *dialog,
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

void
csv_wait_count (OvWindow *window,
                guint     n)
{
  CountWait wait = { ov_window_get_accounts (window), n };

  if (!ov_ui_test_wait (count_is, &wait, 30000))
    g_error ("the window lists %u accounts, expected %u",
             ov_account_list_get_n_total (wait.accounts), n);
}

gint64
csv_stored_count (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OvStore) store = ov_store_open (db, &error);
  gint64 n;

  g_assert_no_error (error);
  n = ov_store_count_accounts (store, &error);
  g_assert_no_error (error);

  return n;
}

OvAccount *
csv_find_stored (OvStore    *store,
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

OvAccount *
csv_find_listed (OvWindow   *window,
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
char *
csv_make_portfolio (const char *name)
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
