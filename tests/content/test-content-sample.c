/* test-content-sample.c — the sample portfolio's content library: the
 * same seed gives the same assignments and completions, completion is
 * partial, and every completion is of a learner of an assigned item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-sample.h"
#include "ov-store-content.h"
#include "ov-store-private.h"
#include "ov-test-support.h"

static OvStore *
generate (char **dir)
{
  g_autoptr(GError) error = NULL;
  OvStore *store = ov_test_new_store (dir);
  OvDate today = OV_DATE_NONE;

  g_assert_true (ov_date_parse_iso_exact ("2026-11-23", 10, &today));
  g_assert_true (ov_sample_generate (store, 60, 2026, today, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
count (OvStore    *store,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (ov_store_query_int64 (store, sql, &n, NULL));
  return n;
}

/* Every assignment and completion, as one text. */
static char *
dump (OvStore *store)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = ov_store_prepare (store,
                                         "SELECT 'a', account_id, content_id, assigned_on, '' "
                                         "FROM content_assignments UNION ALL "
                                         "SELECT 'c', person_id, content_id, status, "
                                         "progress || ' ' || COALESCE (completed_on, '-') "
                                         "FROM content_completions ORDER BY 1, 2, 3",
                                         NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4));
  sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

static void
test_sample (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr(OvStore) store = generate (&dir);
  g_autoptr(OvStore) other = generate (&other_dir);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = dump (store);
  g_autofree char *second = dump (other);
  guint n_learners = 0, n_completed = 0;
  double rate;

  g_assert_cmpstr (first, ==, second);

  items = ov_store_list_content_items (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 7);
  g_assert_cmpint (ov_content_item_get_stage (items->pdata[0]), ==, OV_STAGE_HANDOFF);
  g_assert_cmpint (ov_content_item_get_stage (items->pdata[6]), ==, OV_STAGE_EXPAND);

  for (guint i = 0; i < items->len; i++)
    {
      n_learners += ov_content_item_get_n_learners (items->pdata[i]);
      n_completed += ov_content_item_get_n_completed (items->pdata[i]);
    }
  rate = ov_content_rate (n_completed, n_learners);
  g_test_message ("sample: %u of %u learner pairs completed (%.1f %%)", n_completed, n_learners,
                  rate);
  g_assert_cmpfloat (rate, >, 20);
  g_assert_cmpfloat (rate, <, 90);

  g_assert_cmpint (count (store, "SELECT count(*) FROM content_completions "
                                 "WHERE status = 'in_progress'"), >, 0);
  /* Completed ones have a day, no later than the sample's today. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM content_completions "
                                 "WHERE status = 'completed' AND (completed_on IS NULL "
                                 "OR completed_on > '2026-11-23')"), ==, 0);
  /* Each completion is of an item assigned to the person's account. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM content_completions AS c "
                                 "JOIN people AS p ON p.id = c.person_id "
                                 "WHERE NOT EXISTS (SELECT 1 FROM content_assignments AS a "
                                 "WHERE a.account_id = p.account_id "
                                 "AND a.content_id = c.content_id)"), ==, 0);
  /* Nobody is assigned an item of a stage they have not reached. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM content_assignments AS a "
                                 "JOIN accounts AS c ON c.id = a.account_id "
                                 "JOIN content_items AS i ON i.id = a.content_id "
                                 "WHERE i.stage > c.stage"), ==, 0);

  g_clear_object (&store);
  g_clear_object (&other);
  ov_test_remove_dir (dir);
  ov_test_remove_dir (other_dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/content/sample", test_sample);

  return g_test_run ();
}
