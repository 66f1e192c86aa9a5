/* ov-journey-private.h — what the journey modules share among themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-playbook.h"
#include "ov-sample.h"
#include "ov-stage-answers.h"
#include "ov-store.h"
#include "ov-task.h"

G_BEGIN_DECLS

/* ov-task.c: fields only the store fills (from its joins). */
void        ov_task_set_display            (OvTask      *self,
                                            const char  *account_name,
                                            const char  *assignee_name,
                                            gint64       playbook_task_id);
void        ov_task_set_content            (OvTask      *self,
                                            gint64       content_id,
                                            const char  *title,
                                            const char  *location);

/* ov-store-people.c: TRUE when @person_id belongs to @account_id;
 * otherwise an OV_TASK_ERROR_ASSIGNEE error. */
gboolean    ov_store_person_in_account     (OvStore     *self,
                                            gint64       person_id,
                                            gint64       account_id,
                                            GError     **error);

/* ov-store-tasks.c: a raw insert for generators (no validation, no
 * signal); @playbook_task_id and @content_id 0 for none. */
gboolean    ov_store_insert_task_row       (OvStore     *self,
                                            gint64       account_id,
                                            OvStage      stage,
                                            const char  *title,
                                            const char  *description,
                                            const char  *role,
                                            OvDate       due,
                                            OvDate       done,
                                            gint64       playbook_task_id,
                                            gint64       content_id,
                                            const char  *now,
                                            GError     **error);

/* ov-stage-answers.c: the encoded values (field id → stored text), and
 * loading one without marking the answers modified; FALSE for a field the
 * stage does not have. */
GHashTable *ov_stage_answers_get_values    (OvStageAnswers *self);
gboolean    ov_stage_answers_load_value    (OvStageAnswers *self,
                                            const char     *field_id,
                                            const char     *encoded);
/* ... and what the store holds for each field: a value that differs from
 * it was changed here and is what a save writes. */
gboolean    ov_stage_answers_set_stored    (OvStageAnswers *self,
                                            const char     *field_id,
                                            const char     *encoded,
                                            gint64          version);
const char *ov_stage_answers_get_stored    (OvStageAnswers *self,
                                            const char     *field_id,
                                            gint64         *version);
GPtrArray  *ov_stage_answers_list_known_fields (OvStageAnswers *self);
void        ov_stage_answers_set_conflicts (OvStageAnswers *self,
                                            GPtrArray      *field_ids);
/* Every stored value and version, to put back with restore_stored() when
 * the transaction that wrote them is rolled back. */
GHashTable *ov_stage_answers_dup_stored    (OvStageAnswers *self);
void        ov_stage_answers_restore_stored (OvStageAnswers *self,
                                             GHashTable     *stored);

/* ov-store-playbooks.c: the default playbook (is_default, live), or NULL
 * without error; and the work done whenever a database is opened: the
 * shipped playbook is stored once per database, and playbooks deleted in
 * an earlier session are purged. */
OvPlaybook *ov_store_get_default_playbook  (OvStore     *self,
                                            GError     **error);
gboolean    ov_store_journey_open          (OvStore     *self,
                                            GError     **error);

/* ov-sample-journey.c: the journey of one generated account (people,
 * tasks, wizard answers), drawn from @rand alone. The sample fills in the
 * first OV_SAMPLE_JOURNEY_ACCOUNTS accounts, so 100,000 stay quick. */
#define OV_SAMPLE_JOURNEY_ACCOUNTS 2000

OvPlaybook *ov_sample_journey_playbook     (OvStore                *store,
                                            GError                **error);
gboolean    ov_sample_add_journey          (OvStore                *store,
                                            GRand                  *rand,
                                            OvAccount              *account,
                                            const OvSampleHistory  *history,
                                            OvPlaybook             *playbook,
                                            OvDate                  today,
                                            const char             *now,
                                            GError                **error);

G_END_DECLS
