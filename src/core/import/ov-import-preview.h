/* ov-import-preview.h — what an import would do with the first rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-csv-problem.h"
#include "ov-import-result.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_TYPE_IMPORT_PREVIEW (ov_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (OvImportPreview, ov_import_preview, OV, IMPORT_PREVIEW, GObject)

OvCsvKind           ov_import_preview_get_kind           (OvImportPreview *self);
char                ov_import_preview_get_delimiter      (OvImportPreview *self);
OvCsvEncoding       ov_import_preview_get_encoding       (OvImportPreview *self);
guint               ov_import_preview_get_n_columns      (OvImportPreview *self);
const char         *ov_import_preview_get_column_name    (OvImportPreview *self,
                                                          guint            column);
const char         *ov_import_preview_get_column_field   (OvImportPreview *self,
                                                          guint            column);
gboolean            ov_import_preview_get_column_is_set  (OvImportPreview *self,
                                                          guint            column);
guint               ov_import_preview_get_n_rows         (OvImportPreview *self);
guint               ov_import_preview_get_row_line       (OvImportPreview *self,
                                                          guint            row);
const char         *ov_import_preview_get_cell           (OvImportPreview *self,
                                                          guint            row,
                                                          guint            column);
OvImportAction      ov_import_preview_get_row_action     (OvImportPreview *self,
                                                          guint            row);
guint               ov_import_preview_get_row_n_problems (OvImportPreview *self,
                                                          guint            row);
const OvCsvProblem *ov_import_preview_get_row_problem    (OvImportPreview *self,
                                                          guint            row,
                                                          guint            index);
guint               ov_import_preview_get_n_problems     (OvImportPreview *self);
const OvCsvProblem *ov_import_preview_get_problem        (OvImportPreview *self,
                                                          guint            index);
OvImportResult     *ov_import_preview_get_result         (OvImportPreview *self);

G_END_DECLS
