/* ov-import-dialog.h — choose how a CSV file is read, preview it, import it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-window.h"

G_BEGIN_DECLS

#define OV_TYPE_IMPORT_DIALOG (ov_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvImportDialog, ov_import_dialog, OV, IMPORT_DIALOG, AdwWindow)

OvImportDialog *ov_import_dialog_new_for_file (OvWindow       *window,
                                               GFile          *file);
void            ov_import_dialog_choose_file  (OvWindow       *window);
GFile          *ov_import_dialog_get_file     (OvImportDialog *self);
OvCsvKind       ov_import_dialog_get_kind     (OvImportDialog *self);
gboolean        ov_import_dialog_get_busy     (OvImportDialog *self);

G_END_DECLS
