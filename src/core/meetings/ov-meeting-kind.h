/* ov-meeting-kind.h — what a meeting was for: kickoff, training, review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-types.h"

G_BEGIN_DECLS

/* "kickoff", "training", "review", "other": how files and the database
 * write it; NULL for anything else. */
const char *ov_meeting_kind_get_id     (OvMeetingKind   kind);
/* Translated, for people to read. */
const char *ov_meeting_kind_get_title  (OvMeetingKind   kind);
gboolean    ov_meeting_kind_is_valid   (OvMeetingKind   kind);
/* An id or a title in any case and spacing ("Kick-off", "TRAINING"), of
 * @length bytes (-1: up to the NUL). */
gboolean    ov_meeting_kind_parse      (const char     *text,
                                        gssize          length,
                                        OvMeetingKind  *kind);

G_END_DECLS
