/* ov-meeting-dialog.h — add or change one meeting of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_MEETING_DIALOG (ov_meeting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvMeetingDialog, ov_meeting_dialog, OV, MEETING_DIALOG, AdwWindow)

OvMeetingDialog *ov_meeting_dialog_new       (GtkWindow       *parent,
                                              OvStore         *store,
                                              gint64           account_id,
                                              OvMeeting       *meeting,
                                              OvDate           today);
gboolean         ov_meeting_dialog_save      (OvMeetingDialog *self);
const char      *ov_meeting_dialog_get_error (OvMeetingDialog *self);

G_END_DECLS
