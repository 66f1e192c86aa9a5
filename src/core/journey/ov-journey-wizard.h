/* ov-journey-wizard.h — what a stage wizard's answers do: complete the
 * stage, skip it, or keep them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"
#include "ov-stage-answers.h"
#include "ov-store.h"
#include "ov-store-completion.h"

G_BEGIN_DECLS

/* Completes the stage of @answers, @account's current one, on @on: checks
 * every step first, so that a refusal names its field (@field_id,
 * nullable, gets its id or NULL), then ov_store_complete_stage(). On
 * success @account holds what is stored now: its next stage and the facts
 * the answers carried. */
gboolean ov_journey_complete_stage (OvStore         *store,
                                    OvAccount       *account,
                                    OvStageAnswers  *answers,
                                    OvDate           on,
                                    const char     **field_id,
                                    GError         **error);

/* The same, settling the stage's open tasks by @choices (see
 * ov_store_complete_stage_with_tasks()); @completion (nullable) gets what
 * ov_journey_undo_completion() needs. */
gboolean ov_journey_complete_stage_with_tasks (OvStore             *store,
                                              OvAccount           *account,
                                              OvStageAnswers      *answers,
                                              OvDate               on,
                                              const OvTaskChoice  *choices,
                                              guint                n_choices,
                                              OvStageCompletion  **completion,
                                              const char         **field_id,
                                              GError             **error);

/* Takes @completion back (ov_store_undo_stage_completion()); @account,
 * the object the views show, then holds what is stored. */
gboolean ov_journey_undo_completion (OvStore            *store,
                                    OvAccount          *account,
                                    OvStageCompletion  *completion,
                                    GError            **error);

/* Checks @answers against @today and saves them, for a stage that is not
 * being completed (one behind the account, or Expand). For a stage behind
 * the account the facts among them reach the account too, in the same
 * transaction and under the account's own rules; @account then takes
 * them. */
gboolean ov_journey_save_answers   (OvStore         *store,
                                    OvAccount       *account,
                                    OvStageAnswers  *answers,
                                    OvDate           today,
                                    const char     **field_id,
                                    GError         **error);

/* Passes over the stage of @answers, @account's current one, on @on.
 * Whatever was entered is saved first, unchecked; then
 * ov_store_skip_stage(). On success @account is in the next stage. */
gboolean ov_journey_skip_stage     (OvStore         *store,
                                    OvAccount       *account,
                                    OvStageAnswers  *answers,
                                    OvDate           on,
                                    GError         **error);

/* After a save met a conflict: reads @account and @answers again (see
 * ov_store_reload_answers() for which values win). */
gboolean ov_journey_reload         (OvStore         *store,
                                    OvAccount       *account,
                                    OvStageAnswers  *answers,
                                    GError         **error);

G_END_DECLS
