/* ov-account-timeline.h — the dates and days of an account's stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_TIMELINE (ov_account_timeline_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountTimeline, ov_account_timeline, OV, ACCOUNT_TIMELINE,
                      OvAccountSection)

guint       ov_account_timeline_get_skipped_mask (OvAccountTimeline *self);
AdwActionRow *ov_account_timeline_get_row        (OvAccountTimeline *self,
                                                  OvStage            stage);
const char *ov_account_timeline_get_days_text    (OvAccountTimeline *self,
                                                  OvStage            stage);
const char *ov_account_timeline_get_tag_text     (OvAccountTimeline *self,
                                                  OvStage            stage);

G_END_DECLS
