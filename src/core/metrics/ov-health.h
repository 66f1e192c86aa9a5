/* ov-health.h — an account's health score from its components
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-date.h"
#include "ov-metrics.h"

G_BEGIN_DECLS

typedef enum
{
  OV_HEALTH_USAGE,        /* % of licensed users active, 0–100 */
  OV_HEALTH_ENGAGEMENT,   /* meetings attended ÷ meetings scheduled, %, 0–100 */
  OV_HEALTH_NPS,          /* an NPS response (or the mean of several), 0–10 */
  OV_HEALTH_OVERDUE,      /* open tasks past their due date, a count */
  OV_HEALTH_N_COMPONENTS,
} OvHealthComponent;

/* Points the overdue component loses per overdue task: 0 overdue tasks
 * are 100, four or more are 0. */
#define OV_HEALTH_OVERDUE_PENALTY 25.0

/* What is known of an account, each component in its own unit. */
typedef struct
{
  gboolean present[OV_HEALTH_N_COMPONENTS];
  double   value[OV_HEALTH_N_COMPONENTS];
} OvHealthInputs;

/* A score set by hand, which wins up to and including @expires_on. */
typedef struct
{
  double      value;        /* 0–100 */
  const char *reason;       /* why; required */
  OvDate      expires_on;   /* required */
} OvHealthOverride;

typedef struct
{
  double            score;          /* the override's while it holds, else computed */
  double            computed;       /* from the components; NAN when none had data */
  double            coverage;       /* share of the weight that had data, 0–1 */
  double            normalised[OV_HEALTH_N_COMPONENTS];    /* 0–100; NAN when missing */
  double            contribution[OV_HEALTH_N_COMPONENTS];  /* points of computed; 0 when missing */
  OvHealthComponent lift;           /* what would raise it most; N_COMPONENTS: nothing */
  gboolean          lift_missing;   /* lift has no data yet: record it first */
  gboolean          overridden;
} OvHealthScore;

const double *ov_health_default_weights  (void);
gboolean      ov_health_check_weights    (const double             *weights,
                                          GError                  **error);
gboolean      ov_health_normalise        (OvHealthComponent         component,
                                          double                    value,
                                          double                   *normalised,
                                          GError                  **error);
gboolean      ov_health_score            (const OvHealthInputs     *inputs,
                                          const double             *weights,
                                          const OvHealthOverride   *override,
                                          OvDate                    today,
                                          OvHealthScore            *score,
                                          GError                  **error);

G_END_DECLS
