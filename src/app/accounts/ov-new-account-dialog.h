/* ov-new-account-dialog.h — asks for the first facts of a new account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_NEW_ACCOUNT_DIALOG (ov_new_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvNewAccountDialog, ov_new_account_dialog, OV, NEW_ACCOUNT_DIALOG, AdwWindow)

OvNewAccountDialog *ov_new_account_dialog_new (GtkWindow *parent,
                                               OvStore   *store);
/* The currency of revenue typed without one; USD unless set. */
void                ov_new_account_dialog_set_currency (OvNewAccountDialog *self,
                                                        const char         *currency);

G_END_DECLS
