/* ov-store-tasks.h — reading and writing tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every OvTask a query returns carries the account's name and the resolved
 * assignee's name, so lists can show them without another query.
 */

#pragma once

#include "ov-store.h"
#include "ov-store-job.h"
#include "ov-task.h"
#include "ov-task-filter.h"

G_BEGIN_DECLS

/* The tasks of @account_id, of one @stage or of all stages (@stage 0),
 * ordered by stage, then due date (undated last), then id. */
GPtrArray *ov_store_list_tasks           (OvStore     *self,
                                          gint64       account_id,
                                          OvStage      stage,
                                          GError     **error);

OvTask    *ov_store_get_task             (OvStore     *self,
                                          gint64       task_id,
                                          GError     **error);

/* Validates and inserts @task (id 0), sets its id and its display fields.
 * An explicit assignee must be a person of the same account. Emits
 * "tasks". */
gboolean   ov_store_add_task             (OvStore     *self,
                                          OvTask      *task,
                                          GError     **error);

/* Validates and writes every editable field of a stored task; refreshes
 * its display fields (assignee name). Emits "tasks". */
gboolean   ov_store_update_task          (OvStore     *self,
                                          OvTask      *task,
                                          GError     **error);

/* Refused (OV_STORE_ERROR_CONFLICT) when the task changed since @task
 * was read. */
gboolean   ov_store_delete_task          (OvStore     *self,
                                          OvTask      *task,
                                          GError     **error);

/* Ticks @task off as done on @done_on, or back to not done with
 * OV_DATE_NONE; updates the object too. Emits "tasks". */
gboolean   ov_store_set_task_done        (OvStore     *self,
                                          OvTask      *task,
                                          OvDate       done_on,
                                          GError     **error);

/* Portfolio-wide, for the Dashboard and the start-up notification. Only
 * open tasks of active (not paused, churned or deleted) accounts count.
 * Overdue: due before @today. Due this week: due from @today to
 * @today + 6. Ordered by due date, then account name. @limit 0 = all. */
GPtrArray *ov_store_list_overdue_tasks   (OvStore     *self,
                                          OvDate       today,
                                          guint        limit,
                                          GError     **error);
GPtrArray *ov_store_list_tasks_due_this_week (OvStore *self,
                                              OvDate   today,
                                              guint    limit,
                                              GError **error);
gint64     ov_store_count_overdue_tasks  (OvStore     *self,
                                          OvDate       today,
                                          GError     **error);
gint64     ov_store_count_tasks_due_this_week (OvStore *self,
                                               OvDate   today,
                                               GError **error);

/* The Tasks view's list: the open tasks of active accounts that
 * @filter lets through, in its order, its page only. Refused with a
 * GError naming the field when @filter is not valid. */
GPtrArray *ov_store_list_open_tasks      (OvStore             *self,
                                          const OvTaskFilter  *filter,
                                          GError             **error);
/* How many tasks the whole list has (every page); -1 on error. */
gint64     ov_store_count_open_tasks     (OvStore             *self,
                                          const OvTaskFilter  *filter,
                                          GError             **error);
/* The names of the team (internal people) on active accounts, A–Z: who
 * an owner filter can pick. */
char     **ov_store_list_task_owners     (OvStore             *self,
                                          GError             **error);

/* One reading of the list, done off the main loop. */
typedef struct
{
  OvTaskFilter *filter;       /* what was read */
  GPtrArray    *tasks;        /* OvTask: the page */
  gint64        total;        /* all that match */
  gboolean      with_owners;
  char        **owners;       /* when asked for: ov_store_list_task_owners() */
} OvTaskPage;

void        ov_task_page_free              (OvTaskPage          *page);
void        ov_store_read_task_page_async  (OvStore             *self,
                                            const OvTaskFilter  *filter,
                                            gboolean             with_owners,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
OvTaskPage *ov_store_read_task_page_finish (GAsyncResult        *result,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvTaskPage, ov_task_page_free)

G_END_DECLS
