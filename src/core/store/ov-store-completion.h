/* ov-store-completion.h — completing a stage with a choice for each of its
 * open tasks, and taking a completion back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-stage-answers.h"
#include "ov-stage-tasks.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* What one completion changed, so that it can be undone exactly. */
typedef struct _OvStageCompletion OvStageCompletion;

#define OV_TYPE_STAGE_COMPLETION (ov_stage_completion_get_type ())

GType              ov_stage_completion_get_type     (void) G_GNUC_CONST;
OvStageCompletion *ov_stage_completion_ref          (OvStageCompletion *self);
void               ov_stage_completion_unref        (OvStageCompletion *self);
gint64             ov_stage_completion_get_account_id (OvStageCompletion *self);
OvStage            ov_stage_completion_get_stage    (OvStageCompletion *self);
/* How many open tasks were closed, and moved on to the next stage. */
guint              ov_stage_completion_get_n_closed (OvStageCompletion *self);
guint              ov_stage_completion_get_n_moved  (OvStageCompletion *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvStageCompletion, ov_stage_completion_unref)

/* ov_store_complete_stage() with a choice for open tasks of @stage:
 * @choices (@n_choices of them) name open tasks of the account in @stage,
 * each once; a task not named stays open where it is. Closing ticks it
 * done on @on; moving it on puts it in the next stage with its due date.
 * All in the completion's one transaction; a choice naming anything else
 * is refused (OV_JOURNEY_ERROR_TASK) and nothing changes. @completion
 * (nullable) gets what Undo needs. */
gboolean  ov_store_complete_stage_with_tasks (OvStore             *self,
                                              gint64               account_id,
                                              OvStage              stage,
                                              OvStageAnswers      *answers,
                                              OvDate               on,
                                              const OvTaskChoice  *choices,
                                              guint                n_choices,
                                              OvStageCompletion  **completion,
                                              GError             **error);

/* Takes @completion back in one transaction: the account returns to the
 * stage it completed, the "enter" event goes, the tasks the next stage
 * brought go, and the tasks closed or moved are as they were (a version
 * further on). The answers saved stay. Refused (OV_JOURNEY_ERROR_UNDO, or
 * a conflict naming the task) once the account moved again or one of
 * those tasks was changed since; then nothing changes. Emits "accounts"
 * and "tasks". */
gboolean  ov_store_undo_stage_completion     (OvStore             *self,
                                              OvStageCompletion   *completion,
                                              GError             **error);

G_END_DECLS
