/* ov-import-private.h — what the import engine and the per-kind row
 * handlers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ov-csv-columns.h"
#include "ov-csv-reader.h"
#include "ov-date.h"
#include "ov-import-index.h"
#include "ov-importer.h"
#include "ov-store-private.h"

G_BEGIN_DECLS

/* Errors listed one by one; beyond this many, only counted. */
#define OV_IMPORT_MAX_LISTED 100
#define OV_IMPORT_MAX_FIELDS 20

/* A piece of a row's text: bound with its length, never copied. */
typedef struct
{
  const char *str;
  int         len;
} OvSlice;

/* Field indexes, in the order of the tables in ov-csv-columns.c. */
enum {
  ACCOUNT_EXTERNAL_ID,
  ACCOUNT_NAME,
  ACCOUNT_SEGMENT,
  ACCOUNT_OWNER,
  ACCOUNT_SALES_OWNER,
  ACCOUNT_ARR,
  ACCOUNT_CURRENCY,
  ACCOUNT_STAGE,
  ACCOUNT_STATUS,
  ACCOUNT_CLOSE_DATE,
  ACCOUNT_KICKOFF_DATE,
  ACCOUNT_GOLIVE_DATE,
  ACCOUNT_FIRST_VALUE_DATE,
  ACCOUNT_FIRST_VALUE_MILESTONE,
  ACCOUNT_PACKAGE,
  ACCOUNT_NOTES,
  N_ACCOUNT_FIELDS
};

/* People, tasks and metrics name their account in their first two fields. */
enum {
  REF_ACCOUNT_EXTERNAL_ID,
  REF_ACCOUNT,
};

enum {
  PERSON_NAME = 2,
  PERSON_FIRST_NAME,
  PERSON_LAST_NAME,
  PERSON_EMAIL,
  PERSON_SIDE,
  PERSON_ROLES,
  N_PERSON_FIELDS
};

enum {
  TASK_STAGE = 2,
  TASK_TITLE,
  TASK_DESCRIPTION,
  TASK_ROLE,
  TASK_DUE_DATE,
  TASK_DONE_DATE,
  N_TASK_FIELDS
};

enum {
  METRIC_METRIC = 2,
  METRIC_VALUE,
  METRIC_MEASURED_ON,
  METRIC_BASELINE,
  N_METRIC_FIELDS
};

typedef struct _OvImportRun OvImportRun;

typedef struct
{
  /* Whether the mapped columns are enough; adds problems if not. */
  gboolean (*check_columns) (OvImportRun     *run);
  /* Handles one row. Problems with the row are reported with
   * ov_import_run_reject() and end as OV_IMPORT_ACTION_REJECT; FALSE means
   * the database failed and the import stops. */
  gboolean (*import_row)    (OvImportRun     *run,
                             OvImportAction  *action,
                             GError         **error);
  /* Writes what import_row() held back; may be NULL. */
  gboolean (*finish)        (OvImportRun     *run,
                             GError         **error);
  /* SQL run by undo, each with ?1 = batch id. */
  const char *restore_sql;
  const char *restore_extra_sql[2];   /* may be NULL */
  const char *delete_created_sql;  /* also binds ?2, ?3 = created id range */
  const char *table;
} OvImportKindClass;

struct _OvImportRun
{
  OvImporter              *importer;
  OvCsvKind                kind;
  const OvImportKindClass *klass;
  OvStore                 *store;
  OvCsvReader             *reader;
  const OvCsvRow          *row;
  GCancellable            *cancellable;

  const OvCsvField        *fields;
  guint                    n_fields;
  int                      column_of[OV_IMPORT_MAX_FIELDS];   /* -1: not in the file */
  OvDateOrder              date_order[OV_IMPORT_MAX_FIELDS];
  guint                    date_order_line[OV_IMPORT_MAX_FIELDS];
  char                    *date_order_text[OV_IMPORT_MAX_FIELDS];
  guint                    date_conflict_line[OV_IMPORT_MAX_FIELDS];   /* 0: none */
  char                    *date_conflict_text[OV_IMPORT_MAX_FIELDS];
  gboolean                 dates_prescanned;
  gboolean                 restart;

  gboolean                 dry_run;
  gboolean                 skip_invalid;
  OvDateOrder              user_date_order;
  guint                    max_rows;

  gint64                   batch_id;
  gint64                   first_created;
  gint64                   last_created;
  guint                    n_created;
  guint                    n_updated;
  guint                    n_unchanged;
  guint                    n_rejected;
  GPtrArray               *problems;
  guint                    n_errors;
  guint                    n_warnings;
  guint                    n_listed_errors;
  guint                    row_errors;
  gboolean                 fatal;

  /* The stored row the current row names (set by ov_import_run_seen()),
   * and the rows matched by earlier rows that changed nothing, as bits
   * (key: row id / bits per pointer): those are in no table to look at. */
  gint64                   matched_id;
  GHashTable              *unchanged;

  /* Copies of cells, freed before the next row. */
  GPtrArray               *row_strings;
  GPtrArray               *row_problems;   /* this row's problems, for previews */

  /* Looking up accounts by name needs an index of name keys; it is built
   * on first need, in a temporary table. */
  gboolean                 accounts_lookup;
  gboolean                 names_ready;
  gboolean                 any_without_external_id;

  /* A re-import's stored accounts, in memory (ov-import-index.c): looked
   * at once per attempt, at its first row; NULL when it does not pay. */
  OvImportIndex           *account_index;
  gboolean                 account_index_tried;
  guint64                  source_size;   /* bytes, 0 when unknown */

  /* Statements of the hot path, prepared once per run, and the per-kind
   * state of a run. */
  sqlite3_stmt            *hot[2];
  gpointer                 kind_data;
  GDestroyNotify           kind_data_free;

  char                     now[32];
  char                     today[11];
};

extern const OvImportKindClass ov_import_accounts_class;
extern const OvImportKindClass ov_import_people_class;
extern const OvImportKindClass ov_import_tasks_class;
extern const OvImportKindClass ov_import_metrics_class;

/* Reporting */
void        ov_import_run_reject        (OvImportRun   *run,
                                         int            field,
                                         OvCsvError     code,
                                         const char    *format,
                                         ...) G_GNUC_PRINTF (4, 5);
void        ov_import_run_problem       (OvImportRun   *run,
                                         OvCsvProblem  *problem);
void        ov_import_run_missing_column (OvImportRun  *run,
                                          const char   *message);

/* Reading cells of the current row */
gboolean    ov_import_run_has           (OvImportRun   *run,
                                         int            field);
OvSlice     ov_import_run_text          (OvImportRun   *run,
                                         int            field);
OvSlice     ov_import_run_key           (OvImportRun   *run,
                                         int            field);
const char *ov_import_run_dup           (OvImportRun   *run,
                                         OvSlice        slice);
gboolean    ov_import_run_date          (OvImportRun   *run,
                                         int            field,
                                         OvDate        *date);
gboolean    ov_import_run_stage         (OvImportRun   *run,
                                         int            field,
                                         OvStage       *stage);
gboolean    ov_import_run_status        (OvImportRun   *run,
                                         int            field,
                                         int           *status);
gboolean    ov_import_run_boolean       (OvImportRun   *run,
                                         int            field,
                                         gboolean      *value);
gboolean    ov_import_run_number        (OvImportRun   *run,
                                         int            field,
                                         double        *value);
const char *ov_import_run_role          (OvImportRun   *run,
                                         int            field,
                                         OvSlice        text);

/* Accounts by external id or name */
gboolean    ov_import_run_check_account_columns (OvImportRun *run);
gboolean    ov_import_run_find_account  (OvImportRun   *run,
                                         gint64        *account_id,
                                         GError       **error);
gboolean    ov_import_run_name_matches  (OvImportRun   *run,
                                         OvSlice        name,
                                         gboolean       without_external_id,
                                         GArray        *ids,
                                         GError       **error);
gboolean    ov_import_run_name_added    (OvImportRun   *run,
                                         gint64         account_id,
                                         OvSlice        name,
                                         gboolean       has_external_id,
                                         gboolean       replace,
                                         GError       **error);
void        ov_import_name_key          (const char    *text,
                                         gsize          length,
                                         GString       *key);

/* Writing */
gboolean    ov_import_run_step          (OvImportRun   *run,
                                         sqlite3_stmt  *stmt,
                                         gboolean      *constraint,
                                         GError       **error);
gboolean    ov_import_run_savepoint     (OvImportRun   *run,
                                         GError       **error);
gboolean    ov_import_run_release       (OvImportRun   *run,
                                         GError       **error);
void        ov_import_run_rollback_row  (OvImportRun   *run);
gboolean    ov_import_run_seen          (OvImportRun   *run,
                                         const char    *sql,
                                         gint64         row_id,
                                         gboolean      *seen,
                                         GError       **error);
void        ov_import_run_mark_unchanged (OvImportRun *run,
                                          gint64       row_id);
gboolean    ov_import_run_backup        (OvImportRun   *run,
                                         const char    *sql,
                                         gint64         row_id,
                                         GError       **error);
void        ov_import_run_created       (OvImportRun   *run,
                                         gint64         row_id);

void        ov_bind_slice               (sqlite3_stmt  *stmt,
                                         int            index,
                                         OvSlice        slice);
void        ov_bind_slice_or_null       (sqlite3_stmt  *stmt,
                                         int            index,
                                         OvSlice        slice);
void        ov_bind_date                (sqlite3_stmt  *stmt,
                                         int            index,
                                         OvDate         date);
gboolean    ov_slice_equal              (OvSlice        slice,
                                         const char    *text);

G_END_DECLS
