/* bench-account-figures.c — the accounts table's days in stage, open
 * tasks and health, read for the whole portfolio, against the dashboard's
 * health card reading the same database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-account-figures DATABASE [RUNS]   (3 runs by default)
 *
 * Make the database with `overture-cli --db DATABASE sample --accounts
 * 100000`. Times ov_store_read_account_figures() (what the table's
 * worker job does when one of those columns is shown) and, as its peer in
 * the same run, ov_store_list_health_facts() with ov_health_summarize()
 * (the health card's job, a part of the former). Prints the best of RUNS
 * of each in wall-clock and CPU time, and the ratio. Not a test: numbers
 * depend on the machine.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ov-core.h"

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

typedef struct
{
  double wall;
  double cpu;
} Time;

static void
keep_best (Time   *best,
           gint64  wall_start,
           double  cpu_start)
{
  double wall = (g_get_monotonic_time () - wall_start) / 1e3;
  double cpu = cpu_ms () - cpu_start;

  if (best->wall == 0 || wall < best->wall)
    best->wall = wall;
  if (best->cpu == 0 || cpu < best->cpu)
    best->cpu = cpu;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OvDate today = ov_date_today ();
  Time figures_time = { 0 }, card_time = { 0 };
  guint runs = argc > 2 ? (guint)atoi (argv[2]) : 3;
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s DATABASE [RUNS]\n", argv[0]);
      return 2;
    }

  store = ov_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  for (guint run = 0; run < MAX (runs, 1); run++)
    {
      g_autoptr(OvAccountFigures) figures = NULL;
      g_autoptr(GArray) facts = NULL;
      double weights[OV_HEALTH_N_COMPONENTS];
      OvHealthSummary summary;
      gint64 wall = g_get_monotonic_time ();
      double cpu = cpu_ms ();

      figures = ov_store_read_account_figures (store, today, NULL, &error);
      if (figures == NULL)
        g_error ("%s", error->message);
      keep_best (&figures_time, wall, cpu);
      n = ov_account_figures_get_len (figures);

      wall = g_get_monotonic_time ();
      cpu = cpu_ms ();
      facts = ov_store_list_health_facts (store, today, &error);
      ov_store_get_health_weights (store, weights);
      if (facts == NULL ||
          !ov_health_summarize ((const OvHealthFacts *)(gpointer)facts->data, facts->len,
                                weights, today, &summary, &error))
        g_error ("%s", error->message);
      keep_best (&card_time, wall, cpu);
    }

  printf ("accounts: %u (best of %u runs)\n", n, MAX (runs, 1));
  printf ("table's figures:  %8.1f ms wall  %8.1f ms CPU\n", figures_time.wall, figures_time.cpu);
  printf ("health card:      %8.1f ms wall  %8.1f ms CPU\n", card_time.wall, card_time.cpu);
  printf ("ratio (figures / card, CPU): %.2f\n", figures_time.cpu / card_time.cpu);
  return 0;
}
