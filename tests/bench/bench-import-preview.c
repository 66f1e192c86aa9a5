/* bench-import-preview.c — what the import dialog reads before it offers
 * to import: the preview of the first rows and the dry run over the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-import-preview FIXTURE [ROWS] [RUNS]
 *
 * Makes a file of ROWS rows (2,000 by default) from the data rows of
 * FIXTURE, an all-quoted CRM export whose first column is the record's id
 * and whose fourth is its name (the 63-column Salesforce account export of
 * tests/fixtures/csv/ui): each copy gets an id and a name of its own. Then,
 * RUNS times (5 by default) on an empty portfolio, does what the import
 * dialog does when a file is chosen: ov_importer_preview() of the first 25
 * rows, then the dry run of the whole file (ov_importer_run() with
 * dry_run), each with an importer of its own. Prints each run, the median
 * and the ratio of the median to the target of 0.5 s (at most 1.0 is the
 * goal); beside the time on the clock, the processor time the process
 * used (all its threads), which a machine busy with other work changes
 * less. Not a test: numbers depend on the machine.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-support.h"

#define PREVIEW_ROWS 25
#define TARGET_MS 500.0

static int compare_doubles (const void *a,
                            const void *b);

/* Processor time of the whole process so far, in ms. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Writes ROWS rows made from @fixture's data rows to @path. */
static void
scale_fixture (const char *fixture,
               guint       rows,
               const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) data = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (fixture, &contents, NULL, &error))
    g_error ("%s", error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '"')
        g_ptr_array_add (data, lines[i]);
    }
  if (data->len == 0)
    g_error ("%s: no data rows", fixture);

  g_string_append_printf (out, "%s\n", g_strchomp (lines[0]));
  for (guint row = 0; row < rows; row++)
    {
      const char *line = g_ptr_array_index (data, row % data->len);
      const char *rest = strstr (line, "\",\"");
      const char *name_end = rest;

      /* The rest after the id, and the end of the fourth field (the name). */
      for (int field = 1; field < 4 && name_end != NULL; field++)
        name_end = strstr (name_end + 3, "\",\"");
      if (rest == NULL || name_end == NULL)
        g_error ("%s: a row with fewer than five quoted fields", fixture);

      g_string_append_printf (out, "\"0015g%012uAAC", row);
      g_string_append_len (out, rest, name_end - rest);
      g_string_append_printf (out, " %u%s\n", row, name_end);
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  guint rows = argc > 2 ? (guint)strtoul (argv[2], NULL, 10) : 2000;
  guint runs = argc > 3 ? (guint)strtoul (argv[3], NULL, 10) : 5;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *totals = NULL;
  g_autofree double *cpu = NULL;
  double median, cpu_median;

  if (argc < 2 || rows == 0 || runs == 0)
    {
      g_printerr ("Usage: %s FIXTURE [ROWS] [RUNS]\n", argv[0]);
      return 2;
    }

  store = bench_open_temp (&dir, &db);
  csv = g_build_filename (dir, "export.csv", NULL);
  scale_fixture (argv[1], rows, csv);
  file = g_file_new_for_path (csv);

  printf ("import preview of %s scaled to %u rows, %u runs\n", argv[1], rows, runs);
  totals = g_new (double, runs);
  cpu = g_new (double, runs);
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(OvImporter) previewer = ov_importer_new_for_file (OV_CSV_KIND_ACCOUNTS, file);
      g_autoptr(OvImporter) checker = ov_importer_new_for_file (OV_CSV_KIND_ACCOUNTS, file);
      g_autoptr(OvImportPreview) preview = NULL;
      g_autoptr(OvImportResult) check = NULL;
      gint64 t0, t1, t2;
      double c0 = cpu_ms ();

      t0 = g_get_monotonic_time ();
      preview = ov_importer_preview (previewer, store, PREVIEW_ROWS, NULL, &error);
      if (preview == NULL)
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      ov_importer_set_dry_run (checker, TRUE);
      check = ov_importer_run (checker, store, NULL, NULL, NULL, &error);
      if (check == NULL)
        g_error ("%s", error->message);
      t2 = g_get_monotonic_time ();

      if (ov_import_result_get_n_created (check) != rows)
        g_error ("the dry run would create %u accounts, not %u",
                 ov_import_result_get_n_created (check), rows);

      totals[run] = (t2 - t0) / 1000.0;
      cpu[run] = cpu_ms () - c0;
      printf ("  run %u: preview of %u rows %.1f ms, dry run of %u rows %.1f ms, "
              "together %.1f ms (processor %.1f ms)\n", run + 1,
              ov_import_preview_get_n_rows (preview), (t1 - t0) / 1000.0, rows,
              (t2 - t1) / 1000.0, totals[run], cpu[run]);
    }

  median = median_of (totals, runs);
  cpu_median = median_of (cpu, runs);
  printf ("preview and dry run of %u rows: median %.1f ms, best %.1f ms; "
          "ratio to the %.0f ms target %.2f [%.2f]   (goal <= 1.0)\n",
          rows, median, totals[0], TARGET_MS, median / TARGET_MS, totals[0] / TARGET_MS);
  printf ("processor time (all threads): median %.1f ms, best %.1f ms; ratio to the target "
          "%.2f [%.2f]\n", cpu_median, cpu[0], cpu_median / TARGET_MS, cpu[0] / TARGET_MS);

  g_clear_object (&store);
  g_unlink (csv);
  bench_remove (dir, db);

  return 0;
}
