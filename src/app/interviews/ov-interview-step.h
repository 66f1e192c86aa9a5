/* ov-interview-step.h — the Review wizard's interview step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_INTERVIEW_STEP (ov_interview_step_get_type ())

G_DECLARE_FINAL_TYPE (OvInterviewStep, ov_interview_step, OV, INTERVIEW_STEP, AdwBin)

GtkWidget *ov_interview_step_new         (OvStore         *store,
                                          gint64           account_id);
/* The account's interviews as the step shows them (an OvAccountInterviews). */
GtkWidget *ov_interview_step_get_section (OvInterviewStep *self);

G_END_DECLS
