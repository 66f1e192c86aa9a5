/* ov-open-tasks.h — the open tasks of a stage being completed, each with
 * what completing does with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_OPEN_TASKS (ov_open_tasks_get_type ())

G_DECLARE_FINAL_TYPE (OvOpenTasks, ov_open_tasks, OV, OPEN_TASKS, AdwBin)

/* The open tasks of @account's @stage as stored now, each left open to
 * begin with. */
GtkWidget        *ov_open_tasks_new          (OvStore          *store,
                                              OvAccount        *account,
                                              OvStage           stage,
                                              OvDate            today);

/* Lists the tasks again as stored now, keeping the choices made. */
void              ov_open_tasks_reload       (OvOpenTasks      *self,
                                              OvStore          *store,
                                              OvAccount        *account,
                                              OvDate            today);

/* Tasks @answers show to be done by @on are offered to be closed: their
 * choice becomes Close, unless the user chose otherwise already. */
void              ov_open_tasks_suggest      (OvOpenTasks      *self,
                                              OvStageAnswers   *answers,
                                              OvDate            on);

guint             ov_open_tasks_get_n_tasks  (OvOpenTasks      *self);
OvTask           *ov_open_tasks_get_task     (OvOpenTasks      *self,
                                              guint             index);
AdwComboRow      *ov_open_tasks_get_row      (OvOpenTasks      *self,
                                              guint             index);
OvOpenTaskChoice  ov_open_tasks_get_choice   (OvOpenTasks      *self,
                                              guint             index);
void              ov_open_tasks_set_choice   (OvOpenTasks      *self,
                                              guint             index,
                                              OvOpenTaskChoice  choice);
gboolean          ov_open_tasks_is_suggested (OvOpenTasks      *self,
                                              guint             index);
/* The same choice for every task. */
void              ov_open_tasks_set_all      (OvOpenTasks      *self,
                                              OvOpenTaskChoice  choice);

/* An OvTaskChoice for each task to close or move on, for
 * ov_journey_complete_stage_with_tasks(). */
GArray           *ov_open_tasks_dup_choices  (OvOpenTasks      *self);

G_END_DECLS
