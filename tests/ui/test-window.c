/* test-window.c — the main window on a real database, driven like a user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the window on a new database, checks the welcome page, loads the
 * sample portfolio, searches, opens and edits an account, refuses an
 * impossible date, deletes and undoes. Screenshots go to the build tree.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-dashboard-view.h"
#include "ov-date-row.h"
#include "ov-stage-stepper.h"
#include "ov-store-private.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

static guint
n_items (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

typedef struct
{
  GtkColumnView *view;
  guint          n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;

  return n_items (wait->view) == wait->n;
}

static guint
count_matches (OvAccountList *accounts,
               const char    *needle)
{
  GPtrArray *all = ov_account_list_get_all (accounts);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *key = ov_account_dup_search_key (g_ptr_array_index (all, i));

      if (strstr (key, needle) != NULL)
        n++;
    }

  return n;
}

/* Counts row widgets the column view made: it must not make one per item. */
static guint
count_row_widgets (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (child), "row") == 0)
        n++;
      n += count_row_widgets (child);
    }

  return n;
}

static void
test_window_journey (void)
{
  g_autofree char *db = ov_ui_test_db_path ("journey.db");
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvWindow *window;
  GtkWidget *view_stack, *accounts_view, *column_view, *search, *count_label, *page;
  GtkWidget *stepper, *name_row, *close_row, *empty_page;
  OvAccountList *accounts;
  OvAccount *account;
  CountWait wait;
  guint matches;
  gint64 id;
  OvDate close_before;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");

  /* The welcome page offers both ways in. */
  empty_page = ov_ui_test_child (window, OV_TYPE_WINDOW, "empty_page");
  g_assert_true (gtk_widget_is_drawable (empty_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==,
                   "Welcome to Overture");
  g_assert_true (gtk_widget_get_visible (ov_ui_test_child (window, OV_TYPE_WINDOW,
                                                           "sample_button")));
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-empty");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample", NULL);
  ov_ui_test_wait_state (window, "portfolio");

  accounts = ov_window_get_accounts (window);
  g_assert_cmpuint (ov_account_list_get_n_total (accounts), ==, OV_SAMPLE_DEFAULT_ACCOUNTS);
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-dashboard");

  /* Recently changed: the newest first, each saying when. */
  {
    GtkWidget *dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
    GtkWidget *recent = ov_ui_test_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "recent_list");
    GPtrArray *all = ov_account_list_get_all (accounts);
    gint64 newest = 0, previous = G_MAXINT64;
    guint n_rows = 0;

    for (guint i = 0; i < all->len; i++)
      newest = MAX (newest, ov_account_get_updated_at (g_ptr_array_index (all, i)));

    for (GtkWidget *row = gtk_widget_get_first_child (recent); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        OvAccount *shown = g_object_get_data (G_OBJECT (row), "account");
        const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

        g_assert_nonnull (shown);
        if (n_rows++ == 0)
          g_assert_cmpint (ov_account_get_updated_at (shown), ==, newest);
        g_assert_cmpint (ov_account_get_updated_at (shown), <=, previous);
        previous = ov_account_get_updated_at (shown);
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                         ov_account_get_name (shown));
        g_assert_nonnull (strstr (subtitle, " · changed "));
      }
    g_assert_cmpuint (n_rows, ==, 8);
  }

  /* The accounts list shows every account, but only makes rows it shows. */
  view_stack = ov_ui_test_child (window, OV_TYPE_WINDOW, "view_stack");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "accounts");
  accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  column_view = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "column_view");
  count_label = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "count_label");
  gtk_test_widget_wait_for_draw (column_view);
  ov_ui_test_settle ();

  g_assert_cmpuint (n_items (GTK_COLUMN_VIEW (column_view)), ==, 200);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count_label)), ==, "200 accounts");
  g_assert_cmpuint (count_row_widgets (column_view), >, 5);
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-accounts");

  /* Typing narrows the list to what the core says matches. */
  search = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "search_entry");
  matches = count_matches (accounts, "health");
  g_assert_cmpuint (matches, >, 0);
  g_assert_cmpuint (matches, <, 200);
  gtk_editable_set_text (GTK_EDITABLE (search), "Health");
  wait = (CountWait) { GTK_COLUMN_VIEW (column_view), matches };
  g_assert_true (ov_ui_test_wait (count_is, &wait, 5000));
  {
    g_autofree char *expected = g_strdup_printf ("%u of 200 accounts", matches);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count_label)), ==, expected);
  }
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-accounts-search");

  /* Opening the first match shows its page with the stage stepper. */
  g_signal_emit_by_name (column_view, "activate", 0);
  ov_ui_test_settle ();
  page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
  account = ov_account_page_get_account (OV_ACCOUNT_PAGE (page));
  g_assert_nonnull (account);
  {
    g_autofree char *key = ov_account_dup_search_key (account);
    g_assert_nonnull (strstr (key, "health"));
  }
  g_assert_true (gtk_widget_get_child_visible (page));

  stepper = GTK_WIDGET (ov_account_page_get_stepper (OV_ACCOUNT_PAGE (page)));
  g_assert_cmpint (ov_stage_stepper_get_stage (OV_STAGE_STEPPER (stepper)), ==,
                   ov_account_get_stage (account));
  g_assert_true (gtk_widget_has_css_class (
    ov_stage_stepper_get_step (OV_STAGE_STEPPER (stepper), ov_account_get_stage (account)),
    "current"));
  if (ov_account_get_stage (account) > OV_STAGE_EMBARK)
    g_assert_true (gtk_widget_has_css_class (
      ov_stage_stepper_get_step (OV_STAGE_STEPPER (stepper), OV_STAGE_EMBARK), "done"));
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-account-page");

  /* An edit is saved and shows in the list. */
  id = ov_account_get_id (account);
  name_row = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Aardvark Health & Sons <EMEA>");
  g_signal_emit_by_name (name_row, "apply");
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_account_get_name (account), ==, "Aardvark Health & Sons <EMEA>");

  check = ov_store_open (db, &error);
  g_assert_no_error (error);
  stored = ov_store_get_account (check, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_name (stored), ==, "Aardvark Health & Sons <EMEA>");
  g_clear_object (&stored);

  /* An impossible date is refused where it was typed; nothing changes. */
  close_row = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "close_row");
  close_before = ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE);
  gtk_editable_set_text (GTK_EDITABLE (close_row), "2026-02-30");
  g_signal_emit_by_name (close_row, "apply");
  ov_ui_test_settle ();
  g_assert_true (gtk_widget_has_css_class (close_row, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (close_row), "28 days"));
  g_assert_cmpint (ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE), ==, close_before);
  stored = ov_store_get_account (check, id, &error);
  g_assert_cmpint (ov_account_get_date (stored, OV_ACCOUNT_DATE_CLOSE), ==, close_before);
  g_clear_object (&stored);

  /* A first-value date before close is refused by the account's rules. */
  if (close_before != OV_DATE_NONE)
    {
      GtkWidget *value_row = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "first_value_row");

      ov_date_row_set_date (OV_DATE_ROW (value_row), close_before - 3);
      ov_ui_test_settle ();
      g_assert_nonnull (strstr (ov_account_page_get_error (OV_ACCOUNT_PAGE (page)),
                                "before the close date"));
      stored = ov_store_get_account (check, id, &error);
      g_assert_cmpint (ov_account_get_date (stored, OV_ACCOUNT_DATE_FIRST_VALUE), !=,
                       close_before - 3);
      g_clear_object (&stored);
    }

  /* Delete, then Undo. The toast shows the name as it is: libadwaita 1.2
   * reads toast titles as markup, and "&" or "<EMEA>" would blank it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-account", "x", id);
  ov_ui_test_settle ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ov_ui_test_wait_toast (window, "“Aardvark"))),
                   ==, "“Aardvark Health & Sons <EMEA>” deleted");
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-delete-toast");
  g_assert_cmpuint (ov_account_list_get_n_total (accounts), ==, 199);
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 199);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "x", id);
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_account_list_get_n_total (accounts), ==, 200);
  g_assert_cmpint (ov_store_count_accounts (check, NULL), ==, 200);

  ov_ui_test_close_window (window);
}

/* With thousands of accounts the table still makes only the rows near the
 * visible part, and search runs over all of them. */
static void
test_window_large_portfolio (void)
{
  g_autofree char *db = ov_ui_test_db_path ("large.db");
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OvWindow *window;
  GtkWidget *accounts_view, *column_view, *search;
  CountWait wait;

  store = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ov_sample_generate (store, 5000, 99, ov_date_from_ymd (2026, 11, 23), &error));
  g_clear_object (&store);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");
  accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  column_view = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "column_view");
  gtk_test_widget_wait_for_draw (column_view);
  ov_ui_test_settle ();

  g_assert_cmpuint (n_items (GTK_COLUMN_VIEW (column_view)), ==, 5000);
  g_assert_cmpuint (count_row_widgets (column_view), >, 5);
  g_assert_cmpuint (count_row_widgets (column_view), <=, 400);

  /* Clicking a column header sorts by it, within each currency (by code):
   * the first currency's largest ARR first, then its smallest. */
  {
    GObject *arr_column = gtk_widget_get_template_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW,
                                                         "arr_column");
    OvAccountList *accounts = ov_window_get_accounts (window);
    GPtrArray *all = ov_account_list_get_all (accounts);
    gint64 largest = 0, smallest = G_MAXINT64;
    const char *first = NULL;

    for (guint i = 0; i < all->len; i++)
      {
        const char *currency = ov_account_get_currency (g_ptr_array_index (all, i));

        if (first == NULL || strcmp (currency, first) < 0)
          first = currency;
      }
    for (guint i = 0; i < all->len; i++)
      {
        gint64 arr = ov_account_get_arr_cents (g_ptr_array_index (all, i));

        if (strcmp (ov_account_get_currency (g_ptr_array_index (all, i)), first) != 0)
          continue;
        largest = MAX (largest, arr);
        smallest = MIN (smallest, arr);
      }

    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view),
                                    GTK_COLUMN_VIEW_COLUMN (arr_column), GTK_SORT_DESCENDING);
    g_assert_cmpint (ov_account_get_arr_cents (ov_account_list_get_visible (accounts, 0)), ==,
                     largest);
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view),
                                    GTK_COLUMN_VIEW_COLUMN (arr_column), GTK_SORT_ASCENDING);
    g_assert_cmpint (ov_account_get_arr_cents (ov_account_list_get_visible (accounts, 0)), ==,
                     smallest);

    /* The stage filter keeps exactly that stage's accounts. */
    {
      GtkWidget *stage_filter = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW,
                                                  "stage_filter");
      guint in_adopt = 0;

      for (guint i = 0; i < all->len; i++)
        if (ov_account_get_stage (g_ptr_array_index (all, i)) == OV_STAGE_ADOPT)
          in_adopt++;

      gtk_drop_down_set_selected (GTK_DROP_DOWN (stage_filter), OV_STAGE_ADOPT);
      g_assert_cmpuint (n_items (GTK_COLUMN_VIEW (column_view)), ==, in_adopt);
      for (guint i = 0; i < in_adopt; i++)
        g_assert_cmpint (ov_account_get_stage (ov_account_list_get_visible (accounts, i)), ==,
                         OV_STAGE_ADOPT);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (stage_filter), 0);
      g_assert_cmpuint (n_items (GTK_COLUMN_VIEW (column_view)), ==, 5000);
    }
  }

  search = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search), "CRM-0049");
  /* CRM-004900 … CRM-004999 */
  wait = (CountWait) { GTK_COLUMN_VIEW (column_view), 100 };
  g_assert_true (ov_ui_test_wait (count_is, &wait, 5000));

  ov_ui_test_close_window (window);
}

/* The import that test_window_after_killed_import kills: run in a
 * subprocess, which kills itself once a third of the file is written. */
static void
kill_at_a_third (double   fraction,
                 gpointer user_data)
{
  if (fraction < 1.0 / 3)
    return;

  /* Killed, this process leaves its own test folder behind (the parent of
   * its user directories, see ov_ui_test_init()): remove it. */
  {
    g_autofree char *dir = g_path_get_dirname (g_getenv ("XDG_DATA_HOME"));

    ov_test_remove_dir (dir);
  }
  raise (SIGKILL);
}

static void
import_and_die (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("OVERTURE_TEST_KILLED_CSV"));
  g_autoptr(OvImporter) importer = ov_importer_new_for_file (OV_CSV_KIND_ACCOUNTS, file);
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = ov_store_open (g_getenv ("OVERTURE_TEST_KILLED_DB"), &error);
  g_assert_no_error (error);
  result = ov_importer_run (importer, store, kill_at_a_third, NULL, NULL, &error);
  g_assert_no_error (error);
  g_error ("the import finished: it was to be killed a third of the way");
}

/* A CSV import killed halfway leaves a rollback journal: the window still
 * opens the portfolio, as it was before the import. The import is killed
 * at a fixed point of its own progress, so the journal is there on every
 * run, whatever the speed of the machine. */
static void
test_window_after_killed_import (void)
{
  g_autofree char *db = ov_ui_test_db_path ("killed.db");
  g_autofree char *csv = ov_ui_test_db_path ("killed.csv");
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  const char *cli = g_getenv ("OVERTURE_CLI");
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GStatBuf st;
  OvWindow *window;

  if (g_test_subprocess ())
    {
      import_and_die ();
      return;
    }

  g_assert_nonnull (cli);
  store = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ov_sample_generate (store, 40, 5, ov_date_from_ymd (2026, 11, 23), &error));
  g_clear_object (&store);
  before = ov_test_read_file (db);

  {
    const char *generate[] = { cli, "generate", "accounts", "300000", "-o", csv, NULL };
    int status = -1;

    g_spawn_sync (NULL, (char **)generate, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  g_setenv ("OVERTURE_TEST_KILLED_DB", db, TRUE);
  g_setenv ("OVERTURE_TEST_KILLED_CSV", csv, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_unsetenv ("OVERTURE_TEST_KILLED_DB");
  g_unsetenv ("OVERTURE_TEST_KILLED_CSV");

  /* Killed while writing: a journal to replay, and a changed file. */
  g_assert_cmpint (g_stat (journal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  after = ov_test_read_file (db);
  g_assert_false (g_bytes_equal (before, after));

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 40);
  ov_ui_test_close_window (window);
}

static void
test_window_refuses_bad_database (void)
{
  g_autofree char *db = ov_ui_test_db_path ("not-a-db.db");
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  OvWindow *window;
  GtkWidget *error_page;

  for (int i = 0; i < 100; i++)
    g_string_append (junk, "name,owner,stage\nNorthwind,Priya,Adopt\n");
  g_assert_true (g_file_set_contents (db, junk->str, junk->len, NULL));
  before = ov_test_read_file (db);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "error");

  error_page = ov_ui_test_child (window, OV_TYPE_WINDOW, "error_page");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)),
                            "not-a-db.db"));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)),
                            "not an Overture database"));
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-error");

  after = ov_test_read_file (db);
  g_assert_true (g_bytes_equal (before, after));
  ov_ui_test_close_window (window);
}

static gboolean
label_has_text (gpointer data)
{
  GtkLabel *label = data;

  return strstr (gtk_label_get_label (label), "Overture will open it") != NULL;
}

/* While a command-line import holds the file, the window says so and
 * waits; when the import ends, the portfolio opens by itself. */
static void
test_window_waits_for_import (void)
{
  g_autofree char *db = ov_ui_test_db_path ("busy.db");
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *holder = NULL;
  GtkWidget *label;
  OvWindow *window;

  store = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ov_sample_generate (store, 30, 5, ov_date_from_ymd (2026, 11, 23), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* What the import does when it has the file to itself. */
  g_assert_cmpint (sqlite3_open_v2 (db, &holder, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE; "
                                         "UPDATE settings SET value = value",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  window = ov_ui_test_open_window (db);
  label = ov_ui_test_child (window, OV_TYPE_WINDOW, "loading_label");
  g_assert_true (ov_ui_test_wait (label_has_text, label, 20000));
  g_assert_cmpint (ov_window_get_state (window), ==, OV_WINDOW_STATE_LOADING);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "import"));
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-waiting-for-import");

  g_assert_cmpint (sqlite3_exec (holder, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);

  ov_ui_test_wait_state (window, "portfolio");
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 30);
  ov_ui_test_close_window (window);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
toast_says_gone (gpointer data)
{
  return shows_text (GTK_WIDGET (data), "no longer in the database");
}

/* Undo after the deleted account was purged meanwhile (by another run of
 * the app): the toast says it could not be restored. */
static void
test_window_undo_after_purge (void)
{
  g_autofree char *db = ov_ui_test_db_path ("purged.db");
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvStore) other = NULL;
  g_autoptr(GError) error = NULL;
  OvAccount *account;
  OvWindow *window;
  gint64 id;

  store = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ov_sample_generate (store, 10, 5, ov_date_from_ymd (2026, 11, 23), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  account = g_ptr_array_index (ov_account_list_get_all (ov_window_get_accounts (window)), 0);
  id = ov_account_get_id (account);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-account", "x", id);
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 9);

  other = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_purge_deleted (other, g_get_real_time () / G_USEC_PER_SEC + 2, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "x", id);
  g_assert_true (ov_ui_test_wait (toast_says_gone, window, 5000));
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 9);
  ov_ui_test_close_window (window);
}

/* The view shown when the window closed is kept (an enum key) and shown
 * again; the state is an enum property too. */
static void
test_window_last_view (void)
{
  g_autofree char *db = ov_ui_test_db_path ("last-view.db");
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings = ov_application_get_settings (OV_APPLICATION (g_application_get_default ()));
  GtkWidget *view_stack;
  OvWindowState state;
  OvWindow *window;

  store = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ov_sample_generate (store, 10, 5, ov_date_from_ymd (2026, 11, 23), &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_nonnull (settings);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  g_object_get (window, "state", &state, NULL);
  g_assert_cmpint (state, ==, OV_WINDOW_STATE_PORTFOLIO);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  gtk_window_close (GTK_WINDOW (window));
  ov_ui_test_settle ();
  g_assert_cmpint (g_settings_get_enum (settings, "last-view"), ==, 2);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  view_stack = ov_ui_test_child (window, OV_TYPE_WINDOW, "view_stack");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==,
                   "playbooks");
  g_settings_reset (settings, "last-view");
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/window/journey", test_window_journey);
  g_test_add_func ("/window/large-portfolio", test_window_large_portfolio);
  g_test_add_func ("/window/after-killed-import", test_window_after_killed_import);
  g_test_add_func ("/window/refuses-bad-database", test_window_refuses_bad_database);
  g_test_add_func ("/window/waits-for-import", test_window_waits_for_import);
  g_test_add_func ("/window/undo-after-purge", test_window_undo_after_purge);
  g_test_add_func ("/window/last-view", test_window_last_view);

  return g_test_run ();
}
