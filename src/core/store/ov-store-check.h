/* ov-store-check.h — SQLite's check of every page of a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-store-private.h"

G_BEGIN_DECLS

typedef struct _OvStoreCheck OvStoreCheck;

gboolean      ov_store_check_pages  (sqlite3       *db,
                                     const char    *path,
                                     GError       **error);
OvStoreCheck *ov_store_check_start   (OvStore       *store,
                                      gboolean       deferred);
OvStoreCheck *ov_store_check_ref     (OvStoreCheck  *self);
void          ov_store_check_unref   (OvStoreCheck  *self);
gboolean      ov_store_check_is_done (OvStoreCheck  *self);
gboolean      ov_store_check_wait    (OvStoreCheck  *self,
                                      GError       **error);

G_END_DECLS
