/* ov-playbook-editor.h — one playbook: its facts and its tasks per stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_PLAYBOOK_EDITOR (ov_playbook_editor_get_type ())

G_DECLARE_FINAL_TYPE (OvPlaybookEditor, ov_playbook_editor, OV, PLAYBOOK_EDITOR, OvView)

void        ov_playbook_editor_set_accounts    (OvPlaybookEditor *self,
                                                OvAccountList    *accounts);

/* Edits a copy of @playbook (NULL: nothing). */
void        ov_playbook_editor_set_playbook    (OvPlaybookEditor *self,
                                                OvPlaybook       *playbook);
OvPlaybook *ov_playbook_editor_get_playbook    (OvPlaybookEditor *self);
gint64      ov_playbook_editor_get_playbook_id (OvPlaybookEditor *self);

/* Shows the way back to the list (when the view is folded). */
void        ov_playbook_editor_set_show_back   (OvPlaybookEditor *self,
                                                gboolean          show_back);

/* Fills the list of segments offered for "Default for Segment" with those
 * of the portfolio's accounts (done each time the list opens). */
void        ov_playbook_editor_update_segments (OvPlaybookEditor *self);

/* Puts the cursor in the name, all of it selected (for a new playbook). */
void        ov_playbook_editor_edit_name       (OvPlaybookEditor *self);

/* The row of the task at @position (from 0) of @stage, or NULL. */
GtkWidget  *ov_playbook_editor_get_task_row    (OvPlaybookEditor *self,
                                                OvStage           stage,
                                                guint             position);

/* The message of the edit the core refused last ("" when none). */
const char *ov_playbook_editor_get_error       (OvPlaybookEditor *self);

G_END_DECLS
