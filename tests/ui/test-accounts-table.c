/* test-accounts-table.c — the accounts list: words searched, ARR per currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window on six accounts in three currencies: the footer shows the ARR
 * of the accounts shown, one total per currency; a search of two words
 * finds the account that holds both; ARR sorts within each currency; the
 * filters set show as chips above the list and clear from there. An ARR
 * nobody knows shows as a dash in the table and "Not recorded" on the
 * account page, never $0, and is counted apart in the footer.
 */

#include "config.h"

#include <string.h>

#include "ov-account-page.h"
#include "ov-account-summary.h"
#include "ov-accounts-view.h"
#include "ov-money.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

/* The id of the account named @name. */
static gint64
query_id (OvStore    *store,
          const char *name)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = ov_store_list_accounts (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (ov_account_get_name (all->pdata[i]), name))
      return ov_account_get_id (all->pdata[i]);
  g_assert_not_reached ();
}

static void
add_account (OvStore    *store,
             const char *name,
             OvStage     stage,
             const char *currency,
             gint64      arr_cents)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  ov_account_set_name (account, name);
  ov_account_set_owner (account, "Priya Natarajan");
  ov_account_set_stage (account, stage);
  ov_account_set_currency (account, currency);
  ov_account_set_arr_cents (account, arr_cents);
  g_assert_true (ov_store_insert_account (store, account, 1777626000, 1777626000, &error));
  g_assert_no_error (error);
}

/* A window on @db showing its accounts. */
static OvWindow *
open_accounts (const char  *db,
               GtkWidget  **accounts_view)
{
  OvWindow *window = ov_ui_test_open_window (db);

  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");
  ov_ui_test_settle ();
  *accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  return window;
}

typedef struct
{
  GtkLabel   *label;
  const char *text;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_text (wait->label), wait->text) == 0;
}

/* Waits until @label shows @text, then checks it. */
static void
assert_label (GtkWidget  *label,
              const char *text)
{
  LabelWait wait = { GTK_LABEL (label), text };

  ov_ui_test_wait (label_is, &wait, 5000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
}

/* The names the list shows, in its order, joined by commas. */
static char *
shown_names (OvAccountList *accounts)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (accounts));

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            ov_account_get_name (ov_account_list_get_visible (accounts, i)));

  return g_string_free (out, FALSE);
}

static void
search (GtkWidget  *entry,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  ov_ui_test_settle ();
}

static void
test_footer_and_search (void)
{
  g_autofree char *db = ov_ui_test_db_path ("accounts-table.db");
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  g_autofree char *by_arr = NULL;
  GtkWidget *accounts_view, *arr_label, *count_label, *entry, *column_view;
  GObject *arr_column;
  OvAccountList *accounts;
  OvWindow *window;

  add_account (store, "Ashford Logistics GmbH", OV_STAGE_EMBARK, "EUR", 30000000);
  add_account (store, "Ashford Bank", OV_STAGE_EMBARK, "USD", 100000000);
  add_account (store, "Birchwood Labs", OV_STAGE_ADOPT, "USD", 30000000);
  add_account (store, "Cobalt AG", OV_STAGE_KICKOFF, "EUR", 1200000);
  add_account (store, "Dunmore Ltd", OV_STAGE_EMBARK, "GBP", 95000);
  add_account (store, "Elmstead Inc", OV_STAGE_ADOPT, "USD", 10000000);
  g_clear_object (&store);

  window = open_accounts (db, &accounts_view);
  arr_label = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "arr_label");
  count_label = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "count_label");
  entry = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "search_entry");
  column_view = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "column_view");
  arr_column = gtk_widget_get_template_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "arr_column");
  g_assert_true (GTK_IS_COLUMN_VIEW_COLUMN (arr_column));
  accounts = ov_window_get_accounts (window);

  /* USD: 1,000,000 + 300,000 + 100,000; EUR: 300,000 + 12,000; GBP: 950.
   * The currency with the most accounts first. */
  assert_label (count_label, "6 accounts");
  assert_label (arr_label, "ARR $1.4M USD · €312k EUR · £950 GBP");
  g_assert_true (gtk_widget_is_drawable (arr_label));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (arr_label), ==,
                   "$1,400,000\n€312,000\n£950");
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-accounts-table-footer");

  /* Two words, in two places of one name. */
  search (entry, "ashford gmbh");
  assert_label (count_label, "1 of 6 accounts");
  assert_label (arr_label, "ARR €300k EUR");
  g_assert_cmpstr (ov_account_get_name (ov_account_list_get_visible (accounts, 0)), ==,
                   "Ashford Logistics GmbH");

  /* One of each currency: by code. A round million has no decimal. */
  search (entry, "ashford");
  assert_label (count_label, "2 of 6 accounts");
  assert_label (arr_label, "ARR €300k EUR · $1M USD");

  search (entry, "zzz");
  assert_label (arr_label, "");

  /* ARR sorts within a currency: EUR, then GBP, then USD. */
  search (entry, "");
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view),
                                  GTK_COLUMN_VIEW_COLUMN (arr_column), GTK_SORT_ASCENDING);
  ov_ui_test_settle ();
  by_arr = shown_names (accounts);
  g_assert_cmpstr (by_arr, ==, "Cobalt AG,Ashford Logistics GmbH,Dunmore Ltd,"
                               "Elmstead Inc,Birchwood Labs,Ashford Bank");

  ov_ui_test_close_window (window);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/* The text of the cell of @column in each row the column view shows, as
 * "NAME=TEXT" lines sorted by name. Cells are found as the table draws
 * them: the inscriptions of a row, in the order of its visible columns. */
static char *
cells_of (GtkWidget *column_view,
          GObject   *column)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  GString *out = g_string_new (NULL);
  guint at = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if ((GObject *)c == column)
        break;
      if (gtk_column_view_column_get_visible (c))
        at++;
    }

  g_ptr_array_add (stack, column_view);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
      GtkWidget *row;
      g_autoptr(GPtrArray) texts = NULL;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
      if (!GTK_IS_INSCRIPTION (widget) || !gtk_widget_get_mapped (widget))
        continue;

      /* inscription → cell → row: each row once. */
      row = gtk_widget_get_parent (gtk_widget_get_parent (widget));
      if (!g_hash_table_add (rows, row))
        continue;
      texts = g_ptr_array_new ();
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
           cell = gtk_widget_get_next_sibling (cell))
        if (gtk_widget_get_visible (cell) && GTK_IS_INSCRIPTION (gtk_widget_get_first_child (cell)))
          g_ptr_array_add (texts, (gpointer)gtk_inscription_get_text (
                                    GTK_INSCRIPTION (gtk_widget_get_first_child (cell))));
      if (texts->len > at && texts->pdata[0] != NULL)
        g_ptr_array_add (lines, g_strdup_printf ("%s=%s", (char *)texts->pdata[0],
                                                 (char *)texts->pdata[at]));
    }

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *)lines->pdata[i]);
  return g_string_free (out, FALSE);
}

/* An ARR nobody knows: a dash in its cell (a zero is $0), last in the ARR
 * order whichever way it goes, left out of the footer's total and counted
 * there; "Not recorded" and an empty field on its page, where clearing
 * the field makes it unknown again. */
static void
test_unknown_arr (void)
{
  g_autofree char *db = ov_ui_test_db_path ("accounts-unknown-arr.db");
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *cells = NULL;
  GtkWidget *accounts_view, *arr_label, *column_view, *page, *summary, *arr_row;
  GObject *arr_column;
  OvAccountList *accounts;
  OvAccount *shown;
  OvWindow *window;
  gint64 alder_id;

  add_account (store, "Alder Unknown", OV_STAGE_EMBARK, "USD", OV_MONEY_UNKNOWN);
  add_account (store, "Birch Zero", OV_STAGE_EMBARK, "USD", 0);
  add_account (store, "Cedar Known", OV_STAGE_ADOPT, "USD", 5000000);
  alder_id = query_id (store, "Alder Unknown");
  g_clear_object (&store);

  window = open_accounts (db, &accounts_view);
  arr_label = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "arr_label");
  column_view = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "column_view");
  arr_column = gtk_widget_get_template_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "arr_column");
  accounts = ov_window_get_accounts (window);

  assert_label (arr_label, "ARR $50k USD · 1 without ARR");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (arr_label), ==,
                   "$50,000\n1 account has no known ARR");

  cells = cells_of (column_view, arr_column);
  g_assert_cmpstr (cells, ==, "Alder Unknown=—\nBirch Zero=$0\nCedar Known=$50,000\n");
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-accounts-table-unknown-arr");

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view),
                                  GTK_COLUMN_VIEW_COLUMN (arr_column), GTK_SORT_ASCENDING);
  ov_ui_test_settle ();
  up = shown_names (accounts);
  g_assert_cmpstr (up, ==, "Birch Zero,Cedar Known,Alder Unknown");
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view),
                                  GTK_COLUMN_VIEW_COLUMN (arr_column), GTK_SORT_DESCENDING);
  ov_ui_test_settle ();
  down = shown_names (accounts);
  g_assert_cmpstr (down, ==, "Cedar Known,Birch Zero,Alder Unknown");

  /* No account shown yet: no account page was built. */
  g_assert_null (adw_bin_get_child (ADW_BIN (ov_ui_test_child (accounts_view,
                                                               OV_TYPE_ACCOUNTS_VIEW,
                                                               "account_bin"))));

  /* Its page: "Not recorded", and an empty ARR field. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-account", "x", alder_id);
  ov_ui_test_settle ();
  page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
  g_assert_true (adw_bin_get_child (ADW_BIN (ov_ui_test_child (accounts_view,
                                                               OV_TYPE_ACCOUNTS_VIEW,
                                                               "account_bin"))) == page);
  g_assert_true (gtk_widget_get_mapped (page));
  summary = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "summary_section");
  arr_row = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "arr_row");
  g_assert_cmpstr (ov_account_summary_get_text (OV_ACCOUNT_SUMMARY (summary), "arr", NULL), ==,
                   "Not recorded");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (arr_row)), ==, "");
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-account-page-unknown-arr");

  /* Given an amount, then cleared: unknown again, not 0. */
  shown = ov_account_page_get_account (OV_ACCOUNT_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (arr_row), "1,200");
  g_signal_emit_by_name (arr_row, "apply");
  ov_ui_test_settle ();
  g_assert_cmpint (ov_account_get_arr_cents (shown), ==, 120000);
  g_assert_cmpstr (ov_account_summary_get_text (OV_ACCOUNT_SUMMARY (summary), "arr", NULL), ==,
                   "$1,200");
  gtk_editable_set_text (GTK_EDITABLE (arr_row), "");
  g_signal_emit_by_name (arr_row, "apply");
  ov_ui_test_settle ();
  g_assert_false (ov_account_has_arr (shown));
  g_assert_cmpstr (ov_account_summary_get_text (OV_ACCOUNT_SUMMARY (summary), "arr", NULL), ==,
                   "Not recorded");

  ov_ui_test_close_window (window);

  store = ov_ui_test_open_store (db);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OvAccount) stored = ov_store_get_account (store, alder_id, &error);

    g_assert_no_error (error);
    g_assert_false (ov_account_has_arr (stored));
    g_assert_cmpint (ov_account_get_version (stored), ==, 3);
  }
}

/* A dashboard's link to one stage shows its filter above the list: a
 * later search that finds nothing there says why, and Clear (or the
 * chip's own button) takes the filter away. */
static void
test_filter_chips (void)
{
  g_autofree char *db = ov_ui_test_db_path ("accounts-chips.db");
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  GtkWidget *accounts_view, *count_label, *entry, *filter_bar, *chip, *clear, *list_stack;
  OvWindow *window;

  add_account (store, "Ashford Logistics GmbH", OV_STAGE_EMBARK, "EUR", 30000000);
  add_account (store, "Cobalt AG", OV_STAGE_KICKOFF, "EUR", 1200000);
  add_account (store, "Dunmore Ltd", OV_STAGE_EMBARK, "GBP", 95000);
  g_clear_object (&store);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  count_label = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "count_label");
  entry = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "search_entry");
  filter_bar = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "filter_bar");
  list_stack = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "list_stack");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");
  ov_ui_test_settle ();
  g_assert_false (gtk_widget_get_visible (filter_bar));

  /* As the dashboard's stage link does. */
  ov_accounts_view_filter_stage (OV_ACCOUNTS_VIEW (accounts_view), OV_STAGE_KICKOFF);
  ov_ui_test_settle ();
  assert_label (count_label, "1 of 3 accounts");
  g_assert_true (gtk_widget_get_visible (filter_bar));
  chip = ov_ui_test_find_label (filter_bar, "Stage: ");
  g_assert_nonnull (chip);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (chip)), ==, "Stage: Kickoff");

  search (entry, "ashford");
  assert_label (count_label, "0 of 3 accounts");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (list_stack)), ==, "no-results");
  g_assert_true (gtk_widget_is_drawable (chip));
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-accounts-table-chips");

  clear = ov_ui_test_find_button (filter_bar, "_Clear");
  g_assert_nonnull (clear);
  g_signal_emit_by_name (clear, "clicked");
  ov_ui_test_settle ();
  assert_label (count_label, "1 of 3 accounts");
  g_assert_false (gtk_widget_get_visible (filter_bar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (list_stack)), ==, "list");

  /* The chip's own button removes its filter alone; the search stays. */
  ov_accounts_view_filter_stage (OV_ACCOUNTS_VIEW (accounts_view), OV_STAGE_EMBARK);
  ov_ui_test_settle ();
  search (entry, "ltd");
  assert_label (count_label, "1 of 3 accounts");
  chip = ov_ui_test_find_label (filter_bar, "Stage: ");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (chip)), ==, "Stage: Embark");
  g_signal_emit_by_name (gtk_widget_get_ancestor (chip, GTK_TYPE_BUTTON), "clicked");
  ov_ui_test_settle ();
  g_assert_false (gtk_widget_get_visible (filter_bar));
  assert_label (count_label, "1 of 3 accounts");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ltd");

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/accounts-table/footer-and-search", test_footer_and_search);
  g_test_add_func ("/accounts-table/filter-chips", test_filter_chips);
  g_test_add_func ("/accounts-table/unknown-arr", test_unknown_arr);

  return g_test_run ();
}
