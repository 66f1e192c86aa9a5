/* ov-dashboard-tasks.h — overdue tasks and tasks due this week, portfolio-wide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-view.h"

G_BEGIN_DECLS

/* How many tasks each list shows; the header counts all of them. */
#define OV_DASHBOARD_TASKS_SHOWN 8

#define OV_TYPE_DASHBOARD_TASKS (ov_dashboard_tasks_get_type ())

G_DECLARE_FINAL_TYPE (OvDashboardTasks, ov_dashboard_tasks, OV, DASHBOARD_TASKS, OvView)

/* Reads both lists again (in a thread) if they can be seen; otherwise
 * when they are next shown. */
void        ov_dashboard_tasks_refresh        (OvDashboardTasks *self);

/* The "loading" property: TRUE from a refresh until its lists are shown. */
gboolean    ov_dashboard_tasks_is_loading     (OvDashboardTasks *self);

/* "3 days overdue", "due today", "due tomorrow", "due Friday". */
char       *ov_dashboard_tasks_describe_due   (OvDate            due,
                                               OvDate            today);

G_END_DECLS
