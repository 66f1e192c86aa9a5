/* ov-import-index.h — the stored accounts of a re-import, by external id,
 * in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _OvImportIndex OvImportIndex;

OvImportIndex *ov_import_index_new        (gint64          max_row_id);
void           ov_import_index_free       (OvImportIndex  *self);
gboolean       ov_import_index_add        (OvImportIndex  *self,
                                           guint64         key_hash,
                                           gint64          row_id,
                                           guint64         values_hash);
gint64         ov_import_index_find       (OvImportIndex  *self,
                                           guint64         key_hash,
                                           guint64         values_hash,
                                           gboolean       *same);
void           ov_import_index_touch      (OvImportIndex  *self,
                                           gint64          row_id);
gboolean       ov_import_index_untouched  (OvImportIndex  *self,
                                           gint64          row_id);

/* A 64-bit hash fed field by field; two different sequences of fields
 * hash differently unless by a 2^-64 chance. */
typedef struct
{
  guint64 state;
} OvImportHash;

void           ov_import_hash_init        (OvImportHash   *hash,
                                           guint64         seed);
void           ov_import_hash_bytes       (OvImportHash   *hash,
                                           const char     *bytes,
                                           gsize           length);
void           ov_import_hash_int         (OvImportHash   *hash,
                                           gint64          value);
guint64        ov_import_hash_end         (OvImportHash   *hash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvImportIndex, ov_import_index_free)

G_END_DECLS
