/* test-import-journey.c — imported accounts start their journey: the stage
 * event, dated by stage_entered_on or the import's day, and the stage's
 * playbook tasks as the app makes them; none twice; undone with the batch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import-test-support.h"
#include "ov-store-accounts.h"

/* What a stage's tasks are, whatever account they belong to: the due
 * date as days after the stage was entered. */
#define TASKS_OF(account)                                                                   \
  "SELECT t.stage, t.title, t.role, julianday (t.due_date) - julianday (e.happened_on), "     \
  "t.playbook_task_id IS NOT NULL FROM tasks t JOIN stage_events e "                         \
  "ON e.account_id = t.account_id AND e.stage = t.stage "                                    \
  "WHERE t.account_id = " account " ORDER BY t.id"

static int
count (OvStore    *store,
       const char *sql)
{
  g_autofree char *text = csv_test_query (store, sql);

  return atoi (text);
}

static void
test_created_accounts_start (CsvTestStore  *fixture,
                             gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *in_app = NULL;
  g_autofree char *adopt = NULL;
  int n_embark, n_adopt;

  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,name,stage,status,stage_entered_on\n"
                            "A-1,Acme,,,\n"
                            "B-1,Beta,Adopt,,2026-01-15\n"
                            "C-1,Gamma,Adopt,paused,2026-01-20\n"
                            "D-1,Delta,Kickoff,churned,\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (result, 4, 0, 0, 0);

  /* Every new account entered its stage, on the day the file says or the
   * import's (the tests' today is 2026-03-02). */
  events = csv_test_query (fixture->store,
                           "SELECT account_id, stage, from_stage, kind, happened_on, "
                           "import_batch_id IS NOT NULL FROM stage_events ORDER BY account_id");
  g_assert_cmpstr (events, ==,
                   "1|1|NULL|enter|2026-03-02|1\n"
                   "2|4|NULL|enter|2026-01-15|1\n"
                   "3|4|NULL|enter|2026-01-20|1\n"
                   "4|3|NULL|enter|2026-03-02|1\n");

  /* The active ones got their stage's tasks; the paused and the churned
   * come in as history, without. */
  n_embark = count (fixture->store,
                    "SELECT count(*) FROM playbook_tasks pt JOIN playbooks p "
                    "ON p.id = pt.playbook_id WHERE p.is_default AND pt.stage = 1");
  n_adopt = count (fixture->store,
                   "SELECT count(*) FROM playbook_tasks pt JOIN playbooks p "
                   "ON p.id = pt.playbook_id WHERE p.is_default AND pt.stage = 4");
  g_assert_cmpint (n_embark, >, 0);
  g_assert_cmpint (n_adopt, >, 0);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM tasks WHERE account_id = 1"),
                   ==, n_embark);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM tasks WHERE account_id = 2"),
                   ==, n_adopt);
  g_assert_cmpint (count (fixture->store,
                          "SELECT count(*) FROM tasks WHERE account_id IN (3, 4)"), ==, 0);
  g_assert_cmpuint (ov_import_result_get_n_tasks_created (result), ==, n_embark + n_adopt);

  /* Adopt's tasks fall due counted from the day the file gave. */
  adopt = csv_test_query (fixture->store,
                          "SELECT min (due_date) >= '2026-01-15', max (due_date) < '2026-03-02' "
                          "FROM tasks WHERE account_id = 2");
  g_assert_cmpstr (adopt, ==, "1|1\n");

  /* The same tasks as an account made in the app gets. */
  ov_account_set_name (account, "Made in the app");
  g_assert_true (ov_store_save_account (fixture->store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_id (account), ==, 5);
  imported = csv_test_query (fixture->store, TASKS_OF ("1"));
  in_app = csv_test_query (fixture->store, TASKS_OF ("5"));
  g_assert_cmpstr (imported, ==, in_app);
}

static void
test_reimport_and_undo (CsvTestStore  *fixture,
                        gconstpointer  data)
{
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autoptr(OvImportResult) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  const char *file = "external_id,name,stage\nA-1,Acme,Embark\nB-1,Beta,Embark\n";
  int n_tasks, n_kickoff;

  first = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, file, OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (first, 2, 0, 0, 0);
  n_tasks = count (fixture->store, "SELECT count(*) FROM tasks");
  g_assert_cmpint (n_tasks, >, 0);

  /* The same file again changes nothing, and makes nothing. */
  again = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS, file, OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (again, 0, 0, 2, 0);
  g_assert_cmpuint (ov_import_result_get_n_tasks_created (again), ==, 0);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM stage_events"), ==, 2);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM tasks"), ==, n_tasks);

  /* Moved on by the CRM: the account enters Kickoff on the day given, and
   * gets Kickoff's tasks; the other row is unchanged. */
  moved = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,stage,Stage Start Date\nA-1,Kickoff,2026-02-20\n"
                           "B-1,Embark,\n",
                           OV_DATE_ORDER_AUTO, FALSE);
  assert_counts (moved, 0, 1, 1, 0);
  events = csv_test_query (fixture->store,
                           "SELECT account_id, stage, from_stage, happened_on FROM stage_events "
                           "ORDER BY id");
  g_assert_cmpstr (events, ==,
                   "1|1|NULL|2026-03-02\n"
                   "2|1|NULL|2026-03-02\n"
                   "1|3|1|2026-02-20\n");
  n_kickoff = count (fixture->store,
                     "SELECT count(*) FROM playbook_tasks pt JOIN playbooks p "
                     "ON p.id = pt.playbook_id WHERE p.is_default AND pt.stage = 3");
  g_assert_cmpuint (ov_import_result_get_n_tasks_created (moved), ==, n_kickoff);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM tasks WHERE stage = 3"), ==,
                   n_kickoff);

  /* Undoing the move takes its event and its tasks back ... */
  g_assert_true (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (moved),
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM stage_events"), ==, 2);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM tasks"), ==, n_tasks);
  g_assert_cmpint (count (fixture->store, "SELECT stage FROM accounts WHERE id = 1"), ==, 1);

  /* ... and undoing the first, the accounts with theirs. */
  g_assert_true (ov_store_undo_import (fixture->store, ov_import_result_get_batch_id (first),
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->store,
                          "SELECT count(*) FROM accounts WHERE deleted_at IS NULL"), ==, 0);
  g_assert_cmpint (count (fixture->store,
                          "SELECT count(*) FROM tasks t JOIN accounts a ON a.id = t.account_id "
                          "WHERE a.deleted_at IS NULL"), ==, 0);
}

static void
test_stage_entered_refused (CsvTestStore  *fixture,
                            gconstpointer  data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *exported = NULL;

  result = csv_test_import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,name,stage,stage_entered_on\n"
                            "A-1,Acme,Adopt,2026-03-03\n"
                            "B-1,Beta,Adopt,2026-02-30\n"
                            "C-1,Gamma,Adopt,2026-03-01\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  g_assert_false (ov_import_result_get_applied (result));
  problems = csv_test_problems (result);
  g_assert_nonnull (strstr (problems, "2:16: stage_entered_on: a stage cannot be entered after "
                                      "today"));
  g_assert_nonnull (strstr (problems, "3:16: stage_entered_on: “2026-02-30” is not a real date"));
  g_assert_null (strstr (problems, "4:16"));
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM accounts"), ==, 0);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM stage_events"), ==, 0);
  g_assert_cmpint (count (fixture->store, "SELECT count(*) FROM tasks"), ==, 0);

  /* Read, never kept: an export has no such column. */
  exported = csv_test_export (fixture->store, OV_CSV_KIND_ACCOUNTS);
  g_assert_null (strstr (exported, "stage_entered_on"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, CsvTestStore, NULL, csv_test_store_set_up, func, csv_test_store_tear_down)

  ADD ("/import/journey/created", test_created_accounts_start);
  ADD ("/import/journey/reimport-undo", test_reimport_and_undo);
  ADD ("/import/journey/refused", test_stage_entered_refused);

  return g_test_run ();
}
