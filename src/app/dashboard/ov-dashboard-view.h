/* ov-dashboard-view.h — the portfolio at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-ttfv-cohorts.h"
#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_DASHBOARD_VIEW (ov_dashboard_view_get_type ())

G_DECLARE_FINAL_TYPE (OvDashboardView, ov_dashboard_view, OV, DASHBOARD_VIEW, OvView)

void ov_dashboard_view_set_accounts  (OvDashboardView      *self,
                                      OvAccountList        *accounts);
/* The TTFV card's big text and the line under it, for @cohorts. */
void ov_dashboard_view_describe_ttfv (const OvTtfvCohorts  *cohorts,
                                      char                **value,
                                      char                **detail);

G_END_DECLS
