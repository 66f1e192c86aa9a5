/* ov-content-assign-dialog.h — assigning an item to one account, or to
 * every account in a stage or a segment at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-list.h"
#include "ov-content-item.h"
#include "ov-store.h"

G_BEGIN_DECLS

#define OV_TYPE_CONTENT_ASSIGN_DIALOG (ov_content_assign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvContentAssignDialog, ov_content_assign_dialog, OV,
                      CONTENT_ASSIGN_DIALOG, AdwWindow)

typedef enum
{
  OV_CONTENT_ASSIGN_ACCOUNT,
  OV_CONTENT_ASSIGN_STAGE,
  OV_CONTENT_ASSIGN_SEGMENT,
} OvContentAssignScope;

/* @accounts: the portfolio, for the account and segment to choose from;
 * @toast_widget: where the toast that says what happened, with its Undo,
 * is shown once the dialog has closed. */
OvContentAssignDialog *ov_content_assign_dialog_new       (GtkWindow             *parent,
                                                           OvStore               *store,
                                                           OvContentItem         *item,
                                                           OvAccountList         *accounts,
                                                           OvDate                 today,
                                                           GtkWidget             *toast_widget);
/* For tests and keyboard users: the scope, and what it names. */
void                   ov_content_assign_dialog_choose    (OvContentAssignDialog *self,
                                                           OvContentAssignScope   scope,
                                                           gint64                 account_id,
                                                           OvStage                stage,
                                                           const char            *segment);
/* Assigns; closes the dialog and shows the toast when the store took it. */
gboolean               ov_content_assign_dialog_assign    (OvContentAssignDialog *self);
const char            *ov_content_assign_dialog_get_error (OvContentAssignDialog *self);

G_END_DECLS
