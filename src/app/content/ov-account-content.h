/* ov-account-content.h — the content assigned to an account, how far each
 * of its people got, and the account's completion rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_CONTENT (ov_account_content_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountContent, ov_account_content, OV, ACCOUNT_CONTENT,
                      OvAccountSection)

guint           ov_account_content_get_n_items   (OvAccountContent *self);
/* The rate shown at the top, or NULL before any account. */
const char     *ov_account_content_get_summary   (OvAccountContent *self);
/* The row of the item called @title, and in it the learner called @name,
 * and the check that marks their completion. */
AdwExpanderRow *ov_account_content_find_item     (OvAccountContent *self,
                                                  const char       *title);
AdwActionRow   *ov_account_content_find_learner  (AdwExpanderRow   *item_row,
                                                  const char       *name);
GtkCheckButton *ov_account_content_get_check     (AdwActionRow     *learner_row);

G_END_DECLS
