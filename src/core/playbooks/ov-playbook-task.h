/* ov-playbook-task.h — one task template of a playbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-content-item.h"
#include "ov-types.h"

G_BEGIN_DECLS

/* Day offsets count from the day the account enters the stage. */
#define OV_PLAYBOOK_MAX_DAY_OFFSET 365

#define OV_TYPE_PLAYBOOK_TASK (ov_playbook_task_get_type ())

G_DECLARE_FINAL_TYPE (OvPlaybookTask, ov_playbook_task, OV, PLAYBOOK_TASK, GObject)

/* Properties (explicit notify): "id" (0 until stored), "stage" (OvStage),
 * "title", "description", "role" (role id), "day-offset" (0..365),
 * "content" (the content item that is the task's training, or NULL);
 * derived, read-only: "role-title", "content-id" (0 for none) and
 * "content-title" ("" for none). */

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


/* The training the task is about: the task keeps a copy of @item (NULL:
 * none). A stored item has its id; one read from a file has id 0 until
 * the store finds it in the library or adds it. */
OvContentItem  *ov_playbook_task_get_content    (OvPlaybookTask *self);
void            ov_playbook_task_set_content    (OvPlaybookTask *self,
                                                 OvContentItem  *item);
gint64          ov_playbook_task_get_content_id (OvPlaybookTask *self);
const char     *ov_playbook_task_get_content_title (OvPlaybookTask *self);

/* Every field the user edits, and the training, are the same (ids are
 * not compared). */
gboolean        ov_playbook_task_equal_fields   (OvPlaybookTask *a,
                                                 OvPlaybookTask *b);
/* Sets on @to the fields ov_playbook_task_equal_fields() compares. */
void            ov_playbook_task_copy_fields    (OvPlaybookTask *to,
                                                 OvPlaybookTask *from);

G_END_DECLS
