/* ov-importer.h — CSV files into the portfolio, all or nothing, undoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-import-preview.h"
#include "ov-import-result.h"
#include "ov-progress.h"
#include "ov-store.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_TYPE_IMPORTER (ov_importer_get_type ())

G_DECLARE_FINAL_TYPE (OvImporter, ov_importer, OV, IMPORTER, GObject)

OvImporter      *ov_importer_new_for_file       (OvCsvKind             kind,
                                                 GFile                *file);
OvImporter      *ov_importer_new_for_bytes      (OvCsvKind             kind,
                                                 GBytes               *bytes,
                                                 const char           *source_name);
OvCsvKind        ov_importer_get_kind           (OvImporter           *self);
const char      *ov_importer_get_source_name    (OvImporter           *self);
char             ov_importer_get_delimiter      (OvImporter           *self);
void             ov_importer_set_delimiter      (OvImporter           *self,
                                                 char                  delimiter);
OvCsvEncoding    ov_importer_get_encoding       (OvImporter           *self);
void             ov_importer_set_encoding       (OvImporter           *self,
                                                 OvCsvEncoding         encoding);
OvDateOrder      ov_importer_get_date_order     (OvImporter           *self);
void             ov_importer_set_date_order     (OvImporter           *self,
                                                 OvDateOrder           order);
gboolean         ov_importer_get_skip_invalid   (OvImporter           *self);
void             ov_importer_set_skip_invalid   (OvImporter           *self,
                                                 gboolean              skip_invalid);
gboolean         ov_importer_get_dry_run        (OvImporter           *self);
void             ov_importer_set_dry_run        (OvImporter           *self,
                                                 gboolean              dry_run);
void             ov_importer_set_column_field   (OvImporter           *self,
                                                 guint                 column,
                                                 const char           *field);
void             ov_importer_reset_column_field (OvImporter           *self,
                                                 guint                 column);

OvImportPreview *ov_importer_preview            (OvImporter           *self,
                                                 OvStore              *store,
                                                 guint                 max_rows,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
OvImportResult  *ov_importer_run                (OvImporter           *self,
                                                 OvStore              *store,
                                                 OvProgressFunc        progress,
                                                 gpointer              progress_data,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void             ov_importer_run_async          (OvImporter           *self,
                                                 OvStore              *store,
                                                 OvProgressFunc        progress,
                                                 gpointer              progress_data,
                                                 GDestroyNotify        progress_data_destroy,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
OvImportResult  *ov_importer_run_finish         (OvImporter           *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
