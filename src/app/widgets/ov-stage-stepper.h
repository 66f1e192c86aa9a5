/* ov-stage-stepper.h — the six stages in a row, showing where an account is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_STAGE_STEPPER (ov_stage_stepper_get_type ())

G_DECLARE_FINAL_TYPE (OvStageStepper, ov_stage_stepper, OV, STAGE_STEPPER, GtkWidget)

GtkWidget *ov_stage_stepper_new          (void);
OvStage    ov_stage_stepper_get_stage    (OvStageStepper *self);
void       ov_stage_stepper_set_stage    (OvStageStepper *self,
                                          OvStage         stage);
void       ov_stage_stepper_set_skipped  (OvStageStepper *self,
                                          guint           stage_mask);
GtkWidget *ov_stage_stepper_get_step     (OvStageStepper *self,
                                          OvStage         stage);

G_END_DECLS
