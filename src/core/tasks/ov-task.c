/* ov-task.c — one piece of work on an account's journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-task"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-property.h"
#include "ov-enum-types.h"
#include "ov-journey-private.h"
#include "ov-role.h"
#include "ov-stage.h"
#include "ov-task.h"

struct _OvTask
{
  GObject  parent_instance;

  gint64   id;
  gint64   version;   /* of the stored row read; 0 until stored */
  gint64   account_id;
  gint64   assignee_id;
  gint64   playbook_task_id;
  /* The content item the task is about (the store fills them). */
  gint64   content_id;
  char    *content_title;
  char    *content_location;
  char    *account_name;
  char    *title;
  char    *description;
  char    *role;
  char    *assignee_name;
  OvStage  stage;
  OvDate   due_date;
  OvDate   done_date;
};

G_DEFINE_FINAL_TYPE (OvTask, ov_task, G_TYPE_OBJECT)

G_DEFINE_QUARK (ov-task-error-quark, ov_task_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_STAGE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ROLE,
  PROP_ASSIGNEE_ID,
  PROP_DUE_DATE,
  PROP_DONE_DATE,
  PROP_DONE,
  PROP_ACCOUNT_NAME,
  PROP_ASSIGNEE_NAME,
  PROP_PLAYBOOK_TASK_ID,
  PROP_ROLE_TITLE,
  PROP_STAGE_TITLE,
  PROP_DUE_DATE_TEXT,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_task_finalize (GObject *object)
{
  OvTask *self = (OvTask *)object;

  g_free (self->account_name);
  g_free (self->title);
  g_free (self->description);
  g_free (self->role);
  g_free (self->assignee_name);
  g_free (self->content_title);
  g_free (self->content_location);

  G_OBJECT_CLASS (ov_task_parent_class)->finalize (object);
}

static void
ov_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  OvTask *self = OV_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_TITLE:
      g_value_set_string (value, ov_task_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, ov_task_get_description (self));
      break;
    case PROP_ROLE:
      g_value_set_string (value, ov_task_get_role (self));
      break;
    case PROP_ASSIGNEE_ID:
      g_value_set_int64 (value, self->assignee_id);
      break;
    case PROP_DUE_DATE:
      g_value_set_int (value, self->due_date);
      break;
    case PROP_DONE_DATE:
      g_value_set_int (value, self->done_date);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done_date != OV_DATE_NONE);
      break;
    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, ov_task_get_account_name (self));
      break;
    case PROP_ASSIGNEE_NAME:
      g_value_set_string (value, ov_task_get_assignee_name (self));
      break;
    case PROP_PLAYBOOK_TASK_ID:
      g_value_set_int64 (value, self->playbook_task_id);
      break;
    case PROP_ROLE_TITLE:
      g_value_set_string (value, self->role ? ov_role_get_title (self->role) : "");
      break;
    case PROP_STAGE_TITLE:
      g_value_set_string (value, ov_stage_get_title (self->stage));
      break;
    case PROP_DUE_DATE_TEXT:
      g_value_take_string (value, ov_date_to_display (self->due_date));
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, ov_task_is_overdue (self, ov_date_today ()));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_task_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  OvTask *self = OV_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_task_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACCOUNT_ID:
      ov_task_set_account_id (self, g_value_get_int64 (value));
      break;
    case PROP_STAGE:
      ov_task_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      ov_task_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      ov_task_set_description (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      ov_task_set_role (self, g_value_get_string (value));
      break;
    case PROP_ASSIGNEE_ID:
      ov_task_set_assignee_id (self, g_value_get_int64 (value));
      break;
    case PROP_DUE_DATE:
      ov_task_set_due_date (self, g_value_get_int (value));
      break;
    case PROP_DONE_DATE:
      ov_task_set_done_date (self, g_value_get_int (value));
      break;
    case PROP_DONE:
      if (g_value_get_boolean (value) != ov_task_is_done (self))
        ov_task_set_done_date (self, g_value_get_boolean (value) ? ov_date_today ()
                                                                 : OV_DATE_NONE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_task_class_init (OvTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_task_finalize;
  object_class->get_property = ov_task_get_property;
  object_class->set_property = ov_task_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, OV_TYPE_STAGE, OV_STAGE_EMBARK, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", rw);
  properties[PROP_ASSIGNEE_ID] =
    g_param_spec_int64 ("assignee-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DUE_DATE] = g_param_spec_int ("due-date", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_DONE_DATE] = g_param_spec_int ("done-date", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, rw);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, "", ro);
  properties[PROP_ASSIGNEE_NAME] = g_param_spec_string ("assignee-name", NULL, NULL, "", ro);
  properties[PROP_PLAYBOOK_TASK_ID] =
    g_param_spec_int64 ("playbook-task-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ROLE_TITLE] = g_param_spec_string ("role-title", NULL, NULL, "", ro);
  properties[PROP_STAGE_TITLE] = g_param_spec_string ("stage-title", NULL, NULL, "", ro);
  properties[PROP_DUE_DATE_TEXT] = g_param_spec_string ("due-date-text", NULL, NULL, "", ro);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_task_init (OvTask *self)
{
  self->stage = OV_STAGE_EMBARK;
}

OvTask *
ov_task_new (gint64      account_id,
             OvStage     stage,
             const char *title)
{
  OvTask *self = g_object_new (OV_TYPE_TASK, NULL);

  self->account_id = account_id;
  self->stage = stage;
  self->title = g_strdup (title);
  return self;
}

OvTask *
ov_task_copy (OvTask *self)
{
  OvTask *copy;

  g_return_val_if_fail (OV_IS_TASK (self), NULL);

  copy = ov_task_new (self->account_id, self->stage, self->title);
  copy->id = self->id;
  copy->version = self->version;
  copy->assignee_id = self->assignee_id;
  copy->playbook_task_id = self->playbook_task_id;
  copy->content_id = self->content_id;
  copy->content_title = g_strdup (self->content_title);
  copy->content_location = g_strdup (self->content_location);
  copy->account_name = g_strdup (self->account_name);
  copy->description = g_strdup (self->description);
  copy->role = g_strdup (self->role);
  copy->assignee_name = g_strdup (self->assignee_name);
  copy->due_date = self->due_date;
  copy->done_date = self->done_date;
  return copy;
}

gboolean
ov_task_validate (OvTask  *self,
                  GError **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (OV_IS_TASK (self), FALSE);

  title = g_strstrip (g_strdup (ov_task_get_title (self)));
  if (title[0] == '\0')
    {
      g_set_error_literal (error, OV_TASK_ERROR, OV_TASK_ERROR_TITLE,
                           _("Title: a task needs a title."));
      return FALSE;
    }

  if (!ov_stage_is_valid (self->stage))
    {
      g_set_error (error, OV_TASK_ERROR, OV_TASK_ERROR_STAGE,
                   _("Stage: %d is not one of the six stages."), (int)self->stage);
      return FALSE;
    }

  if (self->role != NULL && self->role[0] != '\0' && !ov_role_is_valid (self->role))
    {
      g_set_error (error, OV_TASK_ERROR, OV_TASK_ERROR_ROLE,
                   _("Owner role: “%s” is not a role."), self->role);
      return FALSE;
    }

  return TRUE;
}

/* Display fields come from the store's joins, never from the UI. */
void
ov_task_set_display (OvTask     *self,
                     const char *account_name,
                     const char *assignee_name,
                     gint64      playbook_task_id)
{
  g_return_if_fail (OV_IS_TASK (self));

  if (g_strcmp0 (ov_task_get_account_name (self), account_name ? account_name : "") != 0)
    {
      g_free (self->account_name);
      self->account_name = g_strdup (account_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
    }

  if (g_strcmp0 (ov_task_get_assignee_name (self), assignee_name ? assignee_name : "") != 0)
    {
      g_free (self->assignee_name);
      self->assignee_name = g_strdup (assignee_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE_NAME]);
    }

  if (self->playbook_task_id != playbook_task_id)
    {
      self->playbook_task_id = playbook_task_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYBOOK_TASK_ID]);
    }
}

gint64
ov_task_get_id (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), 0);

  return self->id;
}

void
ov_task_set_id (OvTask *self,
                gint64  id)
{
  g_return_if_fail (OV_IS_TASK (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The version of the stored row this object was read at: a write names it,
 * so a copy older than the row is refused instead of written over it. */
gint64
ov_task_get_version (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), 0);

  return self->version;
}

void
ov_task_set_version (OvTask *self,
                     gint64  version)
{
  g_return_if_fail (OV_IS_TASK (self));

  self->version = version;
}

gint64
ov_task_get_account_id (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), 0);

  return self->account_id;
}

void
ov_task_set_account_id (OvTask *self,
                        gint64  account_id)
{
  g_return_if_fail (OV_IS_TASK (self));

  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
ov_task_get_account_name (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), NULL);

  return self->account_name ? self->account_name : "";
}

OvStage
ov_task_get_stage (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), OV_STAGE_EMBARK);

  return self->stage;
}

void
ov_task_set_stage (OvTask  *self,
                   OvStage  stage)
{
  g_return_if_fail (OV_IS_TASK (self));

  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_TITLE]);
}

const char *
ov_task_get_title (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), NULL);

  return self->title ? self->title : "";
}

void
ov_task_set_title (OvTask     *self,
                   const char *title)
{
  g_return_if_fail (OV_IS_TASK (self));

  ov_property_set_string (G_OBJECT (self), &self->title, title, properties[PROP_TITLE]);
}

const char *
ov_task_get_description (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), NULL);

  return self->description ? self->description : "";
}

void
ov_task_set_description (OvTask     *self,
                         const char *description)
{
  g_return_if_fail (OV_IS_TASK (self));

  ov_property_set_string (G_OBJECT (self), &self->description, description,
                          properties[PROP_DESCRIPTION]);
}

const char *
ov_task_get_role (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), NULL);

  return self->role ? self->role : "";
}

void
ov_task_set_role (OvTask     *self,
                  const char *role)
{
  g_return_if_fail (OV_IS_TASK (self));

  if (ov_property_set_string (G_OBJECT (self), &self->role, role, properties[PROP_ROLE]))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE_TITLE]);
}

gint64
ov_task_get_assignee_id (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), 0);

  return self->assignee_id;
}

void
ov_task_set_assignee_id (OvTask *self,
                         gint64  person_id)
{
  g_return_if_fail (OV_IS_TASK (self));

  if (self->assignee_id == person_id)
    return;

  self->assignee_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNEE_ID]);
}

const char *
ov_task_get_assignee_name (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), NULL);

  return self->assignee_name ? self->assignee_name : "";
}

OvDate
ov_task_get_due_date (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), OV_DATE_NONE);

  return self->due_date;
}

void
ov_task_set_due_date (OvTask *self,
                      OvDate  due)
{
  g_return_if_fail (OV_IS_TASK (self));

  if (self->due_date == due)
    return;

  self->due_date = due;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

OvDate
ov_task_get_done_date (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), OV_DATE_NONE);

  return self->done_date;
}

void
ov_task_set_done_date (OvTask *self,
                       OvDate  done)
{
  gboolean was_done;

  g_return_if_fail (OV_IS_TASK (self));

  if (self->done_date == done)
    return;

  was_done = self->done_date != OV_DATE_NONE;
  self->done_date = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_DATE]);
  if (was_done != (done != OV_DATE_NONE))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
    }
}

gboolean
ov_task_is_done (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), FALSE);

  return self->done_date != OV_DATE_NONE;
}

gint64
ov_task_get_playbook_task_id (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), 0);

  return self->playbook_task_id;
}

gboolean
ov_task_is_overdue (OvTask *self,
                    OvDate  today)
{
  g_return_val_if_fail (OV_IS_TASK (self), FALSE);

  return self->done_date == OV_DATE_NONE && self->due_date != OV_DATE_NONE &&
         self->due_date < today;
}

gboolean
ov_task_is_due_this_week (OvTask *self,
                          OvDate  today)
{
  g_return_val_if_fail (OV_IS_TASK (self), FALSE);

  return self->done_date == OV_DATE_NONE && self->due_date != OV_DATE_NONE &&
         self->due_date >= today && self->due_date <= today + OV_TASK_WEEK_DAYS - 1;
}

/* The training the task is about, as the store read it: 0 and NULL for
 * none. */
void
ov_task_set_content (OvTask     *self,
                     gint64      content_id,
                     const char *title,
                     const char *location)
{
  g_return_if_fail (OV_IS_TASK (self));

  self->content_id = content_id;
  g_free (self->content_title);
  self->content_title = content_id != 0 ? g_strdup (title) : NULL;
  g_free (self->content_location);
  self->content_location = content_id != 0 ? g_strdup (location) : NULL;
}

gint64
ov_task_get_content_id (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), 0);

  return self->content_id;
}

const char *
ov_task_get_content_title (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), NULL);

  return self->content_title;
}

const char *
ov_task_get_content_location (OvTask *self)
{
  g_return_val_if_fail (OV_IS_TASK (self), NULL);

  return self->content_location;
}
