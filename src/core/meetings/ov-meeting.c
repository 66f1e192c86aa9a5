/* ov-meeting.c — a meeting with the customer, and whether they came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Engagement is meetings attended ÷ meetings scheduled, and whether paying
 * customers show up is what a premium package has to prove: a meeting is
 * a date, what it was for, and whether the customer attended.
 */

#define G_LOG_DOMAIN "ov-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-enum-types.h"
#include "ov-meeting.h"
#include "ov-meeting-kind.h"
#include "ov-property.h"
#include "ov-text.h"

struct _OvMeeting
{
  GObject        parent_instance;

  gint64         id;
  gint64         version;   /* of the stored row read; 0 until stored */
  gint64         account_id;
  char          *note;
  OvDate         scheduled_on;
  OvMeetingKind  kind;
  gboolean       attended;
};

G_DEFINE_FINAL_TYPE (OvMeeting, ov_meeting, G_TYPE_OBJECT)

G_DEFINE_QUARK (ov-meeting-error-quark, ov_meeting_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_KIND,
  PROP_SCHEDULED_ON,
  PROP_ATTENDED,
  PROP_NOTE,
  PROP_KIND_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_meeting_finalize (GObject *object)
{
  OvMeeting *self = (OvMeeting *)object;

  g_free (self->note);

  G_OBJECT_CLASS (ov_meeting_parent_class)->finalize (object);
}

static void
ov_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OvMeeting *self = OV_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SCHEDULED_ON:
      g_value_set_int (value, self->scheduled_on);
      break;
    case PROP_ATTENDED:
      g_value_set_boolean (value, self->attended);
      break;
    case PROP_NOTE:
      g_value_set_string (value, ov_meeting_get_note (self));
      break;
    case PROP_KIND_TITLE:
      g_value_set_string (value, ov_meeting_kind_get_title (self->kind));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_meeting_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OvMeeting *self = OV_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_meeting_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACCOUNT_ID:
      ov_meeting_set_account_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      ov_meeting_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SCHEDULED_ON:
      ov_meeting_set_scheduled_on (self, g_value_get_int (value));
      break;
    case PROP_ATTENDED:
      ov_meeting_set_attended (self, g_value_get_boolean (value));
      break;
    case PROP_NOTE:
      ov_meeting_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_meeting_class_init (OvMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_meeting_finalize;
  object_class->get_property = ov_meeting_get_property;
  object_class->set_property = ov_meeting_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OV_TYPE_MEETING_KIND, OV_MEETING_KIND_OTHER, rw);
  properties[PROP_SCHEDULED_ON] =
    g_param_spec_int ("scheduled-on", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_ATTENDED] = g_param_spec_boolean ("attended", NULL, NULL, FALSE, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_KIND_TITLE] =
    g_param_spec_string ("kind-title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_meeting_init (OvMeeting *self)
{
  self->kind = OV_MEETING_KIND_OTHER;
}

OvMeeting *
ov_meeting_new (gint64        account_id,
                OvMeetingKind kind,
                OvDate        scheduled_on)
{
  OvMeeting *self = g_object_new (OV_TYPE_MEETING, NULL);

  self->account_id = account_id;
  self->kind = kind;
  self->scheduled_on = scheduled_on;
  return self;
}

OvMeeting *
ov_meeting_copy (OvMeeting *self)
{
  OvMeeting *copy;

  g_return_val_if_fail (OV_IS_MEETING (self), NULL);

  copy = ov_meeting_new (self->account_id, self->kind, self->scheduled_on);
  copy->id = self->id;
  copy->version = self->version;
  copy->attended = self->attended;
  copy->note = g_strdup (self->note);
  return copy;
}

gboolean
ov_meeting_validate (OvMeeting  *self,
                     OvDate      today,
                     GError    **error)
{
  g_autofree char *when = NULL;
  gunichar control;

  g_return_val_if_fail (OV_IS_MEETING (self), FALSE);

  if (!ov_meeting_kind_is_valid (self->kind))
    {
      g_set_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_KIND,
                   _("Kind: %d is not a kind of meeting."), (int)self->kind);
      return FALSE;
    }

  if (self->scheduled_on == OV_DATE_NONE)
    {
      g_set_error_literal (error, OV_MEETING_ERROR, OV_MEETING_ERROR_DATE,
                           _("Scheduled on: a meeting needs a date."));
      return FALSE;
    }

  when = ov_date_to_iso (self->scheduled_on);
  if (self->scheduled_on < ov_date_from_ymd (1900, 1, 1))
    {
      g_set_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_DATE,
                   _("Scheduled on: %s is not a date a meeting can have."), when);
      return FALSE;
    }

  if (self->scheduled_on > ov_date_add_days (today, OV_MEETING_MAX_DAYS_AHEAD))
    {
      g_set_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_DATE,
                   _("Scheduled on: %s is more than two years ahead."), when);
      return FALSE;
    }

  if (self->attended && self->scheduled_on > today)
    {
      g_set_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_ATTENDED,
                   _("Attended: the meeting on %s has not taken place yet."), when);
      return FALSE;
    }

  control = ov_text_find_control (ov_meeting_get_note (self), TRUE);
  if (control != 0)
    {
      g_set_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_NOTE,
                   _("Note: the text holds the control character U+%04X."), (guint)control);
      return FALSE;
    }

  return TRUE;
}

double
ov_meeting_engagement (GPtrArray *meetings,
                       OvDate     today,
                       guint     *attended,
                       guint     *scheduled,
                       guint     *upcoming)
{
  guint n_attended = 0, n_scheduled = 0, n_upcoming = 0;

  g_return_val_if_fail (meetings != NULL, NAN);

  for (guint i = 0; i < meetings->len; i++)
    {
      OvMeeting *meeting = g_ptr_array_index (meetings, i);

      if (meeting->scheduled_on > today)
        {
          n_upcoming++;
          continue;
        }
      n_scheduled++;
      if (meeting->attended)
        n_attended++;
    }

  if (attended != NULL)
    *attended = n_attended;
  if (scheduled != NULL)
    *scheduled = n_scheduled;
  if (upcoming != NULL)
    *upcoming = n_upcoming;

  return n_scheduled > 0 ? (double)n_attended / n_scheduled : NAN;
}

gint64
ov_meeting_get_id (OvMeeting *self)
{
  g_return_val_if_fail (OV_IS_MEETING (self), 0);

  return self->id;
}

void
ov_meeting_set_id (OvMeeting *self,
                   gint64     id)
{
  g_return_if_fail (OV_IS_MEETING (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The version of the stored row this object was read at: a write names it,
 * so a copy older than the row is refused instead of written over it. */
gint64
ov_meeting_get_version (OvMeeting *self)
{
  g_return_val_if_fail (OV_IS_MEETING (self), 0);

  return self->version;
}

void
ov_meeting_set_version (OvMeeting *self,
                        gint64     version)
{
  g_return_if_fail (OV_IS_MEETING (self));

  self->version = version;
}

gint64
ov_meeting_get_account_id (OvMeeting *self)
{
  g_return_val_if_fail (OV_IS_MEETING (self), 0);

  return self->account_id;
}

void
ov_meeting_set_account_id (OvMeeting *self,
                           gint64     account_id)
{
  g_return_if_fail (OV_IS_MEETING (self));

  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

OvMeetingKind
ov_meeting_get_kind (OvMeeting *self)
{
  g_return_val_if_fail (OV_IS_MEETING (self), OV_MEETING_KIND_OTHER);

  return self->kind;
}

void
ov_meeting_set_kind (OvMeeting     *self,
                     OvMeetingKind  kind)
{
  g_return_if_fail (OV_IS_MEETING (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_TITLE]);
}

OvDate
ov_meeting_get_scheduled_on (OvMeeting *self)
{
  g_return_val_if_fail (OV_IS_MEETING (self), OV_DATE_NONE);

  return self->scheduled_on;
}

void
ov_meeting_set_scheduled_on (OvMeeting *self,
                             OvDate     scheduled_on)
{
  g_return_if_fail (OV_IS_MEETING (self));

  if (self->scheduled_on == scheduled_on)
    return;

  self->scheduled_on = scheduled_on;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULED_ON]);
}

gboolean
ov_meeting_get_attended (OvMeeting *self)
{
  g_return_val_if_fail (OV_IS_MEETING (self), FALSE);

  return self->attended;
}

void
ov_meeting_set_attended (OvMeeting *self,
                         gboolean   attended)
{
  g_return_if_fail (OV_IS_MEETING (self));

  ov_property_set_boolean (G_OBJECT (self), &self->attended, attended, properties[PROP_ATTENDED]);
}

const char *
ov_meeting_get_note (OvMeeting *self)
{
  g_return_val_if_fail (OV_IS_MEETING (self), NULL);

  return self->note != NULL ? self->note : "";
}

void
ov_meeting_set_note (OvMeeting  *self,
                     const char *note)
{
  g_return_if_fail (OV_IS_MEETING (self));

  ov_property_set_string (G_OBJECT (self), &self->note, note, properties[PROP_NOTE]);
}
