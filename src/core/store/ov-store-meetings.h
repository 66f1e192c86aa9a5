/* ov-store-meetings.h — the meetings held with each account's customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-meeting.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* The meetings of @account_id (OvMeeting), oldest first. */
GPtrArray *ov_store_list_meetings  (OvStore     *self,
                                    gint64       account_id,
                                    GError     **error);
OvMeeting *ov_store_get_meeting    (OvStore     *self,
                                    gint64       meeting_id,
                                    GError     **error);

/* Validates @meeting against today (ov_date_today()) and inserts it (its
 * id must be 0); sets its id and version. Refused when the account is not
 * there (OV_STORE_ERROR_NOT_FOUND) or already has a meeting of that kind
 * that day (OV_MEETING_ERROR_DUPLICATE). Emits "meetings". */
gboolean   ov_store_add_meeting    (OvStore     *self,
                                    OvMeeting   *meeting,
                                    GError     **error);
/* Validates and writes kind, date, attendance and note of a stored
 * meeting, read at its version (else OV_STORE_ERROR_CONFLICT). Emits
 * "meetings". */
gboolean   ov_store_update_meeting (OvStore     *self,
                                    OvMeeting   *meeting,
                                    GError     **error);
/* Deletes the meeting, read at its version. Emits "meetings". */
gboolean   ov_store_delete_meeting (OvStore     *self,
                                    OvMeeting   *meeting,
                                    GError     **error);

G_END_DECLS
