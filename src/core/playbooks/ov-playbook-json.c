/* ov-playbook-json.c — playbooks as files a team can share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format, version 2 (UTF-8 JSON; version 1 is the same without
 * "training", and is what a file without any training is written as):
 *
 *   {
 *     "format": "overture-playbook",      required, exactly this
 *     "version": 2,                       required; newer versions are refused
 *     "name": "Enterprise rollout",       required, not blank
 *     "description": "…",                 optional text
 *     "segment": "Enterprise",            optional text
 *     "stages": {                         optional; keys are stage ids:
 *       "embark": [                       embark handoff kickoff adopt review expand
 *         {
 *           "title": "…",                 required, not blank
 *           "description": "…",           optional text
 *           "role": "sales",              required, a role id (see ov-role.h)
 *           "day_offset": 3,              required, whole number 0..365
 *           "training": {                 optional (version 2): the content
 *                                         item the task is about
 *             "title": "Admin basics",      required, one line, <= 200 characters
 *             "format": "course",           required: course, webinar, guide,
 *                                           video or exercise
 *             "location": "https://…",      optional, one line, <= 2048
 *                                           characters; a link is http(s)
 *                                           with a host, else it is a place
 *             "duration_minutes": 90,       optional, whole number 0..10080
 *             "audience": "admin",          optional, a customer role id
 *             "stage": "adopt"              optional, a stage id
 *           }
 *         }
 *       ]
 *     }
 *   }
 *
 * Several playbooks in one file (what "overture-cli export playbooks"
 * writes; the app reads either):
 *
 *   {
 *     "format": "overture-playbooks",
 *     "version": 1,
 *     "playbooks": [ { "name": …, "description": …, "segment": …,
 *                      "stages": … }, … ]     at most 100
 *   }
 *
 * Limits, checked before anything is stored: a file of at most 4 MB,
 * nested at most 16 deep (checked on the bytes, before json-glib sees
 * them: its parser recurses once per level); at most 100 tasks per stage
 * and 300 per playbook. Text holds no NUL and no control characters,
 * except that descriptions may hold tabs and line feeds (a carriage return
 * is refused too: files are written with "\n" line ends).
 *
 * Members not listed are refused rather than ignored, so a misspelt
 * "day_ofset" does not silently lose data; a later version that adds
 * members raises "version". Error messages start with the path of the
 * offending value, e.g. "stages.kickoff[1].role" (list indexes from 0),
 * in a file of several "playbooks[2].stages.kickoff[1].role".
 * Whether a playbook is the default is a choice of each database and is
 * not part of the file. A task's training names a content item as the
 * library knows it; importing links the task to the library's item of
 * that title (whatever its case), and adds the item when there is none
 * (ov-store-playbook-files.c).
 *
 * This file reads and checks a file, which may come from anyone; the
 * writing is in ov-playbook-json-write.c.
 */

#define G_LOG_DOMAIN "ov-playbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ov-playbook-private.h"
#include "ov-role.h"
#include "ov-stage.h"
#include "ov-text.h"

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

/* "stages" at the top, "playbooks[2].stages" inside a list. */
static char *
member_path (const char *path,
             const char *member)
{
  return path[0] ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
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
          g_autofree char *where = member_path (path, member);

          return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                       _("“%s” is not part of a playbook file (expected %s)."),
                       member, expected);
        }
    }

  return TRUE;
}

/* Optional (or required) text member; *out borrows from @object. Only a
 * @multiline text (a description) may hold tabs and line feeds. */
static gboolean
get_text (JsonObject   *object,
          const char   *member,
          const char   *path,
          gboolean      required,
          gboolean      multiline,
          const char  **out,
          GError      **error)
{
  g_autofree char *where = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);
  gunichar control;

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

  control = ov_text_find_control (*out, multiline);
  if (control != 0)
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                 multiline ? _("holds the control character U+%04X; a description may hold "
                               "tabs and line breaks, but no other control characters.")
                           : _("holds the control character U+%04X, which is not allowed "
                               "here."),
                 control);

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

/* A link is what a browser opens: http or https with a host. Anything
 * else with a scheme ("javascript:", "file:") is refused; a place without
 * one ("Sandbox workspace, exercise 3") is plain text. A scheme of one
 * letter is a drive ("C:\\Training"), not a link. */
static gboolean
check_location (const char  *location,
                const char  *path,
                GError     **error)
{
  const char *scheme = g_uri_peek_scheme (location);
  g_autoptr(GUri) uri = NULL;

  if (scheme == NULL || strlen (scheme) < 2)
    return TRUE;

  if (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0)
    uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, path,
                 _("“%s” is not a link Overture can keep (expected an http or https address, "
                   "or where the item is held, without a link)."),
                 location);

  return TRUE;
}

/* The content item a task is about, as the file describes it (id 0: the
 * store finds it in the library or adds it). */
static gboolean
read_training (OvPlaybookTask  *task,
               JsonNode        *node,
               const char      *path,
               GError         **error)
{
  static const char * const allowed[] = {
    "title", "format", "location", "duration_minutes", "audience", "stage", NULL
  };
  g_autoptr(OvContentItem) item = NULL;
  g_autofree char *tidy_title = NULL;
  g_autofree char *tidy_location = NULL;
  const char *title, *format_text, *location, *audience, *stage_text;
  OvContentFormat format;
  OvStage stage = 0;
  JsonObject *object;
  JsonNode *duration_node;
  gint64 duration = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, path,
                 _("expected a training item (an object with title and format), found %s."),
                 node_type_name (node));

  object = json_node_get_object (node);
  if (!check_members (object, path, allowed, error) ||
      !get_text (object, "title", path, TRUE, FALSE, &title, error) ||
      !get_text (object, "format", path, TRUE, FALSE, &format_text, error) ||
      !get_text (object, "location", path, FALSE, FALSE, &location, error) ||
      !get_text (object, "audience", path, FALSE, FALSE, &audience, error) ||
      !get_text (object, "stage", path, FALSE, FALSE, &stage_text, error))
    return FALSE;

  tidy_title = g_strstrip (g_strdup (title));
  if (g_utf8_strlen (tidy_title, -1) > OV_PLAYBOOK_MAX_TRAINING_TITLE)
    {
      g_autofree char *where = member_path (path, "title");

      return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                   _("%ld characters; a training title holds at most %d."),
                   g_utf8_strlen (tidy_title, -1), OV_PLAYBOOK_MAX_TRAINING_TITLE);
    }

  if (!ov_content_format_parse (format_text, -1, &format))
    {
      g_autofree char *where = member_path (path, "format");

      return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                   _("“%s” is not a format (expected course, webinar, guide, video or "
                     "exercise)."),
                   format_text);
    }

  tidy_location = g_strstrip (g_strdup (location));
  {
    g_autofree char *where = member_path (path, "location");

    if (g_utf8_strlen (tidy_location, -1) > OV_PLAYBOOK_MAX_TRAINING_LOCATION)
      return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                   _("%ld characters; a link or location holds at most %d."),
                   g_utf8_strlen (tidy_location, -1), OV_PLAYBOOK_MAX_TRAINING_LOCATION);
    if (!check_location (tidy_location, where, error))
      return FALSE;
  }

  duration_node = json_object_get_member (object, "duration_minutes");
  if (duration_node != NULL)
    {
      g_autofree char *where = member_path (path, "duration_minutes");

      if (!get_whole_number (duration_node, &duration))
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                     _("expected a whole number of minutes, found %s."),
                     JSON_NODE_HOLDS_VALUE (duration_node) &&
                     json_node_get_value_type (duration_node) == G_TYPE_DOUBLE
                       ? _("a fraction") : node_type_name (duration_node));
      if (duration < 0 || duration > OV_CONTENT_MAX_MINUTES)
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                     _("%lld is not between 0 and %d minutes."),
                     (long long)duration, OV_CONTENT_MAX_MINUTES);
    }

  if (audience[0] != '\0' &&
      (!ov_role_is_valid (audience) || ov_role_get_side (audience) != OV_SIDE_CUSTOMER))
    {
      g_autofree char *where = member_path (path, "audience");

      return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                   _("“%s” is not a customer role (expected sponsor, champion, admin or "
                     "end_user, or nothing for everyone)."),
                   audience);
    }

  if (stage_text[0] != '\0')
    {
      g_autofree char *where = member_path (path, "stage");

      for (OvStage s = OV_STAGE_FIRST; s <= OV_STAGE_LAST && stage == 0; s++)
        if (strcmp (stage_text, ov_stage_get_id (s)) == 0)
          stage = s;
      if (stage == 0)
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                     _("“%s” is not a stage (expected embark, handoff, kickoff, adopt, "
                       "review or expand)."), stage_text);
    }

  item = ov_content_item_new (tidy_title, format);
  ov_content_item_set_location (item, tidy_location);
  ov_content_item_set_duration (item, (guint)duration);
  ov_content_item_set_role (item, audience);
  ov_content_item_set_stage (item, stage);
  ov_playbook_task_set_content (task, item);
  return TRUE;
}

static gboolean
read_task (OvPlaybook  *playbook,
           OvStage      stage,
           JsonNode    *node,
           const char  *path,
           GError     **error)
{
  static const char * const allowed[] = {
    "title", "description", "role", "day_offset", "training", NULL
  };
  g_autoptr(OvPlaybookTask) task = NULL;
  g_autofree char *offset_path = g_strdup_printf ("%s.day_offset", path);
  g_autofree char *role_path = g_strdup_printf ("%s.role", path);
  g_autofree char *tidy_title = NULL;
  const char *title, *description, *role;
  JsonObject *object;
  JsonNode *offset_node, *training_node;
  gint64 offset;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, path,
                 _("expected a task (an object with title, role and day_offset), found %s."),
                 node_type_name (node));

  object = json_node_get_object (node);
  if (!check_members (object, path, allowed, error) ||
      !get_text (object, "title", path, TRUE, FALSE, &title, error) ||
      !get_text (object, "description", path, FALSE, TRUE, &description, error) ||
      !get_text (object, "role", path, TRUE, FALSE, &role, error))
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

  training_node = json_object_get_member (object, "training");
  if (training_node != NULL)
    {
      g_autofree char *training_path = g_strdup_printf ("%s.training", path);

      if (!read_training (task, training_node, training_path, error))
        return FALSE;
    }

  ov_playbook_add_task (playbook, task);
  return TRUE;
}

static gboolean
read_stages (OvPlaybook  *playbook,
             JsonNode    *node,
             const char  *path,
             GError     **error)
{
  g_autofree char *stages_path = member_path (path, "stages");
  JsonObject *object;
  guint n_tasks = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, OV_PLAYBOOK_ERROR_INVALID, stages_path,
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
            g_autofree char *where = g_strdup_printf ("%s.%s", stages_path, member);

            return fail (error, OV_PLAYBOOK_ERROR_INVALID, where,
                         _("“%s” is not a stage (expected embark, handoff, kickoff, adopt, "
                           "review or expand)."), member);
          }
      }
  }

  /* Stage order, whatever the order in the file. */
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autofree char *stage_path = g_strdup_printf ("%s.%s", stages_path,
                                                     ov_stage_get_id (stage));
      JsonNode *tasks = json_object_get_member (object, ov_stage_get_id (stage));
      JsonArray *array;
      guint length;

      if (tasks == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (tasks))
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, stage_path,
                     _("expected a list of tasks, found %s."), node_type_name (tasks));

      /* Counted before any task is made: 60,000 of them are refused
       * without building 60,000 objects first. */
      array = json_node_get_array (tasks);
      length = json_array_get_length (array);
      if (length > OV_PLAYBOOK_MAX_STAGE_TASKS)
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, stage_path,
                     _("%u tasks; a stage holds at most %d."),
                     length, OV_PLAYBOOK_MAX_STAGE_TASKS);

      n_tasks += length;
      if (n_tasks > OV_PLAYBOOK_MAX_TASKS)
        return fail (error, OV_PLAYBOOK_ERROR_INVALID, stages_path,
                     _("more than %d tasks in all; a playbook holds at most %d."),
                     OV_PLAYBOOK_MAX_TASKS, OV_PLAYBOOK_MAX_TASKS);

      for (guint i = 0; i < length; i++)
        {
          g_autofree char *task_path = g_strdup_printf ("%s[%u]", stage_path, i);

          if (!read_task (playbook, stage, json_array_get_element (array, i), task_path, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Name, description, segment and stages of the object at @path. */
static OvPlaybook *
read_playbook (JsonObject          *object,
               const char          *path,
               const char * const  *allowed,
               GError             **error)
{
  g_autoptr(OvPlaybook) playbook = NULL;
  g_autofree char *tidy_name = NULL;
  g_autofree char *tidy_segment = NULL;
  const char *name, *description, *segment;
  JsonNode *stages;

  if (!check_members (object, path, allowed, error) ||
      !get_text (object, "name", path, TRUE, FALSE, &name, error) ||
      !get_text (object, "description", path, FALSE, TRUE, &description, error) ||
      !get_text (object, "segment", path, FALSE, FALSE, &segment, error))
    return NULL;

  playbook = ov_playbook_new (NULL);
  tidy_name = g_strstrip (g_strdup (name));
  tidy_segment = g_strstrip (g_strdup (segment));
  ov_playbook_set_name (playbook, tidy_name);
  ov_playbook_set_segment (playbook, tidy_segment);
  ov_playbook_set_description (playbook, description);

  stages = json_object_get_member (object, "stages");
  if (stages != NULL && !read_stages (playbook, stages, path, error))
    return NULL;

  /* Everything above is checked already; this guards the two from
   * drifting apart. */
  if (!ov_playbook_validate (playbook, error))
    return NULL;

  return g_steal_pointer (&playbook);
}

/* Before json-glib sees the bytes: its parser recurses once per level of
 * nesting, so "[[[[…" 100,000 deep overflows the stack (a worker
 * thread's first). Counting brackets outside strings is cheap. The same
 * pass finds NUL, raw or as \u0000, which json-glib would silently cut
 * the text at ("A\u0000B" would become "A"). */
static gboolean
prescan (const char  *data,
         gsize        length,
         GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;

      if (c == '\0' ||
          (in_string && c == '\\' && i + 5 < length &&
           strncmp (data + i + 1, "u0000", 5) == 0))
        {
          g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                       _("line %u: the file holds a NUL character, which a playbook cannot "
                         "store."), line);
          return FALSE;
        }

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              /* An escaped quote does not end the string. */
              i++;
              if (data[i] == '\n')
                line++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > OV_PLAYBOOK_MAX_FILE_DEPTH)
            {
              g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_FORMAT,
                           _("line %u: lists and objects are nested more than %d deep; a "
                             "playbook file needs far fewer levels."),
                           line, OV_PLAYBOOK_MAX_FILE_DEPTH);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/* Checks the bytes, parses them and identifies the file: returns the root
 * object (owned by @parser) and whether it holds a list of playbooks. */
static JsonObject *
parse_file (JsonParser  *parser,
            const char  *data,
            gssize       length,
            gboolean    *is_list,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *format;
  JsonObject *object;
  JsonNode *root, *version;
  gint64 number;

  if (length < 0)
    length = strlen (data);

  if (length > OV_PLAYBOOK_MAX_FILE_SIZE)
    {
      g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_FORMAT,
                   _("The file is too large to be a playbook (more than %d MB)."),
                   OV_PLAYBOOK_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!prescan (data, length, error))
    return NULL;

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
                   node_type_name (root), OV_PLAYBOOK_FILE_FORMAT);
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
  if (!get_text (object, "format", "", TRUE, FALSE, &format, error))
    return NULL;
  if (strcmp (format, OV_PLAYBOOK_FILE_FORMAT) != 0 &&
      strcmp (format, OV_PLAYBOOK_LIST_FILE_FORMAT) != 0)
    {
      fail (error, OV_PLAYBOOK_ERROR_FORMAT, "format",
            _("“%s” is not an Overture playbook (expected “%s”)."), format,
            OV_PLAYBOOK_FILE_FORMAT);
      return NULL;
    }
  *is_list = strcmp (format, OV_PLAYBOOK_LIST_FILE_FORMAT) == 0;

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
  if (number > OV_PLAYBOOK_FILE_VERSION)
    {
      fail (error, OV_PLAYBOOK_ERROR_VERSION, "version",
            _("the file uses format version %lld, but this version of Overture reads up "
              "to version %d. Update Overture to import it."),
            (long long)number, OV_PLAYBOOK_FILE_VERSION);
      return NULL;
    }

  return object;
}

static GPtrArray *
read_list (JsonObject  *object,
           GError     **error)
{
  static const char * const allowed[] = { "format", "version", "playbooks", NULL };
  static const char * const entry_allowed[] = {
    "name", "description", "segment", "stages", NULL
  };
  g_autoptr(GPtrArray) playbooks = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *node;
  JsonArray *array;
  guint length;

  if (!check_members (object, "", allowed, error))
    return NULL;

  node = json_object_get_member (object, "playbooks");
  if (node == NULL)
    {
      fail (error, OV_PLAYBOOK_ERROR_INVALID, "playbooks", _("this is missing."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, OV_PLAYBOOK_ERROR_INVALID, "playbooks",
            _("expected a list of playbooks, found %s."), node_type_name (node));
      return NULL;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length == 0)
    {
      fail (error, OV_PLAYBOOK_ERROR_INVALID, "playbooks",
            _("the list is empty, so there is nothing to import."));
      return NULL;
    }
  if (length > OV_PLAYBOOK_MAX_FILE_COUNT)
    {
      fail (error, OV_PLAYBOOK_ERROR_INVALID, "playbooks",
            _("%u playbooks; a file holds at most %d."), length, OV_PLAYBOOK_MAX_FILE_COUNT);
      return NULL;
    }

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *path = g_strdup_printf ("playbooks[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      OvPlaybook *playbook;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail (error, OV_PLAYBOOK_ERROR_INVALID, path,
                _("expected a playbook (an object with a name and stages), found %s."),
                node_type_name (element));
          return NULL;
        }

      playbook = read_playbook (json_node_get_object (element), path, entry_allowed, error);
      if (playbook == NULL)
        return NULL;
      g_ptr_array_add (playbooks, playbook);
    }

  return g_steal_pointer (&playbooks);
}

static const char * const single_allowed[] = {
  "format", "version", "name", "description", "segment", "stages", NULL
};

OvPlaybook *
ov_playbook_new_from_json (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  gboolean is_list = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  object = parse_file (parser, data, length, &is_list, error);
  if (object == NULL)
    return NULL;

  if (is_list)
    {
      fail (error, OV_PLAYBOOK_ERROR_FORMAT, "format",
            _("the file holds several playbooks (“%s”), where one was expected."),
            OV_PLAYBOOK_LIST_FILE_FORMAT);
      return NULL;
    }

  return read_playbook (object, "", single_allowed, error);
}

GPtrArray *
ov_playbook_list_new_from_json (const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) playbooks = NULL;
  JsonObject *object;
  gboolean is_list = FALSE;
  OvPlaybook *playbook;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  object = parse_file (parser, data, length, &is_list, error);
  if (object == NULL)
    return NULL;

  if (is_list)
    return read_list (object, error);

  playbook = read_playbook (object, "", single_allowed, error);
  if (playbook == NULL)
    return NULL;

  playbooks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (playbooks, playbook);
  return g_steal_pointer (&playbooks);
}
