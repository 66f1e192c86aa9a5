/* ov-packages-dialog.h — the package records: list, add, change, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_PACKAGES_DIALOG (ov_packages_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvPackagesDialog, ov_packages_dialog, OV, PACKAGES_DIALOG, AdwWindow)

OvPackagesDialog *ov_packages_dialog_new        (GtkWindow        *parent,
                                                 OvStore          *store);
AdwActionRow     *ov_packages_dialog_find_row   (OvPackagesDialog *self,
                                                 const char       *name);
guint             ov_packages_dialog_get_n_rows (OvPackagesDialog *self);
void              ov_packages_dialog_delete     (OvPackagesDialog *self,
                                                 OvPackage        *package);

G_END_DECLS
