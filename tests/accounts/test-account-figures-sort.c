/* test-account-figures-sort.c — the account list sorted by segment and
 * package, and by the figures read apart from the accounts (days in
 * stage, open tasks, health): both directions, ties by name, what is
 * missing last
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-account-sort.h"
#include "ov-test-support.h"

/* Six accounts; names in id order apart from 6, "Aspen", first. */
static const struct
{
  const char *name, *segment, *package;
  gint32      days;           /* -1: no stage event */
  guint32     open, overdue;
  double      health;         /* NAN: no score */
} rows[] = {
  { "Birch", "smb", "Premium", 12, 3, 1, 72 },
  { "Cedar", "Enterprise", "", -1, 0, 0, NAN },
  { "Dogwood", "", "basic", 0, 3, 0, 41.5 },
  { "Elm", "SMB", "Premium", 30, 5, 2, 72 },
  { "Fir", "Enterprise", "Basic", 12, 0, 0, 18 },
  { "Aspen", "Mid-Market", "Premium", 7, 1, 1, 95 },
};

static GPtrArray *
make_accounts (void)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      OvAccount *a = ov_account_new ();

      ov_account_set_id (a, i + 1);
      ov_account_set_name (a, rows[i].name);
      ov_account_set_segment (a, rows[i].segment);
      ov_account_set_package (a, rows[i].package);
      g_ptr_array_add (all, a);
    }
  return all;
}

/* The figures of every account but @missing (0: of all). */
static OvAccountFigures *
make_figures (gint64 missing)
{
  GArray *figures = g_array_new (FALSE, FALSE, sizeof (OvAccountFigure));

  /* Out of id order on purpose: the table sorts itself. */
  for (guint i = G_N_ELEMENTS (rows); i-- > 0;)
    {
      OvAccountFigure figure = {
        .account_id = i + 1,
        .days_in_stage = rows[i].days,
        .open_tasks = rows[i].open,
        .overdue_tasks = rows[i].overdue,
        .health = rows[i].health,
      };

      if ((gint64)i + 1 != missing)
        g_array_append_val (figures, figure);
    }
  return ov_account_figures_new (figures, ov_date_from_ymd (2026, 6, 15));
}

#define assert_ids(list, expected) ov_test_assert_account_ids (list, expected)

/* The list's order is also what sorting an array and inserting one by one
 * give, so the three ways agree. */
static void
assert_same_order_everywhere (OvAccountList    *list,
                              OvAccountSortKey  key,
                              gboolean          descending,
                              OvAccountFigures *figures)
{
  g_autoptr(GPtrArray) all = make_accounts ();
  OvAccountOrder order = { key, descending, figures };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  ov_account_order_sort (&order, all);
  g_assert_true (ov_account_order_is_sorted (&order, all));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OvAccount) shown = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (ov_account_get_id (g_ptr_array_index (all, i)), ==,
                       ov_account_get_id (shown));
      if (i > 0)
        g_assert_cmpint (ov_account_order_compare (&order, g_ptr_array_index (all, i - 1),
                                                   g_ptr_array_index (all, i)), <, 0);
    }
}

typedef struct
{
  OvAccountSortKey key;
  gboolean         descending;
  const char      *expected;
} Case;

/* Sorts by each case in turn, checks the ids shown and that sorting an
 * array and comparing pairs agree. */
static void
assert_cases (OvAccountList    *list,
              OvAccountFigures *figures,
              const Case       *cases,
              guint             n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_test_message ("sort key %d, %s", cases[i].key,
                      cases[i].descending ? "descending" : "ascending");
      ov_account_list_set_sort (list, cases[i].key, cases[i].descending);
      assert_ids (list, cases[i].expected);
      assert_same_order_everywhere (list, cases[i].key, cases[i].descending, figures);
    }
}

static void
test_segment_and_package (void)
{
  g_autoptr(GPtrArray) all = make_accounts ();
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  static const Case cases[] = {
    /* Whatever the case ("smb", "SMB" together, by name within), the
     * blank segment last in both directions. */
    { OV_ACCOUNT_SORT_SEGMENT, FALSE, "2,5,6,1,4,3" },
    { OV_ACCOUNT_SORT_SEGMENT, TRUE, "1,4,6,2,5,3" },
    /* "basic" and "Basic" side by side, ties by name either way. */
    { OV_ACCOUNT_SORT_PACKAGE, FALSE, "3,5,6,1,4,2" },
    { OV_ACCOUNT_SORT_PACKAGE, TRUE, "6,1,4,3,5,2" },
  };

  ov_account_list_set_accounts (list, all);
  assert_cases (list, NULL, cases, G_N_ELEMENTS (cases));
}

static void
test_figures (void)
{
  g_autoptr(GPtrArray) all = make_accounts ();
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  g_autoptr(OvAccountFigures) figures = make_figures (0);
  static const Case cases[] = {
    { OV_ACCOUNT_SORT_HEALTH, TRUE, "6,1,4,3,5,2" },
    /* Days: no stage event last; 12 days twice, by name. */
    { OV_ACCOUNT_SORT_DAYS_IN_STAGE, FALSE, "3,6,1,5,4,2" },
    { OV_ACCOUNT_SORT_DAYS_IN_STAGE, TRUE, "4,1,5,6,3,2" },
    /* Open tasks, then the overdue among them: 3 with 1 overdue after 3
     * with none; no open task is a count like any other. */
    { OV_ACCOUNT_SORT_OPEN_TASKS, FALSE, "2,5,6,3,1,4" },
    { OV_ACCOUNT_SORT_OPEN_TASKS, TRUE, "4,1,3,6,2,5" },
  };

  ov_account_list_set_accounts (list, all);

  /* Without figures (not read yet), every account ties: by name. */
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_HEALTH, FALSE);
  assert_ids (list, "6,1,2,3,4,5");

  /* They sort again when the figures come in. */
  ov_account_list_set_figures (list, figures);
  g_assert_true (ov_account_list_get_figures (list) == figures);
  assert_ids (list, "5,3,1,4,6,2");
  assert_same_order_everywhere (list, OV_ACCOUNT_SORT_HEALTH, FALSE, figures);

  assert_cases (list, figures, cases, G_N_ELEMENTS (cases));
}

/* An account the figures do not know (added since they were read) sorts
 * last either way, and finds that place when added. */
static void
test_figures_missing_account (void)
{
  g_autoptr(GPtrArray) all = make_accounts ();
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  g_autoptr(OvAccountFigures) figures = make_figures (4);
  g_autoptr(OvAccount) elm = g_object_ref (g_ptr_array_index (all, 3));

  g_ptr_array_remove_index (all, 3);
  ov_account_list_set_accounts (list, all);
  ov_account_list_set_figures (list, figures);
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_OPEN_TASKS, TRUE);
  assert_ids (list, "1,3,6,2,5");

  ov_account_list_add (list, elm);
  assert_ids (list, "1,3,6,2,5,4");
  ov_account_list_set_sort (list, OV_ACCOUNT_SORT_OPEN_TASKS, FALSE);
  assert_ids (list, "2,5,6,3,1,4");

  /* Without figures again, back to names. */
  ov_account_list_set_figures (list, NULL);
  g_assert_null (ov_account_list_get_figures (list));
  assert_ids (list, "6,1,2,3,4,5");
}

static void
test_lookup (void)
{
  g_autoptr(OvAccountFigures) figures = make_figures (3);

  g_assert_cmpuint (ov_account_figures_get_len (figures), ==, 5);
  for (gint64 id = 0; id <= 7; id++)
    {
      const OvAccountFigure *figure = ov_account_figures_lookup (figures, id);

      if (id == 0 || id == 3 || id == 7)
        g_assert_null (figure);
      else
        g_assert_cmpint (figure->account_id, ==, id);
    }
  g_assert_true (ov_account_figure_at_risk (ov_account_figures_lookup (figures, 5)));
  g_assert_false (ov_account_figure_at_risk (ov_account_figures_lookup (figures, 1)));
  g_assert_false (ov_account_figure_at_risk (ov_account_figures_lookup (figures, 2)));
  g_assert_cmpint (ov_account_sort_key_is_figure (OV_ACCOUNT_SORT_HEALTH), ==, TRUE);
  g_assert_cmpint (ov_account_sort_key_is_figure (OV_ACCOUNT_SORT_SEGMENT), ==, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/account-figures-sort/segment-and-package", test_segment_and_package);
  g_test_add_func ("/account-figures-sort/figures", test_figures);
  g_test_add_func ("/account-figures-sort/missing-account", test_figures_missing_account);
  g_test_add_func ("/account-figures-sort/lookup", test_lookup);

  return g_test_run ();
}
