/* ov-question.c — one question of the listening interview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question is data: its text is what the interviewer reads out. The set
 * can be reworded, reordered and thinned (a retired question is not asked
 * any more, but what was said to it stays with its interview).
 */

#define G_LOG_DOMAIN "ov-question"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-property.h"
#include "ov-question.h"
#include "ov-text.h"

struct _OvQuestion
{
  GObject   parent_instance;

  gint64    id;
  gint64    version;
  char     *text;
  guint     position;
  gboolean  retired;
};

G_DEFINE_FINAL_TYPE (OvQuestion, ov_question, G_TYPE_OBJECT)

G_DEFINE_QUARK (ov-question-error-quark, ov_question_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_TEXT,
  PROP_RETIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_question_finalize (GObject *object)
{
  OvQuestion *self = (OvQuestion *)object;

  g_free (self->text);

  G_OBJECT_CLASS (ov_question_parent_class)->finalize (object);
}

static void
ov_question_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OvQuestion *self = OV_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_TEXT:
      g_value_set_string (value, ov_question_get_text (self));
      break;
    case PROP_RETIRED:
      g_value_set_boolean (value, self->retired);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_question_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OvQuestion *self = OV_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_question_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_POSITION:
      ov_question_set_position (self, g_value_get_uint (value));
      break;
    case PROP_TEXT:
      ov_question_set_text (self, g_value_get_string (value));
      break;
    case PROP_RETIRED:
      ov_question_set_retired (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_question_class_init (OvQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_question_finalize;
  object_class->get_property = ov_question_get_property;
  object_class->set_property = ov_question_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", rw);
  properties[PROP_RETIRED] = g_param_spec_boolean ("retired", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_question_init (OvQuestion *self)
{
}

OvQuestion *
ov_question_new (const char *text)
{
  OvQuestion *self = g_object_new (OV_TYPE_QUESTION, NULL);

  self->text = g_strdup (text);
  return self;
}

OvQuestion *
ov_question_copy (OvQuestion *self)
{
  OvQuestion *copy;

  g_return_val_if_fail (OV_IS_QUESTION (self), NULL);

  copy = ov_question_new (self->text);
  copy->id = self->id;
  copy->version = self->version;
  copy->position = self->position;
  copy->retired = self->retired;
  return copy;
}

gboolean
ov_question_validate_text (const char  *text,
                           GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  gunichar control;

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_TEXT,
                           _("Question: the text is empty."));
      return FALSE;
    }

  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error_literal (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_TEXT,
                           _("Question: the text is not valid UTF-8."));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > OV_QUESTION_MAX_CHARS)
    {
      g_set_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_TEXT,
                   _("Question: the text is longer than %d characters."),
                   OV_QUESTION_MAX_CHARS);
      return FALSE;
    }

  control = ov_text_find_control (stripped, FALSE);
  if (control != 0)
    {
      g_set_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_TEXT,
                   _("Question: the text holds the control character U+%04X."),
                   (guint)control);
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_question_parse_id (const char *text,
                      gint64     *id)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (text[0] == '\0' || strlen (text) > 18)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  if (id != NULL)
    *id = g_ascii_strtoll (text, NULL, 10);
  return TRUE;
}

gint64
ov_question_get_id (OvQuestion *self)
{
  g_return_val_if_fail (OV_IS_QUESTION (self), 0);
  return self->id;
}

void
ov_question_set_id (OvQuestion *self,
                    gint64      id)
{
  g_return_if_fail (OV_IS_QUESTION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ov_question_get_version (OvQuestion *self)
{
  g_return_val_if_fail (OV_IS_QUESTION (self), 0);
  return self->version;
}

void
ov_question_set_version (OvQuestion *self,
                         gint64      version)
{
  g_return_if_fail (OV_IS_QUESTION (self));
  self->version = version;
}

guint
ov_question_get_position (OvQuestion *self)
{
  g_return_val_if_fail (OV_IS_QUESTION (self), 0);
  return self->position;
}

void
ov_question_set_position (OvQuestion *self,
                          guint       position)
{
  g_return_if_fail (OV_IS_QUESTION (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
ov_question_get_text (OvQuestion *self)
{
  g_return_val_if_fail (OV_IS_QUESTION (self), NULL);
  return self->text ? self->text : "";
}

void
ov_question_set_text (OvQuestion *self,
                      const char *text)
{
  g_return_if_fail (OV_IS_QUESTION (self));
  ov_property_set_string (G_OBJECT (self), &self->text, text, properties[PROP_TEXT]);
}

gboolean
ov_question_get_retired (OvQuestion *self)
{
  g_return_val_if_fail (OV_IS_QUESTION (self), FALSE);
  return self->retired;
}

void
ov_question_set_retired (OvQuestion *self,
                         gboolean    retired)
{
  g_return_if_fail (OV_IS_QUESTION (self));
  ov_property_set_boolean (G_OBJECT (self), &self->retired, retired, properties[PROP_RETIRED]);
}
