/* ov-import-accounts-create.c — new accounts of an import, written 64 to a
 * statement by a writer thread while the import reads on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A first import of a file onto an empty table creates every account: the
 * rows are queued in batches, and a thread writes each batch with one
 * statement. An external id already taken (caught by its unique index)
 * takes the batch back and writes its rows one by one, so the row at fault
 * is rejected and the others go in.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-accounts-private.h"
#include "ov-store-journey.h"

#define INSERT_COLUMNS                                                                      \
  "INSERT INTO accounts (external_id, name, segment, owner, sales_owner, arr_cents, currency, " \
  "stage, status, close_date, kickoff_date, golive_date, first_value_date, "                  \
  "first_value_milestone, package, notes, churned_on, package_id, created_at, updated_at, "   \
  "import_batch_id) "

static const char insert_sql[] =
  INSERT_COLUMNS "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
  "?16, ?17, ?18, ?19, ?19, ?20)";

/* BATCH_ROWS rows of 21 parameters: the 17 fields, the package's id,
 * created_at, updated_at and the batch id. */
#define BATCH_ROWS 64
#define BATCH_PARAMS 21
#define ROW_PARAMS "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

static const char batch_insert_sql[] = INSERT_COLUMNS "VALUES " TIMES_64 (ROW_PARAMS);

/* A new account enters its stage: the event its days in the stage and
 * its timeline are measured from, dated by the row's stage_entered_on or
 * the import's day, and taken back with the batch. */
#define EVENT_COLUMNS                                                          \
  "INSERT INTO stage_events (account_id, stage, kind, happened_on, created_at, " \
  "import_batch_id) "
#define EVENT_PARAMS 5
#define EVENT_ROW_PARAMS "(?, ?, 'enter', ?, ?, ?)"

static const char event_sql[] = EVENT_COLUMNS "VALUES " EVENT_ROW_PARAMS;
static const char batch_event_sql[] = EVENT_COLUMNS "VALUES " TIMES_64 (EVENT_ROW_PARAMS);

static void
bind_event (OvImportRun         *run,
            sqlite3_stmt        *stmt,
            int                  base,
            gint64               account_id,
            const AccountValues *values)
{
  sqlite3_bind_int64 (stmt, base + 1, account_id);
  sqlite3_bind_int (stmt, base + 2, values->stage);
  if (values->stage_entered_on != OV_DATE_NONE)
    ov_bind_date (stmt, base + 3, values->stage_entered_on);
  else
    sqlite3_bind_text (stmt, base + 3, run->today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 4, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, base + 5, run->batch_id);
}

/* New accounts waiting for their batch statement; their texts are copied,
 * since the rows they come from do not live that long. */
typedef struct
{
  GString       *text;
  guint          n_rows;
  AccountValues  values[BATCH_ROWS];
  gsize          offsets[BATCH_ROWS][N_ACCOUNT_FIELDS];
  guint          id_line[BATCH_ROWS];
  guint          id_column[BATCH_ROWS];
  gboolean       taken[BATCH_ROWS];    /* the writer found the external id taken */
  GError        *error;                /* the writer failed */
} Batch;

/* At most this many batches wait for the writer: memory stays bounded. */
#define MAX_IN_FLIGHT 8

typedef struct
{
  OvImportRun   *run;
  GThread       *thread;
  GAsyncQueue   *todo;
  GAsyncQueue   *done;
  Batch         *filling;
  Batch          stop;        /* pushed to end the writer */
  guint          in_flight;
  gint           failed;      /* the writer hit an error: skip the rest */
} Writer;

/* Inserts one account; @constraint says its external id was taken. */
static gboolean
insert_one (OvImportRun          *run,
            const AccountValues  *values,
            gboolean             *constraint,
            GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  /* Every parameter is bound again below: no need to clear them. */
  if (run->hot[0] == NULL)
    run->hot[0] = ov_store_prepare (run->store, insert_sql, error);
  stmt = run->hot[0];
  if (stmt == NULL)
    return FALSE;

  ov_import_accounts_bind_values (stmt, 0, values);
  sqlite3_bind_text (stmt, PARAM_PACKAGE_ID + 1, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, PARAM_PACKAGE_ID + 2, run->batch_id);

  if (!ov_import_run_step (run, stmt, constraint, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (ov_store_get_db (run->store));
  ov_import_run_created (run, id);

  if (run->hot[2] == NULL)
    run->hot[2] = ov_store_prepare (run->store, event_sql, error);
  if (run->hot[2] == NULL)
    return FALSE;
  bind_event (run, run->hot[2], 0, id, values);
  if (!ov_store_step_done (run->store, run->hot[2], error))
    return FALSE;

  return ov_import_run_name_added (run, id, values->text[ACCOUNT_NAME],
                                   values->text[ACCOUNT_EXTERNAL_ID].len > 0, FALSE, error);
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_clear_error (&batch->error);
  g_string_free (batch->text, TRUE);
  g_free (batch);
}

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->text = g_string_sized_new (BATCH_ROWS * 256);
  return batch;
}

/* In the writer thread: inserts the batch's accounts with one statement,
 * or, when one of them has an external id already taken, one by one. */
static void
write_batch (OvImportRun *run,
             Batch       *batch)
{
  gboolean constraint = FALSE;
  gint64 last;

  for (guint i = 0; i < batch->n_rows; i++)
    for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
      batch->values[i].text[field].str = batch->text->str + batch->offsets[i][field];

  if (batch->n_rows == BATCH_ROWS)
    {
      sqlite3_stmt *stmt = run->hot[1];

      for (guint i = 0; i < BATCH_ROWS; i++)
        {
          int base = i * BATCH_PARAMS;

          ov_import_accounts_bind_values (stmt, base, &batch->values[i]);
          sqlite3_bind_text (stmt, base + PARAM_PACKAGE_ID + 1, run->now, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, base + PARAM_PACKAGE_ID + 2, run->now, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, base + PARAM_PACKAGE_ID + 3, run->batch_id);
        }

      if (ov_import_run_step (run, stmt, &constraint, &batch->error))
        {
          /* The rows got consecutive ids: the import holds the write lock. */
          last = sqlite3_last_insert_rowid (ov_store_get_db (run->store));
          ov_import_run_created (run, last - BATCH_ROWS + 1);
          ov_import_run_created (run, last);

          stmt = run->hot[3];
          for (guint i = 0; i < BATCH_ROWS; i++)
            bind_event (run, stmt, i * EVENT_PARAMS, last - BATCH_ROWS + 1 + i,
                        &batch->values[i]);
          ov_store_step_done (run->store, stmt, &batch->error);
          return;
        }
      if (!constraint)
        return;
    }

  for (guint i = 0; i < batch->n_rows; i++)
    if (!insert_one (run, &batch->values[i], &batch->taken[i], &batch->error) &&
        !batch->taken[i])
      return;
}

static gpointer
writer_main (gpointer data)
{
  Writer *writer = data;
  Batch *batch;

  while ((batch = g_async_queue_pop (writer->todo)) != &writer->stop)
    {
      if (!g_atomic_int_get (&writer->failed))
        {
          write_batch (writer->run, batch);
          if (batch->error != NULL)
            g_atomic_int_set (&writer->failed, 1);
        }
      g_async_queue_push (writer->done, batch);
    }

  return NULL;
}

/* Back in the importing thread: counts a written batch's rejected rows and
 * keeps it for reuse. */
static gboolean
take_back (OvImportRun  *run,
           Writer       *writer,
           Batch        *batch,
           GError      **error)
{
  gboolean ok = TRUE;
  guint row_errors = run->row_errors;

  writer->in_flight--;

  for (guint i = 0; i < batch->n_rows; i++)
    {
      const OvSlice *id = &batch->values[i].text[ACCOUNT_EXTERNAL_ID];

      if (!batch->taken[i])
        continue;

      /* Counted as created when it was queued. */
      run->n_created--;
      run->n_rejected++;
      ov_import_run_problem (run, ov_csv_problem_new (batch->id_line[i], batch->id_column[i],
                                                      OV_CSV_ERROR_DUPLICATE,
                                                      _("%s: the external ID “%.*s” is already "
                                                        "used by another account or an "
                                                        "earlier row"),
                                                      ov_csv_reader_get_column_name (
                                                        run->reader,
                                                        run->column_of[ACCOUNT_EXTERNAL_ID]),
                                                      id->len, id->str));
    }

  /* Those rows were read earlier: the row being read now is not at fault. */
  run->row_errors = row_errors;

  if (batch->error != NULL)
    {
      if (error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&batch->error));
      ok = FALSE;
    }

  batch->n_rows = 0;
  memset (batch->taken, 0, sizeof batch->taken);
  g_clear_error (&batch->error);
  g_string_truncate (batch->text, 0);

  if (writer->filling == NULL)
    writer->filling = batch;
  else
    batch_free (batch);

  return ok;
}

static void
writer_stop (gpointer data)
{
  Writer *writer = data;
  Batch *batch;

  g_atomic_int_set (&writer->failed, 1);
  g_async_queue_push (writer->todo, &writer->stop);
  g_thread_join (writer->thread);

  while ((batch = g_async_queue_try_pop (writer->done)) != NULL)
    batch_free (batch);
  if (writer->filling != NULL)
    batch_free (writer->filling);
  g_async_queue_unref (writer->todo);
  g_async_queue_unref (writer->done);
  g_free (writer);
}

/* Writes every waiting account, and gives the connection back to this
 * thread: the writer stops. */
gboolean
ov_import_accounts_drain (OvImportRun  *run,
                          GError      **error)
{
  Writer *writer = run->kind_data;
  gboolean ok = TRUE;

  if (writer == NULL)
    return TRUE;

  if (writer->filling != NULL && writer->filling->n_rows > 0)
    {
      g_async_queue_push (writer->todo, g_steal_pointer (&writer->filling));
      writer->in_flight++;
    }

  while (writer->in_flight > 0)
    ok &= take_back (run, writer, g_async_queue_pop (writer->done), error);

  writer_stop (g_steal_pointer (&run->kind_data));
  run->kind_data_free = NULL;
  return ok;
}

static gboolean
queue_account (OvImportRun          *run,
               const AccountValues  *values,
               GError              **error)
{
  Writer *writer = run->kind_data;
  Batch *batch, *written;
  gsize at, total = 0;
  guint i;

  if (writer == NULL)
    {
      /* The writer thread must not touch the statement cache. */
      if (run->hot[0] == NULL)
        run->hot[0] = ov_store_prepare (run->store, insert_sql, error);
      if (run->hot[1] == NULL)
        run->hot[1] = ov_store_prepare (run->store, batch_insert_sql, error);
      if (run->hot[2] == NULL)
        run->hot[2] = ov_store_prepare (run->store, event_sql, error);
      if (run->hot[3] == NULL)
        run->hot[3] = ov_store_prepare (run->store, batch_event_sql, error);
      if (run->hot[0] == NULL || run->hot[1] == NULL || run->hot[2] == NULL ||
          run->hot[3] == NULL)
        return FALSE;

      writer = g_new0 (Writer, 1);
      writer->run = run;
      writer->todo = g_async_queue_new ();
      writer->done = g_async_queue_new ();
      writer->thread = g_thread_new ("ov-csv-writer", writer_main, writer);
      run->kind_data = writer;
      run->kind_data_free = writer_stop;
    }

  if (writer->filling == NULL)
    writer->filling = batch_new ();
  batch = writer->filling;

  i = batch->n_rows++;
  batch->values[i] = *values;

  /* One resize, then plain copies: this runs for every new account. */
  at = batch->text->len;
  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    total += values->text[field].len;
  g_string_set_size (batch->text, at + total);
  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    {
      batch->offsets[i][field] = at;
      if (values->text[field].len > 0)
        memcpy (batch->text->str + at, values->text[field].str, values->text[field].len);
      at += values->text[field].len;
    }

  if (ov_import_run_has (run, ACCOUNT_EXTERNAL_ID))
    ov_csv_row_get_position (run->row, run->column_of[ACCOUNT_EXTERNAL_ID], &batch->id_line[i],
                             &batch->id_column[i]);

  if (batch->n_rows < BATCH_ROWS)
    return TRUE;

  g_async_queue_push (writer->todo, g_steal_pointer (&writer->filling));
  writer->in_flight++;

  /* Reuse what the writer is done with; wait for it when too far ahead. */
  while ((written = writer->in_flight >= MAX_IN_FLIGHT ? g_async_queue_pop (writer->done)
                                                       : g_async_queue_try_pop (writer->done)))
    if (!take_back (run, writer, written, error))
      return FALSE;

  return TRUE;
}

/* Every account written, the stages the import entered get their
 * playbook tasks, as entering a stage in the app gives them. */
gboolean
ov_import_accounts_finish (OvImportRun  *run,
                           GError      **error)
{
  return ov_import_accounts_drain (run, error) &&
         ov_import_accounts_flush_backups (run, error) &&
         ov_store_create_import_stage_tasks (run->store, run->batch_id, run->now,
                                             &run->n_tasks_created, error);
}

gboolean
ov_import_accounts_create_account (OvImportRun     *run,
                                   AccountValues   *values,
                                   OvImportAction  *action,
                                   GError         **error)
{
  gboolean constraint;

  *action = OV_IMPORT_ACTION_REJECT;

  if (!GIVEN (values, ACCOUNT_NAME))
    {
      if (ov_import_run_has (run, ACCOUNT_NAME))
        ov_import_run_reject (run, ACCOUNT_NAME, OV_CSV_ERROR_VALUE,
                              _("a new account needs a name"));
      else
        ov_import_run_reject (run, ACCOUNT_EXTERNAL_ID, OV_CSV_ERROR_NOT_FOUND,
                              _("no account has the external ID “%.*s”, and without a name "
                                "column a new one cannot be made"),
                              values->text[ACCOUNT_EXTERNAL_ID].len,
                              values->text[ACCOUNT_EXTERNAL_ID].str);
      return TRUE;
    }

  if (!GIVEN (values, ACCOUNT_STAGE))
    values->stage = OV_STAGE_EMBARK;
  if (!GIVEN (values, ACCOUNT_STATUS))
    values->status = OV_ACCOUNT_STATUS_ACTIVE;
  if (!GIVEN (values, ACCOUNT_CURRENCY))
    values->text[ACCOUNT_CURRENCY] = (OvSlice) { "USD", 3 };
  if (!GIVEN (values, ACCOUNT_ARR))
    values->arr_cents = OV_MONEY_UNKNOWN;

  ov_import_accounts_check_dates (run, values);
  ov_import_accounts_settle_churn (run, values, NULL, values);
  if (run->row_errors > 0)
    return TRUE;

  if (!ov_import_accounts_make_package (run, values, error))
    return FALSE;

  /* Batches only while nothing is looked up, and not in previews, whose
   * rows report their outcome one by one. */
  if (!run->accounts_lookup && !run->any_without_external_id && run->max_rows == 0)
    {
      if (!queue_account (run, values, error))
        return FALSE;
      *action = OV_IMPORT_ACTION_CREATE;
      return TRUE;
    }

  if (!insert_one (run, values, &constraint, error))
    {
      if (!constraint)
        return FALSE;
      ov_import_accounts_reject_duplicate_id (run, values);
      return TRUE;
    }

  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}
