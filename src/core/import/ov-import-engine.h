/* ov-import-engine.h — what the import engine's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-importer.c        the object: settings, mapping overrides, run, preview, async
 * ov-import-columns.c  the file opened, its header mapped, numeric dates decided
 * ov-import-run.c      one run: the rows, counted, in one transaction
 * ov-import-journal.c  the batch row, the journal mode, other connections
 * ov-import-<kind>.c   what a row of each kind does (OvImportKindClass)
 */

#pragma once

#include "ov-importer-private.h"
#include "ov-import-preview-private.h"
#include "ov-import-private.h"
#include "ov-import-result-private.h"

G_BEGIN_DECLS

/* The import's connection may use this much memory for its page cache. */
#define IMPORT_CACHE_KIB 16384

/* Unknown columns named in the summary; the others are counted. */
#define MAX_NAMED_UNKNOWN 10

struct _OvImporter
{
  GObject        parent_instance;

  OvCsvKind      kind;
  GFile         *file;
  GBytes        *bytes;
  char          *source_name;
  char           delimiter;
  OvCsvEncoding  encoding;
  OvDateOrder    date_order;
  gboolean       skip_invalid;
  gboolean       dry_run;
  GHashTable    *overrides;     /* column + 1 → field id, "" to ignore it */
  OvImporterHook before_transaction;
  gpointer       before_transaction_data;
};


typedef struct
{
  OvProgressFunc func;
  gpointer       data;
  guint64        total;
  int            last_percent;
} Progress;

/* ov-import-columns.c */
void ov_import_add_fatal_problem (OvImportRun *run);
gboolean ov_import_open_reader (OvImporter   *self,
                               OvImportRun  *run,
                               Progress     *progress,
                               GError      **error);
void ov_import_map_columns (OvImporter      *self,
                           OvImportRun     *run,
                           OvImportPreview *preview);
gboolean ov_import_prescan_dates (OvImporter   *self,
                                 OvImportRun  *run,
                                 guint         max_rows,
                                 GError      **error);

/* ov-import-journal.c */
gboolean ov_import_insert_batch (OvImportRun  *run,
                                GError      **error);
gboolean ov_import_finish_batch (OvImportRun  *run,
                                GError      **error);
gboolean ov_import_table_is_empty (OvImportRun *run,
                                  gboolean    *empty,
                                  GError     **error);
char *ov_import_query_text (sqlite3    *db,
                           const char *sql);
gboolean ov_import_use_rollback_journal (OvStore *store);
gboolean ov_import_read_data_version (OvStore  *store,
                                     gint64   *version,
                                     GError  **error);
void ov_import_restore_wal (OvStore *store);
void ov_import_empty_name_index (OvStore *store);

/* ov-import-run.c */
void ov_import_report_progress (Progress    *progress,
                               OvCsvReader *reader,
                               gboolean     done);
OvImportRun *ov_import_run_new (OvImporter   *self,
                               OvStore      *store,
                               GCancellable *cancellable);
void ov_import_run_free (OvImportRun *run);
OvImportResult *ov_import_make_result (OvImportRun *run,
                                      gboolean     applied);
gboolean ov_import_engine_run (OvImporter       *self,
                              OvImportRun      *run,
                              OvImportPreview **preview,
                              Progress         *progress,
                              gboolean         *applied,
                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvImportRun, ov_import_run_free)

G_END_DECLS
