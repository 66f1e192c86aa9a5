/* ov-import-mapping.h — which field each column of a CSV file fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_IMPORT_MAPPING (ov_import_mapping_get_type ())

G_DECLARE_FINAL_TYPE (OvImportMapping, ov_import_mapping, OV, IMPORT_MAPPING,
                      AdwPreferencesGroup)

void      ov_import_mapping_set_kind       (OvImportMapping *self,
                                            OvCsvKind        kind);
void      ov_import_mapping_forget_choices (OvImportMapping *self);
void      ov_import_mapping_apply          (OvImportMapping *self,
                                            OvImporter      *importer);
void      ov_import_mapping_show           (OvImportMapping *self,
                                            OvImportPreview *preview);

G_END_DECLS
