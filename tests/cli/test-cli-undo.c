/* test-cli-undo.c — overture-cli undo-import: an import taken back, and
 * the work done since that it would take along
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-support.h"

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "a.csv");
  g_autofree char *change = path_in (fixture, "b.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_file (file, "external_id,name\nA-1,Acme\nB-1,Beta\n");
  write_file (change, "external_id,name\nA-1,Acme Renamed\nC-1,Gamma\n");
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 0);
  before = dump_db (fixture->db);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", change, NULL),
                   ==, 0);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Undid batch 2 (accounts from b.csv): 1 removed, 1 restored\n");
  after = dump_db (fixture->db);
  g_assert_cmpstr (after, !=, before);
  {
    g_autoptr(OvStore) store = ov_store_open (fixture->db, NULL);
    g_autofree char *names = csv_test_query (store, "SELECT name FROM accounts ORDER BY id");

    g_assert_cmpstr (names, ==, "Acme\nBeta\n");
  }

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 1);
  g_assert_nonnull (strstr (err, ": Import 2 was already undone ("));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "undo-import", "7", NULL), ==, 1);
  expected = g_strdup_printf ("%s: There is no import number 7.\n", fixture->db);
  g_assert_cmpstr (err, ==, expected);
}

/* Work done since the import: without --force it is told and nothing
 * changes; with it, it goes too. Rows deleted since are only told. */
static void
test_undo_force (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "a.csv");
  g_autofree char *change = path_in (fixture, "b.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_file (file, "external_id,name\nA-1,Acme\nB-1,Beta\n");
  write_file (change, "external_id,name\nA-1,Acme Renamed\n");
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", change, NULL),
                   ==, 0);
  {
    g_autoptr(OvStore) store = ov_store_open (fixture->db, NULL);

    g_free (csv_test_query (store,
                            "INSERT INTO tasks (account_id, stage, title, created_at, updated_at) "
                            "SELECT id, 4, 'Call', '2026-03-02T10:00:00Z', "
                            "'2026-03-02T10:00:00Z' FROM accounts WHERE external_id = 'B-1'"));
    g_free (csv_test_query (store, "UPDATE accounts SET owner = 'Mia', version = version + 1 "
                                   "WHERE external_id = 'B-1'"));
    g_free (csv_test_query (store, "DELETE FROM accounts WHERE external_id = 'A-1'"));
  }

  /* The renamed account is gone: nothing to restore, nothing to ask. */
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "Undid batch 2 (accounts from b.csv): 0 removed, 0 restored\n"
                   "  Changed by it and deleted since, nothing to restore: Acme\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  before = dump_db (fixture->db);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "1", NULL), ==, 1);
  expected = g_strdup_printf ("%s: import 1 was worked on since; nothing was undone. With "
                              "--force, undoing it also does this:\n"
                              "  Added since to the accounts it made, removed with them: 1 task\n"
                              "  Made by it and edited since, removed all the same: Beta\n",
                              fixture->db);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
  after = dump_db (fixture->db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "undo-import", "--force", "1", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==,
                   "Undid batch 1 (accounts from a.csv): 1 removed, 0 restored\n"
                   "  Added since to the accounts it made, removed with them: 1 task\n"
                   "  Made by it and edited since, removed all the same: Beta\n");
  {
    g_autoptr(OvStore) store = ov_store_open (fixture->db, NULL);
    g_autofree char *left = csv_test_query (store, "SELECT (SELECT count(*) FROM accounts), "
                                                   "(SELECT count(*) FROM tasks)");

    g_assert_cmpstr (left, ==, "0|0\n");
  }
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/undo", test_undo);
  CLI_TEST_ADD ("/cli/undo-force", test_undo_force);

  return g_test_run ();
}
