/* ov-person-dialog.h — add or change one person of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_PERSON_DIALOG (ov_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvPersonDialog, ov_person_dialog, OV, PERSON_DIALOG, AdwWindow)

OvPersonDialog *ov_person_dialog_new          (GtkWindow      *parent,
                                               OvStore        *store,
                                               gint64          account_id,
                                               OvPerson       *person,
                                               OvSide          side);
GtkCheckButton *ov_person_dialog_get_role_check (OvPersonDialog *self,
                                                 const char     *role);
void            ov_person_dialog_save         (OvPersonDialog *self);
const char     *ov_person_dialog_get_error    (OvPersonDialog *self);

G_END_DECLS
