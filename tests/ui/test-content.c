/* test-content.c — the content library view and the account page's
 * training section in the real window: the rates they show, against
 * numbers worked out by hand; an item added through its dialog; a stage
 * assigned in one step and undone from the toast; a person's completion
 * ticked on the account page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ov-account-content.h"
#include "ov-account-page.h"
#include "ov-account-tasks.h"
#include "ov-accounts-view.h"
#include "ov-content-assign-dialog.h"
#include "ov-content-item-dialog.h"
#include "ov-content-view.h"
#include "ov-person.h"
#include "ov-store-accounts.h"
#include "ov-store-content.h"
#include "ov-store-people.h"
#include "ov-store-tasks.h"
#include "ov-store-private.h"
#include "ov-ui-test.h"
#include "ov-window-private.h"

typedef struct
{
  OvWindow  *window;
  OvStore   *store;
  gint64     acme;
  gint64     birch;
} Fixture;

static gint64
add_account (OvStore    *store,
             const char *name,
             OvStage     stage)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  ov_account_set_name (account, name);
  ov_account_set_stage (account, stage);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
  return ov_account_get_id (account);
}

static gint64
add_person (OvStore    *store,
            gint64      account_id,
            const char *name,
            const char *role)
{
  g_autoptr(OvPerson) person = ov_person_new (account_id, OV_SIDE_CUSTOMER, name, "");
  g_autoptr(GError) error = NULL;

  ov_person_add_role (person, role);
  g_assert_true (ov_store_add_person (store, person, &error));
  g_assert_no_error (error);
  return ov_person_get_id (person);
}

static gint64
add_item (OvStore         *store,
          const char      *title,
          OvContentFormat  format,
          const char      *role,
          OvStage          stage,
          guint            minutes)
{
  g_autoptr(OvContentItem) item = ov_content_item_new (title, format);
  g_autoptr(GError) error = NULL;

  ov_content_item_set_role (item, role);
  ov_content_item_set_stage (item, stage);
  ov_content_item_set_duration (item, minutes);
  g_assert_true (ov_store_add_content_item (store, item, &error));
  g_assert_no_error (error);
  return ov_content_item_get_id (item);
}

static void
assign (OvStore *store,
        gint64   item,
        gint64   account)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ov_store_assign_content_to_account (store, item, account, ov_date_today (),
                                                       NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
complete (OvStore            *store,
          gint64              item,
          gint64              person,
          OvCompletionStatus  status,
          int                 progress)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_set_completion (store, item, person, status, progress, OV_DATE_NONE,
                                          &error));
  g_assert_no_error (error);
}

/* Acme (Adopt): Ana (admin), Ben and Cai (end users). Birch (Adopt): Eve.
 * Dune (Kickoff): nobody. Getting started on Acme and Birch, Daily
 * workflows (end users) on Acme. Done: Ana and Eve the first, Ben and Cai
 * the second; Ben is halfway through the first.
 *   Acme: 1 of 3 + 2 of 2 = 3 of 5 = 60 %
 *   Getting started: 2 of 4 = 50 %, 2 accounts; Daily workflows 2 of 2 */
static void
open_library (Fixture    *fixture,
              const char *db_name,
              gboolean    narrow)
{
  g_autofree char *db = ov_ui_test_db_path (db_name);
  gint64 ana, ben, cai, eve, started, daily;

  fixture->store = ov_ui_test_open_store (db);
  fixture->acme = add_account (fixture->store, "Acme Freight", OV_STAGE_ADOPT);
  fixture->birch = add_account (fixture->store, "Birchwood Clinics", OV_STAGE_ADOPT);
  add_account (fixture->store, "Dune Analytics", OV_STAGE_KICKOFF);
  ana = add_person (fixture->store, fixture->acme, "Ana Ruiz", "admin");
  ben = add_person (fixture->store, fixture->acme, "Ben Okafor", "end_user");
  cai = add_person (fixture->store, fixture->acme, "Cai Lindqvist", "end_user");
  eve = add_person (fixture->store, fixture->birch, "Eve Moreau", "end_user");
  started = add_item (fixture->store, "Getting started", OV_CONTENT_FORMAT_VIDEO, "",
                      OV_STAGE_HANDOFF, 15);
  daily = add_item (fixture->store, "Daily workflows", OV_CONTENT_FORMAT_WEBINAR, "end_user",
                    OV_STAGE_ADOPT, 90);
  add_item (fixture->store, "Value review", OV_CONTENT_FORMAT_GUIDE, "sponsor", OV_STAGE_REVIEW,
            0);
  assign (fixture->store, started, fixture->acme);
  assign (fixture->store, started, fixture->birch);
  assign (fixture->store, daily, fixture->acme);
  complete (fixture->store, started, ana, OV_COMPLETION_COMPLETED, -1);
  complete (fixture->store, started, eve, OV_COMPLETION_COMPLETED, -1);
  complete (fixture->store, started, ben, OV_COMPLETION_IN_PROGRESS, 50);
  complete (fixture->store, daily, ben, OV_COMPLETION_COMPLETED, -1);
  complete (fixture->store, daily, cai, OV_COMPLETION_COMPLETED, -1);

  /* A task on Acme about Getting started. */
  {
    g_autoptr(OvTask) task = ov_task_new (fixture->acme, OV_STAGE_ADOPT, "Run the welcome session");
    g_autoptr(GError) error = NULL;

    g_assert_true (ov_store_add_task (fixture->store, task, &error));
    g_assert_true (ov_store_set_task_content (fixture->store, ov_task_get_id (task), started,
                                              &error));
    g_assert_no_error (error);
  }

  fixture->window = narrow ? ov_ui_test_open_narrow_window (db) : ov_ui_test_open_window (db);
  if (!narrow)
    ov_ui_test_wait_state (fixture->window, "portfolio");
}

static void
close_library (Fixture *fixture)
{
  ov_ui_test_close_window (fixture->window);
  g_clear_object (&fixture->store);
}

static OvContentView *
content_view (Fixture *fixture)
{
  return OV_CONTENT_VIEW (ov_window_get_view (OV_WINDOW (fixture->window), "content"));
}

typedef struct
{
  OvContentView *view;
  const char    *title;
  const char    *subtitle_part;
} RowWait;

static gboolean
row_says (gpointer data)
{
  RowWait *wait = data;
  AdwActionRow *row;

  if (ov_content_view_is_loading (wait->view))
    return FALSE;
  row = ov_content_view_find_row (wait->view, wait->title);
  return row != NULL && strstr (adw_action_row_get_subtitle (row), wait->subtitle_part) != NULL;
}

static void
wait_row (OvContentView *view,
          const char    *title,
          const char    *subtitle_part)
{
  RowWait wait = { view, title, subtitle_part };

  if (!ov_ui_test_wait (row_says, &wait, 30000))
    {
      AdwActionRow *row = ov_content_view_find_row (view, title);

      g_error ("the row of “%s” says “%s”, not “%s”", title,
               row != NULL ? adw_action_row_get_subtitle (row) : "(no row)", subtitle_part);
    }
}

static void
show_content (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "content");
  ov_ui_test_settle ();
}

static void
test_library (void)
{
  Fixture fixture = { 0 };
  OvContentView *view;
  AdwActionRow *row;
  GtkWindow *dialog;
  GtkWidget *undo;
  gint64 n = -1;

  open_library (&fixture, "content-library.db", FALSE);
  show_content (&fixture);
  view = content_view (&fixture);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  wait_row (view, "Getting started", "2 accounts · 2 of 4 completed · 50 %");
  g_assert_cmpuint (ov_content_view_get_n_items (view), ==, 3);
  row = ov_content_view_find_row (view, "Getting started");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Video · Everyone · Handoff · 15 min\n"
                   "2 accounts · 2 of 4 completed · 50 %");
  row = ov_content_view_find_row (view, "Daily workflows");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Webinar · End user · Adopt · 1 h 30 min\n"
                   "1 account · 2 of 2 completed · 100 %");
  wait_row (view, "Value review", "Not assigned yet");
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "content-library");

  /* Added through its dialog: a title it has already is refused. */
  dialog = ov_content_view_open_editor (view, NULL);
  ov_content_item_dialog_set_title (OV_CONTENT_ITEM_DIALOG (dialog), "getting STARTED");
  g_assert_false (ov_content_item_dialog_save (OV_CONTENT_ITEM_DIALOG (dialog)));
  g_assert_cmpstr (ov_content_item_dialog_get_error (OV_CONTENT_ITEM_DIALOG (dialog)), ==,
                   "Title: the library already has an item called “getting STARTED”.");
  ov_ui_test_shoot (GTK_WIDGET (dialog), "content-item-dialog");
  ov_content_item_dialog_set_title (OV_CONTENT_ITEM_DIALOG (dialog), "Reporting lab");
  g_assert_true (ov_content_item_dialog_save (OV_CONTENT_ITEM_DIALOG (dialog)));
  wait_row (view, "Reporting lab", "Course · Everyone\nNot assigned yet");

  /* Value review to every account in Adopt: Acme and Birch, one step. */
  row = ov_content_view_find_row (view, "Value review");
  dialog = ov_content_view_open_assign (view, g_object_get_data (G_OBJECT (row), "ov-item"));
  ov_content_assign_dialog_choose (OV_CONTENT_ASSIGN_DIALOG (dialog), OV_CONTENT_ASSIGN_STAGE, 0,
                                   OV_STAGE_ADOPT, NULL);
  ov_ui_test_shoot (GTK_WIDGET (dialog), "content-assign-dialog");
  g_assert_true (ov_content_assign_dialog_assign (OV_CONTENT_ASSIGN_DIALOG (dialog)));
  ov_ui_test_wait_toast (fixture.window, "Assigned “Value review” to 2 accounts");
  /* Nobody is a sponsor: all four customers are its learners, none done. */
  wait_row (view, "Value review", "2 accounts · 0 of 4 completed · 0 %");
  ov_store_query_int64 (fixture.store, "SELECT count(*) FROM content_assignments", &n, NULL);
  g_assert_cmpint (n, ==, 5);

  undo = ov_ui_test_find_button (ov_ui_test_child (fixture.window, OV_TYPE_WINDOW,
                                                   "toast_overlay"), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  wait_row (view, "Value review", "Not assigned yet");
  ov_store_query_int64 (fixture.store, "SELECT count(*) FROM content_assignments", &n, NULL);
  g_assert_cmpint (n, ==, 3);

  close_library (&fixture);
}

typedef struct
{
  OvAccountContent *section;
  const char       *summary;
} SummaryWait;

static gboolean
summary_is (gpointer data)
{
  SummaryWait *wait = data;

  return g_strcmp0 (ov_account_content_get_summary (wait->section), wait->summary) == 0;
}

static void
wait_summary (OvAccountContent *section,
              const char       *summary)
{
  SummaryWait wait = { section, summary };

  if (!ov_ui_test_wait (summary_is, &wait, 30000))
    g_error ("the section says “%s”, not “%s”", ov_account_content_get_summary (section),
             summary);
}

static void
test_account_section (void)
{
  Fixture fixture = { 0 };
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  OvAccountContent *section;
  AdwExpanderRow *item;
  AdwActionRow *learner;
  GtkWidget *accounts_view, *page;

  open_library (&fixture, "content-section.db", FALSE);
  account = ov_account_list_find (ov_window_get_accounts (fixture.window), fixture.acme);
  g_assert_nonnull (account);
  g_object_ref (account);
  ov_window_show_account (fixture.window, account);
  ov_ui_test_settle ();
  accounts_view = ov_ui_test_child (fixture.window, OV_TYPE_WINDOW, "accounts_view");
  page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
  section = OV_ACCOUNT_CONTENT (ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE,
                                                  "content_section"));

  /* 1 of 3 + 2 of 2 */
  wait_summary (section, "Completion 60 %: 3 of 5 completed");
  g_assert_cmpuint (ov_account_content_get_n_items (section), ==, 2);
  item = ov_account_content_find_item (section, "Getting started");
  g_assert_cmpstr (adw_expander_row_get_subtitle (item), ==,
                   "Video · Everyone · Handoff · 15 min\n1 of 3 completed · 33 %");
  learner = ov_account_content_find_learner (item, "Ben Okafor");
  g_assert_cmpstr (adw_action_row_get_subtitle (learner), ==, "In progress · 50 %");
  g_assert_false (gtk_check_button_get_active (ov_account_content_get_check (learner)));
  adw_expander_row_set_expanded (item, TRUE);
  ov_ui_test_scroll_to (GTK_WIDGET (section), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (section), "account-content");

  /* Ben finishes: 4 of 5. */
  gtk_check_button_set_active (ov_account_content_get_check (learner), TRUE);
  wait_summary (section, "Completion 80 %: 4 of 5 completed");
  {
    gint64 n = -1;

    ov_store_query_int64 (fixture.store,
                          "SELECT count(*) FROM content_completions WHERE status = 'completed'",
                          &n, NULL);
    g_assert_cmpint (n, ==, 5);
  }

  /* The task about Getting started names it; one click and Cai, the last
   * one, has it too: 5 of 5. */
  {
    OvAccountTasks *tasks = OV_ACCOUNT_TASKS (ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE,
                                                                "tasks_section"));
    OvTaskRow *row = ov_account_tasks_find_row (tasks, "Run the welcome session");
    GtkWidget *button;

    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              "Training: Getting started"));
    button = ov_task_row_get_training_button (row);
    g_assert_true (gtk_widget_get_visible (button));
    ov_ui_test_shoot (GTK_WIDGET (row), "task-training");
    g_signal_emit_by_name (button, "clicked");
    ov_ui_test_wait_toast (fixture.window, "“Getting started” completed by 1 person");
    wait_summary (section, "Completion 100 %: 5 of 5 completed");
  }

  close_library (&fixture);
}

static void
test_narrow (void)
{
  Fixture fixture = { 0 };

  open_library (&fixture, "content-narrow.db", TRUE);
  show_content (&fixture);
  wait_row (content_view (&fixture), "Getting started", "50 %");
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "content-library-narrow");
  close_library (&fixture);
}

static gboolean
library_read (gpointer data)
{
  OvContentView *view = data;

  return !ov_content_view_is_loading (view) && ov_content_view_get_n_items (view) == 3;
}

/* What the view, its dialogs and the section look like, in whatever
 * language the test runs in (no English text is asserted here). */
static void
test_screenshots (void)
{
  Fixture fixture = { 0 };
  g_autoptr(OvAccount) account = NULL;
  OvContentView *view;
  AdwActionRow *row;
  GtkWindow *dialog;
  GtkWidget *accounts_view, *page, *section;

  open_library (&fixture, "content-shots.db", FALSE);
  show_content (&fixture);
  view = content_view (&fixture);
  g_assert_true (ov_ui_test_wait (library_read, view, 30000));
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "content-library-shot");

  row = ov_content_view_find_row (view, "Value review");
  dialog = ov_content_view_open_assign (view, g_object_get_data (G_OBJECT (row), "ov-item"));
  ov_ui_test_shoot (GTK_WIDGET (dialog), "content-assign-dialog-shot");
  gtk_window_close (dialog);
  dialog = ov_content_view_open_editor (view, g_object_get_data (G_OBJECT (row), "ov-item"));
  ov_ui_test_shoot (GTK_WIDGET (dialog), "content-item-dialog-shot");
  gtk_window_close (dialog);

  account = g_object_ref (ov_account_list_find (ov_window_get_accounts (fixture.window),
                                                fixture.acme));
  ov_window_show_account (fixture.window, account);
  ov_ui_test_settle ();
  accounts_view = ov_ui_test_child (fixture.window, OV_TYPE_WINDOW, "accounts_view");
  page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
  section = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "content_section");
  g_assert_cmpuint (ov_account_content_get_n_items (OV_ACCOUNT_CONTENT (section)), ==, 2);
  adw_expander_row_set_expanded (ov_account_content_find_item (OV_ACCOUNT_CONTENT (section),
                                                               "Getting started"), TRUE);
  ov_ui_test_scroll_to (section, FALSE);
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "account-content-page-shot");

  close_library (&fixture);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);
  /* Screenshots in another language: OVERTURE_LOCALEDIR=_build/po LANGUAGE=de. */
  if (g_getenv ("OVERTURE_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OVERTURE_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/content/library", test_library);
  g_test_add_func ("/content/account-section", test_account_section);
  g_test_add_func ("/content/narrow", test_narrow);
  g_test_add_func ("/content/screenshots", test_screenshots);

  return g_test_run ();
}
