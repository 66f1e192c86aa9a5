/* ov-import-options.h — how a CSV file is read: its contents, separator,
 * encoding and date order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

/* What the user changed, as told by OvImportOptions::changed. */
typedef enum
{
  OV_IMPORT_OPTION_KIND,
  OV_IMPORT_OPTION_DELIMITER,
  OV_IMPORT_OPTION_ENCODING,
  OV_IMPORT_OPTION_DATE_ORDER,
} OvImportOption;

#define OV_TYPE_IMPORT_OPTIONS (ov_import_options_get_type ())

G_DECLARE_FINAL_TYPE (OvImportOptions, ov_import_options, OV, IMPORT_OPTIONS,
                      AdwPreferencesGroup)

OvCsvKind   ov_import_options_get_kind     (OvImportOptions *self);
OvImporter *ov_import_options_new_importer (OvImportOptions *self,
                                            GFile           *file);
gboolean    ov_import_options_guess_kind   (OvImportOptions *self,
                                            OvImportPreview *preview);
void        ov_import_options_show         (OvImportOptions *self,
                                            OvImportPreview *preview,
                                            OvImportResult  *check);

G_END_DECLS
