/* test-undo.c — undoing an import takes back only its own rows: rows
 * deleted, edited or added to since are reported, never overwritten, and
 * go only when forced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits "by hand" are written here as the app's edit paths write them: an
 * UPDATE that adds one to the row's version.
 */

#include "config.h"

#include <string.h>

#include "csv-test-support.h"

/* Helpers */

static void
exec (OvStore    *store,
      const char *sql)
{
  g_autofree char *out = csv_test_query (store, sql);
}

static gint64
import (OvStore    *store,
        OvCsvKind   kind,
        const char *text)
{
  g_autoptr(OvImportResult) result = csv_test_import (store, kind, text, OV_DATE_ORDER_AUTO,
                                                      FALSE);
  g_autofree char *problems = csv_test_problems (result);

  g_assert_cmpstr (problems, ==, "");
  g_assert_true (ov_import_result_get_applied (result));
  return ov_import_result_get_batch_id (result);
}

static OvUndoPlan *
plan (OvStore *store,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  OvUndoPlan *plan = ov_store_plan_undo_import (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (plan->batch_id, ==, id);
  return plan;
}

static char *
names (char **names)
{
  return g_strjoinv (",", names);
}

static void
assert_plan (const OvUndoPlan *plan,
             guint             remove,
             guint             restore,
             guint             edited_created,
             guint             edited_updated,
             guint             gone)
{
  g_assert_cmpuint (plan->n_remove, ==, remove);
  g_assert_cmpuint (plan->n_restore, ==, restore);
  g_assert_cmpuint (plan->n_edited_created, ==, edited_created);
  g_assert_cmpuint (plan->n_edited_updated, ==, edited_updated);
  g_assert_cmpuint (plan->n_gone, ==, gone);
}

/* Undoing without force is refused, and changes nothing. */
static void
assert_refused (OvStore *store,
                gint64   id)
{
  g_autofree char *before = csv_test_dump (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *message = NULL;

  done = ov_store_undo_import_full (store, id, OV_UNDO_IMPORT_DEFAULT, &error);
  g_assert_null (done);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  message = g_strdup_printf ("Import %lld was worked on since: undoing it would remove or leave "
                             "out later work. Nothing was undone.",
                             (long long)id);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_false (ov_store_undo_import (store, id, NULL, NULL, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);

  after = csv_test_dump (store);
  g_assert_cmpstr (after, ==, before);
}

static OvUndoPlan *
undo (OvStore           *store,
      gint64             id,
      OvUndoImportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  OvUndoPlan *done = ov_store_undo_import_full (store, id, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (done);
  return done;
}

/* Tests */

/* The first case: a deleted account's id must not come back, and
 * an undo must not restore over what holds it now. */
static void
test_accounts_deleted (CsvTestStore  *fixture,
                       gconstpointer  data)
{
  g_autoptr(OvUndoPlan) planned = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *zeta = NULL;
  g_autofree char *r3 = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,owner\nR1,Alpha,Ann\nR2,Beta,Ann\nR3,Gamma,Ann\n"),
                   ==, 1);
  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,owner\nR3,Gamma,Bob\n"),
                   ==, 2);
  r3 = csv_test_query (fixture->store, "SELECT id FROM accounts WHERE external_id = 'R3'");

  /* Deleted in the app, and gone for good at the next start. */
  {
    g_autoptr(OvAccount) stored = ov_store_get_account (fixture->store,
                                                        g_ascii_strtoll (r3, NULL, 10), NULL);

    g_assert_true (ov_store_delete_account (fixture->store, stored, NULL));
  }
  exec (fixture->store, "DELETE FROM accounts WHERE deleted_at IS NOT NULL");

  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name,owner\nZ9,Zeta Corp,Cy\n"),
                   ==, 3);
  zeta = csv_test_query (fixture->store, "SELECT id FROM accounts WHERE external_id = 'Z9'");
  g_assert_cmpstr (zeta, !=, r3);

  planned = plan (fixture->store, 2);
  assert_plan (planned, 0, 0, 0, 0, 1);
  gone = names (planned->gone_names);
  g_assert_cmpstr (gone, ==, "Gamma");
  g_assert_false (ov_undo_plan_needs_confirmation (planned));
  text = ov_undo_plan_describe (planned);
  g_assert_cmpstr (text, ==, "Changed by it and deleted since, nothing to restore: Gamma\n");

  done = undo (fixture->store, 2, OV_UNDO_IMPORT_DEFAULT);
  assert_plan (done, 0, 0, 0, 0, 1);
  rows = csv_test_query (fixture->store,
                         "SELECT external_id, name, owner FROM accounts ORDER BY id");
  g_assert_cmpstr (rows, ==, "R1|Alpha|Ann\nR2|Beta|Ann\nZ9|Zeta Corp|Cy\n");
  g_clear_pointer (&done, ov_undo_plan_free);

  /* Not stuck: the first import goes too, and Zeta Corp stays. */
  done = undo (fixture->store, 1, OV_UNDO_IMPORT_DEFAULT);
  assert_plan (done, 2, 0, 0, 0, 0);
  g_assert_cmpuint (ov_undo_plan_get_n_removed (done), ==, 2);
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store,
                         "SELECT external_id, name, owner FROM accounts ORDER BY id");
  g_assert_cmpstr (rows, ==, "Z9|Zeta Corp|Cy\n");
}

/* An account in the bin is left there, neither restored nor removed. */
static void
test_accounts_in_bin (CsvTestStore  *fixture,
                      gconstpointer  data)
{
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *gone = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nR1,Alpha\n");
  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nR1,Alpha Renamed\n");
  exec (fixture->store, "UPDATE accounts SET deleted_at = '2026-03-02T10:00:00Z'");

  done = undo (fixture->store, 2, OV_UNDO_IMPORT_DEFAULT);
  assert_plan (done, 0, 0, 0, 0, 1);
  gone = names (done->gone_names);
  g_assert_cmpstr (gone, ==, "Alpha Renamed");
  rows = csv_test_query (fixture->store, "SELECT name, version FROM accounts");
  g_assert_cmpstr (rows, ==, "Alpha Renamed|2\n");
}

/* The second case: a person the undone import changed was
 * deleted since; the undo neither fails nor blocks the one before. */
static void
test_people_deleted (CsvTestStore  *fixture,
                     gconstpointer  data)
{
  g_autoptr(OvUndoPlan) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ada = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *rows = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nA-1,Acme\n");
  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_PEOPLE,
                           "account_external_id,name,email,roles\n"
                           "A-1,Ada,ada@example.com,champion\nA-1,Bo,bo@example.com,admin\n"),
                   ==, 2);
  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_PEOPLE,
                           "account_external_id,name,email,roles\n"
                           "A-1,Ada King,ada@example.com,executive sponsor\n"
                           "A-1,Bo Li,bo@example.com,admin\n"),
                   ==, 3);

  ada = csv_test_query (fixture->store, "SELECT id FROM people WHERE email = 'ada@example.com'");
  {
    g_autoptr(OvPerson) stored = ov_store_get_person (fixture->store,
                                                      g_ascii_strtoll (ada, NULL, 10), &error);

    g_assert_no_error (error);
    g_assert_true (ov_store_delete_person (fixture->store, stored, &error));
  }
  g_assert_no_error (error);

  done = undo (fixture->store, 3, OV_UNDO_IMPORT_DEFAULT);
  assert_plan (done, 0, 1, 0, 0, 1);
  gone = names (done->gone_names);
  g_assert_cmpstr (gone, ==, "Ada");
  rows = csv_test_query (fixture->store,
                         "SELECT p.name, r.role FROM people AS p JOIN person_roles AS r "
                         "ON r.person_id = p.id ORDER BY p.id");
  g_assert_cmpstr (rows, ==, "Bo|admin\n");
  g_clear_pointer (&done, ov_undo_plan_free);

  done = undo (fixture->store, 2, OV_UNDO_IMPORT_DEFAULT);
  assert_plan (done, 1, 0, 0, 0, 0);
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store, "SELECT count(*) FROM people");
  g_assert_cmpstr (rows, ==, "0\n");
}

/* Tasks: one deleted, one edited since the import that changed them. */
static void
test_tasks_deleted_and_edited (CsvTestStore  *fixture,
                               gconstpointer  data)
{
  g_autoptr(OvUndoPlan) planned = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *text = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nA-1,Acme\n");
  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_TASKS,
                           "account_external_id,stage,title,due_date\n"
                           "A-1,adopt,Train admins,2026-04-01\n"
                           "A-1,adopt,Configure SSO,2026-04-02\n"
                           "A-1,adopt,Go live,2026-04-03\n"),
                   ==, 2);
  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_TASKS,
                           "account_external_id,stage,title,due_date\n"
                           "A-1,adopt,Train admins,2026-05-01\n"
                           "A-1,adopt,Configure SSO,2026-05-02\n"
                           "A-1,adopt,Go live,2026-05-03\n"),
                   ==, 3);
  exec (fixture->store, "DELETE FROM tasks WHERE title = 'Train admins'");
  exec (fixture->store, "UPDATE tasks SET done_date = '2026-03-01', version = version + 1 "
                        "WHERE title = 'Configure SSO'");

  planned = plan (fixture->store, 3);
  assert_plan (planned, 0, 1, 0, 1, 1);
  g_assert_true (ov_undo_plan_needs_confirmation (planned));
  edited = names (planned->edited_updated_names);
  g_assert_cmpstr (edited, ==, "Configure SSO");
  gone = names (planned->gone_names);
  g_assert_cmpstr (gone, ==, "Train admins");
  text = ov_undo_plan_describe (planned);
  g_assert_cmpstr (text, ==,
                   "Changed by it and edited since, kept as they are: Configure SSO\n"
                   "Changed by it and deleted since, nothing to restore: Train admins\n");
  assert_refused (fixture->store, 3);

  /* Forced, the edit is still kept: only Go live gets its date back. */
  done = undo (fixture->store, 3, OV_UNDO_IMPORT_FORCE);
  assert_plan (done, 0, 1, 0, 1, 1);
  rows = csv_test_query (fixture->store,
                         "SELECT title, due_date, done_date FROM tasks WHERE stage = 4 ORDER BY id");
  g_assert_cmpstr (rows, ==, "Configure SSO|2026-05-02|2026-03-01\nGo live|2026-04-03|NULL\n");
  g_clear_pointer (&done, ov_undo_plan_free);

  /* The import that made them: Go live is as it left it again, the
   * edited one goes only when forced. */
  g_clear_pointer (&planned, ov_undo_plan_free);
  planned = plan (fixture->store, 2);
  assert_plan (planned, 1, 0, 1, 0, 0);
  g_clear_pointer (&edited, g_free);
  edited = names (planned->edited_created_names);
  g_assert_cmpstr (edited, ==, "Configure SSO");
  assert_refused (fixture->store, 2);
  done = undo (fixture->store, 2, OV_UNDO_IMPORT_FORCE);
  g_assert_cmpuint (ov_undo_plan_get_n_removed (done), ==, 2);
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store, "SELECT count(*) FROM tasks WHERE stage = 4");
  g_assert_cmpstr (rows, ==, "0\n");
}

/* Metrics: the same, measured values. */
static void
test_metrics_deleted_and_edited (CsvTestStore  *fixture,
                                 gconstpointer  data)
{
  g_autoptr(OvUndoPlan) planned = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *rows = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nA-1,Acme\n");
  import (fixture->store, OV_CSV_KIND_METRICS,
          "account_external_id,metric,value,measured_on\n"
          "A-1,nps,1,2026-01-01\nA-1,nps,2,2026-02-01\nA-1,nps,3,2026-03-01\n");
  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_METRICS,
                           "account_external_id,metric,value,measured_on\n"
                           "A-1,nps,4,2026-01-01\nA-1,nps,5,2026-02-01\n"
                           "A-1,nps,6,2026-03-01\n"),
                   ==, 3);
  exec (fixture->store, "DELETE FROM metric_values WHERE measured_on = '2026-01-01'");
  exec (fixture->store, "UPDATE metric_values SET value = 9, version = version + 1 "
                        "WHERE measured_on = '2026-02-01'");

  planned = plan (fixture->store, 3);
  assert_plan (planned, 0, 1, 0, 1, 1);
  edited = names (planned->edited_updated_names);
  g_assert_cmpstr (edited, ==, "nps 2026-02-01");
  gone = names (planned->gone_names);
  g_assert_cmpstr (gone, ==, "nps 2026-01-01");
  assert_refused (fixture->store, 3);

  done = undo (fixture->store, 3, OV_UNDO_IMPORT_FORCE);
  rows = csv_test_query (fixture->store,
                         "SELECT measured_on, value FROM metric_values ORDER BY measured_on");
  g_assert_cmpstr (rows, ==, "2026-02-01|9.0\n2026-03-01|3.0\n");
}

/* Work added by hand to the accounts an import made stays unless the
 * user says so. */
static void
test_hand_made_children (CsvTestStore  *fixture,
                         gconstpointer  data)
{
  g_autoptr(OvUndoPlan) planned = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rows = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nH-1,Handled\n");
  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_ACCOUNTS,
                           "external_id,name\nA-1,Acme\nB-1,Beta\n"),
                   ==, 2);
  /* Its own people stay its own; an import's people are undone first. */
  g_assert_cmpint (import (fixture->store, OV_CSV_KIND_PEOPLE,
                           "account_external_id,name\nA-1,Imported Ida\n"),
                   ==, 3);
  exec (fixture->store,
        "INSERT INTO people (account_id, name, created_at, updated_at) SELECT id, 'Hand Hal', "
        "'2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z' FROM accounts WHERE name = 'Acme'");
  exec (fixture->store,
        "INSERT INTO tasks (account_id, stage, title, created_at, updated_at) SELECT id, 4, "
        "'Call', '2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z' FROM accounts "
        "WHERE name IN ('Acme', 'Beta', 'Handled')");
  exec (fixture->store,
        "INSERT INTO stage_events (account_id, stage, from_stage, happened_on, created_at) "
        "SELECT id, 2, 1, '2026-03-02', '2026-03-02T10:00:00Z' FROM accounts WHERE name = 'Beta'");
  exec (fixture->store,
        "INSERT INTO stage_answers (account_id, stage, field, value, updated_at) SELECT id, 2, "
        "'goals', 'Faster', '2026-03-02T10:00:00Z' FROM accounts WHERE name = 'Beta'");
  exec (fixture->store,
        "INSERT INTO metric_values (account_id, metric, value, measured_on, created_at, "
        "updated_at) SELECT id, 'nps', 9, '2026-03-01', '2026-03-02T10:00:00Z', "
        "'2026-03-02T10:00:00Z' FROM accounts WHERE name = 'Acme'");

  /* The people import is later and not undone: that comes first. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (ov_store_plan_undo_import (fixture->store, 2, &error));
    g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  }
  done = undo (fixture->store, 3, OV_UNDO_IMPORT_DEFAULT);
  g_clear_pointer (&done, ov_undo_plan_free);

  planned = plan (fixture->store, 2);
  assert_plan (planned, 2, 0, 0, 0, 0);
  g_assert_cmpuint (planned->n_people, ==, 1);
  g_assert_cmpuint (planned->n_tasks, ==, 2);
  g_assert_cmpuint (planned->n_stage_events, ==, 1);
  g_assert_cmpuint (planned->n_answers, ==, 1);
  g_assert_cmpuint (planned->n_metrics, ==, 1);
  g_assert_cmpuint (ov_undo_plan_get_n_children (planned), ==, 6);
  g_assert_true (ov_undo_plan_needs_confirmation (planned));
  text = ov_undo_plan_describe (planned);
  g_assert_cmpstr (text, ==,
                   "Added since to the accounts it made, removed with them: 1 person, 2 tasks, "
                   "1 stage change, 1 wizard answer, 1 measurement\n");
  assert_refused (fixture->store, 2);

  done = undo (fixture->store, 2, OV_UNDO_IMPORT_FORCE);
  g_assert_true (done->forced);
  g_assert_cmpuint (ov_undo_plan_get_n_removed (done), ==, 2);
  rows = csv_test_query (fixture->store,
                         "SELECT (SELECT group_concat (name) FROM accounts), "
                         "(SELECT count(*) FROM people), "
                         "(SELECT count(*) FROM tasks WHERE playbook_task_id IS NULL), "
                         "(SELECT count(*) FROM stage_events WHERE import_batch_id IS NULL), "
                         "(SELECT count(*) FROM stage_answers), "
                         "(SELECT count(*) FROM metric_values)");
  /* Handled keeps what it has: its hand-made task, and its own Embark
   * event and playbook tasks from the import that made it. */
  g_assert_cmpstr (rows, ==, "Handled|0|1|0|0|0\n");
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store,
                         "SELECT (SELECT count(DISTINCT account_id) FROM tasks), "
                         "(SELECT count(*) FROM stage_events WHERE import_batch_id = 1)");
  g_assert_cmpstr (rows, ==, "1|1\n");
}

/* An account the import made and someone edited since. */
static void
test_created_edited (CsvTestStore  *fixture,
                     gconstpointer  data)
{
  g_autoptr(OvUndoPlan) planned = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *text = NULL;
  g_autofree char *rows = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nA-1,Acme\nB-1,Beta\n");
  exec (fixture->store,
        "UPDATE accounts SET owner = 'Mia', version = version + 1 WHERE name = 'Acme'");

  planned = plan (fixture->store, 1);
  assert_plan (planned, 1, 0, 1, 0, 0);
  edited = names (planned->edited_created_names);
  g_assert_cmpstr (edited, ==, "Acme");
  text = ov_undo_plan_describe (planned);
  g_assert_cmpstr (text, ==, "Made by it and edited since, removed all the same: Acme\n");
  assert_refused (fixture->store, 1);

  done = undo (fixture->store, 1, OV_UNDO_IMPORT_FORCE);
  g_assert_cmpuint (ov_undo_plan_get_n_removed (done), ==, 2);
  rows = csv_test_query (fixture->store, "SELECT count(*) FROM accounts");
  g_assert_cmpstr (rows, ==, "0\n");
}

/* An account the import changed and someone edited since: the edit is
 * never reverted, and the import's stage change stays with it. */
static void
test_updated_edited (CsvTestStore  *fixture,
                     gconstpointer  data)
{
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *rows = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name,stage\nA-1,Acme,1\nB-1,Beta,1\n");
  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name,stage\nA-1,Acme,3\nB-1,Beta,3\n");
  exec (fixture->store,
        "UPDATE accounts SET notes = 'Called', version = version + 1 WHERE name = 'Acme'");
  assert_refused (fixture->store, 2);

  done = undo (fixture->store, 2, OV_UNDO_IMPORT_FORCE);
  assert_plan (done, 0, 1, 0, 1, 0);
  rows = csv_test_query (fixture->store,
                         "SELECT a.name, a.stage, a.notes, (SELECT count(*) FROM stage_events AS e "
                         "WHERE e.account_id = a.id) FROM accounts AS a ORDER BY a.id");
  /* Each keeps the event of the import that made it. */
  g_assert_cmpstr (rows, ==, "Acme|3|Called|2\nBeta|1||1\n");
  g_clear_pointer (&done, ov_undo_plan_free);

  /* Acme was edited since the first import too. */
  assert_refused (fixture->store, 1);
}

/* Imports on imports, undone newest first, each finding its rows as it
 * left them; an edit between two of them still counts. */
static void
test_chain (CsvTestStore  *fixture,
            gconstpointer  data)
{
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *rows = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS,
          "external_id,name,owner\nA-1,Acme,Ann\nB-1,Beta,Ann\n");
  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,owner\nA-1,Bob\nB-1,Bob\n");
  exec (fixture->store,
        "UPDATE accounts SET notes = 'Called', version = version + 1 WHERE name = 'Beta'");
  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,owner\nA-1,Cy\nB-1,Cy\n");

  done = undo (fixture->store, 3, OV_UNDO_IMPORT_DEFAULT);
  assert_plan (done, 0, 2, 0, 0, 0);
  g_clear_pointer (&done, ov_undo_plan_free);
  rows = csv_test_query (fixture->store, "SELECT owner, notes FROM accounts ORDER BY id");
  g_assert_cmpstr (rows, ==, "Bob|\nBob|Called\n");

  done = undo (fixture->store, 2, OV_UNDO_IMPORT_FORCE);
  assert_plan (done, 0, 1, 0, 1, 0);
  g_clear_pointer (&done, ov_undo_plan_free);
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store, "SELECT owner, notes FROM accounts ORDER BY id");
  g_assert_cmpstr (rows, ==, "Ann|\nBob|Called\n");

  /* Acme is as the first import left it again; Beta was edited. */
  done = plan (fixture->store, 1);
  assert_plan (done, 1, 0, 1, 0, 0);
}

/* Batches recorded before schema 5: migrating gives them versions that let
 * them be undone newest first. */
static void
test_legacy_backups (CsvTestStore  *fixture,
                     gconstpointer  data)
{
  g_autoptr(OvUndoPlan) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *rows = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS,
          "external_id,name,owner\nA-1,Acme,Ann\nB-1,Beta,Ann\n");
  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,owner\nA-1,Bob\n");
  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,owner\nA-1,Cy\nB-1,Cy\n");
  import (fixture->store, OV_CSV_KIND_PEOPLE,
          "account_external_id,name,email,roles\nA-1,Ada,ada@example.com,champion\n");
  import (fixture->store, OV_CSV_KIND_PEOPLE,
          "account_external_id,name,email,roles\nA-1,Ada King,ada@example.com,admin\n");

  /* Back to schema 4, as such a database was: versions all 1. */
  exec (fixture->store, "DROP TABLE import_created_versions");
  exec (fixture->store, "ALTER TABLE import_backups DROP COLUMN old_version");
  exec (fixture->store, "ALTER TABLE import_backups DROP COLUMN left_version");
  exec (fixture->store, "UPDATE accounts SET version = 1");
  exec (fixture->store, "UPDATE people SET version = 1");
  /* …nor what schema 7 added: meetings, packages, notes on measurements,
   * the accounts' package id and churn day. A column that refers to
   * another table cannot be dropped: accounts is built again, with the
   * ARR a schema before 11 held: 0 for none. */
  exec (fixture->store, "DROP TRIGGER packages_renamed");
  exec (fixture->store, "DROP TRIGGER packages_removed");
  exec (fixture->store, "DROP TABLE meetings");
  /* …nor the content library. */
  exec (fixture->store, "DROP TRIGGER content_items_removed");
  exec (fixture->store, "DROP TABLE content_completions");
  exec (fixture->store, "DROP TABLE content_assignments");
  exec (fixture->store, "DROP TABLE content_assign_steps");
  exec (fixture->store, "DROP TABLE content_items");
  exec (fixture->store, "DROP INDEX people_email");
  exec (fixture->store, "ALTER TABLE tasks DROP COLUMN content_id");
  exec (fixture->store, "ALTER TABLE playbook_tasks DROP COLUMN content_id");
  exec (fixture->store, "DROP INDEX metric_values_metric");
  exec (fixture->store, "ALTER TABLE metric_values DROP COLUMN note");
  exec (fixture->store, "PRAGMA foreign_keys = OFF");
  exec (fixture->store,
        "CREATE TABLE accounts_v4 (id INTEGER PRIMARY KEY AUTOINCREMENT, external_id TEXT, "
        "name TEXT NOT NULL CHECK (name <> ''), segment TEXT NOT NULL DEFAULT '', "
        "owner TEXT NOT NULL DEFAULT '', sales_owner TEXT NOT NULL DEFAULT '', "
        "arr_cents INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL DEFAULT 'USD', "
        "stage INTEGER NOT NULL DEFAULT 1, status INTEGER NOT NULL DEFAULT 0, close_date TEXT, "
        "kickoff_date TEXT, golive_date TEXT, first_value_date TEXT, "
        "first_value_milestone TEXT NOT NULL DEFAULT '', package TEXT NOT NULL DEFAULT '', "
        "notes TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
        "deleted_at TEXT, playbook_id INTEGER REFERENCES playbooks (id) ON DELETE SET NULL, "
        "import_batch_id INTEGER, version INTEGER NOT NULL DEFAULT 1) STRICT");
  exec (fixture->store,
        "INSERT INTO accounts_v4 SELECT id, external_id, name, segment, owner, sales_owner, "
        "ifnull (arr_cents, 0), currency, stage, status, close_date, kickoff_date, golive_date, "
        "first_value_date, first_value_milestone, package, notes, created_at, updated_at, "
        "deleted_at, playbook_id, import_batch_id, version FROM accounts");
  exec (fixture->store, "DROP TABLE accounts");
  exec (fixture->store, "ALTER TABLE accounts_v4 RENAME TO accounts");
  exec (fixture->store, "CREATE UNIQUE INDEX accounts_external_id ON accounts (external_id) "
                        "WHERE external_id IS NOT NULL");
  exec (fixture->store, "CREATE INDEX accounts_updated ON accounts (updated_at)");
  exec (fixture->store, "DROP TABLE packages");
  exec (fixture->store, "DROP TABLE interview_answers");
  exec (fixture->store, "DROP TABLE interviews");
  exec (fixture->store, "DROP TABLE questions");
  exec (fixture->store, "PRAGMA foreign_keys = ON");
  exec (fixture->store, "PRAGMA user_version = 4");
  path = g_strdup (ov_store_get_path (fixture->store));
  g_clear_object (&fixture->store);
  fixture->store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_get_schema_version (fixture->store), ==,
                   ov_store_get_latest_version ());

  for (gint64 id = 5; id >= 1; id--)
    {
      done = undo (fixture->store, id, OV_UNDO_IMPORT_DEFAULT);
      g_assert_false (ov_undo_plan_needs_confirmation (done));
      g_assert_cmpuint (done->n_gone, ==, 0);
      g_clear_pointer (&done, ov_undo_plan_free);
    }
  rows = csv_test_query (fixture->store,
                         "SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM people)");
  g_assert_cmpstr (rows, ==, "0|0\n");
}

/* Every UPDATE an import or an undo makes adds one to the version. */
static void
test_versions (CsvTestStore  *fixture,
               gconstpointer  data)
{
  g_autoptr(OvUndoPlan) done = NULL;
  g_autofree char *rows = NULL;

  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nA-1,Acme\n");
  import (fixture->store, OV_CSV_KIND_PEOPLE,
          "account_external_id,name,email\nA-1,Ada,ada@example.com\n");
  import (fixture->store, OV_CSV_KIND_TASKS, "account_external_id,stage,title\nA-1,1,Call\n");
  import (fixture->store, OV_CSV_KIND_METRICS,
          "account_external_id,metric,value,measured_on\nA-1,nps,7,2026-01-01\n");
  import (fixture->store, OV_CSV_KIND_ACCOUNTS, "external_id,name\nA-1,Acme Inc\n");
  import (fixture->store, OV_CSV_KIND_PEOPLE,
          "account_external_id,name,email\nA-1,Ada King,ada@example.com\n");
  import (fixture->store, OV_CSV_KIND_TASKS,
          "account_external_id,stage,title,due_date\nA-1,1,Call,2026-05-01\n");
  import (fixture->store, OV_CSV_KIND_METRICS,
          "account_external_id,metric,value,measured_on\nA-1,nps,8,2026-01-01\n");

  rows = csv_test_query (fixture->store,
                         "SELECT (SELECT version FROM accounts), (SELECT version FROM people), "
                         "(SELECT version FROM tasks WHERE title = 'Call'), "
                         "(SELECT version FROM metric_values)");
  g_assert_cmpstr (rows, ==, "2|2|2|2\n");

  for (gint64 id = 8; id >= 5; id--)
    {
      done = undo (fixture->store, id, OV_UNDO_IMPORT_DEFAULT);
      assert_plan (done, 0, 1, 0, 0, 0);
      g_clear_pointer (&done, ov_undo_plan_free);
    }
  g_clear_pointer (&rows, g_free);
  rows = csv_test_query (fixture->store,
                         "SELECT (SELECT version FROM accounts), (SELECT version FROM people), "
                         "(SELECT version FROM tasks WHERE title = 'Call'), "
                         "(SELECT version FROM metric_values)");
  g_assert_cmpstr (rows, ==, "3|3|3|3\n");

  /* Each is again as the import that made it left it. */
  for (gint64 id = 4; id >= 1; id--)
    {
      done = undo (fixture->store, id, OV_UNDO_IMPORT_DEFAULT);
      assert_plan (done, 1, 0, 0, 0, 0);
      g_clear_pointer (&done, ov_undo_plan_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, CsvTestStore, NULL, csv_test_store_set_up, func, csv_test_store_tear_down)

  ADD ("/undo/accounts/deleted", test_accounts_deleted);
  ADD ("/undo/accounts/in-bin", test_accounts_in_bin);
  ADD ("/undo/people/deleted", test_people_deleted);
  ADD ("/undo/tasks/deleted-and-edited", test_tasks_deleted_and_edited);
  ADD ("/undo/metrics/deleted-and-edited", test_metrics_deleted_and_edited);
  ADD ("/undo/accounts/hand-made-children", test_hand_made_children);
  ADD ("/undo/accounts/created-edited", test_created_edited);
  ADD ("/undo/accounts/updated-edited", test_updated_edited);
  ADD ("/undo/chain", test_chain);
  ADD ("/undo/legacy-backups", test_legacy_backups);
  ADD ("/undo/versions", test_versions);

#undef ADD

  return g_test_run ();
}
