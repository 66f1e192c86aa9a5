/* ov-interview-answer.c — one answer given in a listening interview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-interview-answer"

#include "config.h"

#include "ov-interview-answer.h"

struct _OvInterviewAnswer
{
  GObject  parent_instance;

  gint64   id;
  gint64   interview_id;
  gint64   question_id;
  gint64   updated_at;
  char    *question_text;
  char    *answer;

  gint64   account_id;
  char    *account_name;
  char    *account_external_id;
  char    *interviewer;
  char    *interviewee;
  OvDate   held_on;
  OvStage  stage;
};

G_DEFINE_FINAL_TYPE (OvInterviewAnswer, ov_interview_answer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_INTERVIEW_ID,
  PROP_QUESTION_ID,
  PROP_QUESTION_TEXT,
  PROP_ANSWER,
  PROP_UPDATED_AT,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_ACCOUNT_EXTERNAL_ID,
  PROP_HELD_ON,
  PROP_INTERVIEWER,
  PROP_INTERVIEWEE,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_interview_answer_finalize (GObject *object)
{
  OvInterviewAnswer *self = (OvInterviewAnswer *)object;

  g_free (self->question_text);
  g_free (self->answer);
  g_free (self->account_name);
  g_free (self->account_external_id);
  g_free (self->interviewer);
  g_free (self->interviewee);

  G_OBJECT_CLASS (ov_interview_answer_parent_class)->finalize (object);
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static void
ov_interview_answer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OvInterviewAnswer *self = OV_INTERVIEW_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_INTERVIEW_ID:
      g_value_set_int64 (value, self->interview_id);
      break;
    case PROP_QUESTION_ID:
      g_value_set_int64 (value, self->question_id);
      break;
    case PROP_QUESTION_TEXT:
      g_value_set_string (value, or_empty (self->question_text));
      break;
    case PROP_ANSWER:
      g_value_set_string (value, or_empty (self->answer));
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, or_empty (self->account_name));
      break;
    case PROP_ACCOUNT_EXTERNAL_ID:
      g_value_set_string (value, or_empty (self->account_external_id));
      break;
    case PROP_HELD_ON:
      g_value_set_int (value, self->held_on);
      break;
    case PROP_INTERVIEWER:
      g_value_set_string (value, or_empty (self->interviewer));
      break;
    case PROP_INTERVIEWEE:
      g_value_set_string (value, or_empty (self->interviewee));
      break;
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_interview_answer_class_init (OvInterviewAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_interview_answer_finalize;
  object_class->get_property = ov_interview_answer_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_INTERVIEW_ID] =
    g_param_spec_int64 ("interview-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_QUESTION_ID] =
    g_param_spec_int64 ("question-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_QUESTION_TEXT] = g_param_spec_string ("question-text", NULL, NULL, "", ro);
  properties[PROP_ANSWER] = g_param_spec_string ("answer", NULL, NULL, "", ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, "", ro);
  properties[PROP_ACCOUNT_EXTERNAL_ID] =
    g_param_spec_string ("account-external-id", NULL, NULL, "", ro);
  properties[PROP_HELD_ON] = g_param_spec_int ("held-on", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_INTERVIEWER] = g_param_spec_string ("interviewer", NULL, NULL, "", ro);
  properties[PROP_INTERVIEWEE] = g_param_spec_string ("interviewee", NULL, NULL, "", ro);
  properties[PROP_STAGE] = g_param_spec_int ("stage", NULL, NULL, 0, OV_STAGE_LAST, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_interview_answer_init (OvInterviewAnswer *self)
{
}

OvInterviewAnswer *
ov_interview_answer_new (gint64      interview_id,
                         gint64      question_id,
                         const char *question_text,
                         const char *answer)
{
  OvInterviewAnswer *self = g_object_new (OV_TYPE_INTERVIEW_ANSWER, NULL);

  self->interview_id = interview_id;
  self->question_id = question_id;
  self->question_text = g_strdup (question_text);
  self->answer = g_strdup (answer);
  return self;
}

gint64
ov_interview_answer_get_id (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), 0);
  return self->id;
}

void
ov_interview_answer_set_id (OvInterviewAnswer *self,
                            gint64             id)
{
  g_return_if_fail (OV_IS_INTERVIEW_ANSWER (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
ov_interview_answer_get_interview_id (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), 0);
  return self->interview_id;
}

gint64
ov_interview_answer_get_question_id (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), 0);
  return self->question_id;
}

const char *
ov_interview_answer_get_question_text (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), NULL);
  return or_empty (self->question_text);
}

const char *
ov_interview_answer_get_answer (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), NULL);
  return or_empty (self->answer);
}

void
ov_interview_answer_set_answer (OvInterviewAnswer *self,
                                const char        *answer)
{
  g_return_if_fail (OV_IS_INTERVIEW_ANSWER (self));

  if (g_strcmp0 (or_empty (self->answer), or_empty (answer)) == 0)
    return;
  g_free (self->answer);
  self->answer = g_strdup (answer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}

gint64
ov_interview_answer_get_updated_at (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), 0);
  return self->updated_at;
}

void
ov_interview_answer_set_updated_at (OvInterviewAnswer *self,
                                    gint64             updated_at)
{
  g_return_if_fail (OV_IS_INTERVIEW_ANSWER (self));

  if (self->updated_at == updated_at)
    return;
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

gint64
ov_interview_answer_get_account_id (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), 0);
  return self->account_id;
}

const char *
ov_interview_answer_get_account_name (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), NULL);
  return or_empty (self->account_name);
}

const char *
ov_interview_answer_get_account_external_id (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), NULL);
  return or_empty (self->account_external_id);
}

OvDate
ov_interview_answer_get_held_on (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), OV_DATE_NONE);
  return self->held_on;
}

const char *
ov_interview_answer_get_interviewer (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), NULL);
  return or_empty (self->interviewer);
}

const char *
ov_interview_answer_get_interviewee (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), NULL);
  return or_empty (self->interviewee);
}

OvStage
ov_interview_answer_get_stage (OvInterviewAnswer *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_ANSWER (self), 0);
  return self->stage;
}

void
ov_interview_answer_set_context (OvInterviewAnswer *self,
                                 gint64             account_id,
                                 const char        *account_name,
                                 const char        *account_external_id,
                                 OvDate             held_on,
                                 const char        *interviewer,
                                 const char        *interviewee,
                                 OvStage            stage)
{
  g_return_if_fail (OV_IS_INTERVIEW_ANSWER (self));

  self->account_id = account_id;
  g_free (self->account_name);
  self->account_name = g_strdup (account_name);
  g_free (self->account_external_id);
  self->account_external_id = g_strdup (account_external_id);
  self->held_on = held_on;
  g_free (self->interviewer);
  self->interviewer = g_strdup (interviewer);
  g_free (self->interviewee);
  self->interviewee = g_strdup (interviewee);
  self->stage = stage;
}
