/* ov-account-package.h — the account's package: a picker, its price and
 * services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_PACKAGE (ov_account_package_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountPackage, ov_account_package, OV, ACCOUNT_PACKAGE,
                      OvAccountSection)

/* Chooses the package named @name (NULL: none) as the picker would;
 * FALSE when there is no such package or it could not be saved. */
gboolean    ov_account_package_choose    (OvAccountPackage *self,
                                          const char       *name);
const char *ov_account_package_get_error (OvAccountPackage *self);

G_END_DECLS
