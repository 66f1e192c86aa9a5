/* ov-tasks-view.h — every open task of the portfolio, in one list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-view.h"

G_BEGIN_DECLS

/* How many tasks a page adds; the count above says how many there are. */
#define OV_TASKS_VIEW_PAGE 100

#define OV_TYPE_TASKS_VIEW (ov_tasks_view_get_type ())

G_DECLARE_FINAL_TYPE (OvTasksView, ov_tasks_view, OV, TASKS_VIEW, OvView)

/* Every filter off but @due (OV_TASK_DUE_ANY: none), as the dashboard's
 * "more" lines ask. */
void          ov_tasks_view_show_due        (OvTasksView *self,
                                             OvTaskDue    due);
void          ov_tasks_view_clear_filters   (OvTasksView *self);
/* The "loading" property: TRUE from a change until its list is shown. */
gboolean      ov_tasks_view_is_loading      (OvTasksView *self);
/* The filter the list shows (or is reading), for tests. */
OvTaskFilter *ov_tasks_view_dup_filter      (OvTasksView *self);
/* How many tasks match, all pages together; -1 before the first reading. */
gint64        ov_tasks_view_get_total       (OvTasksView *self);

G_END_DECLS
