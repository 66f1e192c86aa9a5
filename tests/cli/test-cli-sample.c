/* test-cli-sample.c — overture-cli generate and sample: made-up data, the
 * same for the same seed, that imports again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-support.h"

static const char generated_header[] =
  "external_id,name,segment,owner,sales_owner,arr,currency,stage,status,close_date,"
  "kickoff_date,golive_date,first_value_date,first_value_milestone,package,notes,churned_on\r\n";

static void
test_generate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other_seed = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = path_in (fixture, "gen.csv");
  g_autofree char *written = NULL;
  guint n_lines = 0;

  g_assert_cmpint (run_cli (&out, &err, "generate", "accounts", "25", "--seed", "9", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, generated_header));
  for (const char *p = out; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n_lines++;
  g_assert_cmpuint (n_lines, ==, 26);
  g_assert_nonnull (strstr (out, "\r\nCRM-000001,"));
  g_assert_nonnull (strstr (out, "\r\nCRM-000025,"));

  /* The same seed gives the same accounts; another seed others. */
  g_assert_cmpint (run_cli (&again, NULL, "generate", "accounts", "25", "--seed", "9", NULL), ==,
                   0);
  g_assert_cmpstr (again, ==, out);
  g_assert_cmpint (run_cli (&other_seed, NULL, "generate", "accounts", "25", "--seed", "10",
                            NULL), ==, 0);
  g_assert_cmpstr (other_seed, !=, out);

  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", "25", "--seed", "9", "-o", file,
                            NULL), ==, 0);
  written = read_file (file);
  g_assert_cmpstr (written, ==, out);

  g_assert_cmpint (run_cli (NULL, NULL, "generate", "people", "3", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", "-4", NULL), ==, 2);
}

/* The first and last day a sample may be made around: its export imports
 * again without a refused row. A day outside is a usage error. */
static void
test_sample_range (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const ends[] = { "1973-01-01", "2997-12-31" };
  static const char * const outside[] = { "1969-06-01", "1972-12-31", "2998-01-01" };
  static const char * const kinds[] = { "accounts", "people", "tasks", "metrics" };

  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "sample", "--today", outside[i],
                                NULL), ==, 2);
      g_assert_nonnull (strstr (err, "from 1973-01-01 to 2997-12-31"));
    }
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autofree char *name = g_strdup_printf ("sample-%u.db", i);
      g_autofree char *again = g_strdup_printf ("again-%u.db", i);
      g_autofree char *db = path_in (fixture, name);
      g_autofree char *db_again = path_in (fixture, again);

      g_test_message ("sample around %s", ends[i]);
      g_assert_cmpint (run_cli (NULL, NULL, "--db", db, "sample", "--accounts", "60", "--today",
                                ends[i], NULL), ==, 0);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *csv = path_in (fixture, kinds[k]);
          g_autofree char *out = NULL;

          g_assert_cmpint (run_cli (NULL, NULL, "--db", db, "export", kinds[k], "-o", csv, NULL),
                           ==, 0);
          g_assert_cmpint (run_cli (&out, NULL, "--db", db_again, "import", kinds[k], csv, NULL),
                           ==, 0);
          g_assert_nonnull (strstr (out, " 0 rejected"));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/generate", test_generate);
  CLI_TEST_ADD ("/cli/sample-range", test_sample_range);

  return g_test_run ();
}
