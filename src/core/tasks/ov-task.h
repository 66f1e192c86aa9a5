/* ov-task.h — one piece of work on an account's journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_TASK_ERROR (ov_task_error_quark ())

typedef enum
{
  OV_TASK_ERROR_TITLE,
  OV_TASK_ERROR_STAGE,
  OV_TASK_ERROR_ROLE,
  OV_TASK_ERROR_ASSIGNEE,
} OvTaskError;

/* A task is overdue when it is not done and its due date is before today;
 * it is due this week when it is not done and due between today and
 * today + 6 days (a rolling seven-day window, not the calendar week), so
 * overdue tasks are never "due this week" too. */
#define OV_TASK_WEEK_DAYS 7

#define OV_TYPE_TASK (ov_task_get_type ())

G_DECLARE_FINAL_TYPE (OvTask, ov_task, OV, TASK, GObject)

/* Properties (explicit notify): "id", "account-id", "stage" (OvStage),
 * "title", "description", "role" (role id or ""), "assignee-id" (0: whoever
 * holds the role), "due-date", "done-date" (OvDate ints, 0 = none), "done"
 * (boolean; setting TRUE marks it done today). Setters change the object
 * only: ov_store_update_task() or ov_store_set_task_done() store it.
 * Read-only, filled by the store: "account-name", "assignee-name" (the
 * explicit assignee or the role holder, "" when nobody), "playbook-task-id".
 * Derived, read-only:
 * "role-title", "stage-title", "due-date-text", "overdue" (against
 * ov_date_today(), which honours OVERTURE_TODAY). */

GQuark       ov_task_error_quark         (void);
OvTask      *ov_task_new                 (gint64      account_id,
                                          OvStage     stage,
                                          const char *title);
OvTask      *ov_task_copy                (OvTask     *self);

/* Title must not be blank, stage must be one of the six, role empty or a
 * role id. Messages start with the field's label. */
gboolean     ov_task_validate            (OvTask     *self,
                                          GError    **error);

gint64       ov_task_get_id              (OvTask     *self);
void         ov_task_set_id              (OvTask     *self,
                                          gint64      id);
gint64       ov_task_get_version         (OvTask     *self);
void         ov_task_set_version         (OvTask     *self,
                                          gint64      version);
gint64       ov_task_get_account_id      (OvTask     *self);
void         ov_task_set_account_id      (OvTask     *self,
                                          gint64      account_id);
const char  *ov_task_get_account_name    (OvTask     *self);
OvStage      ov_task_get_stage           (OvTask     *self);
void         ov_task_set_stage           (OvTask     *self,
                                          OvStage     stage);
const char  *ov_task_get_title           (OvTask     *self);
void         ov_task_set_title           (OvTask     *self,
                                          const char *title);
const char  *ov_task_get_description     (OvTask     *self);
void         ov_task_set_description     (OvTask     *self,
                                          const char *description);
const char  *ov_task_get_role            (OvTask     *self);
void         ov_task_set_role            (OvTask     *self,
                                          const char *role);
gint64       ov_task_get_assignee_id     (OvTask     *self);
void         ov_task_set_assignee_id     (OvTask     *self,
                                          gint64      person_id);
const char  *ov_task_get_assignee_name   (OvTask     *self);
OvDate       ov_task_get_due_date        (OvTask     *self);
void         ov_task_set_due_date        (OvTask     *self,
                                          OvDate      due);
OvDate       ov_task_get_done_date       (OvTask     *self);
void         ov_task_set_done_date       (OvTask     *self,
                                          OvDate      done);
gboolean     ov_task_is_done             (OvTask     *self);
gint64       ov_task_get_playbook_task_id (OvTask    *self);
/* The content item the task is about (its playbook task's, or set with
 * ov_store_set_task_content()): 0 and NULL for none. */
gint64       ov_task_get_content_id      (OvTask     *self);
const char  *ov_task_get_content_title   (OvTask     *self);
const char  *ov_task_get_content_location (OvTask    *self);

/* See OV_TASK_WEEK_DAYS for what these mean; @today is injected so that
 * callers (and tests) decide what day it is. */
gboolean     ov_task_is_overdue          (OvTask     *self,
                                          OvDate      today);
gboolean     ov_task_is_due_this_week    (OvTask     *self,
                                          OvDate      today);

G_END_DECLS
