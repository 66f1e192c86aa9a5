/* ov-store-completion-private.h — the steps of a completion that
 * ov-store-journey.c takes inside its transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"
#include "ov-store-completion.h"

G_BEGIN_DECLS

/* Before the account moves: checks @choices against the open tasks of
 * @account's @stage and notes what they hold now. */
OvStageCompletion *ov_stage_completion_prepare (OvStore            *store,
                                                OvAccount          *account,
                                                OvStage             stage,
                                                OvDate              on,
                                                const OvTaskChoice *choices,
                                                guint               n_choices,
                                                GError            **error);

/* After it moved: notes the event and the tasks the move made, then
 * applies the choices. */
gboolean           ov_stage_completion_apply   (OvStore            *store,
                                                OvStageCompletion  *completion,
                                                GError            **error);

G_END_DECLS
