/* ov-content-view.h — the content library: its items with their
 * completion rates, added, edited, deleted and assigned here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account-list.h"
#include "ov-content-item.h"
#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_CONTENT_VIEW (ov_content_view_get_type ())

G_DECLARE_FINAL_TYPE (OvContentView, ov_content_view, OV, CONTENT_VIEW, OvView)

/* The portfolio the assign dialog chooses accounts and segments from. */
void           ov_content_view_set_accounts     (OvContentView *self,
                                                 OvAccountList *accounts);
gboolean       ov_content_view_is_loading       (OvContentView *self);
guint          ov_content_view_get_n_items      (OvContentView *self);
/* The row of the item called @title, or NULL; its item ("ov-item"), and
 * the figures it shows in its subtitle. */
AdwActionRow  *ov_content_view_find_row         (OvContentView *self,
                                                 const char    *title);
/* The dialogs a row's buttons open, for tests and the keyboard. */
GtkWindow     *ov_content_view_open_editor      (OvContentView *self,
                                                 OvContentItem *item);
GtkWindow     *ov_content_view_open_assign      (OvContentView *self,
                                                 OvContentItem *item);

G_END_DECLS
