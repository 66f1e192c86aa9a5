/* ov-task-row.h — one task in a list: tick it off, see when it is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_TASK_ROW (ov_task_row_get_type ())

G_DECLARE_FINAL_TYPE (OvTaskRow, ov_task_row, OV, TASK_ROW, AdwActionRow)

GtkWidget  *ov_task_row_new           (OvStore    *store,
                                       OvTask     *task,
                                       gboolean    editable);
OvTask     *ov_task_row_get_task      (OvTaskRow  *self);
const char *ov_task_row_get_due_text  (OvTaskRow  *self);
/* The button that marks the task's training completed by everyone on the
 * account; hidden when the task has none. */
GtkWidget  *ov_task_row_get_training_button (OvTaskRow *self);
void        ov_task_row_set_done      (OvTaskRow  *self,
                                       gboolean    done);
/* Lists across accounts say whose task it is: the account's name leads
 * the subtitle. */
void        ov_task_row_set_show_account (OvTaskRow *self,
                                          gboolean   show_account);

G_END_DECLS
