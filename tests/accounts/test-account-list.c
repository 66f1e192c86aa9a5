/* test-account-list.c — the portfolio list model: filters, search, sort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-account-search.h"
#include "ov-account-sort.h"
#include "ov-account-totals.h"
#include "ov-money.h"
#include "ov-test-support.h"

static OvAccount *
account (gint64       id,
         const char  *name,
         const char  *owner,
         OvStage      stage,
         OvAccountStatus status,
         gint64       arr,
         int          close_day)
{
  OvAccount *a = ov_account_new ();

  ov_account_set_id (a, id);
  ov_account_set_name (a, name);
  ov_account_set_owner (a, owner);
  ov_account_set_segment (a, id % 2 ? "SMB" : "Enterprise");
  ov_account_set_stage (a, stage);
  ov_account_set_status (a, status);
  ov_account_set_arr_cents (a, arr);
  if (close_day > 0)
    ov_account_set_date (a, OV_ACCOUNT_DATE_CLOSE, ov_date_from_ymd (2026, 1, close_day));
  return a;
}

static OvAccountList *
make_list (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  OvAccountList *list = ov_account_list_new ();

  g_ptr_array_add (all, account (1, "Northwind Analytics", "Priya Raman", OV_STAGE_ADOPT,
                                 OV_ACCOUNT_STATUS_ACTIVE, 500, 10));
  g_ptr_array_add (all, account (2, "bluepeak foods", "Mei Chen", OV_STAGE_HANDOFF,
                                 OV_ACCOUNT_STATUS_PAUSED, 900, 3));
  g_ptr_array_add (all, account (3, "Ölmühle Nord", "Priya Raman", OV_STAGE_EXPAND,
                                 OV_ACCOUNT_STATUS_ACTIVE, 100, 0));
  g_ptr_array_add (all, account (4, "Cedarline Health", "Tomás Ortega", OV_STAGE_ADOPT,
                                 OV_ACCOUNT_STATUS_CHURNED, 700, 20));
  ov_account_set_external_id (g_ptr_array_index (all, 3), "SF-77");

  ov_account_list_set_accounts (list, all);
  return list;
}

#define assert_ids(list, expected) ov_test_assert_account_ids (list, expected)

static void
test_default_order_and_search (void)
{
  g_autoptr(OvAccountList) list = make_list ();

  /* By name, case-insensitively. */
  assert_ids (list, "2,4,1,3");
  g_assert_cmpuint (ov_account_list_get_n_total (list), ==, 4);

  ov_account_list_set_search (list, "NORD");
  assert_ids (list, "3");
  ov_account_list_set_search (list, "nor");
  assert_ids (list, "1,3");
  ov_account_list_set_search (list, "north");
  assert_ids (list, "1");
  /* Owner, segment and external id are searched too. */
  ov_account_list_set_search (list, "priya");
  assert_ids (list, "1,3");
  ov_account_list_set_search (list, "sf-77");
  assert_ids (list, "4");
  ov_account_list_set_search (list, "enterprise");
  assert_ids (list, "2,4");
  ov_account_list_set_search (list, "ÖLMÜHLE");
  assert_ids (list, "3");
  ov_account_list_set_search (list, "zzz");
  assert_ids (list, "");
  /* Words in two fields find the account that holds both. */
  ov_account_list_set_search (list, "analytics\npriya");
  assert_ids (list, "1");
  ov_account_list_set_search (list, "raman\nsmb");
  assert_ids (list, "1,3");
  ov_account_list_set_search (list, "  ");
  assert_ids (list, "2,4,1,3");
}

/* Every word of the search, in any field and any order, case-folded. */
static void
test_search_words (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  static const char * const typed[] = { "a", "as", "ash", "ashf", "ashf ", "ashf g", "ashf gm" };

  /* Odd ids are SMB, even ones Enterprise. */
  g_ptr_array_add (all, account (1, "Ashford Logistics GmbH", "Jürgen Weiß", OV_STAGE_ADOPT,
                                 OV_ACCOUNT_STATUS_ACTIVE, 500, 10));
  g_ptr_array_add (all, account (2, "Ashford Bank", "Mei Chen", OV_STAGE_HANDOFF,
                                 OV_ACCOUNT_STATUS_ACTIVE, 900, 3));
  g_ptr_array_add (all, account (3, "Logistik Müller GmbH", "Priya Raman", OV_STAGE_EXPAND,
                                 OV_ACCOUNT_STATUS_ACTIVE, 100, 0));
  g_ptr_array_add (all, account (4, "Northwind Ashford", "Priya Raman", OV_STAGE_ADOPT,
                                 OV_ACCOUNT_STATUS_ACTIVE, 700, 20));
  ov_account_set_external_id (g_ptr_array_index (all, 2), "SF-100");
  ov_account_list_set_accounts (list, all);

  ov_account_list_set_search (list, "ashford gmbh");
  assert_ids (list, "1");
  ov_account_list_set_search (list, "gmbh ashford");
  assert_ids (list, "1");
  ov_account_list_set_search (list, "  ASHFORD \t  GmbH ");
  assert_ids (list, "1");
  ov_account_list_set_search (list, "ashford");
  assert_ids (list, "2,1,4");
  /* Name and owner, name and segment, name and CRM id. */
  ov_account_list_set_search (list, "ashford priya");
  assert_ids (list, "4");
  ov_account_list_set_search (list, "enterprise ashford");
  assert_ids (list, "2,4");
  ov_account_list_set_search (list, "gmbh sf-100");
  assert_ids (list, "3");
  /* Folded: "ß" is "ss", "Ü" is "ü". */
  ov_account_list_set_search (list, "weiss ashford");
  assert_ids (list, "1");
  ov_account_list_set_search (list, "MÜLLER gmbh");
  assert_ids (list, "3");
  /* One word missing: nothing. */
  ov_account_list_set_search (list, "ashford gmbh bank");
  assert_ids (list, "");
  /* A word narrowed by a word from another field. */
  ov_account_list_set_search (list, "gmbh");
  assert_ids (list, "1,3");
  ov_account_list_set_search (list, "gmbh raman");
  assert_ids (list, "3");

  /* Typed letter by letter, with the results kept on the way, and taken
   * back again. */
  ov_account_list_set_search (list, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    ov_account_list_set_search (list, typed[i]);
  assert_ids (list, "1");
  ov_account_list_set_search (list, "ashf g");
  assert_ids (list, "1");
  ov_account_list_set_search (list, "ashf");
  assert_ids (list, "2,1,4");

  /* An account edited while the search shows: tested on its own. */
  ov_account_list_set_search (list, "ashford gmbh");
  ov_account_set_name (g_ptr_array_index (all, 1), "Ashford Trading GmbH");
  ov_account_list_update (list, g_ptr_array_index (all, 1));
  assert_ids (list, "1,2");
  g_assert_true (ov_account_search_matches (g_ptr_array_index (all, 1), "gmbh trading"));
  g_assert_false (ov_account_search_matches (g_ptr_array_index (all, 1), "gmbh bank"));
}

static void
test_filters (void)
{
  g_autoptr(OvAccountList) list = make_list ();
  g_auto(GStrv) owners = NULL;

  ov_account_list_set_stage_filter (list, OV_STAGE_ADOPT);
  assert_ids (list, "4,1");
  ov_account_list_set_status_filter (list, OV_ACCOUNT_STATUS_ACTIVE);
  assert_ids (list, "1");
  ov_account_list_set_stage_filter (list, OV_ACCOUNT_FILTER_ANY);
  assert_ids (list, "1,3");
  ov_account_list_set_owner_filter (list, "Priya Raman");
  ov_account_list_set_search (list, "north");
  assert_ids (list, "1");
  ov_account_list_set_owner_filter (list, NULL);
  ov_account_list_set_status_filter (list, OV_ACCOUNT_FILTER_ANY);
  ov_account_list_set_search (list, NULL);
  assert_ids (list, "2,4,1,3");

  owners = ov_account_list_dup_owners (list);
  g_assert_cmpuint (g_strv_length (owners), ==, 3);
  g_assert_cmpstr (owners[0], ==, "Mei Chen");
  g_assert_cmpstr (owners[1], ==, "Priya Raman");
  g_assert_cmpstr (owners[2], ==, "Tomás Ortega");
}

static void
test_segments (void)
{
  g_autoptr(OvAccountList) list = make_list ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) segments = NULL;

  segments = ov_account_list_dup_segments (list);
  g_assert_cmpuint (g_strv_length (segments), ==, 2);
  g_assert_cmpstr (segments[0], ==, "Enterprise");
  g_assert_cmpstr (segments[1], ==, "SMB");
  g_clear_pointer (&segments, g_strfreev);

  /* Another spelling of a segment is the same segment (the first one met
   * in the list's order stays); a blank is none; a filter hides none. */
  for (guint i = 0; i < ov_account_list_get_n_total (list); i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (ov_account_list_get_all (list), i)));
  ov_account_set_segment (g_ptr_array_index (all, 0), "smb");
  ov_account_set_segment (g_ptr_array_index (all, 1), "");
  ov_account_set_segment (g_ptr_array_index (all, 2), "Public Sector");
  ov_account_list_set_accounts (list, all);
  ov_account_list_set_search (list, "zzz");
  segments = ov_account_list_dup_segments (list);
  g_assert_cmpuint (g_strv_length (segments), ==, 2);
  g_assert_cmpstr (segments[0], ==, "Public Sector");
  g_assert_cmpstr (segments[1], ==, "smb");
}

static void
test_sort (void)
{
  g_autoptr(OvAccountList) list = make_list ();

  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_ARR, FALSE);
  assert_ids (list, "3,1,4,2");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_ARR, TRUE);
  assert_ids (list, "2,4,1,3");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_NAME, TRUE);
  assert_ids (list, "3,1,4,2");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_STAGE, FALSE);
  assert_ids (list, "2,4,1,3");
  /* Accounts without a close date go last in both directions. */
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_CLOSE_DATE, FALSE);
  assert_ids (list, "2,1,4,3");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_CLOSE_DATE, TRUE);
  assert_ids (list, "4,1,2,3");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_DAYS_SINCE_CLOSE, TRUE);
  assert_ids (list, "2,1,4,3");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_STATUS, FALSE);
  assert_ids (list, "1,3,2,4");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_OWNER, FALSE);
  assert_ids (list, "2,1,3,4");

  /* Search keeps the order. */
  ov_account_list_set_search (list, "n");
  assert_ids (list, "2,1,3,4");
  ov_account_list_set_search (list, "nor");
  assert_ids (list, "1,3");
}

/* Seven accounts in three currencies, in the order of their names. */
static void
add_currency_accounts (GPtrArray *all)
{
  static const struct { const char *name, *currency; gint64 cents; } rows[] = {
    { "Alder", "USD", 500000 }, { "Birch", "EUR", 100000 }, { "Cedar", "usd", 90000 },
    { "Dogwood", "GBP", 200000 }, { "Elm", "EUR", 30000 }, { "Fir", "USD", 12000000 },
    { "Gum", "EUR", 100000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      OvAccount *a = account (i + 1, rows[i].name, "Mei Chen", OV_STAGE_ADOPT,
                              OV_ACCOUNT_STATUS_ACTIVE, rows[i].cents, 0);

      ov_account_set_currency (a, rows[i].currency);
      g_ptr_array_add (all, a);
    }
}

/* ARR sorts within a currency: every EUR amount together, ordered, then
 * GBP, then USD, whichever way the amounts go. */
static void
test_sort_arr_currencies (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  g_autoptr(OvAccount) hazel = account (8, "Hazel", "Mei Chen", OV_STAGE_ADOPT,
                                        OV_ACCOUNT_STATUS_ACTIVE, 100000, 0);
  OvAccountOrder ascending = { OV_ACCOUNT_SORT_ARR, FALSE };

  add_currency_accounts (all);
  ov_account_list_set_accounts (list, all);

  /* 1,000 EUR (Birch, Gum) is not between 900 USD and 5,000 USD. */
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_ARR, FALSE);
  assert_ids (list, "5,2,7,4,3,1,6");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_ARR, TRUE);
  assert_ids (list, "2,7,5,4,6,1,3");

  /* One added later finds its place among its currency's amounts. */
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_ARR, FALSE);
  ov_account_set_currency (hazel, "USD");
  ov_account_list_add (list, hazel);
  assert_ids (list, "5,2,7,4,3,8,1,6");
  g_ptr_array_add (all, g_object_ref (hazel));
  g_assert_false (ov_account_order_is_sorted (&ascending, all));
  ov_account_list_prepare (all, OV_ACCOUNT_SORT_ARR, FALSE);
  g_assert_true (ov_account_order_is_sorted (&ascending, all));
  g_assert_cmpint (ov_account_get_id (g_ptr_array_index (all, 0)), ==, 5);
  g_assert_cmpint (ov_account_get_id (g_ptr_array_index (all, 7)), ==, 6);
  g_assert_cmpint (ov_account_order_compare (&ascending, g_ptr_array_index (all, 2),
                                             g_ptr_array_index (all, 3)), <, 0);
}

static void
assert_total (GArray     *totals,
              guint       i,
              const char *currency,
              gint64      cents,
              guint       n)
{
  OvArrTotal *total;

  g_assert_cmpuint (i, <, totals->len);
  total = &g_array_index (totals, OvArrTotal, i);
  g_assert_cmpstr (total->currency, ==, currency);
  g_assert_cmpint (total->arr_cents, ==, cents);
  g_assert_cmpuint (total->n_accounts, ==, n);
}

/* The ARR of the accounts shown, one total per currency, most accounts
 * first. */
static void
test_arr_totals (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  g_autoptr(GArray) everything = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) none = NULL;

  add_currency_accounts (all);
  ov_account_list_set_accounts (list, all);

  everything = ov_account_totals_arr (list, NULL);
  g_assert_cmpuint (everything->len, ==, 3);
  /* Three each: by code. */
  assert_total (everything, 0, "EUR", 230000, 3);
  assert_total (everything, 1, "USD", 12590000, 3);
  assert_total (everything, 2, "GBP", 200000, 1);

  /* Only what the search shows: Alder, Cedar and Dogwood hold a "d". */
  ov_account_list_set_search (list, "d");
  found = ov_account_totals_arr (list, NULL);
  g_assert_cmpuint (found->len, ==, 2);
  assert_total (found, 0, "USD", 590000, 2);
  assert_total (found, 1, "GBP", 200000, 1);

  ov_account_list_set_search (list, "zzz");
  none = ov_account_totals_arr (list, NULL);
  g_assert_cmpuint (none->len, ==, 0);
}

/* An ARR nobody knows sorts after every amount of its currency, in both
 * directions; 0 is an amount and sorts first going up. The totals leave
 * the unknown ones out and count them. */
static void
test_unknown_arr (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GArray) found = NULL;
  OvAccountOrder ascending = { OV_ACCOUNT_SORT_ARR, FALSE };
  OvAccountOrder descending = { OV_ACCOUNT_SORT_ARR, TRUE };
  static const struct { gint64 id; const char *name, *currency; gint64 cents; } more[] = {
    { 9, "Ivy", "EUR", OV_MONEY_UNKNOWN }, { 10, "Juniper", "USD", OV_MONEY_UNKNOWN },
    { 11, "Kiwi", "USD", 0 },
  };
  guint n_without_arr = 99;

  add_currency_accounts (all);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      OvAccount *a = account (more[i].id, more[i].name, "Mei Chen", OV_STAGE_ADOPT,
                              OV_ACCOUNT_STATUS_ACTIVE, more[i].cents, 0);

      ov_account_set_currency (a, more[i].currency);
      g_ptr_array_add (all, a);
    }
  ov_account_list_set_accounts (list, all);

  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_ARR, FALSE);
  assert_ids (list, "5,2,7,9,4,11,3,1,6,10");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_ARR, TRUE);
  assert_ids (list, "2,7,5,9,4,6,1,3,11,10");

  /* The prepared order (a portfolio read at start-up) agrees. */
  ov_account_list_prepare (all, OV_ACCOUNT_SORT_ARR, TRUE);
  g_assert_true (ov_account_order_is_sorted (&descending, all));
  g_assert_cmpint (ov_account_get_id (g_ptr_array_index (all, all->len - 1)), ==, 10);
  g_assert_cmpint (ov_account_order_compare (&ascending, g_ptr_array_index (all, 0),
                                             g_ptr_array_index (all, 0)), ==, 0);

  totals = ov_account_totals_arr (list, &n_without_arr);
  g_assert_cmpuint (n_without_arr, ==, 2);
  g_assert_cmpuint (totals->len, ==, 3);
  assert_total (totals, 0, "USD", 12590000, 4);
  assert_total (totals, 1, "EUR", 230000, 3);
  assert_total (totals, 2, "GBP", 200000, 1);

  /* Only what is shown: Ivy alone. */
  ov_account_list_set_search (list, "ivy");
  found = ov_account_totals_arr (list, &n_without_arr);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpuint (n_without_arr, ==, 1);
}

typedef struct
{
  guint position, removed, added;
  int   calls;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
test_add_remove_update (void)
{
  g_autoptr(OvAccountList) list = make_list ();
  g_autoptr(OvAccount) extra = account (9, "Ashford Bank", "Mei Chen", OV_STAGE_KICKOFF,
                                        OV_ACCOUNT_STATUS_ACTIVE, 50, 5);
  OvAccount *northwind = ov_account_list_find (list, 1);
  Change change = { 0 };
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);

  ov_account_list_add (list, extra);
  g_assert_cmpint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  assert_ids (list, "9,2,4,1,3");

  /* A rename that keeps the order changes no rows. */
  change.calls = 0;
  ov_account_set_name (northwind, "Northwind Analytix");
  ov_account_list_update (list, northwind);
  g_assert_cmpint (change.calls, ==, 0);

  /* A rename that moves it: out at 3, in at 0. */
  ov_account_set_name (northwind, "Aardvark Analytics");
  ov_account_list_update (list, northwind);
  g_assert_cmpint (change.calls, ==, 2);
  assert_ids (list, "1,9,2,4,3");
  g_assert_true (ov_account_list_get_position (list, northwind, &position));
  g_assert_cmpuint (position, ==, 0);

  /* An edit that makes it fail the filter removes it from view. */
  ov_account_list_set_stage_filter (list, OV_STAGE_ADOPT);
  assert_ids (list, "1,4");
  ov_account_set_stage (northwind, OV_STAGE_REVIEW);
  ov_account_list_update (list, northwind);
  assert_ids (list, "4");
  g_assert_cmpuint (ov_account_list_get_n_total (list), ==, 5);

  ov_account_list_set_stage_filter (list, OV_ACCOUNT_FILTER_ANY);
  ov_account_list_remove (list, extra);
  assert_ids (list, "1,2,4,3");
  g_assert_cmpuint (ov_account_list_get_n_total (list), ==, 4);
  g_assert_null (ov_account_list_find (list, 9));
}

static void
test_large_portfolio (void)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  g_autoptr(OvSample) sample = ov_sample_new (11, ov_date_from_ymd (2026, 11, 23));
  guint expected = 0;

  for (guint i = 0; i < 5000; i++)
    {
      OvAccount *a = ov_account_new ();
      g_autofree char *key = NULL;
      OvSampleHistory history;

      ov_sample_next_account (sample, a, &history);
      ov_account_set_id (a, i + 1);
      key = ov_account_dup_search_key (a);

      if (strstr (key, "health") != NULL)
        expected++;
      g_ptr_array_add (all, a);
    }

  ov_account_list_set_accounts (list, all);
  ov_account_list_set_search (list, "he");
  ov_account_list_set_search (list, "hea");
  ov_account_list_set_search (list, "health");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);

  /* Widening again gives back everything. */
  ov_account_list_set_search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5000);
}

/* The positions @list shows for @text, found with nothing typed before. */
static char *
fresh_search (GPtrArray  *all,
              const char *text,
              int         stage)
{
  g_autoptr(OvAccountList) fresh = ov_account_list_new ();

  ov_account_list_set_accounts (fresh, all);
  ov_account_list_set_stage_filter (fresh, stage);
  ov_account_list_set_search (fresh, text);
  return ov_test_account_ids (G_LIST_MODEL (fresh));
}

/* Typing a word letter by letter, and taking it back, finds at each step
 * what a search for that text finds on its own: narrowing what the last
 * text found, or reusing a shorter text's result, changes nothing. Also
 * with a filter, across a text that does not extend the last one, and
 * after the accounts changed in between. */
static void
test_typing_and_taking_back (void)
{
  static const char * const texts[] = {
    "h", "he", "hea", "heal", "health", "heal", "hea", "he", "h", "",
    "e", "en", "ent", "en", "e", "a", "ab", "a", "",
    "crm-0", "crm-00", "crm-004", "crm-00", "crm-0", "", "ö", "öl", "ö", "",
    "he", "he ", "he a", "he ab", "he a", "he", "a he", "a hea", "", "en s", "en sm", "en s",
  };
  static const int stages[] = { OV_ACCOUNT_FILTER_ANY, OV_STAGE_ADOPT };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  g_autoptr(OvSample) sample = ov_sample_new (3, ov_date_from_ymd (2026, 11, 23));
  g_autoptr(OvAccount) late = account (9000, "Ölmühle Abbey Health", "Mei Chen", OV_STAGE_ADOPT,
                                       OV_ACCOUNT_STATUS_ACTIVE, 100, 2);

  for (guint i = 0; i < 800; i++)
    {
      OvAccount *a = ov_account_new ();
      OvSampleHistory history;

      ov_sample_next_account (sample, a, &history);
      ov_account_set_id (a, i + 1);
      g_ptr_array_add (all, a);
    }
  ov_account_set_name (g_ptr_array_index (all, 5), "Ölwerk Süd");
  ov_account_list_set_accounts (list, all);

  for (guint f = 0; f < G_N_ELEMENTS (stages); f++)
    {
      int stage = stages[f];

      ov_account_list_set_stage_filter (list, stage);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          g_autofree char *expected = fresh_search (all, texts[i], stage);
          g_autofree char *got = NULL;

          ov_account_list_set_search (list, texts[i]);
          got = ov_test_account_ids (G_LIST_MODEL (list));
          g_assert_cmpstr (got, ==, expected);

          /* A change to the accounts mid-word: what was found before
           * no longer counts. */
          if (i == 2)
            {
              ov_account_list_add (list, late);
              g_ptr_array_add (all, g_object_ref (late));
            }
          if (i == 12)
            {
              ov_account_list_remove (list, late);
              g_ptr_array_remove (all, late);
            }
        }
    }
}

static int
reference_order (gconstpointer pa,
                 gconstpointer pb)
{
  OvAccount *a = *(OvAccount **)pa, *b = *(OvAccount **)pb;
  g_autofree char *x = g_utf8_casefold (ov_account_get_name (a), -1);
  g_autofree char *y = g_utf8_casefold (ov_account_get_name (b), -1);
  int result = strcmp (x, y);

  if (result == 0)
    result = ov_account_get_id (a) < ov_account_get_id (b) ? -1 : 1;
  return result;
}

/* Preparing (sorting) many accounts gives the order of their folded names
 * and ids, the order ov_account_compare_names() keeps one by one. */
static void
test_prepared_order (void)
{
  static const char * const names_[] = {
    "northwind", "Northwind", "NORTHWIND ltd", "Ölmühle", "olmuhle", "Zebra", "zebra",
    "Äpfel", "apfel", "a", "A", "ab", "Straße", "STRASSE", "KELVIN", "\u212Aelvin", "",
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expected = NULL;

  for (guint i = 0; i < 400; i++)
    {
      OvAccount *a = ov_account_new ();

      ov_account_set_id (a, (i * 7919) % 400 + 1);
      ov_account_set_name (a, names_[(i * 31) % G_N_ELEMENTS (names_)]);
      g_ptr_array_add (all, a);
    }

  expected = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (expected, g_ptr_array_index (all, i));
  g_ptr_array_sort (expected, reference_order);
  ov_account_list_prepare (all, OV_ACCOUNT_SORT_NAME, FALSE);
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_true (g_ptr_array_index (all, i) == g_ptr_array_index (expected, i));
      if (i > 0)
        g_assert_cmpint (ov_account_compare_names (g_ptr_array_index (all, i - 1),
                                                   g_ptr_array_index (all, i)), <=, 0);
    }
}

/* The owners and segments are gathered once and again after every change
 * of rows: an account added, edited or removed is seen the next time. */
static void
test_names_follow_rows (void)
{
  g_autoptr(OvAccountList) list = make_list ();
  g_autoptr(OvAccount) extra = account (9, "Ashford Bank", "Zoe Adler", OV_STAGE_KICKOFF,
                                        OV_ACCOUNT_STATUS_ACTIVE, 50, 5);
  OvAccount *cedar = ov_account_list_find (list, 4);
  g_auto(GStrv) owners = ov_account_list_dup_owners (list);
  g_auto(GStrv) segments = NULL;

  g_assert_cmpuint (g_strv_length (owners), ==, 3);
  g_clear_pointer (&owners, g_strfreev);

  ov_account_list_add (list, extra);
  owners = ov_account_list_dup_owners (list);
  g_assert_cmpuint (g_strv_length (owners), ==, 4);
  g_assert_cmpstr (owners[3], ==, "Zoe Adler");
  g_clear_pointer (&owners, g_strfreev);

  /* Tomás Ortega's only account changes hands; a new segment comes. */
  ov_account_set_owner (cedar, "Mei Chen");
  ov_account_set_segment (cedar, "Public Sector");
  ov_account_list_update (list, cedar);
  owners = ov_account_list_dup_owners (list);
  g_assert_cmpuint (g_strv_length (owners), ==, 3);
  g_assert_cmpstr (owners[0], ==, "Mei Chen");
  g_assert_cmpstr (owners[1], ==, "Priya Raman");
  g_assert_cmpstr (owners[2], ==, "Zoe Adler");
  g_clear_pointer (&owners, g_strfreev);
  segments = ov_account_list_dup_segments (list);
  g_assert_cmpuint (g_strv_length (segments), ==, 3);
  g_assert_cmpstr (segments[1], ==, "Public Sector");
  g_clear_pointer (&segments, g_strfreev);

  ov_account_list_remove (list, extra);
  owners = ov_account_list_dup_owners (list);
  g_assert_cmpuint (g_strv_length (owners), ==, 2);
  g_assert_false (g_strv_contains ((const char * const *)owners, "Zoe Adler"));

  /* What was handed out is a copy: freeing it leaves the list's. */
  g_clear_pointer (&owners, g_strfreev);
  owners = ov_account_list_dup_owners (list);
  g_assert_cmpuint (g_strv_length (owners), ==, 2);
}

/* Three accounts, in the order of ARR, lowest first: ids 1, 3, 2; by
 * name they are 2, 3, 1. */
static GPtrArray *
by_arr (void)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (all, account (1, "Northwind Analytics", "Priya Raman", OV_STAGE_ADOPT,
                                 OV_ACCOUNT_STATUS_ACTIVE, 500, 10));
  g_ptr_array_add (all, account (2, "Bluepeak Foods", "Mei Chen", OV_STAGE_HANDOFF,
                                 OV_ACCOUNT_STATUS_PAUSED, 900, 3));
  g_ptr_array_add (all, account (3, "Cedarline Health", "Tomás Ortega", OV_STAGE_ADOPT,
                                 OV_ACCOUNT_STATUS_CHURNED, 700, 20));
  ov_account_list_prepare (all, OV_ACCOUNT_SORT_ARR, FALSE);
  return all;
}

/* Accounts taken as prepared for the list's own order are kept as they
 * come; prepared for another order, or taken while the list sorts by a
 * figure (which a preparation has not), they are sorted again. */
static void
test_take_prepared (void)
{
  g_autoptr(OvAccountList) list = ov_account_list_new ();

  /* The list sorts by name. */
  ov_account_list_take_accounts (list, by_arr (), OV_ACCOUNT_SORT_ARR, FALSE);
  assert_ids (list, "2,3,1");

  /* Said to be in the list's order (highest ARR first), they are not
   * compared again: kept as they come, even though they are not. */
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_ARR, TRUE);
  ov_account_list_take_accounts (list, by_arr (), OV_ACCOUNT_SORT_ARR, TRUE);
  assert_ids (list, "1,3,2");
  ov_account_list_take_accounts (list, by_arr (), OV_ACCOUNT_SORT_ARR, FALSE);
  assert_ids (list, "2,3,1");

  /* Without figures, a figure's order is the names'. */
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_OPEN_TASKS, FALSE);
  ov_account_list_take_accounts (list, by_arr (), OV_ACCOUNT_SORT_OPEN_TASKS, FALSE);
  assert_ids (list, "2,3,1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/account-list/default-order-and-search", test_default_order_and_search);
  g_test_add_func ("/account-list/search-words", test_search_words);
  g_test_add_func ("/account-list/filters", test_filters);
  g_test_add_func ("/account-list/segments", test_segments);
  g_test_add_func ("/account-list/sort", test_sort);
  g_test_add_func ("/account-list/sort-arr-currencies", test_sort_arr_currencies);
  g_test_add_func ("/account-list/arr-totals", test_arr_totals);
  g_test_add_func ("/account-list/unknown-arr", test_unknown_arr);
  g_test_add_func ("/account-list/add-remove-update", test_add_remove_update);
  g_test_add_func ("/account-list/large-portfolio", test_large_portfolio);
  g_test_add_func ("/account-list/typing-and-taking-back", test_typing_and_taking_back);
  g_test_add_func ("/account-list/prepared-order", test_prepared_order);
  g_test_add_func ("/account-list/take-prepared", test_take_prepared);
  g_test_add_func ("/account-list/names-follow-rows", test_names_follow_rows);

  return g_test_run ();
}
