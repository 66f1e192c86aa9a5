/* test-import-packages.c — packages imported, exported and imported
 * again, refused row by row, undone; accounts that name their package
 * (and make the missing ones), and the day they churned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import-test-support.h"

#define PACKAGES_QUERY \
  "SELECT name, price_cents, currency, services, other_services, version FROM packages " \
  "ORDER BY id"

#define LINKS_QUERY \
  "SELECT a.external_id, a.package, p.name, a.status, a.churned_on FROM accounts AS a " \
  "LEFT JOIN packages AS p ON p.id = a.package_id ORDER BY a.id"

static int
count_rows (OvStore    *store,
            const char *sql)
{
  g_autofree char *text = csv_test_query (store, sql);

  return atoi (text);
}

static void
test_packages (CsvTestStore  *fixture,
               gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *exported = NULL;

  result = csv_test_import (fixture->store, OV_CSV_KIND_PACKAGES,
                            "Package Name,List Price,Currency,Included Services\n"
                            "PREMIUM,\"$18,000\",,Dedicated CSM; training;Hotline\n"
                            "Starter,499.50,eur,onboarding\n"
                            "Essential,,,\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 1, 1, 1, 0);
  rows = csv_test_query (fixture->store, PACKAGES_QUERY);
  g_assert_cmpstr (rows, ==,
                   "Essential|250000|USD|1||1\n"
                   "Guided|750000|USD|5||1\n"
                   "PREMIUM|1800000|USD|6|Hotline|2\n"
                   "Enterprise|4000000|USD|31|Executive business reviews|1\n"
                   "Starter|49950|EUR|1||1\n");

  exported = csv_test_export (fixture->store, OV_CSV_KIND_PACKAGES);
  g_assert_cmpstr (exported, ==,
                   "name,price,currency,services\r\n"
                   "Enterprise,40000,USD,onboarding;dedicated_csm;training;premium_support;"
                   "managed_services;Executive business reviews\r\n"
                   "Essential,2500,USD,onboarding\r\n"
                   "Guided,7500,USD,onboarding;training\r\n"
                   "PREMIUM,18000,USD,dedicated_csm;training;Hotline\r\n"
                   "Starter,499.50,EUR,onboarding\r\n");

  again = csv_test_import (fixture->store, OV_CSV_KIND_PACKAGES, exported, OV_DATE_ORDER_AUTO,
                           FALSE);
  assert_counts (again, 0, 0, 5, 0);
}

static void
test_packages_refused (CsvTestStore  *fixture,
                       gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) missing = NULL;
  g_autofree char *before = csv_test_dump (fixture->store);
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;

  result = csv_test_import (fixture->store, OV_CSV_KIND_PACKAGES,
                            "name,price,currency,services\n"
                            ",100,USD,\n"
                            "Cheap,-5,USD,\n"
                            "Euro,100,EURO,\n"
                            "Mixed,€100,USD,\n"
                            "Lots,abc,USD,\n"
                            "Gold,100,USD,training\n"
                            "GOLD,200,USD,\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 1, 0, 0, 6);
  g_assert_false (ov_import_result_get_applied (result));
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==,
                   "2:1: name: a package needs a name\n"
                   "3:7: price: a package cannot cost less than nothing\n"
                   "4:10: currency: “EURO” is not a three-letter currency code such as USD or "
                   "EUR\n"
                   "5:7: price: the price is in EUR, but the currency column says USD\n"
                   "6:6: price: “abc” is not an amount of money\n"
                   "8:1: name: the package “GOLD” is on an earlier row of this file too\n");
  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);

  missing = csv_test_import (fixture->store, OV_CSV_KIND_PACKAGES, "price\n100\n",
                             OV_DATE_ORDER_AUTO, FALSE);
  g_assert_false (ov_import_result_get_applied (missing));
  g_clear_pointer (&problems, g_free);
  problems = csv_test_problems (missing);
  g_assert_nonnull (strstr (problems, "the file has no name column"));
}

/* Undone, made packages go (unless an account has one since, which takes
 * forcing) and changed ones get their values back. */
static void
test_packages_undo (CsvTestStore  *fixture,
                    gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) accounts_result = NULL;
  g_autoptr(OvUndoPlan) plan = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  gint64 batch;

  result = csv_test_import (fixture->store, OV_CSV_KIND_PACKAGES,
                            "name,price,services\n"
                            "Guided,8000,onboarding;training;premium support\n"
                            "Starter,500,onboarding\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 1, 1, 0, 0);
  batch = ov_import_result_get_batch_id (result);

  accounts_result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                                     "external_id,name,package\nA-1,Acme,starter\n",
                                     OV_DATE_ORDER_AUTO, FALSE);
  g_assert_cmpuint (ov_import_result_get_n_packages_created (accounts_result), ==, 0);

  plan = ov_store_plan_undo_import (fixture->store, batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_edited_created, ==, 1);
  g_assert_cmpuint (plan->n_restore, ==, 1);
  g_assert_false (ov_store_undo_import (fixture->store, batch, NULL, NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  done = ov_store_undo_import_full (fixture->store, batch, OV_UNDO_IMPORT_FORCE, &error);
  g_assert_no_error (error);
  rows = csv_test_query (fixture->store, PACKAGES_QUERY);
  g_assert_cmpstr (rows, ==,
                   "Essential|250000|USD|1||1\n"
                   "Guided|750000|USD|5||3\n"
                   "Premium|1500000|USD|15||1\n"
                   "Enterprise|4000000|USD|31|Executive business reviews|1\n");
  g_clear_pointer (&rows, g_free);
  /* The account lost the package that went, and knows it changed. */
  rows = csv_test_query (fixture->store, "SELECT package, package_id, version FROM accounts");
  g_assert_cmpstr (rows, ==, "|NULL|2\n");
}

/* Accounts name their package in any case; a name no package has makes
 * one, once, counted; undone, the import takes it back. */
static void
test_accounts_name_packages (CsvTestStore  *fixture,
                             gconstpointer  data)
{
  g_autoptr(OvImportResult) dry = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *exported = NULL;
  static const char text[] =
    "external_id,name,package,currency\n"
    "A-1,Acme,premium,USD\n"
    "B-1,Beta, Gold Care ,EUR\n"
    "C-1,Cedar,GOLD CARE,USD\n"
    "D-1,Delta,,USD\n";

  bytes = g_bytes_new_static (text, strlen (text));
  importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes, "crm.csv");
  ov_importer_set_dry_run (importer, TRUE);
  dry = ov_importer_run (importer, fixture->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ov_import_result_get_n_packages_created (dry), ==, 1);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM packages"), ==, 4);

  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, text, OV_DATE_ORDER_AUTO,
                            FALSE);
  assert_counts (result, 4, 0, 0, 0);
  g_assert_cmpuint (ov_import_result_get_n_packages_created (result), ==, 1);
  rows = csv_test_query (fixture->store, LINKS_QUERY);
  g_assert_cmpstr (rows, ==,
                   "A-1|Premium|Premium|0|NULL\n"
                   "B-1|Gold Care|Gold Care|0|NULL\n"
                   "C-1|Gold Care|Gold Care|0|NULL\n"
                   "D-1||NULL|0|NULL\n");
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store, "SELECT name, price_cents, currency FROM packages "
                                         "WHERE name = 'Gold Care'");
  g_assert_cmpstr (rows, ==, "Gold Care|0|EUR\n");

  /* Exported and imported again: nothing to do, nothing made. */
  exported = csv_test_export (fixture->store, OV_CSV_KIND_ACCOUNTS);
  again = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, exported, OV_DATE_ORDER_AUTO,
                           FALSE);
  assert_counts (again, 0, 0, 4, 0);
  g_assert_cmpuint (ov_import_result_get_n_packages_created (again), ==, 0);

  g_assert_true (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (result),
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM packages"), ==, 4);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM accounts"), ==, 0);
}

/* An update moves an account to another package, made if need be; the
 * undo puts the old one back and removes what it made. A row refused
 * (with skip-invalid) makes no package. */
static void
test_accounts_change_package (CsvTestStore  *fixture,
                              gconstpointer  data)
{
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  first = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,package\nA-1,Acme,Guided\nB-1,Beta,Guided\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (first, 2, 0, 0, 0);

  change = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,package,close_date,golive_date\n"
                            "A-1,Platinum,,\n"
                            "B-1,Diamond,2026-02-01,2026-01-01\n",
                            OV_DATE_ORDER_AUTO, TRUE);
  assert_counts (change, 0, 1, 0, 1);
  g_assert_cmpuint (ov_import_result_get_n_packages_created (change), ==, 1);
  rows = csv_test_query (fixture->store, LINKS_QUERY);
  g_assert_cmpstr (rows, ==, "A-1|Platinum|Platinum|0|NULL\nB-1|Guided|Guided|0|NULL\n");
  g_assert_cmpint (count_rows (fixture->store,
                               "SELECT count(*) FROM packages WHERE name = 'Diamond'"), ==, 0);

  g_assert_true (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (change),
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store, LINKS_QUERY);
  g_assert_cmpstr (rows, ==, "A-1|Guided|Guided|0|NULL\nB-1|Guided|Guided|0|NULL\n");
  g_assert_cmpint (count_rows (fixture->store,
                               "SELECT count(*) FROM packages WHERE name = 'Platinum'"), ==, 0);
}

/* churned_on follows the status, on import as on saving. */
static void
test_accounts_churned_on (CsvTestStore  *fixture,
                          gconstpointer  data)
{
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) back = NULL;
  g_autoptr(OvImportResult) refused = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *exported = NULL;

  first = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,status,churned_on\n"
                           "A-1,Acme,churned,\n"
                           "B-1,Beta,churned,2026-01-15\n"
                           "C-1,Cedar,active,\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (first, 3, 0, 0, 0);
  rows = csv_test_query (fixture->store, "SELECT external_id, status, churned_on FROM accounts "
                                         "ORDER BY id");
  /* Today is 2026-03-02 in these tests. */
  g_assert_cmpstr (rows, ==, "A-1|2|2026-03-02\nB-1|2|2026-01-15\nC-1|0|NULL\n");

  exported = csv_test_export (fixture->store, OV_CSV_KIND_ACCOUNTS);
  g_assert_nonnull (strstr (exported, ",churned_on\r\n"));
  g_assert_nonnull (strstr (exported, ",2026-01-15\r\n"));
  again = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, exported, OV_DATE_ORDER_AUTO,
                           FALSE);
  assert_counts (again, 0, 0, 3, 0);

  /* Leaving churned clears the day; staying churned keeps it; churning
   * dates it today. */
  back = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                          "external_id,status\nA-1,active\nB-1,churned\nC-1,churned\n",
                          OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (back, 0, 2, 1, 0);
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store, "SELECT external_id, status, churned_on FROM accounts "
                                         "ORDER BY id");
  g_assert_cmpstr (rows, ==, "A-1|0|NULL\nB-1|2|2026-01-15\nC-1|2|2026-03-02\n");

  before = csv_test_dump (fixture->store);
  refused = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                             "external_id,status,churned_on\n"
                             "A-1,,2026-02-01\n"
                             "B-1,paused,2026-02-01\n"
                             "C-1,churned,2026-02-30\n",
                             OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (refused, 0, 0, 0, 3);
  problems = csv_test_problems (refused);
  g_assert_cmpstr (problems, ==,
                   "2:6: churned_on: the account is not churned: leave churned_on empty, or set "
                   "its status to churned\n"
                   "3:12: churned_on: the account is not churned: leave churned_on empty, or set "
                   "its status to churned\n"
                   "4:13: churned_on: “2026-02-30” is not a real date: February 2026 has only 28 "
                   "days\n");
  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, CsvTestStore, NULL, csv_test_store_set_up, func, csv_test_store_tear_down)

  ADD ("/import/packages", test_packages);
  ADD ("/import/packages/refused", test_packages_refused);
  ADD ("/import/packages/undo", test_packages_undo);
  ADD ("/import/accounts/name-packages", test_accounts_name_packages);
  ADD ("/import/accounts/change-package", test_accounts_change_package);
  ADD ("/import/accounts/churned-on", test_accounts_churned_on);

  return g_test_run ();
}
