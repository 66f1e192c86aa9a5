/* bench-task-list.c — the Tasks view's reading over a large portfolio,
 * against SQLite stepping over every open task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-task-list [ACCOUNTS]   (100,000 by default)
 *
 * Fills a database in a temporary folder with ACCOUNTS accounts, six team
 * members and two customers on each (every role held), and five tasks per
 * account (500,000 at the default), three of them open and spread over
 * two months around today. Then times what the Tasks view reads in its
 * worker for one page (ov_store_list_open_tasks() and
 * ov_store_count_open_tasks()) under each filter and order, and the owner
 * list; as the peer in the same run, one plain SELECT that steps over
 * every open task of active accounts. Prints each in ms and its ratio to
 * the peer, in wall-clock time and in processor time (which a busy
 * machine's waiting leaves out). Not a test: numbers depend on the machine.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "bench-support.h"
#include "ov-core.h"
#include "ov-store-private.h"

#define TODAY_ISO "2026-06-01"

static void
fill (OvStore *store,
      guint    accounts)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO accounts (id, name, created_at, updated_at) "
    "SELECT i, 'Account ' || i || ' GmbH', 'x', 'x' FROM n;"
    /* Eight people per account; names from a team of 40 and customers of many. */
    "WITH RECURSIVE k (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 7) "
    "INSERT INTO people (id, account_id, name, side, created_at, updated_at) "
    "SELECT a.id * 8 + j, a.id, CASE WHEN j < 6 THEN 'Team member ' || ((a.id * 7 + j) %% 40) "
    "ELSE 'Customer ' || a.id || '-' || j END, j >= 6, 'x', 'x' FROM accounts AS a, k;"
    "INSERT INTO person_roles (person_id, role) "
    "SELECT id, CASE id %% 8 WHEN 0 THEN 'sales' WHEN 1 THEN 'onboarding' WHEN 2 THEN 'csm' "
    "WHEN 3 THEN 'support' WHEN 4 THEN 'training' WHEN 5 THEN 'services' "
    "WHEN 6 THEN 'sponsor' ELSE 'champion' END FROM people;"
    "WITH RECURSIVE k (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 4) "
    "INSERT INTO tasks (account_id, stage, title, role, due_date, done_date, created_at, "
    "updated_at) "
    "SELECT a.id, 1 + (a.id + j) %% 6, 'Task ' || j, "
    "CASE j WHEN 0 THEN 'csm' WHEN 1 THEN 'onboarding' WHEN 2 THEN 'training' "
    "WHEN 3 THEN 'champion' ELSE 'sales' END, "
    "date ('2026-05-01', '+' || ((a.id + j * 9) %% 60) || ' days'), "
    "CASE WHEN j < 2 THEN '2026-05-02' END, 'x', 'x' FROM accounts AS a, k;",
    accounts);
  bench_fill (store, sql);
}

/* Processor time since @since, in ms. */
static double
cpu_ms (clock_t since)
{
  return (double)(clock () - since) * 1000.0 / CLOCKS_PER_SEC;
}

static double
time_peer (OvStore *store,
           double  *cpu)
{
  gint64 start = g_get_monotonic_time ();
  clock_t cpu_start = clock ();
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  sqlite3_prepare_v2 (ov_store_get_db (store),
                      "SELECT t.id, t.title, t.due_date, a.name FROM tasks t "
                      "JOIN accounts a ON a.id = t.account_id "
                      "WHERE t.done_date IS NULL AND a.deleted_at IS NULL AND a.status = 0",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  g_assert_cmpint (n, >, 0);

  *cpu = cpu_ms (cpu_start);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* One page and the count, as the view's worker reads them. */
static double
time_page (OvStore      *store,
           OvTaskFilter *filter,
           gint64       *total,
           double       *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 start = g_get_monotonic_time ();
  clock_t cpu_start = clock ();

  tasks = ov_store_list_open_tasks (store, filter, &error);
  *total = ov_store_count_open_tasks (store, filter, &error);
  if (tasks == NULL || *total < 0)
    g_error ("%s", error->message);

  *cpu = cpu_ms (cpu_start);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  guint accounts = argc > 1 ? (guint)strtoul (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) owners = NULL;
  OvDate today = OV_DATE_NONE;
  double peer, peer_cpu, ms, cpu;
  gint64 start;
  clock_t cpu_start;
  struct {
    const char *name;
    OvTaskDue   due;
    OvTaskSort  sort;
    const char *owner;
    const char *role;
    OvStage     stage;
    const char *account;
  } cases[] = {
    { "all, by due date", OV_TASK_DUE_ANY, OV_TASK_SORT_DUE, NULL, NULL, 0, NULL },
    { "all, by account", OV_TASK_DUE_ANY, OV_TASK_SORT_ACCOUNT, NULL, NULL, 0, NULL },
    { "all, by owner", OV_TASK_DUE_ANY, OV_TASK_SORT_OWNER, NULL, NULL, 0, NULL },
    { "overdue", OV_TASK_DUE_OVERDUE, OV_TASK_SORT_DUE, NULL, NULL, 0, NULL },
    { "this week", OV_TASK_DUE_THIS_WEEK, OV_TASK_SORT_DUE, NULL, NULL, 0, NULL },
    { "one owner (mine)", OV_TASK_DUE_ANY, OV_TASK_SORT_DUE, "Team member 7", NULL, 0, NULL },
    { "role csm, Adopt", OV_TASK_DUE_ANY, OV_TASK_SORT_DUE, NULL, "csm", OV_STAGE_ADOPT, NULL },
    { "account words", OV_TASK_DUE_ANY, OV_TASK_SORT_DUE, NULL, NULL, 0, "account 4711 gmbh" },
  };

  ov_date_parse_iso (TODAY_ISO, &today, NULL);
  store = bench_open_temp (&dir, &path);
  start = g_get_monotonic_time ();
  fill (store, accounts);
  printf ("filled %u accounts, %u tasks in %.0f ms\n", accounts, accounts * 5,
          (g_get_monotonic_time () - start) / 1000.0);

  /* Once each, so the pages are warm for both sides. */
  time_peer (store, &peer_cpu);
  peer = time_peer (store, &peer_cpu);
  printf ("%-22s %8s %14s %8s %14s\n", "", "wall", "", "cpu", "");
  printf ("%-22s %8.1f ms %12s %8.1f ms   (peer: every open task stepped through)\n",
          "peer", peer, "", peer_cpu);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvTaskFilter) filter = ov_task_filter_new (today);
      gint64 total = 0;

      filter->due = cases[i].due;
      filter->sort = cases[i].sort;
      filter->stage = cases[i].stage;
      ov_task_filter_set_owner (filter, cases[i].owner);
      ov_task_filter_set_role (filter, cases[i].role);
      ov_task_filter_set_account (filter, cases[i].account);
      filter->limit = 100;

      ms = time_page (store, filter, &total, &cpu);
      printf ("%-22s %8.1f ms %5.2f × peer %8.1f ms %5.2f × peer   %" G_GINT64_FORMAT
              " tasks\n", cases[i].name, ms, ms / peer, cpu, cpu / peer_cpu, total);
    }

  start = g_get_monotonic_time ();
  cpu_start = clock ();
  owners = ov_store_list_task_owners (store, &error);
  if (owners == NULL)
    g_error ("%s", error->message);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  cpu = cpu_ms (cpu_start);
  printf ("%-22s %8.1f ms %5.2f × peer %8.1f ms %5.2f × peer   %u names\n", "owner list",
          ms, ms / peer, cpu, cpu / peer_cpu, g_strv_length (owners));

  g_clear_object (&store);
  bench_remove (dir, path);
  return 0;
}
