/* test-import-kinds.c — importing people, tasks and metrics onto the
 * accounts they name, and every kind exported and imported again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "import-test-support.h"

static void
test_people (CsvTestStore  *fixture,
             gconstpointer  data)
{
  g_autoptr(OvImportResult) accounts_result = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autoptr(OvImportResult) bad = NULL;
  g_autofree char *people = NULL;
  g_autofree char *problems = NULL;
  guint removed, restored;

  accounts_result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                                     "external_id,name\nA-1,Acme\nB-1,Beta\n",
                                     OV_DATE_ORDER_AUTO, FALSE);

  result = csv_test_import (fixture->store, OV_CSV_KIND_PEOPLE,
                            "Account ID,Company,First Name,Last Name,Email,Roles\n"
                            "A-1,,Ada,Lovelace,ada@acme.test,Champion; admin\n"
                            ",beta,Grace,Hopper,,Executive sponsor\n"
                            "A-1,,Priya,Raman,priya@us.test,CSM;Onboarding specialist\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 3, 0, 0, 0);

  people = csv_test_query (fixture->store,
                           "SELECT p.account_id, p.name, p.email, p.side, "
                           "(SELECT group_concat (role, ';') FROM (SELECT role FROM person_roles "
                           "WHERE person_id = p.id ORDER BY role)) FROM people AS p ORDER BY p.id");
  g_assert_cmpstr (people, ==,
                   "1|Ada Lovelace|ada@acme.test|1|admin;champion\n"
                   "2|Grace Hopper||1|sponsor\n"
                   "1|Priya Raman|priya@us.test|0|csm;onboarding\n");

  /* Matched by email, whatever its case; the new roles replace the old. */
  again = csv_test_import (fixture->store, OV_CSV_KIND_PEOPLE,
                           "account_external_id,name,email,roles\n"
                           "A-1,Ada Lovelace,ADA@acme.test,champion\n"
                           "A-1,Priya Raman,priya@us.test,csm;onboarding\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (again, 0, 1, 1, 0);
  g_clear_pointer (&people, g_free);
  people = csv_test_query (fixture->store,
                           "SELECT p.email, (SELECT group_concat (role, ';') FROM person_roles "
                           "WHERE person_id = p.id) FROM people AS p WHERE p.id = 1");
  g_assert_cmpstr (people, ==, "ADA@acme.test|champion\n");

  g_assert_true (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (again),
                                       &removed, &restored, NULL));
  g_assert_cmpuint (restored, ==, 1);
  g_clear_pointer (&people, g_free);
  people = csv_test_query (fixture->store,
                           "SELECT p.email, (SELECT group_concat (role, ';') FROM (SELECT role "
                           "FROM person_roles WHERE person_id = p.id ORDER BY role)) "
                           "FROM people AS p WHERE p.id = 1");
  g_assert_cmpstr (people, ==, "ada@acme.test|admin;champion\n");

  bad = csv_test_import (fixture->store, OV_CSV_KIND_PEOPLE,
                         "account_external_id,account,name,email,side,roles\n"
                         "Z-9,,Nobody,,,\n"
                         ",Nowhere,Nobody,,,\n"
                         "A-1,,Bob,bob-at-acme,,\n"
                         "A-1,,Carol,,customer,csm\n"
                         "A-1,,Dan,,,wizard\n"
                         "A-1,,,,,\n"
                         "A-1,,Erin,,outsider,\n",
                         OV_DATE_ORDER_AUTO, FALSE);
  problems = csv_test_problems (bad);
  g_assert_cmpstr (problems, ==,
                   "2:1: account_external_id: no account has the external ID “Z-9”\n"
                   "3:2: account: there is no account named “Nowhere”\n"
                   "4:10: email: “bob-at-acme” is not an email address\n"
                   "5:13: side: the roles are of the internal team, not of the customer\n"
                   "6:12: roles: “wizard” is not a role; roles are: Sales, Onboarding "
                   "specialist, Customer success manager, Support, Training, Professional "
                   "services, Executive sponsor, Champion, Admin, End user\n"
                   "7:6: name: a person needs a name\n"
                   "8:12: side: “outsider” is not a side; use internal or customer\n");
}

static void
test_tasks_and_metrics (CsvTestStore  *fixture,
                        gconstpointer  data)
{
  g_autoptr(OvImportResult) accounts_result = NULL;
  g_autoptr(OvImportResult) tasks = NULL;
  g_autoptr(OvImportResult) tasks_again = NULL;
  g_autoptr(OvImportResult) metrics = NULL;
  g_autoptr(OvImportResult) metrics_again = NULL;
  g_autofree char *task_rows = NULL;
  g_autofree char *metric_rows = NULL;
  g_autofree char *problems = NULL;

  accounts_result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                                     "external_id,name\nA-1,Acme\n", OV_DATE_ORDER_AUTO, FALSE);

  tasks = csv_test_import (fixture->store, OV_CSV_KIND_TASKS,
                           "account_external_id,stage,title,description,role,due_date,done_date\n"
                           "A-1,kickoff,Agree on go-live,With the sponsor,csm,2026-03-10,\n"
                           "A-1,3,Send agenda,,onboarding,03/05/2026,\n"
                           "A-1,,No stage,,,,\n"
                           "A-1,adopt,,,,,\n",
                           OV_DATE_ORDER_MDY, TRUE);
  assert_counts (tasks, 2, 0, 0, 2);
  problems = csv_test_problems (tasks);
  g_assert_cmpstr (problems, ==,
                   "4:5: stage: a task needs a stage\n"
                   "5:11: title: a task needs a title\n");

  tasks_again = csv_test_import (fixture->store, OV_CSV_KIND_TASKS,
                                 "account,stage,title,done_date\n"
                                 "ACME,Kickoff,agree on GO-LIVE,2026-03-09\n",
                                 OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (tasks_again, 0, 1, 0, 0);
  /* The tasks the file gave, beside the playbook's for Embark, which the
   * account got when it was imported. */
  task_rows = csv_test_query (fixture->store,
                              "SELECT account_id, stage, title, description, role, due_date, "
                              "done_date FROM tasks WHERE playbook_task_id IS NULL ORDER BY id");
  g_assert_cmpstr (task_rows, ==,
                   "1|3|agree on GO-LIVE|With the sponsor|csm|2026-03-10|2026-03-09\n"
                   "1|3|Send agenda||onboarding|2026-03-05|NULL\n");

  metrics = csv_test_import (fixture->store, OV_CSV_KIND_METRICS,
                             "account_external_id,metric,value,date,baseline\n"
                             "A-1,NPS,9,2026-01-01,yes\n"
                             "A-1,Product usage,\"45,5 %\",2026-01-01,no\n"
                             "A-1,Custom score,\"1,234.5\",2026-02-01,\n",
                             OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (metrics, 3, 0, 0, 0);
  metrics_again = csv_test_import (fixture->store, OV_CSV_KIND_METRICS,
                                   "account_external_id,metric,value,measured_on,baseline\n"
                                   "A-1,nps,9,2026-01-01,true\n"
                                   "A-1,product_usage,50,2026-01-01,0\n"
                                   "A-1,nps,x,2026-01-01,1\n",
                                   OV_DATE_ORDER_AUTO, TRUE);
  assert_counts (metrics_again, 0, 1, 1, 1);
  metric_rows = csv_test_query (fixture->store,
                                "SELECT metric, value, measured_on, is_baseline FROM metric_values "
                                "ORDER BY id");
  g_assert_cmpstr (metric_rows, ==,
                   "nps|9.0|2026-01-01|1\n"
                   "product_usage|50.0|2026-01-01|0\n"
                   "custom_score|1234.5|2026-02-01|0\n");
}

/* Export, then import into an empty database, then export again: the two
 * files are the same, and importing the file back changes nothing. */
static void
test_round_trip (CsvTestStore  *fixture,
                 gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr(OvStore) other = NULL;
  OvCsvKind kinds[] = { OV_CSV_KIND_ACCOUNTS, OV_CSV_KIND_PEOPLE, OV_CSV_KIND_TASKS,
                        OV_CSV_KIND_METRICS };

  g_assert_true (ov_sample_generate (fixture->store, 60, 7, ov_date_today (), NULL));
  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,name,notes,owner\n"
                            "H-1,\"=HYPERLINK(\"\"x\"\")\",\"+1 (555) 0100\",-dash\n"
                            "H-2,\"Ünïcødé “quoted”, 😀\",\"line one\r\nline two\",@at\n"
                            ",'=starts with apostrophe,\ttab,\" spaces \"\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 3, 0, 0, 0);
  g_clear_object (&result);
  result = csv_test_import (fixture->store, OV_CSV_KIND_PEOPLE,
                            "account_external_id,name,email,roles\n"
                            "H-1,Ada,ada@x.test,champion;admin\nH-2,Bo,,csm\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  g_clear_object (&result);
  result = csv_test_import (fixture->store, OV_CSV_KIND_TASKS,
                            "account_external_id,stage,title,role,due_date\n"
                            "H-1,2,Welcome call,csm,2026-03-01\nH-2,4,=cmd,,\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  g_clear_object (&result);
  result = csv_test_import (fixture->store, OV_CSV_KIND_METRICS,
                            "account_external_id,metric,value,measured_on,baseline\n"
                            "H-1,score,-12.5,2026-01-01,yes\nH-1,score,0.1,2026-02-01,no\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  g_clear_object (&result);

  other = ov_test_new_store (&other_dir);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *exported = csv_test_export (fixture->store, kinds[i]);
      g_autofree char *again = NULL;
      g_autoptr(OvImportResult) into_other = NULL;
      g_autoptr(OvImportResult) into_same = NULL;
      guint n_lines = 0;

      for (const char *p = exported; (p = strstr (p, "\r\n")) != NULL; p += 2)
        n_lines++;

      into_other = csv_test_import (other, kinds[i], exported, OV_DATE_ORDER_AUTO, FALSE);
      g_assert_cmpuint (ov_import_result_get_n_errors (into_other), ==, 0);
      g_assert_true (ov_import_result_get_applied (into_other));

      again = csv_test_export (other, kinds[i]);
      g_assert_cmpstr (again, ==, exported);

      into_same = csv_test_import (fixture->store, kinds[i], exported, OV_DATE_ORDER_AUTO, FALSE);
      /* The other database's accounts came with their stage's playbook
       * tasks, due from the day of that import: the tasks file found those
       * there, and updated their due dates. */
      g_assert_cmpuint (ov_import_result_get_n_unchanged (into_same), ==,
                        ov_import_result_get_n_created (into_other) +
                        ov_import_result_get_n_updated (into_other) +
                        ov_import_result_get_n_unchanged (into_other));
      if (kinds[i] != OV_CSV_KIND_TASKS)
        g_assert_cmpuint (ov_import_result_get_n_unchanged (into_same), ==,
                          ov_import_result_get_n_created (into_other));
      g_assert_cmpuint (ov_import_result_get_n_created (into_same), ==, 0);
      g_assert_cmpuint (ov_import_result_get_n_updated (into_same), ==, 0);
      g_assert_cmpuint (ov_import_result_get_n_created (into_other), >, 0);
      /* One header plus the rows, each row on one line but the one
       * account whose notes hold a line break. */
      g_assert_cmpuint (n_lines, >=, ov_import_result_get_n_created (into_other) + 1);
    }

  ov_test_remove_dir (other_dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, CsvTestStore, NULL, csv_test_store_set_up, func, csv_test_store_tear_down)

  ADD ("/import/people", test_people);
  ADD ("/import/tasks-and-metrics", test_tasks_and_metrics);
  ADD ("/import/round-trip", test_round_trip);

  return g_test_run ();
}
