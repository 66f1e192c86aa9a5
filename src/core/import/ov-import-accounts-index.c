/* ov-import-accounts-index.c — the stored accounts of a re-import, read
 * once into an index in memory (ov-import-index.c), so that a row the index
 * shows unchanged needs no SQL at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index is read before the import's transaction, beside the check of
 * the file's pages, by two threads; PRAGMA data_version says whether
 * another connection wrote before the transaction began, and then it is
 * read again at the first row.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-accounts-private.h"
#include "ov-import-index.h"

/* The index's hashes: of an external id, and of the values of @fields in
 * the form merge() (ov-import-accounts-update.c) compares them, field by
 * field as it does. */
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
        case ACCOUNT_CHURNED_ON:
          ov_import_hash_int (&hash, values->churned_on);
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
  "notes, churned_on, id FROM accounts WHERE id BETWEEN ?1 AND ?2";

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

      ov_import_accounts_read_stored (part->run, stmt, part->fields, FALSE, dates, &stored);
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
gboolean
ov_import_accounts_prepare (OvImportRun  *run,
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
gboolean
ov_import_accounts_confirm_index (OvImportRun  *run,
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
gboolean
ov_import_accounts_unchanged_in_index (OvImportRun         *run,
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
