/* test-content-rates.c — who the learners of an assignment are, the
 * account's and the item's completion rates, and the account's own
 * completion of an item, against numbers worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-account.h"
#include "ov-person.h"
#include "ov-store-accounts.h"
#include "ov-store-content.h"
#include "ov-store-people.h"
#include "ov-store-private.h"
#include "ov-test-support.h"

typedef struct
{
  char          *dir;
  OvStore       *store;
  gint64         acme, birch;
  gint64         ana, ben, cai, dora, eve;
  OvContentItem *any;        /* for everyone */
  OvContentItem *users;      /* for end users */
  OvContentItem *sponsors;   /* for sponsors: nobody holds the role */
  OvContentItem *unused;     /* assigned nowhere */
} Fixture;

static OvDate
day (const char *iso)
{
  OvDate date = OV_DATE_NONE;

  g_assert_true (ov_date_parse_iso_exact (iso, strlen (iso), &date));
  return date;
}

static gint64
add_account (Fixture    *fixture,
             const char *name)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  ov_account_set_name (account, name);
  g_assert_true (ov_store_save_account (fixture->store, account, &error));
  g_assert_no_error (error);
  return ov_account_get_id (account);
}

static gint64
add_person (Fixture    *fixture,
            gint64      account_id,
            OvSide      side,
            const char *name,
            const char *role)
{
  g_autofree char *email = g_strdup_printf ("%s@example.com", name);
  g_autoptr(OvPerson) person = ov_person_new (account_id, side, name, email);
  g_autoptr(GError) error = NULL;

  ov_person_add_role (person, role);
  g_assert_true (ov_store_add_person (fixture->store, person, &error));
  g_assert_no_error (error);
  return ov_person_get_id (person);
}

static OvContentItem *
add_item (Fixture    *fixture,
          const char *title,
          const char *role)
{
  g_autoptr(OvContentItem) item = ov_content_item_new (title, OV_CONTENT_FORMAT_COURSE);
  g_autoptr(GError) error = NULL;

  ov_content_item_set_role (item, role);
  g_assert_true (ov_store_add_content_item (fixture->store, item, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&item);
}

static void
assign (Fixture       *fixture,
        OvContentItem *item,
        gint64         account_id)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpint (ov_store_assign_content_to_account (fixture->store,
                                                       ov_content_item_get_id (item),
                                                       account_id, day ("2026-05-01"), &n,
                                                       &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

static void
complete (Fixture            *fixture,
          OvContentItem      *item,
          gint64              person_id,
          OvCompletionStatus  status,
          int                 progress,
          const char         *on)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_set_completion (fixture->store, ov_content_item_get_id (item),
                                          person_id, status, progress,
                                          on != NULL ? day (on) : OV_DATE_NONE, &error));
  g_assert_no_error (error);
}

/* Acme: customers Ana (admin), Ben and Cai (end users); Dora of the own
 * team (CSM). Birch: Eve (end user). The learners:
 *   any      on Acme: Ana, Ben, Cai (3)   on Birch: Eve (1)
 *   users    on Acme: Ben, Cai (2)
 *   sponsors on Acme: nobody is a sponsor, so all three customers (3)
 * Completed: any — Ana on Acme, Eve on Birch (Ben is halfway; Dora did it
 * too, but she is not a learner); users — Ben and Cai; sponsors — none. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_setenv ("OVERTURE_TODAY", "2026-06-15", TRUE);
  fixture->store = ov_test_new_store (&fixture->dir);
  fixture->acme = add_account (fixture, "Acme");
  fixture->birch = add_account (fixture, "Birch");
  fixture->ana = add_person (fixture, fixture->acme, OV_SIDE_CUSTOMER, "ana", "admin");
  fixture->ben = add_person (fixture, fixture->acme, OV_SIDE_CUSTOMER, "ben", "end_user");
  fixture->cai = add_person (fixture, fixture->acme, OV_SIDE_CUSTOMER, "cai", "end_user");
  fixture->dora = add_person (fixture, fixture->acme, OV_SIDE_INTERNAL, "dora", "csm");
  fixture->eve = add_person (fixture, fixture->birch, OV_SIDE_CUSTOMER, "eve", "end_user");

  fixture->any = add_item (fixture, "Getting started", "");
  fixture->users = add_item (fixture, "Daily workflows", "end_user");
  fixture->sponsors = add_item (fixture, "Value review", "sponsor");
  fixture->unused = add_item (fixture, "Advanced reporting", "");

  assign (fixture, fixture->any, fixture->acme);
  assign (fixture, fixture->users, fixture->acme);
  assign (fixture, fixture->sponsors, fixture->acme);
  assign (fixture, fixture->any, fixture->birch);

  complete (fixture, fixture->any, fixture->ana, OV_COMPLETION_COMPLETED, -1, "2026-05-10");
  complete (fixture, fixture->any, fixture->ben, OV_COMPLETION_IN_PROGRESS, 50, NULL);
  complete (fixture, fixture->any, fixture->dora, OV_COMPLETION_COMPLETED, 100, "2026-05-02");
  complete (fixture, fixture->any, fixture->eve, OV_COMPLETION_COMPLETED, 100, "2026-05-20");
  complete (fixture, fixture->users, fixture->ben, OV_COMPLETION_COMPLETED, 100, "2026-05-12");
  complete (fixture, fixture->users, fixture->cai, OV_COMPLETION_COMPLETED, 100, "2026-05-30");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->any);
  g_clear_object (&fixture->users);
  g_clear_object (&fixture->sponsors);
  g_clear_object (&fixture->unused);
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static OvAssignedContent *
find (GPtrArray     *assigned,
      OvContentItem *item)
{
  for (guint i = 0; i < assigned->len; i++)
    {
      OvAssignedContent *content = g_ptr_array_index (assigned, i);

      if (ov_content_item_get_id (content->item) == ov_content_item_get_id (item))
        return content;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
test_account (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(GError) error = NULL;
  OvAssignedContent *any, *users, *sponsors;
  OvDate completed_on;
  guint n_learners, n_completed, progress;
  double rate;

  assigned = ov_store_list_assigned_content (fixture->store, fixture->acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assigned->len, ==, 3);

  any = find (assigned, fixture->any);
  users = find (assigned, fixture->users);
  sponsors = find (assigned, fixture->sponsors);
  g_assert_cmpuint (any->learners->len, ==, 3);
  g_assert_cmpuint (users->learners->len, ==, 2);
  g_assert_cmpuint (sponsors->learners->len, ==, 3);
  g_assert_cmpstr (g_array_index (any->learners, OvLearner, 0).name, ==, "ana");
  g_assert_cmpint (g_array_index (any->learners, OvLearner, 1).status, ==,
                   OV_COMPLETION_IN_PROGRESS);
  g_assert_cmpuint (g_array_index (any->learners, OvLearner, 1).progress, ==, 50);
  g_assert_cmpint (any->assigned_on, ==, day ("2026-05-01"));

  /* 1 + 2 + 0 of 3 + 2 + 3 pairs: 3 of 8 = 37.5 % */
  rate = ov_content_account_rate (assigned, &n_learners, &n_completed);
  g_assert_cmpuint (n_learners, ==, 8);
  g_assert_cmpuint (n_completed, ==, 3);
  g_assert_cmpfloat_with_epsilon (rate, 37.5, 1e-9);

  /* The account's own completion: any is (100 + 50 + 0) / 3 = 50 % along;
   * users is completed on the later of its two days; sponsors not started. */
  g_assert_cmpint (ov_assigned_content_summarize (any, &progress, &completed_on), ==,
                   OV_COMPLETION_IN_PROGRESS);
  g_assert_cmpuint (progress, ==, 50);
  g_assert_cmpint (completed_on, ==, OV_DATE_NONE);
  g_assert_cmpint (ov_assigned_content_summarize (users, &progress, &completed_on), ==,
                   OV_COMPLETION_COMPLETED);
  g_assert_cmpuint (progress, ==, 100);
  g_assert_cmpint (completed_on, ==, day ("2026-05-30"));
  g_assert_cmpint (ov_assigned_content_summarize (sponsors, &progress, NULL), ==,
                   OV_COMPLETION_NOT_STARTED);
  g_assert_cmpuint (progress, ==, 0);

  /* Once someone holds the sponsor role, only they are its learners. */
  {
    g_autoptr(OvPerson) sponsor = ov_person_new (fixture->acme, OV_SIDE_CUSTOMER, "Sam", "");

    ov_person_add_role (sponsor, "sponsor");
    g_assert_true (ov_store_add_person (fixture->store, sponsor, &error));
    g_assert_no_error (error);
    g_clear_pointer (&assigned, g_ptr_array_unref);
    assigned = ov_store_list_assigned_content (fixture->store, fixture->acme, &error);
    g_assert_no_error (error);
    sponsors = find (assigned, fixture->sponsors);
    g_assert_cmpuint (sponsors->learners->len, ==, 1);
    g_assert_cmpstr (g_array_index (sponsors->learners, OvLearner, 0).name, ==, "Sam");
    /* any now has four learners: 3 of 4 + 2 + 1 = 7 pairs */
    rate = ov_content_account_rate (assigned, &n_learners, &n_completed);
    g_assert_cmpuint (n_learners, ==, 7);
    g_assert_cmpfloat_with_epsilon (rate, 300.0 / 7, 1e-9);
  }

  /* No assignments: no rate, not 0 %. */
  g_clear_pointer (&assigned, g_ptr_array_unref);
  assigned = ov_store_list_assigned_content (fixture->store, 999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assigned->len, ==, 0);
  g_assert_true (isnan (ov_content_account_rate (assigned, NULL, NULL)));
}

static void
test_items (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = ov_store_list_content_items (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);

  /* No stage on any: by title. */
  g_assert_cmpstr (ov_content_item_get_title (items->pdata[0]), ==, "Advanced reporting");
  g_assert_cmpstr (ov_content_item_get_title (items->pdata[1]), ==, "Daily workflows");
  g_assert_cmpstr (ov_content_item_get_title (items->pdata[2]), ==, "Getting started");
  g_assert_cmpstr (ov_content_item_get_title (items->pdata[3]), ==, "Value review");

  /* Advanced reporting: nowhere, no rate */
  g_assert_cmpuint (ov_content_item_get_n_accounts (items->pdata[0]), ==, 0);
  g_assert_true (isnan (ov_content_rate (ov_content_item_get_n_completed (items->pdata[0]),
                                         ov_content_item_get_n_learners (items->pdata[0]))));
  /* Daily workflows: Acme, Ben and Cai, both done: 100 % */
  g_assert_cmpuint (ov_content_item_get_n_accounts (items->pdata[1]), ==, 1);
  g_assert_cmpuint (ov_content_item_get_n_learners (items->pdata[1]), ==, 2);
  g_assert_cmpuint (ov_content_item_get_n_completed (items->pdata[1]), ==, 2);
  /* Getting started: Acme 1 of 3, Birch 1 of 1: 2 of 4 = 50 % */
  g_assert_cmpuint (ov_content_item_get_n_accounts (items->pdata[2]), ==, 2);
  g_assert_cmpuint (ov_content_item_get_n_learners (items->pdata[2]), ==, 4);
  g_assert_cmpuint (ov_content_item_get_n_completed (items->pdata[2]), ==, 2);
  g_assert_cmpfloat_with_epsilon (ov_content_rate (2, 4), 50, 1e-9);
  /* Value review: 0 of 3 = 0 %, a number */
  g_assert_cmpuint (ov_content_item_get_n_learners (items->pdata[3]), ==, 3);
  g_assert_cmpuint (ov_content_item_get_n_completed (items->pdata[3]), ==, 0);
  g_assert_cmpfloat (ov_content_rate (0, 3), ==, 0);
}

/* A contradiction, or a person or item that is not there, changes
 * nothing; marking again replaces what was there. */
static void
test_completion_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = 0, after = 0, version = 0;
  gint64 item = ov_content_item_get_id (fixture->any);

  ov_store_query_int64 (fixture->store, "SELECT count(*) FROM content_completions", &before,
                        NULL);

  g_assert_false (ov_store_set_completion (fixture->store, item, fixture->cai,
                                           OV_COMPLETION_COMPLETED, 40, OV_DATE_NONE, &error));
  g_assert_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_PROGRESS);
  g_clear_error (&error);
  g_assert_false (ov_store_set_completion (fixture->store, item, 999, OV_COMPLETION_COMPLETED,
                                           -1, OV_DATE_NONE, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ov_store_set_completion (fixture->store, 999, fixture->cai,
                                           OV_COMPLETION_COMPLETED, -1, OV_DATE_NONE, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ov_store_query_int64 (fixture->store, "SELECT count(*) FROM content_completions", &after, NULL);
  g_assert_cmpint (after, ==, before);

  /* Ben finishes: dated today, one row still, its version moved on. */
  complete (fixture, fixture->any, fixture->ben, OV_COMPLETION_COMPLETED, -1, NULL);
  ov_store_query_int64 (fixture->store, "SELECT count(*) FROM content_completions", &after, NULL);
  g_assert_cmpint (after, ==, before);
  ov_store_query_int64 (fixture->store,
                        "SELECT version * 10000 + progress FROM content_completions "
                        "WHERE completed_on = '2026-06-15'", &version, NULL);
  g_assert_cmpint (version, ==, 2 * 10000 + 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/content/rates/account", Fixture, NULL, fixture_set_up, test_account,
              fixture_tear_down);
  g_test_add ("/content/rates/items", Fixture, NULL, fixture_set_up, test_items,
              fixture_tear_down);
  g_test_add ("/content/rates/completion-refused", Fixture, NULL, fixture_set_up,
              test_completion_refused, fixture_tear_down);

  return g_test_run ();
}
