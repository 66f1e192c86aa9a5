/* ov-import-result.h — what an import did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-csv-problem.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_TYPE_IMPORT_RESULT (ov_import_result_get_type ())

G_DECLARE_FINAL_TYPE (OvImportResult, ov_import_result, OV, IMPORT_RESULT, GObject)

gint64              ov_import_result_get_batch_id     (OvImportResult *self);
gboolean            ov_import_result_get_applied      (OvImportResult *self);
gboolean            ov_import_result_get_dry_run      (OvImportResult *self);
OvCsvKind           ov_import_result_get_kind         (OvImportResult *self);
guint               ov_import_result_get_n_created    (OvImportResult *self);
guint               ov_import_result_get_n_updated    (OvImportResult *self);
guint               ov_import_result_get_n_unchanged  (OvImportResult *self);
guint               ov_import_result_get_n_rejected   (OvImportResult *self);
guint               ov_import_result_get_n_errors     (OvImportResult *self);
guint               ov_import_result_get_n_warnings   (OvImportResult *self);
guint               ov_import_result_get_n_packages_created (OvImportResult *self);
guint               ov_import_result_get_n_tasks_created    (OvImportResult *self);
guint               ov_import_result_get_n_problems   (OvImportResult *self);
const OvCsvProblem *ov_import_result_get_problem      (OvImportResult *self,
                                                       guint           index);
char                ov_import_result_get_delimiter    (OvImportResult *self);
OvCsvEncoding       ov_import_result_get_encoding     (OvImportResult *self);
gboolean            ov_import_result_needs_date_order (OvImportResult *self);

G_END_DECLS
