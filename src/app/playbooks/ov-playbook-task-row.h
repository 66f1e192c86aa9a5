/* ov-playbook-task-row.h — one task of a playbook, editable in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_PLAYBOOK_TASK_ROW (ov_playbook_task_row_get_type ())

G_DECLARE_FINAL_TYPE (OvPlaybookTaskRow, ov_playbook_task_row, OV, PLAYBOOK_TASK_ROW, AdwExpanderRow)

GtkWidget      *ov_playbook_task_row_new         (OvPlaybookTask    *task);
OvPlaybookTask *ov_playbook_task_row_get_task    (OvPlaybookTaskRow *self);

/* Shows the task as it is now, after the editor stored an edit. */
void            ov_playbook_task_row_refresh     (OvPlaybookTaskRow *self);

/* The items of the content library the training is chosen from
 * (OvContentItem, by title; the row keeps a reference to the array), or
 * NULL while they are read: the row offers None and the task's own
 * training until then. */
void            ov_playbook_task_row_set_trainings (OvPlaybookTaskRow *self,
                                                    GPtrArray         *items);

/* Which moves make sense where the row stands in its stage. */
void            ov_playbook_task_row_set_movable (OvPlaybookTaskRow *self,
                                                  gboolean           up,
                                                  gboolean           down);

/* Shows why an edit was refused, under the title (NULL hides it). */
void            ov_playbook_task_row_set_message (OvPlaybookTaskRow *self,
                                                  const char        *message);

/* The name of @field among the row's fields ("title", "description",
 * "role", "offset", "training"), or NULL; and the field of that name. They let the
 * editor find the same field in the row it builds after reading the
 * playbook again. */
const char     *ov_playbook_task_row_get_field_id (OvPlaybookTaskRow *self,
                                                   GtkWidget         *field);
GtkWidget      *ov_playbook_task_row_get_field    (OvPlaybookTaskRow *self,
                                                   const char        *field_id);

/* Unfolds the row and puts the cursor in the title, all of it selected. */
void            ov_playbook_task_row_edit_title  (OvPlaybookTaskRow *self);

G_END_DECLS
