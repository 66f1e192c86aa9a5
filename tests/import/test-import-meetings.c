/* test-import-meetings.c — meetings imported onto the accounts they name,
 * exported and imported again, refused row by row, undone; notes on
 * measurements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import-test-support.h"

#define MEETINGS_QUERY \
  "SELECT account_id, scheduled_on, kind, attended, note, version FROM meetings ORDER BY id"

static int
count_rows (OvStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *text = csv_test_query (store, sql);

  return atoi (text);
}

static void
add_accounts (CsvTestStore *fixture)
{
  g_autoptr(OvImportResult) result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                                                      "external_id,name\nA-1,Acme\nB-1,Beta\n",
                                                      OV_DATE_ORDER_AUTO, FALSE);

  assert_counts (result, 2, 0, 0, 0);
}

static void
test_meetings (CsvTestStore  *fixture,
               gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autoptr(OvImportResult) update = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *second = NULL;

  add_accounts (fixture);
  result = csv_test_import (fixture->store, OV_CSV_KIND_MEETINGS,
                            "Account ID,Meeting Date,Showed Up,Type,Notes\n"
                            "A-1,2026-01-10,yes,Kick-off,Agenda agreed\n"
                            "A-1,2026-02-01,no,training,\n"
                            ",2026-02-20,1,Review,\"Quarterly, with the sponsor\"\n"
                            "A-1,2026-02-15,,,\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  /* The third row names no account: the file is refused. */
  assert_counts (result, 3, 0, 0, 1);
  g_assert_false (ov_import_result_get_applied (result));
  g_clear_object (&result);

  result = csv_test_import (fixture->store, OV_CSV_KIND_MEETINGS,
                            "Account ID,Account,Meeting Date,Showed Up,Type,Notes\n"
                            "A-1,,2026-01-10,yes,Kick-off,Agenda agreed\n"
                            "A-1,,2026-02-01,no,training,\n"
                            ",beta,2026-02-20,1,Review,\"Quarterly, with the sponsor\"\n"
                            "A-1,,2026-02-15,,,\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 4, 0, 0, 0);
  rows = csv_test_query (fixture->store, MEETINGS_QUERY);
  g_assert_cmpstr (rows, ==,
                   "1|2026-01-10|kickoff|1|Agenda agreed|1\n"
                   "1|2026-02-01|training|0||1\n"
                   "2|2026-02-20|review|1|Quarterly, with the sponsor|1\n"
                   "1|2026-02-15|other|0||1\n");

  exported = csv_test_export (fixture->store, OV_CSV_KIND_MEETINGS);
  g_assert_cmpstr (exported, ==,
                   "account_external_id,account,scheduled_on,attended,kind,note\r\n"
                   "A-1,Acme,2026-01-10,yes,kickoff,Agenda agreed\r\n"
                   "A-1,Acme,2026-02-01,no,training,\r\n"
                   "A-1,Acme,2026-02-15,no,other,\r\n"
                   "B-1,Beta,2026-02-20,yes,review,\"Quarterly, with the sponsor\"\r\n");

  /* The export imports back without a change. */
  again = csv_test_import (fixture->store, OV_CSV_KIND_MEETINGS, exported, OV_DATE_ORDER_AUTO,
                           FALSE);
  assert_counts (again, 0, 0, 4, 0);

  /* Without a note column the notes stay; attended changes. */
  update = csv_test_import (fixture->store, OV_CSV_KIND_MEETINGS,
                            "account_external_id,scheduled_on,attended,kind\n"
                            "A-1,2026-02-01,yes,Training\n"
                            "A-1,2026-01-10,,kickoff\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (update, 0, 1, 1, 0);
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store, MEETINGS_QUERY);
  g_assert_cmpstr (rows, ==,
                   "1|2026-01-10|kickoff|1|Agenda agreed|1\n"
                   "1|2026-02-01|training|1||2\n"
                   "2|2026-02-20|review|1|Quarterly, with the sponsor|1\n"
                   "1|2026-02-15|other|0||1\n");

  second = csv_test_export (fixture->store, OV_CSV_KIND_MEETINGS);
  g_assert_nonnull (strstr (second, "A-1,Acme,2026-02-01,yes,training,\r\n"));
}

/* Every bad row is named by line and column, and nothing is stored. */
static void
test_meetings_refused (CsvTestStore  *fixture,
                       gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) missing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;

  add_accounts (fixture);
  before = csv_test_dump (fixture->store);
  result = csv_test_import (fixture->store, OV_CSV_KIND_MEETINGS,
                            "account_external_id,scheduled_on,attended,kind\n"
                            "A-1,2026-01-10,yes,workshop\n"
                            "A-1,,no,review\n"
                            "A-1,2026-02-30,no,review\n"
                            "A-1,2026-01-12,maybe,review\n"
                            "Z-9,2026-01-12,yes,review\n"
                            "B-1,2026-01-12,yes,review\n"
                            "B-1,2026-01-12,no,Review\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 1, 0, 0, 6);
  g_assert_false (ov_import_result_get_applied (result));
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==,
                   "2:20: kind: “workshop” is not a kind of meeting; use kickoff, training, "
                   "review or other\n"
                   "3:5: scheduled_on: the date of the meeting is missing\n"
                   "4:5: scheduled_on: “2026-02-30” is not a real date: February 2026 has only 28 days\n"
                   "5:16: attended: “maybe” is neither yes nor no; use yes, no, true, false, 1 "
                   "or 0\n"
                   "6:1: account_external_id: no account has the external ID “Z-9”\n"
                   "8:5: scheduled_on: this meeting is on an earlier row of this file too\n");
  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);

  missing = csv_test_import (fixture->store, OV_CSV_KIND_MEETINGS,
                             "account_external_id,kind\nA-1,review\n", OV_DATE_ORDER_AUTO, FALSE);
  g_assert_false (ov_import_result_get_applied (missing));
  g_clear_pointer (&problems, g_free);
  problems = csv_test_problems (missing);
  g_assert_nonnull (strstr (problems, "the file has no scheduled_on column"));
  g_clear_pointer (&after, g_free);
  after = csv_test_dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* An import of meetings taken back: what it made goes, what it changed
 * gets its values back, and a meeting edited since needs forcing. */
static void
test_meetings_undo (CsvTestStore  *fixture,
                    gconstpointer  data)
{
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) second = NULL;
  g_autoptr(OvUndoPlan) plan = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *description = NULL;
  guint removed = 0, restored = 0;

  add_accounts (fixture);
  first = csv_test_import (fixture->store, OV_CSV_KIND_MEETINGS,
                           "account_external_id,scheduled_on,attended,kind,note\n"
                           "A-1,2026-01-10,no,kickoff,First\n"
                           "B-1,2026-01-11,yes,kickoff,\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (first, 2, 0, 0, 0);
  second = csv_test_import (fixture->store, OV_CSV_KIND_MEETINGS,
                            "account_external_id,scheduled_on,attended,kind,note\n"
                            "A-1,2026-01-10,yes,kickoff,Came after all\n"
                            "A-1,2026-02-10,no,training,\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (second, 1, 1, 0, 0);

  /* The first cannot go before the second that changed its rows. */
  g_assert_false (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (first),
                                        NULL, NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (second),
                                       &removed, &restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (restored, ==, 1);
  rows = csv_test_query (fixture->store, MEETINGS_QUERY);
  g_assert_cmpstr (rows, ==,
                   "1|2026-01-10|kickoff|0|First|3\n"
                   "2|2026-01-11|kickoff|1||1\n");

  /* Edited since: the plan says so, and only forcing takes it away. */
  g_free (csv_test_query (fixture->store,
                          "UPDATE meetings SET note = 'By hand', version = version + 1 "
                          "WHERE account_id = 2"));
  plan = ov_store_plan_undo_import (fixture->store, ov_import_result_get_batch_id (first),
                                    &error);
  g_assert_no_error (error);
  g_assert_true (ov_undo_plan_needs_confirmation (plan));
  g_assert_cmpuint (plan->n_remove, ==, 1);
  g_assert_cmpuint (plan->n_edited_created, ==, 1);
  description = ov_undo_plan_describe (plan);
  g_assert_nonnull (strstr (description, "kickoff 2026-01-11"));
  g_assert_false (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (first),
                                        NULL, NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  done = ov_store_undo_import_full (fixture->store, ov_import_result_get_batch_id (first),
                                    OV_UNDO_IMPORT_FORCE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ov_undo_plan_get_n_removed (done), ==, 2);
  g_assert_cmpint (count_rows (fixture->store, "meetings"), ==, 0);
}

/* Meetings added to the accounts an import made go with them, and only
 * when forced. */
static void
test_accounts_undo_with_meetings (CsvTestStore  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(OvImportResult) accounts_result = NULL;
  g_autoptr(OvMeeting) meeting = NULL;
  g_autoptr(OvUndoPlan) plan = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gint64 batch;

  accounts_result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                                     "external_id,name\nA-1,Acme\n", OV_DATE_ORDER_AUTO, FALSE);
  batch = ov_import_result_get_batch_id (accounts_result);
  meeting = ov_meeting_new (1, OV_MEETING_KIND_REVIEW, ov_date_today ());
  g_assert_true (ov_store_add_meeting (fixture->store, meeting, &error));
  g_assert_no_error (error);

  plan = ov_store_plan_undo_import (fixture->store, batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_meetings, ==, 1);
  g_assert_cmpuint (ov_undo_plan_get_n_children (plan), ==, 1);
  description = ov_undo_plan_describe (plan);
  g_assert_nonnull (strstr (description, "1 meeting"));

  g_assert_false (ov_store_undo_import (fixture->store, batch, NULL, NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  done = ov_store_undo_import_full (fixture->store, batch, OV_UNDO_IMPORT_FORCE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->store, "meetings"), ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "accounts"), ==, 0);
}

/* Notes on measurements go in and out with the metrics; a file without
 * notes leaves them be. */
static void
test_metric_notes (CsvTestStore  *fixture,
                   gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autoptr(OvImportResult) without = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *rows = NULL;

  add_accounts (fixture);
  result = csv_test_import (fixture->store, OV_CSV_KIND_METRICS,
                            "account_external_id,metric,value,measured_on,baseline,note\n"
                            "A-1,NPS,6,2026-01-05,yes,Before the program\n"
                            "A-1,Seats in use,42,2026-02-05,no,\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 2, 0, 0, 0);
  exported = csv_test_export (fixture->store, OV_CSV_KIND_METRICS);
  g_assert_cmpstr (exported, ==,
                   "account_external_id,account,metric,value,measured_on,baseline,note\r\n"
                   "A-1,Acme,nps,6,2026-01-05,yes,Before the program\r\n"
                   "A-1,Acme,seats_in_use,42,2026-02-05,no,\r\n");
  again = csv_test_import (fixture->store, OV_CSV_KIND_METRICS, exported, OV_DATE_ORDER_AUTO,
                           FALSE);
  assert_counts (again, 0, 0, 2, 0);

  without = csv_test_import (fixture->store, OV_CSV_KIND_METRICS,
                             "account_external_id,metric,value,measured_on,baseline\n"
                             "A-1,nps,7,2026-01-05,yes\n",
                             OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (without, 0, 1, 0, 0);
  rows = csv_test_query (fixture->store, "SELECT metric, value, note, version FROM metric_values "
                                         "ORDER BY id");
  g_assert_cmpstr (rows, ==, "nps|7.0|Before the program|2\nseats_in_use|42.0||1\n");

  /* A name no metric can have is refused. */
  g_clear_object (&result);
  result = csv_test_import (fixture->store, OV_CSV_KIND_METRICS,
                            "account_external_id,metric,value,measured_on\n"
                            "A-1,Zufriedenheit (Ø),3,2026-01-05\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  g_clear_pointer (&rows, g_free);
  rows = csv_test_problems (result);
  g_assert_cmpstr (rows, ==,
                   "2:5: metric: “Zufriedenheit (Ø)” is not a metric name; use letters a to z, "
                   "digits and spaces, at most 40 of them\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, CsvTestStore, NULL, csv_test_store_set_up, func, csv_test_store_tear_down)

  ADD ("/import/meetings", test_meetings);
  ADD ("/import/meetings/refused", test_meetings_refused);
  ADD ("/import/meetings/undo", test_meetings_undo);
  ADD ("/import/meetings/undo-accounts", test_accounts_undo_with_meetings);
  ADD ("/import/metrics/notes", test_metric_notes);

  return g_test_run ();
}
