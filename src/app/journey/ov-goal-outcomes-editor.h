/* ov-goal-outcomes-editor.h — how each handoff goal turned out, with a
 * comment (the Review wizard)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_GOAL_OUTCOMES_EDITOR (ov_goal_outcomes_editor_get_type ())

G_DECLARE_FINAL_TYPE (OvGoalOutcomesEditor, ov_goal_outcomes_editor, OV, GOAL_OUTCOMES_EDITOR,
                      AdwBin)

GtkWidget *ov_goal_outcomes_editor_new         (void);
void       ov_goal_outcomes_editor_set_results (OvGoalOutcomesEditor *self,
                                                GPtrArray            *results);
void       ov_goal_outcomes_editor_store       (OvGoalOutcomesEditor *self,
                                                OvStageAnswers       *answers,
                                                const char           *field_id);
void       ov_goal_outcomes_editor_mark        (OvGoalOutcomesEditor *self,
                                                gboolean              unjudged);
GtkWidget *ov_goal_outcomes_editor_get_row     (OvGoalOutcomesEditor *self,
                                                guint                 index,
                                                gboolean              comment);

G_END_DECLS
