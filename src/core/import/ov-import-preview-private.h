/* ov-import-preview-private.h — filled in by the import engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-import-preview.h"

G_BEGIN_DECLS

OvImportPreview *ov_import_preview_new         (OvCsvKind         kind,
                                                char              delimiter,
                                                OvCsvEncoding     encoding,
                                                guint             n_columns);
void             ov_import_preview_set_column  (OvImportPreview  *self,
                                                guint             column,
                                                const char       *name,
                                                const char       *field,
                                                gboolean          is_set);
void             ov_import_preview_add_row     (OvImportPreview  *self,
                                                guint             line,
                                                char            **cells,
                                                OvImportAction    action,
                                                GPtrArray        *problems);
void             ov_import_preview_add_problem (OvImportPreview  *self,
                                                const OvCsvProblem *problem);
void             ov_import_preview_set_result  (OvImportPreview  *self,
                                                OvImportResult   *result);

G_END_DECLS
