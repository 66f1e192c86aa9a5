/* ov-account-plan.h — the account page's plan against what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_PLAN (ov_account_plan_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountPlan, ov_account_plan, OV, ACCOUNT_PLAN, OvAccountSection)

/* The figure beside go-live ("golive") or first value ("first-value"):
 * "in 36 days", "12 days late", "reached 4 days early", …; and the line
 * under its title (@subtitle, nullable). */
const char *ov_account_plan_get_figure (OvAccountPlan  *self,
                                        const char     *which,
                                        const char    **subtitle);

G_END_DECLS
