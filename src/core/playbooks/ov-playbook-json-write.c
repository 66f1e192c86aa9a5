/* ov-playbook-json-write.c — a playbook, or several, written as a file a
 * team can share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described in ov-playbook-json.c, which reads it back.
 * Every member is written, the empty ones too, and every stage.
 */

#define G_LOG_DOMAIN "ov-playbook"

#include "config.h"

#include <json-glib/json-glib.h>

#include "ov-playbook-private.h"
#include "ov-stage.h"

static void
add_training (JsonBuilder   *builder,
              OvContentItem *item)
{
  OvStage stage = ov_content_item_get_stage (item);

  json_builder_set_member_name (builder, "training");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, ov_content_item_get_title (item));
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder,
                                 ov_content_format_get_id (ov_content_item_get_format (item)));
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, ov_content_item_get_location (item));
  json_builder_set_member_name (builder, "duration_minutes");
  json_builder_add_int_value (builder, ov_content_item_get_duration (item));
  json_builder_set_member_name (builder, "audience");
  json_builder_add_string_value (builder, ov_content_item_get_role (item));
  json_builder_set_member_name (builder, "stage");
  json_builder_add_string_value (builder, stage != 0 ? ov_stage_get_id (stage) : "");
  json_builder_end_object (builder);
}

/* The oldest version that holds what @playbook has. */
static int
needed_version (OvPlaybook *playbook)
{
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, 0);

  for (guint i = 0; i < tasks->len; i++)
    if (ov_playbook_task_get_content (g_ptr_array_index (tasks, i)) != NULL)
      return OV_PLAYBOOK_FILE_VERSION_TRAINING;

  return 1;
}

static void
add_playbook_members (JsonBuilder *builder,
                      OvPlaybook  *playbook)
{
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ov_playbook_get_name (playbook));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, ov_playbook_get_description (playbook));
  json_builder_set_member_name (builder, "segment");
  json_builder_add_string_value (builder, ov_playbook_get_segment (playbook));

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_object (builder);
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, stage);

      json_builder_set_member_name (builder, ov_stage_get_id (stage));
      json_builder_begin_array (builder);
      for (guint i = 0; i < tasks->len; i++)
        {
          OvPlaybookTask *task = g_ptr_array_index (tasks, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, ov_playbook_task_get_title (task));
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, ov_playbook_task_get_description (task));
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, ov_playbook_task_get_role (task));
          json_builder_set_member_name (builder, "day_offset");
          json_builder_add_int_value (builder, ov_playbook_task_get_day_offset (task));
          if (ov_playbook_task_get_content (task) != NULL)
            add_training (builder, ov_playbook_task_get_content (task));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
begin_file (JsonBuilder *builder,
            const char  *format,
            int          version)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
}

static char *
end_file (JsonBuilder *builder,
          gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, length);
}

char *
ov_playbook_to_json (OvPlaybook *self,
                     gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (OV_IS_PLAYBOOK (self), NULL);

  begin_file (builder, OV_PLAYBOOK_FILE_FORMAT, needed_version (self));
  add_playbook_members (builder, self);
  return end_file (builder, length);
}

char *
ov_playbook_list_to_json (GPtrArray *playbooks,
                          gsize     *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int version = 1;

  g_return_val_if_fail (playbooks != NULL, NULL);

  for (guint i = 0; i < playbooks->len; i++)
    version = MAX (version, needed_version (g_ptr_array_index (playbooks, i)));

  begin_file (builder, OV_PLAYBOOK_LIST_FILE_FORMAT, version);
  json_builder_set_member_name (builder, "playbooks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < playbooks->len; i++)
    {
      json_builder_begin_object (builder);
      add_playbook_members (builder, g_ptr_array_index (playbooks, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return end_file (builder, length);
}
