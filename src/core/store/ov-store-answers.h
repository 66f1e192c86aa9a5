/* ov-store-answers.h — keeping what the stage wizards collect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-stage-answers.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* Everything stored for @account_id's @stage wizard. A field never answered
 * that mirrors an account fact (expected close date, package, kickoff, go-
 * live, first value) starts with the account's value; the Review goal
 * outcomes list every current handoff goal. "modified" is FALSE. */
OvStageAnswers *ov_store_load_answers  (OvStore         *self,
                                        gint64           account_id,
                                        OvStage          stage,
                                        GError         **error);

/* Writes the fields of @answers changed since they were loaded (unset
 * fields are removed) in one transaction, without validating: this is
 * "Save and continue later". A field someone else wrote since it was
 * loaded is an OV_STORE_ERROR_CONFLICT and nothing is written.
 * Clears "modified". Emits "answers". */
gboolean        ov_store_save_answers  (OvStore         *self,
                                        OvStageAnswers  *answers,
                                        GError         **error);

/* Saves @account (nullable: just the answers) and then @answers in one
 * transaction: both or neither. On failure neither object keeps a version
 * of a write that was rolled back, and "modified" is as before. */
gboolean        ov_store_save_answers_and_account (OvStore        *self,
                                                   OvStageAnswers *answers,
                                                   OvAccount      *account,
                                                   GError        **error);

/* After a conflict: reads what is stored now. Fields changed here keep
 * their value, now over the stored version, so the next save writes them
 * over it; every other field takes the stored value. */
gboolean        ov_store_reload_answers (OvStore        *self,
                                         OvStageAnswers *answers,
                                         GError        **error);

G_END_DECLS
