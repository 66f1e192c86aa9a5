/* bench-metric-points.c — one metric over a large portfolio, as Insights
 * reads it, against SQLite stepping over the same rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-metric-points [ROWS]   (1,000,000 by default)
 *
 * Fills a database in a temporary folder with ROWS measurements of NPS
 * (and as many of another metric beside them) on 10,000 accounts, then
 * times ov_store_list_metric_points() and, as its peer in the same run, a
 * plain SELECT of the same columns stepped through without keeping them.
 * Prints both, the ratio and the memory of the array. Not a test: numbers
 * depend on the machine.
 */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "bench-support.h"
#include "ov-store-private.h"

#define N_ACCOUNTS 10000

static void
fill (OvStore *store,
      guint64  rows)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < %d) "
                         "INSERT INTO accounts (name, created_at, updated_at) "
                         "SELECT 'Account ' || i, 'x', 'x' FROM n;"
                         "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < %" G_GUINT64_FORMAT ") "
                         "INSERT INTO metric_values (account_id, metric, value, measured_on, "
                         "is_baseline, created_at, updated_at) "
                         "SELECT 1 + i %% %d, m.metric, i %% 11, "
                         "date ('2020-01-01', '+' || (i / %d) || ' days'), i < %d, 'x', 'x' "
                         "FROM n, (SELECT 'nps' AS metric UNION ALL SELECT 'health_score') AS m",
                         N_ACCOUNTS - 1, rows - 1, N_ACCOUNTS, N_ACCOUNTS, N_ACCOUNTS);
  bench_fill (store, sql);
}

static double
time_peer (OvStore *store,
           guint64 *n)
{
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  sqlite3_prepare_v2 (ov_store_get_db (store),
                      "SELECT account_id, value, measured_on, is_baseline FROM metric_values "
                      "WHERE metric = 'nps' ORDER BY account_id, measured_on, is_baseline DESC",
                      -1, &stmt, NULL);
  *n = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_column_int64 (stmt, 0);
      sqlite3_column_double (stmt, 1);
      sqlite3_column_text (stmt, 2);
      sqlite3_column_int (stmt, 3);
      (*n)++;
    }
  sqlite3_finalize (stmt);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;
  guint64 rows = 1000000, n_peer = 0;
  double ours, peer;
  gint64 start;

  if (argc > 1 && !g_ascii_string_to_unsigned (argv[1], 10, N_ACCOUNTS, G_MAXUINT32, &rows, NULL))
    {
      g_printerr ("Usage: bench-metric-points [ROWS], ROWS at least %d\n", N_ACCOUNTS);
      return 2;
    }

  store = bench_open_temp (&dir, &path);
  fill (store, rows);

  /* Once each to warm the page cache, then measured. */
  g_array_unref (ov_store_list_metric_points (store, "nps", NULL));
  time_peer (store, &n_peer);

  start = g_get_monotonic_time ();
  points = ov_store_list_metric_points (store, "nps", &error);
  ours = (g_get_monotonic_time () - start) / 1e6;
  if (points == NULL)
    g_error ("%s", error->message);
  peer = time_peer (store, &n_peer);

  printf ("rows of nps:        %u (peer %" G_GUINT64_FORMAT ")\n", points->len, n_peer);
  printf ("metric points:      %.3f s\n", ours);
  printf ("sqlite3 step only:  %.3f s\n", peer);
  printf ("ratio:              %.2f\n", ours / MAX (peer, 1e-6));
  printf ("array:              %.1f MiB\n",
          points->len * (double)sizeof (OvMeasurementPoint) / (1024 * 1024));

  g_clear_object (&store);
  bench_remove (dir, path);
  return 0;
}
