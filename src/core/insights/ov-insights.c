/* ov-insights.c — the portfolio's before/after figures (work in progress)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-insights"

#include "config.h"

#include "ov-insights.h"

struct _OvInsights
{
  GObject          parent_instance;
  OvInsightsFilter filter;
};

G_DEFINE_FINAL_TYPE (OvInsights, ov_insights, G_TYPE_OBJECT)

void
ov_insights_filter_clear (OvInsightsFilter *filter)
{
  g_clear_pointer (&filter->segment, g_free);
  g_clear_pointer (&filter->owner, g_free);
  g_clear_pointer (&filter->package, g_free);
}

void
ov_insights_filter_copy (const OvInsightsFilter *src,
                         OvInsightsFilter       *dest)
{
  *dest = *src;
  dest->segment = g_strdup (src->segment);
  dest->owner = g_strdup (src->owner);
  dest->package = g_strdup (src->package);
}

static void
ov_insights_finalize (GObject *object)
{
  OvInsights *self = OV_INSIGHTS (object);

  ov_insights_filter_clear (&self->filter);
  G_OBJECT_CLASS (ov_insights_parent_class)->finalize (object);
}

static void
ov_insights_class_init (OvInsightsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ov_insights_finalize;
}

static void
ov_insights_init (OvInsights *self)
{
}
