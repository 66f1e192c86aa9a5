/* ov-store-packages.h — the premium packages, and the accounts' link to one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-package.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* Every package (OvPackage), by name whatever its case. */
GPtrArray *ov_store_list_packages          (OvStore     *self,
                                            GError     **error);
OvPackage *ov_store_get_package            (OvStore     *self,
                                            gint64       package_id,
                                            GError     **error);
/* The package named @name whatever its case and the spaces around it;
 * NULL without setting @error when there is none. */
OvPackage *ov_store_find_package           (OvStore     *self,
                                            const char  *name,
                                            GError     **error);
/* How many accounts (not deleted) have the package. */
gint64     ov_store_count_package_accounts (OvStore     *self,
                                            gint64       package_id,
                                            GError     **error);

/* Validates and inserts @package (its id must be 0), trimmed; sets its id
 * and version. Refused (OV_PACKAGE_ERROR_DUPLICATE) when another package
 * has the name, whatever its case. Emits "packages". */
gboolean   ov_store_add_package            (OvStore     *self,
                                            OvPackage   *package,
                                            GError     **error);
/* Validates and writes a stored package, read at its version (else
 * OV_STORE_ERROR_CONFLICT). A new name is the name its accounts show from
 * then on. Emits "packages", and "accounts" when the name changed. */
gboolean   ov_store_update_package         (OvStore     *self,
                                            OvPackage   *package,
                                            GError     **error);
/* Deletes the package, read at its version; the accounts that had it
 * have none from then on (their versions move on). Emits "packages", and
 * "accounts" when any had it. */
gboolean   ov_store_delete_package         (OvStore     *self,
                                            OvPackage   *package,
                                            GError     **error);

G_END_DECLS
