/* ov-store-stage-events.h — the stage history of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-date.h"
#include "ov-store.h"
#include "ov-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   id;
  gint64   account_id;
  OvStage  stage;
  OvStage  from_stage;      /* 0 when the account was created in @stage */
  gboolean skipped;
  OvDate   happened_on;
  char    *note;
} OvStageEvent;

#define OV_TYPE_STAGE_EVENT (ov_stage_event_get_type ())

GType         ov_stage_event_get_type      (void) G_GNUC_CONST;
OvStageEvent *ov_stage_event_copy          (const OvStageEvent *event);
void          ov_stage_event_free          (OvStageEvent       *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvStageEvent, ov_stage_event_free)

gboolean      ov_store_add_stage_event     (OvStore     *self,
                                            gint64       account_id,
                                            OvStage      stage,
                                            OvStage      from_stage,
                                            gboolean     skipped,
                                            OvDate       happened_on,
                                            const char  *note,
                                            GError     **error);
GPtrArray    *ov_store_list_stage_events   (OvStore     *self,
                                            gint64       account_id,
                                            GError     **error);

G_END_DECLS
