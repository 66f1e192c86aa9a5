/* test-cli-content.c — overture-cli import and export of the content
 * library and of completions from learning platforms' exports: the
 * Skilljar, Northpass and Thought Industries headers, unknown people and
 * courses refused line by line with nothing changed, undo, and a round
 * trip of awkward titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-support.h"

static void
import_fixture (Fixture    *fixture,
                const char *kind,
                const char *name,
                const char *expected)
{
  g_autofree char *file = ov_test_fixture_path ("content", name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", kind, file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
import_portfolio (Fixture *fixture)
{
  import_fixture (fixture, "accounts", "accounts.csv",
                  "Imported batch 1: 3 created, 0 updated, 0 unchanged, 0 rejected\n");
  import_fixture (fixture, "people", "people.csv",
                  "Imported batch 2: 4 created, 0 updated, 0 unchanged, 0 rejected\n");
  import_fixture (fixture, "content", "library.csv",
                  "Imported batch 3: 4 created, 0 updated, 0 unchanged, 0 rejected\n");
}

static char *
export (Fixture    *fixture,
        const char *kind)
{
  char *out = NULL;

  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "export", kind, NULL), ==, 0);
  return out;
}

static void
test_library (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *exported = NULL;
  g_autofree char *file = path_in (fixture, "library.csv");
  g_autofree char *again = NULL;
  g_autofree char *out = NULL;

  import_portfolio (fixture);
  exported = export (fixture, "content");
  g_assert_cmpstr (exported, ==,
                   "title,format,role,stage,location,duration_minutes\r\n"
                   "Admin Foundations,course,admin,kickoff,"
                   "https://learn.example.com/admin-foundations,90\r\n"
                   "Daily Workflows Webinar,webinar,end_user,adopt,"
                   "https://learn.example.com/webinars/daily,45\r\n"
                   "Reporting Lab,exercise,end_user,adopt,Training room B,60\r\n"
                   "Executive Value Guide,guide,sponsor,review,"
                   "https://learn.example.com/guides/value,20\r\n");

  /* What it wrote reads back as it is; a changed duration updates, and
   * the title takes the file's spelling, as a package's name does. */
  write_file (file, exported);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "import", "content", file, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Nothing changed: 4 unchanged, 0 rejected; no batch was recorded\n");
  write_file (file, "title,duration\nREPORTING LAB,75\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "import", "content", file, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 4: 0 created, 1 updated, 0 unchanged, 0 rejected\n");
  again = export (fixture, "content");
  g_assert_nonnull (strstr (again, "\r\nREPORTING LAB,exercise,end_user,adopt,Training room B,"
                                   "75\r\n"));

  /* Undone, it is 60 again. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "undo-import", "4", NULL), ==, 0);
  g_clear_pointer (&again, g_free);
  again = export (fixture, "content");
  g_assert_cmpstr (again, ==, exported);
}

static void
test_lms_styles (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *exported = NULL;
  g_autofree char *file = path_in (fixture, "completions.csv");
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;

  import_portfolio (fixture);
  import_fixture (fixture, "completions", "skilljar.csv",
                  "Imported batch 4: 2 created, 0 updated, 0 unchanged, 0 rejected\n");
  import_fixture (fixture, "completions", "northpass.csv",
                  "Imported batch 5: 2 created, 0 updated, 0 unchanged, 0 rejected\n");
  import_fixture (fixture, "completions", "thought-industries.csv",
                  "Imported batch 6: 2 created, 0 updated, 0 unchanged, 0 rejected\n");

  exported = export (fixture, "completions");
  g_assert_cmpstr (exported, ==,
                   "email,course,status,progress,completed_at,person,account\r\n"
                   "ana.ruiz@acmefreight.example,Admin Foundations,completed,100,2026-05-04,"
                   "Ana Ruiz,Acme Freight\r\n"
                   "ana.ruiz@acmefreight.example,Daily Workflows Webinar,not_started,0,,"
                   "Ana Ruiz,Acme Freight\r\n"
                   "ben.okafor@acmefreight.example,Daily Workflows Webinar,in_progress,40,,"
                   "Ben Okafor,Acme Freight\r\n"
                   "ben.okafor@acmefreight.example,Reporting Lab,in_progress,25,,"
                   "Ben Okafor,Acme Freight\r\n"
                   "chen.wei@birchwood.example,Reporting Lab,completed,100,2026-05-20,"
                   "Chen Wei,Birchwood Clinics\r\n"
                   "dana.kowalski@corvid.example,Admin Foundations,completed,100,2026-05-14,"
                   "Dana Kowalski,Corvid Labs\r\n");

  /* Read back: nothing to change. */
  write_file (file, exported);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "import", "completions", file,
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Nothing changed: 6 unchanged, 0 rejected; no batch was recorded\n");

  /* Ben finishes the lab; the undo of that batch puts him back at 25 %. */
  write_file (file, "email,course,progress\nBen.Okafor@AcmeFreight.example,reporting lab,100\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "import", "completions", file,
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 7: 0 created, 1 updated, 0 unchanged, 0 rejected\n");
  again = export (fixture, "completions");
  g_assert_nonnull (strstr (again, "ben.okafor@acmefreight.example,Reporting Lab,completed,100,"
                                   "2026-03-02,"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "undo-import", "7", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Undid batch 7 (completions from completions.csv): 0 removed, "
                            "1 restored\n");
  g_clear_pointer (&again, g_free);
  again = export (fixture, "completions");
  g_assert_cmpstr (again, ==, exported);
}

/* Each bad row on its line, FILE:LINE:COLUMN: field: message; nothing is
 * imported; with --skip-invalid only the good row is. */
static void
test_unknown (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *file = ov_test_fixture_path ("content", "unknown.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  import_portfolio (fixture);
  before = dump_db (fixture->db);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "completions", file, NULL),
                   ==, 1);
  expected = g_strdup_printf ("%s:3:1: email: no person has the email “nobody@nowhere.example”; "
                              "add them to their account first\n"
                              "%s:4:32: course: the content library has no item called "
                              "“Underwater Basket Weaving”; import or add it first\n"
                              "%s:5:47: progress: a progress of 40 %% does not go with the "
                              "status “done”\n"
                              "%s: nothing was imported: 3 rows were refused (use "
                              "--skip-invalid to import the others)\n",
                              file, file, file, file);
  g_assert_cmpstr (err, ==, expected);
  after = dump_db (fixture->db);
  g_assert_cmpstr (after, ==, before);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "completions",
                            "--skip-invalid", file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 4: 1 created, 0 updated, 0 unchanged, 3 rejected\n");
}

/* Quotes, emoji, a comma and a formula in a title survive the trip. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *library = path_in (fixture, "library.csv");
  g_autofree char *completions = path_in (fixture, "completions.csv");
  g_autofree char *exported = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  import_portfolio (fixture);
  write_file (library, "title,format\n"
                       "\"The \"\"Golden\"\" path, step 1 🚀\",video\n"
                       "\"=SUM(A1:A3) for admins\",guide\n");
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "content", library, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 4: 2 created, 0 updated, 0 unchanged, 0 rejected\n");
  write_file (completions, "email,course,status\n"
                           "chen.wei@birchwood.example,\"the \"\"golden\"\" path, step 1 🚀\","
                           "completed\n"
                           "chen.wei@birchwood.example,=sum(a1:a3) for admins,in progress\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "completions",
                            completions, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 5: 2 created, 0 updated, 0 unchanged, 0 rejected\n");

  first = export (fixture, "completions");
  g_assert_nonnull (strstr (first, "\"The \"\"Golden\"\" path, step 1 🚀\",completed,100,"
                                   "2026-03-02,"));
  /* The formula is written so that no spreadsheet runs it… */
  g_assert_null (strstr (first, "\r\nchen.wei@birchwood.example,=SUM"));

  /* …and reads back as it was written. */
  write_file (completions, first);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "completions",
                            completions, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Nothing changed: 2 unchanged, 0 rejected; no batch was recorded\n");
  second = export (fixture, "completions");
  g_assert_cmpstr (second, ==, first);

  g_clear_pointer (&exported, g_free);
  exported = export (fixture, "content");
  g_assert_nonnull (strstr (exported, "=SUM(A1:A3) for admins"));
}

static void
test_bad_library (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "library.csv");
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  write_file (file, "title,format,role,duration\n"
                    ",course,,\n"
                    "Podcast hour,podcast,,\n"
                    "Sales pitch,course,sales,\n"
                    "Marathon,course,,100000\n"
                    "Tidy,course,,\n"
                    "tidy,video,,\n");
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "content", file, NULL),
                   ==, 1);
  expected = g_strdup_printf ("%s:2:1: title: the item has no title\n"
                              "%s:3:14: format: “podcast” is not a format; use course, webinar, "
                              "guide, video or hands-on exercise\n"
                              "%s:4:20: role: “sales” is a role of your own team; content is for "
                              "the customer's executive sponsor, champion, admin or end users\n"
                              "%s:5:18: duration: the duration is a whole number of "
                              "minutes from 0 to 10080\n"
                              "%s:7:1: title: this item is on an earlier row of this file too\n"
                              "%s: nothing was imported: 5 rows were refused (use "
                              "--skip-invalid to import the others)\n",
                              file, file, file, file, file, file);
  g_assert_cmpstr (err, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/content/library", test_library);
  CLI_TEST_ADD ("/cli/content/lms-styles", test_lms_styles);
  CLI_TEST_ADD ("/cli/content/unknown", test_unknown);
  CLI_TEST_ADD ("/cli/content/round-trip", test_round_trip);
  CLI_TEST_ADD ("/cli/content/bad-library", test_bad_library);

  return g_test_run ();
}
