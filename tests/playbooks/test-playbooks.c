/* test-playbooks.c — playbooks: the shipped one, editing, the rules and
 * limits of one, defaults, and choosing one per account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Playbook files are tested in test-playbook-files.c.
 */

#include "config.h"

#include "playbooks-test-support.h"

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
  g_test_add_func ("/playbooks/validation-limits", test_validation_limits);

  return g_test_run ();
}
