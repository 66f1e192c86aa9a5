/* test-opening.c — the window shows the portfolio before the check of the
 * file has ended, and follows what the check finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening an up-to-date file reads the accounts while every page of the
 * file is checked in a thread; the window shows them at once. These tests
 * follow the window's states from the first one on: a sound file stays on
 * the portfolio (and the purge of old deletions follows the check), a
 * damaged one turns to the damaged file's page with no byte written.
 */

#include "config.h"

#include <string.h>

#include "ov-store-private.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

static void
on_state_notify (OvWindow   *window,
                 GParamSpec *pspec,
                 GArray     *states)
{
  OvWindowState state = ov_window_get_state (window);

  g_array_append_val (states, state);
}

/* A window on @db whose states, from the first one after loading, are
 * appended to @states. */
static OvWindow *
open_window_noting_states (const char *db,
                           GArray     *states)
{
  OvWindow *window = ov_window_new (OV_APPLICATION (g_application_get_default ()), db);

  g_signal_connect (window, "notify::state", G_CALLBACK (on_state_notify), states);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* A portfolio of 30 in @name, the first account deleted long before the
 * app started (so opening it purges that one). */
static char *
portfolio_with_old_deletion (const char *name)
{
  char *db = ov_ui_test_db_path (name);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = ov_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ov_sample_generate (store, 30, 5, ov_date_from_ymd (2026, 11, 23), &error));
  g_assert_true (ov_store_exec (store, "UPDATE accounts SET deleted_at = '2020-01-01T00:00:00Z' "
                                       "WHERE id = (SELECT min(id) FROM accounts)", &error));
  g_assert_no_error (error);
  return db;
}

static gint64
count_rows (const char *db,
            const char *sql)
{
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  gint64 n = -1;

  g_assert_true (ov_store_query_int64 (store, sql, &n, NULL));
  return n;
}

static gboolean
purged (gpointer data)
{
  return count_rows (data, "SELECT count(*) FROM accounts") == 29;
}

/* The portfolio is shown before the check of every page of the file ends.
 * On a sound file the check changes nothing on screen; a write the user
 * makes at once waits for it and is kept, and the rows deleted in an
 * earlier session are purged once the file was found sound. */
static void
test_checked_after_shown (void)
{
  g_autofree char *db = portfolio_with_old_deletion ("checked-later.db");
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (OvWindowState));
  OvAccount *account;
  OvWindow *window;

  window = open_window_noting_states (db, states);
  ov_ui_test_wait_state (window, "portfolio");
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 29);

  account = g_ptr_array_index (ov_account_list_get_all (ov_window_get_accounts (window)), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-account", "x",
                              ov_account_get_id (account));

  g_assert_true (ov_ui_test_wait (purged, db, 20000));
  ov_ui_test_settle ();
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM accounts WHERE deleted_at IS NOT NULL"),
                   ==, 1);
  g_assert_cmpuint (ov_account_list_get_n_total (ov_window_get_accounts (window)), ==, 28);
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpint (g_array_index (states, OvWindowState, 0), ==, OV_WINDOW_STATE_PORTFOLIO);
  g_assert_cmpint (ov_window_get_state (window), ==, OV_WINDOW_STATE_PORTFOLIO);
  g_signal_handlers_disconnect_by_func (window, on_state_notify, states);
  ov_ui_test_close_window (window);
}

/* A damaged page the reading of the accounts does not touch: the portfolio
 * is shown first, then, when the check ends, the page a damaged file gets.
 * Nothing was written to the file, not the purge, not a write tried while
 * the window shows the damage. */
static void
test_damaged_after_shown (void)
{
  g_autofree char *db = portfolio_with_old_deletion ("damaged-later.db");
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (OvWindowState));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *error_page;
  const char *description;
  OvWindow *window;

  ov_test_damage_table (db, "playbook_tasks");
  before = ov_test_read_file (db);

  window = open_window_noting_states (db, states);
  ov_ui_test_wait_state (window, "error");

  g_assert_cmpuint (states->len, ==, 2);
  g_assert_cmpint (g_array_index (states, OvWindowState, 0), ==, OV_WINDOW_STATE_PORTFOLIO);
  g_assert_cmpint (g_array_index (states, OvWindowState, 1), ==, OV_WINDOW_STATE_ERROR);
  error_page = ov_ui_test_child (window, OV_TYPE_WINDOW, "error_page");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (error_page));
  g_assert_nonnull (strstr (description, "damaged-later.db"));
  g_assert_nonnull (strstr (description, "is damaged"));
  ov_ui_test_screenshot (GTK_WIDGET (window), "ui-damaged-after-shown");

  g_assert_false (ov_store_set_setting (ov_context_get_store (ov_window_get_context (window)),
                                        "after-damage", "1", &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CORRUPT);
  ov_ui_test_settle ();
  g_assert_cmpint (ov_window_get_state (window), ==, OV_WINDOW_STATE_ERROR);
  g_signal_handlers_disconnect_by_func (window, on_state_notify, states);
  ov_ui_test_close_window (window);

  after = ov_test_read_file (db);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/opening/checked-after-shown", test_checked_after_shown);
  g_test_add_func ("/opening/damaged-after-shown", test_damaged_after_shown);

  return g_test_run ();
}
