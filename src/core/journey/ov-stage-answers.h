/* ov-stage-answers.h — what one account's stage wizard holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A typed view of the answers of one account and stage. The setters and
 * getters check the field exists in the stage's wizard with the right kind
 * (a mismatch is a programming error: g_critical). An unset field reads as
 * empty: "" / OV_DATE_NONE / FALSE / 0 / an empty list.
 */

#pragma once

#include <glib-object.h>

#include "ov-account.h"
#include "ov-date.h"
#include "ov-types.h"
#include "ov-wizard.h"

G_BEGIN_DECLS

/* One goal from the handoff with how it turned out (Review wizard). */
typedef struct
{
  char          *goal;
  OvGoalOutcome  outcome;
  char          *comment;
} OvGoalResult;

#define OV_TYPE_GOAL_RESULT (ov_goal_result_get_type ())

GType         ov_goal_result_get_type  (void) G_GNUC_CONST;
OvGoalResult *ov_goal_result_new       (const char         *goal,
                                        OvGoalOutcome       outcome,
                                        const char         *comment);
OvGoalResult *ov_goal_result_copy      (const OvGoalResult *result);
void          ov_goal_result_free      (OvGoalResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvGoalResult, ov_goal_result_free)

#define OV_TYPE_STAGE_ANSWERS (ov_stage_answers_get_type ())

G_DECLARE_FINAL_TYPE (OvStageAnswers, ov_stage_answers, OV, STAGE_ANSWERS, GObject)

/* Properties: "account-id", "stage" (construct-only), "modified" (TRUE
 * after a setter changed something since loading or saving). Signal
 * "field-changed" (detail and argument: the field id). */

OvStageAnswers *ov_stage_answers_new          (gint64           account_id,
                                               OvStage          stage);
gint64          ov_stage_answers_get_account_id (OvStageAnswers *self);
OvStage         ov_stage_answers_get_stage    (OvStageAnswers  *self);
gboolean        ov_stage_answers_get_modified (OvStageAnswers  *self);
void            ov_stage_answers_set_modified (OvStageAnswers  *self,
                                               gboolean         modified);

gboolean        ov_stage_answers_has_value    (OvStageAnswers  *self,
                                               const char      *field_id);
void            ov_stage_answers_clear        (OvStageAnswers  *self,
                                               const char      *field_id);

/* OV_FIELD_TEXT and OV_FIELD_LONG_TEXT; blank text clears the field. */
const char     *ov_stage_answers_get_text     (OvStageAnswers  *self,
                                               const char      *field_id);
void            ov_stage_answers_set_text     (OvStageAnswers  *self,
                                               const char      *field_id,
                                               const char      *text);

/* OV_FIELD_DATE; OV_DATE_NONE clears. */
OvDate          ov_stage_answers_get_date     (OvStageAnswers  *self,
                                               const char      *field_id);
void            ov_stage_answers_set_date     (OvStageAnswers  *self,
                                               const char      *field_id,
                                               OvDate           date);

/* OV_FIELD_BOOL */
gboolean        ov_stage_answers_get_bool     (OvStageAnswers  *self,
                                               const char      *field_id);
void            ov_stage_answers_set_bool     (OvStageAnswers  *self,
                                               const char      *field_id,
                                               gboolean         value);

/* OV_FIELD_NUMBER: a whole number; validation refuses negatives. */
gint64          ov_stage_answers_get_number   (OvStageAnswers  *self,
                                               const char      *field_id);
void            ov_stage_answers_set_number   (OvStageAnswers  *self,
                                               const char      *field_id,
                                               gint64           value);

/* OV_FIELD_CHOICE: an option id from ov_wizard_field_get_choices(), or
 * NULL / "" to clear. */
const char     *ov_stage_answers_get_choice   (OvStageAnswers  *self,
                                               const char      *field_id);
void            ov_stage_answers_set_choice   (OvStageAnswers  *self,
                                               const char      *field_id,
                                               const char      *choice);

/* OV_FIELD_LIST (agenda items, goals …): items are trimmed and blank ones
 * dropped; the result is a new NULL-terminated array, never NULL. */
char          **ov_stage_answers_dup_list     (OvStageAnswers  *self,
                                               const char      *field_id);
void            ov_stage_answers_set_list     (OvStageAnswers  *self,
                                               const char      *field_id,
                                               const char * const *items);

/* OV_FIELD_CHECK: a checklist item, done or not, with the date it was
 * done (validation asks for the date once it is done). */
gboolean        ov_stage_answers_get_check    (OvStageAnswers  *self,
                                               const char      *field_id,
                                               OvDate          *done_on);
void            ov_stage_answers_set_check    (OvStageAnswers  *self,
                                               const char      *field_id,
                                               gboolean         done,
                                               OvDate           done_on);

/* OV_FIELD_GOAL_OUTCOMES: a new array of OvGoalResult. When loaded from
 * the store it lists every goal of the handoff in order, with the outcome
 * recorded so far (OV_GOAL_OUTCOME_NONE if none). */
GPtrArray      *ov_stage_answers_dup_goal_results (OvStageAnswers *self,
                                                   const char     *field_id);
void            ov_stage_answers_set_goal_results (OvStageAnswers *self,
                                                   const char     *field_id,
                                                   GPtrArray      *results);
/* Records the outcome of one goal (matched by its text; added if new). */
void            ov_stage_answers_set_goal_result  (OvStageAnswers *self,
                                                   const char     *field_id,
                                                   const char     *goal,
                                                   OvGoalOutcome   outcome,
                                                   const char     *comment);

/* After ov_store_reload_answers(): the fields changed here that were
 * changed elsewhere too (a new array of field ids, empty when none), and,
 * for one of them, the value stored now as a user reads it ("" when it is
 * empty; NULL for kinds not shown on one line). */
char          **ov_stage_answers_dup_conflicts    (OvStageAnswers *self);
char           *ov_stage_answers_describe_stored  (OvStageAnswers *self,
                                                   const char     *field_id);

/* Checks the fields of @step (which must belong to this stage): required
 * fields, ranges and the stage's rules between fields, e.g. the target
 * go-live date must not be before the kickoff date; things that happened
 * (checklist dates, go-live, first value) must not be after @today. The
 * message starts with the field's label; @field_id (nullable) receives the
 * id of the offending field (static). */
gboolean        ov_stage_answers_validate_step (OvStageAnswers     *self,
                                                const OvWizardStep *step,
                                                OvDate              today,
                                                const char        **field_id,
                                                GError            **error);

/* Every step in order; stops at the first problem. */
gboolean        ov_stage_answers_validate     (OvStageAnswers     *self,
                                               OvDate              today,
                                               const char        **field_id,
                                               GError            **error);

/* Where a wizard begun before picks up: the first step the rules would
 * still refuse (the last when none is); 0 when nothing was answered in
 * it yet (ov_stage_answers_has_own_answers()). */
guint           ov_stage_answers_get_resume_step (OvStageAnswers *self,
                                                  OvDate          today);

/* The answers that are account facts (ov_wizard_field_get_account_fact():
 * close, kickoff, go-live and first-value dates, package, milestone).
 * copy_facts() writes the answered ones into @account (an empty answer
 * never wipes what the account knows) and says whether that changed it;
 * fill_facts() starts the unanswered ones off with @account's values. */
gboolean        ov_stage_answers_copy_facts   (OvStageAnswers     *self,
                                               OvAccount          *account);
void            ov_stage_answers_fill_facts   (OvStageAnswers     *self,
                                               OvAccount          *account);
/* TRUE when something was answered in the wizard itself: facts from the
 * account and the goals listed from the handoff do not count. */
gboolean        ov_stage_answers_has_own_answers (OvStageAnswers *self);

G_END_DECLS
