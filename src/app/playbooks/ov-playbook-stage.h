/* ov-playbook-stage.h — the tasks a playbook gives one stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"
#include "ov-playbook-task-row.h"

G_BEGIN_DECLS

#define OV_TYPE_PLAYBOOK_STAGE (ov_playbook_stage_get_type ())

G_DECLARE_FINAL_TYPE (OvPlaybookStage, ov_playbook_stage, OV, PLAYBOOK_STAGE,
                      AdwPreferencesGroup)

GtkWidget         *ov_playbook_stage_new             (OvStage          stage);
void               ov_playbook_stage_show_tasks      (OvPlaybookStage *self,
                                                      GPtrArray       *tasks);
guint              ov_playbook_stage_get_n_rows      (OvPlaybookStage *self);
OvPlaybookTaskRow *ov_playbook_stage_get_row         (OvPlaybookStage *self,
                                                      guint            position);
OvPlaybookTaskRow *ov_playbook_stage_find_row        (OvPlaybookStage *self,
                                                      OvPlaybookTask  *task);
GtkLabel          *ov_playbook_stage_get_error_label (OvPlaybookStage *self);

G_END_DECLS
