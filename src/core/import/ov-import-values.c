/* ov-import-values.c — reading the cells of an import row, and finding
 * the accounts rows refer to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every reader reports its own problem, at the cell's line and column and
 * prefixed with the column's name as the file spells it, and returns FALSE;
 * the row is then rejected. The hot paths (plain ISO dates, plain numbers,
 * stage ids) avoid allocating: a million-row import reads ten million
 * cells.
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

gboolean
ov_import_run_has (OvImportRun *run,
                   int          field)
{
  return run->column_of[field] >= 0;
}

/* The cell as written, less the apostrophe an export put before text a
 * spreadsheet would take for a formula. */
OvSlice
ov_import_run_text (OvImportRun *run,
                    int          field)
{
  OvSlice slice = { "", 0 };
  gsize length;

  if (run->column_of[field] < 0)
    return slice;

  slice.str = ov_csv_row_get_field (run->row, run->column_of[field], &length);
  slice.len = length;
  if (slice.str[0] == '\'' && ov_csv_text_needs_neutralizing (slice.str + 1, length - 1))
    {
      slice.str++;
      slice.len--;
    }

  return slice;
}

/* The cell without spaces around it: for ids, codes, dates and numbers. */
OvSlice
ov_import_run_key (OvImportRun *run,
                   int          field)
{
  OvSlice slice = ov_import_run_text (run, field);

  while (slice.len > 0 && g_ascii_isspace (slice.str[0]))
    {
      slice.str++;
      slice.len--;
    }
  while (slice.len > 0 && g_ascii_isspace (slice.str[slice.len - 1]))
    slice.len--;

  return slice;
}

/* A NUL-terminated copy that lives until the next row; no copy when the
 * slice already ends the cell. */
const char *
ov_import_run_dup (OvImportRun *run,
                   OvSlice      slice)
{
  char *copy;

  if (slice.str[slice.len] == '\0')
    return slice.str;

  copy = g_strndup (slice.str, slice.len);
  g_ptr_array_add (run->row_strings, copy);
  return copy;
}

gboolean
ov_slice_equal (OvSlice     slice,
                const char *text)
{
  if (text == NULL)
    text = "";

  return strncmp (slice.str, text, slice.len) == 0 && text[slice.len] == '\0';
}

static const char *
order_name (OvDateOrder order)
{
  return order == OV_DATE_ORDER_DMY ? _("day/month/year") : _("month/day/year");
}

/* Reads a date cell. Numeric dates (03/04/2026) are read in the order the
 * user chose, or else in the order the column's own values prove: one with
 * a number over 12 decides for the whole column. A column that never says
 * stays unreadable until the user chooses. */
gboolean
ov_import_run_date (OvImportRun *run,
                    int          field,
                    OvDate      *date)
{
  g_autoptr(GError) error = NULL;
  OvSlice slice = ov_import_run_key (run, field);
  const char *text;
  OvDateOrder order;

  *date = OV_DATE_NONE;
  if (slice.len == 0)
    return TRUE;

  if (ov_date_parse_iso_exact (slice.str, slice.len, date))
    return TRUE;

  text = ov_import_run_dup (run, slice);
  if (!ov_date_is_numeric (text))
    {
      if (!ov_date_parse_iso (text, date, &error))
        {
          ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, "%s", error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (!ov_date_check_numeric_time (text, &error))
    {
      ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, "%s", error->message);
      return FALSE;
    }

  order = run->user_date_order;
  if (order == OV_DATE_ORDER_AUTO)
    {
      OvDateOrder guess = ov_date_guess_order (text);

      if (run->date_conflict_line[field] > 0)
        {
          OvDateOrder first = run->date_order[field];

          ov_import_run_reject (run, field, OV_CSV_ERROR_DATE_ORDER,
                                _("the dates of this column are not all in one order: line %u "
                                  "has “%s” (%s) and line %u has “%s” (%s); choose the date "
                                  "order"),
                                run->date_order_line[field], run->date_order_text[field],
                                order_name (first), run->date_conflict_line[field],
                                run->date_conflict_text[field],
                                order_name (first == OV_DATE_ORDER_DMY ? OV_DATE_ORDER_MDY
                                                                       : OV_DATE_ORDER_DMY));
          return FALSE;
        }

      order = run->date_order[field];
      if (order == OV_DATE_ORDER_AUTO && guess != OV_DATE_ORDER_AUTO)
        {
          /* The first value that decides: later ones follow it. */
          order = run->date_order[field] = guess;
          run->date_order_line[field] = ov_csv_row_get_line (run->row);
          g_free (run->date_order_text[field]);
          run->date_order_text[field] = g_strdup (text);
        }
      else if (order != OV_DATE_ORDER_AUTO && guess != OV_DATE_ORDER_AUTO && guess != order)
        {
          /* A mixed column: read it all, so that every date in it is
           * refused, not just those after the first contradiction. */
          if (!run->dates_prescanned)
            {
              run->restart = TRUE;
              return FALSE;
            }

          ov_import_run_reject (run, field, OV_CSV_ERROR_DATE_ORDER,
                                _("“%s” can only be %s, but line %u has “%s”, which can only "
                                  "be %s; choose the date order"),
                                text, order_name (guess), run->date_order_line[field],
                                run->date_order_text[field], order_name (order));
          return FALSE;
        }

      if (order == OV_DATE_ORDER_AUTO)
        {
          if (ov_date_parse_with_order (text, OV_DATE_ORDER_AUTO, date, NULL))
            return TRUE;   /* the same day either way, such as 05/05/2026 */

          if (!run->dates_prescanned)
            {
              /* A later row may decide: read the whole column first. */
              run->restart = TRUE;
              return FALSE;
            }

          ov_import_run_reject (run, field, OV_CSV_ERROR_DATE_ORDER,
                                _("“%s” could be day/month/year or month/day/year, and no date "
                                  "in this column tells which; choose the date order"),
                                text);
          return FALSE;
        }
    }

  if (!ov_date_parse_with_order (text, order, date, &error))
    {
      ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Lower-case ASCII letters and digits of @slice, nothing else; FALSE when
 * it does not fit or has other letters (then the slow path decides). */
static gboolean
squeeze (OvSlice  slice,
         char    *out,
         gsize    size)
{
  gsize n = 0;

  for (int i = 0; i < slice.len; i++)
    {
      guchar c = slice.str[i];

      if (c >= 0x80)
        return FALSE;
      if (!g_ascii_isalnum (c))
        continue;
      if (n + 1 >= size)
        return FALSE;
      out[n++] = g_ascii_tolower (c);
    }

  out[n] = '\0';
  return TRUE;
}

/* A stage by id, title or number; 0 when the cell is empty. */
gboolean
ov_import_run_stage (OvImportRun *run,
                     int          field,
                     OvStage     *stage)
{
  static const char * const ids[] = { "embark", "handoff", "kickoff", "adopt", "review", "expand" };
  OvSlice slice = ov_import_run_key (run, field);
  char word[16];

  *stage = 0;
  if (slice.len == 0)
    return TRUE;

  if (slice.len == 1 && slice.str[0] >= '1' && slice.str[0] <= '6')
    {
      *stage = slice.str[0] - '0';
      return TRUE;
    }

  if (squeeze (slice, word, sizeof word))
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      if (strcmp (word, ids[i]) == 0)
        {
          *stage = i + 1;
          return TRUE;
        }

  if (ov_stage_parse (ov_import_run_dup (run, slice), stage))
    return TRUE;

  ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                        _("“%.*s” is not a stage; use Embark, Handoff, Kickoff, Adopt, Review, "
                          "Expand or their number 1–6"),
                        slice.len, slice.str);
  return FALSE;
}

/* An account status by name; -1 when the cell is empty. */
gboolean
ov_import_run_status (OvImportRun *run,
                      int          field,
                      int         *status)
{
  static const char * const ids[] = { "active", "paused", "churned" };
  OvSlice slice = ov_import_run_key (run, field);
  OvAccountStatus parsed;
  char word[16];

  *status = -1;
  if (slice.len == 0)
    return TRUE;

  if (squeeze (slice, word, sizeof word))
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      if (strcmp (word, ids[i]) == 0)
        {
          *status = i;
          return TRUE;
        }

  if (ov_account_status_parse (ov_import_run_dup (run, slice), &parsed))
    {
      *status = parsed;
      return TRUE;
    }

  ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                        _("“%.*s” is not a status; use Active, Paused or Churned"),
                        slice.len, slice.str);
  return FALSE;
}

gboolean
ov_import_run_boolean (OvImportRun *run,
                       int          field,
                       gboolean    *value)
{
  static const char * const yes[] = { "1", "true", "yes", "y", "x", "baseline", "before" };
  static const char * const no[] = { "0", "false", "no", "n", "after" };
  OvSlice slice = ov_import_run_key (run, field);
  const char *text;

  *value = FALSE;
  if (slice.len == 0)
    return TRUE;

  text = ov_import_run_dup (run, slice);
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return TRUE;

  if (g_utf8_collate (text, _("yes")) == 0)
    {
      *value = TRUE;
      return TRUE;
    }
  if (g_utf8_collate (text, _("no")) == 0)
    return TRUE;

  ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                        _("“%s” is neither yes nor no; use yes, no, true, false, 1 or 0"), text);
  return FALSE;
}

/* A decimal number: "12.5", "12,5", "1,234.5", "-3", "80 %". Thousands
 * groups and decimal marks as ov_number_scan() reads them; a lone
 * separator before three digits ("1,234") is refused as ambiguous. No
 * allocation: the digits are copied to the stack. */
gboolean
ov_import_run_number (OvImportRun *run,
                      int          field,
                      double      *value)
{
  OvSlice slice = ov_import_run_key (run, field);
  char plain[OV_NUMBER_PLAIN_SIZE + 1];
  OvNumberStatus status = OV_NUMBER_NOT_A_NUMBER;
  const char *p = slice.str;
  const char *end = slice.str + slice.len;
  char *parsed_end = NULL;
  gsize size;

  *value = 0;

  plain[0] = '\0';
  if (p < end && (*p == '-' || *p == '+'))
    plain[0] = *p++;

  size = ov_number_scan (p, end - p, OV_NUMBER_LONE_GROUP_AMBIGUOUS,
                         plain + (plain[0] != '\0'), &status);
  p += size;
  while (p < end && *p == ' ')
    p++;
  if (p < end && *p == '%')
    p++;

  if (size == 0 || p != end)
    status = OV_NUMBER_NOT_A_NUMBER;

  if (status == OV_NUMBER_OK)
    {
      *value = g_ascii_strtod (plain, &parsed_end);
      if (parsed_end == plain || *parsed_end != '\0' || !isfinite (*value))
        status = OV_NUMBER_NOT_A_NUMBER;
    }

  if (status != OV_NUMBER_OK)
    {
      g_autofree char *message = ov_number_describe (status, slice.str, slice.len);

      *value = 0;
      ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, "%s", message);
      return FALSE;
    }

  return TRUE;
}

/* A role id from a role's id or title; NULL (and the row rejected) when
 * @text names no role. */
const char *
ov_import_run_role (OvImportRun *run,
                    int          field,
                    OvSlice      text)
{
  g_autoptr(GString) titles = NULL;
  const char *role;

  role = ov_role_parse (ov_import_run_dup (run, text));
  if (role != NULL)
    return role;

  titles = g_string_new (NULL);
  for (const char * const *id = ov_role_list_all (); *id != NULL; id++)
    {
      if (titles->len > 0)
        g_string_append (titles, ", ");
      g_string_append (titles, ov_role_get_title (*id));
    }

  ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, _("“%.*s” is not a role; roles are: %s"),
                        text.len, text.str, titles->str);
  return NULL;
}

/* The form names are compared in: spaces around dropped, case folded. */
void
ov_import_name_key (const char *text,
                    gsize       length,
                    GString    *key)
{
  gboolean ascii = TRUE;

  g_string_truncate (key, 0);

  while (length > 0 && g_ascii_isspace (*text))
    {
      text++;
      length--;
    }
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;

  for (gsize i = 0; i < length; i++)
    if ((guchar)text[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      for (gsize i = 0; i < length; i++)
        g_string_append_c (key, g_ascii_tolower (text[i]));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, length);
      g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);

      g_string_append (key, normal ? normal : folded);
    }
}

/* Builds the name index the first time a name is looked up: every account,
 * and from then on every account this import creates or renames. */
static gboolean
ensure_names (OvImportRun  *run,
              GError      **error)
{
  g_autoptr(GString) key = NULL;
  sqlite3_stmt *list, *insert;
  int rc;

  if (run->names_ready)
    return TRUE;

  if (!ov_store_exec (run->store,
                      "CREATE TEMP TABLE IF NOT EXISTS ov_import_names ("
                      "  key TEXT NOT NULL, account_id INTEGER NOT NULL,"
                      "  has_external INTEGER NOT NULL);"
                      "CREATE INDEX IF NOT EXISTS temp.ov_import_names_key"
                      "  ON ov_import_names (key);"
                      "CREATE INDEX IF NOT EXISTS temp.ov_import_names_account"
                      "  ON ov_import_names (account_id);"
                      "DELETE FROM temp.ov_import_names;",
                      error))
    return FALSE;

  list = ov_store_prepare (run->store,
                           "SELECT id, name, external_id IS NOT NULL FROM accounts "
                           "WHERE deleted_at IS NULL",
                           error);
  if (list == NULL)
    return FALSE;

  key = g_string_new (NULL);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (list, 1);

      insert = ov_store_prepare (run->store,
                                 "INSERT INTO temp.ov_import_names (key, account_id, has_external) "
                                 "VALUES (?1, ?2, ?3)",
                                 error);
      if (insert == NULL)
        {
          sqlite3_reset (list);
          return FALSE;
        }

      ov_import_name_key (name ? name : "", sqlite3_column_bytes (list, 1), key);
      sqlite3_bind_text (insert, 1, key->str, key->len, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, sqlite3_column_int64 (list, 0));
      sqlite3_bind_int (insert, 3, sqlite3_column_int (list, 2));
      if (!ov_store_step_done (run->store, insert, error))
        {
          sqlite3_reset (list);
          return FALSE;
        }
    }

  sqlite3_reset (list);
  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, _("reading account names"));
      return FALSE;
    }

  run->names_ready = TRUE;
  return TRUE;
}

/* The accounts named @name, ignoring case and spaces around it. */
gboolean
ov_import_run_name_matches (OvImportRun  *run,
                            OvSlice       name,
                            gboolean      without_external_id,
                            GArray       *ids,
                            GError      **error)
{
  g_autoptr(GString) key = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_size (ids, 0);

  if (!ensure_names (run, error))
    return FALSE;

  stmt = ov_store_prepare (run->store,
                           "SELECT account_id, has_external FROM temp.ov_import_names "
                           "WHERE key = ?1 ORDER BY account_id",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_import_name_key (name.str, name.len, key);
  sqlite3_bind_text (stmt, 1, key->str, key->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!without_external_id || sqlite3_column_int (stmt, 1) == 0)
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (run->store, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Keeps the name index (if built) in step with an account the import
 * created (@replace FALSE) or renamed or gave an external id (TRUE). */
gboolean
ov_import_run_name_added (OvImportRun  *run,
                          gint64        account_id,
                          OvSlice       name,
                          gboolean      has_external_id,
                          gboolean      replace,
                          GError      **error)
{
  g_autoptr(GString) key = NULL;
  sqlite3_stmt *stmt;

  if (!run->names_ready)
    return TRUE;

  if (replace)
    {
      stmt = ov_store_prepare (run->store,
                               "DELETE FROM temp.ov_import_names WHERE account_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      if (!ov_store_step_done (run->store, stmt, error))
        return FALSE;
    }

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO temp.ov_import_names (key, account_id, has_external) "
                           "VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  key = g_string_new (NULL);
  ov_import_name_key (name.str, name.len, key);
  sqlite3_bind_text (stmt, 1, key->str, key->len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, account_id);
  sqlite3_bind_int (stmt, 3, has_external_id);

  return ov_store_step_done (run->store, stmt, error);
}

/* People, tasks and metrics need a column naming their account. */
gboolean
ov_import_run_check_account_columns (OvImportRun *run)
{
  if (!ov_import_run_has (run, REF_ACCOUNT_EXTERNAL_ID) && !ov_import_run_has (run, REF_ACCOUNT))
    {
      ov_import_run_missing_column (run,
                                    _("the file has neither an account nor an "
                                      "account_external_id column: each row must say which "
                                      "account it belongs to"));
      return FALSE;
    }

  return TRUE;
}

/* The account a people, task or metric row belongs to: by its external id
 * when the row gives one, else by its exact name, ignoring case. Sets
 * @account_id to 0 (and rejects the row) when there is no single one. */
gboolean
ov_import_run_find_account (OvImportRun  *run,
                            gint64       *account_id,
                            GError      **error)
{
  OvSlice external_id = ov_import_run_key (run, REF_ACCOUNT_EXTERNAL_ID);
  OvSlice name = ov_import_run_key (run, REF_ACCOUNT);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *account_id = 0;

  if (external_id.len > 0)
    {
      stmt = ov_store_prepare (run->store, "SELECT id FROM accounts WHERE external_id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;

      ov_bind_slice (stmt, 1, external_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *account_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          ov_store_set_error (run->store, error, rc, NULL);
          return FALSE;
        }

      if (*account_id == 0)
        ov_import_run_reject (run, REF_ACCOUNT_EXTERNAL_ID, OV_CSV_ERROR_NOT_FOUND,
                              _("no account has the external ID “%.*s”"),
                              external_id.len, external_id.str);
      return TRUE;
    }

  if (name.len == 0)
    {
      ov_import_run_reject (run, ov_import_run_has (run, REF_ACCOUNT) ? REF_ACCOUNT
                                                                      : REF_ACCOUNT_EXTERNAL_ID,
                            OV_CSV_ERROR_VALUE,
                            _("the row does not say which account it belongs to"));
      return TRUE;
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!ov_import_run_name_matches (run, name, FALSE, ids, error))
    return FALSE;

  if (ids->len == 1)
    *account_id = g_array_index (ids, gint64, 0);
  else if (ids->len == 0)
    ov_import_run_reject (run, REF_ACCOUNT, OV_CSV_ERROR_NOT_FOUND,
                          _("there is no account named “%.*s”"), name.len, name.str);
  else
    ov_import_run_reject (run, REF_ACCOUNT, OV_CSV_ERROR_DUPLICATE,
                          _("%u accounts are named “%.*s”; give the account's external ID "
                            "instead"),
                          ids->len, name.len, name.str);

  return TRUE;
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

