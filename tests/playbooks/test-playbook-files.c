/* test-playbook-files.c — playbooks as JSON files, in and out: round
 * trips, the shipped fixtures, files of several, and the bad and hostile
 * files refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "playbooks-test-support.h"

static void
test_json_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) standard = only_playbook (store);
  g_autoptr(OvPlaybook) parsed = NULL;
  g_autoptr(OvPlaybook) imported = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  gsize length = 0;
  gint64 id;

  ov_playbook_set_segment (standard, "Mid-Market");
  ov_playbook_set_description (standard, "Ünïcode “quotes” and\nlines.");
  g_assert_true (ov_store_save_playbook (store, standard, &error));

  json = ov_playbook_to_json (standard, &length);
  g_assert_cmpuint (length, ==, strlen (json));
  g_assert_nonnull (strstr (json, "\"format\" : \"overture-playbook\""));
  g_assert_nonnull (strstr (json, "\"version\" : 1"));

  parsed = ov_playbook_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_playbook_get_name (parsed), ==, "Standard onboarding");
  g_assert_cmpstr (ov_playbook_get_description (parsed), ==, "Ünïcode “quotes” and\nlines.");
  g_assert_cmpstr (ov_playbook_get_segment (parsed), ==, "Mid-Market");
  g_assert_false (ov_playbook_get_is_default (parsed));
  g_assert_cmpint (ov_playbook_get_id (parsed), ==, 0);
  expected = describe (standard);
  got = describe (parsed);
  g_assert_cmpstr (got, ==, expected);

  /* Through a file: export, import. The segment is taken, so it is not
   * carried over; the copy is never the default. */
  path = g_build_filename (dir, "shared.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (ov_store_export_playbook (store, ov_playbook_get_id (standard), file, &error));
  g_assert_no_error (error);

  id = ov_store_import_playbook (store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, ov_playbook_get_id (standard));
  imported = ov_store_get_playbook (store, id, &error);
  g_assert_cmpstr (ov_playbook_get_name (imported), ==, "Standard onboarding");
  g_assert_cmpstr (ov_playbook_get_segment (imported), ==, "");
  g_assert_false (ov_playbook_get_is_default (imported));
  g_clear_pointer (&got, g_free);
  got = describe (imported);
  g_assert_cmpstr (got, ==, expected);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_json_fixture (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autofree char *path = ov_test_fixture_path ("playbooks", "good-enterprise.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OvPlaybook) imported = NULL;
  g_autoptr(OvPlaybook) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id, second;

  id = ov_store_import_playbook (store, file, NULL, &error);
  g_assert_no_error (error);
  imported = ov_store_get_playbook (store, id, &error);
  g_assert_cmpstr (ov_playbook_get_name (imported), ==, "Enterprise rollout");
  g_assert_cmpstr (ov_playbook_get_description (imported), ==,
                   "For large customers with several sites and a steering group.");
  g_assert_cmpstr (ov_playbook_get_segment (imported), ==, "Enterprise");
  /* Stage order whatever the file's order; 5.0 is a whole number. */
  text = describe (imported);
  g_assert_cmpstr (text, ==,
                   "embark|Map the buying committee||sales|0\n"
                   "kickoff|Book the steering group kickoff||onboarding|2\n"
                   "kickoff|Agree on the pilot sites|Two sites first, the rest later.|sponsor|5\n"
                   "expand|Plan the next wave of sites||csm|365\n");

  /* A second import of the same file: the segment is already taken. */
  second = ov_store_import_playbook (store, file, NULL, &error);
  g_assert_no_error (error);
  again = ov_store_get_playbook (store, second, &error);
  g_assert_cmpstr (ov_playbook_get_segment (again), ==, "");
  g_assert_cmpuint (count_playbooks (store), ==, 3);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

typedef struct
{
  const char *file;
  int         code;
  const char *message;   /* after "Could not import “file”: " */
} BadFile;

static const BadFile bad_files[] = {
  { "bad-empty.json", OV_PLAYBOOK_ERROR_SYNTAX, "The file is empty." },
  { "bad-not-utf8.json", OV_PLAYBOOK_ERROR_SYNTAX,
    "The file is not UTF-8 text, so it cannot be a playbook." },
  { "bad-not-object.json", OV_PLAYBOOK_ERROR_FORMAT,
    "The file holds a list, but a playbook file holds one object with "
    "\"format\": \"overture-playbook\"." },
  { "bad-no-format.json", OV_PLAYBOOK_ERROR_FORMAT,
    "format: this is missing, so the file is not an Overture playbook." },
  { "bad-format.json", OV_PLAYBOOK_ERROR_FORMAT,
    "format: “kanban-board” is not an Overture playbook (expected “overture-playbook”)." },
  { "bad-version.json", OV_PLAYBOOK_ERROR_VERSION,
    "version: the file uses format version 3, but this version of Overture reads up to "
    "version 2. Update Overture to import it." },
  { "bad-name-missing.json", OV_PLAYBOOK_ERROR_INVALID, "name: this is missing." },
  { "bad-name-blank.json", OV_PLAYBOOK_ERROR_INVALID, "name: must not be empty." },
  { "bad-description-type.json", OV_PLAYBOOK_ERROR_INVALID,
    "description: expected text, found a number." },
  { "bad-stages-type.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages: expected an object with one list of tasks per stage, found a list." },
  { "bad-unknown-stage.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.launch: “launch” is not a stage (expected embark, handoff, kickoff, adopt, review "
    "or expand)." },
  { "bad-tasks-not-list.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.review: expected a list of tasks, found an object." },
  { "bad-task-not-object.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.handoff[0]: expected a task (an object with title, role and day_offset), found "
    "text." },
  { "bad-title-missing.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.embark[0].title: this is missing." },
  { "bad-role.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.kickoff[1].role: “ceo” is not a role (expected one of sales, onboarding, csm, "
    "support, training, services, sponsor, champion, admin, end_user)." },
  { "bad-offset-text.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.adopt[0].day_offset: expected a whole number of days, found text." },
  { "bad-offset-fraction.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.adopt[0].day_offset: expected a whole number of days, found a fraction." },
  { "bad-offset-range.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.expand[1].day_offset: 400 is not between 0 and 365 days." },
  { "bad-offset-missing.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.review[0].day_offset: this is missing." },
  { "bad-unknown-member.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.handoff[0].day_ofset: “day_ofset” is not part of a playbook file (expected title, "
    "description, role, day_offset, training)." },
  /* json-glib would store "A" and drop the rest. */
  { "bad-nul.json", OV_PLAYBOOK_ERROR_INVALID,
    "line 4: the file holds a NUL character, which a playbook cannot store." },
  { "bad-control-name.json", OV_PLAYBOOK_ERROR_INVALID,
    "name: holds the control character U+0007, which is not allowed here." },
  { "bad-control-title.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.embark[0].title: holds the control character U+000A, which is not allowed here." },
  /* The first task's tab and line feeds are fine; the escape codes are not. */
  { "bad-control-description.json", OV_PLAYBOOK_ERROR_INVALID,
    "stages.adopt[1].description: holds the control character U+001B; a description may hold "
    "tabs and line breaks, but no other control characters." },
  /* One bad playbook of several: none is imported. */
  { "bad-list-entry.json", OV_PLAYBOOK_ERROR_INVALID, "playbooks[1].name: must not be empty." },
};

static void
test_json_bad_files (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Meridian Water", "Enterprise",
                                                 OV_STAGE_KICKOFF, jt_date ("2026-11-10"));
  g_autofree char *before = jt_dump (store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = ov_test_fixture_path ("playbooks", bad_files[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *expected = g_strdup_printf ("Could not import “%s”: %s",
                                                   bad_files[i].file, bad_files[i].message);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad_files[i].file);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (ov_store_import_playbook (store, file, NULL, &error), ==, 0);
      g_assert_error (error, OV_PLAYBOOK_ERROR, bad_files[i].code);
      g_assert_cmpstr (error->message, ==, expected);

      after = jt_dump (store);
      g_assert_cmpstr (after, ==, before);
    }

  /* Broken JSON: the parser's own words (with the line) follow ours. */
  {
    g_autofree char *path = ov_test_fixture_path ("playbooks", "bad-syntax.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (ov_store_import_playbook (store, file, NULL, &error), ==, 0);
    g_assert_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_SYNTAX);
    g_test_message ("%s", error->message);
    g_assert_true (g_str_has_prefix (error->message, "Could not import “bad-syntax.json”: "
                                                     "The file is not valid JSON: line 8: "));
    g_assert_null (strstr (error->message, "<data>"));
    after = jt_dump (store);
    g_assert_cmpstr (after, ==, before);
  }

  /* A file that is not there. */
  {
    g_autofree char *path = g_build_filename (dir, "missing.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (ov_store_import_playbook (store, file, NULL, &error), ==, 0);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_true (g_str_has_prefix (error->message, "Could not import “missing.json”: "));
  }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* A playbook file of @n_tasks tasks in each of @n_stages stages. */
static char *
many_tasks_json (guint n_stages,
                 guint n_tasks)
{
  GString *json = g_string_new ("{\"format\":\"overture-playbook\",\"version\":1,"
                                "\"name\":\"Huge\",\"stages\":{");

  for (OvStage stage = OV_STAGE_FIRST; stage < OV_STAGE_FIRST + n_stages; stage++)
    {
      g_string_append_printf (json, "%s\"%s\":[", stage > OV_STAGE_FIRST ? "," : "",
                              ov_stage_get_id (stage));
      for (guint i = 0; i < n_tasks; i++)
        g_string_append_printf (json, "%s{\"title\":\"Task %u\",\"role\":\"csm\","
                                "\"day_offset\":1}", i > 0 ? "," : "", i);
      g_string_append (json, "]");
    }
  g_string_append (json, "}}");

  return g_string_free (json, FALSE);
}

typedef struct
{
  const char *name;
  char       *contents;
  int         code;
  const char *message;   /* after "Could not import “name”: " */
} HostileFile;

/* Files made by the test rather than kept in fixtures/: too big to keep. */
static void
test_json_hostile_files (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Meridian Water", "Enterprise",
                                                 OV_STAGE_KICKOFF, jt_date ("2026-11-10"));
  g_autofree char *before = jt_dump (store);
  GString *deep = g_string_new ("{\"format\":\"overture-playbook\",\"version\":1,"
                                "\"name\":\"Deep\",\"description\":");
  GString *large = g_string_new ("{\"format\":\"overture-playbook\",\"version\":1,"
                                 "\"name\":\"Large\",\"description\":\"");
  GString *crowd = g_string_new ("{\"format\":\"overture-playbooks\",\"version\":1,"
                                 "\"playbooks\":[");
  HostileFile files[6];

  /* 100,000 deep, 200 KB: json-glib's recursion crashed on it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  for (guint i = 0; i < 5 * 1024 * 1024 / 64; i++)
    g_string_append (large, "A description that goes on and on and on and on and on and on. ");
  g_string_append (large, "\"}");

  for (guint i = 0; i <= OV_PLAYBOOK_MAX_FILE_COUNT; i++)
    g_string_append_printf (crowd, "%s{\"name\":\"Playbook %u\"}", i > 0 ? "," : "", i);
  g_string_append (crowd, "]}");

  files[0] = (HostileFile) { "deep.json", g_string_free (deep, FALSE), OV_PLAYBOOK_ERROR_FORMAT,
                             "line 1: lists and objects are nested more than 16 deep; a "
                             "playbook file needs far fewer levels." };
  files[1] = (HostileFile) { "large.json", g_string_free (large, FALSE),
                             OV_PLAYBOOK_ERROR_FORMAT,
                             "The file is too large to be a playbook (more than 4 MB)." };
  /* 60,000 tasks would be copied to every account at every stage change. */
  files[2] = (HostileFile) { "crowded-stage.json", many_tasks_json (1, 60000),
                             OV_PLAYBOOK_ERROR_INVALID,
                             "stages.embark: 60000 tasks; a stage holds at most 100." };
  files[3] = (HostileFile) { "just-too-many.json", many_tasks_json (1, 101),
                             OV_PLAYBOOK_ERROR_INVALID,
                             "stages.embark: 101 tasks; a stage holds at most 100." };
  files[4] = (HostileFile) { "crowded-playbook.json", many_tasks_json (6, 60),
                             OV_PLAYBOOK_ERROR_INVALID,
                             "stages: more than 300 tasks in all; a playbook holds at most "
                             "300." };
  files[5] = (HostileFile) { "crowd.json", g_string_free (crowd, FALSE),
                             OV_PLAYBOOK_ERROR_INVALID,
                             "playbooks: 101 playbooks; a file holds at most 100." };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *expected = g_strdup_printf ("Could not import “%s”: %s",
                                                   files[i].name, files[i].message);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", files[i].name);
      g_assert_true (g_file_set_contents (path, files[i].contents, -1, NULL));
      g_assert_cmpint (ov_store_import_playbook (store, file, NULL, &error), ==, 0);
      g_assert_error (error, OV_PLAYBOOK_ERROR, files[i].code);
      g_assert_cmpstr (error->message, ==, expected);

      after = jt_dump (store);
      g_assert_cmpstr (after, ==, before);
      g_free (files[i].contents);
    }

  /* At the limits, a playbook is fine. */
  {
    g_autofree char *json = many_tasks_json (3, OV_PLAYBOOK_MAX_STAGE_TASKS);
    g_autoptr(OvPlaybook) playbook = NULL;
    g_autoptr(GError) error = NULL;

    playbook = ov_playbook_new_from_json (json, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ov_playbook_get_n_tasks (playbook, 0), ==, OV_PLAYBOOK_MAX_TASKS);
  }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Several playbooks in one file: out and back in, all of them or none. */
static void
test_json_several (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autofree char *fixture = ov_test_fixture_path ("playbooks", "good-several.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autofree char *path = g_build_filename (dir, "all.json", NULL);
  g_autoptr(GFile) all = g_file_new_for_path (path);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(OvPlaybook) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  ids = ov_store_import_playbooks (store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  first = ov_store_get_playbook (store, g_array_index (ids, gint64, 0), &error);
  g_assert_cmpstr (ov_playbook_get_name (first), ==, "Sales & CS <EMEA>");
  g_assert_cmpstr (ov_playbook_get_description (first), ==,
                   "Brackets in text are no nesting: [[[{{{ \"quoted [\" \\ }}}]]]\n\tand a tab.");
  g_assert_cmpstr (ov_playbook_get_segment (first), ==, "EMEA");
  text = describe (first);
  g_assert_cmpstr (text, ==, "handoff|Hand over [all] {notes}||sales|1\n");
  g_assert_cmpuint (count_playbooks (store), ==, 3);

  /* The app's single import takes such a file too. */
  g_assert_cmpint (ov_store_import_playbook (store, file, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_playbooks (store), ==, 5);

  /* Every playbook out, and into a fresh database. */
  g_assert_true (ov_store_export_playbooks (store, NULL, all, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);
  {
    g_autofree char *other_dir = NULL;
    g_autoptr(OvStore) other = ov_test_new_store (&other_dir);
    g_autoptr(GPtrArray) mine = ov_store_list_playbooks (store, NULL);
    g_autoptr(GPtrArray) theirs = NULL;

    again = ov_store_import_playbooks (other, all, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 5);
    theirs = ov_store_list_playbooks (other, NULL);
    g_assert_cmpuint (theirs->len, ==, 6);
    for (guint i = 0; i < mine->len; i++)
      {
        OvPlaybook *playbook = g_ptr_array_index (mine, i);
        g_autoptr(OvPlaybook) copy = ov_store_get_playbook (other,
                                                            g_array_index (again, gint64, i),
                                                            NULL);
        g_autofree char *expected = describe (playbook);
        g_autofree char *got = describe (copy);

        g_assert_cmpstr (ov_playbook_get_name (copy), ==, ov_playbook_get_name (playbook));
        g_assert_cmpstr (got, ==, expected);
      }

    g_clear_object (&other);
    ov_test_remove_dir (other_dir);
  }

  /* One playbook is expected where the caller reads one. */
  {
    g_autofree char *json = NULL;

    g_assert_true (g_file_get_contents (fixture, &json, NULL, NULL));
    g_assert_null (ov_playbook_new_from_json (json, -1, &error));
    g_assert_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_FORMAT);
    g_assert_cmpstr (error->message, ==, "format: the file holds several playbooks "
                                         "(“overture-playbooks”), where one was expected.");
  }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* A playbook export keeps the mode of the file it replaces; a new one is
 * 0600 like the database, whatever the umask. */
static void
test_json_file_modes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) standard = only_playbook (store);
  static const guint kept[] = { 0600, 0640 };
  static const mode_t umasks[] = { 0, 0022 };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *name = g_strdup_printf ("kept-%o.json", kept[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
      g_assert_cmpint (g_chmod (path, kept[i]), ==, 0);
      g_assert_true (ov_store_export_playbook (store, ov_playbook_get_id (standard), file,
                                               &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ov_test_file_mode (path), ==, kept[i]);

      g_assert_cmpint (g_chmod (path, kept[i]), ==, 0);
      g_assert_true (ov_store_export_playbooks (store, NULL, file, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ov_test_file_mode (path), ==, kept[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (umasks); i++)
    {
      g_autofree char *name = g_strdup_printf ("new-%o.json", (guint)umasks[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      mode_t before = umask (umasks[i]);
      gboolean ok;

      ok = ov_store_export_playbook (store, ov_playbook_get_id (standard), file, &error);
      umask (before);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (ov_test_file_mode (path), ==, 0600);
    }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/playbooks/json-round-trip", test_json_round_trip);
  g_test_add_func ("/playbooks/json-fixture", test_json_fixture);
  g_test_add_func ("/playbooks/json-bad-files", test_json_bad_files);
  g_test_add_func ("/playbooks/json-hostile-files", test_json_hostile_files);
  g_test_add_func ("/playbooks/json-several", test_json_several);
  g_test_add_func ("/playbooks/json-file-modes", test_json_file_modes);

  return g_test_run ();
}
