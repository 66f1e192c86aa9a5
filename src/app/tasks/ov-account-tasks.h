/* ov-account-tasks.h — an account's tasks, by stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-section.h"
#include "ov-task-row.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_TASKS (ov_account_tasks_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountTasks, ov_account_tasks, OV, ACCOUNT_TASKS, OvAccountSection)

guint       ov_account_tasks_get_n_rows   (OvAccountTasks *self);
OvTaskRow  *ov_account_tasks_get_row      (OvAccountTasks *self,
                                           guint           index);
OvTaskRow  *ov_account_tasks_find_row     (OvAccountTasks *self,
                                           const char     *title);
const char *ov_account_tasks_get_summary  (OvAccountTasks *self);

G_END_DECLS
