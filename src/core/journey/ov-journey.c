/* ov-journey.c — the journey's errors, and the days in each stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stage change is an event with a date (stage_events), so the time spent
 * in each stage can be measured; the moves themselves are written by the
 * store (ov-store-journey.c).
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include "ov-journey.h"
#include "ov-stage.h"
#include "ov-store-accounts.h"

G_DEFINE_QUARK (ov-journey-error-quark, ov_journey_error)

void
ov_stage_timeline_fill (OvStageTimeline *timeline,
                        GPtrArray       *events,
                        OvStage          stage,
                        OvDate           today)
{
  OvStage current = 0;
  OvDate since = OV_DATE_NONE;

  g_return_if_fail (timeline != NULL);
  g_return_if_fail (events != NULL);
  g_return_if_fail (ov_stage_is_valid (stage));

  for (int i = 0; i < OV_N_STAGES; i++)
    timeline->spans[i] = (OvStageSpan) { .stage = i + 1, .days = -1, .since = OV_DATE_NONE };

  for (guint i = 0; i < events->len; i++)
    {
      const OvStageEvent *event = g_ptr_array_index (events, i);
      OvStageSpan *span = &timeline->spans[event->stage - 1];

      if (event->skipped)
        {
          span->skipped = TRUE;
          continue;
        }

      /* Leaving the stage we were in. */
      if (current != 0)
        {
          OvStageSpan *left = &timeline->spans[current - 1];

          left->days += MAX (0, event->happened_on - since);
          left->left = event->happened_on;
        }

      current = event->stage;
      since = event->happened_on;
      if (span->entered == OV_DATE_NONE)
        span->entered = event->happened_on;
      if (span->days < 0)
        span->days = 0;
      span->left = OV_DATE_NONE;
      span->skipped = FALSE;
    }

  if (current != 0)
    {
      OvStageSpan *span = &timeline->spans[current - 1];

      span->current = TRUE;
      span->since = since;
      if (today != OV_DATE_NONE)
        span->days += MAX (0, today - since);
    }
  else
    {
      /* No history (an account from before events were kept): it is at
       * least in its stage, since an unknown date. */
      timeline->spans[stage - 1].current = TRUE;
    }

}
