/* ov-export-dialog.h — choose what to export as CSV, and write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-window.h"

G_BEGIN_DECLS

#define OV_TYPE_EXPORT_DIALOG (ov_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvExportDialog, ov_export_dialog, OV, EXPORT_DIALOG, AdwWindow)

OvExportDialog *ov_export_dialog_new            (OvWindow       *window);
char           *ov_export_dialog_suggest_name   (OvExportDialog *self);
void            ov_export_dialog_export_to_file (OvExportDialog *self,
                                                 GFile          *file);
gboolean        ov_export_dialog_get_busy       (OvExportDialog *self);

G_END_DECLS
