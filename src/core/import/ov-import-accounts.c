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

#include "ov-import-accounts-private.h"
#include "ov-money.h"
#include "ov-stage.h"

static const char select_sql[] =
  "SELECT external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, status, "
  "close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, package, "
  "notes, updated_at, version FROM accounts WHERE id = ?1";

/* The columns of select_sql after the 16 fields. */
#define SELECT_UPDATED_AT N_ACCOUNT_FIELDS
#define SELECT_VERSION    (N_ACCOUNT_FIELDS + 1)

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

const char ov_import_accounts_event_sql[] =
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
void
ov_import_accounts_check_dates (OvImportRun   *run,
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
void
ov_import_accounts_bind_values (sqlite3_stmt        *stmt,
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

void
ov_import_accounts_reject_duplicate_id (OvImportRun   *run,
                                        AccountValues *values)
{
  OvSlice id = values->text[ACCOUNT_EXTERNAL_ID];

  ov_import_run_reject (run, ACCOUNT_EXTERNAL_ID, OV_CSV_ERROR_DUPLICATE,
                        _("the external ID “%.*s” is already used by another account or an "
                          "earlier row"),
                        id.len, id.str);
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
void
ov_import_accounts_read_stored (OvImportRun   *run,
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

  ov_import_accounts_read_stored (run, stmt, ALL_FIELDS, TRUE, NULL, stored);

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
gboolean
ov_import_accounts_flush_backups (OvImportRun  *run,
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
    return ov_import_accounts_flush_backups (run, error);
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

  ov_import_accounts_check_dates (run, &merged);
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
  if (savepoint && (!ov_import_accounts_flush_backups (run, error) || !ov_import_run_savepoint (run, error)))
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

  ov_import_accounts_bind_values (stmt, 0, &merged);
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
      ov_import_accounts_reject_duplicate_id (run, values);
      return TRUE;
    }

  /* Days in a stage are measured from stage events: a new stage is one. */
  if (merged.stage != old_stage)
    {
      stmt = ov_store_prepare (run->store, ov_import_accounts_event_sql, error);
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
  return ov_import_accounts_flush_backups (run, error) && ov_import_run_seen (run, seen_sql, id, seen, error);
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
  if (!ov_import_accounts_drain (run, error))
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

  if (!run->account_index_confirmed && !ov_import_accounts_confirm_index (run, error))
    return FALSE;

  read_values (run, &values);
  if (run->restart)
    return TRUE;
  if (run->row_errors > 0)
    {
      /* Report the dates' order too, where the row has its own close date. */
      if (GIVEN (&values, ACCOUNT_CLOSE_DATE))
        ov_import_accounts_check_dates (run, &values);
      return TRUE;
    }
  keep_iso_texts (run, &values);

  if (run->account_index != NULL && GIVEN (&values, ACCOUNT_EXTERNAL_ID) &&
      ov_import_accounts_unchanged_in_index (run, &values, &guess))
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
      return ov_import_accounts_create_account (run, &values, action, error);
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
  .prepare = ov_import_accounts_prepare,
  .import_row = import_row,
  .finish = ov_import_accounts_finish,
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
