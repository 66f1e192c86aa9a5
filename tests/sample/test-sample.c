/* test-sample.c — the sample portfolio: deterministic and believable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ov-test-support.h"

static GPtrArray *
generate (guint32 seed,
          guint   n)
{
  g_autoptr(OvSample) sample = ov_sample_new (seed, ov_date_from_ymd (2026, 11, 23));
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      OvAccount *a = ov_account_new ();
      OvSampleHistory history;

      ov_sample_next_account (sample, a, &history);
      g_object_set_data_full (G_OBJECT (a), "history", g_memdup2 (&history, sizeof history), g_free);
      g_ptr_array_add (all, a);
    }

  return all;
}

static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) a = generate (2026, 200);
  g_autoptr(GPtrArray) b = generate (2026, 200);
  g_autoptr(GPtrArray) c = generate (7, 200);
  guint differences = 0;

  for (guint i = 0; i < a->len; i++)
    {
      OvAccount *x = g_ptr_array_index (a, i);
      OvAccount *y = g_ptr_array_index (b, i);
      OvAccount *z = g_ptr_array_index (c, i);

      g_assert_cmpstr (ov_account_get_name (x), ==, ov_account_get_name (y));
      g_assert_cmpint (ov_account_get_arr_cents (x), ==, ov_account_get_arr_cents (y));
      g_assert_cmpint (ov_account_get_date (x, OV_ACCOUNT_DATE_CLOSE), ==,
                       ov_account_get_date (y, OV_ACCOUNT_DATE_CLOSE));
      if (g_strcmp0 (ov_account_get_name (x), ov_account_get_name (z)) != 0)
        differences++;
    }

  g_assert_cmpuint (differences, >, 150);
}

static void
test_believable (void)
{
  g_autoptr(GPtrArray) all = generate (2026, 2000);
  OvDate today = ov_date_from_ymd (2026, 11, 23);
  guint per_stage[OV_N_STAGES + 1] = { 0 };
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < all->len; i++)
    {
      OvAccount *a = g_ptr_array_index (all, i);
      OvSampleHistory *history = g_object_get_data (G_OBJECT (a), "history");
      OvStage stage = ov_account_get_stage (a);
      OvDate close = ov_account_get_date (a, OV_ACCOUNT_DATE_CLOSE);
      OvDate kickoff = ov_account_get_date (a, OV_ACCOUNT_DATE_KICKOFF);
      OvDate golive = ov_account_get_date (a, OV_ACCOUNT_DATE_GOLIVE);
      OvDate value = ov_account_get_date (a, OV_ACCOUNT_DATE_FIRST_VALUE);

      per_stage[stage]++;
      g_hash_table_add (owners, (gpointer)ov_account_get_owner (a));
      g_assert_true (ov_account_validate (a, NULL));
      g_assert_cmpint (ov_account_get_arr_cents (a), >, 0);

      if (stage == OV_STAGE_EMBARK)
        g_assert_cmpint (close, >, today);
      else
        g_assert_cmpint (close, <=, today);

      if (kickoff != OV_DATE_NONE)
        g_assert_cmpint (kickoff, >=, close);
      if (value != OV_DATE_NONE)
        {
          g_assert_cmpint (golive, !=, OV_DATE_NONE);
          g_assert_cmpint (value, >=, golive);
          g_assert_cmpint (value, <=, today);
        }
      if (stage >= OV_STAGE_REVIEW)
        g_assert_cmpint (value, !=, OV_DATE_NONE);

      /* Stages were entered in order, none in the future. */
      for (OvStage s = OV_STAGE_FIRST; s <= stage; s++)
        {
          g_assert_cmpint (history->entered[s], !=, OV_DATE_NONE);
          g_assert_cmpint (history->entered[s], <=, today);
          if (s > OV_STAGE_FIRST)
            g_assert_cmpint (history->entered[s], >=, history->entered[s - 1]);
        }
      for (OvStage s = stage + 1; s <= OV_STAGE_LAST; s++)
        g_assert_cmpint (history->entered[s], ==, OV_DATE_NONE);
    }

  for (OvStage s = OV_STAGE_FIRST; s <= OV_STAGE_LAST; s++)
    g_assert_cmpuint (per_stage[s], >, 50);
  g_assert_cmpuint (g_hash_table_size (owners), >=, 5);
}

static void
test_generate_into_store (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_sample_generate (store, 200, 2026, ov_date_from_ymd (2026, 11, 23), &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 200);

  accounts = ov_store_list_accounts (store, &error);
  for (guint i = 0; i < accounts->len; i++)
    {
      OvAccount *a = g_ptr_array_index (accounts, i);
      g_autoptr(GPtrArray) events = ov_store_list_stage_events (store, ov_account_get_id (a), NULL);

      /* One event per stage reached, the last one for the current stage. */
      g_assert_cmpuint (events->len, ==, ov_account_get_stage (a));
      g_assert_cmpint (((OvStageEvent *)g_ptr_array_index (events, events->len - 1))->stage, ==,
                       ov_account_get_stage (a));
    }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sample/deterministic", test_deterministic);
  g_test_add_func ("/sample/believable", test_believable);
  g_test_add_func ("/sample/generate-into-store", test_generate_into_store);

  return g_test_run ();
}
