/* ov-store-journey.h — moving an account through the six stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-journey.h"
#include "ov-stage-answers.h"
#include "ov-store.h"
#include "ov-store-completion.h"

G_BEGIN_DECLS

/* Completes @stage, which must be @account_id's current stage, on @on:
 * validates the stage's answers (@answers, or the stored ones when NULL)
 * against @on, saves them, copies the account facts they carry (package,
 * expected close, kickoff, go-live, first value date and milestone) into
 * the account, records an "enter" event for the next stage dated @on,
 * moves the account there and creates the next stage's tasks from its
 * playbook (due = @on + day offset; assignee: whoever holds the role). All
 * in one transaction (ov_store_complete_stage_with_tasks() also settles the
 * stage's open tasks). Refused for Expand, churned accounts and dates
 * before the current stage was entered. Emits "accounts", "tasks",
 * "answers". */
gboolean  ov_store_complete_stage      (OvStore         *self,
                                        gint64           account_id,
                                        OvStage          stage,
                                        OvStageAnswers  *answers,
                                        OvDate           on,
                                        GError         **error);

/* Passes over @stage (the current one) on @on without its wizard: records
 * a "skip" event for @stage and an "enter" event for the next one, moves
 * the account and creates the next stage's tasks, in one transaction. The
 * UI asks for confirmation first. Same refusals as completing. */
gboolean  ov_store_skip_stage          (OvStore         *self,
                                        gint64           account_id,
                                        OvStage          stage,
                                        OvDate           on,
                                        const char      *note,
                                        GError         **error);

/* Creates @stage's tasks for @account_id from its playbook, due @entered +
 * day offset. Tasks already generated for that stage (the same playbook
 * task, or a task of the stage with the same title) are not created again,
 * so calling it twice is harmless. @n_created (nullable) gets how many
 * were made. Emits "tasks" when any were. */
gboolean  ov_store_create_stage_tasks  (OvStore         *self,
                                        gint64           account_id,
                                        OvStage          stage,
                                        OvDate           entered,
                                        guint           *n_created,
                                        GError         **error);

gboolean  ov_store_create_import_stage_tasks (OvStore    *self,
                                              gint64      batch_id,
                                              const char *now,
                                              guint      *n_created,
                                              GError    **error);

/* Days in each stage from the stage events: the current stage runs up to
 * @today. */
gboolean  ov_store_get_stage_timeline  (OvStore         *self,
                                        gint64           account_id,
                                        OvDate           today,
                                        OvStageTimeline *timeline,
                                        GError         **error);

G_END_DECLS
