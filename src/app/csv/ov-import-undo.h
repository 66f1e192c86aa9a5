/* ov-import-undo.h — after an import: its toast and its Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-window.h"

G_BEGIN_DECLS

char *ov_import_join_counts (OvImportResult *result,
                             gboolean        done);
char *ov_import_join_numbers (guint          n_created,
                              guint          n_updated,
                              guint          n_unchanged,
                              guint          n_rejected,
                              gboolean       done);
void  ov_import_undo_start  (OvWindow       *window,
                             gint64          batch_id,
                             OvCsvKind       kind);
gboolean ov_import_undo_last (OvWindow      *window);
void  ov_import_announce    (OvWindow       *window,
                             OvImportResult *result);

G_END_DECLS
