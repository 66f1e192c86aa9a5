/* ov-journey.h — moving an account through the six stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_JOURNEY_ERROR (ov_journey_error_quark ())

typedef enum
{
  OV_JOURNEY_ERROR_LAST_STAGE,  /* Expand has no next stage */
  OV_JOURNEY_ERROR_STAGE,       /* the account is not in the stage asked for */
  OV_JOURNEY_ERROR_CHURNED,     /* a churned account's journey has ended */
  OV_JOURNEY_ERROR_DATE,        /* the date is before the stage was entered */
  OV_JOURNEY_ERROR_TASK,        /* a choice names a task that is not an open one of the stage */
  OV_JOURNEY_ERROR_UNDO,        /* a completion can no longer be undone */
} OvJourneyError;

/* One stage of an account's timeline. */
typedef struct
{
  OvStage  stage;
  OvDate   entered;   /* first time it was entered; OV_DATE_NONE if never */
  OvDate   left;      /* last time it was left; OV_DATE_NONE if current or never */
  int      days;      /* days spent in it (all visits); -1 if never entered */
  OvDate   since;     /* the current visit began (its latest entry); OV_DATE_NONE
                       * unless current, with a recorded entry */
  gboolean skipped;   /* left by skipping rather than completing */
  gboolean current;   /* the account is in this stage now */
} OvStageSpan;

typedef struct
{
  OvStageSpan spans[OV_N_STAGES];   /* index stage - 1 */
} OvStageTimeline;

GQuark    ov_journey_error_quark       (void);

/* Fills @timeline from an account's stage events (OvStageEvent, oldest
 * first): days in each stage, the current one running up to @today. An
 * account without events is at least in @stage, since an unknown date. */
void      ov_stage_timeline_fill       (OvStageTimeline *timeline,
                                        GPtrArray       *events,
                                        OvStage          stage,
                                        OvDate           today);

G_END_DECLS
