/* ov-import-preview-table.h — the first rows of a CSV file, and what the
 * import does with each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_IMPORT_PREVIEW_TABLE (ov_import_preview_table_get_type ())

G_DECLARE_FINAL_TYPE (OvImportPreviewTable, ov_import_preview_table, OV, IMPORT_PREVIEW_TABLE,
                      AdwPreferencesGroup)

void ov_import_preview_table_show (OvImportPreviewTable *self,
                                   OvImportPreview      *preview);

G_END_DECLS
