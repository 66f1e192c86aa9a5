/* ov-task-filter.h — which open tasks a portfolio-wide task list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain struct, so that a view can copy it into a worker and the store
 * can turn it into one prepared statement. Empty strings mean "any".
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_TASK_FILTER_ERROR (ov_task_filter_error_quark ())

typedef enum
{
  OV_TASK_FILTER_ERROR_INVALID,
} OvTaskFilterError;

/* When an open task falls due, against the filter's @today (see
 * OV_TASK_WEEK_DAYS): overdue is before today, this week is today to
 * today + 6, later is after that or without a due date. */
typedef enum
{
  OV_TASK_DUE_ANY,
  OV_TASK_DUE_OVERDUE,
  OV_TASK_DUE_THIS_WEEK,
  OV_TASK_DUE_LATER,
} OvTaskDue;

/* Every order ends with the due date (undated last), then the account's
 * name and the task's id, so a page never repeats or skips a task. */
typedef enum
{
  OV_TASK_SORT_DUE,
  OV_TASK_SORT_ACCOUNT,
  OV_TASK_SORT_OWNER,
} OvTaskSort;

typedef struct
{
  OvDate      today;
  /* Who does it: the name the task shows as its assignee (the person
   * named on it, or whoever holds its role on the account). */
  char       *owner;
  /* A role id ("csm"). */
  char       *role;
  /* One of the six stages, or 0 for all. */
  OvStage     stage;
  /* Words that must all occur in the account's name, whatever their case. */
  char       *account;
  OvTaskDue   due;
  OvTaskSort  sort;
  /* The page: @limit tasks from @offset on (@limit 0: all). */
  guint       offset;
  guint       limit;
} OvTaskFilter;

GQuark        ov_task_filter_error_quark (void);
OvTaskFilter *ov_task_filter_new         (OvDate              today);
OvTaskFilter *ov_task_filter_copy        (const OvTaskFilter *self);
void          ov_task_filter_free        (OvTaskFilter       *self);
void          ov_task_filter_set_owner   (OvTaskFilter       *self,
                                          const char         *owner);
void          ov_task_filter_set_role    (OvTaskFilter       *self,
                                          const char         *role);
void          ov_task_filter_set_account (OvTaskFilter       *self,
                                          const char         *account);
/* TRUE when nothing but the day, the order and the page is set. */
gboolean      ov_task_filter_is_empty    (const OvTaskFilter *self);
/* A day, a known role, a stage, a due and a sort in range; each message
 * names what is wrong. */
gboolean      ov_task_filter_validate    (const OvTaskFilter *self,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvTaskFilter, ov_task_filter_free)

G_END_DECLS
