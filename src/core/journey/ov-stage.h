/* ov-stage.h — names and facts about stages and statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-types.h"
#include "ov-enum-types.h"

G_BEGIN_DECLS

gboolean     ov_stage_is_valid        (int              value);
const char  *ov_stage_get_id          (OvStage          stage);
const char  *ov_stage_get_title       (OvStage          stage);
const char  *ov_stage_get_summary     (OvStage          stage);
gboolean     ov_stage_parse           (const char      *text,
                                       OvStage         *stage);

const char  *ov_account_status_get_id    (OvAccountStatus  status);
const char  *ov_account_status_get_title (OvAccountStatus  status);
gboolean     ov_account_status_parse     (const char      *text,
                                          OvAccountStatus *status);

G_END_DECLS
