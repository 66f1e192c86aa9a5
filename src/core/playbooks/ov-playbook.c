/* ov-playbook.c — a reusable template of tasks for the six stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tasks live in one array; the order of a stage's tasks is their order
 * in it. Lists per stage are filtered copies, so the editor can hold them
 * while the playbook changes.
 */

#define G_LOG_DOMAIN "ov-playbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-property.h"
#include "ov-playbook.h"
#include "ov-role.h"
#include "ov-stage.h"
#include "ov-text.h"

struct _OvPlaybook
{
  GObject    parent_instance;

  gint64     id;
  gint64     version;   /* of the stored row read; 0 until stored */
  char      *name;
  char      *description;
  char      *segment;
  GPtrArray *tasks;
  gboolean   is_default;
};

G_DEFINE_FINAL_TYPE (OvPlaybook, ov_playbook, G_TYPE_OBJECT)

G_DEFINE_QUARK (ov-playbook-error-quark, ov_playbook_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_SEGMENT,
  PROP_IS_DEFAULT,
  PROP_N_TASKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_playbook_finalize (GObject *object)
{
  OvPlaybook *self = (OvPlaybook *)object;

  g_free (self->name);
  g_free (self->description);
  g_free (self->segment);
  g_ptr_array_unref (self->tasks);

  G_OBJECT_CLASS (ov_playbook_parent_class)->finalize (object);
}

static void
ov_playbook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OvPlaybook *self = OV_PLAYBOOK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, ov_playbook_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, ov_playbook_get_description (self));
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, ov_playbook_get_segment (self));
      break;
    case PROP_IS_DEFAULT:
      g_value_set_boolean (value, self->is_default);
      break;
    case PROP_N_TASKS:
      g_value_set_uint (value, self->tasks->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_playbook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OvPlaybook *self = OV_PLAYBOOK (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_playbook_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      ov_playbook_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      ov_playbook_set_description (self, g_value_get_string (value));
      break;
    case PROP_SEGMENT:
      ov_playbook_set_segment (self, g_value_get_string (value));
      break;
    case PROP_IS_DEFAULT:
      ov_playbook_set_is_default (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_playbook_class_init (OvPlaybookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_playbook_finalize;
  object_class->get_property = ov_playbook_get_property;
  object_class->set_property = ov_playbook_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_SEGMENT] = g_param_spec_string ("segment", NULL, NULL, "", rw);
  properties[PROP_IS_DEFAULT] = g_param_spec_boolean ("is-default", NULL, NULL, FALSE, rw);
  properties[PROP_N_TASKS] =
    g_param_spec_uint ("n-tasks", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_playbook_init (OvPlaybook *self)
{
  self->tasks = g_ptr_array_new_with_free_func (g_object_unref);
}

OvPlaybook *
ov_playbook_new (const char *name)
{
  OvPlaybook *self = g_object_new (OV_TYPE_PLAYBOOK, NULL);

  self->name = g_strdup (name);
  return self;
}

OvPlaybook *
ov_playbook_copy (OvPlaybook *self)
{
  OvPlaybook *copy;

  g_return_val_if_fail (OV_IS_PLAYBOOK (self), NULL);

  copy = ov_playbook_new (self->name);
  copy->id = self->id;
  copy->version = self->version;
  copy->description = g_strdup (self->description);
  copy->segment = g_strdup (self->segment);
  copy->is_default = self->is_default;
  for (guint i = 0; i < self->tasks->len; i++)
    g_ptr_array_add (copy->tasks, ov_playbook_task_copy (g_ptr_array_index (self->tasks, i)));

  return copy;
}

/* Where the task is counted from 1 within its stage, as the editor shows. */
static guint
position_in_stage (OvPlaybook     *self,
                   OvPlaybookTask *task)
{
  guint position = 0;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      OvPlaybookTask *other = g_ptr_array_index (self->tasks, i);

      if (ov_playbook_task_get_stage (other) == ov_playbook_task_get_stage (task))
        position++;
      if (other == task)
        break;
    }

  return position;
}

/* "Name: …" for the playbook's own fields (@position 0), "Kickoff, task 2,
 * title: …" for a task's. */
static gboolean
check_text (const char  *where,
            const char  *field,
            guint        position,
            const char  *text,
            gboolean     multiline,
            GError     **error)
{
  gunichar control = ov_text_find_control (text, multiline);

  if (control == 0)
    return TRUE;

  if (position == 0)
    g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                 /* Translators: "Name: holds the control character U+0007, …" */
                 _("%s: holds the control character U+%04X, which a playbook cannot store."),
                 where, control);
  else
    g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                 /* Translators: "Kickoff, task 2, title: holds the control character …" */
                 _("%s, task %u, %s: holds the control character U+%04X, which a playbook "
                   "cannot store."),
                 where, position, field, control);
  return FALSE;
}

gboolean
ov_playbook_validate (OvPlaybook  *self,
                      GError     **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (OV_IS_PLAYBOOK (self), FALSE);

  name = g_strstrip (g_strdup (ov_playbook_get_name (self)));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                           _("Name: a playbook needs a name."));
      return FALSE;
    }

  if (!check_text (_("Name"), NULL, 0, name, FALSE, error) ||
      !check_text (_("Segment"), NULL, 0, ov_playbook_get_segment (self), FALSE, error) ||
      !check_text (_("Description"), NULL, 0, ov_playbook_get_description (self), TRUE, error))
    return FALSE;

  if (self->tasks->len > OV_PLAYBOOK_MAX_TASKS)
    {
      g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                   _("The playbook has %u tasks; a playbook holds at most %d."),
                   self->tasks->len, OV_PLAYBOOK_MAX_TASKS);
      return FALSE;
    }

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      guint n = ov_playbook_get_n_tasks (self, stage);

      if (n > OV_PLAYBOOK_MAX_STAGE_TASKS)
        {
          g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                       /* Translators: "Adopt: 120 tasks; a stage holds at most 100." */
                       _("%s: %u tasks; a stage holds at most %d."),
                       ov_stage_get_title (stage), n, OV_PLAYBOOK_MAX_STAGE_TASKS);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->tasks->len; i++)
    {
      OvPlaybookTask *task = g_ptr_array_index (self->tasks, i);
      g_autofree char *title = g_strstrip (g_strdup (ov_playbook_task_get_title (task)));
      OvStage stage = ov_playbook_task_get_stage (task);
      const char *role = ov_playbook_task_get_role (task);
      int offset = ov_playbook_task_get_day_offset (task);

      if (!ov_stage_is_valid (stage))
        {
          g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                       _("Task %u: stage %d is not one of the six stages."),
                       i + 1, (int)stage);
          return FALSE;
        }

      if (title[0] == '\0')
        {
          g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                       /* Translators: "Kickoff, task 2: a task needs a title." */
                       _("%s, task %u: a task needs a title."),
                       ov_stage_get_title (stage), position_in_stage (self, task));
          return FALSE;
        }

      if (role[0] == '\0')
        {
          g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                       _("%s, task %u (“%s”): choose the role that owns the task."),
                       ov_stage_get_title (stage), position_in_stage (self, task), title);
          return FALSE;
        }

      if (!ov_role_is_valid (role))
        {
          g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                       _("%s, task %u (“%s”): “%s” is not a role."),
                       ov_stage_get_title (stage), position_in_stage (self, task), title, role);
          return FALSE;
        }

      if (!check_text (ov_stage_get_title (stage), _("title"), position_in_stage (self, task),
                       title, FALSE, error) ||
          !check_text (ov_stage_get_title (stage), _("description"),
                       position_in_stage (self, task), ov_playbook_task_get_description (task),
                       TRUE, error))
        return FALSE;

      if (offset < 0 || offset > OV_PLAYBOOK_MAX_DAY_OFFSET)
        {
          g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                       _("%s, task %u (“%s”): the day offset %d is not between 0 and %d."),
                       ov_stage_get_title (stage), position_in_stage (self, task), title,
                       offset, OV_PLAYBOOK_MAX_DAY_OFFSET);
          return FALSE;
        }

      if (ov_playbook_task_get_content (task) != NULL)
        {
          g_autoptr(GError) content_error = NULL;

          if (!ov_content_item_validate (ov_playbook_task_get_content (task), &content_error))
            {
              g_set_error (error, OV_PLAYBOOK_ERROR, OV_PLAYBOOK_ERROR_INVALID,
                           /* Translators: "Adopt, task 2 (“Train the admins”), training:
                            * Title: an item needs a title." */
                           _("%s, task %u (“%s”), training: %s"),
                           ov_stage_get_title (stage), position_in_stage (self, task), title,
                           content_error->message);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gint64
ov_playbook_get_id (OvPlaybook *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK (self), 0);

  return self->id;
}

void
ov_playbook_set_id (OvPlaybook *self,
                    gint64      id)
{
  g_return_if_fail (OV_IS_PLAYBOOK (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The version of the stored row this object was read at: a write names it,
 * so a copy older than the row is refused instead of written over it. */
gint64
ov_playbook_get_version (OvPlaybook *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK (self), 0);

  return self->version;
}

void
ov_playbook_set_version (OvPlaybook *self,
                         gint64      version)
{
  g_return_if_fail (OV_IS_PLAYBOOK (self));

  self->version = version;
}

const char *
ov_playbook_get_name (OvPlaybook *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK (self), NULL);

  return self->name ? self->name : "";
}

void
ov_playbook_set_name (OvPlaybook *self,
                      const char *name)
{
  g_return_if_fail (OV_IS_PLAYBOOK (self));

  ov_property_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

const char *
ov_playbook_get_description (OvPlaybook *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK (self), NULL);

  return self->description ? self->description : "";
}

void
ov_playbook_set_description (OvPlaybook *self,
                             const char *description)
{
  g_return_if_fail (OV_IS_PLAYBOOK (self));

  ov_property_set_string (G_OBJECT (self), &self->description, description,
                          properties[PROP_DESCRIPTION]);
}

const char *
ov_playbook_get_segment (OvPlaybook *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK (self), NULL);

  return self->segment ? self->segment : "";
}

void
ov_playbook_set_segment (OvPlaybook *self,
                         const char *segment)
{
  g_return_if_fail (OV_IS_PLAYBOOK (self));

  ov_property_set_string (G_OBJECT (self), &self->segment, segment, properties[PROP_SEGMENT]);
}

gboolean
ov_playbook_get_is_default (OvPlaybook *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK (self), FALSE);

  return self->is_default;
}

void
ov_playbook_set_is_default (OvPlaybook *self,
                            gboolean    is_default)
{
  g_return_if_fail (OV_IS_PLAYBOOK (self));

  ov_property_set_boolean (G_OBJECT (self), &self->is_default, is_default, properties[PROP_IS_DEFAULT]);
}

guint
ov_playbook_get_n_tasks (OvPlaybook *self,
                         OvStage     stage)
{
  guint n = 0;

  g_return_val_if_fail (OV_IS_PLAYBOOK (self), 0);

  if (stage == 0)
    return self->tasks->len;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      if (ov_playbook_task_get_stage (g_ptr_array_index (self->tasks, i)) == stage)
        n++;
    }

  return n;
}

static int
compare_stage (gconstpointer a,
               gconstpointer b)
{
  OvPlaybookTask *task_a = *(OvPlaybookTask * const *)a;
  OvPlaybookTask *task_b = *(OvPlaybookTask * const *)b;

  return (int)ov_playbook_task_get_stage (task_a) - (int)ov_playbook_task_get_stage (task_b);
}

GPtrArray *
ov_playbook_dup_tasks (OvPlaybook *self,
                       OvStage     stage)
{
  GPtrArray *tasks;

  g_return_val_if_fail (OV_IS_PLAYBOOK (self), NULL);

  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->tasks->len; i++)
    {
      OvPlaybookTask *task = g_ptr_array_index (self->tasks, i);

      if (stage == 0 || ov_playbook_task_get_stage (task) == stage)
        g_ptr_array_add (tasks, g_object_ref (task));
    }

  /* GLib's sort is stable, so each stage keeps its order. */
  if (stage == 0)
    g_ptr_array_sort (tasks, compare_stage);

  return tasks;
}

void
ov_playbook_add_task (OvPlaybook     *self,
                      OvPlaybookTask *task)
{
  g_return_if_fail (OV_IS_PLAYBOOK (self));
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (task));
  g_return_if_fail (!g_ptr_array_find (self->tasks, task, NULL));

  g_ptr_array_add (self->tasks, g_object_ref (task));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TASKS]);
}

void
ov_playbook_remove_task (OvPlaybook     *self,
                         OvPlaybookTask *task)
{
  g_return_if_fail (OV_IS_PLAYBOOK (self));
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (task));

  if (g_ptr_array_remove (self->tasks, task))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TASKS]);
}

void
ov_playbook_move_task (OvPlaybook     *self,
                       OvPlaybookTask *task,
                       guint           position)
{
  OvStage stage;
  guint seen = 0;
  guint index;

  g_return_if_fail (OV_IS_PLAYBOOK (self));
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (task));

  if (!g_ptr_array_find (self->tasks, task, &index))
    return;

  stage = ov_playbook_task_get_stage (task);
  g_object_ref (task);
  g_ptr_array_remove_index (self->tasks, index);

  /* Before the task now at @position of the stage, or after the stage's
   * last task when @position is past the end. */
  index = self->tasks->len;
  for (guint i = 0; i < self->tasks->len; i++)
    {
      if (ov_playbook_task_get_stage (g_ptr_array_index (self->tasks, i)) != stage)
        continue;
      if (seen == position)
        {
          index = i;
          break;
        }
      seen++;
      index = i + 1;
    }

  g_ptr_array_insert (self->tasks, index, task);
}
