/* test-sections.c — the window's context and the account page's sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every view is handed the window's context through its template, and the
 * sections of the account page follow the store and the clock on their
 * own: a change made through the store, or a new day, shows without the
 * page asking.
 */

#include "config.h"

#include "ov-account-page.h"
#include "ov-account-people.h"
#include "ov-account-tasks.h"
#include "ov-account-timeline.h"
#include "ov-accounts-view.h"
#include "ov-dashboard-tasks.h"
#include "ov-dashboard-view.h"
#include "ov-playbook-editor.h"
#include "ov-playbooks-view.h"
#include "ov-tasks-view.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

typedef struct
{
  OvWindow    *window;
  GtkWidget   *page;
  OvAccount   *account;
} Fixture;

/* An account with open tasks due later, none of them late yet. */
static OvAccount *
account_with_tasks_due (OvStore   *store,
                        GPtrArray *accounts)
{
  OvDate today = ov_date_today ();

  for (guint i = 0; i < accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (accounts, i);
      g_autoptr(GPtrArray) tasks = ov_store_list_tasks (store, ov_account_get_id (account), 0,
                                                        NULL);
      gboolean due_later = FALSE, late = FALSE;

      for (guint j = 0; tasks != NULL && j < tasks->len; j++)
        {
          OvTask *task = g_ptr_array_index (tasks, j);

          late |= ov_task_is_overdue (task, today);
          due_later |= !ov_task_is_done (task) && ov_task_get_due_date (task) != OV_DATE_NONE;
        }

      if (due_later && !late)
        return account;
    }

  return NULL;
}

static void
open_account (Fixture    *fixture,
              const char *db_name)
{
  g_autofree char *db = ov_ui_test_db_path (db_name);
  g_autoptr(GError) error = NULL;
  GtkWidget *accounts_view;

  {
    g_autoptr(OvStore) store = ov_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (ov_sample_generate (store, 40, OV_SAMPLE_DEFAULT_SEED, ov_date_today (),
                                       &error));
    g_assert_no_error (error);
  }

  fixture->window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (fixture->window, "portfolio");

  fixture->account = account_with_tasks_due (ov_window_get_store (fixture->window),
                                             ov_account_list_get_all (
                                               ov_window_get_accounts (fixture->window)));
  g_assert_nonnull (fixture->account);
  ov_window_show_account (fixture->window, fixture->account);
  ov_ui_test_settle ();

  accounts_view = ov_ui_test_child (fixture->window, OV_TYPE_WINDOW, "accounts_view");
  fixture->page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
  g_assert_true (ov_account_page_get_account (OV_ACCOUNT_PAGE (fixture->page)) ==
                 fixture->account);
}

static GtkWidget *
section (Fixture    *fixture,
         const char *name)
{
  return ov_ui_test_child (fixture->page, OV_TYPE_ACCOUNT_PAGE, name);
}

/* One context reaches every view and section through the templates. */
static void
test_context_reaches_every_view (void)
{
  Fixture fixture = { 0 };
  OvContext *context;
  GtkWidget *dashboard, *playbooks;
  const char *sections[] = { "tasks_section", "timeline_section", "people_section" };

  open_account (&fixture, "sections-context.db");
  context = ov_window_get_context (fixture.window);
  g_assert_nonnull (context);
  g_assert_true (ov_context_get_store (context) == ov_window_get_store (fixture.window));

  dashboard = ov_ui_test_child (fixture.window, OV_TYPE_WINDOW, "dashboard_view");
  playbooks = ov_window_get_view (OV_WINDOW (fixture.window), "playbooks");
  g_assert_true (ov_view_get_context (OV_VIEW (dashboard)) == context);
  g_assert_true (ov_view_get_context (OV_VIEW (ov_ui_test_child (dashboard,
                                                                  OV_TYPE_DASHBOARD_VIEW,
                                                                  "tasks"))) == context);
  g_assert_true (ov_view_get_context (OV_VIEW (playbooks)) == context);
  g_assert_true (ov_view_get_context (OV_VIEW (ov_ui_test_child (playbooks,
                                                                  OV_TYPE_PLAYBOOKS_VIEW,
                                                                  "editor"))) == context);
  g_assert_true (ov_view_get_context (OV_VIEW (fixture.page)) == context);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      OvAccountSection *part = OV_ACCOUNT_SECTION (section (&fixture, sections[i]));

      g_assert_true (ov_view_get_context (OV_VIEW (part)) == context);
      g_assert_true (ov_view_get_store (OV_VIEW (part)) == ov_window_get_store (fixture.window));
      g_assert_true (ov_account_section_get_account (part) == fixture.account);
    }

  ov_ui_test_close_window (fixture.window);
}

typedef struct
{
  OvAccountPeople *people;
  const char      *name;
} PersonWait;

static gboolean
person_listed (gpointer data)
{
  PersonWait *wait = data;

  return ov_account_people_find_row (wait->people, wait->name) != NULL;
}

/* A person added through the store shows in the section by itself, also
 * after the section lost its context and was given it back. */
static void
test_people_follow_the_store (void)
{
  Fixture fixture = { 0 };
  g_autoptr(OvPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  OvAccountPeople *people;
  OvContext *context;
  PersonWait wait;
  guint before;

  open_account (&fixture, "sections-people.db");
  people = OV_ACCOUNT_PEOPLE (section (&fixture, "people_section"));
  context = ov_window_get_context (fixture.window);
  before = ov_account_people_get_n_people (people);

  ov_view_set_context (OV_VIEW (people), NULL);
  g_assert_null (ov_view_get_store (OV_VIEW (people)));
  ov_view_set_context (OV_VIEW (people), context);

  person = ov_person_new (ov_account_get_id (fixture.account), OV_SIDE_CUSTOMER,
                          "Dana & <Reyes>", "dana@example.org");
  g_assert_true (ov_store_add_person (ov_window_get_store (fixture.window), person, &error));
  g_assert_no_error (error);

  wait.people = people;
  wait.name = "Dana & <Reyes>";
  g_assert_true (ov_ui_test_wait (person_listed, &wait, 5000));
  g_assert_cmpuint (ov_account_people_get_n_people (people), ==, before + 1);

  ov_ui_test_close_window (fixture.window);
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} TextWait;

static gboolean
summary_mentions (gpointer data)
{
  TextWait *wait = data;
  const char *summary = ov_account_tasks_get_summary (OV_ACCOUNT_TASKS (wait->widget));

  return summary != NULL && strstr (summary, wait->text) != NULL;
}

static gboolean
summary_free_of (gpointer data)
{
  return !summary_mentions (data);
}

/* When the day changes, the tasks section counts overdue tasks from the
 * new day: years later, every open task with a due date is late. */
static void
test_tasks_follow_the_clock (void)
{
  Fixture fixture = { 0 };
  OvContext *context;
  OvDate today;
  TextWait wait;

  g_unsetenv ("OVERTURE_TODAY");
  open_account (&fixture, "sections-clock.db");
  context = ov_window_get_context (fixture.window);
  today = ov_context_get_today (context);

  wait.widget = section (&fixture, "tasks_section");
  wait.text = "overdue";
  g_assert_true (ov_ui_test_wait (summary_free_of, &wait, 5000));

  g_setenv ("OVERTURE_TODAY", "2099-06-30", TRUE);
  ov_context_check_today (context);
  g_assert_cmpint (ov_context_get_today (context), ==, ov_date_from_ymd (2099, 6, 30));
  g_assert_true (ov_ui_test_wait (summary_mentions, &wait, 5000));

  g_unsetenv ("OVERTURE_TODAY");
  ov_context_check_today (context);
  g_assert_cmpint (ov_context_get_today (context), ==, today);
  g_assert_true (ov_ui_test_wait (summary_free_of, &wait, 5000));

  ov_ui_test_close_window (fixture.window);
}

static gboolean
tasks_read (gpointer data)
{
  return ov_tasks_view_get_total (OV_TASKS_VIEW (data)) >= 0 &&
         !ov_tasks_view_is_loading (OV_TASKS_VIEW (data));
}

/* The views a start does not show are built when first shown, or asked
 * for, with the window's context and accounts; the others are there. */
static void
test_views_built_when_shown (void)
{
  const char *later[] = { "playbooks", "insights", "answers", "tasks", "content" };
  Fixture fixture = { 0 };
  OvContext *context;
  GtkWidget *tasks;

  open_account (&fixture, "sections-later.db");
  context = ov_window_get_context (fixture.window);

  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    {
      GtkWidget *page = adw_view_stack_get_child_by_name (
        ADW_VIEW_STACK (ov_ui_test_child (fixture.window, OV_TYPE_WINDOW, "view_stack")),
        later[i]);

      g_assert_true (ADW_IS_BIN (page));
      g_assert_null (adw_bin_get_child (ADW_BIN (page)));
    }

  /* Shown from the dashboard's "more" line: built, with every task due. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-tasks", "i",
                              OV_TASK_DUE_ANY);
  tasks = ov_window_get_view (fixture.window, "tasks");
  g_assert_true (OV_IS_TASKS_VIEW (tasks));
  g_assert_true (gtk_widget_get_mapped (tasks));
  g_assert_true (ov_ui_test_wait (tasks_read, tasks, 10000));
  g_assert_cmpint (ov_tasks_view_get_total (OV_TASKS_VIEW (tasks)), >, 0);

  /* Shown by its page's name: the page holds its view. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-view", "s", "insights");
  g_assert_nonnull (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (
    ADW_VIEW_STACK (ov_ui_test_child (fixture.window, OV_TYPE_WINDOW, "view_stack")),
    "insights"))));

  /* Every view, asked for: one each, with the window's context. */
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    {
      GtkWidget *view = ov_window_get_view (fixture.window, later[i]);

      g_assert_true (OV_IS_VIEW (view));
      g_assert_true (ov_window_get_view (fixture.window, later[i]) == view);
      g_assert_true (ov_view_get_context (OV_VIEW (view)) == context);
    }
  g_assert_null (ov_window_get_view (fixture.window, "no-such-view"));

  ov_ui_test_close_window (fixture.window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/sections/context", test_context_reaches_every_view);
  g_test_add_func ("/sections/views-built-when-shown", test_views_built_when_shown);
  g_test_add_func ("/sections/people-follow-the-store", test_people_follow_the_store);
  g_test_add_func ("/sections/tasks-follow-the-clock", test_tasks_follow_the_clock);

  return g_test_run ();
}
