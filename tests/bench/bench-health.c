/* bench-health.c — the health of every account, as the dashboard's card
 * reads it, against SQLite stepping over the same rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-health [ACCOUNTS]   (100,000 by default)
 *
 * Fills a database in a temporary folder with ACCOUNTS accounts and, per
 * account, ten measurements (usage, NPS, engagement, a recorded score),
 * four meetings and five tasks; then times ov_store_list_health_facts()
 * with ov_health_summarize() and, as their peer in the same run, plain
 * SELECTs of the same rows stepped through without keeping anything.
 * Prints both and the ratio. Not a test: numbers depend on the machine.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ov-core.h"
#include "ov-store-private.h"

#define TODAY_ISO "2026-06-01"

static void
fill (OvStore *store,
      guint    accounts)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO accounts (id, name, created_at, updated_at) "
    "SELECT i, 'Account ' || i, 'x', 'x' FROM n;"
    "WITH RECURSIVE k (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 9) "
    "INSERT INTO metric_values (account_id, metric, value, measured_on, is_baseline, "
    "created_at, updated_at) "
    "SELECT a.id, CASE j %% 4 WHEN 0 THEN 'product_usage' WHEN 1 THEN 'nps' "
    "WHEN 2 THEN 'engagement' ELSE 'health_score' END, "
    "CASE j %% 4 WHEN 1 THEN (a.id + j) %% 11 ELSE (a.id * 7 + j) %% 101 END, "
    "date ('2026-01-01', '+' || (j * 10) || ' days'), 0, 'x', 'x' FROM accounts AS a, k;"
    "WITH RECURSIVE k (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 3) "
    "INSERT INTO meetings (account_id, kind, scheduled_on, attended, created_at, updated_at) "
    "SELECT a.id, 'other', date ('2026-02-01', '+' || (j * 40) || ' days'), "
    "(a.id + j) %% 3 <> 0, 'x', 'x' FROM accounts AS a, k;"
    "WITH RECURSIVE k (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 4) "
    "INSERT INTO tasks (account_id, stage, title, due_date, done_date, created_at, updated_at) "
    "SELECT a.id, 1, 'Task', date ('2026-05-01', '+' || ((a.id + j * 9) %% 60) || ' days'), "
    "CASE WHEN j < 2 THEN '2026-05-02' END, 'x', 'x' FROM accounts AS a, k;",
    accounts);
  if (!ov_store_exec (store, "BEGIN", &error) || !ov_store_exec (store, sql, &error) ||
      !ov_store_exec (store, "COMMIT", &error))
    g_error ("%s", error->message);
}

static const char *const peer_sql[] = {
  "SELECT id FROM accounts WHERE deleted_at IS NULL AND status <> 2 ORDER BY id",
  "SELECT account_id, measured_on, value FROM metric_values WHERE metric IN "
  "('product_usage', 'nps', 'engagement', 'health_score') ORDER BY metric, account_id, "
  "measured_on, is_baseline DESC",
  "SELECT account_id, scheduled_on, attended FROM meetings WHERE scheduled_on <= '"
  TODAY_ISO "' ORDER BY account_id",
  "SELECT account_id, due_date, done_date FROM tasks ORDER BY account_id",
};

static double
time_peer (OvStore *store)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (peer_sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (ov_store_get_db (store), peer_sql[i], -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  guint accounts = argc > 1 ? (guint)strtoul (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("ov-bench-health-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OvDate today;
  double best = G_MAXDOUBLE, peer = G_MAXDOUBLE;
  OvHealthSummary summary = { 0 };

  ov_date_parse_iso (TODAY_ISO, &today, NULL);
  store = ov_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  fill (store, accounts);

  for (int round = 0; round < 3; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) facts = ov_store_list_health_facts (store, today, &error);

      if (facts == NULL ||
          !ov_health_summarize ((const OvHealthFacts *)(gpointer)facts->data, facts->len, NULL,
                                today, &summary, &error))
        g_error ("%s", error->message);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      peer = MIN (peer, time_peer (store));
    }

  printf ("accounts: %u, measurements: %u, meetings: %u, tasks: %u\n", accounts, accounts * 10,
          accounts * 4, accounts * 5);
  printf ("health facts read and scored: %.1f ms (at risk %u, no data %u)\n", best,
          summary.at_risk, summary.no_data);
  printf ("sqlite stepping over the same rows: %.1f ms\n", peer);
  printf ("ratio: %.2f\n", best / peer);

  g_clear_object (&store);
  {
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;

    while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
