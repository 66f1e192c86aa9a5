/* test-review-export.c — Export Review Report… on the account page: the
 * chooser it opens, the PDF written off the main thread and the toast that
 * offers to open it, and the dialog that says why when it cannot be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-review-export.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

typedef struct
{
  OvWindow  *window;
  GtkWidget *page;
  OvAccount *account;
} Fixture;

static void
open_account (Fixture    *fixture,
              const char *db_name)
{
  GtkWidget *accounts_view;
  GPtrArray *accounts;

  fixture->window = ov_ui_test_open_sample_window (db_name);
  accounts = ov_account_list_get_all (ov_window_get_accounts (fixture->window));
  g_assert_cmpuint (accounts->len, >, 0);
  fixture->account = g_ptr_array_index (accounts, 0);
  ov_window_show_account (fixture->window, fixture->account);
  ov_ui_test_settle ();

  accounts_view = ov_ui_test_child (fixture->window, OV_TYPE_WINDOW, "accounts_view");
  fixture->page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
}

static gboolean
chooser_shown (gpointer data)
{
  return ov_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
chooser_gone (gpointer data)
{
  return !chooser_shown (data);
}

/* Ctrl+P's action asks where to save, suggesting the account's name. */
static void
test_chooser (void)
{
  Fixture fixture = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;

  open_account (&fixture, "review-export-chooser.db");
  g_assert_true (gtk_widget_activate_action (fixture.page, "account.export-report", NULL));
  g_assert_true (ov_ui_test_wait (chooser_shown, NULL, 10000));

  chooser = ov_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  name = gtk_file_chooser_get_current_name (chooser);
  expected = g_strdup_printf ("%s Review.pdf", ov_account_get_name (fixture.account));
  g_assert_cmpstr (name, ==, expected);

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (ov_ui_test_wait (chooser_gone, NULL, 10000));
  ov_ui_test_close_window (fixture.window);
}

/* Written in a worker; the toast names the file and offers to open it. */
static void
test_written (void)
{
  Fixture fixture = { 0 };
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "review.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OvReviewExport) export = ov_review_export_new ();
  g_autoptr(GBytes) bytes = NULL;
  GtkWidget *title;

  open_account (&fixture, "review-export-written.db");
  ov_review_export_to_file (export, fixture.page, ov_window_get_store (fixture.window),
                            fixture.account, ov_date_today (), file);
  g_assert_true (ov_review_export_is_busy (export));

  title = ov_ui_test_wait_toast (fixture.window, "Review report saved as “review.pdf”");
  g_assert_nonnull (title);
  g_assert_nonnull (ov_ui_test_find_button (GTK_WIDGET (fixture.window), "_Open"));
  g_assert_false (ov_review_export_is_busy (export));
  ov_ui_test_screenshot (GTK_WIDGET (fixture.window), "review-export-toast");

  bytes = ov_test_read_file (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);

  ov_ui_test_close_window (fixture.window);
  ov_test_remove_dir (dir);
}

static gboolean
dialog_shown (gpointer data)
{
  return ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* A folder that is not there: a dialog says so, naming the file. */
static void
test_refused (void)
{
  Fixture fixture = { 0 };
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "review.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OvReviewExport) export = ov_review_export_new ();
  AdwMessageDialog *dialog;

  open_account (&fixture, "review-export-refused.db");
  ov_review_export_to_file (export, fixture.page, ov_window_get_store (fixture.window),
                            fixture.account, ov_date_today (), file);
  g_assert_true (ov_ui_test_wait (dialog_shown, NULL, 30000));

  dialog = ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Review Report Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "its folder does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (ov_review_export_is_busy (export));

  gtk_window_destroy (GTK_WINDOW (dialog));
  ov_ui_test_close_window (fixture.window);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/review-export/chooser", test_chooser);
  g_test_add_func ("/review-export/written", test_written);
  g_test_add_func ("/review-export/refused", test_refused);

  return g_test_run ();
}
