/* test-cli-playbooks.c — overture-cli import and export of playbooks:
 * between databases, and the files it refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-support.h"

/* Playbooks between databases: export → import, the app's JSON. */
static void
test_playbooks (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *other_db = path_in (fixture, "other.db");
  g_autofree char *json = path_in (fixture, "playbooks.json");
  g_autofree char *fixture_path = ov_test_fixture_path ("playbooks", "good-several.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stdout_json = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "playbooks",
                            fixture_path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported playbook 2: Sales & CS <EMEA>\n"
                            "Imported playbook 3: Small business\n");
  g_assert_cmpstr (err, ==, "");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "export", "playbooks", "-o", json,
                            NULL), ==, 0);
  expected = g_strdup_printf ("Wrote 3 playbooks to %s\n", json);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpuint (ov_test_file_mode (json), ==, 0600);

  /* To stdout, the same bytes. */
  g_assert_cmpint (run_cli (&stdout_json, NULL, "--db", fixture->db, "export", "playbooks",
                            NULL), ==, 0);
  written = read_file (json);
  g_assert_cmpstr (stdout_json, ==, written);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "--db", other_db, "import", "playbooks", json, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Imported playbook 2: Standard onboarding\n"
                            "Imported playbook 3: Sales & CS <EMEA>\n"
                            "Imported playbook 4: Small business\n");

  {
    g_autoptr(OvStore) store = ov_store_open (fixture->db, NULL);
    g_autoptr(OvStore) other = ov_store_open (other_db, NULL);
    g_autofree char *again = NULL;

    mine = ov_store_list_playbooks (store, NULL);
    theirs = ov_store_list_playbooks (other, NULL);
    g_assert_cmpuint (mine->len, ==, 3);
    /* Its own shipped playbook and the three imported ones. */
    g_assert_cmpuint (theirs->len, ==, 4);
    for (guint i = 0; i < mine->len; i++)
      {
        OvPlaybook *playbook = g_ptr_array_index (mine, i);
        g_autoptr(OvPlaybook) copy = ov_store_get_playbook (other, i + 2, NULL);
        g_autofree char *a = ov_playbook_to_json (playbook, NULL);
        g_autofree char *b = NULL;

        /* Only the segment may differ, when the other database had it. */
        g_assert_nonnull (copy);
        ov_playbook_set_segment (copy, ov_playbook_get_segment (playbook));
        b = ov_playbook_to_json (copy, NULL);
        g_assert_cmpstr (b, ==, a);
      }
    g_clear_object (&other);

    /* A second export over the first keeps its mode. */
    g_assert_cmpint (g_chmod (json, 0640), ==, 0);
    g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "export", "playbooks", "-o",
                              json, NULL), ==, 0);
    g_assert_cmpuint (ov_test_file_mode (json), ==, 0640);
    again = read_file (json);
    g_assert_cmpstr (again, ==, written);
  }
}

static void
assert_same_playbooks (const char *db,
                       const char *expected)
{
  g_autofree char *now = NULL;

  g_assert_cmpint (run_cli (&now, NULL, "--db", db, "export", "playbooks", NULL), ==, 0);
  g_assert_cmpstr (now, ==, expected);
}

/* Refused files change nothing and say why; usage errors are status 2. */
static void
test_playbooks_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *bad_role = ov_test_fixture_path ("playbooks", "bad-role.json", NULL);
  g_autofree char *bad_entry = ov_test_fixture_path ("playbooks", "bad-list-entry.json", NULL);
  g_autofree char *nul = ov_test_fixture_path ("playbooks", "bad-nul.json", NULL);
  g_autofree char *deep = path_in (fixture, "deep.json");
  g_autofree char *missing = path_in (fixture, "missing.json");
  g_autofree char *before = NULL;
  g_autofree char *playbooks_before = NULL;
  GString *nested = g_string_new (NULL);
  const struct
  {
    const char *path;
    const char *message;
  } refused[] = {
    { bad_role, "Could not import “bad-role.json”: stages.kickoff[1].role: “ceo” is not a role "
                "(expected one of sales, onboarding, csm, support, training, services, sponsor, "
                "champion, admin, end_user)." },
    { bad_entry, "Could not import “bad-list-entry.json”: playbooks[1].name: must not be "
                 "empty." },
    { nul, "Could not import “bad-nul.json”: line 4: the file holds a NUL character, which a "
           "playbook cannot store." },
    { deep, "Could not import “deep.json”: line 1: lists and objects are nested more than 16 "
            "deep; a playbook file needs far fewer levels." },
    { missing, NULL },
  };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '{');
  write_file (deep, nested->str);
  g_string_free (nested, TRUE);

  /* Export reads only: the database must exist (the app makes it). */
  g_free (dump_db (fixture->db));
  g_assert_cmpint (run_cli (&playbooks_before, NULL, "--db", fixture->db, "export", "playbooks",
                            NULL), ==, 0);
  before = dump_db (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", refused[i].path);
      g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "playbooks",
                                refused[i].path, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      if (refused[i].message != NULL)
        {
          g_autofree char *expected = g_strdup_printf ("%s: %s\n", refused[i].path,
                                                       refused[i].message);

          g_assert_cmpstr (err, ==, expected);
        }
      else
        {
          g_assert_true (g_str_has_prefix (err, refused[i].path));
          g_assert_nonnull (strstr (err, "Could not import “missing.json”: "));
        }
      after = dump_db (fixture->db);
      g_assert_cmpstr (after, ==, before);
      assert_same_playbooks (fixture->db, playbooks_before);
    }

  /* Usage: status 2, nothing read or written. */
  {
    g_autofree char *err = NULL;
    g_autofree char *nowhere = g_build_filename (fixture->dir, "no", "such.json", NULL);
    g_autofree char *after = NULL;

    g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "playbooks", NULL), ==,
                     2);
    g_assert_cmpstr (err, ==, "overture-cli import: a playbook file is needed\n");
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "playbooks", bad_role,
                              "extra", NULL), ==, 2);
    g_assert_cmpstr (err, ==, "overture-cli import: unexpected argument “extra”\n");
    g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "playbooks", bad_role,
                              "--frobnicate", NULL), ==, 2);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "export", "playbooks", "extra",
                              NULL), ==, 2);
    g_assert_cmpstr (err, ==, "overture-cli export: unexpected argument “extra”\n");

    /* A folder that is not there: refused, status 1. */
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "export", "playbooks", "-o",
                              nowhere, NULL), ==, 1);
    g_assert_true (g_str_has_prefix (err, nowhere));
    g_assert_nonnull (strstr (err, "its folder does not exist"));

    after = dump_db (fixture->db);
    g_assert_cmpstr (after, ==, before);
    assert_same_playbooks (fixture->db, playbooks_before);
  }
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/playbooks", test_playbooks);
  CLI_TEST_ADD ("/cli/playbooks-refused", test_playbooks_refused);

  return g_test_run ();
}
