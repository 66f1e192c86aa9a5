/* ov-package-dialog.h — add or change one package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_PACKAGE_DIALOG (ov_package_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvPackageDialog, ov_package_dialog, OV, PACKAGE_DIALOG, AdwWindow)

OvPackageDialog *ov_package_dialog_new       (GtkWindow       *parent,
                                              OvStore         *store,
                                              OvPackage       *package);
gboolean         ov_package_dialog_save      (OvPackageDialog *self);
const char      *ov_package_dialog_get_error (OvPackageDialog *self);

G_END_DECLS
