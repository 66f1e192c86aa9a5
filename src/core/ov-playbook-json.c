/* ov-playbook-json.c — playbooks as files a team can share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format, version 1 (UTF-8 JSON):
 *
 *   {
 *     "format": "overture-playbook",      required, exactly this
 *     "version": 1,                       required; newer versions are refused
 *     "name": "Enterprise rollout",       required, not blank
 *     "description": "…",                 optional text
 *     "segment": "Enterprise",            optional text
 *     "stages": {                         optional; keys are stage ids:
 *       "embark": [                       embark handoff kickoff adopt review expand
 *         {
 *           "title": "…",                 required, not blank
 *           "description": "…",           optional text
 *           "role": "sales",              required, a role id (see ov-role.h)
 *           "day_offset": 3               required, whole number 0..365
 *         }
 *       ]
 *     }
 *   }
 *
 * Members not listed are refused rather than ignored, so a misspelt
 * "day_ofset" does not silently lose data; a later version that adds
 * members raises "version". Error messages start with the path of the
 * offending value, e.g. "stages.kickoff[1].role" (list indexes from 0).
 * Whether a playbook is the default is a choice of each database and is
 * not part of the file.
 */

#define G_LOG_DOMAIN "ov-playbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ov-playbook.h"
#include "ov-role.h"
#include "ov-stage.h"

#define FORMAT_NAME    "overture-playbook"
#define FORMAT_VERSION 1
#define MAX_FILE_SIZE  (4 * 1024 * 1024)

char *
ov_playbook_to_json (OvPlaybook *self,
                     gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_return_val_if_fail (OV_IS_PLAYBOOK (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ov_playbook_get_name (self));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, ov_playbook_get_description (self));
  json_builder_set_member_name (builder, "segment");
  json_builder_add_string_value (builder, ov_playbook_get_segment (self));

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_object (builder);
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (self, stage);

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
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, length);

  return text;
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *path,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

/* "path: what is wrong" */
static gboolean
fail (GError     **error,
      int          code,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, OV_PLAYBOOK_ERROR, code, "%s: %s", path, message);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
check_members (JsonObject          *object,
               const char          *path,
               const char * const  *allowed,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (!g_strv_contains (allowed, member))
        {
          g_autofree char *expected = g_strjoinv (", ", (char **)allowed);
          g_autofree char *where = path[0] ? g_strdup_printf ("%s.%s", path, member)
                                           : g_strdup (member);

          return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                       _("“%s” is not part of a playbook file (expected %s)."),
                       member, expected);
        }
    }

  return TRUE;
}

/* Optional (or required) text member; *out borrows from @object. */
static gboolean
get_text (JsonObject   *object,
          const char   *member,
          const char   *path,
          gboolean      required,
          const char  **out,
          GError      **error)
{
  g_autofree char *where = path[0] ? g_strdup_printf ("%s.%s", path, member)
                                   : g_strdup (member);
  JsonNode *node = json_object_get_member (object, member);

  *out = "";
  if (node == NULL)
    {
      if (required)
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, where, _("this is missing."));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                 _("expected text, found %s."), node_type_name (node));

  *out = json_node_get_string (node);
  if (required)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*out));

      if (stripped[0] == '\0')
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, where, _("must not be empty."));
    }

  return TRUE;
}

/* A whole number; JSON writers that print 3 as 3.0 are accepted. */
static gboolean
get_whole_number (JsonNode  *node,
                  gint64    *out)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (isfinite (value) && floor (value) == value && fabs (value) < 1e15)
        {
          *out = (gint64)value;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
read_task (OvPlaybook  *playbook,
           OvStage      stage,
           JsonNode    *node,
           const char  *path,
           GError     **error)
{
  static const char * const allowed[] = { "title", "description", "role", "day_offset", NULL };
  g_autoptr(OvPlaybookTask) task = NULL;
  g_autofree char *offset_path = g_strdup_printf ("%s.day_offset", path);
  g_autofree char *role_path = g_strdup_printf ("%s.role", path);
  g_autofree char *tidy_title = NULL;
  const char *title, *description, *role;
  JsonObject *object;
  JsonNode *offset_node;
  gint64 offset;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, path,
                 _("expected a task (an object with title, role and day_offset), found %s."),
                 node_type_name (node));

  object = json_node_get_object (node);
  if (!check_members (object, path, allowed, error) ||
      !get_text (object, "title", path, TRUE, &title, error) ||
      !get_text (object, "description", path, FALSE, &description, error) ||
      !get_text (object, "role", path, TRUE, &role, error))
    return FALSE;

  if (!ov_role_is_valid (role))
    {
      g_autofree char *expected = g_strjoinv (", ", (char **)ov_role_list_all ());

      return fail (error, OV_PLAYBOOK_ERROR_INVALID, role_path,
                   _("“%s” is not a role (expected one of %s)."), role, expected);
    }

  offset_node = json_object_get_member (object, "day_offset");
  if (offset_node == NULL)
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, offset_path, _("this is missing."));

  if (!get_whole_number (offset_node, &offset))
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, offset_path,
                 _("expected a whole number of days, found %s."),
                 JSON_NODE_HOLDS_VALUE (offset_node) &&
                 json_node_get_value_type (offset_node) == G_TYPE_DOUBLE
                   ? _("a fraction") : node_type_name (offset_node));

  if (offset < 0 || offset > OV_PLAYBOOK_MAX_DAY_OFFSET)
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, offset_path,
                 _("%lld is not between 0 and %d days."),
                 (long long)offset, OV_PLAYBOOK_MAX_DAY_OFFSET);

  tidy_title = g_strstrip (g_strdup (title));
  task = ov_playbook_task_new (stage, tidy_title, description, role, (int)offset);
  ov_playbook_add_task (playbook, task);
  return TRUE;
}

static gboolean
read_stages (OvPlaybook  *playbook,
             JsonNode    *node,
             GError     **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, "stages",
                 _("expected an object with one list of tasks per stage, found %s."),
                 node_type_name (node));

  object = json_node_get_object (node);

  {
    g_autoptr(GList) members = json_object_get_members (object);

    for (GList *l = members; l != NULL; l = l->next)
      {
        const char *member = l->data;
        gboolean known = FALSE;

        for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST && !known; stage++)
          known = strcmp (member, ov_stage_get_id (stage)) == 0;

        if (!known)
          {
            g_autofree char *where = g_strdup_printf ("stages.%s", member);

            return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                         _("“%s” is not a stage (expected embark, handoff, kickoff, adopt, "
                           "review or expand)."), member);
          }
      }
  }

  /* Stage order, whatever the order in the file. */
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autofree char *stage_path = g_strdup_printf ("stages.%s", ov_stage_get_id (stage));
      JsonNode *tasks = json_object_get_member (object, ov_stage_get_id (stage));
      JsonArray *array;

      if (tasks == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (tasks))
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, stage_path,
                     _("expected a list of tasks, found %s."), node_type_name (tasks));

      array = json_node_get_array (tasks);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *task_path = g_strdup_printf ("%s[%u]", stage_path, i);

          if (!read_task (playbook, stage, json_array_get_element (array, i), task_path, error))
            return FALSE;
        }
    }

  return TRUE;
}

OvPlaybook *
ov_playbook_new_from_json (const char  *data,
                           gssize       length,
                           GError     **error)
{
  static const char * const allowed[] = {
    "format", "version", "name", "description", "segment", "stages", NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(OvPlaybook) playbook = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *format, *name, *description, *segment;
  JsonObject *object;
  JsonNode *root, *version, *stages;
  gint64 number;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_FORMAT,
                   _("The file is too large to be a playbook (more than %d MB)."),
                   MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_SYNTAX,
                           _("The file is not UTF-8 text, so it cannot be a playbook."));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data ? data : "", length, &local_error))
    {
      int line = 0, column = 0, consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: what"; people read "line 8". */
      if (sscanf (local_error->message, "<data>:%d:%d: %n", &line, &column, &consumed) == 2 &&
          consumed > 0)
        g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_SYNTAX,
                     _("The file is not valid JSON: line %d: %s"), line,
                     local_error->message + consumed);
      else
        g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_SYNTAX,
                     _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_SYNTAX,
                           _("The file is empty."));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_FORMAT,
                   _("The file holds %s, but a playbook file holds one object with "
                     "\"format\": \"%s\"."),
                   node_type_name (root), FORMAT_NAME);
      return NULL;
    }

  object = json_node_get_object (root);

  /* Identify the file before judging its contents: a stranger's JSON gets
   * "not a playbook", not a list of missing fields. */
  if (!json_object_has_member (object, "format"))
    {
      fail (error, OV_PLAYBOOK_ERROR_FORMAT, "format",
            _("this is missing, so the file is not an Overture playbook."));
      return NULL;
    }
  if (!get_text (object, "format", "", TRUE, &format, error))
    return NULL;
  if (strcmp (format, FORMAT_NAME) != 0)
    {
      fail (error, OV_PLAYBOOK_ERROR_FORMAT, "format",
            _("“%s” is not an Overture playbook (expected “%s”)."), format, FORMAT_NAME);
      return NULL;
    }

  version = json_object_get_member (object, "version");
  if (version == NULL)
    {
      fail (error, OV_PLAYBOOK_ERROR_FORMAT, "version", _("this is missing."));
      return NULL;
    }
  if (!get_whole_number (version, &number) || number < 1)
    {
      fail (error, OV_PLAYBOOK_ERROR_FORMAT, "version",
            _("expected a whole number from 1 up, found %s."), node_type_name (version));
      return NULL;
    }
  if (number > FORMAT_VERSION)
    {
      fail (error, OV_PLAYBOOK_ERROR_VERSION, "version",
            _("the file uses format version %lld, but this version of Overture reads up "
              "to version %d. Update Overture to import it."),
            (long long)number, FORMAT_VERSION);
      return NULL;
    }

  if (!check_members (object, "", allowed, error) ||
      !get_text (object, "name", "", TRUE, &name, error) ||
      !get_text (object, "description", "", FALSE, &description, error) ||
      !get_text (object, "segment", "", FALSE, &segment, error))
    return NULL;

  playbook = ov_playbook_new (NULL);
  {
    g_autofree char *tidy_name = g_strstrip (g_strdup (name));
    g_autofree char *tidy_segment = g_strstrip (g_strdup (segment));

    ov_playbook_set_name (playbook, tidy_name);
    ov_playbook_set_segment (playbook, tidy_segment);
  }
  ov_playbook_set_description (playbook, description);

  stages = json_object_get_member (object, "stages");
  if (stages != NULL && !read_stages (playbook, stages, error))
    return NULL;

  /* Everything above is checked already; this guards the two from
   * drifting apart. */
  if (!ov_playbook_validate (playbook, error))
    return NULL;

  return g_steal_pointer (&playbook);
}
