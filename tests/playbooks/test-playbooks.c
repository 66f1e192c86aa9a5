/* test-playbooks.c — playbooks: the shipped one, editing, defaults,
 * choosing one per account, and JSON files in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "journey-test-support.h"

static OvPlaybook *
only_playbook (OvStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (playbooks->len, ==, 1);
  return g_object_ref (g_ptr_array_index (playbooks, 0));
}

static guint
count_playbooks (OvStore *store)
{
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, NULL);

  return playbooks->len;
}

/* Title, role and offset of every task, stage by stage. */
static char *
describe (OvPlaybook *playbook)
{
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      OvPlaybookTask *task = g_ptr_array_index (tasks, i);

      g_string_append_printf (out, "%s|%s|%s|%s|%d\n",
                              ov_stage_get_id (ov_playbook_task_get_stage (task)),
                              ov_playbook_task_get_title (task),
                              ov_playbook_task_get_description (task),
                              ov_playbook_task_get_role (task),
                              ov_playbook_task_get_day_offset (task));
    }

  return g_string_free (out, FALSE);
}

static void
test_shipped_default (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) playbook = only_playbook (store);
  g_autoptr(OvPlaybook) builtin = ov_playbook_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_text = NULL;
  g_autofree char *builtin_text = NULL;

  g_assert_cmpstr (ov_playbook_get_name (playbook), ==, "Standard onboarding");
  g_assert_true (ov_playbook_get_is_default (playbook));
  g_assert_cmpstr (ov_playbook_get_segment (playbook), ==, "");
  g_assert_true (ov_playbook_validate (playbook, &error));

  /* Several tasks in every stage, each owned by a role. */
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, stage);

      g_assert_cmpuint (tasks->len, >=, 4);
      for (guint i = 0; i < tasks->len; i++)
        {
          OvPlaybookTask *task = g_ptr_array_index (tasks, i);

          g_assert_true (ov_role_is_valid (ov_playbook_task_get_role (task)));
          g_assert_cmpstr (ov_playbook_task_get_description (task), !=, "");
          g_assert_cmpint (ov_playbook_task_get_id (task), >, 0);
        }
    }

  stored_text = describe (playbook);
  builtin_text = describe (builtin);
  g_assert_cmpstr (stored_text, ==, builtin_text);

  /* Opening again does not add it twice; once deleted it stays away. */
  path = g_strdup (ov_store_get_path (store));
  g_clear_object (&store);
  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_playbooks (store), ==, 1);

  g_assert_true (ov_store_delete_playbook (store, playbook, &error));
  g_assert_cmpuint (count_playbooks (store), ==, 0);
  g_clear_object (&store);
  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  /* What the app does when it starts again. */
  g_assert_true (ov_store_purge_deleted (store, g_get_real_time () / G_USEC_PER_SEC + 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_playbooks (store), ==, 0);

  /* Purged: it cannot be restored in a later session. */
  g_assert_false (ov_store_restore_playbook (store, ov_playbook_get_id (playbook), &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
assert_invalid (OvPlaybook *playbook,
                const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ov_playbook_validate (playbook, &error));
  g_assert_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validation (void)
{
  g_autoptr(OvPlaybook) playbook = ov_playbook_new (" ");
  g_autoptr(OvPlaybookTask) first = ov_playbook_task_new (OV_STAGE_KICKOFF, "Prepare agenda",
                                                          "", "onboarding", 0);
  g_autoptr(OvPlaybookTask) second = ov_playbook_task_new (OV_STAGE_KICKOFF, " ", "", "csm", 2);

  assert_invalid (playbook, "Name: a playbook needs a name.");
  ov_playbook_set_name (playbook, "Fast track");
  g_assert_true (ov_playbook_validate (playbook, NULL));

  ov_playbook_add_task (playbook, first);
  ov_playbook_add_task (playbook, second);
  assert_invalid (playbook, "Kickoff, task 2: a task needs a title.");

  ov_playbook_task_set_title (second, "Run the kickoff");
  ov_playbook_task_set_role (second, "");
  assert_invalid (playbook, "Kickoff, task 2 (“Run the kickoff”): choose the role that owns "
                            "the task.");
  ov_playbook_task_set_role (second, "ceo");
  assert_invalid (playbook, "Kickoff, task 2 (“Run the kickoff”): “ceo” is not a role.");
  ov_playbook_task_set_role (second, "csm");
  ov_playbook_task_set_day_offset (second, 366);
  assert_invalid (playbook, "Kickoff, task 2 (“Run the kickoff”): the day offset 366 is not "
                            "between 0 and 365.");
  ov_playbook_task_set_day_offset (second, -1);
  assert_invalid (playbook, "Kickoff, task 2 (“Run the kickoff”): the day offset -1 is not "
                            "between 0 and 365.");
  ov_playbook_task_set_day_offset (second, 365);
  g_assert_true (ov_playbook_validate (playbook, NULL));
}

static void
test_order (void)
{
  g_autoptr(OvPlaybook) playbook = ov_playbook_new ("Order");
  g_autoptr(OvPlaybookTask) a = ov_playbook_task_new (OV_STAGE_ADOPT, "A", "", "csm", 1);
  g_autoptr(OvPlaybookTask) b = ov_playbook_task_new (OV_STAGE_EMBARK, "B", "", "sales", 1);
  g_autoptr(OvPlaybookTask) c = ov_playbook_task_new (OV_STAGE_ADOPT, "C", "", "csm", 2);
  g_autoptr(OvPlaybookTask) d = ov_playbook_task_new (OV_STAGE_ADOPT, "D", "", "csm", 3);
  g_autofree char *text = NULL;

  ov_playbook_add_task (playbook, a);
  ov_playbook_add_task (playbook, b);
  ov_playbook_add_task (playbook, c);
  ov_playbook_add_task (playbook, d);
  g_assert_cmpuint (ov_playbook_get_n_tasks (playbook, 0), ==, 4);
  g_assert_cmpuint (ov_playbook_get_n_tasks (playbook, OV_STAGE_ADOPT), ==, 3);

  ov_playbook_move_task (playbook, d, 0);
  ov_playbook_move_task (playbook, a, 99);
  text = describe (playbook);
  g_assert_cmpstr (text, ==, "embark|B||sales|1\nadopt|D||csm|3\nadopt|C||csm|2\n"
                             "adopt|A||csm|1\n");
  g_clear_pointer (&text, g_free);

  ov_playbook_remove_task (playbook, c);
  ov_playbook_move_task (playbook, a, 1);
  text = describe (playbook);
  g_assert_cmpstr (text, ==, "embark|B||sales|1\nadopt|D||csm|3\nadopt|A||csm|1\n");
}

static void
test_store (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) standard = only_playbook (store);
  g_autoptr(OvPlaybook) playbook = ov_playbook_new ("Enterprise rollout");
  g_autoptr(OvPlaybook) loaded = NULL;
  g_autoptr(OvPlaybook) copy = NULL;
  g_autoptr(OvPlaybookTask) first = ov_playbook_task_new (OV_STAGE_KICKOFF, "Steering group",
                                                          "Book it early.", "onboarding", 2);
  g_autoptr(OvPlaybookTask) second = ov_playbook_task_new (OV_STAGE_KICKOFF, "Pilot sites", "",
                                                           "sponsor", 5);
  g_autoptr(OvPlaybookTask) third = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 first_id, copy_id;

  ov_playbook_set_segment (playbook, "Enterprise");
  ov_playbook_add_task (playbook, first);
  ov_playbook_add_task (playbook, second);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_playbook_get_id (playbook), >, 0);
  first_id = ov_playbook_task_get_id (first);
  g_assert_cmpint (first_id, >, 0);

  /* The default first, then by name. */
  list = ov_store_list_playbooks (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (ov_playbook_get_name (g_ptr_array_index (list, 0)), ==, "Standard onboarding");
  g_assert_cmpstr (ov_playbook_get_name (g_ptr_array_index (list, 1)), ==, "Enterprise rollout");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Edit: reorder, drop one, add one; kept tasks keep their ids. */
  third = ov_playbook_task_new (OV_STAGE_ADOPT, "Site training", "", "training", 14);
  ov_playbook_add_task (playbook, third);
  ov_playbook_move_task (playbook, second, 0);
  ov_playbook_remove_task (playbook, second);
  ov_playbook_task_set_day_offset (first, 3);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_playbook_task_get_id (first), ==, first_id);

  loaded = ov_store_get_playbook (store, ov_playbook_get_id (playbook), &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = describe (loaded);

    g_assert_cmpstr (text, ==, "kickoff|Steering group|Book it early.|onboarding|3\n"
                               "adopt|Site training||training|14\n");
  }
  tasks = ov_playbook_dup_tasks (loaded, OV_STAGE_KICKOFF);
  g_assert_cmpint (ov_playbook_task_get_id (g_ptr_array_index (tasks, 0)), ==, first_id);
  g_clear_object (&loaded);

  /* A refused save changes nothing, in the database or in the ids. */
  before = jt_dump (store);
  ov_playbook_task_set_role (third, "wizard");
  g_assert_false (ov_store_save_playbook (store, playbook, &error));
  g_assert_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID);
  g_clear_error (&error);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);
  ov_playbook_task_set_role (third, "training");

  /* Making it the default takes that over from the shipped one. */
  ov_playbook_set_is_default (playbook, TRUE);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  loaded = ov_store_get_playbook (store, ov_playbook_get_id (standard), &error);
  g_assert_false (ov_playbook_get_is_default (loaded));
  g_clear_object (&loaded);

  /* Duplicate: a copy, new ids, no default role. */
  copy_id = ov_store_duplicate_playbook (store, ov_playbook_get_id (playbook), &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, ov_playbook_get_id (playbook));
  copy = ov_store_get_playbook (store, copy_id, &error);
  g_assert_cmpstr (ov_playbook_get_name (copy), ==, "Copy of Enterprise rollout");
  g_assert_false (ov_playbook_get_is_default (copy));
  g_assert_cmpstr (ov_playbook_get_segment (copy), ==, "");
  {
    g_autofree char *original_text = describe (playbook);
    g_autofree char *copy_text = describe (copy);
    g_autoptr(GPtrArray) copy_tasks = ov_playbook_dup_tasks (copy, OV_STAGE_KICKOFF);

    g_assert_cmpstr (copy_text, ==, original_text);
    g_assert_cmpint (ov_playbook_task_get_id (g_ptr_array_index (copy_tasks, 0)), !=, first_id);
  }

  /* Soft delete and Undo. */
  g_assert_true (ov_store_delete_playbook (store, playbook, &error));
  g_assert_null (ov_store_get_playbook (store, ov_playbook_get_id (playbook), &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_playbooks (store), ==, 2);
  g_assert_false (ov_store_delete_playbook (store, playbook, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ov_store_restore_playbook (store, ov_playbook_get_id (playbook), &error));
  g_assert_no_error (error);
  loaded = ov_store_get_playbook (store, ov_playbook_get_id (playbook), &error);
  g_assert_true (ov_playbook_get_is_default (loaded));
  g_assert_cmpstr (ov_playbook_get_segment (loaded), ==, "Enterprise");
  g_assert_cmpuint (ov_playbook_get_n_tasks (loaded, 0), ==, 2);
  g_clear_object (&loaded);

  /* Deleted while another became the default: restored without it. The
   * restore wrote the row, so the delete starts from it as stored. */
  loaded = ov_store_get_playbook (store, ov_playbook_get_id (playbook), &error);
  g_assert_true (ov_store_delete_playbook (store, loaded, &error));
  g_clear_object (&loaded);
  ov_playbook_set_is_default (copy, TRUE);
  ov_playbook_set_segment (copy, "enterprise");
  g_assert_true (ov_store_save_playbook (store, copy, &error));
  g_assert_true (ov_store_restore_playbook (store, ov_playbook_get_id (playbook), &error));
  loaded = ov_store_get_playbook (store, ov_playbook_get_id (playbook), &error);
  g_assert_false (ov_playbook_get_is_default (loaded));
  g_assert_cmpstr (ov_playbook_get_segment (loaded), ==, "");

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_resolve (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvPlaybook) standard = only_playbook (store);
  g_autoptr(OvPlaybook) smb = ov_playbook_new ("Small business");
  g_autoptr(OvPlaybook) custom = ov_playbook_new ("Custom");
  g_autoptr(OvAccount) account = jt_add_account (store, "Juniper Retail", "SMB",
                                                 OV_STAGE_EMBARK, jt_date ("2026-11-02"));
  g_autoptr(OvAccount) plain = jt_add_account (store, "Oakridge Robotics", "Mid-Market",
                                               OV_STAGE_EMBARK, jt_date ("2026-11-02"));
  g_autoptr(OvPlaybook) resolved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = ov_account_get_id (account);

  ov_playbook_set_segment (smb, "smb");
  g_assert_true (ov_store_save_playbook (store, smb, NULL));
  g_assert_true (ov_store_save_playbook (store, custom, NULL));

#define ASSERT_RESOLVES(account_id, expected_name)                               \
  G_STMT_START {                                                                 \
    g_autoptr(OvPlaybook) got = ov_store_resolve_playbook (store, account_id, &error); \
    g_assert_no_error (error);                                                   \
    g_assert_nonnull (got);                                                      \
    g_assert_cmpstr (ov_playbook_get_name (got), ==, expected_name);             \
  } G_STMT_END

  /* Segment (case does not matter), else the default. */
  ASSERT_RESOLVES (id, "Small business");
  ASSERT_RESOLVES (ov_account_get_id (plain), "Standard onboarding");

  /* The account's own choice wins. */
  g_assert_true (ov_store_set_account_playbook (store, id, ov_playbook_get_id (custom), &error));
  g_assert_no_error (error);
  ASSERT_RESOLVES (id, "Custom");

  /* A deleted choice falls back to the segment, then the default. */
  g_assert_true (ov_store_delete_playbook (store, custom, NULL));
  ASSERT_RESOLVES (id, "Small business");
  g_assert_true (ov_store_delete_playbook (store, smb, NULL));
  ASSERT_RESOLVES (id, "Standard onboarding");
  g_assert_true (ov_store_restore_playbook (store, ov_playbook_get_id (custom), NULL));
  ASSERT_RESOLVES (id, "Custom");

  /* Back to automatic. */
  g_assert_true (ov_store_set_account_playbook (store, id, 0, &error));
  ASSERT_RESOLVES (id, "Standard onboarding");

  /* Nothing at all: none, without an error. */
  g_assert_true (ov_store_delete_playbook (store, standard, NULL));
  resolved = ov_store_resolve_playbook (store, id, &error);
  g_assert_no_error (error);
  g_assert_null (resolved);

  /* Choosing a playbook that is gone, or for no account, is refused. */
  before = jt_dump (store);
  g_assert_false (ov_store_set_account_playbook (store, id, ov_playbook_get_id (smb), &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ov_store_set_account_playbook (store, 4242, ov_playbook_get_id (custom),
                                                 &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no account number 4242.");
  g_clear_error (&error);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

#undef ASSERT_RESOLVES

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

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

  id = ov_store_import_playbook (store, file, &error);
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

  id = ov_store_import_playbook (store, file, &error);
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
  second = ov_store_import_playbook (store, file, &error);
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
    "version: the file uses format version 2, but this version of Overture reads up to "
    "version 1. Update Overture to import it." },
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
    "description, role, day_offset)." },
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
      g_assert_cmpint (ov_store_import_playbook (store, file, &error), ==, 0);
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

    g_assert_cmpint (ov_store_import_playbook (store, file, &error), ==, 0);
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

    g_assert_cmpint (ov_store_import_playbook (store, file, &error), ==, 0);
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
      g_assert_cmpint (ov_store_import_playbook (store, file, &error), ==, 0);
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

/* The same limits for a playbook edited in the app. */
static void
test_validation_limits (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autofree char *before = jt_dump (store);
  static const struct
  {
    const char *name;
    const char *description;
    const char *title;
    const char *task_description;
    const char *message;
  } cases[] = {
    { "Sales\x1bTeam", "", "Call", "", "Name: holds the control character U+001B, which a "
                                        "playbook cannot store." },
    { "Sales", "Line\r\nbreak", "Call", "",
      "Description: holds the control character U+000D, which a playbook cannot store." },
    { "Sales", "Tabs\tand\nline feeds are fine", "Call\x7f", "",
      "Embark, task 1, title: holds the control character U+007F, which a playbook cannot "
      "store." },
    { "Sales", "", "Call", "Bell\a",
      "Embark, task 1, description: holds the control character U+0007, which a playbook "
      "cannot store." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvPlaybook) playbook = ov_playbook_new (cases[i].name);
      g_autoptr(OvPlaybookTask) task = ov_playbook_task_new (OV_STAGE_EMBARK, cases[i].title,
                                                             cases[i].task_description,
                                                             "sales", 0);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      ov_playbook_set_description (playbook, cases[i].description);
      ov_playbook_add_task (playbook, task);
      g_assert_false (ov_store_save_playbook (store, playbook, &error));
      g_assert_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      after = jt_dump (store);
      g_assert_cmpstr (after, ==, before);
    }

  {
    g_autoptr(OvPlaybook) playbook = ov_playbook_new ("Crowded");
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i <= OV_PLAYBOOK_MAX_STAGE_TASKS; i++)
      {
        g_autoptr(OvPlaybookTask) task = ov_playbook_task_new (OV_STAGE_ADOPT, "Task", "",
                                                               "csm", 1);
        ov_playbook_add_task (playbook, task);
      }
    g_assert_false (ov_store_save_playbook (store, playbook, &error));
    g_assert_cmpstr (error->message, ==, "Adopt: 101 tasks; a stage holds at most 100.");
  }

  {
    g_autoptr(OvPlaybook) playbook = ov_playbook_new ("Crowded");
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i <= OV_PLAYBOOK_MAX_TASKS; i++)
      {
        g_autoptr(OvPlaybookTask) task = ov_playbook_task_new (OV_STAGE_FIRST + i % 6, "Task",
                                                               "", "csm", 1);
        ov_playbook_add_task (playbook, task);
      }
    g_assert_false (ov_store_save_playbook (store, playbook, &error));
    g_assert_cmpstr (error->message, ==, "The playbook has 301 tasks; a playbook holds at most "
                                         "300.");
  }

  {
    g_autofree char *after = jt_dump (store);

    g_assert_cmpstr (after, ==, before);
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

  ids = ov_store_import_playbooks (store, file, &error);
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
  g_assert_cmpint (ov_store_import_playbook (store, file, &error), >, 0);
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

    again = ov_store_import_playbooks (other, all, &error);
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

  g_test_add_func ("/playbooks/shipped-default", test_shipped_default);
  g_test_add_func ("/playbooks/validation", test_validation);
  g_test_add_func ("/playbooks/order", test_order);
  g_test_add_func ("/playbooks/store", test_store);
  g_test_add_func ("/playbooks/resolve", test_resolve);
  g_test_add_func ("/playbooks/json-round-trip", test_json_round_trip);
  g_test_add_func ("/playbooks/json-fixture", test_json_fixture);
  g_test_add_func ("/playbooks/json-bad-files", test_json_bad_files);
  g_test_add_func ("/playbooks/json-hostile-files", test_json_hostile_files);
  g_test_add_func ("/playbooks/json-several", test_json_several);
  g_test_add_func ("/playbooks/json-file-modes", test_json_file_modes);
  g_test_add_func ("/playbooks/validation-limits", test_validation_limits);

  return g_test_run ();
}
