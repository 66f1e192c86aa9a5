/* ov-content-item-dialog.h — adding or editing an item of the content library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-content-item.h"
#include "ov-store.h"

G_BEGIN_DECLS

#define OV_TYPE_CONTENT_ITEM_DIALOG (ov_content_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvContentItemDialog, ov_content_item_dialog, OV, CONTENT_ITEM_DIALOG,
                      AdwWindow)

/* @item: (nullable): the item to edit, or NULL to add one. */
OvContentItemDialog *ov_content_item_dialog_new       (GtkWindow           *parent,
                                                       OvStore             *store,
                                                       OvContentItem       *item);
/* Saves what the fields hold; closes the dialog when the store took it,
 * else shows why. */
gboolean             ov_content_item_dialog_save      (OvContentItemDialog *self);
void                 ov_content_item_dialog_set_title (OvContentItemDialog *self,
                                                       const char          *title);
const char          *ov_content_item_dialog_get_error (OvContentItemDialog *self);

G_END_DECLS
