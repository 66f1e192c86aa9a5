/* ov-account-interviews.h — an account's listening interviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_INTERVIEWS (ov_account_interviews_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountInterviews, ov_account_interviews, OV, ACCOUNT_INTERVIEWS,
                      OvAccountSection)

guint         ov_account_interviews_get_n_shown      (OvAccountInterviews *self);
AdwActionRow *ov_account_interviews_get_row          (OvAccountInterviews *self,
                                                      guint                index);
GtkWidget    *ov_account_interviews_get_start_button (OvAccountInterviews *self);

G_END_DECLS
