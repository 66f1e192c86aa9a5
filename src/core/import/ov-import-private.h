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
  ACCOUNT_CHURNED_ON,
  N_ACCOUNT_FIELDS,
  /* Import only: it dates the stage event, and is not an account's field. */
  ACCOUNT_STAGE_ENTERED_ON = N_ACCOUNT_FIELDS,
};

/* People, tasks, metrics and meetings name their account in their first
 * two fields. */
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
  METRIC_NOTE,
  N_METRIC_FIELDS
};

enum {
  MEETING_SCHEDULED_ON = 2,
  MEETING_ATTENDED,
  MEETING_KIND,
  MEETING_NOTE,
  N_MEETING_FIELDS
};

enum {
  PACKAGE_NAME,
  PACKAGE_PRICE,
  PACKAGE_CURRENCY,
  PACKAGE_SERVICES,
  N_PACKAGE_FIELDS
};

enum {
  INTERVIEW_INTERVIEWED_ON = 2,
  INTERVIEW_INTERVIEWER,
  INTERVIEW_INTERVIEWEE,
  INTERVIEW_QUESTION,
  INTERVIEW_ANSWER,
  N_INTERVIEW_FIELDS
};

enum {
  CONTENT_TITLE,
  CONTENT_FORMAT,
  CONTENT_ROLE,
  CONTENT_STAGE,
  CONTENT_LOCATION,
  CONTENT_DURATION,
  N_CONTENT_FIELDS
};

enum {
  COMPLETION_EMAIL,
  COMPLETION_COURSE,
  COMPLETION_STATUS,
  COMPLETION_PROGRESS,
  COMPLETION_COMPLETED_AT,
  COMPLETION_PERSON,
  COMPLETION_ACCOUNT,
  N_COMPLETION_FIELDS
};

typedef struct _OvImportRun OvImportRun;
typedef struct _OvImportBackups OvImportBackups;
typedef struct _OvImportPackages OvImportPackages;

typedef struct
{
  /* Whether the mapped columns are enough; adds problems if not. */
  gboolean (*check_columns) (OvImportRun     *run);
  /* Before the transaction: reads what the rows will need, writing
   * nothing; may be NULL. */
  gboolean (*prepare)       (OvImportRun     *run,
                             GError         **error);
  /* Handles one row. Problems with the row are reported with
   * ov_import_run_reject() and end as OV_IMPORT_ACTION_REJECT; FALSE means
   * the database failed and the import stops. */
  gboolean (*import_row)    (OvImportRun     *run,
                             OvImportAction  *action,
                             GError         **error);
  /* Writes what import_row() held back; may be NULL. */
  gboolean (*finish)        (OvImportRun     *run,
                             GError         **error);
  const char *table;
  /* SQL run by undo, each with ?1 = batch id, and ?2, ?3 = the range of
   * created ids where it names them; built with the OV_UNDO_ macros below.
   * A row is as its batch left it while its version is the one the batch
   * left it at: undo changes no other row. */
  const char *updated_sql;            /* per backup: gone, edited since, name */
  const char *created_sql;            /* per created row still there: edited since, name */
  const char *children_sql;           /* may be NULL: rows others added to created rows */
  const char *propagate_sql[2];       /* earlier batches learn the versions restored */
  const char *restore_extra_sql[3];   /* may be NULL; run before restore_sql */
  const char *restore_sql;            /* the rows as left get their values back */
  const char *delete_created_sql;     /* ?4: also the created rows edited since */
  const char *cleanup_sql;            /* may be NULL: last, what the batch made on the side */
} OvImportKindClass;

/* The backups of batch ?1 whose rows are as it left them (as b and t). */
#define OV_UNDO_AS_LEFT(table, live)                                                  \
  "FROM import_backups AS b JOIN " table " AS t ON t.id = b.row_id "                  \
  "AND t.version = b.left_version AND (" live ") "

#define OV_UNDO_UPDATED_SQL(table, live, name, old_name)                              \
  "SELECT t.id IS NULL OR NOT (" live "), t.version IS NOT b.left_version, "          \
  "COALESCE (" name ", " old_name ", '#' || b.row_id) "                               \
  "FROM import_backups AS b LEFT JOIN " table " AS t ON t.id = b.row_id "             \
  "WHERE b.batch_id = ?1 ORDER BY b.row_id"

/* Every statement names the kind's table t. */
#define OV_UNDO_CREATED_VERSION                                                       \
  "COALESCE ((SELECT o.version FROM import_created_versions AS o "                    \
  "WHERE o.batch_id = ?1 AND o.row_id = t.id), 1)"

#define OV_UNDO_CREATED_SQL(table, live, name)                                        \
  "SELECT t.version IS NOT " OV_UNDO_CREATED_VERSION ", " name " "                  \
  "FROM " table " AS t WHERE t.id BETWEEN ?2 AND ?3 AND t.import_batch_id = ?1 "      \
  "AND (" live ") ORDER BY t.id"

/* Restoring a row gives it the values it had at old_version, under the
 * version after left_version: the batch before, if it left the row at
 * old_version, now finds it at the new one. */
#define OV_UNDO_PROPAGATE_SQL(table, live)                                            \
  { "UPDATE import_backups AS m SET left_version = b.left_version + 1 "               \
    OV_UNDO_AS_LEFT (table, live) "WHERE b.batch_id = ?1 AND m.row_id = b.row_id "     \
    "AND m.left_version = b.old_version AND m.batch_id IN (SELECT id "                \
    "FROM import_batches WHERE id < ?1 AND undone_at IS NULL AND kind = "             \
    "(SELECT kind FROM import_batches WHERE id = ?1))",                               \
    "INSERT OR REPLACE INTO import_created_versions (batch_id, row_id, version) "     \
    "SELECT t.import_batch_id, t.id, t.version + 1 " OV_UNDO_AS_LEFT (table, live)    \
    "JOIN import_batches AS c ON c.id = t.import_batch_id AND c.id < ?1 "             \
    "AND c.undone_at IS NULL "                                                        \
    "LEFT JOIN import_created_versions AS o ON o.batch_id = c.id AND o.row_id = t.id " \
    "WHERE b.batch_id = ?1 AND COALESCE (o.version, 1) = b.old_version" }

#define OV_UNDO_RESTORE_WHERE(live)                                                   \
  ", version = t.version + 1 FROM import_backups AS b WHERE b.batch_id = ?1 "         \
  "AND t.id = b.row_id AND t.version = b.left_version AND (" live ")"

#define OV_UNDO_DELETE_SQL(table)                                                     \
  "DELETE FROM " table " AS t WHERE t.id BETWEEN ?2 AND ?3 AND t.import_batch_id = ?1 " \
  "AND (?4 OR t.version = " OV_UNDO_CREATED_VERSION ")"

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

  /* A re-import's stored accounts, in memory (ov-import-index.c): read
   * once per attempt, before its transaction and again at its first row
   * if another connection wrote in between; NULL when it does not pay. */
  OvImportIndex           *account_index;
  gboolean                 account_index_tried;
  gboolean                 account_index_confirmed;
  /* Another connection wrote after the kind's prepare() began reading */
  gboolean                 prepared_stale;

  /* Backups of updated accounts not written yet
   * (ov-import-accounts-backup.c). */
  OvImportBackups         *account_backups;
  guint64                  source_size;   /* bytes, 0 when unknown */

  /* The packages accounts' rows name, read at the first that names one
   * (ov-import-packages.c), and how many the run made. */
  OvImportPackages        *packages;
  guint                    n_packages_created;
  /* The playbook tasks of the stages an accounts import entered. */
  guint                    n_tasks_created;

  /* Statements of the hot path, prepared once per run, and the per-kind
   * state of a run. */
  sqlite3_stmt            *hot[4];
  gpointer                 kind_data;
  GDestroyNotify           kind_data_free;

  char                     now[32];
  char                     today[11];
  OvDate                   today_date;
};

void        ov_import_backups_free      (OvImportBackups *backups);
void        ov_import_packages_free     (OvImportPackages *packages);

/* The class of @kind's rows, or %NULL for a kind that cannot be imported
 * (ov-importer.c). */
const OvImportKindClass *ov_import_kind_class (OvCsvKind kind);

extern const OvImportKindClass ov_import_accounts_class;
extern const OvImportKindClass ov_import_people_class;
extern const OvImportKindClass ov_import_tasks_class;
extern const OvImportKindClass ov_import_metrics_class;
extern const OvImportKindClass ov_import_meetings_class;
extern const OvImportKindClass ov_import_packages_class;
extern const OvImportKindClass ov_import_interviews_class;
extern const OvImportKindClass ov_import_content_class;
extern const OvImportKindClass ov_import_completions_class;

/* The package an accounts row names (ov-import-packages.c): found whatever
 * its case, or made; @name becomes its name as stored, @id its id (0 for
 * none, when @name is empty). */
gboolean    ov_import_run_package       (OvImportRun   *run,
                                         OvSlice       *name,
                                         const char    *currency,
                                         gint64        *id,
                                         GError       **error);
/* …only looked up, making nothing: FALSE in @found when it is not there,
 * with @name left as it is. */
gboolean    ov_import_run_find_package  (OvImportRun   *run,
                                         OvSlice       *name,
                                         gint64        *id,
                                         gboolean      *found,
                                         GError       **error);

/* ov-import-journal.c: the store's "changed" signals for an import of
 * @kind, or its undo; @packages: packages were made or removed too. */
void        ov_import_emit_changed      (OvStore       *store,
                                         OvCsvKind      kind,
                                         gboolean       packages);

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
gboolean    ov_import_run_fail_row      (OvImportRun   *run,
                                         const char    *doing,
                                         GError       **error);
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
/* The one id @sql (binding @key as ?1) finds: 0 when none, -1 when
 * several. */
gboolean    ov_import_run_find_id       (OvImportRun   *run,
                                         const char    *sql,
                                         OvSlice        key,
                                         gint64        *id,
                                         GError       **error);

void        ov_bind_slice               (sqlite3_stmt  *stmt,
                                         int            index,
                                         OvSlice        slice);
void        ov_bind_slice_or_null       (sqlite3_stmt  *stmt,
                                         int            index,
                                         OvSlice        slice);
gboolean    ov_slice_equal              (OvSlice        slice,
                                         const char    *text);
gboolean    ov_slices_equal             (OvSlice        a,
                                         OvSlice        b);

G_END_DECLS
