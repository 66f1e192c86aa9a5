/* ov-survival.h — time to first value with open onboardings counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-metrics.h"

G_BEGIN_DECLS

/* One day of the Kaplan–Meier curve on which something happened. */
typedef struct
{
  int    day;        /* days since the close date */
  guint  at_risk;    /* accounts still open at the start of the day */
  guint  events;     /* accounts that reached first value on the day */
  guint  censored;   /* open accounts last seen on the day (today, for open ones) */
  double reached;    /* 1 − S(day): estimated share that reached value by the day's end */
} OvSurvivalStep;

typedef struct
{
  guint           n;
  guint           n_events;
  guint           n_censored;
  guint           n_steps;
  OvSurvivalStep *steps;        /* by day, ascending */
  gboolean        has_median;
  int             median_day;   /* first day with reached ≥ ½; 0 without a median */
} OvSurvival;

OvSurvival *ov_survival_kaplan_meier  (const int        *days,
                                       const gboolean   *reached,
                                       guint             n,
                                       GError          **error);
double      ov_survival_reached_by    (const OvSurvival *survival,
                                       int               day);
void        ov_survival_free          (OvSurvival       *survival);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvSurvival, ov_survival_free)

G_END_DECLS
