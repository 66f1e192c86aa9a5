/* ov-store-content.h — the content library: items, their assignment to
 * accounts, and completions per person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-completion-status.h"
#include "ov-content-item.h"
#include "ov-content-progress.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* Every item (OvContentItem), by stage (items for any stage last), then
 * title, each with its tally over the accounts it is assigned to
 * (ov_content_item_get_n_learners() and the rest). */
GPtrArray     *ov_store_list_content_items   (OvStore         *self,
                                              GError         **error);
/* Every item by title, without the tallies: what a choice of an item
 * lists (a playbook task's training). */
GPtrArray     *ov_store_list_content_choices (OvStore         *self,
                                              GError         **error);
OvContentItem *ov_store_get_content_item     (OvStore         *self,
                                              gint64           content_id,
                                              GError         **error);

/* Validates and inserts @item (id 0); its title must be new whatever its
 * case (OV_CONTENT_ERROR_DUPLICATE). Emits "content". */
gboolean       ov_store_add_content_item     (OvStore         *self,
                                              OvContentItem   *item,
                                              GError         **error);
/* Writes a stored item read at its version (else OV_STORE_ERROR_CONFLICT).
 * Emits "content". */
gboolean       ov_store_update_content_item  (OvStore         *self,
                                              OvContentItem   *item,
                                              GError         **error);
/* Deletes the item read at its version, with its assignments and
 * completions; tasks that pointed at it point at nothing. Emits
 * "content" and "completions". */
gboolean       ov_store_delete_content_item  (OvStore         *self,
                                              OvContentItem   *item,
                                              GError         **error);

/* Assigning is one step, undone as one: the assignments it added, not
 * those that were there already. The stage and segment steps take every
 * account not deleted and not churned that is in @stage, or whose segment
 * is @segment whatever its case. Each returns the step's id, 0 when it
 * added nothing (@n_added is 0 then, and there is nothing to undo), or -1
 * on an error. Emit "content" when they added something. */
gint64         ov_store_assign_content_to_account (OvStore    *self,
                                                   gint64      content_id,
                                                   gint64      account_id,
                                                   OvDate      assigned_on,
                                                   guint      *n_added,
                                                   GError    **error);
gint64         ov_store_assign_content_to_stage   (OvStore    *self,
                                                   gint64      content_id,
                                                   OvStage     stage,
                                                   OvDate      assigned_on,
                                                   guint      *n_added,
                                                   GError    **error);
gint64         ov_store_assign_content_to_segment (OvStore    *self,
                                                   gint64      content_id,
                                                   const char *segment,
                                                   OvDate      assigned_on,
                                                   guint      *n_added,
                                                   GError    **error);
/* Removes what step @step_id added and is still there; a step undone
 * already is refused (OV_CONTENT_ERROR_UNDONE). Emits "content". */
gboolean       ov_store_undo_content_step    (OvStore         *self,
                                              gint64           step_id,
                                              guint           *n_removed,
                                              GError         **error);
/* Takes the item off the account; its completions stay. Emits
 * "content". */
gboolean       ov_store_unassign_content     (OvStore         *self,
                                              gint64           content_id,
                                              gint64           account_id,
                                              GError         **error);

/* The items assigned to @account_id (OvAssignedContent), by stage and
 * title, each with its learners and how far they got. */
GPtrArray     *ov_store_list_assigned_content (OvStore        *self,
                                               gint64          account_id,
                                               GError        **error);

/* Sets how far @person_id got with @content_id (made agree by
 * ov_completion_reconcile(); contradictions are refused with
 * OV_CONTENT_ERROR_PROGRESS); a completion without a day is dated
 * @today. Emits "completions". */
gboolean       ov_store_set_completion       (OvStore         *self,
                                              gint64           content_id,
                                              gint64           person_id,
                                              OvCompletionStatus status,
                                              int              progress,
                                              OvDate           completed_on,
                                              GError         **error);

/* Points playbook task template @playbook_task_id, or task @task_id, at
 * item @content_id (0: at none). Tasks a template makes from then on
 * point where it points. Emit "playbooks" and "tasks". */
gboolean       ov_store_set_playbook_task_content (OvStore   *self,
                                                   gint64     playbook_task_id,
                                                   gint64     content_id,
                                                   GError   **error);
gboolean       ov_store_set_task_content     (OvStore         *self,
                                              gint64           task_id,
                                              gint64           content_id,
                                              GError         **error);

/* The one click from a task: @content_id is assigned to @account_id if it
 * was not (a step of its own, as ov_store_assign_content_to_account()),
 * and every learner who has not completed it completes it on @day;
 * @n_marked says how many. Emits "content" and "completions". */
gboolean       ov_store_complete_content_for_account (OvStore  *self,
                                                      gint64    content_id,
                                                      gint64    account_id,
                                                      OvDate    day,
                                                      guint    *n_marked,
                                                      GError  **error);

G_END_DECLS
