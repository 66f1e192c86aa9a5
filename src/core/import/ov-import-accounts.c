/* ov-import-accounts.c — importing accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row updates the account with its external id; without one (or when no
 * account has it) the account with the same name, ignoring case, whose
 * external id is not set; else it creates an account. Columns not in the
 * file leave the account's values alone; an empty cell clears a text or a
 * date, while an empty stage, status, currency, ARR or external id keeps
 * what the account has.
 *
 * Into an empty table nothing needs looking up (a repeated external id is
 * caught by its unique index), which is what makes a first import of a
 * whole CRM fast: new rows are inserted BATCH_ROWS at a time with one
 * statement, which saves SQLite most of its per-statement work, and by a
 * writer thread, while this thread reads the next rows. When a statement
 * hits a repeated external id, its rows are inserted again one by one to
 * find which row it is. The connection is the writer's alone until the
 * batches are drained: before any lookup, at the end, or when stopping.
 *
 * Onto a table that has accounts, a large file is first matched against
 * an index of the stored accounts in memory (ov-import-index.c): a row the
 * index shows unchanged needs no SQL at all; the others look up as before.
 * An update sets only the columns that change.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-private.h"
#include "ov-money.h"
#include "ov-stage.h"

#define N_DATES 4
#define GIVEN(values, field) ((((values)->given) >> (field)) & 1)
#define SET_GIVEN(values, field) ((values)->given |= 1u << (field))

typedef struct
{
  OvSlice  text[N_ACCOUNT_FIELDS];   /* for the text fields, the currency and the dates */
  gint64   arr_cents;
  int      stage;
  int      status;
  OvDate   dates[N_DATES];
  guint32  given;
  char     currency[4];
} AccountValues;

static const char select_sql[] =
  "SELECT external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, status, "
  "close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, package, "
  "notes, updated_at, version FROM accounts WHERE id = ?1";

/* The columns of select_sql after the 16 fields. */
#define SELECT_UPDATED_AT N_ACCOUNT_FIELDS
#define SELECT_VERSION    (N_ACCOUNT_FIELDS + 1)

static const char insert_sql[] =
  "INSERT INTO accounts (external_id, name, segment, owner, sales_owner, arr_cents, currency, "
  "stage, status, close_date, kickoff_date, golive_date, first_value_date, "
  "first_value_milestone, package, notes, created_at, updated_at, import_batch_id) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, ?18)";

/* BATCH_ROWS rows of 19 parameters: the 16 fields, created_at, updated_at
 * and the batch id. */
#define BATCH_ROWS 64
#define BATCH_PARAMS 19
#define ROW_PARAMS "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define TIMES_2(x) x ", " x
#define TIMES_64(x) TIMES_2 (TIMES_2 (TIMES_2 (TIMES_2 (TIMES_2 (TIMES_2 (x))))))

static const char batch_insert_sql[] =
  "INSERT INTO accounts (external_id, name, segment, owner, sales_owner, arr_cents, currency, "
  "stage, status, close_date, kickoff_date, golive_date, first_value_date, "
  "first_value_milestone, package, notes, created_at, updated_at, import_batch_id) VALUES "
  TIMES_64 (ROW_PARAMS);

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

/* The columns of the fields, in their order. */
static const char * const column_names[N_ACCOUNT_FIELDS] = {
  "external_id", "name", "segment", "owner", "sales_owner", "arr_cents", "currency", "stage",
  "status", "close_date", "kickoff_date", "golive_date", "first_value_date",
  "first_value_milestone", "package", "notes",
};

/* The UPDATE of the fields in @changed (bits of field indexes): the field
 * is bound as parameter field + 1, as bind_values() does, updated_at as
 * ?17 and the id as ?18. Unchanged columns stay out, so that SQLite leaves
 * their indexes and constraints alone. The texts are built from the names
 * above only, once per set of fields, and kept for the statement cache. */
static const char *
update_sql (guint32 changed)
{
  static const char *sqls[1u << N_ACCOUNT_FIELDS];
  const char *sql = g_atomic_pointer_get (&sqls[changed]);
  g_autoptr(GString) text = NULL;

  if (sql != NULL)
    return sql;

  text = g_string_new ("UPDATE accounts SET ");
  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    if (changed & (1u << field))
      g_string_append_printf (text, "%s = ?%d, ", column_names[field], field + 1);
  g_string_append (text, "updated_at = ?17, version = version + 1 WHERE id = ?18");

  sql = g_intern_string (text->str);
  g_atomic_pointer_set (&sqls[changed], sql);
  return sql;
}

/* The values an update replaces, for undo: the account's row as it was,
 * as a JSON object (what undo's json_extract() reads), with its version.
 * Rows of VALUES, not INSERT … SELECT, so that a failing statement has
 * only its own rows to take back. The object is written here from the row
 * the update read (select_sql): json_object() over the table would look
 * the row up again, and binding 17 values per row costs more than the
 * writing. Only the first change of an account in a batch counts, as
 * undo restores the values before the import. */
#define BACKUP_SQL \
  "INSERT OR IGNORE INTO import_backups (batch_id, row_id, old_row, old_version, " \
  "left_version) VALUES "
#define BACKUP_ROW "(?, ?, ?, ?, ?)"
#define BACKUP_PARAMS 5

static const char backup_sql[] = BACKUP_SQL BACKUP_ROW;

/* The backups of BACKUP_ROWS updates go in one statement: a statement of
 * one row costs most of what one of 64 does. */
#define BACKUP_ROWS 64
static const char batch_backup_sql[] = BACKUP_SQL TIMES_64 (BACKUP_ROW);

struct _OvImportBackups
{
  GString *json;                    /* the rows' objects, one after another */
  gsize    ends[BACKUP_ROWS];
  gint64   row_ids[BACKUP_ROWS];
  gint64   versions[BACKUP_ROWS];
  guint    n_rows;
};

static const char event_sql[] =
  "INSERT INTO stage_events (account_id, stage, from_stage, kind, happened_on, note, "
  "created_at, import_batch_id) VALUES (?1, ?2, ?3, 'enter', ?4, '', ?5, ?6)";

static gboolean
is_text_field (int field)
{
  switch (field)
    {
    case ACCOUNT_SEGMENT:
    case ACCOUNT_OWNER:
    case ACCOUNT_SALES_OWNER:
    case ACCOUNT_FIRST_VALUE_MILESTONE:
    case ACCOUNT_PACKAGE:
    case ACCOUNT_NOTES:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
check_columns (OvImportRun *run)
{
  if (!ov_import_run_has (run, ACCOUNT_NAME) && !ov_import_run_has (run, ACCOUNT_EXTERNAL_ID))
    {
      ov_import_run_missing_column (run,
                                    _("the file has neither a name nor an external_id column: "
                                      "one of them is needed to know which account a row is"));
      return FALSE;
    }

  return TRUE;
}

/* Plain whole or decimal amounts ("150000", "1200.5"), without allocating;
 * anything else goes to ov_money_parse(). */
static gboolean
parse_plain_amount (OvSlice  slice,
                    gint64  *cents)
{
  gint64 units = 0;
  int i = 0, fraction = 0, n_fraction = 0;

  if (slice.len == 0 || slice.len > 15)
    return FALSE;

  for (; i < slice.len && g_ascii_isdigit (slice.str[i]); i++)
    units = units * 10 + (slice.str[i] - '0');
  if (i == 0)
    return FALSE;

  if (i < slice.len)
    {
      if (slice.str[i] != '.' || slice.len - i - 1 < 1 || slice.len - i - 1 > 2)
        return FALSE;
      for (i++; i < slice.len; i++, n_fraction++)
        {
          if (!g_ascii_isdigit (slice.str[i]))
            return FALSE;
          fraction = fraction * 10 + (slice.str[i] - '0');
        }
      if (n_fraction == 1)
        fraction *= 10;
    }

  *cents = units * 100 + fraction;
  return TRUE;
}

static void
read_arr (OvImportRun   *run,
          AccountValues *values,
          char         **symbol_currency)
{
  g_autoptr(GError) error = NULL;
  OvSlice slice = ov_import_run_key (run, ACCOUNT_ARR);

  if (slice.len == 0)
    return;

  if (!parse_plain_amount (slice, &values->arr_cents) &&
      !ov_money_parse (ov_import_run_dup (run, slice), &values->arr_cents, symbol_currency,
                       &error))
    {
      ov_import_run_reject (run, ACCOUNT_ARR, OV_CSV_ERROR_VALUE, "%s", error->message);
      return;
    }

  if (values->arr_cents < 0)
    {
      ov_import_run_reject (run, ACCOUNT_ARR, OV_CSV_ERROR_VALUE,
                            _("annual recurring revenue cannot be negative"));
      return;
    }

  SET_GIVEN (values, ACCOUNT_ARR);
}

static void
read_currency (OvImportRun   *run,
               AccountValues *values)
{
  OvSlice slice = ov_import_run_key (run, ACCOUNT_CURRENCY);

  if (slice.len == 0)
    return;

  if (slice.len != 3 || !g_ascii_isalpha (slice.str[0]) || !g_ascii_isalpha (slice.str[1]) ||
      !g_ascii_isalpha (slice.str[2]))
    {
      ov_import_run_reject (run, ACCOUNT_CURRENCY, OV_CSV_ERROR_VALUE,
                            _("“%.*s” is not a three-letter currency code such as USD or EUR"),
                            slice.len, slice.str);
      return;
    }

  for (int i = 0; i < 3; i++)
    values->currency[i] = g_ascii_toupper (slice.str[i]);
  values->currency[3] = '\0';
  values->text[ACCOUNT_CURRENCY] = (OvSlice) { values->currency, 3 };
  SET_GIVEN (values, ACCOUNT_CURRENCY);
}

/* Reads every cell of the row, so that all its problems are reported. */
static void
read_values (OvImportRun   *run,
             AccountValues *values)
{
  g_autofree char *symbol_currency = NULL;

  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    {
      if (!ov_import_run_has (run, field))
        continue;

      if (is_text_field (field))
        {
          values->text[field] = ov_import_run_text (run, field);
          SET_GIVEN (values, field);
        }
      else if (field >= ACCOUNT_CLOSE_DATE && field <= ACCOUNT_FIRST_VALUE_DATE)
        {
          if (ov_import_run_date (run, field, &values->dates[field - ACCOUNT_CLOSE_DATE]))
            SET_GIVEN (values, field);
          if (run->restart)
            return;
        }
    }

  if (ov_import_run_has (run, ACCOUNT_EXTERNAL_ID))
    {
      values->text[ACCOUNT_EXTERNAL_ID] = ov_import_run_key (run, ACCOUNT_EXTERNAL_ID);
      if (values->text[ACCOUNT_EXTERNAL_ID].len > 0)
        SET_GIVEN (values, ACCOUNT_EXTERNAL_ID);
    }

  if (ov_import_run_has (run, ACCOUNT_NAME))
    {
      OvSlice key = ov_import_run_key (run, ACCOUNT_NAME);

      values->text[ACCOUNT_NAME] = ov_import_run_text (run, ACCOUNT_NAME);
      if (key.len > 0)
        SET_GIVEN (values, ACCOUNT_NAME);
    }

  if (ov_import_run_has (run, ACCOUNT_STAGE))
    {
      OvStage stage = 0;

      if (ov_import_run_stage (run, ACCOUNT_STAGE, &stage) && stage > 0)
        {
          values->stage = stage;
          SET_GIVEN (values, ACCOUNT_STAGE);
        }
    }

  if (ov_import_run_has (run, ACCOUNT_STATUS) &&
      ov_import_run_status (run, ACCOUNT_STATUS, &values->status) && values->status >= 0)
    SET_GIVEN (values, ACCOUNT_STATUS);

  if (ov_import_run_has (run, ACCOUNT_CURRENCY))
    read_currency (run, values);

  if (ov_import_run_has (run, ACCOUNT_ARR))
    read_arr (run, values, &symbol_currency);

  /* "€1.200" says EUR: fine alone, wrong beside a currency column saying USD. */
  if (symbol_currency != NULL && GIVEN (values, ACCOUNT_ARR))
    {
      if (GIVEN (values, ACCOUNT_CURRENCY) && strcmp (symbol_currency, values->currency) != 0)
        ov_import_run_reject (run, ACCOUNT_ARR, OV_CSV_ERROR_VALUE,
                              _("the amount is in %s, but the currency column says %s"),
                              symbol_currency, values->currency);
      else if (!GIVEN (values, ACCOUNT_CURRENCY))
        {
          g_strlcpy (values->currency, symbol_currency, sizeof values->currency);
          values->text[ACCOUNT_CURRENCY] = (OvSlice) { values->currency, 3 };
          SET_GIVEN (values, ACCOUNT_CURRENCY);
        }
    }
}

/* Dates after the close date cannot come before it. */
static void
check_dates (OvImportRun   *run,
             AccountValues *merged)
{
  OvDate close = merged->dates[0];

  if (close == OV_DATE_NONE)
    return;

  for (int i = 1; i < N_DATES; i++)
    {
      if (merged->dates[i] != OV_DATE_NONE && merged->dates[i] < close)
        {
          g_autofree char *when = ov_date_to_iso (merged->dates[i]);
          g_autofree char *closed = ov_date_to_iso (close);

          ov_import_run_reject (run, ov_import_run_has (run, ACCOUNT_CLOSE_DATE + i)
                                       ? ACCOUNT_CLOSE_DATE + i : ACCOUNT_CLOSE_DATE,
                                OV_CSV_ERROR_VALUE,
                                _("%s is before the close date %s"), when, closed);
        }
    }
}

/* Binds the 16 fields as parameters @base + 1 to @base + 16. */
static void
bind_values (sqlite3_stmt        *stmt,
             int                  base,
             const AccountValues *values)
{
  ov_bind_slice_or_null (stmt, base + 1, values->text[ACCOUNT_EXTERNAL_ID]);
  ov_bind_slice (stmt, base + 2, values->text[ACCOUNT_NAME]);
  ov_bind_slice (stmt, base + 3, values->text[ACCOUNT_SEGMENT]);
  ov_bind_slice (stmt, base + 4, values->text[ACCOUNT_OWNER]);
  ov_bind_slice (stmt, base + 5, values->text[ACCOUNT_SALES_OWNER]);
  sqlite3_bind_int64 (stmt, base + 6, values->arr_cents);
  ov_bind_slice (stmt, base + 7, values->text[ACCOUNT_CURRENCY]);
  sqlite3_bind_int (stmt, base + 8, values->stage);
  sqlite3_bind_int (stmt, base + 9, values->status);
  for (int i = 0; i < N_DATES; i++)
    {
      OvSlice written = values->text[ACCOUNT_CLOSE_DATE + i];

      /* A cell that was already a plain ISO date is bound as it is. */
      if (written.len == 10 && values->dates[i] != OV_DATE_NONE)
        ov_bind_slice (stmt, base + 10 + i, written);
      else
        ov_bind_date (stmt, base + 10 + i, values->dates[i]);
    }
  ov_bind_slice (stmt, base + 14, values->text[ACCOUNT_FIRST_VALUE_MILESTONE]);
  ov_bind_slice (stmt, base + 15, values->text[ACCOUNT_PACKAGE]);
  ov_bind_slice (stmt, base + 16, values->text[ACCOUNT_NOTES]);
}

/* Remembers the text of plain ISO dates so that they bind without
 * formatting; other forms are formatted from the parsed date. */
static void
keep_iso_texts (OvImportRun   *run,
                AccountValues *values)
{
  for (int i = 0; i < N_DATES; i++)
    {
      OvSlice slice = { "", 0 };

      if (GIVEN (values, ACCOUNT_CLOSE_DATE + i))
        {
          slice = ov_import_run_key (run, ACCOUNT_CLOSE_DATE + i);
          if (slice.len != 10 || slice.str[4] != '-')
            slice = (OvSlice) { "", 0 };
        }
      values->text[ACCOUNT_CLOSE_DATE + i] = slice;
    }
}

static void
reject_duplicate_id (OvImportRun   *run,
                     AccountValues *values)
{
  OvSlice id = values->text[ACCOUNT_EXTERNAL_ID];

  ov_import_run_reject (run, ACCOUNT_EXTERNAL_ID, OV_CSV_ERROR_DUPLICATE,
                        _("the external ID “%.*s” is already used by another account or an "
                          "earlier row"),
                        id.len, id.str);
}

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

  bind_values (stmt, 0, values);
  sqlite3_bind_text (stmt, 17, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 18, run->batch_id);

  if (!ov_import_run_step (run, stmt, constraint, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (ov_store_get_db (run->store));
  ov_import_run_created (run, id);

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

          bind_values (stmt, base, &batch->values[i]);
          sqlite3_bind_text (stmt, base + 17, run->now, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, base + 18, run->now, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, base + 19, run->batch_id);
        }

      if (ov_import_run_step (run, stmt, &constraint, &batch->error))
        {
          /* The rows got consecutive ids: the import holds the write lock. */
          last = sqlite3_last_insert_rowid (ov_store_get_db (run->store));
          ov_import_run_created (run, last - BATCH_ROWS + 1);
          ov_import_run_created (run, last);
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
static gboolean
drain (OvImportRun  *run,
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
      if (run->hot[0] == NULL || run->hot[1] == NULL)
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

static gboolean flush_backups (OvImportRun  *run,
                               GError      **error);

static gboolean
finish (OvImportRun  *run,
        GError      **error)
{
  return drain (run, error) && flush_backups (run, error);
}

static gboolean
create_account (OvImportRun     *run,
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

  check_dates (run, values);
  if (run->row_errors > 0)
    return TRUE;

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
      reject_duplicate_id (run, values);
      return TRUE;
    }

  *action = OV_IMPORT_ACTION_CREATE;
  return TRUE;
}

/* A stored text as merge() compares it: NULL as "", up to its first NUL;
 * copied into the row's strings when @copy, as the statement's next step
 * frees it. */
static OvSlice
stored_text (OvImportRun  *run,
             sqlite3_stmt *stmt,
             int           column,
             gboolean      copy)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  if (text == NULL)
    text = "";
  if (copy)
    {
      char *kept = g_strdup (text);

      g_ptr_array_add (run->row_strings, kept);
      text = kept;
    }

  return (OvSlice) { text, strlen (text) };
}

/* Stored dates repeat: the pass over the table reads each text once. */
#define DATE_CACHE_SIZE 4096

typedef struct
{
  char   text[11];
  OvDate date;
} CachedDate;

static OvDate
stored_date (const char *text,
             CachedDate *cache)
{
  OvDate date = OV_DATE_NONE;
  CachedDate *cached = NULL;

  if (cache != NULL && strlen (text) == 10)
    {
      guint key = 0;

      for (int i = 0; i < 10; i++)
        key = key * 31 + (guchar)text[i];
      cached = &cache[key % DATE_CACHE_SIZE];
      if (memcmp (cached->text, text, 11) == 0)
        return cached->date;
    }

  ov_date_parse_iso (text, &date, NULL);

  if (cached != NULL)
    {
      memcpy (cached->text, text, 11);
      cached->date = date;
    }
  return date;
}

/* The fields in @fields of the account a statement's row holds (the 16
 * fields in columns 0 to 15), in the form of imported values. Both an
 * update and the index read accounts here, so what the index hashes is
 * what merge() compares. @dates may cache the dates' texts. */
static void
read_stored (OvImportRun   *run,
             sqlite3_stmt  *stmt,
             guint32        fields,
             gboolean       copy,
             CachedDate    *dates,
             AccountValues *stored)
{
  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    {
      if (!(fields & (1u << field)))
        continue;

      switch (field)
        {
        case ACCOUNT_ARR:
          stored->arr_cents = sqlite3_column_int64 (stmt, field);
          break;
        case ACCOUNT_STAGE:
          stored->stage = sqlite3_column_int (stmt, field);
          break;
        case ACCOUNT_STATUS:
          stored->status = sqlite3_column_int (stmt, field);
          break;
        case ACCOUNT_CLOSE_DATE:
        case ACCOUNT_KICKOFF_DATE:
        case ACCOUNT_GOLIVE_DATE:
        case ACCOUNT_FIRST_VALUE_DATE:
          {
            const char *text = (const char *)sqlite3_column_text (stmt, field);

            stored->dates[field - ACCOUNT_CLOSE_DATE] =
              text != NULL ? stored_date (text, dates) : OV_DATE_NONE;
            stored->text[field] = (OvSlice) { "", 0 };
          }
          break;
        default:
          stored->text[field] = stored_text (run, stmt, field, copy);
          break;
        }
    }
}

#define ALL_FIELDS ((1u << N_ACCOUNT_FIELDS) - 1)

/* The account as stored, in the form of imported values. With @row, the
 * statement is left on the account's row for its backup, and returned
 * there; sqlite3_reset() it when done. */
static gboolean
load_account (OvImportRun    *run,
              gint64          id,
              AccountValues  *stored,
              sqlite3_stmt  **row,
              GError        **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (run->store, select_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (run->store, error, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                          _("reading an account to update"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  read_stored (run, stmt, ALL_FIELDS, TRUE, NULL, stored);

  if (row != NULL)
    *row = stmt;
  else
    sqlite3_reset (stmt);
  return TRUE;
}

void
ov_import_backups_free (OvImportBackups *backups)
{
  if (backups == NULL)
    return;

  g_string_free (backups->json, TRUE);
  g_free (backups);
}

/* A text as a JSON string, escaped as json_object() does. */
static void
append_json_string (GString    *json,
                    const char *text,
                    gsize       length)
{
  static const char hex[] = "0123456789abcdef";
  gsize start = 0;

  g_string_append_c (json, '"');
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\'))
        continue;

      g_string_append_len (json, text + start, i - start);
      start = i + 1;
      switch (c)
        {
        case '"':  g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\b': g_string_append (json, "\\b"); break;
        case '\f': g_string_append (json, "\\f"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        default:
          g_string_append (json, "\\u00");
          g_string_append_c (json, hex[c >> 4]);
          g_string_append_c (json, hex[c & 0xf]);
          break;
        }
    }
  g_string_append_len (json, text + start, length - start);
  g_string_append_c (json, '"');
}

/* One column of @row as a JSON value; FALSE for a blob, which JSON cannot
 * hold (json_object() refuses it too). */
static gboolean
append_json_value (GString      *json,
                   sqlite3_stmt *row,
                   int           column)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (sqlite3_column_type (row, column))
    {
    case SQLITE_NULL:
      g_string_append (json, "null");
      return TRUE;
    case SQLITE_INTEGER:
      {
        /* Without printf: every backup has several. */
        gint64 value = sqlite3_column_int64 (row, column);
        guint64 magnitude = value < 0 ? -(guint64)value : (guint64)value;
        char digits[21];
        int at = sizeof digits;

        do
          digits[--at] = '0' + magnitude % 10;
        while ((magnitude /= 10) > 0);
        if (value < 0)
          g_string_append_c (json, '-');
        g_string_append_len (json, digits + at, sizeof digits - at);
      }
      return TRUE;
    case SQLITE_FLOAT:
      g_string_append (json, g_ascii_dtostr (number, sizeof number,
                                             sqlite3_column_double (row, column)));
      return TRUE;
    case SQLITE_TEXT:
      {
        const char *text = (const char *)sqlite3_column_text (row, column);

        append_json_string (json, text, sqlite3_column_bytes (row, column));
      }
      return TRUE;
    default:
      return FALSE;
    }
}

/* Writes the waiting backups: BACKUP_ROWS of them with one statement,
 * fewer one by one. */
static gboolean
flush_backups (OvImportRun  *run,
               GError      **error)
{
  OvImportBackups *backups = run->account_backups;
  gboolean batch;
  guint done = 0;

  if (backups == NULL || backups->n_rows == 0)
    return TRUE;

  batch = backups->n_rows == BACKUP_ROWS;
  while (done < backups->n_rows)
    {
      sqlite3_stmt *stmt = ov_store_prepare (run->store, batch ? batch_backup_sql : backup_sql,
                                             error);
      guint n = batch ? BACKUP_ROWS : 1;

      if (stmt == NULL)
        return FALSE;

      for (guint i = done; i < done + n; i++)
        {
          int base = (i - done) * BACKUP_PARAMS;
          gsize start = i > 0 ? backups->ends[i - 1] : 0;

          sqlite3_bind_int64 (stmt, base + 1, run->batch_id);
          sqlite3_bind_int64 (stmt, base + 2, backups->row_ids[i]);
          sqlite3_bind_text (stmt, base + 3, backups->json->str + start,
                             backups->ends[i] - start, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, base + 4, backups->versions[i]);
          sqlite3_bind_int64 (stmt, base + 5, backups->versions[i] + 1);
        }
      if (!ov_store_step_done (run->store, stmt, error))
        return FALSE;
      done += n;
    }

  backups->n_rows = 0;
  g_string_truncate (backups->json, 0);
  return TRUE;
}

/* Keeps the account's values before the update, from @row (select_sql on
 * the account), to be written with the next backups; at once with
 * @now, as a savepoint of the row's own expects. */
static gboolean
backup_account (OvImportRun   *run,
                sqlite3_stmt  *row,
                gint64         id,
                gboolean       now,
                GError       **error)
{
  OvImportBackups *backups = run->account_backups;
  guint i;

  if (backups == NULL)
    {
      backups = run->account_backups = g_new0 (OvImportBackups, 1);
      backups->json = g_string_sized_new (BACKUP_ROWS * 512);
    }

  i = backups->n_rows;
  for (int column = 0; column <= SELECT_UPDATED_AT; column++)
    {
      g_string_append (backups->json, column == 0 ? "{\"" : ",\"");
      g_string_append (backups->json,
                       column < N_ACCOUNT_FIELDS ? column_names[column] : "updated_at");
      g_string_append (backups->json, "\":");
      if (!append_json_value (backups->json, row, column))
        {
          g_string_truncate (backups->json, i > 0 ? backups->ends[i - 1] : 0);
          ov_store_set_error (run->store, error, SQLITE_MISMATCH,
                              _("keeping an account's values for undo"));
          return FALSE;
        }
    }
  g_string_append_c (backups->json, '}');
  backups->ends[i] = backups->json->len;
  backups->row_ids[i] = id;
  backups->versions[i] = sqlite3_column_int64 (row, SELECT_VERSION);
  backups->n_rows++;

  if (now || backups->n_rows == BACKUP_ROWS)
    return flush_backups (run, error);
  return TRUE;
}

static gboolean
slices_equal (OvSlice a,
              OvSlice b)
{
  return a.len == b.len && memcmp (a.str, b.str, a.len) == 0;
}

/* Overlays what the row gives on @stored; returns the fields that differ,
 * as bits. */
static guint32
merge (const AccountValues *values,
       AccountValues       *stored)
{
  guint32 changed = 0;

  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    {
      gboolean differs;

      if (!GIVEN (values, field))
        continue;

      switch (field)
        {
        case ACCOUNT_ARR:
          differs = stored->arr_cents != values->arr_cents;
          stored->arr_cents = values->arr_cents;
          break;
        case ACCOUNT_STAGE:
          differs = stored->stage != values->stage;
          stored->stage = values->stage;
          break;
        case ACCOUNT_STATUS:
          differs = stored->status != values->status;
          stored->status = values->status;
          break;
        case ACCOUNT_CLOSE_DATE:
        case ACCOUNT_KICKOFF_DATE:
        case ACCOUNT_GOLIVE_DATE:
        case ACCOUNT_FIRST_VALUE_DATE:
          differs = stored->dates[field - ACCOUNT_CLOSE_DATE] !=
                    values->dates[field - ACCOUNT_CLOSE_DATE];
          stored->dates[field - ACCOUNT_CLOSE_DATE] = values->dates[field - ACCOUNT_CLOSE_DATE];
          break;
        default:
          differs = !slices_equal (stored->text[field], values->text[field]);
          stored->text[field] = values->text[field];
          break;
        }

      if (differs)
        changed |= 1u << field;
    }

  return changed;
}

/* The index's hashes: of an external id, and of the values of @fields in
 * the form merge() compares them, field by field as it does. */
#define KEY_SEED    G_GUINT64_CONSTANT (0x4F56494D504B4559)
#define VALUES_SEED G_GUINT64_CONSTANT (0x4F56494D5056414C)

static guint64
key_hash (OvSlice external_id)
{
  OvImportHash hash;

  ov_import_hash_init (&hash, KEY_SEED);
  ov_import_hash_bytes (&hash, external_id.str, external_id.len);
  return ov_import_hash_end (&hash);
}

static guint64
values_hash (const AccountValues *values,
             guint32              fields)
{
  OvImportHash hash;

  ov_import_hash_init (&hash, VALUES_SEED);

  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    {
      if (!(fields & (1u << field)))
        continue;

      switch (field)
        {
        case ACCOUNT_ARR:
          ov_import_hash_int (&hash, values->arr_cents);
          break;
        case ACCOUNT_STAGE:
          ov_import_hash_int (&hash, values->stage);
          break;
        case ACCOUNT_STATUS:
          ov_import_hash_int (&hash, values->status);
          break;
        case ACCOUNT_CLOSE_DATE:
        case ACCOUNT_KICKOFF_DATE:
        case ACCOUNT_GOLIVE_DATE:
        case ACCOUNT_FIRST_VALUE_DATE:
          ov_import_hash_int (&hash, values->dates[field - ACCOUNT_CLOSE_DATE]);
          break;
        default:
          ov_import_hash_bytes (&hash, values->text[field].str, values->text[field].len);
          break;
        }
    }

  return ov_import_hash_end (&hash);
}

/* The fields the file has columns for, as bits. */
static guint32
mapped_fields (OvImportRun *run)
{
  guint32 fields = 0;

  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    if (ov_import_run_has (run, field))
      fields |= 1u << field;

  return fields;
}

/* A pass over the table costs about what looking up one account in this
 * many does (about 1 µs an account against 8): a file with fewer rows than
 * the table has accounts over this looks its rows up instead. */
#define INDEX_PAYS_PER_ROWS 8

static const char scan_sql[] =
  "SELECT external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, status, "
  "close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, package, "
  "notes, id FROM accounts WHERE id BETWEEN ?1 AND ?2";

/* Below this many accounts, one thread reads them all. */
#define INDEX_SPLIT_MIN 65536

/* The accounts with ids from @first to @last, read into the index: half
 * of them by a helper thread on a connection of its own, so that the two
 * halves are read at once. */
typedef struct
{
  OvImportRun   *run;
  OvStore       *store;
  OvImportIndex *index;
  guint32        fields;
  gint64         first;
  gint64         last;
  gboolean       bad;       /* a row id the index cannot hold */
  GError        *error;
} IndexPart;

static gboolean
scan_part (IndexPart *part)
{
  g_autofree CachedDate *dates = g_new0 (CachedDate, DATE_CACHE_SIZE);
  AccountValues stored;
  sqlite3_stmt *stmt;
  guint n_rows = 0;
  int rc;

  stmt = ov_store_prepare (part->store, scan_sql, &part->error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, part->first);
  sqlite3_bind_int64 (stmt, 2, part->last);

  memset (&stored, 0, sizeof stored);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((++n_rows & 0xffff) == 0 && g_cancellable_is_cancelled (part->run->cancellable))
        break;

      /* Rows without an external id are found by name, never here. */
      if (sqlite3_column_type (stmt, ACCOUNT_EXTERNAL_ID) == SQLITE_NULL)
        continue;

      read_stored (part->run, stmt, part->fields, FALSE, dates, &stored);
      if (!ov_import_index_add (part->index, key_hash (stored.text[ACCOUNT_EXTERNAL_ID]),
                                sqlite3_column_int64 (stmt, N_ACCOUNT_FIELDS),
                                values_hash (&stored, part->fields)))
        {
          /* Row ids beyond max(id), or twice, cannot be: go without. */
          part->bad = TRUE;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (g_cancellable_set_error_if_cancelled (part->run->cancellable, &part->error))
    return FALSE;
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ov_store_set_error (part->store, &part->error, rc, _("reading the accounts"));
      return FALSE;
    }

  return TRUE;
}

static gpointer
scan_part_thread (gpointer data)
{
  IndexPart *part = data;

  return GINT_TO_POINTER (scan_part (part));
}

/* Keeps the stored accounts in an index, when the file is large enough
 * beside the table for one pass over it to pay: its rows are told from
 * its size and @row_bytes, the size of one of them. */
static gboolean
build_index (OvImportRun  *run,
             guint64       row_bytes,
             GError      **error)
{
  g_autoptr(OvImportIndex) index = NULL;
  g_autoptr(OvStore) reader = NULL;
  g_autoptr(GError) reader_error = NULL;
  IndexPart mine, helper;
  GThread *thread = NULL;
  guint32 fields = mapped_fields (run);
  gint64 max_id;
  gboolean ok;

  run->account_index_tried = TRUE;

  /* Previews look at their first rows only. */
  if (run->max_rows > 0 || !ov_import_run_has (run, ACCOUNT_EXTERNAL_ID))
    return TRUE;

  if (!ov_store_query_int64 (run->store, "SELECT max(id) FROM accounts", &max_id, error))
    return FALSE;

  if (max_id == 0 ||
      run->source_size / MAX (row_bytes, 1) * INDEX_PAYS_PER_ROWS < (guint64)max_id)
    return TRUE;

  /* By row id: max(id) is at most INDEX_PAYS_PER_ROWS times the file's
   * rows, which bounds the memory. */
  index = ov_import_index_new (max_id);
  if (index == NULL)
    return TRUE;

  mine = (IndexPart) { run, run->store, index, fields, 1, max_id, FALSE, NULL };
  helper = mine;

  /* The helper reads the committed table, what this connection reads too
   * (see confirm_index()). It reads the upper half, from a multiple of 8
   * (see ov_import_index_add()). Without a connection of its own this
   * thread reads it all. */
  if (max_id >= INDEX_SPLIT_MIN &&
      (reader = ov_store_open_reader (run->store, &reader_error)) != NULL)
    {
      helper.store = reader;
      helper.first = (max_id / 2) & ~(gint64)7;
      mine.last = helper.first - 1;
      thread = g_thread_new ("ov-import-index", scan_part_thread, &helper);
    }
  else if (reader_error != NULL)
    g_debug ("Reading the accounts in one thread: %s", reader_error->message);

  ok = scan_part (&mine);
  if (thread != NULL)
    {
      if (!GPOINTER_TO_INT (g_thread_join (thread)) && ok && !mine.bad &&
          !g_cancellable_is_cancelled (run->cancellable))
        {
          /* The helper's connection failed: read its half here. */
          g_debug ("Reading the accounts again in one thread: %s", helper.error->message);
          g_clear_error (&helper.error);
          helper.store = run->store;
          ok = scan_part (&helper);
          if (!ok)
            g_propagate_error (&mine.error, g_steal_pointer (&helper.error));
        }
      g_clear_error (&helper.error);
    }

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&mine.error));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;
  if (mine.bad || helper.bad)
    return TRUE;

  run->account_index = g_steal_pointer (&index);
  return TRUE;
}

/* Before the import's transaction, while the store may still be checking
 * the file's pages in a thread of its own (OV_STORE_OPEN_CHECK_LATER): the
 * index of the stored accounts, read alongside. The file's rows are told
 * from the size of its header line, as no row is read yet. */
static gboolean
prepare (OvImportRun  *run,
         GError      **error)
{
  guint64 header_bytes = 1;

  for (guint i = 0; i < ov_csv_reader_get_n_columns (run->reader); i++)
    header_bytes += strlen (ov_csv_reader_get_column_name (run->reader, i)) + 1;

  run->account_index_tried = TRUE;
  return build_index (run, header_bytes, error);
}

/* At the first row, inside the transaction: keeps the index read before it
 * when nobody has written since (the transaction holds the write lock from
 * now on); else reads it again, told from the size of this row. */
static gboolean
confirm_index (OvImportRun  *run,
               GError      **error)
{
  guint64 row_bytes = 1;

  run->account_index_confirmed = TRUE;

  if (!run->accounts_lookup)
    {
      g_clear_pointer (&run->account_index, ov_import_index_free);
      return TRUE;
    }

  if (run->account_index_tried)
    {
      if (!run->prepared_stale)
        return TRUE;
      g_debug ("The accounts changed while they were read: reading them again");
      g_clear_pointer (&run->account_index, ov_import_index_free);
    }

  for (guint i = 0; i < ov_csv_row_get_n_fields (run->row); i++)
    {
      gsize length;

      ov_csv_row_get_field (run->row, i, &length);
      row_bytes += length + 1;
    }

  run->account_index_tried = TRUE;
  return build_index (run, row_bytes, error);
}

/* Whether the index shows the row's account, untouched by earlier rows, as
 * having the very values the row gives: then nothing is to be done. Else
 * @guess is the account the index would take the row for, or 0. */
static gboolean
unchanged_in_index (OvImportRun         *run,
                    const AccountValues *values,
                    gint64              *guess)
{
  guint32 fields = mapped_fields (run);
  /* An empty cell that keeps the stored value leaves its field out of the
   * row: then the row's values cannot be hashed as the stored ones were. */
  gboolean complete = values->given == fields;
  gboolean same;

  *guess = ov_import_index_find (run->account_index, key_hash (values->text[ACCOUNT_EXTERNAL_ID]),
                                 complete ? values_hash (values, fields) : 0, &same);
  if (!complete || !same || !ov_import_index_untouched (run->account_index, *guess))
    return FALSE;

  ov_import_index_touch (run->account_index, *guess);
  run->matched_id = *guess;
  return TRUE;
}

/* @loaded is the account as find_account() read it, with @row still on
 * it; NULL to read it here. */
static gboolean
update_account (OvImportRun          *run,
                AccountValues        *values,
                gint64                id,
                const AccountValues  *loaded,
                sqlite3_stmt         *row,
                OvImportAction       *action,
                GError              **error)
{
  AccountValues merged = { { { 0 } } };
  sqlite3_stmt *stmt;
  gboolean constraint;
  gboolean savepoint;
  gboolean ok;
  guint32 changed;
  int old_stage;

  *action = OV_IMPORT_ACTION_REJECT;

  if (loaded != NULL)
    merged = *loaded;
  else if (!load_account (run, id, &merged, &row, error))
    return FALSE;

  old_stage = merged.stage;
  changed = merge (values, &merged);
  if (changed == 0)
    {
      sqlite3_reset (row);
      *action = OV_IMPORT_ACTION_UNCHANGED;
      return TRUE;
    }

  check_dates (run, &merged);
  if (run->row_errors > 0)
    {
      sqlite3_reset (row);
      return TRUE;
    }

  /* Only a new external id can break a constraint (its unique index): the
   * other values were checked as they were read. Without one, nothing of
   * the row needs taking back, and a savepoint per row would copy every
   * page the row touches. */
  savepoint = (changed & (1u << ACCOUNT_EXTERNAL_ID)) != 0;
  /* What other rows wait to write stays out of the savepoint: taking this
   * row back must not take them along. */
  if (savepoint && (!flush_backups (run, error) || !ov_import_run_savepoint (run, error)))
    {
      sqlite3_reset (row);
      return FALSE;
    }

  /* The row is done with before the account changes under it. */
  ok = backup_account (run, row, id, savepoint, error);
  sqlite3_reset (row);
  if (!ok)
    goto failed;

  stmt = ov_store_prepare (run->store, update_sql (changed), error);
  if (stmt == NULL)
    goto failed;

  bind_values (stmt, 0, &merged);
  sqlite3_bind_text (stmt, 17, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 18, id);
  if (!ov_import_run_step (run, stmt, &constraint, error))
    {
      if (!constraint)
        goto failed;
      if (!savepoint)
        {
          ov_store_set_error (run->store, error, SQLITE_CONSTRAINT, _("updating an account"));
          goto failed;
        }
      ov_import_run_rollback_row (run);
      reject_duplicate_id (run, values);
      return TRUE;
    }

  /* Days in a stage are measured from stage events: a new stage is one. */
  if (merged.stage != old_stage)
    {
      stmt = ov_store_prepare (run->store, event_sql, error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, merged.stage);
      sqlite3_bind_int (stmt, 3, old_stage);
      sqlite3_bind_text (stmt, 4, run->today, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, run->now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, run->batch_id);
      if (!ov_store_step_done (run->store, stmt, error))
        goto failed;
    }

  if (savepoint && !ov_import_run_release (run, error))
    goto failed;

  if ((GIVEN (values, ACCOUNT_NAME) || GIVEN (values, ACCOUNT_EXTERNAL_ID)) &&
      !ov_import_run_name_added (run, id, merged.text[ACCOUNT_NAME],
                                 merged.text[ACCOUNT_EXTERNAL_ID].len > 0, TRUE, error))
    return FALSE;

  *action = OV_IMPORT_ACTION_UPDATE;
  return TRUE;

failed:
  /* Without a savepoint the import fails as a whole, and is rolled back. */
  if (savepoint)
    ov_import_run_rollback_row (run);
  return FALSE;
}

static const char seen_sql[] =
  "SELECT import_batch_id IS ?2 OR EXISTS (SELECT 1 FROM import_backups "
  "WHERE batch_id = ?2 AND row_id = ?1) FROM accounts WHERE id = ?1";

/* ov_import_run_seen(), without asking SQLite about an account the index
 * had before the import and no row has named since. */
static gboolean
account_seen (OvImportRun  *run,
              gint64        id,
              gboolean     *seen,
              GError      **error)
{
  if (run->account_index != NULL && ov_import_run_has (run, ACCOUNT_EXTERNAL_ID) &&
      ov_import_index_untouched (run->account_index, id))
    {
      run->matched_id = id;
      *seen = FALSE;
      return TRUE;
    }

  /* The query asks the backups whether this import has changed the
   * account: they must all be written. */
  return flush_backups (run, error) && ov_import_run_seen (run, seen_sql, id, seen, error);
}

/* Which account the row is: 0 for a new one. @guess is the index's, 0 for
 * none; when right, the account is read into @stored and @loaded set. */
static gboolean
find_account (OvImportRun    *run,
              AccountValues  *values,
              gint64          guess,
              AccountValues  *stored,
              gboolean       *loaded,
              sqlite3_stmt  **row,
              gint64         *id,
              GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean has_external_id = GIVEN (values, ACCOUNT_EXTERNAL_ID);
  gboolean seen = FALSE;

  *id = 0;
  *loaded = FALSE;

  /* Once a row without an external id is seen, names must be compared,
   * also with the accounts this import has made. */
  if (!has_external_id)
    run->any_without_external_id = TRUE;

  if (!run->accounts_lookup && !run->any_without_external_id)
    return TRUE;

  /* Lookups must see every account made so far. */
  if (!drain (run, error))
    return FALSE;

  if (has_external_id && guess > 0)
    {
      /* The account is read for the update anyway: reading it first tells
       * whether the guess is right, without the external id's index. */
      if (!load_account (run, guess, stored, row, error))
        return FALSE;
      if (slices_equal (stored->text[ACCOUNT_EXTERNAL_ID], values->text[ACCOUNT_EXTERNAL_ID]))
        {
          *id = guess;
          *loaded = TRUE;
        }
      else
        g_clear_pointer (row, sqlite3_reset);
    }

  if (has_external_id && *id == 0)
    {
      sqlite3_stmt *stmt = ov_store_prepare (run->store,
                                             "SELECT id FROM accounts WHERE external_id = ?1",
                                             error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      ov_bind_slice (stmt, 1, values->text[ACCOUNT_EXTERNAL_ID]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          ov_store_set_error (run->store, error, rc, NULL);
          return FALSE;
        }
    }

  if (has_external_id && *id != 0)
    {
      if (!account_seen (run, *id, &seen, error))
        return FALSE;
      if (seen)
        ov_import_run_reject (run, ACCOUNT_EXTERNAL_ID, OV_CSV_ERROR_DUPLICATE,
                              _("the external ID “%.*s” is on an earlier row of this file "
                                "too"),
                              values->text[ACCOUNT_EXTERNAL_ID].len,
                              values->text[ACCOUNT_EXTERNAL_ID].str);
      return TRUE;
    }

  if (!GIVEN (values, ACCOUNT_NAME))
    return TRUE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!ov_import_run_name_matches (run, values->text[ACCOUNT_NAME], has_external_id, ids, error))
    return FALSE;

  if (ids->len == 1)
    {
      OvSlice name = ov_import_run_key (run, ACCOUNT_NAME);

      *id = g_array_index (ids, gint64, 0);
      if (!account_seen (run, *id, &seen, error))
        return FALSE;
      if (seen)
        ov_import_run_reject (run, ACCOUNT_NAME, OV_CSV_ERROR_DUPLICATE,
                              _("the account “%.*s” is on an earlier row of this file too"),
                              name.len, name.str);
    }
  else if (ids->len > 1)
    {
      OvSlice name = ov_import_run_key (run, ACCOUNT_NAME);

      ov_import_run_reject (run, ACCOUNT_NAME, OV_CSV_ERROR_DUPLICATE,
                            has_external_id
                              ? _("%u accounts without an external ID are named “%.*s”; "
                                  "which one this row is cannot be told")
                              : _("%u accounts are named “%.*s”; add an external_id column "
                                  "to tell them apart"),
                            ids->len, name.len, name.str);
    }

  return TRUE;
}

static gboolean
import_row (OvImportRun     *run,
            OvImportAction  *action,
            GError         **error)
{
  AccountValues values, stored;
  sqlite3_stmt *row = NULL;
  gboolean loaded = FALSE;
  gboolean ok;
  gint64 id = 0, guess = 0;

  memset (&values, 0, sizeof values);
  *action = OV_IMPORT_ACTION_REJECT;

  if (!run->account_index_confirmed && !confirm_index (run, error))
    return FALSE;

  read_values (run, &values);
  if (run->restart)
    return TRUE;
  if (run->row_errors > 0)
    {
      /* Report the dates' order too, where the row has its own close date. */
      if (GIVEN (&values, ACCOUNT_CLOSE_DATE))
        check_dates (run, &values);
      return TRUE;
    }
  keep_iso_texts (run, &values);

  if (run->account_index != NULL && GIVEN (&values, ACCOUNT_EXTERNAL_ID) &&
      unchanged_in_index (run, &values, &guess))
    {
      *action = OV_IMPORT_ACTION_UNCHANGED;
      return TRUE;
    }

  memset (&stored, 0, sizeof stored);
  if (!find_account (run, &values, guess, &stored, &loaded, &row, &id, error))
    {
      g_clear_pointer (&row, sqlite3_reset);
      return FALSE;
    }
  /* Whether a later row names the same account is asked of the index. */
  if (id != 0 && run->account_index != NULL)
    ov_import_index_touch (run->account_index, id);
  if (run->row_errors > 0 || id == 0)
    {
      g_clear_pointer (&row, sqlite3_reset);
      if (run->row_errors > 0)
        return TRUE;
      return create_account (run, &values, action, error);
    }

  ok = update_account (run, &values, id, loaded ? &stored : NULL, loaded ? row : NULL, action,
                       error);
  /* Every path through it resets the row; this is for the ones added later. */
  g_clear_pointer (&row, sqlite3_reset);
  return ok;
}

/* A deleted account waits in the bin until the app starts again: undo
 * leaves it there. */
#define ACCOUNT_LIVE "t.deleted_at IS NULL"
#define CREATED_ACCOUNTS                                                         \
  "(SELECT id FROM accounts WHERE id BETWEEN ?2 AND ?3 AND import_batch_id = ?1 " \
  "AND deleted_at IS NULL)"

const OvImportKindClass ov_import_accounts_class = {
  .check_columns = check_columns,
  .prepare = prepare,
  .import_row = import_row,
  .finish = finish,
  .table = "accounts",
  .updated_sql = OV_UNDO_UPDATED_SQL ("accounts", ACCOUNT_LIVE, "t.name",
                                      "json_extract (b.old_row, '$.name')"),
  .created_sql = OV_UNDO_CREATED_SQL ("accounts", ACCOUNT_LIVE, "t.name"),
  .children_sql =
    "SELECT "
    "(SELECT count(*) FROM people WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1), "
    "(SELECT count(*) FROM tasks WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1), "
    "(SELECT count(*) FROM stage_events WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1), "
    "(SELECT count(*) FROM stage_answers WHERE account_id IN " CREATED_ACCOUNTS "), "
    "(SELECT count(*) FROM metric_values WHERE account_id IN " CREATED_ACCOUNTS
    " AND import_batch_id IS NOT ?1)",
  .propagate_sql = OV_UNDO_PROPAGATE_SQL ("accounts", ACCOUNT_LIVE),
  /* The stage changes it recorded go with the stages it set. */
  .restore_extra_sql = {
    "DELETE FROM stage_events WHERE import_batch_id = ?1 AND account_id IN "
    "(SELECT t.id " OV_UNDO_AS_LEFT ("accounts", ACCOUNT_LIVE) "WHERE b.batch_id = ?1)",
    NULL,
  },
  .restore_sql =
    "UPDATE accounts AS t SET "
    "external_id = json_extract (b.old_row, '$.external_id'), "
    "name = json_extract (b.old_row, '$.name'), "
    "segment = json_extract (b.old_row, '$.segment'), "
    "owner = json_extract (b.old_row, '$.owner'), "
    "sales_owner = json_extract (b.old_row, '$.sales_owner'), "
    "arr_cents = json_extract (b.old_row, '$.arr_cents'), "
    "currency = json_extract (b.old_row, '$.currency'), "
    "stage = json_extract (b.old_row, '$.stage'), "
    "status = json_extract (b.old_row, '$.status'), "
    "close_date = json_extract (b.old_row, '$.close_date'), "
    "kickoff_date = json_extract (b.old_row, '$.kickoff_date'), "
    "golive_date = json_extract (b.old_row, '$.golive_date'), "
    "first_value_date = json_extract (b.old_row, '$.first_value_date'), "
    "first_value_milestone = json_extract (b.old_row, '$.first_value_milestone'), "
    "package = json_extract (b.old_row, '$.package'), "
    "notes = json_extract (b.old_row, '$.notes'), "
    "updated_at = json_extract (b.old_row, '$.updated_at') "
    OV_UNDO_RESTORE_WHERE (ACCOUNT_LIVE),
  .delete_created_sql = OV_UNDO_DELETE_SQL ("accounts"),
};
