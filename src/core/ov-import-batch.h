/* ov-import-batch.h — recorded imports, and taking one back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-store.h"
#include "ov-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;
  OvCsvKind  kind;
  char      *source;          /* the file's name */
  char      *imported_at;     /* UTC, ISO 8601 */
  guint      n_created;
  guint      n_updated;
  guint      n_unchanged;
  guint      n_rejected;
  char      *undone_at;       /* NULL unless undone */
} OvImportBatch;

#define OV_TYPE_IMPORT_BATCH (ov_import_batch_get_type ())

GType          ov_import_batch_get_type     (void) G_GNUC_CONST;
OvImportBatch *ov_import_batch_copy         (const OvImportBatch *batch);
void           ov_import_batch_free         (OvImportBatch       *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvImportBatch, ov_import_batch_free)

GPtrArray     *ov_store_list_import_batches (OvStore             *store,
                                             GError             **error);
OvImportBatch *ov_store_get_import_batch    (OvStore             *store,
                                             gint64               id,
                                             GError             **error);
gboolean       ov_store_undo_import         (OvStore             *store,
                                             gint64               id,
                                             guint               *n_removed,
                                             guint               *n_restored,
                                             GError             **error);

G_END_DECLS
