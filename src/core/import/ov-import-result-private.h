/* ov-import-result-private.h — filled in by the import engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-import-result.h"

G_BEGIN_DECLS

typedef struct
{
  OvCsvKind      kind;
  gint64         batch_id;
  gboolean       applied;
  gboolean       dry_run;
  guint          n_created;
  guint          n_updated;
  guint          n_unchanged;
  guint          n_rejected;
  guint          n_errors;
  guint          n_warnings;
  guint          n_packages_created;   /* by an accounts import, for the packages it names */
  guint          n_tasks_created;      /* by an accounts import, for the stages it entered */
  char           delimiter;
  OvCsvEncoding  encoding;
} OvImportCounts;

OvImportResult *ov_import_result_new (const OvImportCounts *counts,
                                      GPtrArray            *problems);

G_END_DECLS
