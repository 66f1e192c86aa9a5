/* ov-task-dialog.h — add or change one task of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_TASK_DIALOG (ov_task_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvTaskDialog, ov_task_dialog, OV, TASK_DIALOG, AdwWindow)

OvTaskDialog *ov_task_dialog_new        (GtkWindow    *parent,
                                         OvStore      *store,
                                         gint64        account_id,
                                         OvTask       *task,
                                         OvStage       stage);
void          ov_task_dialog_save       (OvTaskDialog *self);
const char   *ov_task_dialog_get_error  (OvTaskDialog *self);

G_END_DECLS
