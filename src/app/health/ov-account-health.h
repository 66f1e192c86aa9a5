/* ov-account-health.h — the account's health score and how it was made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_HEALTH (ov_account_health_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountHealth, ov_account_health, OV, ACCOUNT_HEALTH, OvAccountSection)

GtkWidget                *ov_account_health_new            (void);
const OvHealthAssessment *ov_account_health_get_assessment (OvAccountHealth *self);

G_END_DECLS
