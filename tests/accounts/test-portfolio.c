/* test-portfolio.c — the portfolio's load, and the order it sorts in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account list takes the load's accounts without comparing them again
 * when they were sorted for its order: the load must say the order it
 * used, and have used it.
 */

#include "config.h"

#include "ov-account-list.h"
#include "ov-account-sort.h"
#include "ov-portfolio.h"
#include "ov-sample.h"
#include "ov-test-support.h"

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_load_order (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(OvStore) store = NULL;
  OvPortfolioLoadOptions options = { .sort_key = OV_ACCOUNT_SORT_ARR, .descending = TRUE };
  OvAccountOrder order = { OV_ACCOUNT_SORT_ARR, TRUE, NULL };
  OvAccountSortKey key = OV_ACCOUNT_SORT_NAME;
  gboolean descending = FALSE;

  {
    g_autoptr(OvStore) writer = ov_test_new_store (&dir);

    g_assert_true (ov_sample_generate (writer, 60, OV_SAMPLE_DEFAULT_SEED, ov_date_today (),
                                       &error));
    g_assert_no_error (error);
    path = g_strdup (ov_store_get_path (writer));
  }

  ov_portfolio_load_async (path, NULL, &options, NULL, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  accounts = ov_portfolio_load_finish (result, &store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (accounts->len, ==, 60);

  ov_portfolio_load_get_order (result, &key, &descending);
  g_assert_cmpint (key, ==, OV_ACCOUNT_SORT_ARR);
  g_assert_true (descending);
  g_assert_true (ov_account_order_is_sorted (&order, accounts));

  /* Another order: the same accounts, not in it. */
  order.descending = FALSE;
  g_assert_false (ov_account_order_is_sorted (&order, accounts));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/portfolio/load-order", test_load_order);

  return g_test_run ();
}
