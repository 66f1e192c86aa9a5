/* test-task-list.c — the portfolio's open tasks, filtered, sorted, paged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small portfolio whose every answer is counted by hand in the comments:
 * three active accounts, one paused, one deleted; open, done and undated
 * tasks; roles held by people, an explicit assignee, a role nobody holds.
 */

#include "config.h"

#include <string.h>

#include "journey-test-support.h"

typedef struct
{
  char    *dir;
  OvStore *store;
  OvDate   today;     /* Monday 2026-11-23 */
} Fixture;

static void
add_task (Fixture    *f,
          OvAccount  *account,
          OvStage     stage,
          const char *title,
          const char *role,
          const char *due,
          gint64      assignee_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OvTask) task = ov_task_new (ov_account_get_id (account), stage, title);

  ov_task_set_role (task, role);
  ov_task_set_due_date (task, due ? jt_date (due) : OV_DATE_NONE);
  ov_task_set_assignee_id (task, assignee_id);
  g_assert_true (ov_store_add_task (f->store, task, &error));
  g_assert_no_error (error);
}

/*  account            task            stage     role        due         owner
 *  Ashford Logistics  A-late          Adopt     csm         2026-11-02  Mia Park
 *  Ashford Logistics  A-today         Adopt     training    2026-11-23  Tom Becker
 *  Ashford Logistics  A-later         Adopt     csm         2026-12-15  Mia Park
 *  Ashford Logistics  A-undated       Adopt     support     —           (nobody)
 *  Ashford Logistics  A-done          Adopt     csm         2026-11-01  done → never listed
 *  Birchwood Bank     B-late          Kickoff   onboarding  2026-11-20  Lena Voss
 *  Birchwood Bank     B-week          Kickoff   csm         2026-11-29  Mia Park
 *  Birchwood Bank     B-champion      Kickoff   csm         2026-11-30  Rita Costa (explicit)
 *  Cobalt Mining      C-week          Handoff   csm         2026-11-24  Jon Reyes
 *  Cobalt Mining      C-late          Handoff   sales       2026-10-01  Jon Reyes
 *  Paused Pharma      P-late          Adopt     csm         2026-11-01  (paused → never listed)
 *  Deleted Dairy      D-week          Adopt     csm         2026-11-24  (deleted → never listed)
 *
 * Open and listed: 9 (A ×4, B ×3, C ×2). Overdue (before 11-23): A-late,
 * B-late, C-late = 3. This week (11-23 … 11-29): A-today, B-week, C-week
 * = 3. Later (after 11-29, or undated): B-champion, A-later, A-undated = 3.
 * 3 + 3 + 3 = 9. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OvAccount) ashford = NULL;
  g_autoptr(OvAccount) birchwood = NULL;
  g_autoptr(OvAccount) cobalt = NULL;
  g_autoptr(OvAccount) paused = NULL;
  g_autoptr(OvAccount) deleted = NULL;
  g_autoptr(OvPerson) rita = NULL;
  g_autoptr(OvTask) done = NULL;
  g_autoptr(GPtrArray) ashford_tasks = NULL;
  OvDate entered = jt_date ("2026-10-01");

  f->store = ov_test_new_store (&f->dir);
  f->today = jt_date ("2026-11-23");

  ashford = jt_add_account (f->store, "Ashford Logistics GmbH", "", OV_STAGE_ADOPT, entered);
  birchwood = jt_add_account (f->store, "Birchwood Bank", "", OV_STAGE_KICKOFF, entered);
  cobalt = jt_add_account (f->store, "Cobalt Mining", "", OV_STAGE_HANDOFF, entered);
  paused = jt_add_account (f->store, "Paused Pharma", "", OV_STAGE_ADOPT, entered);
  deleted = jt_add_account (f->store, "Deleted Dairy", "", OV_STAGE_ADOPT, entered);

  g_object_unref (jt_add_person (f->store, ov_account_get_id (ashford), OV_SIDE_INTERNAL,
                                 "Mia Park", "", "csm", NULL));
  g_object_unref (jt_add_person (f->store, ov_account_get_id (ashford), OV_SIDE_INTERNAL,
                                 "Tom Becker", "", "training", NULL));
  g_object_unref (jt_add_person (f->store, ov_account_get_id (birchwood), OV_SIDE_INTERNAL,
                                 "Mia Park", "", "csm", NULL));
  g_object_unref (jt_add_person (f->store, ov_account_get_id (birchwood), OV_SIDE_INTERNAL,
                                 "Lena Voss", "", "onboarding", NULL));
  rita = jt_add_person (f->store, ov_account_get_id (birchwood), OV_SIDE_CUSTOMER,
                        "Rita Costa", "", "champion", NULL);
  g_object_unref (jt_add_person (f->store, ov_account_get_id (cobalt), OV_SIDE_INTERNAL,
                                 "Jon Reyes", "", "csm", "sales", NULL));
  g_object_unref (jt_add_person (f->store, ov_account_get_id (paused), OV_SIDE_INTERNAL,
                                 "Paula Hold", "", "csm", NULL));

  add_task (f, ashford, OV_STAGE_ADOPT, "A-late", "csm", "2026-11-02", 0);
  add_task (f, ashford, OV_STAGE_ADOPT, "A-today", "training", "2026-11-23", 0);
  add_task (f, ashford, OV_STAGE_ADOPT, "A-later", "csm", "2026-12-15", 0);
  add_task (f, ashford, OV_STAGE_ADOPT, "A-undated", "support", NULL, 0);
  add_task (f, ashford, OV_STAGE_ADOPT, "A-done", "csm", "2026-11-01", 0);
  add_task (f, birchwood, OV_STAGE_KICKOFF, "B-late", "onboarding", "2026-11-20", 0);
  add_task (f, birchwood, OV_STAGE_KICKOFF, "B-week", "csm", "2026-11-29", 0);
  add_task (f, birchwood, OV_STAGE_KICKOFF, "B-champion", "csm", "2026-11-30",
            ov_person_get_id (rita));
  add_task (f, cobalt, OV_STAGE_HANDOFF, "C-week", "csm", "2026-11-24", 0);
  add_task (f, cobalt, OV_STAGE_HANDOFF, "C-late", "sales", "2026-10-01", 0);
  add_task (f, paused, OV_STAGE_ADOPT, "P-late", "csm", "2026-11-01", 0);
  add_task (f, deleted, OV_STAGE_ADOPT, "D-week", "csm", "2026-11-24", 0);

  ashford_tasks = ov_store_list_tasks (f->store, ov_account_get_id (ashford), 0, NULL);
  for (guint i = 0; i < ashford_tasks->len; i++)
    if (g_str_equal (ov_task_get_title (g_ptr_array_index (ashford_tasks, i)), "A-done"))
      done = g_object_ref (g_ptr_array_index (ashford_tasks, i));
  g_assert_nonnull (done);
  g_assert_true (ov_store_set_task_done (f->store, done, jt_date ("2026-11-05"), NULL));

  ov_account_set_status (paused, OV_ACCOUNT_STATUS_PAUSED);
  g_assert_true (ov_store_save_account (f->store, paused, NULL));
  g_assert_true (ov_store_delete_account (f->store, deleted, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  ov_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The titles of the list in its order, and its count agrees with it. */
static char *
list (Fixture            *f,
      const OvTaskFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = ov_store_list_open_tasks (f->store, filter, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (tasks);
  for (guint i = 0; i < tasks->len; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "",
                            ov_task_get_title (g_ptr_array_index (tasks, i)));

  if (filter->limit == 0 && filter->offset == 0)
    g_assert_cmpint (ov_store_count_open_tasks (f->store, filter, NULL), ==, tasks->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_list(f, filter, expected) \
  G_STMT_START { \
    g_autofree char *got_ = list ((f), (filter)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_all_by_due (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OvTaskFilter) filter = ov_task_filter_new (f->today);

  /* Nine open tasks of active accounts; by due date, undated last; the
   * done, paused and deleted ones never. */
  g_assert_true (ov_task_filter_is_empty (filter));
  assert_list (f, filter,
               "C-late A-late B-late A-today C-week B-week B-champion A-later A-undated");
  g_assert_cmpint (ov_store_count_open_tasks (f->store, filter, NULL), ==, 9);
}

static void
test_due (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(OvTaskFilter) filter = ov_task_filter_new (f->today);

  /* Before 11-23: three. */
  filter->due = OV_TASK_DUE_OVERDUE;
  assert_list (f, filter, "C-late A-late B-late");

  /* 11-23 (today) to 11-29 (today + 6): three. */
  filter->due = OV_TASK_DUE_THIS_WEEK;
  assert_list (f, filter, "A-today C-week B-week");

  /* 11-30 on, and the undated one: three. 3 + 3 + 3 = all nine. */
  filter->due = OV_TASK_DUE_LATER;
  assert_list (f, filter, "B-champion A-later A-undated");

  /* A week on, this week's are overdue too. */
  filter->today = jt_date ("2026-11-30");
  filter->due = OV_TASK_DUE_OVERDUE;
  assert_list (f, filter, "C-late A-late B-late A-today C-week B-week");
}

static void
test_owner_role_stage_account (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(OvTaskFilter) filter = ov_task_filter_new (f->today);

  /* Mia Park holds csm at Ashford and Birchwood: A-late, A-later, B-week;
   * not B-champion, which names Rita Costa. */
  ov_task_filter_set_owner (filter, "Mia Park");
  assert_list (f, filter, "A-late B-week A-later");
  ov_task_filter_set_owner (filter, "Rita Costa");
  assert_list (f, filter, "B-champion");
  /* Jon Reyes holds both of Cobalt's roles. */
  ov_task_filter_set_owner (filter, "  Jon Reyes ");
  assert_list (f, filter, "C-late C-week");
  /* The paused account's CSM has nothing listed. */
  ov_task_filter_set_owner (filter, "Paula Hold");
  assert_list (f, filter, "");
  ov_task_filter_set_owner (filter, "");
  g_assert_null (filter->owner);

  /* Role csm: A-late, A-later, B-week, B-champion, C-week = five. */
  ov_task_filter_set_role (filter, "csm");
  assert_list (f, filter, "A-late C-week B-week B-champion A-later");

  /* …and overdue: one. */
  filter->due = OV_TASK_DUE_OVERDUE;
  assert_list (f, filter, "A-late");
  filter->due = OV_TASK_DUE_ANY;
  ov_task_filter_set_role (filter, NULL);

  /* Stage Kickoff: Birchwood's three. */
  filter->stage = OV_STAGE_KICKOFF;
  assert_list (f, filter, "B-late B-week B-champion");
  filter->stage = 0;

  /* Every word, any case, anywhere in the name. */
  ov_task_filter_set_account (filter, "gmbh ASHFORD");
  assert_list (f, filter, "A-late A-today A-later A-undated");
  ov_task_filter_set_account (filter, "ashford bank");
  assert_list (f, filter, "");
  ov_task_filter_set_account (filter, "pharma");
  assert_list (f, filter, "");

  /* All of them at once: Ashford, csm, Mia, Adopt, later: A-later. */
  ov_task_filter_set_account (filter, "ashford");
  ov_task_filter_set_role (filter, "csm");
  ov_task_filter_set_owner (filter, "Mia Park");
  filter->stage = OV_STAGE_ADOPT;
  filter->due = OV_TASK_DUE_LATER;
  g_assert_false (ov_task_filter_is_empty (filter));
  assert_list (f, filter, "A-later");
}

static void
test_sort_and_page (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OvTaskFilter) filter = ov_task_filter_new (f->today);

  /* By account name, then due date within it. */
  filter->sort = OV_TASK_SORT_ACCOUNT;
  assert_list (f, filter,
               "A-late A-today A-later A-undated B-late B-week B-champion C-late C-week");

  /* By owner A–Z (Jon, Lena, Mia, Rita, Tom), nobody last. */
  filter->sort = OV_TASK_SORT_OWNER;
  assert_list (f, filter,
               "C-late C-week B-late A-late B-week A-later B-champion A-today A-undated");

  /* Pages of four by due date: 4 + 4 + 1, none repeated, the total 9. */
  filter->sort = OV_TASK_SORT_DUE;
  filter->limit = 4;
  assert_list (f, filter, "C-late A-late B-late A-today");
  filter->offset = 4;
  assert_list (f, filter, "C-week B-week B-champion A-later");
  filter->offset = 8;
  assert_list (f, filter, "A-undated");
  g_assert_cmpint (ov_store_count_open_tasks (f->store, filter, NULL), ==, 9);
}

static void
test_owners (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) owners = ov_store_list_task_owners (f->store, &error);
  g_autofree char *joined = NULL;

  /* The team of active accounts, once each: not Rita (customer), not
   * Paula (paused account). */
  g_assert_no_error (error);
  joined = g_strjoinv (", ", owners);
  g_assert_cmpstr (joined, ==, "Jon Reyes, Lena Voss, Mia Park, Tom Becker");
}

static void
test_bad_filter (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OvTaskFilter) filter = ov_task_filter_new (f->today);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;

  ov_task_filter_set_role (filter, "wizard");
  tasks = ov_store_list_open_tasks (f->store, filter, &error);
  g_assert_null (tasks);
  g_assert_error (error, OV_TASK_FILTER_ERROR, OV_TASK_FILTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Role: “wizard”"));
  g_clear_error (&error);
  ov_task_filter_set_role (filter, NULL);

  filter->stage = 9;
  g_assert_cmpint (ov_store_count_open_tasks (f->store, filter, &error), ==, -1);
  g_assert_error (error, OV_TASK_FILTER_ERROR, OV_TASK_FILTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Stage: 9"));
  g_clear_error (&error);
  filter->stage = 0;

  filter->due = 7;
  g_assert_false (ov_task_filter_validate (filter, &error));
  g_assert_nonnull (strstr (error->message, "Due: 7"));
  g_clear_error (&error);
  filter->due = OV_TASK_DUE_ANY;

  filter->sort = 5;
  g_assert_false (ov_task_filter_validate (filter, &error));
  g_assert_nonnull (strstr (error->message, "Sort: 5"));
  g_clear_error (&error);
  filter->sort = OV_TASK_SORT_DUE;

  filter->today = OV_DATE_NONE;
  g_assert_false (ov_task_filter_validate (filter, &error));
  g_assert_error (error, OV_TASK_FILTER_ERROR, OV_TASK_FILTER_ERROR_INVALID);
  g_clear_error (&error);

  /* Refusing changed nothing: all nine are there. */
  filter->today = f->today;
  g_assert_cmpint (ov_store_count_open_tasks (f->store, filter, NULL), ==, 9);
}

static void
page_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OvTaskPage **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ov_store_read_task_page_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(OvTaskFilter) filter = ov_task_filter_new (f->today);
  g_autoptr(OvTaskPage) page = NULL;

  filter->due = OV_TASK_DUE_OVERDUE;
  filter->limit = 2;
  ov_store_read_task_page_async (f->store, filter, TRUE, NULL, page_read_cb, &page);
  while (page == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Two shown of three overdue, and who can be picked. */
  g_assert_cmpuint (page->tasks->len, ==, 2);
  g_assert_cmpint (page->total, ==, 3);
  g_assert_cmpstr (ov_task_get_title (g_ptr_array_index (page->tasks, 0)), ==, "C-late");
  g_assert_cmpstr (ov_task_get_assignee_name (g_ptr_array_index (page->tasks, 0)), ==,
                   "Jon Reyes");
  g_assert_cmpuint (g_strv_length (page->owners), ==, 4);
  g_assert_cmpint (page->filter->due, ==, OV_TASK_DUE_OVERDUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/task-list/all-by-due", test_all_by_due);
  ADD ("/task-list/due", test_due);
  ADD ("/task-list/owner-role-stage-account", test_owner_role_stage_account);
  ADD ("/task-list/sort-and-page", test_sort_and_page);
  ADD ("/task-list/owners", test_owners);
  ADD ("/task-list/bad-filter", test_bad_filter);
  ADD ("/task-list/async", test_async);

  return g_test_run ();
}
