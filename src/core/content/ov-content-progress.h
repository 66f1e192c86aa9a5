/* ov-content-progress.h — who takes an assigned item, how far they got,
 * and the completion rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Definitions (the library, the account page and overture-cli use these):
 *
 * - The *learners* of an item assigned to an account are the account's
 *   customer-side people who hold the item's audience role; when the item
 *   has no audience role, or nobody on the account holds it, all of the
 *   account's customer-side people.
 * - A learner *completed* the item when their completion's status is
 *   completed; without a completion they have not started.
 * - *Completion rate of an account*: over every item assigned to it, the
 *   (learner, item) pairs completed ÷ all (learner, item) pairs, in %.
 * - *Completion rate of an item*: the same pairs over every account it is
 *   assigned to (accounts not deleted).
 * - A rate over no pairs is not a number (NAN): shown as "no learners",
 *   never as 0 %.
 * - The account's own completion of one item: completed when every learner
 *   completed it (on the last of their days), in progress when any learner
 *   started, else not started; its progress is the learners' mean progress
 *   (a completed learner counts 100).
 */

#pragma once

#include <glib.h>

#include "ov-completion-status.h"
#include "ov-content-item.h"
#include "ov-date.h"

G_BEGIN_DECLS

typedef struct
{
  gint64              person_id;
  char               *name;
  char               *email;
  OvCompletionStatus  status;
  guint               progress;       /* 0–100 */
  OvDate              completed_on;   /* OV_DATE_NONE unless completed */
} OvLearner;

/* An item assigned to an account, with its learners. */
typedef struct
{
  OvContentItem *item;
  gint64         account_id;
  OvDate         assigned_on;
  GArray        *learners;   /* OvLearner, by name */
} OvAssignedContent;

OvAssignedContent  *ov_assigned_content_new        (OvContentItem            *item,
                                                    gint64                    account_id,
                                                    OvDate                    assigned_on);
void                ov_assigned_content_free       (OvAssignedContent        *self);
void                ov_assigned_content_add_learner (OvAssignedContent       *self,
                                                     gint64                   person_id,
                                                     const char              *name,
                                                     const char              *email,
                                                     OvCompletionStatus       status,
                                                     guint                    progress,
                                                     OvDate                   completed_on);
guint               ov_assigned_content_get_n_completed (const OvAssignedContent *self);

/* The account's own completion of the item (see above); @progress and
 * @completed_on may be NULL. */
OvCompletionStatus  ov_assigned_content_summarize  (const OvAssignedContent  *self,
                                                    guint                    *progress,
                                                    OvDate                   *completed_on);

/* Over @assigned (OvAssignedContent of one account): the pairs and those
 * completed; returns the account's completion rate in % (NAN for none). */
double              ov_content_account_rate        (GPtrArray                *assigned,
                                                    guint                    *n_learners,
                                                    guint                    *n_completed);

/* 100 × @n_completed ÷ @n_learners; NAN when @n_learners is 0. */
double              ov_content_rate                (guint                     n_completed,
                                                    guint                     n_learners);

/* A completion from a learning platform's file: a status and a progress,
 * either of which may be missing (-1 / FALSE), made to agree: completed is
 * 100 %, 100 % is completed, a progress above 0 is started, a start
 * without progress is 0 %. FALSE when they contradict each other (completed
 * at 40 %, not started at 60 %). */
gboolean            ov_completion_reconcile        (gboolean                  has_status,
                                                    OvCompletionStatus        status,
                                                    int                       progress,
                                                    OvCompletionStatus       *status_out,
                                                    guint                    *progress_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvAssignedContent, ov_assigned_content_free)

G_END_DECLS
