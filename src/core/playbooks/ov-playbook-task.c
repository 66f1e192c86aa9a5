/* ov-playbook-task.c — one task template of a playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-playbook"

#include "config.h"

#include "ov-property.h"
#include "ov-enum-types.h"
#include "ov-playbook-task.h"
#include "ov-role.h"

struct _OvPlaybookTask
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *description;
  char    *role;
  OvStage  stage;
  int      day_offset;
};

G_DEFINE_FINAL_TYPE (OvPlaybookTask, ov_playbook_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STAGE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ROLE,
  PROP_DAY_OFFSET,
  PROP_ROLE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_playbook_task_finalize (GObject *object)
{
  OvPlaybookTask *self = (OvPlaybookTask *)object;

  g_free (self->title);
  g_free (self->description);
  g_free (self->role);

  G_OBJECT_CLASS (ov_playbook_task_parent_class)->finalize (object);
}

static void
ov_playbook_task_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OvPlaybookTask *self = OV_PLAYBOOK_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_TITLE:
      g_value_set_string (value, ov_playbook_task_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, ov_playbook_task_get_description (self));
      break;
    case PROP_ROLE:
      g_value_set_string (value, ov_playbook_task_get_role (self));
      break;
    case PROP_DAY_OFFSET:
      g_value_set_int (value, self->day_offset);
      break;
    case PROP_ROLE_TITLE:
      {
        const char *title = ov_role_get_title (self->role);

        g_value_set_string (value, title ? title : ov_playbook_task_get_role (self));
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_playbook_task_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OvPlaybookTask *self = OV_PLAYBOOK_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_playbook_task_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_STAGE:
      ov_playbook_task_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      ov_playbook_task_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      ov_playbook_task_set_description (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      ov_playbook_task_set_role (self, g_value_get_string (value));
      break;
    case PROP_DAY_OFFSET:
      ov_playbook_task_set_day_offset (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_playbook_task_class_init (OvPlaybookTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_playbook_task_finalize;
  object_class->get_property = ov_playbook_task_get_property;
  object_class->set_property = ov_playbook_task_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, OV_TYPE_STAGE, OV_STAGE_EMBARK, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", rw);
  /* Wider than what validation accepts, so a bad value can be shown and
   * refused with a message instead of being clamped silently. */
  properties[PROP_DAY_OFFSET] =
    g_param_spec_int ("day-offset", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_ROLE_TITLE] =
    g_param_spec_string ("role-title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_playbook_task_init (OvPlaybookTask *self)
{
  self->stage = OV_STAGE_EMBARK;
}

OvPlaybookTask *
ov_playbook_task_new (OvStage     stage,
                      const char *title,
                      const char *description,
                      const char *role,
                      int         day_offset)
{
  OvPlaybookTask *self = g_object_new (OV_TYPE_PLAYBOOK_TASK, NULL);

  self->stage = stage;
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->role = g_strdup (role);
  self->day_offset = day_offset;
  return self;
}

OvPlaybookTask *
ov_playbook_task_copy (OvPlaybookTask *self)
{
  OvPlaybookTask *copy;

  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), NULL);

  copy = ov_playbook_task_new (self->stage, self->title, self->description, self->role,
                               self->day_offset);
  copy->id = self->id;
  return copy;
}

gint64
ov_playbook_task_get_id (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), 0);

  return self->id;
}

void
ov_playbook_task_set_id (OvPlaybookTask *self,
                         gint64          id)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

OvStage
ov_playbook_task_get_stage (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), OV_STAGE_EMBARK);

  return self->stage;
}

/* A task moved to another stage keeps its place relative to the tasks it
 * was listed with; ov_playbook_move_task() puts it elsewhere. */
void
ov_playbook_task_set_stage (OvPlaybookTask *self,
                            OvStage         stage)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (self));

  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
ov_playbook_task_get_title (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), NULL);

  return self->title ? self->title : "";
}

void
ov_playbook_task_set_title (OvPlaybookTask *self,
                            const char     *title)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (self));

  ov_property_set_string (G_OBJECT (self), &self->title, title, properties[PROP_TITLE]);
}

const char *
ov_playbook_task_get_description (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), NULL);

  return self->description ? self->description : "";
}

void
ov_playbook_task_set_description (OvPlaybookTask *self,
                                  const char     *description)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (self));

  ov_property_set_string (G_OBJECT (self), &self->description, description,
                          properties[PROP_DESCRIPTION]);
}

const char *
ov_playbook_task_get_role (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), NULL);

  return self->role ? self->role : "";
}

void
ov_playbook_task_set_role (OvPlaybookTask *self,
                           const char     *role)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (self));

  if (ov_property_set_string (G_OBJECT (self), &self->role, role, properties[PROP_ROLE]))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE_TITLE]);
}

int
ov_playbook_task_get_day_offset (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), 0);

  return self->day_offset;
}

void
ov_playbook_task_set_day_offset (OvPlaybookTask *self,
                                 int             day_offset)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (self));

  if (self->day_offset == day_offset)
    return;

  self->day_offset = day_offset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_OFFSET]);
}
