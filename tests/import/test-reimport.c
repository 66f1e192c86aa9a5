/* test-reimport.c — importing a file again onto the accounts it made: rows
 * the in-memory index shows unchanged, and all the others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is also checked against a preview of the same file, which
 * never uses the index: both must count every row alike and report the
 * same problems.
 */

#include "config.h"

#include <string.h>

#include "import-test-support.h"
#include "ov-importer-private.h"

#define N_SEED 40

#define HEADER \
  "external_id,name,segment,owner,sales_owner,arr,currency,stage,status,close_date," \
  "kickoff_date,golive_date,first_value_date,first_value_milestone,package,notes\n"

#define STORED \
  "SELECT id, external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, " \
  "status, close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, " \
  "package, notes, updated_at, version FROM accounts ORDER BY id"

static const char * const stages[] = { "embark", "Handoff", "3", "adopt", "review", "expand" };
static const char * const statuses[] = { "active", "paused", "churned" };

/* Row @i of the seed file, with @owner instead of its own when not NULL. */
static void
append_row (GString    *text,
            guint       i,
            const char *owner)
{
  g_autofree char *own = g_strdup_printf ("Owner %u", i % 7);

  g_string_append_printf (text,
                          "CRM-%04u,\"Company %u, Inc.\",%s,%s,Sales %u,%u%s,%s,%s,%s,"
                          "%s,%s,%s,,%s,%s,%s\n",
                          i, i, i % 2 ? "SMB" : "Enterprise", owner ? owner : own, i % 3,
                          1000 + i * 250, i % 4 == 0 ? ".50" : "", i % 5 == 0 ? "eur" : "USD",
                          stages[i % 6], statuses[i % 3],
                          i % 3 == 0 ? "" : "2026-01-15",
                          i % 3 == 0 ? "" : "2026-01-20",
                          i % 6 == 1 ? "2026-02-01" : "",
                          i % 2 ? "First invoice" : "",
                          i % 8 == 0 ? "Premium" : "Standard",
                          i == 3 ? "\"Says \"\"hi\"\", in Zürich\"" : i == 4 ? "'=1+2" : "");
}

static char *
seed_text (void)
{
  GString *text = g_string_new (HEADER);

  for (guint i = 1; i <= N_SEED; i++)
    append_row (text, i, NULL);

  return g_string_free (text, FALSE);
}

/* Imports @text, after checking that a preview of it (which never uses the
 * index) counts and reports the same. */
static OvImportResult *
reimport (OvStore    *store,
          const char *text,
          gboolean    skip_invalid)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(OvImporter) importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes,
                                                              "test.csv");
  g_autoptr(OvImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *problems = NULL;
  OvImportResult *previewed;
  OvImportResult *result;

  preview = ov_importer_preview (importer, store, 100000, NULL, &error);
  g_assert_no_error (error);
  previewed = ov_import_preview_get_result (preview);

  result = csv_test_import (store, OV_CSV_KIND_ACCOUNTS, text, OV_DATE_ORDER_AUTO, skip_invalid);
  assert_counts (result, ov_import_result_get_n_created (previewed),
                 ov_import_result_get_n_updated (previewed),
                 ov_import_result_get_n_unchanged (previewed),
                 ov_import_result_get_n_rejected (previewed));
  expected = csv_test_problems (previewed);
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==, expected);

  return result;
}

static void
seed (CsvTestStore *fixture)
{
  g_autofree char *text = seed_text ();
  g_autoptr(OvImportResult) result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, text,
                                                      OV_DATE_ORDER_AUTO, FALSE);

  assert_counts (result, N_SEED, 0, 0, 0);
  g_assert_cmpuint (ov_import_result_get_n_problems (result), ==, 0);
}

static void
test_unchanged (CsvTestStore  *fixture,
                gconstpointer  data)
{
  g_autofree char *text = seed_text ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(OvImportResult) result = NULL;

  seed (fixture);
  before = csv_test_query (fixture->store, STORED);

  result = reimport (fixture->store, text, FALSE);
  assert_counts (result, 0, 0, N_SEED, 0);

  after = csv_test_query (fixture->store, STORED);
  g_assert_cmpstr (after, ==, before);
}

/* Exactly the changed rows are written, with only their changed columns,
 * a backup each, and a version more; undo takes them back. */
static void
test_some_changed (CsvTestStore  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *backups = NULL;
  g_autofree char *events = NULL;
  guint removed = 0, restored = 0;

  seed (fixture);
  before = csv_test_query (fixture->store,
                           "SELECT id, external_id, name, segment, owner, sales_owner, arr_cents, "
                           "currency, stage, status, close_date, kickoff_date, golive_date, "
                           "first_value_date, first_value_milestone, package, notes, updated_at "
                           "FROM accounts ORDER BY id");

  for (guint i = 1; i <= N_SEED; i++)
    {
      if (i == 5)
        g_string_append (text, "CRM-0005,\"Company 5, Inc.\",SMB,Owner 5,Sales 2,2251,eur,"
                               "3,paused,2026-01-15,2026-01-20,,,First invoice,Standard,\n");
      else if (i == 8)
        g_string_append (text, "CRM-0008,\"Company 8, Inc.\",Enterprise,Owner 1,Sales 2,3000.50,"
                               "USD,expand,paused,2026-01-15,2026-01-20,,2026-03-01,,"
                               "Premium,\n");
      else
        append_row (text, i, i == 3 || i == 17 || i == 29 ? "Changed Owner" : NULL);
    }

  result = reimport (fixture->store, text->str, FALSE);
  assert_counts (result, 0, 5, N_SEED - 5, 0);

  changed = csv_test_query (fixture->store,
                            "SELECT id, owner, arr_cents, stage, first_value_date, version "
                            "FROM accounts WHERE version > 1 ORDER BY id");
  g_assert_cmpstr (changed, ==,
                   "3|Changed Owner|175000|4|NULL|2\n"
                   "5|Owner 5|225100|3|NULL|2\n"
                   "8|Owner 1|300050|6|2026-03-01|2\n"
                   "17|Changed Owner|525000|6|NULL|2\n"
                   "29|Changed Owner|825000|6|NULL|2\n");
  backups = csv_test_query (fixture->store,
                            "SELECT batch_id, row_id, json_extract (old_row, '$.owner'), "
                            "json_extract (old_row, '$.arr_cents') FROM import_backups "
                            "ORDER BY row_id");
  g_assert_cmpstr (backups, ==,
                   "2|3|Owner 3|175000\n"
                   "2|5|Owner 5|225000\n"
                   "2|8|Owner 1|300050\n"
                   "2|17|Owner 3|525000\n"
                   "2|29|Owner 1|825000\n");
  /* Row 5 went from expand to kickoff, row 8 from kickoff to expand. */
  events = csv_test_query (fixture->store,
                           "SELECT account_id, stage, from_stage FROM stage_events "
                           "WHERE import_batch_id = 2 ORDER BY id");
  g_assert_cmpstr (events, ==, "5|3|6\n8|6|3\n");

  g_assert_true (ov_store_undo_import (fixture->store, 2, &removed, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (restored, ==, 5);
  after = csv_test_query (fixture->store,
                          "SELECT id, external_id, name, segment, owner, sales_owner, arr_cents, "
                          "currency, stage, status, close_date, kickoff_date, golive_date, "
                          "first_value_date, first_value_milestone, package, notes, updated_at "
                          "FROM accounts ORDER BY id");
  g_assert_cmpstr (after, ==, before);
}

/* A file with some of the columns compares those only. */
static void
test_subset (CsvTestStore  *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("owner,external_id,stage\n");
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *rows = NULL;

  seed (fixture);

  for (guint i = 1; i <= N_SEED; i++)
    g_string_append_printf (text, "%s,CRM-%04u,%s\n", i == 12 ? "Ana" : "Owner 0", i,
                            stages[i % 6]);
  result = reimport (fixture->store, text->str, FALSE);
  /* Owner i % 7: rows 7, 14, 21, 28 and 35 have Owner 0 already. */
  assert_counts (result, 0, N_SEED - 5, 5, 0);

  rows = csv_test_query (fixture->store,
                         "SELECT owner, name, arr_cents, version FROM accounts WHERE id IN (7, 12)");
  g_assert_cmpstr (rows, ==, "Owner 0|Company 7, Inc.|275000|1\n"
                             "Ana|Company 12, Inc.|400050|2\n");
}

/* Empty stage, status, currency and ARR cells keep the stored values: the
 * row then compares on what it gives. */
static void
test_empty_keeps (CsvTestStore  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *rows = NULL;

  seed (fixture);

  for (guint i = 1; i <= N_SEED; i++)
    {
      if (i == 2)
        g_string_append (text, "CRM-0002,\"Company 2, Inc.\",Enterprise,Owner 2,Sales 2,,,,,"
                               "2026-01-15,2026-01-20,,,,Standard,\n");
      else if (i == 9)
        g_string_append (text, "CRM-0009,\"Company 9, Inc.\",SMB,Changed Owner,Sales 0,,,,,"
                               ",,,,First invoice,Standard,\n");
      else
        append_row (text, i, NULL);
    }

  result = reimport (fixture->store, text->str, FALSE);
  assert_counts (result, 0, 1, N_SEED - 1, 0);

  rows = csv_test_query (fixture->store,
                         "SELECT name, owner, arr_cents, currency, stage, status, version "
                         "FROM accounts WHERE id IN (2, 9)");
  g_assert_cmpstr (rows, ==, "Company 2, Inc.|Owner 2|150000|USD|3|2|1\n"
                             "Company 9, Inc.|Changed Owner|325000|USD|4|0|2\n");
}

/* The same account on two rows is refused, whichever way the first row
 * named it and whether or not it changed it. */
static void
test_twice (CsvTestStore  *fixture,
            gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *problems = NULL;

  seed (fixture);

  for (guint i = 1; i <= N_SEED; i++)
    {
      if (i == 6)
        append_row (text, i, "Changed Owner");
      else if (i == 10)
        {
          g_autoptr(GString) row = g_string_new (NULL);

          /* By its name, without an external id */
          append_row (row, i, NULL);
          g_string_append (text, row->str + strlen ("CRM-0010"));
        }
      else
        append_row (text, i, NULL);
    }
  /* The same row again; 6 as it was before the earlier row changed it;
   * 10, named by its name earlier. */
  append_row (text, 2, NULL);
  append_row (text, 6, NULL);
  append_row (text, 10, NULL);

  result = reimport (fixture->store, text->str, TRUE);
  assert_counts (result, 0, 1, N_SEED - 1, 3);
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==,
                   "42:1: external_id: the external ID “CRM-0002” is on an earlier row of this "
                   "file too\n"
                   "43:1: external_id: the external ID “CRM-0006” is on an earlier row of this "
                   "file too\n"
                   "44:1: external_id: the external ID “CRM-0010” is on an earlier row of this "
                   "file too\n");
}

/* Rows without an external id are found by name; rows with an unknown one
 * make accounts, even with the very values of another account. */
static void
test_other_ids (CsvTestStore  *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *rows = NULL;

  seed (fixture);

  for (guint i = 1; i <= N_SEED; i++)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      append_row (row, i, NULL);
      if (i == 11)
        g_string_erase (row, 0, strlen ("CRM-0011"));          /* by name, unchanged */
      else if (i == 13)
        g_string_overwrite (row, 0, "CRM-9013");               /* a new account */
      else if (i == 15)
        g_string_overwrite (row, 0, "CRM-0016");               /* 15's values, 16's id */
      else if (i == 16)
        continue;
      g_string_append (text, row->str);
    }
  g_string_append (text, ",Newco,,,,,,,,,,,,,,\n");

  result = reimport (fixture->store, text->str, FALSE);
  assert_counts (result, 2, 1, N_SEED - 3, 0);

  rows = csv_test_query (fixture->store,
                         "SELECT id, external_id, name, owner, version FROM accounts "
                         "WHERE id IN (11, 13, 15, 16) OR id > 40 ORDER BY id");
  g_assert_cmpstr (rows, ==,
                   "11|CRM-0011|Company 11, Inc.|Owner 4|1\n"
                   "13|CRM-0013|Company 13, Inc.|Owner 6|1\n"
                   "15|CRM-0015|Company 15, Inc.|Owner 1|1\n"
                   "16|CRM-0016|Company 15, Inc.|Owner 1|2\n"
                   "41|CRM-9013|Company 13, Inc.|Owner 6|1\n"
                   "42|NULL|Newco||1\n");
}

/* In another order than the accounts' ids, rows are found all the same. */
static void
test_other_order (CsvTestStore  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *rows = NULL;

  seed (fixture);

  for (guint i = N_SEED; i >= 1; i--)
    append_row (text, i, i == 20 ? "Changed Owner" : NULL);

  result = reimport (fixture->store, text->str, FALSE);
  assert_counts (result, 0, 1, N_SEED - 1, 0);

  rows = csv_test_query (fixture->store, "SELECT id, owner FROM accounts WHERE version > 1");
  g_assert_cmpstr (rows, ==, "20|Changed Owner\n");
}

/* A dry run tells the same and changes nothing. */
static void
test_dry_run (CsvTestStore  *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  seed (fixture);
  before = csv_test_dump (fixture->store);

  for (guint i = 1; i <= N_SEED; i++)
    append_row (text, i, i % 10 == 0 ? "Changed Owner" : NULL);

  bytes = g_bytes_new (text->str, text->len);
  importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes, "test.csv");
  ov_importer_set_dry_run (importer, TRUE);
  result = ov_importer_run (importer, fixture->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_counts (result, 0, 4, N_SEED - 4, 0);

  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

#define AS_JSON \
  "json_object ('external_id', external_id, 'name', name, 'segment', segment, " \
  "'owner', owner, 'sales_owner', sales_owner, 'arr_cents', arr_cents, 'currency', currency, " \
  "'stage', stage, 'status', status, 'close_date', close_date, 'kickoff_date', kickoff_date, " \
  "'golive_date', golive_date, 'first_value_date', first_value_date, " \
  "'first_value_milestone', first_value_milestone, 'package', package, 'notes', notes, " \
  "'churned_on', churned_on, 'package_id', package_id, 'updated_at', updated_at)"

#define QUOTED \
  "SELECT id, quote (external_id), quote (name), quote (segment), quote (owner), " \
  "quote (sales_owner), quote (arr_cents), quote (currency), quote (stage), quote (status), " \
  "quote (close_date), quote (kickoff_date), quote (golive_date), quote (first_value_date), " \
  "quote (first_value_milestone), quote (package), quote (notes), quote (updated_at) " \
  "FROM accounts ORDER BY id"

#define N_MANY 200

/* The backups are written 64 at a time, their JSON made by the import:
 * each must be what json_object() makes of the account as it was, texts
 * that need escaping included, and undo must bring back every value with
 * its type. Between them, a row found by name writes the ones waiting
 * (it asks the backups whether the account was seen) and one whose
 * external id is new writes its own at once, in its savepoint. */
static void
test_backups_undo (CsvTestStore  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) seed_text = g_string_new (HEADER);
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected = NULL;
  guint removed = 0, restored = 0;
  guint n_changed = 0;

  for (guint i = 1; i <= N_MANY; i++)
    append_row (seed_text, i, NULL);
  g_clear_object (&result);
  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, seed_text->str,
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, N_MANY, 0, 0, 0);

  /* Texts the app may store that a CSV cell cannot bring (control
   * characters), and every character JSON escapes. */
  g_free (csv_test_query (fixture->store,
                          "UPDATE accounts SET notes = 'a \"quote\", a \\ back' || char (10) || "
                          "'line' || char (9) || 'tab' || char (13) || char (8) || char (12) || "
                          "char (1) || char (31) || ' Zürich ✓ 😀 /' WHERE id = 7"));
  g_free (csv_test_query (fixture->store,
                          "UPDATE accounts SET segment = '\\u0041 {\"a\": [1]}' WHERE id = 70"));
  g_free (csv_test_query (fixture->store,
                          "UPDATE accounts SET external_id = NULL WHERE id IN (90, 150)"));
  g_free (csv_test_query (fixture->store, "DROP TABLE IF EXISTS temp.before"));
  g_free (csv_test_query (fixture->store,
                          "CREATE TEMP TABLE before AS SELECT id, " AS_JSON " AS old_row, "
                          "version FROM accounts"));
  before = csv_test_query (fixture->store, QUOTED);

  for (guint i = 1; i <= N_MANY; i++)
    {
      gboolean change = i % 4 != 0 || i == 7 || i == 70;

      append_row (text, i, change ? "Changed Owner" : NULL);
      n_changed += change;
    }

  g_clear_object (&result);
  result = reimport (fixture->store, text->str, FALSE);
  assert_counts (result, 0, n_changed, N_MANY - n_changed, 0);

  kept = csv_test_query (fixture->store,
                         "SELECT count(*), sum (b.old_row = t.old_row), "
                         "sum (b.old_version = t.version), sum (b.left_version = t.version + 1), "
                         "sum (json_valid (b.old_row)) "
                         "FROM import_backups AS b JOIN temp.before AS t ON t.id = b.row_id "
                         "WHERE b.batch_id = 2");
  expected = g_strdup_printf ("%u|%u|%u|%u|%u\n", n_changed, n_changed, n_changed, n_changed,
                              n_changed);
  g_assert_cmpstr (kept, ==, expected);
  g_free (kept);
  kept = csv_test_query (fixture->store,
                         "SELECT external_id, owner FROM accounts WHERE id IN (90, 150) "
                         "ORDER BY id");
  g_assert_cmpstr (kept, ==, "CRM-0090|Changed Owner\nCRM-0150|Changed Owner\n");
  g_free (csv_test_query (fixture->store, "DROP TABLE temp.before"));

  g_assert_true (ov_store_undo_import (fixture->store, 2, &removed, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (restored, ==, n_changed);
  after = csv_test_query (fixture->store, QUOTED);
  g_assert_cmpstr (after, ==, before);
}

/* Enough accounts for the index to be read by two threads, the upper
 * half on a connection of its own: rows of both halves are found
 * unchanged, changed or named twice alike. */
#define N_SPLIT 70000

static void
test_index_threads (CsvTestStore  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *problems = NULL;

  for (guint i = 1; i <= N_SPLIT; i++)
    append_row (text, i, NULL);
  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, text->str, OV_DATE_ORDER_AUTO,
                            FALSE);
  assert_counts (result, N_SPLIT, 0, 0, 0);
  g_clear_object (&result);

  g_string_assign (text, HEADER);
  for (guint i = 1; i <= N_SPLIT; i++)
    append_row (text, i, i == 10 || i == 40000 || i == N_SPLIT ? "Changed Owner" : NULL);
  /* Named again: one unchanged in the upper half, one changed. */
  append_row (text, 50000, NULL);
  append_row (text, 40000, "Changed Owner");

  result = reimport (fixture->store, text->str, TRUE);
  assert_counts (result, 0, 3, N_SPLIT - 3, 2);
  problems = csv_test_problems (result);
  g_assert_nonnull (strstr (problems, "CRM-50000"));
  g_assert_nonnull (strstr (problems, "CRM-40000"));

  changed = csv_test_query (fixture->store,
                            "SELECT id, owner, version FROM accounts WHERE version > 1 ORDER BY id");
  g_assert_cmpstr (changed, ==,
                   "10|Changed Owner|2\n40000|Changed Owner|2\n70000|Changed Owner|2\n");
}

/* Another program changes an account after the index of the stored
 * accounts was read and before the import's transaction began. */
static void
change_owner_elsewhere (gpointer data)
{
  OvStore *store = data;
  g_autoptr(OvStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OvAccount) account = NULL;

  other = ov_store_open_another (store, &error);
  g_assert_no_error (error);
  account = ov_store_get_account (other, 5, &error);
  g_assert_no_error (error);
  ov_account_set_owner (account, "Zed Other");
  g_assert_true (ov_store_save_account (other, account, &error));
  g_assert_no_error (error);
}

/* The file says what the index read: that must not make the import skip
 * the row another program changed meanwhile. The index is read again. */
static void
test_changed_meanwhile (CsvTestStore  *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = seed_text ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(OvImporter) importer = ov_importer_new_for_bytes (OV_CSV_KIND_ACCOUNTS, bytes,
                                                              "test.csv");
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;

  seed (fixture);

  ov_importer_set_before_transaction (importer, change_owner_elsewhere, fixture->store);
  result = ov_importer_run (importer, fixture->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_counts (result, 0, 1, N_SEED - 1, 0);

  owner = csv_test_query (fixture->store, "SELECT owner, version FROM accounts WHERE id = 5");
  g_assert_cmpstr (owner, ==, "Owner 5|3\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, CsvTestStore, NULL, csv_test_store_set_up, func, csv_test_store_tear_down)

  ADD ("/reimport/unchanged", test_unchanged);
  ADD ("/reimport/some-changed", test_some_changed);
  ADD ("/reimport/subset", test_subset);
  ADD ("/reimport/empty-keeps", test_empty_keeps);
  ADD ("/reimport/twice", test_twice);
  ADD ("/reimport/other-ids", test_other_ids);
  ADD ("/reimport/other-order", test_other_order);
  ADD ("/reimport/dry-run", test_dry_run);
  ADD ("/reimport/backups-undo", test_backups_undo);
  ADD ("/reimport/index-threads", test_index_threads);
  ADD ("/reimport/changed-meanwhile", test_changed_meanwhile);

  return g_test_run ();
}
