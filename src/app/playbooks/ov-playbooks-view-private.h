/* ov-playbooks-view-private.h — what the playbooks view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-playbooks-view.c        the list, the editor beside it, new, duplicate,
 *                            delete and its undo
 * ov-playbooks-view-files.c  playbook files in and out (playbooks.import,
 *                            playbooks.export)
 */

#pragma once

#include "ov-playbook-editor.h"
#include "ov-playbooks-view.h"

G_BEGIN_DECLS

struct _OvPlaybooksView
{
  OvView                parent_instance;

  GListStore           *playbooks;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gint64                selected_id;
  gboolean              reloading;
  gboolean              stale;
  gboolean              busy;

  /* Template widgets */
  GtkStack             *stack;
  AdwLeaflet           *leaflet;
  GtkLabel             *count_label;
  GtkListBox           *list_box;
  OvPlaybookEditor     *editor;
  GtkWidget            *empty_new_button;
};

void ov_playbooks_view_add_toast     (OvPlaybooksView *self,
                                      AdwToast        *toast);
void ov_playbooks_view_show_message  (OvPlaybooksView *self,
                                      const char      *heading,
                                      const char      *body);
void ov_playbooks_view_set_busy      (OvPlaybooksView *self,
                                      gboolean         busy);
void ov_playbooks_view_show_editor  (OvPlaybooksView *self);
void ov_playbooks_view_import_action (GtkWidget       *widget,
                                      const char      *action_name,
                                      GVariant        *parameter);
void ov_playbooks_view_export_action (GtkWidget       *widget,
                                      const char      *action_name,
                                      GVariant        *parameter);

G_END_DECLS
