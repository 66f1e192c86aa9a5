/* ov-account-meetings.h — an account's meetings and its engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_MEETINGS (ov_account_meetings_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountMeetings, ov_account_meetings, OV, ACCOUNT_MEETINGS,
                      OvAccountSection)

guint           ov_account_meetings_get_n_shown     (OvAccountMeetings *self);
const char     *ov_account_meetings_get_engagement  (OvAccountMeetings *self);
AdwActionRow   *ov_account_meetings_find_row        (OvAccountMeetings *self,
                                                     OvMeetingKind      kind,
                                                     OvDate             scheduled_on);
GtkCheckButton *ov_account_meetings_get_attended_check (AdwActionRow   *row);
GtkWidget      *ov_account_meetings_get_delete_button  (AdwActionRow   *row);

G_END_DECLS
