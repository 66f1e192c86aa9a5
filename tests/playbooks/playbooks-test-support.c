/* playbooks-test-support.c — what the playbooks' tests share: the one
 * playbook of a store, how many it has, and a playbook's tasks as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "playbooks-test-support.h"

OvPlaybook *
only_playbook (OvStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (playbooks->len, ==, 1);
  return g_object_ref (g_ptr_array_index (playbooks, 0));
}

guint
count_playbooks (OvStore *store)
{
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, NULL);

  return playbooks->len;
}

/* Title, role and offset of every task, stage by stage. */
char *
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
