/* ov-stage-wizard.h — a stage's guided steps for one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"
#include "ov-field-editor.h"
#include "ov-open-tasks.h"

G_BEGIN_DECLS

#define OV_TYPE_STAGE_WIZARD (ov_stage_wizard_get_type ())

G_DECLARE_FINAL_TYPE (OvStageWizard, ov_stage_wizard, OV, STAGE_WIZARD, AdwWindow)

/* What the last step's main button does. */
typedef enum
{
  OV_STAGE_WIZARD_COMPLETE,   /* the account's current stage: Complete Stage */
  OV_STAGE_WIZARD_SAVE,       /* a past stage, or Expand: save the answers */
} OvStageWizardMode;

OvStageWizard     *ov_stage_wizard_open           (GtkWidget       *from,
                                                   OvStore         *store,
                                                   OvAccountList   *accounts,
                                                   OvAccount       *account,
                                                   OvStage          stage);
OvStage            ov_stage_wizard_get_stage      (OvStageWizard   *self);
OvStageWizardMode  ov_stage_wizard_get_mode       (OvStageWizard   *self);
guint              ov_stage_wizard_get_step       (OvStageWizard   *self);
guint              ov_stage_wizard_get_n_steps    (OvStageWizard   *self);
OvFieldEditor     *ov_stage_wizard_get_editor     (OvStageWizard   *self,
                                                   const char      *field_id);
OvDateRow         *ov_stage_wizard_get_completed_on_row (OvStageWizard *self);
const char        *ov_stage_wizard_get_message    (OvStageWizard   *self);
/* The open tasks on the last step of a completion, or NULL. */
OvOpenTasks       *ov_stage_wizard_get_open_tasks (OvStageWizard   *self);

G_END_DECLS
