/* ov-store-rows.h — rows of a query read one at a time, without SQLite in
 * the reader's hands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-store.h"
#include "ov-types.h"

G_BEGIN_DECLS

typedef struct _OvStoreRows OvStoreRows;

OvStoreRows *ov_store_export_rows     (OvStore      *store,
                                       OvCsvKind     kind,
                                       gboolean      count,
                                       GError      **error);
gint64       ov_store_rows_get_total  (OvStoreRows  *self);
gboolean     ov_store_rows_next       (OvStoreRows  *self,
                                       GError      **error);
gboolean     ov_store_rows_is_null    (OvStoreRows  *self,
                                       guint         column);
const char  *ov_store_rows_get_text   (OvStoreRows  *self,
                                       guint         column,
                                       gsize        *length);
gint64       ov_store_rows_get_int    (OvStoreRows  *self,
                                       guint         column);
double       ov_store_rows_get_double (OvStoreRows  *self,
                                       guint         column);
void         ov_store_rows_free       (OvStoreRows  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvStoreRows, ov_store_rows_free)

G_END_DECLS
