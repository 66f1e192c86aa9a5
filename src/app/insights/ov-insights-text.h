/* ov-insights-text.h — the Insights figures in words, under their charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-insights.h"

G_BEGIN_DECLS

char *ov_insights_text_number  (double      value);
char *ov_insights_text_ttfv    (OvInsights *insights);
char *ov_insights_text_paired  (OvInsights *insights,
                                const char *metric);
char *ov_insights_text_funnel  (OvInsights *insights);
char *ov_insights_text_revenue (OvInsights *insights);

G_END_DECLS
