/* ov-content-item.c — one item of the content library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once, for a customer role and a stage, and assigned to many
 * accounts (DOMAIN.md, principle 4). The object holds what the store keeps
 * and, for listing, the tally the store counted with it.
 */

#define G_LOG_DOMAIN "ov-content"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-content-item.h"
#include "ov-property.h"
#include "ov-role.h"
#include "ov-stage.h"
#include "ov-text.h"

struct _OvContentItem
{
  GObject          parent_instance;

  gint64           id;
  gint64           version;
  char            *title;
  OvContentFormat  format;
  char            *role;
  OvStage          stage;
  char            *location;
  guint            duration;

  guint            n_accounts;
  guint            n_learners;
  guint            n_completed;
};

G_DEFINE_FINAL_TYPE (OvContentItem, ov_content_item, G_TYPE_OBJECT)
G_DEFINE_QUARK (ov-content-error-quark, ov_content_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_FORMAT,
  PROP_ROLE,
  PROP_STAGE,
  PROP_LOCATION,
  PROP_DURATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_content_item_finalize (GObject *object)
{
  OvContentItem *self = OV_CONTENT_ITEM (object);

  g_free (self->title);
  g_free (self->role);
  g_free (self->location);

  G_OBJECT_CLASS (ov_content_item_parent_class)->finalize (object);
}

static void
ov_content_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OvContentItem *self = OV_CONTENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FORMAT:
      g_value_set_int (value, self->format);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_content_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OvContentItem *self = OV_CONTENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_content_item_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      ov_content_item_set_title (self, g_value_get_string (value));
      break;
    case PROP_FORMAT:
      ov_content_item_set_format (self, g_value_get_int (value));
      break;
    case PROP_ROLE:
      ov_content_item_set_role (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
      ov_content_item_set_stage (self, g_value_get_int (value));
      break;
    case PROP_LOCATION:
      ov_content_item_set_location (self, g_value_get_string (value));
      break;
    case PROP_DURATION:
      ov_content_item_set_duration (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_content_item_class_init (OvContentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_content_item_finalize;
  object_class->get_property = ov_content_item_get_property;
  object_class->set_property = ov_content_item_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_FORMAT] =
    g_param_spec_int ("format", NULL, NULL, 0, OV_N_CONTENT_FORMATS - 1, 0, rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", rw);
  properties[PROP_STAGE] = g_param_spec_int ("stage", NULL, NULL, 0, OV_STAGE_LAST, 0, rw);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, "", rw);
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, OV_CONTENT_MAX_MINUTES, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_content_item_init (OvContentItem *self)
{
  self->title = g_strdup ("");
  self->role = g_strdup ("");
  self->location = g_strdup ("");
}

OvContentItem *
ov_content_item_new (const char      *title,
                     OvContentFormat  format)
{
  OvContentItem *self = g_object_new (OV_TYPE_CONTENT_ITEM, NULL);

  ov_content_item_set_title (self, title);
  ov_content_item_set_format (self, format);
  return self;
}

OvContentItem *
ov_content_item_copy (OvContentItem *self)
{
  OvContentItem *copy;

  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), NULL);

  copy = ov_content_item_new (self->title, self->format);
  copy->id = self->id;
  copy->version = self->version;
  copy->stage = self->stage;
  g_free (copy->location);
  copy->location = g_strdup (self->location);
  copy->duration = self->duration;
  g_free (copy->role);
  copy->role = g_strdup (self->role);
  copy->n_accounts = self->n_accounts;
  copy->n_learners = self->n_learners;
  copy->n_completed = self->n_completed;
  return copy;
}

gboolean
ov_content_item_validate (OvContentItem  *self,
                          GError        **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), FALSE);

  title = g_strstrip (g_strdup (self->title));
  if (title[0] == '\0')
    {
      g_set_error_literal (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_TITLE,
                           _("Title: an item needs a title."));
      return FALSE;
    }
  if (ov_text_find_control (self->title, FALSE) != 0)
    {
      g_set_error_literal (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_TITLE,
                           _("Title: write the title on one line, without control characters."));
      return FALSE;
    }
  if (!ov_content_format_is_valid (self->format))
    {
      g_set_error_literal (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_FORMAT,
                           _("Format: choose course, webinar, guide, video or hands-on exercise."));
      return FALSE;
    }
  if (self->role[0] != '\0' &&
      (!ov_role_is_valid (self->role) || ov_role_get_side (self->role) != OV_SIDE_CUSTOMER))
    {
      g_set_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_ROLE,
                   _("Audience: “%s” is not a customer role; choose executive sponsor, "
                     "champion, admin or end user."),
                   self->role);
      return FALSE;
    }
  if (self->stage != 0 && !ov_stage_is_valid (self->stage))
    {
      g_set_error_literal (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_STAGE,
                           _("Stage: choose one of the six stages, or none."));
      return FALSE;
    }
  if (ov_text_find_control (self->location, FALSE) != 0)
    {
      g_set_error_literal (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_LOCATION,
                           _("Link or location: write it on one line, without control "
                             "characters."));
      return FALSE;
    }
  if (self->duration > OV_CONTENT_MAX_MINUTES)
    {
      g_set_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_DURATION,
                   _("Duration: at most %u minutes."), (guint)OV_CONTENT_MAX_MINUTES);
      return FALSE;
    }

  return TRUE;
}

gint64
ov_content_item_get_id (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), 0);

  return self->id;
}

void
ov_content_item_set_id (OvContentItem *self,
                        gint64         id)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ov_content_item_get_version (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), 0);

  return self->version;
}

void
ov_content_item_set_version (OvContentItem *self,
                             gint64         version)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));

  self->version = version;
}

const char *
ov_content_item_get_title (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), NULL);

  return self->title;
}

void
ov_content_item_set_title (OvContentItem *self,
                           const char    *title)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));

  ov_property_set_string (G_OBJECT (self), &self->title, title ? title : "",
                          properties[PROP_TITLE]);
}

OvContentFormat
ov_content_item_get_format (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), OV_CONTENT_FORMAT_COURSE);

  return self->format;
}

void
ov_content_item_set_format (OvContentItem   *self,
                            OvContentFormat  format)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));

  if (self->format == format)
    return;
  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

const char *
ov_content_item_get_role (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), NULL);

  return self->role;
}

void
ov_content_item_set_role (OvContentItem *self,
                          const char    *role)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));

  ov_property_set_string (G_OBJECT (self), &self->role, role ? role : "",
                          properties[PROP_ROLE]);
}

OvStage
ov_content_item_get_stage (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), 0);

  return self->stage;
}

void
ov_content_item_set_stage (OvContentItem *self,
                           OvStage        stage)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));

  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
ov_content_item_get_location (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), NULL);

  return self->location;
}

void
ov_content_item_set_location (OvContentItem *self,
                              const char    *location)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));

  ov_property_set_string (G_OBJECT (self), &self->location, location ? location : "",
                          properties[PROP_LOCATION]);
}

guint
ov_content_item_get_duration (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), 0);

  return self->duration;
}

void
ov_content_item_set_duration (OvContentItem *self,
                              guint          minutes)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));

  if (self->duration == minutes)
    return;
  self->duration = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

void
ov_content_item_set_tally (OvContentItem *self,
                           guint          n_accounts,
                           guint          n_learners,
                           guint          n_completed)
{
  g_return_if_fail (OV_IS_CONTENT_ITEM (self));
  g_return_if_fail (n_completed <= n_learners);

  self->n_accounts = n_accounts;
  self->n_learners = n_learners;
  self->n_completed = n_completed;
}

guint
ov_content_item_get_n_accounts (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), 0);

  return self->n_accounts;
}

guint
ov_content_item_get_n_learners (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), 0);

  return self->n_learners;
}

guint
ov_content_item_get_n_completed (OvContentItem *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (self), 0);

  return self->n_completed;
}
