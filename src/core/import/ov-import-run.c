/* ov-import-run.c — one run of an import over its file: every row read,
 * handed to its kind, counted, in one transaction that is committed,
 * rolled back or started over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-engine.h"

void
ov_import_report_progress (Progress    *progress,
                           OvCsvReader *reader,
                           gboolean     done)
{
  int percent;

  if (progress->func == NULL)
    return;

  if (done)
    percent = 100;
  else if (progress->total == 0)
    return;
  else
    percent = MIN (99, (int)(ov_csv_reader_get_bytes_read (reader) * 100 / progress->total));

  if (percent <= progress->last_percent)
    return;

  progress->last_percent = percent;
  progress->func (percent / 100.0, progress->data);
}

static void
clear_kind_data (OvImportRun *run)
{
  if (run->kind_data != NULL && run->kind_data_free != NULL)
    run->kind_data_free (run->kind_data);
  run->kind_data = NULL;
  run->kind_data_free = NULL;
}

static void
run_reset (OvImportRun *run)
{
  clear_kind_data (run);
  g_clear_object (&run->reader);
  g_ptr_array_set_size (run->problems, 0);
  run->n_errors = run->n_warnings = run->n_listed_errors = 0;
  run->n_created = run->n_updated = run->n_unchanged = run->n_rejected = 0;
  run->first_created = run->last_created = 0;
  run->batch_id = 0;
  run->fatal = FALSE;
  run->restart = FALSE;
  run->names_ready = FALSE;
  run->any_without_external_id = FALSE;
  g_clear_pointer (&run->unchanged, g_hash_table_unref);
  g_clear_pointer (&run->account_index, ov_import_index_free);
  run->account_index_tried = FALSE;
  run->account_index_confirmed = FALSE;
  g_clear_pointer (&run->account_backups, ov_import_backups_free);
  g_clear_pointer (&run->packages, ov_import_packages_free);
  run->n_packages_created = 0;
  run->n_tasks_created = 0;
}

OvImportRun *
ov_import_run_new (OvImporter   *self,
                   OvStore      *store,
                   GCancellable *cancellable)
{
  OvImportRun *run = g_new0 (OvImportRun, 1);
  g_autofree char *now = ov_store_now_utc ();
  g_autofree char *today = ov_date_to_iso (ov_date_today ());

  run->importer = self;
  run->kind = self->kind;
  run->klass = ov_import_kind_class (self->kind);
  run->store = store;
  run->cancellable = cancellable;
  run->fields = ov_csv_kind_get_fields (self->kind, &run->n_fields);
  run->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_csv_problem_free);
  run->row_strings = g_ptr_array_new_with_free_func (g_free);
  run->dry_run = self->dry_run;
  run->skip_invalid = self->skip_invalid;
  run->user_date_order = self->date_order;
  g_strlcpy (run->now, now, sizeof run->now);
  g_strlcpy (run->today, today, sizeof run->today);
  run->today_date = ov_date_today ();

  g_assert (run->n_fields <= OV_IMPORT_MAX_FIELDS);
  for (guint i = 0; i < OV_IMPORT_MAX_FIELDS; i++)
    run->column_of[i] = -1;

  return run;
}

void
ov_import_run_free (OvImportRun *run)
{
  clear_kind_data (run);
  g_clear_object (&run->reader);
  g_ptr_array_unref (run->problems);
  g_ptr_array_unref (run->row_strings);
  g_clear_pointer (&run->row_problems, g_ptr_array_unref);
  g_clear_pointer (&run->unchanged, g_hash_table_unref);
  g_clear_pointer (&run->account_index, ov_import_index_free);
  g_clear_pointer (&run->account_backups, ov_import_backups_free);
  g_clear_pointer (&run->packages, ov_import_packages_free);
  for (guint i = 0; i < OV_IMPORT_MAX_FIELDS; i++)
    {
      g_free (run->date_order_text[i]);
      g_free (run->date_conflict_text[i]);
    }
  g_free (run);
}

static char **
row_cells (const OvCsvRow *row)
{
  guint n = ov_csv_row_get_n_fields (row);
  char **cells = g_new (char *, n + 1);

  for (guint i = 0; i < n; i++)
    cells[i] = g_strdup (ov_csv_row_get_field (row, i, NULL));
  cells[n] = NULL;

  return cells;
}

/* Control characters other than tab and line breaks have no place in
 * what an account holds, and some of them steer terminals (ESC): a row
 * with one in a cell it imports is refused. TRUE when it was. */
static gboolean
refuse_control_characters (OvImportRun *run)
{
  gboolean refused = FALSE;

  for (guint field = 0; field < run->n_fields; field++)
    {
      int control;

      if (run->column_of[field] < 0)
        continue;

      /* The reader looked at every byte as it parsed them. */
      control = ov_csv_row_get_control (run->row, run->column_of[field]);
      if (G_LIKELY (control < 0))
        continue;
      ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                            _("the cell holds the control character U+%04X; only tabs "
                              "and line breaks are allowed"),
                            (guint)control);
      refused = TRUE;
    }

  return refused;
}

static gboolean
import_rows (OvImportRun      *run,
             OvImportPreview  *preview,
             Progress         *progress,
             GError          **error)
{
  guint n_rows = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      OvImportAction action = OV_IMPORT_ACTION_REJECT;
      const OvCsvProblem *problem;

      if (run->max_rows > 0 && n_rows >= run->max_rows)
        break;

      run->row = ov_csv_reader_next_row (run->reader, run->cancellable, &local_error);
      if (run->row == NULL)
        {
          if (local_error == NULL)
            break;
          if (ov_csv_reader_get_fatal_problem (run->reader) != NULL &&
              local_error->domain == OV_CSV_ERROR)
            {
              ov_import_add_fatal_problem (run);
              break;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      n_rows++;
      run->row_errors = 0;
      run->matched_id = 0;
      g_ptr_array_set_size (run->row_strings, 0);
      if (preview != NULL)
        {
          g_clear_pointer (&run->row_problems, g_ptr_array_unref);
          run->row_problems =
            g_ptr_array_new_with_free_func ((GDestroyNotify)ov_csv_problem_free);
        }

      problem = ov_csv_row_get_problem (run->row);
      if (problem != NULL)
        ov_import_run_problem (run, ov_csv_problem_copy (problem));
      else if (!refuse_control_characters (run) && !run->klass->import_row (run, &action, error))
        return FALSE;

      if (run->restart)
        return TRUE;

      if (run->row_errors > 0)
        action = OV_IMPORT_ACTION_REJECT;

      switch (action)
        {
        case OV_IMPORT_ACTION_CREATE:
          run->n_created++;
          break;
        case OV_IMPORT_ACTION_UPDATE:
          run->n_updated++;
          break;
        case OV_IMPORT_ACTION_UNCHANGED:
          run->n_unchanged++;
          if (run->matched_id > 0)
            ov_import_run_mark_unchanged (run, run->matched_id);
          break;
        case OV_IMPORT_ACTION_REJECT:
        default:
          run->n_rejected++;
          break;
        }

      if (preview != NULL)
        ov_import_preview_add_row (preview, ov_csv_row_get_line (run->row),
                                   row_cells (run->row), action, run->row_problems);

      if ((n_rows & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
            return FALSE;
          if (progress != NULL)
            ov_import_report_progress (progress, run->reader, FALSE);
        }
    }

  return !g_cancellable_set_error_if_cancelled (run->cancellable, error);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const OvCsvProblem *first = *(const OvCsvProblem * const *)a;
  const OvCsvProblem *second = *(const OvCsvProblem * const *)b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;
  if (first->column != second->column)
    return first->column < second->column ? -1 : 1;
  return 0;
}

OvImportResult *
ov_import_make_result (OvImportRun *run,
                       gboolean     applied)
{
  OvImportCounts counts = {
    .kind = run->kind,
    .batch_id = applied ? run->batch_id : 0,
    .applied = applied,
    .dry_run = run->dry_run,
    .n_created = run->n_created,
    .n_updated = run->n_updated,
    .n_unchanged = run->n_unchanged,
    .n_rejected = run->n_rejected,
    .n_errors = run->n_errors,
    .n_warnings = run->n_warnings,
    .n_packages_created = run->n_packages_created,
    .n_tasks_created = run->n_tasks_created,
    .delimiter = run->reader ? ov_csv_reader_get_delimiter (run->reader) : 0,
    .encoding = run->reader ? ov_csv_reader_get_encoding (run->reader) : OV_CSV_ENCODING_AUTO,
  };

  /* In file order; problems of one row are found in another order, and
   * rows in a batch may be rejected late. The sort is stable. */
  g_ptr_array_sort (run->problems, compare_problems);

  return ov_import_result_new (&counts, run->problems);
}

/* One attempt at the whole file inside one transaction, which is left
 * open on success. */
static gboolean
attempt (OvImporter       *self,
         OvImportRun      *run,
         OvImportPreview **preview_out,
         Progress         *progress,
         gboolean         *rollback_journal,
         gboolean         *in_transaction,
         GError          **error)
{
  OvImportPreview *preview = NULL;
  gboolean empty = TRUE;
  gint64 version_before = 0, version_now = 0;

  *in_transaction = FALSE;

  if (!ov_import_open_reader (self, run, progress, error))
    return FALSE;

  if (preview_out != NULL && !run->fatal)
    {
      g_clear_object (preview_out);
      *preview_out = ov_import_preview_new (self->kind, ov_csv_reader_get_delimiter (run->reader),
                                            ov_csv_reader_get_encoding (run->reader),
                                            ov_csv_reader_get_n_columns (run->reader));
      preview = *preview_out;
    }

  if (!run->fatal)
    ov_import_map_columns (self, run, preview);
  if (run->fatal)
    return TRUE;

  /* What the kind reads before the transaction holds only while nobody
   * writes: PRAGMA data_version says whether anybody did, asked before it
   * reads, before the switch of journal mode (which hides a commit made
   * before it from data_version; the switch itself succeeds only while no
   * other connection is open) and in the transaction. */
  run->prepared_stale = FALSE;
  if (run->klass->prepare != NULL &&
      (!ov_import_read_data_version (run->store, &version_before, error) ||
       !run->klass->prepare (run, error)))
    return FALSE;
  /* Nothing is written to a file before its pages were found sound. */
  if (!ov_store_wait_checked (run->store, error))
    return FALSE;
  if (self->before_transaction != NULL)
    self->before_transaction (self->before_transaction_data);
  if (run->klass->prepare != NULL && !ov_import_read_data_version (run->store, &version_now, error))
    return FALSE;
  if (!run->dry_run && !*rollback_journal)
    *rollback_journal = ov_import_use_rollback_journal (run->store);

  if (!ov_store_transaction_begin (run->store, error))
    return FALSE;
  *in_transaction = TRUE;

  if (run->klass->prepare != NULL)
    {
      gint64 version_begun;

      if (!ov_import_read_data_version (run->store, &version_begun, error))
        goto failed;
      run->prepared_stale = version_now != version_before || version_begun != version_now;
    }

  if (!ov_import_table_is_empty (run, &empty, error) || !ov_import_insert_batch (run, error))
    goto failed;
  run->accounts_lookup = !empty;

  if (!import_rows (run, preview, progress, error))
    goto failed;

  if (!run->restart && run->klass->finish != NULL && !run->klass->finish (run, error))
    goto failed;

  return TRUE;

failed:
  /* A kind's helper thread may still use the connection: stop it first. */
  clear_kind_data (run);
  ov_store_transaction_rollback (run->store);
  *in_transaction = FALSE;
  return FALSE;
}

gboolean
ov_import_engine_run (OvImporter       *self,
                      OvImportRun      *run,
                      OvImportPreview **preview,
                      Progress         *progress,
                      gboolean         *applied,
                      GError          **error)
{
  g_autofree char *cache_size = NULL;
  gboolean rollback_journal = FALSE;
  gboolean ok = FALSE;
  gboolean in_transaction = FALSE;

  *applied = FALSE;

  cache_size = ov_import_query_text (ov_store_get_db (run->store), "PRAGMA cache_size");
  ov_store_exec (run->store, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB), NULL);

  for (;;)
    {
      if (!attempt (self, run, preview, progress, &rollback_journal, &in_transaction, error))
        goto out;

      if (!run->restart)
        break;

      /* A numeric date left undecided: read the date columns through, then
       * start over with what they say. */
      clear_kind_data (run);
      ov_store_transaction_rollback (run->store);
      in_transaction = FALSE;
      run_reset (run);
      if (!ov_import_prescan_dates (self, run, run->max_rows, error))
        goto out;
    }

  if (in_transaction)
    {
      *applied = !run->dry_run && !run->fatal && (run->n_errors == 0 || run->skip_invalid);

      if (*applied && run->n_created == 0 && run->n_updated == 0)
        {
          /* Nothing to take back: no batch is recorded. */
          ov_store_transaction_rollback (run->store);
          run->batch_id = 0;
        }
      else if (*applied)
        {
          if (!ov_import_finish_batch (run, error) || !ov_store_transaction_commit (run->store, error))
            {
              ov_store_transaction_rollback (run->store);
              *applied = FALSE;
              goto out;
            }
        }
      else
        ov_store_transaction_rollback (run->store);
    }

  /* A dry run, or a file refused, commits nothing: a damaged database is
   * reported all the same (see OV_STORE_OPEN_CHECK_LATER). */
  if (!ov_store_wait_checked (run->store, error))
    goto out;

  ok = TRUE;

out:
  ov_import_empty_name_index (run->store);
  if (rollback_journal)
    ov_import_restore_wal (run->store);
  if (cache_size != NULL)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %d", atoi (cache_size));

      ov_store_exec (run->store, pragma, NULL);
    }

  return ok;
}
