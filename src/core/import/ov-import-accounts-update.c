/* ov-import-accounts-update.c — a row onto the account it names: the
 * account read, the row's values laid over it, and only what changes
 * written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An update sets only the columns that change, so that SQLite leaves the
 * indexes of the others alone; what it replaces is kept for undo first
 * (ov-import-accounts-backup.c). A new stage is recorded as a stage event,
 * as days in a stage are measured from those.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-accounts-private.h"

static const char select_sql[] =
  "SELECT external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, status, "
  "close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, package, "
  "notes, churned_on, package_id, updated_at, version FROM accounts WHERE id = ?1";

/* The columns of the fields, in their order. */
const char * const ov_import_accounts_columns[N_ACCOUNT_FIELDS] = {
  "external_id", "name", "segment", "owner", "sales_owner", "arr_cents", "currency", "stage",
  "status", "close_date", "kickoff_date", "golive_date", "first_value_date",
  "first_value_milestone", "package", "notes", "churned_on",
};

#define PARAM_UPDATED_AT (PARAM_PACKAGE_ID + 1)
#define PARAM_ID         (PARAM_PACKAGE_ID + 2)

/* The UPDATE of the fields in @changed (bits of field indexes): the field
 * is bound as parameter field + 1, as ov_import_accounts_bind_values()
 * does, a new package with its id, updated_at and the id after them.
 * Unchanged columns stay out, so that SQLite leaves their indexes and
 * constraints alone. The texts are built from the names above only, once
 * per set of fields, and kept for the statement cache. */
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
      g_string_append_printf (text, "%s = ?%d, ", ov_import_accounts_columns[field], field + 1);
  if (changed & (1u << ACCOUNT_PACKAGE))
    g_string_append_printf (text, "package_id = ?%d, ", PARAM_PACKAGE_ID);
  g_string_append_printf (text, "updated_at = ?%d, version = version + 1 WHERE id = ?%d",
                          PARAM_UPDATED_AT, PARAM_ID);

  sql = g_intern_string (text->str);
  g_atomic_pointer_set (&sqls[changed], sql);
  return sql;
}

/* A new stage for an account, dated by the row's stage_entered_on or the
 * import's day; its tasks are made when the import finishes. */
static const char event_sql[] =
  "INSERT INTO stage_events (account_id, stage, from_stage, kind, happened_on, note, "
  "created_at, import_batch_id) VALUES (?1, ?2, ?3, 'enter', ?4, '', ?5, ?6)";

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

/* The fields in @fields of the account a statement's row holds (the 17
 * fields in columns 0 to 16), in the form of imported values. Both an
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
          stored->arr_cents = sqlite3_column_type (stmt, field) == SQLITE_NULL
                              ? OV_MONEY_UNKNOWN : sqlite3_column_int64 (stmt, field);
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
        case ACCOUNT_CHURNED_ON:
          {
            const char *text = (const char *)sqlite3_column_text (stmt, field);

            stored->churned_on = text != NULL ? stored_date (text, dates) : OV_DATE_NONE;
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
gboolean
ov_import_accounts_load (OvImportRun    *run,
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
  stored->package_id = sqlite3_column_int64 (stmt, SELECT_PACKAGE_ID);

  if (row != NULL)
    *row = stmt;
  else
    sqlite3_reset (stmt);
  return TRUE;
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
        case ACCOUNT_CHURNED_ON:
          /* Settled with the status after the merge. */
          differs = FALSE;
          break;
        case ACCOUNT_PACKAGE:
          differs = !ov_slices_equal (stored->text[field], values->text[field]) ||
                    stored->package_id != values->package_id || values->package_new;
          stored->text[field] = values->text[field];
          stored->package_id = values->package_id;
          stored->package_new = values->package_new;
          break;
        default:
          differs = !ov_slices_equal (stored->text[field], values->text[field]);
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
gboolean
ov_import_accounts_update (OvImportRun          *run,
                           AccountValues        *values,
                           gint64                id,
                           const AccountValues  *loaded,
                           sqlite3_stmt         *row,
                           OvImportAction       *action,
                           GError              **error)
{
  AccountValues merged = { { { 0 } } };
  AccountValues old;
  sqlite3_stmt *stmt;
  gboolean constraint;
  gboolean savepoint;
  gboolean ok;
  guint32 changed;
  int old_stage;

  *action = OV_IMPORT_ACTION_REJECT;

  if (loaded != NULL)
    merged = *loaded;
  else if (!ov_import_accounts_load (run, id, &merged, &row, error))
    return FALSE;

  old_stage = merged.stage;
  old = merged;
  changed = merge (values, &merged);
  ov_import_accounts_settle_churn (run, values, &old, &merged);
  if (merged.churned_on != old.churned_on)
    changed |= 1u << ACCOUNT_CHURNED_ON;
  if (run->row_errors > 0)
    {
      sqlite3_reset (row);
      return TRUE;
    }
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

  /* Outside the row's savepoint: the package stays made for later rows
   * that name it. */
  if (!ov_import_accounts_make_package (run, &merged, error))
    {
      sqlite3_reset (row);
      return FALSE;
    }

  /* Only a new external id can break a constraint (its unique index): the
   * other values were checked as they were read. Without one, nothing of
   * the row needs taking back, and a savepoint per row would copy every
   * page the row touches. */
  savepoint = (changed & (1u << ACCOUNT_EXTERNAL_ID)) != 0;
  /* What other rows wait to write stays out of the savepoint: taking this
   * row back must not take them along. */
  if (savepoint && (!ov_import_accounts_flush_backups (run, error) ||
                    !ov_import_run_savepoint (run, error)))
    {
      sqlite3_reset (row);
      return FALSE;
    }

  /* The row is done with before the account changes under it. */
  ok = ov_import_accounts_backup (run, row, id, savepoint, error);
  sqlite3_reset (row);
  if (!ok)
    goto failed;

  stmt = ov_store_prepare (run->store, update_sql (changed), error);
  if (stmt == NULL)
    goto failed;

  ov_import_accounts_bind_values (stmt, 0, &merged);
  sqlite3_bind_text (stmt, PARAM_UPDATED_AT, run->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, PARAM_ID, id);
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
      stmt = ov_store_prepare (run->store, event_sql, error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, merged.stage);
      sqlite3_bind_int (stmt, 3, old_stage);
      if (values->stage_entered_on != OV_DATE_NONE)
        ov_bind_date (stmt, 4, values->stage_entered_on);
      else
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
