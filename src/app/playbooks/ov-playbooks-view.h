/* ov-playbooks-view.h — the playbooks: list, editor, files in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_PLAYBOOKS_VIEW (ov_playbooks_view_get_type ())

G_DECLARE_FINAL_TYPE (OvPlaybooksView, ov_playbooks_view, OV, PLAYBOOKS_VIEW, OvView)


/* The portfolio, for the segments a playbook can be the default for. */
void     ov_playbooks_view_set_accounts    (OvPlaybooksView *self,
                                            OvAccountList   *accounts);

/* Shows @playbook_id in the editor; FALSE when it is not in the list. */
gboolean ov_playbooks_view_select          (OvPlaybooksView *self,
                                            gint64           playbook_id);
gint64   ov_playbooks_view_get_selected_id (OvPlaybooksView *self);

/* What the file chooser starts: the file work runs in a thread while
 * "busy" is TRUE. A refused import shows the core's message in a dialog;
 * a good one is selected. */
void     ov_playbooks_view_export_to_file  (OvPlaybooksView *self,
                                            gint64           playbook_id,
                                            GFile           *file);
void     ov_playbooks_view_import_file     (OvPlaybooksView *self,
                                            GFile           *file);
gboolean ov_playbooks_view_get_busy        (OvPlaybooksView *self);

G_END_DECLS
