/* ov-insights-view.h — the before/after figures of the portfolio, as charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-insights.h"
#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_INSIGHTS_VIEW (ov_insights_view_get_type ())

G_DECLARE_FINAL_TYPE (OvInsightsView, ov_insights_view, OV, INSIGHTS_VIEW, OvView)

gboolean    ov_insights_view_is_loading   (OvInsightsView *self);
OvInsights *ov_insights_view_get_insights (OvInsightsView *self);
void        ov_insights_view_set_accounts (OvInsightsView *self,
                                           OvAccountList  *accounts);

G_END_DECLS
