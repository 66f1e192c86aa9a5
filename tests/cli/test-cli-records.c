/* test-cli-records.c — overture-cli import and export of meetings,
 * packages and metrics: what it says, what a bad row looks like (file,
 * line, column), and that a refused file changes nothing
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
  g_autofree char *out = NULL;

  write_file (file, "external_id,name,package\nA-1,Acme,premium\nB-1,Beta,Gold Care\n");
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==,
                   "Imported batch 1: 2 created, 0 updated, 0 unchanged, 0 rejected\n"
                   "1 package created for the names the accounts give\n");
}

static void
test_meetings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "meetings.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;

  import_accounts (fixture);
  write_file (file,
              "account_external_id,scheduled_on,attended,kind\n"
              "A-1,2026-01-10,yes,kickoff\n"
              "B-1,2026-02-01,no,Training\n");
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "meetings", file, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 2: 2 created, 0 updated, 0 unchanged, 0 rejected\n");
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run_cli (&exported, &err, "--db", fixture->db, "export", "meetings", NULL),
                   ==, 0);
  g_assert_cmpstr (exported, ==,
                   "account_external_id,account,scheduled_on,attended,kind,note\r\n"
                   "A-1,Acme,2026-01-10,yes,kickoff,\r\n"
                   "B-1,Beta,2026-02-01,no,training,\r\n");

  /* Taken back by its batch number. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Undid batch 2 (meetings from meetings.csv): 2 removed, 0 restored\n");
  g_clear_pointer (&exported, g_free);
  g_assert_cmpint (run_cli (&exported, NULL, "--db", fixture->db, "export", "meetings", NULL),
                   ==, 0);
  g_assert_cmpstr (exported, ==, "account_external_id,account,scheduled_on,attended,kind,note\r\n");
}

static void
test_packages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "packages.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;

  import_accounts (fixture);
  write_file (file,
              "name,price,currency,services\n"
              "gold care,\"€2,400\",,Training;Dedicated CSM\n"
              "Starter,490,USD,onboarding\n");
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "packages", file, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 2: 1 created, 1 updated, 0 unchanged, 0 rejected\n");
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run_cli (&exported, &err, "--db", fixture->db, "export", "packages", NULL),
                   ==, 0);
  g_assert_cmpstr (exported, ==,
                   "name,price,currency,services\r\n"
                   "Enterprise,40000,USD,onboarding;dedicated_csm;training;premium_support;"
                   "managed_services;Executive business reviews\r\n"
                   "Essential,2500,USD,onboarding\r\n"
                   "gold care,2400,EUR,dedicated_csm;training\r\n"
                   "Guided,7500,USD,onboarding;training\r\n"
                   "Premium,15000,USD,onboarding;dedicated_csm;training;premium_support\r\n"
                   "Starter,490,USD,onboarding\r\n");

  /* The accounts show the package's new spelling. */
  g_clear_pointer (&exported, g_free);
  g_assert_cmpint (run_cli (&exported, NULL, "--db", fixture->db, "export", "accounts", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (exported, "B-1,Beta,,,,,USD,embark,active,,,,,,gold care,,\r\n"));

  /* A dry run of accounts that name new packages says how many it would make. */
  g_clear_pointer (&out, g_free);
  write_file (file, "external_id,package\nA-1,Platinum\nB-1,PLATINUM\n");
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "import", "accounts", "--dry-run",
                            file, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "Dry run: 0 to create, 2 to update, 0 unchanged, 0 rejected; nothing was "
                   "changed\n"
                   "1 package would be created for the names the accounts give\n");
}

/* Malformed rows: FILE:LINE:COLUMN: field: message, and the database as
 * it was, byte for byte in what it holds. */
static void
test_bad_rows (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *meetings = path_in (fixture, "meetings.csv");
  g_autofree char *packages = path_in (fixture, "packages.csv");
  g_autofree char *metrics = path_in (fixture, "metrics.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  import_accounts (fixture);
  before = dump_db (fixture->db);

  write_file (meetings,
              "account_external_id,scheduled_on,attended,kind\n"
              "A-1,2026-01-10,yes,workshop\n"
              "A-1,10.01.2026x,no,review\n");
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "meetings", meetings,
                            NULL), ==, 1);
  expected = g_strdup_printf ("%s:2:20: kind: “workshop” is not a kind of meeting; use kickoff, "
                              "training, review or other\n"
                              "%s:3:5: scheduled_on: “10.01.2026x” is not a date in the form YYYY-MM-DD\n"
                              "%s: nothing was imported: 2 rows were refused (use "
                              "--skip-invalid to import the others)\n",
                              meetings, meetings, meetings);
  g_assert_cmpstr (err, ==, expected);

  write_file (packages, "name,price\nPro,-1\n,10\n");
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "packages", packages,
                            NULL), ==, 1);
  expected = g_strdup_printf ("%s:2:5: price: a package cannot cost less than nothing\n"
                              "%s:3:1: name: a package needs a name\n"
                              "%s: nothing was imported: 2 rows were refused (use "
                              "--skip-invalid to import the others)\n",
                              packages, packages, packages);
  g_assert_cmpstr (err, ==, expected);

  write_file (metrics, "account_external_id,metric,value,measured_on\nA-1,nps,11,2026-01-05\n");
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "metrics", metrics, NULL),
                   ==, 1);
  expected = g_strdup_printf ("%s:2:9: value: an NPS response is a whole number from 0 to 10, "
                              "not “11”\n"
                              "%s: nothing was imported: 1 row was refused (use "
                              "--skip-invalid to import the others)\n",
                              metrics, metrics);
  g_assert_cmpstr (err, ==, expected);

  after = dump_db (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *metrics = NULL;

  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "export", "invoices", NULL), ==,
                   2);
  g_assert_cmpstr (err, ==, "overture-cli export: cannot export “invoices”: use accounts, "
                            "people, tasks, metrics, meetings, packages, interviews, content, "
                            "completions, "
                            "stage-events or playbooks\n");

  import_accounts (fixture);
  g_assert_cmpint (run_cli (&metrics, NULL, "--db", fixture->db, "export", "metrics", NULL), ==,
                   0);
  g_assert_cmpstr (metrics, ==,
                   "account_external_id,account,metric,value,measured_on,baseline,note\r\n");
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/records/meetings", test_meetings);
  CLI_TEST_ADD ("/cli/records/packages", test_packages);
  CLI_TEST_ADD ("/cli/records/bad-rows", test_bad_rows);
  CLI_TEST_ADD ("/cli/records/usage", test_usage);

  return g_test_run ();
}
