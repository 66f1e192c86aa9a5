/* journey-test-support.h — helpers for the stage journey tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-test-support.h"

G_BEGIN_DECLS

/* A stored, active account in @stage with one "enter" event on @entered. */
OvAccount *jt_add_account      (OvStore     *store,
                                const char  *name,
                                const char  *segment,
                                OvStage      stage,
                                OvDate       entered);

/* Every row of every table the journey touches, as text: two dumps are
 * equal exactly when nothing changed. */
char      *jt_dump             (OvStore     *store);
/* The same for the rows @queries select. */
char      *jt_dump_rows        (OvStore            *store,
                                const char * const *queries,
                                guint               n_queries);

/* A person with roles (NULL-terminated list of role ids), stored. */
OvPerson  *jt_add_person       (OvStore     *store,
                                gint64       account_id,
                                OvSide       side,
                                const char  *name,
                                const char  *email,
                                ...) G_GNUC_NULL_TERMINATED;

OvDate     jt_date             (const char  *iso);

/* @stage's answers of @account_id as stored; and storing them. */
OvStageAnswers *jt_load_answers (OvStore        *store,
                                 gint64          account_id,
                                 OvStage         stage);
void            jt_save_answers (OvStore        *store,
                                 OvStageAnswers *answers);

G_END_DECLS
