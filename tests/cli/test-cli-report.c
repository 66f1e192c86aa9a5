/* test-cli-report.c — overture-cli report: an account's review report by
 * external id or number, and what it says when the account or the file
 * is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-support.h"

static void
import_accounts (Fixture *fixture)
{
  g_autofree char *file = path_in (fixture, "accounts.csv");

  write_file (file,
              "external_id,name,arr,currency,close_date\n"
              "A-1,\"Smith & Sons <Holdings>\",98765,EUR,2026-01-10\n"
              "B-1,Beta,1000,USD,\n");
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 0);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = path_in (fixture, "a.pdf");
  g_autofree char *by_number = path_in (fixture, "b.pdf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  import_accounts (fixture);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "report", "A-1", "-o", pdf, NULL),
                   ==, 0);
  expected = g_strdup_printf ("Wrote the review report of “Smith & Sons <Holdings>” to %s\n",
                              pdf);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");

  text = ov_test_pdf_text (pdf, NULL);
  g_assert_nonnull (strstr (text, "Smith & Sons <Holdings>"));
  g_assert_nonnull (strstr (text, "€98,765 (EUR)"));
  g_assert_nonnull (strstr (text, "Page 1 of "));

  /* By its number; --output is -o. */
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "report", "2", "--output", by_number,
                            NULL),
                   ==, 0);
  g_clear_pointer (&text, g_free);
  text = ov_test_pdf_text (by_number, NULL);
  g_assert_nonnull (strstr (text, "Beta"));
}

static void
test_unknown (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *pdf = path_in (fixture, "a.pdf");
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  import_accounts (fixture);
  before = dump_db (fixture->db);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "report", "Z-9", "-o", pdf, NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf ("%s: No account has the external id or number “Z-9”.\n",
                              fixture->db);
  g_assert_cmpstr (err, ==, expected);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* A number no account has. */
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "report", "77", "-o", pdf, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "“77”"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Nothing read changed the database. */
  {
    g_autofree char *after = dump_db (fixture->db);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *pdf = path_in (fixture, "a.pdf");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "a.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  import_accounts (fixture);

  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "report", "A-1", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "overture-cli report: say where the report goes: -o FILE.pdf\n");
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "report", "-o", pdf, NULL), ==, 2);
  g_assert_cmpstr (err, ==,
                   "overture-cli report: name the account: its external id or its number\n");
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "report", "A-1", "B-1", "-o", pdf,
                            NULL),
                   ==, 2);
  g_assert_cmpstr (err, ==, "overture-cli report: unexpected argument “B-1”\n");

  /* A folder that is not there: said, and no file anywhere. */
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "report", "A-1", "-o", missing,
                            NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, missing));
  g_assert_nonnull (strstr (err, "its folder does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Listed in the usage, with its options in --help. */
  g_assert_cmpint (run_cli (&out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "  report         Write an account's review report as PDF\n"));
  g_assert_cmpint (run_cli (&out, NULL, "report", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "report ACCOUNT"));
  g_assert_nonnull (strstr (out, "-o, --output=FILE.pdf"));
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/report/by-id-and-number", test_report);
  CLI_TEST_ADD ("/cli/report/unknown-account", test_unknown);
  CLI_TEST_ADD ("/cli/report/usage", test_usage);

  return g_test_run ();
}
