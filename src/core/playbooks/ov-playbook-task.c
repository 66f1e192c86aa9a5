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
  /* A copy of its own, so no one else's edit of the item changes it. */
  OvContentItem *content;
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
  PROP_CONTENT,
  PROP_ROLE_TITLE,
  PROP_CONTENT_ID,
  PROP_CONTENT_TITLE,
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
  g_clear_object (&self->content);

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
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_CONTENT_ID:
      g_value_set_int64 (value, ov_playbook_task_get_content_id (self));
      break;
    case PROP_CONTENT_TITLE:
      g_value_set_string (value, ov_playbook_task_get_content_title (self));
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
    case PROP_CONTENT:
      ov_playbook_task_set_content (self, g_value_get_object (value));
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
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, OV_TYPE_CONTENT_ITEM, rw);
  properties[PROP_CONTENT_ID] =
    g_param_spec_int64 ("content-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT_TITLE] =
    g_param_spec_string ("content-title", NULL, NULL, "",
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
  if (self->content != NULL)
    copy->content = ov_content_item_copy (self->content);
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

OvContentItem *
ov_playbook_task_get_content (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), NULL);

  return self->content;
}

static gboolean
same_content (OvContentItem *a,
              OvContentItem *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  /* Items of the library are the same by id; items read from a file (id
   * 0) by what the file says of them. */
  if (ov_content_item_get_id (a) != ov_content_item_get_id (b))
    return FALSE;
  if (ov_content_item_get_id (a) != 0)
    return g_strcmp0 (ov_content_item_get_title (a), ov_content_item_get_title (b)) == 0;

  return g_strcmp0 (ov_content_item_get_title (a), ov_content_item_get_title (b)) == 0 &&
         ov_content_item_get_format (a) == ov_content_item_get_format (b) &&
         g_strcmp0 (ov_content_item_get_location (a), ov_content_item_get_location (b)) == 0 &&
         ov_content_item_get_duration (a) == ov_content_item_get_duration (b);
}

void
ov_playbook_task_set_content (OvPlaybookTask *self,
                              OvContentItem  *item)
{
  gint64 old_id;
  g_autofree char *old_title = NULL;

  g_return_if_fail (OV_IS_PLAYBOOK_TASK (self));
  g_return_if_fail (item == NULL || OV_IS_CONTENT_ITEM (item));

  if (same_content (self->content, item))
    return;

  old_id = ov_playbook_task_get_content_id (self);
  old_title = g_strdup (ov_playbook_task_get_content_title (self));

  g_clear_object (&self->content);
  if (item != NULL)
    self->content = ov_content_item_copy (item);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
  if (old_id != ov_playbook_task_get_content_id (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_ID]);
  if (g_strcmp0 (old_title, ov_playbook_task_get_content_title (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_TITLE]);
}

gint64
ov_playbook_task_get_content_id (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), 0);

  return self->content ? ov_content_item_get_id (self->content) : 0;
}

const char *
ov_playbook_task_get_content_title (OvPlaybookTask *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (self), NULL);

  return self->content ? ov_content_item_get_title (self->content) : "";
}

gboolean
ov_playbook_task_equal_fields (OvPlaybookTask *a,
                               OvPlaybookTask *b)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (a), FALSE);
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (b), FALSE);

  return a->stage == b->stage &&
         g_strcmp0 (ov_playbook_task_get_title (a), ov_playbook_task_get_title (b)) == 0 &&
         g_strcmp0 (ov_playbook_task_get_description (a),
                    ov_playbook_task_get_description (b)) == 0 &&
         g_strcmp0 (ov_playbook_task_get_role (a), ov_playbook_task_get_role (b)) == 0 &&
         a->day_offset == b->day_offset &&
         same_content (a->content, b->content);
}

void
ov_playbook_task_copy_fields (OvPlaybookTask *to,
                              OvPlaybookTask *from)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (to));
  g_return_if_fail (OV_IS_PLAYBOOK_TASK (from));

  ov_playbook_task_set_title (to, from->title);
  ov_playbook_task_set_description (to, from->description);
  ov_playbook_task_set_role (to, from->role);
  ov_playbook_task_set_day_offset (to, from->day_offset);
  ov_playbook_task_set_content (to, from->content);
}
