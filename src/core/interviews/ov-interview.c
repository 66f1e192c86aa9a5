/* ov-interview.c — a listening interview held with one account's customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Principle 1 of the framework: listen to customers who just finished
 * onboarding. An interview is who asked whom, when, at which stage of the
 * account, and what they said to each question.
 */

#define G_LOG_DOMAIN "ov-interview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-interview.h"
#include "ov-property.h"
#include "ov-text.h"

struct _OvInterview
{
  GObject     parent_instance;

  gint64      id;
  gint64      version;
  gint64      account_id;
  gint64      person_id;
  gint64      created_at;
  gint64      updated_at;
  char       *interviewer;
  char       *interviewee_name;
  char       *notes;
  GPtrArray  *answers;
  OvDate      held_on;
  OvStage     stage;
};

G_DEFINE_FINAL_TYPE (OvInterview, ov_interview, G_TYPE_OBJECT)

G_DEFINE_QUARK (ov-interview-error-quark, ov_interview_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_HELD_ON,
  PROP_INTERVIEWER,
  PROP_PERSON_ID,
  PROP_INTERVIEWEE_NAME,
  PROP_STAGE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_interview_finalize (GObject *object)
{
  OvInterview *self = (OvInterview *)object;

  g_free (self->interviewer);
  g_free (self->interviewee_name);
  g_free (self->notes);
  g_ptr_array_unref (self->answers);

  G_OBJECT_CLASS (ov_interview_parent_class)->finalize (object);
}

static void
ov_interview_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OvInterview *self = OV_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_HELD_ON:
      g_value_set_int (value, self->held_on);
      break;
    case PROP_INTERVIEWER:
      g_value_set_string (value, ov_interview_get_interviewer (self));
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_INTERVIEWEE_NAME:
      g_value_set_string (value, ov_interview_get_interviewee_name (self));
      break;
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    case PROP_NOTES:
      g_value_set_string (value, ov_interview_get_notes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_interview_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OvInterview *self = OV_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_interview_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACCOUNT_ID:
      ov_interview_set_account_id (self, g_value_get_int64 (value));
      break;
    case PROP_HELD_ON:
      ov_interview_set_held_on (self, g_value_get_int (value));
      break;
    case PROP_INTERVIEWER:
      ov_interview_set_interviewer (self, g_value_get_string (value));
      break;
    case PROP_PERSON_ID:
      ov_interview_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_INTERVIEWEE_NAME:
      ov_interview_set_interviewee_name (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
      ov_interview_set_stage (self, g_value_get_int (value));
      break;
    case PROP_NOTES:
      ov_interview_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_interview_class_init (OvInterviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_interview_finalize;
  object_class->get_property = ov_interview_get_property;
  object_class->set_property = ov_interview_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_HELD_ON] = g_param_spec_int ("held-on", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_INTERVIEWER] = g_param_spec_string ("interviewer", NULL, NULL, "", rw);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_INTERVIEWEE_NAME] =
    g_param_spec_string ("interviewee-name", NULL, NULL, "", rw);
  properties[PROP_STAGE] = g_param_spec_int ("stage", NULL, NULL, 0, OV_STAGE_LAST, 0, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_interview_init (OvInterview *self)
{
  self->answers = g_ptr_array_new_with_free_func (g_object_unref);
}

OvInterview *
ov_interview_new (gint64 account_id,
                  OvDate held_on)
{
  OvInterview *self = g_object_new (OV_TYPE_INTERVIEW, NULL);

  self->account_id = account_id;
  self->held_on = held_on;
  return self;
}

OvInterview *
ov_interview_copy (OvInterview *self)
{
  OvInterview *copy;

  g_return_val_if_fail (OV_IS_INTERVIEW (self), NULL);

  copy = ov_interview_new (self->account_id, self->held_on);
  copy->id = self->id;
  copy->version = self->version;
  copy->person_id = self->person_id;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->interviewer = g_strdup (self->interviewer);
  copy->interviewee_name = g_strdup (self->interviewee_name);
  copy->notes = g_strdup (self->notes);
  copy->stage = self->stage;
  for (guint i = 0; i < self->answers->len; i++)
    g_ptr_array_add (copy->answers, g_object_ref (g_ptr_array_index (self->answers, i)));
  return copy;
}

/* A name: one line, not too long. @label starts the message. */
static gboolean
validate_name (const char  *name,
               const char  *label,
               int          code,
               GError     **error)
{
  gunichar control;

  if (name == NULL)
    return TRUE;

  if (g_utf8_strlen (name, -1) > OV_INTERVIEW_MAX_NAME_CHARS)
    {
      /* Translators: "Interviewer: the name is longer than 200 characters." */
      g_set_error (error, OV_INTERVIEW_ERROR, code,
                   _("%s: the name is longer than %d characters."), label,
                   OV_INTERVIEW_MAX_NAME_CHARS);
      return FALSE;
    }

  control = ov_text_find_control (name, FALSE);
  if (control != 0)
    {
      g_set_error (error, OV_INTERVIEW_ERROR, code,
                   _("%s: the name holds the control character U+%04X."), label,
                   (guint)control);
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_interview_validate (OvInterview  *self,
                       OvDate        today,
                       GError      **error)
{
  g_autofree char *when = NULL;
  gunichar control;

  g_return_val_if_fail (OV_IS_INTERVIEW (self), FALSE);

  if (self->held_on == OV_DATE_NONE)
    {
      g_set_error_literal (error, OV_INTERVIEW_ERROR, OV_INTERVIEW_ERROR_DATE,
                           _("Date: an interview needs a date."));
      return FALSE;
    }

  when = ov_date_to_iso (self->held_on);
  if (self->held_on < ov_date_from_ymd (1900, 1, 1))
    {
      g_set_error (error, OV_INTERVIEW_ERROR, OV_INTERVIEW_ERROR_DATE,
                   _("Date: %s is not a date an interview can have."), when);
      return FALSE;
    }

  if (today != OV_DATE_NONE &&
      self->held_on > ov_date_add_days (today, OV_INTERVIEW_MAX_DAYS_AHEAD))
    {
      g_set_error (error, OV_INTERVIEW_ERROR, OV_INTERVIEW_ERROR_DATE,
                   _("Date: %s is more than a year ahead."), when);
      return FALSE;
    }

  if (self->stage != 0 && (self->stage < OV_STAGE_FIRST || self->stage > OV_STAGE_LAST))
    {
      g_set_error (error, OV_INTERVIEW_ERROR, OV_INTERVIEW_ERROR_STAGE,
                   _("Stage: %d is not a stage."), (int)self->stage);
      return FALSE;
    }

  if (!validate_name (self->interviewer, _("Interviewer"), OV_INTERVIEW_ERROR_INTERVIEWER,
                      error) ||
      !validate_name (self->interviewee_name, _("Interviewee"), OV_INTERVIEW_ERROR_INTERVIEWEE,
                      error))
    return FALSE;

  control = ov_text_find_control (ov_interview_get_notes (self), TRUE);
  if (control != 0)
    {
      g_set_error (error, OV_INTERVIEW_ERROR, OV_INTERVIEW_ERROR_NOTES,
                   _("Notes: the text holds the control character U+%04X."), (guint)control);
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_interview_answer_is_blank (const char *answer)
{
  for (const char *p = answer ? answer : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
ov_interview_validate_answer (const char  *answer,
                              GError     **error)
{
  gunichar control;

  if (answer == NULL)
    return TRUE;

  if (!g_utf8_validate (answer, -1, NULL))
    {
      g_set_error_literal (error, OV_INTERVIEW_ERROR, OV_INTERVIEW_ERROR_ANSWER,
                           _("Answer: the text is not valid UTF-8."));
      return FALSE;
    }

  control = ov_text_find_control (answer, TRUE);
  if (control != 0 && control != '\r')
    {
      g_set_error (error, OV_INTERVIEW_ERROR, OV_INTERVIEW_ERROR_ANSWER,
                   _("Answer: the text holds the control character U+%04X."), (guint)control);
      return FALSE;
    }

  return TRUE;
}

gint64
ov_interview_get_id (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), 0);
  return self->id;
}

void
ov_interview_set_id (OvInterview *self,
                     gint64       id)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ov_interview_get_version (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), 0);
  return self->version;
}

void
ov_interview_set_version (OvInterview *self,
                          gint64       version)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));
  self->version = version;
}

gint64
ov_interview_get_account_id (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), 0);
  return self->account_id;
}

void
ov_interview_set_account_id (OvInterview *self,
                             gint64       account_id)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));

  if (self->account_id == account_id)
    return;
  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

OvDate
ov_interview_get_held_on (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), OV_DATE_NONE);
  return self->held_on;
}

void
ov_interview_set_held_on (OvInterview *self,
                          OvDate       held_on)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));

  if (self->held_on == held_on)
    return;
  self->held_on = held_on;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD_ON]);
}

const char *
ov_interview_get_interviewer (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), NULL);
  return self->interviewer ? self->interviewer : "";
}

void
ov_interview_set_interviewer (OvInterview *self,
                              const char  *interviewer)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));
  ov_property_set_string (G_OBJECT (self), &self->interviewer, interviewer,
                          properties[PROP_INTERVIEWER]);
}

gint64
ov_interview_get_person_id (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), 0);
  return self->person_id;
}

void
ov_interview_set_person_id (OvInterview *self,
                            gint64       person_id)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
ov_interview_get_interviewee_name (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), NULL);
  return self->interviewee_name ? self->interviewee_name : "";
}

void
ov_interview_set_interviewee_name (OvInterview *self,
                                   const char  *name)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));
  ov_property_set_string (G_OBJECT (self), &self->interviewee_name, name,
                          properties[PROP_INTERVIEWEE_NAME]);
}

OvStage
ov_interview_get_stage (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), 0);
  return self->stage;
}

void
ov_interview_set_stage (OvInterview *self,
                        OvStage      stage)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));

  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
ov_interview_get_notes (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), NULL);
  return self->notes ? self->notes : "";
}

void
ov_interview_set_notes (OvInterview *self,
                        const char  *notes)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));
  ov_property_set_string (G_OBJECT (self), &self->notes, notes, properties[PROP_NOTES]);
}

gint64
ov_interview_get_created_at (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), 0);
  return self->created_at;
}

gint64
ov_interview_get_updated_at (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), 0);
  return self->updated_at;
}

void
ov_interview_set_timestamps (OvInterview *self,
                             gint64       created_at,
                             gint64       updated_at)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));

  self->created_at = created_at;
  self->updated_at = updated_at;
}

GPtrArray *
ov_interview_get_answers (OvInterview *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), NULL);
  return self->answers;
}

void
ov_interview_set_answers (OvInterview *self,
                          GPtrArray   *answers)
{
  g_return_if_fail (OV_IS_INTERVIEW (self));

  g_ptr_array_set_size (self->answers, 0);
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    g_ptr_array_add (self->answers, g_object_ref (g_ptr_array_index (answers, i)));
}

OvInterviewAnswer *
ov_interview_find_answer (OvInterview *self,
                          gint64       question_id)
{
  g_return_val_if_fail (OV_IS_INTERVIEW (self), NULL);

  for (guint i = 0; i < self->answers->len; i++)
    {
      OvInterviewAnswer *answer = g_ptr_array_index (self->answers, i);

      if (question_id != 0 && ov_interview_answer_get_question_id (answer) == question_id)
        return answer;
    }
  return NULL;
}
