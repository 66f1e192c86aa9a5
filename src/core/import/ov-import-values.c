/* ov-import-values.c — an import row's problems and writes: rejecting a row
 * at its cell, stepping its statements, savepoints, rows seen before,
 * backups (the cells are read in ov-import-cells.c, accounts found in
 * ov-import-lookups.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ov-csv-writer.h"
#include "ov-import-private.h"
#include "ov-number.h"
#include "ov-role.h"
#include "ov-stage.h"

void
ov_import_run_problem (OvImportRun  *run,
                       OvCsvProblem *problem)
{
  if (problem->warning)
    run->n_warnings++;
  else
    {
      run->n_errors++;
      run->row_errors++;
    }

  if (run->row_problems != NULL)
    g_ptr_array_add (run->row_problems, ov_csv_problem_copy (problem));

  if (problem->warning || run->n_listed_errors < OV_IMPORT_MAX_LISTED)
    {
      if (!problem->warning)
        run->n_listed_errors++;
      g_ptr_array_add (run->problems, problem);
    }
  else
    ov_csv_problem_free (problem);
}

static const char *
column_name (OvImportRun *run,
             int          field)
{
  const char *name = ov_csv_reader_get_column_name (run->reader, run->column_of[field]);

  return name[0] != '\0' ? name : ov_csv_field_get_title (&run->fields[field]);
}

/* Rejects the current row because of the cell of @field (or the row as a
 * whole when @field is -1 or not in the file). */
void
ov_import_run_reject (OvImportRun *run,
                      int          field,
                      OvCsvError   code,
                      const char  *format,
                      ...)
{
  g_autofree char *message = NULL;
  guint line = ov_csv_row_get_line (run->row);
  guint column = 1;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (field >= 0 && run->column_of[field] >= 0)
    {
      g_autofree char *located = g_strdup_printf ("%s: %s", column_name (run, field), message);

      ov_csv_row_get_position (run->row, run->column_of[field], &line, &column);
      g_free (message);
      message = g_steal_pointer (&located);
    }

  ov_import_run_problem (run, ov_csv_problem_new_literal (line, column, code, message));
}

/* A problem with the file's columns: nothing can be imported. */
void
ov_import_run_missing_column (OvImportRun *run,
                              const char  *message)
{
  guint line = 1;

  if (ov_csv_reader_get_n_columns (run->reader) > 0)
    ov_csv_reader_get_column_position (run->reader, 0, &line, NULL);

  ov_import_run_problem (run, ov_csv_problem_new_literal (line, 1, OV_CSV_ERROR_COLUMN, message));
  run->fatal = TRUE;
}

/* Steps a write. A broken constraint (a duplicate key, say) is the row's
 * fault: @constraint is set and the caller rejects the row. */
gboolean
ov_import_run_step (OvImportRun   *run,
                    sqlite3_stmt  *stmt,
                    gboolean      *constraint,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  *constraint = FALSE;

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      *constraint = TRUE;
      return FALSE;
    }

  ov_store_set_error (run->store, error, rc, _("importing"));
  return FALSE;
}

static gboolean
exec_prepared (OvImportRun  *run,
               const char   *sql,
               GError      **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (run->store, sql, error);

  return stmt != NULL && ov_store_step_done (run->store, stmt, error);
}

/* Rows written with more than one statement are undone as a whole if one
 * of them fails. */
gboolean
ov_import_run_savepoint (OvImportRun  *run,
                         GError      **error)
{
  return exec_prepared (run, "SAVEPOINT ov_import_row", error);
}

gboolean
ov_import_run_release (OvImportRun  *run,
                       GError      **error)
{
  return exec_prepared (run, "RELEASE ov_import_row", error);
}

void
ov_import_run_rollback_row (OvImportRun *run)
{
  exec_prepared (run, "ROLLBACK TO ov_import_row", NULL);
  exec_prepared (run, "RELEASE ov_import_row", NULL);
}

/* Takes back the row's writes after a failure, and says what failed when
 * the failure set no error of its own (@doing: "adding a person").
 * Returns FALSE, for the caller to return. */
gboolean
ov_import_run_fail_row (OvImportRun  *run,
                        const char   *doing,
                        GError      **error)
{
  ov_import_run_rollback_row (run);
  if (error != NULL && *error == NULL)
    ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, doing);
  return FALSE;
}

#define UNCHANGED_BITS (GLIB_SIZEOF_VOID_P * 8)

static gsize
unchanged_bits (OvImportRun *run,
                gint64       row_id)
{
  if (run->unchanged == NULL)
    return 0;
  return GPOINTER_TO_SIZE (g_hash_table_lookup (run->unchanged,
                                                GSIZE_TO_POINTER (row_id / UNCHANGED_BITS)));
}

/* Remembers that an earlier row named the stored row @row_id and changed
 * nothing: a later row naming it too is then refused, as it would be had
 * the first one changed it. */
void
ov_import_run_mark_unchanged (OvImportRun *run,
                              gint64       row_id)
{
  gsize bits = unchanged_bits (run, row_id) | ((gsize)1 << (row_id % UNCHANGED_BITS));

  g_return_if_fail (row_id > 0);

  if (run->unchanged == NULL)
    run->unchanged = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (run->unchanged, GSIZE_TO_POINTER (row_id / UNCHANGED_BITS),
                       GSIZE_TO_POINTER (bits));
}

/* Whether an earlier row of the file already named the stored row @row_id:
 * created or changed it in this batch (@sql binds it as ?1 and the batch
 * as ?2), or left it as it was. Then the file has the same record on two
 * rows, and which one to believe cannot be told. */
gboolean
ov_import_run_seen (OvImportRun  *run,
                    const char   *sql,
                    gint64        row_id,
                    gboolean     *seen,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  run->matched_id = row_id;
  if (unchanged_bits (run, row_id) & ((gsize)1 << (row_id % UNCHANGED_BITS)))
    {
      *seen = TRUE;
      return TRUE;
    }

  stmt = ov_store_prepare (run->store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_int64 (stmt, 2, run->batch_id);
  rc = sqlite3_step (stmt);
  *seen = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Keeps the earlier values of a row the import is about to change. Only
 * the first change of a row in a batch counts: that is what undo restores. */
gboolean
ov_import_run_backup (OvImportRun  *run,
                      const char   *sql,
                      gint64        row_id,
                      GError      **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (run->store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, run->batch_id);
  sqlite3_bind_int64 (stmt, 2, row_id);

  return ov_store_step_done (run->store, stmt, error);
}

void
ov_import_run_created (OvImportRun *run,
                       gint64       row_id)
{
  if (run->first_created == 0)
    run->first_created = row_id;
  run->last_created = row_id;
}

void
ov_bind_slice (sqlite3_stmt *stmt,
               int           index,
               OvSlice       slice)
{
  sqlite3_bind_text (stmt, index, slice.str ? slice.str : "", slice.len, SQLITE_STATIC);
}

void
ov_bind_slice_or_null (sqlite3_stmt *stmt,
                       int           index,
                       OvSlice       slice)
{
  if (slice.len == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, slice.str, slice.len, SQLITE_STATIC);
}

/* The one id @sql finds for @key: 0 when none, -1 when several. */
gboolean
ov_import_run_find_id (OvImportRun  *run,
                       const char   *sql,
                       OvSlice       key,
                       gint64       *id,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *id = 0;
  stmt = ov_store_prepare (run->store, sql, error);
  if (stmt == NULL)
    return FALSE;

  ov_bind_slice (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *id = *id == 0 ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}
