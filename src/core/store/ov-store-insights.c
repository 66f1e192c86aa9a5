/* ov-store-insights.c — the compact rows the Insights figures are computed from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads of one statement each: the accounts a filter
 * keeps (the filter applied in SQL), the highest stage each entered and
 * its meetings (scanned once and added up here, which costs less than a
 * query per account), the metrics measured, and one metric's measurements in
 * metric_values_metric's order, which that index serves alone, handed over
 * one by one.
 *
 * Aggregating in SQL was measured and left out: over 1,000,000
 * measurements a GROUP BY that keeps each account's last baseline and
 * latest value (the bare-column max() trick, once for baselines and once
 * for the rest) costs about four times the plain index scan in SQLite's
 * own CPU time, more than stepping through the rows costs here; the same
 * holds for max(stage) of stage events and counts of meetings per account,
 * which GROUP BY reads through an index and the table instead of scanning
 * the table once. Mapping the file's pages (PRAGMA mmap_size) instead of
 * reading them changed nothing measurable and is not done.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-money.h"
#include "ov-package.h"
#include "ov-store-insights.h"
#include "ov-store-private.h"

/* Rows between looks at the cancellable. */
#define CANCEL_EVERY 4096

static gboolean
check_cancelled (guint          row,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return (row % CANCEL_EVERY) != 0 || !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static const char *
chunk_text (GStringChunk *strings,
            sqlite3_stmt *stmt,
            int           column)
{
  return g_string_chunk_insert_const (strings, ov_column_text (stmt, column));
}

/* Where each account id sits in @accounts: a dense table, ids being small
 * and dense; -1 for an account not kept. */
static gint32 *
index_accounts (GArray *accounts,
                gint64 *max_id)
{
  gint32 *slots;

  *max_id = 0;
  for (guint i = 0; i < accounts->len; i++)
    *max_id = MAX (*max_id, g_array_index (accounts, OvStoreInsightsAccount, i).id);

  slots = g_new (gint32, *max_id + 1);
  memset (slots, 0xff, sizeof (gint32) * (*max_id + 1));
  for (guint i = 0; i < accounts->len; i++)
    slots[g_array_index (accounts, OvStoreInsightsAccount, i).id] = (gint32)i;
  return slots;
}

/* What a row of stage events or meetings adds to its account. */
typedef void (*AddRow) (OvStoreInsightsAccount *account,
                        sqlite3_stmt           *stmt);

static void
add_stage (OvStoreInsightsAccount *account,
           sqlite3_stmt           *stmt)
{
  int stage = sqlite3_column_int (stmt, 1);

  if (stage > account->highest_stage && stage <= 6)
    account->highest_stage = (guint8)stage;
}

static void
add_meeting (OvStoreInsightsAccount *account,
             sqlite3_stmt           *stmt)
{
  account->scheduled++;
  if (sqlite3_column_int (stmt, 1) != 0)
    account->attended++;
}

/* Steps through @stmt, whose first column is an account id, adding each
 * row of a kept account to it. */
static gboolean
add_rows (OvStore       *self,
          sqlite3_stmt  *stmt,
          AddRow         add,
          GArray        *accounts,
          const gint32  *slots,
          gint64         max_id,
          const char    *doing,
          GCancellable  *cancellable,
          GError       **error)
{
  guint row = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!check_cancelled (++row, cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (id >= 0 && id <= max_id && slots[id] >= 0)
        add (&g_array_index (accounts, OvStoreInsightsAccount, slots[id]), stmt);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, doing);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_stages_and_meetings (OvStore       *self,
                          GArray        *accounts,
                          const gint32  *slots,
                          gint64         max_id,
                          OvDate         until,
                          GCancellable  *cancellable,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (self,
                           "SELECT account_id, stage FROM stage_events WHERE kind = 'enter'",
                           error);
  if (stmt == NULL ||
      !add_rows (self, stmt, add_stage, accounts, slots, max_id, _("reading stage events"),
                 cancellable, error))
    return FALSE;

  stmt = ov_store_prepare (self,
                           "SELECT account_id, attended FROM meetings "
                           "WHERE ?1 IS NULL OR scheduled_on <= ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  ov_bind_date (stmt, 1, until);
  return add_rows (self, stmt, add_meeting, accounts, slots, max_id, _("reading meetings"),
                   cancellable, error);
}

static GArray *
read_accounts (OvStore                    *self,
               const OvStoreInsightsQuery *query,
               OvDate                      meetings_until,
               GStringChunk               *strings,
               GCancellable               *cancellable,
               GError                    **error)
{
  g_autoptr(GArray) accounts = NULL;
  g_autofree gint32 *slots = NULL;
  g_autofree char *package_key = NULL;
  sqlite3_stmt *stmt;
  gint64 max_id;
  guint row = 0;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT a.id, a.close_date, a.first_value_date, a.churned_on, "
                           "a.arr_cents, a.currency, a.segment, a.owner, coalesce (p.name, ''), "
                           "a.stage, a.status "
                           "FROM accounts AS a LEFT JOIN packages AS p ON p.id = a.package_id "
                           "WHERE a.deleted_at IS NULL "
                           "AND (?1 IS NULL OR a.segment = ?1) "
                           "AND (?2 IS NULL OR a.owner = ?2) "
                           "AND (?3 IS NULL OR (?3 = '' AND a.package_id IS NULL) "
                           "     OR a.package_id = (SELECT id FROM packages WHERE name_key = ?3)) "
                           "AND (?4 IS NULL OR a.close_date >= ?4) "
                           "AND (?5 IS NULL OR a.close_date <= ?5) "
                           "ORDER BY a.id",
                           error);
  if (stmt == NULL)
    return NULL;

  if (query->package != NULL && query->package[0] != '\0')
    package_key = ov_package_name_key (query->package);
  ov_bind_text_or_null (stmt, 1, query->segment);
  ov_bind_text_or_null (stmt, 2, query->owner);
  if (query->package == NULL)
    sqlite3_bind_null (stmt, 3);
  else
    sqlite3_bind_text (stmt, 3, package_key ? package_key : "", -1, SQLITE_TRANSIENT);
  ov_bind_date (stmt, 4, query->closed_from);
  ov_bind_date (stmt, 5, query->closed_to);

  accounts = g_array_sized_new (FALSE, TRUE, sizeof (OvStoreInsightsAccount), 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvStoreInsightsAccount account = {
        .id = sqlite3_column_int64 (stmt, 0),
        .close_date = ov_column_date (stmt, 1),
        .first_value_date = ov_column_date (stmt, 2),
        .churned_on = ov_column_date (stmt, 3),
        .arr_cents = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? OV_MONEY_UNKNOWN
                                                                  : sqlite3_column_int64 (stmt, 4),
        .currency = chunk_text (strings, stmt, 5),
        .segment = chunk_text (strings, stmt, 6),
        .owner = chunk_text (strings, stmt, 7),
        .package = chunk_text (strings, stmt, 8),
        .stage = (guint8)CLAMP (sqlite3_column_int (stmt, 9), 1, 6),
        .status = (guint8)CLAMP (sqlite3_column_int (stmt, 10), 0, 2),
      };

      if (!check_cancelled (++row, cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      account.highest_stage = account.stage;
      g_array_append_val (accounts, account);
    }
  sqlite3_clear_bindings (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading accounts"));
      return NULL;
    }

  slots = index_accounts (accounts, &max_id);
  if (!read_stages_and_meetings (self, accounts, slots, max_id, meetings_until, cancellable,
                                 error))
    return NULL;

  return g_steal_pointer (&accounts);
}

/**
 * ov_store_insights_read_accounts:
 * @query: which accounts
 * @meetings_until: count the meetings scheduled on or before this day
 *   (OV_DATE_NONE: all)
 * @strings: where the rows' texts are kept
 *
 * The accounts (not deleted) @query keeps, by id, each with the highest
 * stage it entered and its meetings.
 *
 * Returns: (transfer full) (element-type OvStoreInsightsAccount): the
 *   rows, or %NULL with @error set
 */
GArray *
ov_store_insights_read_accounts (OvStore                    *self,
                                 const OvStoreInsightsQuery *query,
                                 OvDate                      meetings_until,
                                 GStringChunk               *strings,
                                 GCancellable               *cancellable,
                                 GError                    **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (strings != NULL, NULL);

  return read_accounts (self, query, meetings_until, strings, cancellable, error);
}

/**
 * ov_store_insights_list_metrics:
 *
 * The metrics with measurements, by name: one index seek each.
 *
 * Returns: (transfer full): the names, or %NULL with @error set
 */
char **
ov_store_insights_list_metrics (OvStore  *self,
                                GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT min (metric) FROM metric_values WHERE metric > ?1", error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      int rc;

      sqlite3_bind_text (stmt, 1, names->len > 0 ? g_ptr_array_index (names, names->len - 1) : "",
                         -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          ov_store_set_error (self, error, rc, _("reading measurements"));
          return NULL;
        }
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        break;
      g_ptr_array_add (names, g_strdup (ov_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * ov_store_insights_scan_metric:
 * @func: called with each measurement, in order
 *
 * Every measurement of @metric, as ov_store_list_metric_points() orders
 * them (by account and date, the baseline first on a day), from
 * metric_values_metric alone, handed to @func one by one as they are read:
 * no array of a million points is built. Points of deleted accounts are
 * included: the caller keeps those of the accounts it read.
 *
 * Returns: %FALSE with @error set when reading fails or is cancelled
 */
gboolean
ov_store_insights_scan_metric (OvStore                   *self,
                               const char                *metric,
                               OvStoreInsightsPointFunc   func,
                               gpointer                   user_data,
                               GCancellable              *cancellable,
                               GError                   **error)
{
  sqlite3_stmt *stmt;
  guint row = 0;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = ov_store_prepare (self,
                           "SELECT account_id, measured_on, is_baseline, value "
                           "FROM metric_values INDEXED BY metric_values_metric WHERE metric = ?1 "
                           "ORDER BY account_id, measured_on, is_baseline DESC",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_bind_text (stmt, 1, metric);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *)sqlite3_column_text (stmt, 1);
      OvMeasurementPoint point;

      if (!check_cancelled (++row, cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      point.account_id = sqlite3_column_int64 (stmt, 0);
      /* stored dates are ISO: the exact parser alone, the careful one for
       * anything else */
      point.measured_on = OV_DATE_NONE;
      if (day != NULL && !ov_date_parse_iso_exact (day, sqlite3_column_bytes (stmt, 1),
                                                   &point.measured_on))
        point.measured_on = ov_column_date (stmt, 1);
      point.baseline = sqlite3_column_int (stmt, 2) != 0;
      point.value = sqlite3_column_double (stmt, 3);
      func (&point, user_data);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading measurements"));
      return FALSE;
    }
  return TRUE;
}
