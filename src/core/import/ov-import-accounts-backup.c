/* ov-import-accounts-backup.c — what an import's updates replace, kept for
 * its undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before an update changes an account, the row it read is written down as
 * a JSON object in import_backups; undo puts those values back, for the
 * accounts nobody has changed since (their version tells).
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-accounts-private.h"

/* The values an update replaces, for undo: the account's row as it was,
 * as a JSON object (what undo's json_extract() reads), with its version.
 * Rows of VALUES, not INSERT … SELECT, so that a failing statement has
 * only its own rows to take back. The object is written here from the row
 * the update read (ov-import-accounts-update.c): json_object() over the
 * table would look the row up again, and binding 20 values per row costs
 * more than the writing. Only the first change of an account in a batch
 * counts, as undo restores the values before the import. */
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

/* Keeps the account's values before the update, from @row (the update's
 * read of the account), to be written with the next backups; at once with
 * @now, as a savepoint of the row's own expects. */
gboolean
ov_import_accounts_backup (OvImportRun   *run,
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
      g_string_append (backups->json, column < N_ACCOUNT_FIELDS
                                        ? ov_import_accounts_columns[column]
                                        : column == SELECT_PACKAGE_ID ? "package_id"
                                                                      : "updated_at");
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
