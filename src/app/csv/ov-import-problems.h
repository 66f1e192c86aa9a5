/* ov-import-problems.h — what is wrong with a CSV file, line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_IMPORT_PROBLEMS (ov_import_problems_get_type ())

G_DECLARE_FINAL_TYPE (OvImportProblems, ov_import_problems, OV, IMPORT_PROBLEMS,
                      AdwPreferencesGroup)

void ov_import_problems_show_preview (OvImportProblems *self,
                                      OvImportPreview  *preview);
void ov_import_problems_show_result  (OvImportProblems *self,
                                      OvImportResult   *result);
void ov_import_problems_clear        (OvImportProblems *self);

G_END_DECLS
