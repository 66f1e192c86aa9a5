/* ov-store-rows.c — rows of a query read one at a time, and the queries
 * of the CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader walks a statement the store keeps: it sees cells by column
 * number and never the statement itself. All rows come from one read
 * transaction (a savepoint), so an export is a consistent snapshot.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-store-private.h"
#include "ov-store-rows.h"

struct _OvStoreRows
{
  OvStore      *store;
  sqlite3_stmt *stmt;
  gint64        total;
  gint64        mmap_size;
  gboolean      done;
};

/* The columns of ov-csv-columns.c that an export writes, in their order. */
static const struct
{
  const char *select_sql;
  const char *count_sql;
} export_queries[] = {
  [OV_CSV_KIND_ACCOUNTS] = {
    "SELECT external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, status, "
    "close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, package, "
    "notes, churned_on FROM accounts WHERE deleted_at IS NULL ORDER BY id",
    "SELECT count(*) FROM accounts WHERE deleted_at IS NULL",
  },
  [OV_CSV_KIND_PEOPLE] = {
    "SELECT a.external_id, a.name, p.name, p.email, p.side, "
    "(SELECT group_concat (role, ';') FROM (SELECT role FROM person_roles "
    "WHERE person_id = p.id ORDER BY role)) "
    "FROM people AS p JOIN accounts AS a ON a.id = p.account_id "
    "WHERE a.deleted_at IS NULL ORDER BY p.account_id, p.id",
    "SELECT count(*) FROM people AS p JOIN accounts AS a ON a.id = p.account_id "
    "WHERE a.deleted_at IS NULL",
  },
  [OV_CSV_KIND_TASKS] = {
    "SELECT a.external_id, a.name, t.stage, t.title, t.description, t.role, t.due_date, "
    "t.done_date FROM tasks AS t JOIN accounts AS a ON a.id = t.account_id "
    "WHERE a.deleted_at IS NULL ORDER BY t.account_id, t.stage, t.id",
    "SELECT count(*) FROM tasks AS t JOIN accounts AS a ON a.id = t.account_id "
    "WHERE a.deleted_at IS NULL",
  },
  [OV_CSV_KIND_METRICS] = {
    "SELECT a.external_id, a.name, m.metric, m.value, m.measured_on, m.is_baseline, m.note "
    "FROM metric_values AS m JOIN accounts AS a ON a.id = m.account_id "
    "WHERE a.deleted_at IS NULL ORDER BY m.account_id, m.metric, m.measured_on, m.is_baseline DESC",
    "SELECT count(*) FROM metric_values AS m JOIN accounts AS a ON a.id = m.account_id "
    "WHERE a.deleted_at IS NULL",
  },
  [OV_CSV_KIND_STAGE_EVENTS] = {
    "SELECT a.external_id, a.name, e.stage, e.from_stage, e.kind, e.happened_on, e.note "
    "FROM stage_events AS e JOIN accounts AS a ON a.id = e.account_id "
    "WHERE a.deleted_at IS NULL ORDER BY e.account_id, e.happened_on, e.id",
    "SELECT count(*) FROM stage_events AS e JOIN accounts AS a ON a.id = e.account_id "
    "WHERE a.deleted_at IS NULL",
  },
  [OV_CSV_KIND_MEETINGS] = {
    "SELECT a.external_id, a.name, m.scheduled_on, m.attended, m.kind, m.note "
    "FROM meetings AS m JOIN accounts AS a ON a.id = m.account_id "
    "WHERE a.deleted_at IS NULL ORDER BY m.account_id, m.scheduled_on, m.id",
    "SELECT count(*) FROM meetings AS m JOIN accounts AS a ON a.id = m.account_id "
    "WHERE a.deleted_at IS NULL",
  },
  /* The services take two columns: their bits, and the free text. */
  [OV_CSV_KIND_PACKAGES] = {
    "SELECT name, price_cents, currency, services, other_services FROM packages "
    "ORDER BY name_key, id",
    "SELECT count(*) FROM packages",
  },
  /* The text each answer was asked with; newest interview first, its
   * answers in the order of the question set. */
  [OV_CSV_KIND_INTERVIEWS] = {
    "SELECT c.external_id, c.name, i.held_on, i.interviewer, "
    "coalesce (p.name, i.interviewee_name), a.question_text, a.answer "
    "FROM interview_answers AS a JOIN interviews AS i ON i.id = a.interview_id "
    "JOIN accounts AS c ON c.id = i.account_id LEFT JOIN people AS p ON p.id = i.person_id "
    "LEFT JOIN questions AS q ON q.id = a.question_id "
    "WHERE c.deleted_at IS NULL AND a.answer <> '' "
    "ORDER BY i.held_on DESC, i.id DESC, q.position IS NULL, q.position, a.id",
    "SELECT count(*) FROM interview_answers AS a JOIN interviews AS i ON i.id = a.interview_id "
    "JOIN accounts AS c ON c.id = i.account_id WHERE c.deleted_at IS NULL AND a.answer <> ''",
  },
  [OV_CSV_KIND_CONTENT] = {
    "SELECT title, format, role, stage, location, duration_minutes FROM content_items "
    "ORDER BY stage IS NULL, stage, title_key, id",
    "SELECT count(*) FROM content_items",
  },
  /* Completions of people on deleted accounts stay out, as their people do. */
  [OV_CSV_KIND_COMPLETIONS] = {
    "SELECT p.email, i.title, c.status, c.progress, c.completed_on, p.name, a.name "
    "FROM content_completions AS c JOIN content_items AS i ON i.id = c.content_id "
    "JOIN people AS p ON p.id = c.person_id JOIN accounts AS a ON a.id = p.account_id "
    "WHERE a.deleted_at IS NULL ORDER BY a.id, p.id, i.title_key, c.id",
    "SELECT count(*) FROM content_completions AS c JOIN people AS p ON p.id = c.person_id "
    "JOIN accounts AS a ON a.id = p.account_id WHERE a.deleted_at IS NULL",
  },
};

static void
set_mmap_size (OvStore *store,
               gint64   size)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA mmap_size = %" G_GINT64_FORMAT, size);

  ov_store_exec (store, pragma, NULL);
}

/**
 * ov_store_export_rows:
 * @kind: what to export
 * @count: also count the rows first (see ov_store_rows_get_total())
 *
 * Starts reading the rows a CSV export of @kind writes, in the columns of
 * ov_csv_kind_get_fields() that are not import-only, in one snapshot.
 *
 * Returns: (transfer full): the rows, to free with ov_store_rows_free()
 */
OvStoreRows *
ov_store_export_rows (OvStore    *store,
                      OvCsvKind   kind,
                      gboolean    count,
                      GError    **error)
{
  g_autoptr(OvStoreRows) self = NULL;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (export_queries), NULL);

  if (!ov_store_exec (store, "SAVEPOINT ov_rows", error))
    return NULL;

  self = g_new0 (OvStoreRows, 1);
  self->store = g_object_ref (store);

  /* Reading the pages through memory mapping saves copying each one. */
  ov_store_query_int64 (store, "PRAGMA mmap_size", &self->mmap_size, NULL);
  ov_store_exec (store, "PRAGMA mmap_size = 1073741824", NULL);

  if (count && !ov_store_query_int64 (store, export_queries[kind].count_sql, &self->total, error))
    return NULL;

  self->stmt = ov_store_prepare (store, export_queries[kind].select_sql, error);
  if (self->stmt == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* The number of rows, when they were counted. */
gint64
ov_store_rows_get_total (OvStoreRows *self)
{
  return self->total;
}

/* Moves to the next row: FALSE at the end, and on a failure (@error set). */
gboolean
ov_store_rows_next (OvStoreRows  *self,
                    GError      **error)
{
  int rc;

  if (self->done)
    return FALSE;

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  self->done = TRUE;
  if (rc != SQLITE_DONE)
    ov_store_set_error (self->store, error, rc, _("exporting"));
  return FALSE;
}

gboolean
ov_store_rows_is_null (OvStoreRows *self,
                       guint        column)
{
  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

/* The cell as text; "" for NULL. Valid until the next row. */
const char *
ov_store_rows_get_text (OvStoreRows *self,
                        guint        column,
                        gsize       *length)
{
  const char *text = (const char *)sqlite3_column_text (self->stmt, column);

  *length = text != NULL ? (gsize)sqlite3_column_bytes (self->stmt, column) : 0;
  return text != NULL ? text : "";
}

gint64
ov_store_rows_get_int (OvStoreRows *self,
                       guint        column)
{
  return sqlite3_column_int64 (self->stmt, column);
}

double
ov_store_rows_get_double (OvStoreRows *self,
                          guint        column)
{
  return sqlite3_column_double (self->stmt, column);
}

/* Ends the snapshot; rows not read are let go of. */
void
ov_store_rows_free (OvStoreRows *self)
{
  if (self == NULL)
    return;

  if (self->stmt != NULL)
    sqlite3_reset (self->stmt);
  ov_store_exec (self->store, "RELEASE ov_rows", NULL);
  set_mmap_size (self->store, self->mmap_size);
  g_object_unref (self->store);
  g_free (self);
}
