/* test-import.c — importing accounts from CSV: mapping, values, upserts,
 * all or nothing, and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Other kinds are in test-import-kinds.c, how an import runs (dry run,
 * preview, cancel, in a thread) in test-importer.c.
 */

#include "config.h"

#include <string.h>

#include "import-test-support.h"
#include "ov-account-list.h"
#include "ov-account-totals.h"
#include "ov-money.h"

static void
test_create (CsvTestStore  *fixture,
             gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *batch = NULL;

  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,name,segment,owner,arr,currency,stage,status,"
                            "close_date,kickoff_date,notes\r\n"
                            "SF-1,Acme Corp,SMB,Priya,\"$1,200.50\",,Kick-off,paused,"
                            "2026-01-15,2026-01-20,\" two  spaces \"\r\n"
                            "SF-2,Globex,Enterprise,Mei,\"1.200,50 €\",,4,,2026-02-01,,\r\n"
                            ",Initech,,,300,gbp,ADOPT,Churned,,,\r\n",
                            OV_DATE_ORDER_AUTO, FALSE);

  g_assert_true (ov_import_result_get_applied (result));
  g_assert_cmpint (ov_import_result_get_batch_id (result), ==, 1);
  assert_counts (result, 3, 0, 0, 0);
  g_assert_cmpuint (ov_import_result_get_n_problems (result), ==, 0);
  g_assert_cmpint (ov_import_result_get_delimiter (result), ==, ',');

  rows = accounts (fixture->store);
  g_assert_cmpstr (rows, ==,
                   "SF-1|Acme Corp|SMB|Priya||120050|USD|3|1|2026-01-15|2026-01-20|NULL|NULL|||"
                   " two  spaces \n"
                   "SF-2|Globex|Enterprise|Mei||120050|EUR|4|0|2026-02-01|NULL|NULL|NULL|||\n"
                   "NULL|Initech||||30000|GBP|4|2|NULL|NULL|NULL|NULL|||\n");

  batch = csv_test_query (fixture->store,
                          "SELECT id, kind, source, n_created, n_updated, n_unchanged, n_rejected, "
                          "first_created_id, last_created_id, undone_at FROM import_batches");
  g_assert_cmpstr (batch, ==, "1|accounts|test.csv|3|0|0|0|1|3|NULL\n");
}

/* Exports of Salesforce and HubSpot, with their column names, US dates
 * and amounts written for people. */
static void
test_crm_exports (CsvTestStore  *fixture,
                  gconstpointer  data)
{
  g_autoptr(OvImportResult) salesforce = NULL;
  g_autoptr(OvImportResult) hubspot = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *problems = NULL;

  salesforce = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                                "\"Account ID\",\"Account Name\",\"Account Owner\",\"Annual Revenue\","
                                "\"Close Date\",\"Type\",\"Billing City\"\n"
                                "\"0015g00000A1\",\"Northwind Traders\",\"Jane Roe\",\"$250,000.00\","
                                "\"3/14/2026\",\"Customer - Direct\",\"Seattle\"\n"
                                "\"0015g00000A2\",\"Contoso\",\"John Doe\",\"80000\","
                                "\"1/2/2026\",\"Customer - Channel\",\"Austin\"\n",
                                OV_DATE_ORDER_AUTO, FALSE);
  problems = csv_test_problems (salesforce);
  g_assert_cmpstr (problems, ==,
                   "1:75: warning: 2 columns are not imported, as no field of accounts has "
                   "their names: “Type”, “Billing City”\n");
  assert_counts (salesforce, 2, 0, 0, 0);
  g_assert_cmpuint (ov_import_result_get_n_warnings (salesforce), ==, 1);
  g_assert_cmpuint (ov_import_result_get_n_errors (salesforce), ==, 0);

  hubspot = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                             "Record ID;Company name;Company owner;Annual Revenue;Close Date;"
                             "Lifecycle Stage\n"
                             "9001;Fabrikam;Ana Lima;1.500.000,00 €;25.12.2025;customer\n"
                             "9002;northwind traders;Ana Lima;;01.01.2026;customer\n",
                             OV_DATE_ORDER_AUTO, FALSE);
  /* Lifecycle Stage says how far a sale got: no segment. */
  g_assert_cmpuint (ov_import_result_get_n_problems (hubspot), ==, 1);
  g_assert_cmpint (ov_import_result_get_delimiter (hubspot), ==, ';');
  /* 9002 is new to Overture, but Northwind has an external id already: a
   * different company of the same name. */
  assert_counts (hubspot, 2, 0, 0, 0);

  rows = csv_test_query (fixture->store,
                         "SELECT external_id, name, owner, arr_cents, currency, close_date, segment "
                         "FROM accounts ORDER BY id");
  g_assert_cmpstr (rows, ==,
                   "0015g00000A1|Northwind Traders|Jane Roe|25000000|USD|2026-03-14|\n"
                   "0015g00000A2|Contoso|John Doe|8000000|USD|2026-01-02|\n"
                   "9001|Fabrikam|Ana Lima|150000000|EUR|2025-12-25|\n"
                   "9002|northwind traders|Ana Lima|NULL|USD|2026-01-01|\n");
}

/* A 63-column Salesforce Account export: Type (Customer - Direct,
 * Prospect, Partner) says how far a sale got and fills no segment; an
 * empty AnnualRevenue is no amount: a new account's ARR is unknown (NULL,
 * never 0), the account list shows it as a dash, its totals leave it out
 * and count it apart; an update leaves the stored ARR alone. */
static void
test_salesforce_export (CsvTestStore  *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = ov_test_fixture_path ("csv", "ui", "salesforce-account-export.csv",
                                                NULL);
  g_autofree char *contents = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *segments = NULL;
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(OvAccountList) list = ov_account_list_new ();
  g_autoptr(GArray) totals = NULL;
  guint n_without_arr = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  first = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, contents,
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (first, 20, 0, 0, 0);
  g_assert_cmpuint (ov_import_result_get_n_errors (first), ==, 0);

  segments = csv_test_query (fixture->store,
                             "SELECT count(*), count(NULLIF(segment, '')) FROM accounts");
  g_assert_cmpstr (segments, ==, "20|0\n");
  rows = csv_test_query (fixture->store,
                         "SELECT external_id, arr_cents, currency FROM accounts "
                         "WHERE name IN ('Brightwater Freight GmbH', 'Ostrander Dental Group', "
                         "'Nordlicht Energie AG') ORDER BY id");
  g_assert_cmpstr (rows, ==,
                   "0015g00000Q001AAC|31050000|EUR\n"
                   "0015g00000Q003AAC|NULL|USD\n"
                   "0015g00000Q008AAC|NULL|GBP\n");
  g_clear_pointer (&rows, g_free);

  /* Four rows have no AnnualRevenue: the sums per currency are those of
   * the other sixteen (added up from the file by hand), and the four are
   * counted apart. */
  accounts = ov_store_list_accounts (fixture->store, &error);
  g_assert_no_error (error);
  ov_account_list_set_accounts (list, accounts);
  totals = ov_account_totals_arr (list, &n_without_arr);
  g_assert_cmpuint (n_without_arr, ==, 4);
  g_assert_cmpuint (totals->len, ==, 4);
  for (guint i = 0; i < totals->len; i++)
    {
      const OvArrTotal *total = &g_array_index (totals, OvArrTotal, i);
      gint64 expected = g_str_equal (total->currency, "EUR") ? 261550000
                        : g_str_equal (total->currency, "GBP") ? 324000000
                        : g_str_equal (total->currency, "NOK") ? 39550000
                        : g_str_equal (total->currency, "USD") ? 206500000 : -1;

      g_test_message ("%s", total->currency);
      g_assert_cmpint (total->arr_cents, ==, expected);
    }
  for (guint i = 0; i < accounts->len; i++)
    if (g_str_equal (ov_account_get_name (accounts->pdata[i]), "Ostrander Dental Group"))
      {
        g_autofree char *shown = NULL;

        g_object_get (accounts->pdata[i], "arr-text", &shown, NULL);
        g_assert_false (ov_account_has_arr (accounts->pdata[i]));
        g_assert_cmpstr (shown, ==, "—");
      }

  /* Once the ARR is known, a file without it does not wipe it. */
  g_free (csv_test_query (fixture->store,
                          "UPDATE accounts SET arr_cents = 4200000 "
                          "WHERE external_id = '0015g00000Q003AAC'"));
  again = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "Id,Name,AnnualRevenue\n"
                           "0015g00000Q003AAC,Ostrander Dental Group,\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (again, 0, 0, 1, 0);
  rows = csv_test_query (fixture->store,
                         "SELECT arr_cents FROM accounts WHERE external_id = '0015g00000Q003AAC'");
  g_assert_cmpstr (rows, ==, "4200000\n");
}

static void
test_upsert (CsvTestStore  *fixture,
             gconstpointer  data)
{
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autoptr(OvImportResult) changed = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *events = NULL;

  first = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,owner,stage\n"
                           "A-1,Acme,Priya,embark\n"
                           ",Globex,Mei,handoff\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (first, 2, 0, 0, 0);

  again = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,owner,stage\n"
                           "A-1,Acme,Priya,embark\n"
                           ",GLOBEX,Mei,handoff\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  /* Globex matched by name; the new case of the name is an update. */
  assert_counts (again, 0, 1, 1, 0);

  /* Only the columns in the file change; Globex gets an external id. */
  changed = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                             "name,external_id,stage\n"
                             "Acme,A-1,adopt\n"
                             "globex,G-7,handoff\n"
                             "Hooli,H-1,review\n",
                             OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (changed, 1, 2, 0, 0);

  rows = csv_test_query (fixture->store,
                         "SELECT id, external_id, name, owner, stage, import_batch_id FROM accounts "
                         "ORDER BY id");
  g_assert_cmpstr (rows, ==,
                   "1|A-1|Acme|Priya|4|1\n"
                   "2|G-7|globex|Mei|2|1\n"
                   "3|H-1|Hooli||5|3\n");

  /* A new account enters its stage, and a stage change is an event of
   * the import too, dated today. */
  events = csv_test_query (fixture->store,
                           "SELECT account_id, stage, from_stage, happened_on, import_batch_id "
                           "FROM stage_events ORDER BY id");
  g_assert_cmpstr (events, ==,
                   "1|1|NULL|2026-03-02|1\n"
                   "2|2|NULL|2026-03-02|1\n"
                   "1|4|1|2026-03-02|3\n"
                   "3|5|NULL|2026-03-02|3\n");
}

static void
test_refused (CsvTestStore  *fixture,
              gconstpointer  data)
{
  g_autoptr(OvImportResult) seed = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;

  seed = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                          "external_id,name,arr\nA-1,Acme,100\n", OV_DATE_ORDER_AUTO, FALSE);
  before = csv_test_dump (fixture->store);

  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,name,arr,stage,close_date,golive_date,currency\n"
                            "A-1,Acme,200,,,,\n"
                            "B-1,Beta,-5,,,,\n"
                            "B-2,,10,launch,2026-02-30,,\n"
                            "B-3,Gamma,€10,,2026-02-01,2026-01-01,USD\n"
                            "B-4,Delta,1,,,,dollars\n"
                            "B-5,Epsilon,2,,,\n"
                            "A-1,Acme again,3,,,,\n",
                            OV_DATE_ORDER_AUTO, FALSE);

  g_assert_false (ov_import_result_get_applied (result));
  g_assert_cmpint (ov_import_result_get_batch_id (result), ==, 0);
  assert_counts (result, 0, 1, 0, 6);
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==,
                   "3:10: arr: annual recurring revenue cannot be negative\n"
                   "4:9: stage: “launch” is not a stage; use Embark, Handoff, Kickoff, Adopt, "
                   "Review, Expand or their number 1–6\n"
                   "4:16: close_date: “2026-02-30” is not a real date: February 2026 has only "
                   "28 days\n"
                   "5:11: arr: the amount is in EUR, but the currency column says USD\n"
                   "5:27: golive_date: 2026-01-01 is before the close date 2026-02-01\n"
                   "6:16: currency: “dollars” is not a three-letter currency code such as USD "
                   "or EUR\n"
                   "7:17: this row has 6 fields, but the header names 7 columns\n"
                   "8:1: external_id: the external ID “A-1” is on an earlier row of this file "
                   "too\n");

  /* Nothing changed, not even the batch counter. */
  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* The same record on two rows is refused even when the first of them
 * changes nothing: which of the two to believe cannot be told. */
static void
test_twice_unchanged (CsvTestStore  *fixture,
                      gconstpointer  data)
{
  static const struct {
    OvCsvKind   kind;
    const char *seed;
    const char *text;
    const char *problems;
  } cases[] = {
    { OV_CSV_KIND_ACCOUNTS,
      "external_id,name,arr\nA-1,Acme,100\n,Globex,5\n",
      "external_id,name,arr\nA-1,Acme,100\nA-1,Acme,250\n,Globex,5\n,globex,7\n",
      "3:1: external_id: the external ID “A-1” is on an earlier row of this file too\n"
      "5:2: name: the account “globex” is on an earlier row of this file too\n" },
    { OV_CSV_KIND_PEOPLE,
      "account_external_id,name,email\nA-1,Ada,ada@acme.test\n",
      "account_external_id,name,email\nA-1,Ada,ada@acme.test\nA-1,Ada Lovelace,ada@acme.test\n",
      "3:5: name: this person is on an earlier row of this file too\n" },
    { OV_CSV_KIND_TASKS,
      "account_external_id,stage,title\nA-1,kickoff,Book the room\n",
      "account_external_id,stage,title,due_date\n"
      "A-1,kickoff,Book the room,\nA-1,kickoff,Book the room,2026-04-01\n",
      "3:13: title: this task is on an earlier row of this file too\n" },
    { OV_CSV_KIND_METRICS,
      "account_external_id,metric,value,date\nA-1,active_users,10,2026-01-05\n",
      "account_external_id,metric,value,date\n"
      "A-1,active_users,10,2026-01-05\nA-1,active_users,12,2026-01-05\n",
      "3:5: metric: this measurement is on an earlier row of this file too\n" },
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvImportResult) seed = csv_test_import (fixture->store, cases[i].kind,
                                                        cases[i].seed, OV_DATE_ORDER_AUTO, FALSE);

      g_assert_true (ov_import_result_get_applied (seed));
    }
  before = csv_test_dump (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvImportResult) result = csv_test_import (fixture->store, cases[i].kind,
                                                          cases[i].text, OV_DATE_ORDER_AUTO,
                                                          FALSE);
      g_autofree char *problems = csv_test_problems (result);

      g_assert_false (ov_import_result_get_applied (result));
      g_assert_cmpstr (problems, ==, cases[i].problems);
    }

  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_skip_invalid (CsvTestStore  *fixture,
                   gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *problems = NULL;

  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,name\nA-1,Acme\nA-2,\nA-1,Again\nA-3,Third\n",
                            OV_DATE_ORDER_AUTO, TRUE);

  g_assert_true (ov_import_result_get_applied (result));
  assert_counts (result, 2, 0, 0, 2);
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==,
                   "3:5: name: a new account needs a name\n"
                   "4:1: external_id: the external ID “A-1” is already used by another account "
                   "or an earlier row\n");

  rows = csv_test_query (fixture->store, "SELECT external_id, name FROM accounts ORDER BY id");
  g_assert_cmpstr (rows, ==, "A-1|Acme\nA-3|Third\n");
}

/* Only the first 100 errors are listed; all are counted. */
static void
test_error_cap (CsvTestStore  *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("name,arr\n");
  g_autoptr(OvImportResult) result = NULL;
  const OvCsvProblem *last;

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (text, "Account %u,lots\n", i);

  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, text->str,
                            OV_DATE_ORDER_AUTO, FALSE);
  g_assert_cmpuint (ov_import_result_get_n_errors (result), ==, 250);
  g_assert_cmpuint (ov_import_result_get_n_problems (result), ==, 100);
  last = ov_import_result_get_problem (result, 99);
  g_assert_cmpuint (last->line, ==, 101);
  g_assert_cmpuint (last->column, ==, 12);
  g_assert_cmpstr (last->message, ==, "arr: “lots” is not an amount of money");
}

/* Many rows: batches of new accounts, written by another thread, with a
 * repeated external id deep inside. */
static void
test_many_rows (CsvTestStore  *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("external_id,name,close_date\n");
  g_autoptr(OvImportResult) refused = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *count = NULL;
  g_autofree char *before = csv_test_dump (fixture->store);
  g_autofree char *after = NULL;

  for (guint i = 1; i <= 5000; i++)
    g_string_append_printf (text, "X-%u,Account %u,2026-01-%02u\n", i == 4321 ? 17 : i, i,
                            1 + i % 28);

  refused = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, text->str,
                             OV_DATE_ORDER_AUTO, FALSE);
  problems = csv_test_problems (refused);
  g_assert_cmpstr (problems, ==,
                   "4322:1: external_id: the external ID “X-17” is already used by another "
                   "account or an earlier row\n");
  assert_counts (refused, 4999, 0, 0, 1);
  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);

  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, text->str,
                            OV_DATE_ORDER_AUTO, TRUE);
  assert_counts (result, 4999, 0, 0, 1);
  count = csv_test_query (fixture->store,
                          "SELECT count(*), min(id), max(id), count(DISTINCT external_id) "
                          "FROM accounts WHERE import_batch_id = 1");
  g_assert_cmpstr (count, ==, "4999|1|4999|4999\n");
}

static void
test_date_order (CsvTestStore  *fixture,
                 gconstpointer  data)
{
  const char *ambiguous = "name,close_date\nA,03/04/2026\nB,05/06/2026\n";
  /* The 13 in line 4 shows the column is day first: lines 2 and 3 too. */
  const char *decided = "name,close_date,kickoff_date\nA,03/04/2026,\nB,05/06/2026,"
                        "07/08/2026\nC,13/04/2026,07/13/2026\n";
  const char *mixed = "name,close_date\nA,13/04/2026\nB,04/13/2026\nC,01/02/2026\n";
  g_autoptr(OvImportResult) refused = NULL;
  g_autoptr(OvImportResult) chosen = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) conflict = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *conflict_problems = NULL;
  g_autofree char *rows = NULL;

  refused = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, ambiguous,
                             OV_DATE_ORDER_AUTO, FALSE);
  problems = csv_test_problems (refused);
  g_assert_cmpstr (problems, ==,
                   "2:3: close_date: “03/04/2026” could be day/month/year or month/day/year, "
                   "and no date in this column tells which; choose the date order\n"
                   "3:3: close_date: “05/06/2026” could be day/month/year or month/day/year, "
                   "and no date in this column tells which; choose the date order\n");
  g_assert_true (ov_import_result_needs_date_order (refused));

  chosen = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, ambiguous,
                            OV_DATE_ORDER_MDY, FALSE);
  assert_counts (chosen, 2, 0, 0, 0);

  /* Each column decides for itself: close dates are D/M/Y, kickoff M/D/Y. */
  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, decided,
                            OV_DATE_ORDER_AUTO, FALSE);
  g_assert_cmpuint (ov_import_result_get_n_problems (result), ==, 0);
  assert_counts (result, 1, 2, 0, 0);
  rows = csv_test_query (fixture->store,
                         "SELECT name, close_date, kickoff_date FROM accounts ORDER BY id");
  g_assert_cmpstr (rows, ==,
                   "A|2026-04-03|NULL\n"
                   "B|2026-06-05|2026-07-08\n"
                   "C|2026-04-13|2026-07-13\n");

  conflict = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, mixed,
                              OV_DATE_ORDER_AUTO, FALSE);
  conflict_problems = csv_test_problems (conflict);
  g_assert_cmpstr (conflict_problems, ==,
                   "2:3: close_date: the dates of this column are not all in one order: line 2 "
                   "has “13/04/2026” (day/month/year) and line 3 has “04/13/2026” "
                   "(month/day/year); choose the date order\n"
                   "3:3: close_date: the dates of this column are not all in one order: line 2 "
                   "has “13/04/2026” (day/month/year) and line 3 has “04/13/2026” "
                   "(month/day/year); choose the date order\n"
                   "4:3: close_date: the dates of this column are not all in one order: line 2 "
                   "has “13/04/2026” (day/month/year) and line 3 has “04/13/2026” "
                   "(month/day/year); choose the date order\n");
}

static void
test_columns (CsvTestStore  *fixture,
              gconstpointer  data)
{
  g_autoptr(OvImportResult) missing = NULL;
  g_autoptr(OvImportResult) twice = NULL;
  g_autoptr(OvImportResult) people = NULL;
  g_autofree char *missing_problems = NULL;
  g_autofree char *twice_problems = NULL;
  g_autofree char *people_problems = NULL;

  missing = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                             "\n\nowner,arr\nPriya,10\n", OV_DATE_ORDER_AUTO, FALSE);
  missing_problems = csv_test_problems (missing);
  g_assert_cmpstr (missing_problems, ==,
                   "3:1: the file has neither a name nor an external_id column: one of them is "
                   "needed to know which account a row is\n");
  g_assert_false (ov_import_result_get_applied (missing));

  twice = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "Name,Account Name,Phone\nA,B,555\n", OV_DATE_ORDER_AUTO, FALSE);
  twice_problems = csv_test_problems (twice);
  g_assert_cmpstr (twice_problems, ==,
                   "1:6: the columns “Name” and “Account Name” both hold name; leave one of "
                   "them out\n"
                   "1:19: warning: the column “Phone” is not imported: no field of accounts has "
                   "that name\n");
  assert_counts (twice, 0, 0, 0, 0);

  people = csv_test_import (fixture->store, OV_CSV_KIND_PEOPLE,
                            "name,email\nAda,ada@example.com\n", OV_DATE_ORDER_AUTO, FALSE);
  people_problems = csv_test_problems (people);
  g_assert_cmpstr (people_problems, ==,
                   "1:1: the file has neither an account nor an account_external_id column: "
                   "each row must say which account it belongs to\n");
}

static void
test_undo (CsvTestStore  *fixture,
           gconstpointer  data)
{
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) second = NULL;
  g_autoptr(OvImportResult) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *undone = NULL;
  guint removed = 0, restored = 0;

  first = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,owner,stage\nA-1,Acme,Priya,embark\nB-1,Beta,Mei,2\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  after_first = accounts (fixture->store);

  second = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,name,owner,stage\nA-1,Acme,Tomás,adopt\nC-1,Gamma,Mei,1\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (second, 1, 1, 0, 0);

  /* The first import cannot go while the second changed its rows. */
  g_assert_false (ov_store_undo_import (fixture->store, 1, NULL, NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Import 2 changed or added to what import 1 brought in; undo import 2 "
                   "first.");
  g_clear_error (&error);

  g_assert_true (ov_store_undo_import (fixture->store, 2, &removed, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (restored, ==, 1);
  rows = accounts (fixture->store);
  g_assert_cmpstr (rows, ==, after_first);
  undone = csv_test_query (fixture->store,
                          "SELECT count(*) FROM stage_events WHERE import_batch_id = 2");
  g_assert_cmpstr (undone, ==, "0\n");

  g_assert_false (ov_store_undo_import (fixture->store, 2, NULL, NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "Import 2 was already undone ("));
  g_clear_error (&error);

  g_assert_false (ov_store_undo_import (fixture->store, 9, NULL, NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no import number 9.");
  g_clear_error (&error);

  /* Now the first one can go, and takes everything it made. */
  g_assert_true (ov_store_undo_import (fixture->store, 1, &removed, &restored, &error));
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpuint (restored, ==, 0);
  g_clear_pointer (&rows, g_free);
  rows = accounts (fixture->store);
  g_assert_cmpstr (rows, ==, "");

  /* An account made by hand in between is not taken by an undo. */
  third = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, "name\nZeta\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  g_assert_cmpint (ov_import_result_get_batch_id (third), ==, 3);
  {
    g_autoptr(OvAccount) handmade = ov_account_new ();
    g_autofree char *zeta = csv_test_query (fixture->store,
                                            "SELECT id FROM accounts WHERE name = 'Zeta'");
    g_autofree char *handmade_id = NULL;

    /* Zeta deleted in the app and gone for good at the next start; an
     * account made by hand then does not get its id. */
    g_autoptr(OvAccount) stored = ov_store_get_account (fixture->store,
                                                        g_ascii_strtoll (zeta, NULL, 10), &error);

    g_assert_no_error (error);
    g_assert_true (ov_store_delete_account (fixture->store, stored, &error));
    g_free (csv_test_query (fixture->store, "DELETE FROM accounts WHERE deleted_at IS NOT NULL"));
    ov_account_set_name (handmade, "Handmade");
    g_assert_true (ov_store_save_account (fixture->store, handmade, &error));
    g_assert_no_error (error);
    handmade_id = csv_test_query (fixture->store,
                                  "SELECT id FROM accounts WHERE name = 'Handmade'");
    g_assert_cmpstr (handmade_id, !=, zeta);

    g_assert_true (ov_store_undo_import (fixture->store, 3, &removed, &restored, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (removed, ==, 0);
    g_assert_cmpuint (restored, ==, 0);
    g_clear_pointer (&rows, g_free);
    rows = csv_test_query (fixture->store, "SELECT name FROM accounts");
    g_assert_cmpstr (rows, ==, "Handmade\n");
  }
}

/* An ARR nobody knows round-trips: an empty cell makes it unknown, an
 * import that sets it is undone back to unknown (not 0), the export
 * writes an empty cell for it and importing that export changes nothing. */
static void
test_unknown_arr_round_trip (CsvTestStore  *fixture,
                             gconstpointer  data)
{
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) priced = NULL;
  g_autoptr(OvImportResult) back = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  first = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,arr,currency\n"
                           "A-1,Acme,,EUR\n"
                           "A-2,Globex,0,USD\n"
                           "A-3,Hooli,1200.50,USD\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (first, 3, 0, 0, 0);
  rows = csv_test_query (fixture->store, "SELECT external_id, arr_cents FROM accounts ORDER BY id");
  g_assert_cmpstr (rows, ==, "A-1|NULL\nA-2|0\nA-3|120050\n");
  g_clear_pointer (&rows, g_free);

  /* The export: an empty cell for the unknown one, 0 for the zero. */
  exported = csv_test_export (fixture->store, OV_CSV_KIND_ACCOUNTS);
  g_assert_nonnull (strstr (exported, "A-1,Acme,,,,,EUR,"));
  g_assert_nonnull (strstr (exported, "A-2,Globex,,,,0,USD,"));

  /* An update gives it an amount; undone, it is unknown again. */
  priced = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,arr\nA-1,5000\n", OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (priced, 0, 1, 0, 0);
  rows = csv_test_query (fixture->store, "SELECT arr_cents FROM accounts WHERE external_id = 'A-1'");
  g_assert_cmpstr (rows, ==, "500000\n");
  g_assert_true (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (priced),
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  undone = csv_test_query (fixture->store,
                           "SELECT external_id, arr_cents FROM accounts ORDER BY id");
  g_assert_cmpstr (undone, ==, "A-1|NULL\nA-2|0\nA-3|120050\n");

  /* The export read back: nothing changes, the unknown stays unknown. */
  back = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, exported,
                          OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (back, 0, 0, 3, 0);
  after = csv_test_query (fixture->store, "SELECT external_id, arr_cents FROM accounts ORDER BY id");
  g_assert_cmpstr (after, ==, undone);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, CsvTestStore, NULL, csv_test_store_set_up, func, csv_test_store_tear_down)

  ADD ("/import/create", test_create);
  ADD ("/import/crm-exports", test_crm_exports);
  ADD ("/import/salesforce-export", test_salesforce_export);
  ADD ("/import/upsert", test_upsert);
  ADD ("/import/refused", test_refused);
  ADD ("/import/twice-unchanged", test_twice_unchanged);
  ADD ("/import/skip-invalid", test_skip_invalid);
  ADD ("/import/error-cap", test_error_cap);
  ADD ("/import/many-rows", test_many_rows);
  ADD ("/import/date-order", test_date_order);
  ADD ("/import/columns", test_columns);
  ADD ("/import/undo", test_undo);
  ADD ("/import/unknown-arr", test_unknown_arr_round_trip);

  return g_test_run ();
}
