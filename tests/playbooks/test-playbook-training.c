/* test-playbook-training.c — a playbook task's training: stored and read
 * with the playbook, let go of when the item goes, carried by the tasks a
 * stage brings, and in playbook files (linked or added on import, hostile
 * descriptions refused)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-store-content.h"
#include "ov-store-journey.h"
#include "ov-store-private.h"
#include "ov-store-tasks.h"
#include "playbooks-test-support.h"

static const char * const library_rows[] = {
  "SELECT * FROM playbooks ORDER BY id",
  "SELECT * FROM playbook_tasks ORDER BY id",
  "SELECT * FROM content_items ORDER BY id",
};

static OvContentItem *
add_item (OvStore         *store,
          const char      *title,
          OvContentFormat  format,
          const char      *location,
          guint            minutes)
{
  OvContentItem *item = ov_content_item_new (title, format);
  g_autoptr(GError) error = NULL;

  ov_content_item_set_location (item, location);
  ov_content_item_set_duration (item, minutes);
  g_assert_true (ov_store_add_content_item (store, item, &error));
  g_assert_no_error (error);
  return item;
}

/* The task at @position of @stage (borrowed from @playbook). */
static OvPlaybookTask *
task_at (OvPlaybook *playbook,
         OvStage     stage,
         guint       position)
{
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, stage);

  g_assert_cmpuint (position, <, tasks->len);
  return g_ptr_array_index (tasks, position);
}

static gint64
count (OvStore    *store,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (ov_store_query_int64 (store, sql, &n, NULL));
  return n;
}

static void
test_store_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) playbook = only_playbook (store);
  g_autoptr(OvPlaybook) read = NULL;
  g_autoptr(OvPlaybook) after = NULL;
  g_autoptr(OvContentItem) item = add_item (store, "Admin foundations", OV_CONTENT_FORMAT_COURSE,
                                            "https://learn.example.com/admin", 90);
  g_autoptr(GError) error = NULL;
  OvPlaybookTask *task;
  gint64 version;

  /* Adopt's second task is "Train the administrators". */
  task = task_at (playbook, OV_STAGE_ADOPT, 1);
  g_assert_null (ov_playbook_task_get_content (task));
  g_assert_cmpint (ov_playbook_task_get_content_id (task), ==, 0);
  g_assert_cmpstr (ov_playbook_task_get_content_title (task), ==, "");
  ov_playbook_task_set_content (task, item);
  g_assert_cmpint (ov_playbook_task_get_content_id (task), ==, ov_content_item_get_id (item));
  /* The task holds a copy: the item renamed here is not the task's. */
  ov_content_item_set_title (item, "Renamed in memory only");
  g_assert_cmpstr (ov_playbook_task_get_content_title (task), ==, "Admin foundations");

  version = ov_playbook_get_version (playbook);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_playbook_get_version (playbook), ==, version + 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM playbook_tasks WHERE content_id IS NOT NULL"),
                   ==, 1);

  read = ov_store_get_playbook (store, ov_playbook_get_id (playbook), &error);
  g_assert_no_error (error);
  task = task_at (read, OV_STAGE_ADOPT, 1);
  g_assert_cmpint (ov_playbook_task_get_content_id (task), ==, ov_content_item_get_id (item));
  g_assert_cmpstr (ov_playbook_task_get_content_title (task), ==, "Admin foundations");
  g_assert_cmpstr (ov_content_item_get_location (ov_playbook_task_get_content (task)), ==,
                   "https://learn.example.com/admin");
  g_assert_cmpuint (ov_content_item_get_duration (ov_playbook_task_get_content (task)), ==, 90);
  /* Every other task has none. */
  g_assert_null (ov_playbook_task_get_content (task_at (read, OV_STAGE_ADOPT, 0)));

  /* A copy of the playbook keeps the link, and compares equal field by field. */
  {
    g_autoptr(OvPlaybook) copy = ov_playbook_copy (read);
    OvPlaybookTask *copied = task_at (copy, OV_STAGE_ADOPT, 1);

    g_assert_cmpint (ov_playbook_task_get_content_id (copied), ==, ov_content_item_get_id (item));
    g_assert_true (ov_playbook_task_equal_fields (copied, task));
    ov_playbook_task_set_content (copied, NULL);
    g_assert_false (ov_playbook_task_equal_fields (copied, task));
  }

  /* Taking the training off stores NULL. */
  ov_playbook_task_set_content (task, NULL);
  g_assert_true (ov_store_save_playbook (store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM playbook_tasks WHERE content_id IS NOT NULL"),
                   ==, 0);

  /* Linked again, then the item is removed: the playbook lets go of it. */
  ov_content_item_set_title (item, "Admin foundations");
  ov_playbook_task_set_content (task, item);
  g_assert_true (ov_store_save_playbook (store, read, &error));
  g_assert_true (ov_store_delete_content_item (store, item, &error));
  g_assert_no_error (error);
  after = ov_store_get_playbook (store, ov_playbook_get_id (playbook), &error);
  g_assert_no_error (error);
  g_assert_null (ov_playbook_task_get_content (task_at (after, OV_STAGE_ADOPT, 1)));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_store_refuses_missing_item (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) playbook = only_playbook (store);
  g_autoptr(OvContentItem) item = add_item (store, "Daily workflows, live",
                                            OV_CONTENT_FORMAT_WEBINAR, "", 45);
  g_autoptr(OvContentItem) gone = ov_content_item_copy (item);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 version = ov_playbook_get_version (playbook);

  /* Linked in memory, then removed from the library before the save. */
  ov_playbook_task_set_content (task_at (playbook, OV_STAGE_ADOPT, 3), item);
  g_assert_true (ov_store_delete_content_item (store, item, &error));
  g_assert_no_error (error);
  before = jt_dump_rows (store, library_rows, G_N_ELEMENTS (library_rows));

  g_assert_false (ov_store_save_playbook (store, playbook, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Adopt, task 4 (“Train the end users”): the training “Daily workflows, live” "
                   "is not in the content library (it may have been removed); choose another "
                   "one or none.");
  g_assert_cmpint (ov_playbook_get_version (playbook), ==, version);
  after = jt_dump_rows (store, library_rows, G_N_ELEMENTS (library_rows));
  g_assert_cmpstr (after, ==, before);

  /* An item that never was stored (id 0) is refused the same way. */
  g_clear_error (&error);
  ov_content_item_set_id (gone, 0);
  ov_playbook_task_set_content (task_at (playbook, OV_STAGE_ADOPT, 3), gone);
  g_assert_false (ov_store_save_playbook (store, playbook, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);

  /* A training without a title is refused before the store looks. */
  g_clear_error (&error);
  ov_content_item_set_title (gone, "  ");
  ov_playbook_task_set_content (task_at (playbook, OV_STAGE_ADOPT, 3), gone);
  g_assert_false (ov_store_save_playbook (store, playbook, &error));
  g_assert_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Adopt, task 4 (“Train the end users”), training: Title: an item needs a "
                   "title.");
  g_free (after);
  after = jt_dump_rows (store, library_rows, G_N_ELEMENTS (library_rows));
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* The tasks a stage brings come from the playbook as edited and saved. */
static void
test_stage_tasks_carry_training (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) playbook = only_playbook (store);
  g_autoptr(OvContentItem) item = add_item (store, "Build your first report",
                                            OV_CONTENT_FORMAT_EXERCISE,
                                            "Sandbox workspace, exercise 3", 60);
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  guint n_with = 0;

  g_setenv ("OVERTURE_TODAY", "2026-07-20", TRUE);
  ov_playbook_task_set_content (task_at (playbook, OV_STAGE_ADOPT, 3), item);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  g_assert_no_error (error);

  account = jt_add_account (store, "Thistle Hotels", "", OV_STAGE_KICKOFF, jt_date ("2026-07-01"));
  g_assert_true (ov_store_create_stage_tasks (store, ov_account_get_id (account), OV_STAGE_ADOPT,
                                              jt_date ("2026-07-10"), NULL, &error));
  g_assert_no_error (error);

  tasks = ov_store_list_tasks (store, ov_account_get_id (account), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, ==, ov_playbook_get_n_tasks (playbook, OV_STAGE_ADOPT));
  for (guint i = 0; i < tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (tasks, i);

      if (ov_task_get_content_id (task) == 0)
        continue;
      n_with++;
      g_assert_cmpstr (ov_task_get_title (task), ==, "Train the end users");
      g_assert_cmpint (ov_task_get_content_id (task), ==, ov_content_item_get_id (item));
      g_assert_cmpstr (ov_task_get_content_title (task), ==, "Build your first report");
      g_assert_cmpstr (ov_task_get_content_location (task), ==, "Sandbox workspace, exercise 3");
    }
  g_assert_cmpuint (n_with, ==, 1);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Exported from one database, imported into a new one: the item is
 * added once, then found (whatever the case of its title). */
static void
test_file_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvStore) other = ov_test_new_store (&other_dir);
  g_autoptr(OvPlaybook) playbook = only_playbook (store);
  g_autoptr(OvContentItem) item = add_item (store, "Setup & <Admin> Course",
                                            OV_CONTENT_FORMAT_COURSE,
                                            "https://learn.example.com/setup?a=1&b=2", 75);
  g_autoptr(OvContentItem) existing = NULL;
  g_autoptr(OvPlaybook) imported = NULL;
  g_autoptr(OvPlaybook) again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  OvContentItem *added;
  guint n_added = 99;
  gint64 id;

  ov_content_item_set_role (item, "admin");
  ov_content_item_set_stage (item, OV_STAGE_ADOPT);
  g_assert_true (ov_store_update_content_item (store, item, &error));
  g_assert_no_error (error);
  ov_playbook_task_set_content (task_at (playbook, OV_STAGE_ADOPT, 1), item);
  ov_playbook_task_set_content (task_at (playbook, OV_STAGE_EXPAND, 1), item);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));

  /* A file without training stays version 1, one with it is version 2. */
  json = ov_playbook_to_json (playbook, NULL);
  g_assert_nonnull (strstr (json, "\"version\" : 2"));
  g_assert_nonnull (strstr (json, "\"training\" : {"));
  g_assert_nonnull (strstr (json, "\"format\" : \"course\""));
  g_assert_nonnull (strstr (json, "\"duration_minutes\" : 75"));

  path = g_build_filename (dir, "with-training.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (ov_store_export_playbook (store, ov_playbook_get_id (playbook), file, &error));
  g_assert_no_error (error);

  /* Into a new database: the item is added, once for both tasks. */
  id = ov_store_import_playbook (other, file, &n_added, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_added, ==, 1);
  items = ov_store_list_content_choices (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  added = g_ptr_array_index (items, 0);
  g_assert_cmpstr (ov_content_item_get_title (added), ==, "Setup & <Admin> Course");
  g_assert_cmpint (ov_content_item_get_format (added), ==, OV_CONTENT_FORMAT_COURSE);
  g_assert_cmpstr (ov_content_item_get_location (added), ==,
                   "https://learn.example.com/setup?a=1&b=2");
  g_assert_cmpuint (ov_content_item_get_duration (added), ==, 75);
  g_assert_cmpstr (ov_content_item_get_role (added), ==, "admin");
  g_assert_cmpint (ov_content_item_get_stage (added), ==, OV_STAGE_ADOPT);

  imported = ov_store_get_playbook (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_playbook_task_get_content_id (task_at (imported, OV_STAGE_ADOPT, 1)), ==,
                   ov_content_item_get_id (added));
  g_assert_cmpint (ov_playbook_task_get_content_id (task_at (imported, OV_STAGE_EXPAND, 1)), ==,
                   ov_content_item_get_id (added));
  g_assert_null (ov_playbook_task_get_content (task_at (imported, OV_STAGE_ADOPT, 0)));

  /* Again: the item is there now, so it is linked, not added. */
  g_assert_cmpint (ov_store_import_playbook (other, file, &n_added, &error), >, id);
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpint (count (other, "SELECT count(*) FROM content_items"), ==, 1);

  /* A library that has the title in other letters keeps its own item. */
  {
    g_autofree char *third_dir = NULL;
    g_autoptr(OvStore) third = ov_test_new_store (&third_dir);
    gint64 third_id;

    existing = add_item (third, "SETUP & <admin> COURSE", OV_CONTENT_FORMAT_VIDEO,
                         "https://lms.example.org/setup", 10);
    third_id = ov_store_import_playbook (third, file, &n_added, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_added, ==, 0);
    again = ov_store_get_playbook (third, third_id, &error);
    g_assert_cmpint (ov_playbook_task_get_content_id (task_at (again, OV_STAGE_ADOPT, 1)), ==,
                     ov_content_item_get_id (existing));
    g_assert_cmpstr (ov_playbook_task_get_content_title (task_at (again, OV_STAGE_ADOPT, 1)), ==,
                     "SETUP & <admin> COURSE");
    g_assert_cmpint (count (third, "SELECT count(*) FROM content_items"), ==, 1);
    g_clear_object (&third);
    ov_test_remove_dir (third_dir);
  }

  g_clear_object (&store);
  g_clear_object (&other);
  ov_test_remove_dir (dir);
  ov_test_remove_dir (other_dir);
}

/* A version 1 file (no training) still reads, and a file of version 2
 * from elsewhere adds its items. */
static void
test_file_fixtures (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autofree char *old_path = ov_test_fixture_path ("playbooks", "good-enterprise.json", NULL);
  g_autofree char *new_path = ov_test_fixture_path ("playbooks", "good-training.json", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(OvPlaybook) playbook = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 99;
  gint64 id;

  id = ov_store_import_playbook (store, old_file, &n_added, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_added, ==, 0);

  id = ov_store_import_playbook (store, new_file, &n_added, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  playbook = ov_store_get_playbook (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_playbook_task_get_content_title (task_at (playbook, OV_STAGE_KICKOFF, 0)),
                   ==, "Admin foundations");
  g_assert_cmpstr (ov_playbook_task_get_content_title (task_at (playbook, OV_STAGE_ADOPT, 0)),
                   ==, "Build your first report");
  items = ov_store_list_content_choices (store, &error);
  g_assert_cmpuint (items->len, ==, 2);
  /* By title: Admin…, Build… */
  g_assert_cmpint (ov_content_item_get_format (g_ptr_array_index (items, 1)), ==,
                   OV_CONTENT_FORMAT_EXERCISE);
  g_assert_cmpstr (ov_content_item_get_location (g_ptr_array_index (items, 1)), ==,
                   "Sandbox workspace, exercise 3");
  g_assert_cmpuint (ov_content_item_get_duration (g_ptr_array_index (items, 0)), ==, 90);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

typedef struct
{
  const char *file;
  const char *message;   /* after "Could not import “file”: " */
} BadFile;

static const BadFile bad_files[] = {
  { "bad-training-type.json",
    "stages.adopt[0].training: expected a training item (an object with title and format), "
    "found text." },
  { "bad-training-title-type.json",
    "stages.adopt[0].training.title: expected text, found a number." },
  { "bad-training-title-missing.json", "stages.adopt[0].training.title: this is missing." },
  { "bad-training-title-long.json",
    "stages.adopt[0].training.title: 201 characters; a training title holds at most 200." },
  { "bad-training-format.json",
    "stages.adopt[0].training.format: “podcast” is not a format (expected course, webinar, "
    "guide, video or exercise)." },
  { "bad-training-url.json",
    "stages.adopt[0].training.location: “javascript:alert(1)” is not a link Overture can keep "
    "(expected an http or https address, or where the item is held, without a link)." },
  { "bad-training-url-host.json",
    "stages.adopt[0].training.location: “https:///nohost” is not a link Overture can keep "
    "(expected an http or https address, or where the item is held, without a link)." },
  { "bad-training-location-long.json",
    "stages.adopt[0].training.location: 2049 characters; a link or location holds at most "
    "2048." },
  { "bad-training-duration.json",
    "stages.adopt[0].training.duration_minutes: expected a whole number of minutes, found a "
    "fraction." },
  { "bad-training-duration-range.json",
    "stages.adopt[0].training.duration_minutes: 20000 is not between 0 and 10080 minutes." },
  { "bad-training-audience.json",
    "stages.adopt[0].training.audience: “csm” is not a customer role (expected sponsor, "
    "champion, admin or end_user, or nothing for everyone)." },
  { "bad-training-member.json",
    "stages.adopt[0].training.url: “url” is not part of a playbook file (expected title, "
    "format, location, duration_minutes, audience, stage)." },
  { "bad-training-control.json",
    "stages.adopt[0].training.title: holds the control character U+0009, which is not allowed "
    "here." },
  /* The second playbook's training is bad: the first one's item is not
   * added either. */
  { "bad-training-second.json",
    "playbooks[1].stages.review[0].training.stage: “launch” is not a stage (expected embark, "
    "handoff, kickoff, adopt, review or expand)." },
};

static void
test_file_hostile (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvContentItem) item = add_item (store, "Admin foundations", OV_CONTENT_FORMAT_COURSE,
                                            "", 90);
  g_autofree char *before = jt_dump_rows (store, library_rows, G_N_ELEMENTS (library_rows));

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = ov_test_fixture_path ("playbooks", bad_files[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *expected = g_strdup_printf ("Could not import “%s”: %s",
                                                   bad_files[i].file, bad_files[i].message);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      guint n_added = 99;

      g_test_message ("%s", bad_files[i].file);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (ov_store_import_playbook (store, file, &n_added, &error), ==, 0);
      g_assert_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpuint (n_added, ==, 99);

      after = jt_dump_rows (store, library_rows, G_N_ELEMENTS (library_rows));
      g_assert_cmpstr (after, ==, before);
    }

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/playbook-training/store-round-trip", test_store_round_trip);
  g_test_add_func ("/playbook-training/store-refuses-missing-item", test_store_refuses_missing_item);
  g_test_add_func ("/playbook-training/stage-tasks", test_stage_tasks_carry_training);
  g_test_add_func ("/playbook-training/file-round-trip", test_file_round_trip);
  g_test_add_func ("/playbook-training/file-fixtures", test_file_fixtures);
  g_test_add_func ("/playbook-training/file-hostile", test_file_hostile);

  return g_test_run ();
}
