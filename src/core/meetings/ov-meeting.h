/* ov-meeting.h — a meeting with the customer, and whether they came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_MEETING_ERROR (ov_meeting_error_quark ())

typedef enum
{
  OV_MEETING_ERROR_DATE,
  OV_MEETING_ERROR_KIND,
  OV_MEETING_ERROR_ATTENDED,
  OV_MEETING_ERROR_NOTE,
  OV_MEETING_ERROR_DUPLICATE,
} OvMeetingError;

/* Meetings are planned at most this many days ahead. */
#define OV_MEETING_MAX_DAYS_AHEAD 730

#define OV_TYPE_MEETING (ov_meeting_get_type ())

G_DECLARE_FINAL_TYPE (OvMeeting, ov_meeting, OV, MEETING, GObject)

/* Properties (all notify explicitly): "id", "account-id", "kind"
 * (OvMeetingKind), "scheduled-on" (OvDate), "attended", "note", and the
 * read-only "kind-title". */

GQuark         ov_meeting_error_quark       (void);
OvMeeting     *ov_meeting_new               (gint64          account_id,
                                             OvMeetingKind   kind,
                                             OvDate          scheduled_on);
OvMeeting     *ov_meeting_copy              (OvMeeting      *self);

/* The date must be set, from 1900 on and at most
 * OV_MEETING_MAX_DAYS_AHEAD days after @today; a meeting after @today
 * cannot have been attended; the note holds no control characters but
 * tabs and line breaks. The message starts with the field's label. */
gboolean       ov_meeting_validate          (OvMeeting      *self,
                                             OvDate          today,
                                             GError        **error);

/* Engagement (DOMAIN.md): of @meetings (OvMeeting), those scheduled on
 * or before @today could have been attended and count as scheduled; how
 * many of them were attended. Meetings after @today are @upcoming. The
 * rate attended ÷ scheduled is NAN when none could have been held yet. */
double         ov_meeting_engagement        (GPtrArray      *meetings,
                                             OvDate          today,
                                             guint          *attended,
                                             guint          *scheduled,
                                             guint          *upcoming);

gint64         ov_meeting_get_id            (OvMeeting      *self);
void           ov_meeting_set_id            (OvMeeting      *self,
                                             gint64          id);
gint64         ov_meeting_get_version       (OvMeeting      *self);
void           ov_meeting_set_version       (OvMeeting      *self,
                                             gint64          version);
gint64         ov_meeting_get_account_id    (OvMeeting      *self);
void           ov_meeting_set_account_id    (OvMeeting      *self,
                                             gint64          account_id);
OvMeetingKind  ov_meeting_get_kind          (OvMeeting      *self);
void           ov_meeting_set_kind          (OvMeeting      *self,
                                             OvMeetingKind   kind);
OvDate         ov_meeting_get_scheduled_on  (OvMeeting      *self);
void           ov_meeting_set_scheduled_on  (OvMeeting      *self,
                                             OvDate          scheduled_on);
gboolean       ov_meeting_get_attended      (OvMeeting      *self);
void           ov_meeting_set_attended      (OvMeeting      *self,
                                             gboolean        attended);
const char    *ov_meeting_get_note          (OvMeeting      *self);
void           ov_meeting_set_note          (OvMeeting      *self,
                                             const char     *note);

G_END_DECLS
