/* test-versions.c — the account page meets an account changed elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-ui-test.h"

static char *
notes_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types @text into the notes and leaves them, which saves them. */
static void
edit_notes (GtkTextView *notes,
            GtkWidget   *elsewhere,
            const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (notes));
  ov_ui_test_settle ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), text, -1);
  gtk_widget_grab_focus (elsewhere);
  ov_ui_test_settle ();
}

static void
test_page_conflict (void)
{
  g_autofree char *db = ov_ui_test_db_path ("versions.db");
  g_autoptr(OvStore) other = NULL;
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(OvAccount) theirs = NULL;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *accounts_view;
  OvAccountPage *page;
  GtkTextView *notes;
  GtkWidget *owner_row;
  OvWindow *window;

  other = ov_store_open (db, &error);
  g_assert_no_error (error);
  ov_account_set_name (account, "Acme Logistics");
  ov_account_set_owner (account, "Ana");
  g_assert_true (ov_store_save_account (other, account, &error));

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-account", "x",
                              ov_account_get_id (account));
  ov_ui_test_settle ();
  accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  page = OV_ACCOUNT_PAGE (ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW,
                                            "account_page"));
  notes = GTK_TEXT_VIEW (ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "notes_view"));
  owner_row = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "owner_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, "Ana");

  /* Another connection hands the account to Ben while the page is open. */
  theirs = ov_store_get_account (other, ov_account_get_id (account), &error);
  ov_account_set_owner (theirs, "Ben");
  g_assert_true (ov_store_save_account (other, theirs, &error));

  edit_notes (notes, owner_row, "Kickoff moved to Thursday");

  /* Not saved; the page says who changed the account, shows Ben and
   * still has the notes as typed. */
  g_assert_nonnull (strstr (ov_account_page_get_error (page),
                            "Another Overture window changed this"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, "Ben");
  shown = notes_text (notes);
  g_assert_cmpstr (shown, ==, "Kickoff moved to Thursday");
  stored = ov_store_get_account (other, ov_account_get_id (account), &error);
  g_assert_cmpstr (ov_account_get_notes (stored), ==, "");
  ov_ui_test_screenshot (GTK_WIDGET (window), "versions-conflict");

  /* Leaving the notes again saves them over Ben's version. */
  edit_notes (notes, owner_row, "Kickoff moved to Thursday");
  g_assert_cmpstr (ov_account_page_get_error (page), ==, "");
  g_clear_object (&stored);
  stored = ov_store_get_account (other, ov_account_get_id (account), &error);
  g_assert_cmpstr (ov_account_get_owner (stored), ==, "Ben");
  g_assert_cmpstr (ov_account_get_notes (stored), ==, "Kickoff moved to Thursday");

  ov_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/versions/page-conflict", test_page_conflict);

  return g_test_run ();
}
