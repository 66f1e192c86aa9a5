/* ov-playbook-task.h — one task template of a playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-types.h"

G_BEGIN_DECLS

/* Day offsets count from the day the account enters the stage. */
#define OV_PLAYBOOK_MAX_DAY_OFFSET 365

#define OV_TYPE_PLAYBOOK_TASK (ov_playbook_task_get_type ())

G_DECLARE_FINAL_TYPE (OvPlaybookTask, ov_playbook_task, OV, PLAYBOOK_TASK, GObject)

/* Properties (explicit notify): "id" (0 until stored), "stage" (OvStage),
 * "title", "description", "role" (role id), "day-offset" (0..365); derived,
 * read-only: "role-title". */

OvPlaybookTask *ov_playbook_task_new            (OvStage         stage,
                                                 const char     *title,
                                                 const char     *description,
                                                 const char     *role,
                                                 int             day_offset);
OvPlaybookTask *ov_playbook_task_copy           (OvPlaybookTask *self);

gint64          ov_playbook_task_get_id         (OvPlaybookTask *self);
void            ov_playbook_task_set_id         (OvPlaybookTask *self,
                                                 gint64          id);
OvStage         ov_playbook_task_get_stage      (OvPlaybookTask *self);
void            ov_playbook_task_set_stage      (OvPlaybookTask *self,
                                                 OvStage         stage);
const char     *ov_playbook_task_get_title      (OvPlaybookTask *self);
void            ov_playbook_task_set_title      (OvPlaybookTask *self,
                                                 const char     *title);
const char     *ov_playbook_task_get_description (OvPlaybookTask *self);
void            ov_playbook_task_set_description (OvPlaybookTask *self,
                                                  const char     *description);
const char     *ov_playbook_task_get_role       (OvPlaybookTask *self);
void            ov_playbook_task_set_role       (OvPlaybookTask *self,
                                                 const char     *role);
int             ov_playbook_task_get_day_offset (OvPlaybookTask *self);
void            ov_playbook_task_set_day_offset (OvPlaybookTask *self,
                                                 int             day_offset);

G_END_DECLS
