/* test-cli-insights.c — overture-cli insights and chart over the
 * hand-built portfolio of tests/insights: the JSON's numbers, the report,
 * the chart files, and every bad input refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-test-support.h"
#include "ov-store-private.h"
#include "ov-store-program.h"

#define EPS 1e-9
#define PERIOD "--from", "2026-01-01", "--to", "2026-04-01", "--today", "2026-06-01"

/* Fills the fixture's database with tests/fixtures/insights/portfolio.sql,
 * and the program start @program_start (OV_DATE_NONE: none). */
static void
fill (Fixture *fixture,
      OvDate   program_start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ov_test_fixture_path ("insights", "portfolio.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(OvStore) store = NULL;

  g_file_get_contents (path, &sql, NULL, &error);
  g_assert_no_error (error);
  store = ov_store_open (fixture->db, &error);
  g_assert_no_error (error);
  ov_store_exec (store, sql, &error);
  g_assert_no_error (error);
  if (program_start != OV_DATE_NONE)
    {
      ov_store_set_program_start (store, program_start, &error);
      g_assert_no_error (error);
    }
}

static JsonObject *
parse (const char *text,
       JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_in (JsonArray  *array,
         const char *key,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, key), value) == 0)
        return object;
    }
  g_assert_not_reached ();
}

/* The numbers worked out in tests/insights/test-insights.c. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root, *ttfv, *before, *after, *shift, *object;
  JsonArray *array;

  fill (fixture, ov_date_from_ymd (2025, 6, 1));
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "insights", "--json",
                            "--program-start", "2026-01-01", PERIOD, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = parse (out, parser);

  g_assert_cmpint (json_object_get_int_member (root, "accounts"), ==, 15);
  /* --program-start wins over the database's */
  g_assert_cmpstr (json_object_get_string_member (root, "program_start"), ==, "2026-01-01");
  object = json_object_get_object_member (root, "period");
  g_assert_cmpstr (json_object_get_string_member (object, "from"), ==, "2026-01-01");
  g_assert_cmpstr (json_object_get_string_member (object, "to"), ==, "2026-04-01");

  ttfv = json_object_get_object_member (root, "ttfv");
  before = json_object_get_object_member (ttfv, "before");
  after = json_object_get_object_member (ttfv, "after");
  shift = json_object_get_object_member (ttfv, "shift");
  g_assert_cmpint (json_object_get_int_member (before, "n"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (before, "open"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (before, "median"), 35, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (before, "q1"), 22.5, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (after, "q3"), 35, EPS);
  g_assert_cmpint (json_object_get_int_member (after, "open"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (shift, "estimate"), -10, EPS);
  array = json_object_get_array_member (shift, "ci95");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (array, 0), -35, EPS);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (array, 1), 15, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (shift, "p"), 0.411313792, 1e-6);

  array = json_object_get_array_member (root, "funnel");
  g_assert_cmpuint (json_array_get_length (array), ==, 6);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "stage"), ==, "embark");
  g_assert_cmpint (json_object_get_int_member (object, "reached"), ==, 15);
  object = find_in (array, "stage", "adopt");
  g_assert_cmpint (json_object_get_int_member (object, "reached"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (object, "now"), ==, 3);

  array = json_object_get_array_member (root, "ttfv_by_package");
  object = find_in (array, "package", "Premium");
  g_assert_cmpint (json_object_get_int_member (object, "n"), ==, 6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "median"), 17.5, EPS);
  object = find_in (array, "package", "");
  g_assert_cmpint (json_object_get_int_member (object, "open"), ==, 2);

  array = json_object_get_array_member (root, "attendance_by_package");
  object = find_in (array, "package", "Premium");
  g_assert_cmpint (json_object_get_int_member (object, "scheduled"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (object, "attended"), ==, 5);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "rate"), 5.0 / 7, EPS);
  object = find_in (array, "package", "Essential");
  g_assert_true (json_object_get_null_member (object, "rate"));

  object = json_object_get_object_member (root, "nps");
  g_assert_cmpint (json_object_get_int_member (object, "n"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (object, "promoters"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "score"), 100.0 / 7,
                                  1e-9);
  object = json_object_get_object_member (root, "logo_churn");
  g_assert_cmpint (json_object_get_int_member (object, "start_accounts"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (object, "churned"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "rate"), 1.0 / 7, EPS);
  object = json_object_get_object_member (root, "nrr");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "USD"), 6300.0 / 5800,
                                  EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "EUR"), 1.0 / 3, EPS);
  object = json_object_get_object_member (root, "grr");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "USD"), 5300.0 / 5800,
                                  EPS);

  array = json_object_get_array_member (root, "baseline_vs_latest");
  object = find_in (array, "metric", "product_usage");
  g_assert_cmpint (json_object_get_int_member (object, "n"), ==, 5);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "median_change"), 15,
                                  EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "p"), 0.105645429,
                                  1e-6);
  object = find_in (array, "metric", "health_score");
  g_assert_true (json_object_get_null_member (object, "p"));
}

/* The database's program start when none is given; without either the
 * cohorts are empty, their medians null, and the report says how to set
 * one. A filter narrows the accounts. */
static void
test_program_start_and_filters (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *root, *before;

  fill (fixture, OV_DATE_NONE);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "insights", "--json", PERIOD, NULL),
                   ==, 0);
  root = parse (out, parser);
  g_assert_true (json_object_get_null_member (root, "program_start"));
  before = json_object_get_object_member (json_object_get_object_member (root, "ttfv"), "before");
  g_assert_cmpint (json_object_get_int_member (before, "n"), ==, 0);
  g_assert_true (json_object_get_null_member (before, "median"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "insights", PERIOD, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No program start date is set"));
  g_assert_nonnull (strstr (out, "--program-start"));
  g_assert_nonnull (strstr (out, "Insights over 15 accounts\n"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "insights", "--json",
                            "--segment", "SMB", "--owner", "Ann", "--package", "premium",
                            PERIOD, NULL), ==, 0);
  root = parse (out, parser);
  /* Alder, Birch, Hazel, Ilex */
  g_assert_cmpint (json_object_get_int_member (root, "accounts"), ==, 4);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "insights", "--json",
                            "--package", "", PERIOD, NULL), ==, 0);
  root = parse (out, parser);
  g_assert_cmpint (json_object_get_int_member (root, "accounts"), ==, 4);
}

/* Check the first bytes of a written chart. */
static void
assert_file_starts (const char *path,
                    const char *magic,
                    gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 500);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_chart (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *png = path_in (fixture, "curve.png");
  g_autofree char *svg = path_in (fixture, "funnel.svg");
  g_autofree char *pdf = path_in (fixture, "usage.pdf");
  g_autofree char *trend = path_in (fixture, "trend.png");
  g_autofree char *err = NULL;

  fill (fixture, ov_date_from_ymd (2026, 1, 1));
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "chart", "ttfv-curve", PERIOD,
                            "-o", png, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_file_starts (png, "\x89PNG\r\n\x1a\n", 8);

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "chart", "funnel", "--owner", "Bob",
                            PERIOD, "-o", svg, NULL), ==, 0);
  assert_file_starts (svg, "<?xml", 5);

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "chart", "baseline-latest", "usage",
                            PERIOD, "-o", pdf, NULL), ==, 0);
  assert_file_starts (pdf, "%PDF-", 5);

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "chart", "trend", "Usage",
                            PERIOD, "-o", trend, NULL), ==, 0);
  assert_file_starts (trend, "\x89PNG", 4);

  for (const char * const *name = (const char * const[]) { "ttfv-cohorts", "ttfv-by-package",
                                                             "attendance-by-package", NULL };
       *name != NULL; name++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s.png", fixture->dir, *name);

      g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "chart", *name, PERIOD,
                                "-o", file, NULL), ==, 0);
      assert_file_starts (file, "\x89PNG", 4);
    }
}

/* Each bad input: a message naming it, a non-zero status, no file. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *png = path_in (fixture, "out.png");
  g_autofree char *txt = path_in (fixture, "out.txt");
  struct
  {
    const char *args[8];
    const char *says;
  } cases[] = {
    { { "insights", "--from", "2026-02-30" }, "--from" },
    { { "insights", "--program-start", "soon" }, "--program-start" },
    { { "insights", "--from", "2026-04-01", "--to", "2026-01-01" }, "--from must be before --to" },
    { { "insights", "--package", "Gold" }, "no package “Gold”" },
    { { "insights", "extra" }, "unexpected argument" },
    { { "chart", "pie", "-o", png }, "unknown chart “pie”" },
    { { "chart", "trend", "-o", png }, "needs a metric" },
    { { "chart", "trend", "hours", "-o", png }, "no measurements of the metric “hours”" },
    { { "chart", "funnel" }, "-o FILE" },
    { { "chart", "funnel", "--closed-from", "2026-13-01", "-o", png }, "--closed-from" },
    { { "chart", "funnel", "--package", "Nope", "-o", png }, "no package “Nope”" },
    { { "chart", "funnel", "-o", txt }, ".png, .svg or .pdf" },
  };

  fill (fixture, ov_date_from_ymd (2026, 1, 1));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *command = NULL;
      int status;

      g_ptr_array_add (argv, g_strdup (g_getenv ("OVERTURE_CLI")));
      g_ptr_array_add (argv, g_strdup ("--db"));
      g_ptr_array_add (argv, g_strdup (fixture->db));
      for (guint a = 0; a < G_N_ELEMENTS (cases[i].args) && cases[i].args[a] != NULL; a++)
        g_ptr_array_add (argv, g_strdup (cases[i].args[a]));
      g_ptr_array_add (argv, NULL);

      g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &status, NULL);
      command = g_strjoinv (" ", (char **)argv->pdata + 3);
      g_test_message ("%s → %s", command, err);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (err, cases[i].says));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
    }
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/insights/json", test_json);
  CLI_TEST_ADD ("/cli/insights/program-start-and-filters", test_program_start_and_filters);
  CLI_TEST_ADD ("/cli/insights/chart", test_chart);
  CLI_TEST_ADD ("/cli/insights/refused", test_refused);

  return g_test_run ();
}
