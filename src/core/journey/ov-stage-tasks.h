/* ov-stage-tasks.h — what completing a stage does with its open tasks,
 * and which of them the stage's answers show to be done already
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-date.h"
#include "ov-stage-answers.h"
#include "ov-task.h"
#include "ov-types.h"

G_BEGIN_DECLS

/* For each open task of the stage being completed. */
typedef enum
{
  OV_OPEN_TASK_LEAVE,     /* stays open in the stage left behind */
  OV_OPEN_TASK_CLOSE,     /* done, on the completion date */
  OV_OPEN_TASK_MOVE_ON,   /* open, in the next stage */
} OvOpenTaskChoice;

#define OV_N_OPEN_TASK_CHOICES 3

typedef struct
{
  gint64           task_id;
  OvOpenTaskChoice choice;
} OvTaskChoice;

/* The field of @stage's wizard whose answer shows that a playbook task of
 * @stage titled @title is done (its title as the shipped playbook words
 * it, in English or translated), or NULL. The mapping is a table in
 * ov-stage-tasks.c. */
const char *ov_stage_task_find_field   (OvStage          stage,
                                        const char      *title);

/* TRUE when @answers (of @task's stage) show @task to be done by @on: its
 * field is answered, a checklist item ticked, and a date that says
 * something happened is not after @on. @field_id (nullable) gets the
 * field. */
gboolean    ov_stage_task_is_answered  (OvStageAnswers  *answers,
                                        OvTask          *task,
                                        OvDate           on,
                                        const char     **field_id);

G_END_DECLS
