/* ov-store-health.c — what each account's health score rests on, and the
 * score set by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One account and the whole portfolio are read by the same code: each
 * table is read once, in account order, by one statement (a variant for
 * one account filters on it), and its rows are merged into the facts of
 * the accounts read first, which are in the same order. The figures of
 * one account are therefore the same whichever way they were read.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-account-private.h"
#include "ov-store-health.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

/* Accounts in id order, and a cursor that walks them as rows of another
 * table come in the same order. */
typedef struct
{
  OvHealthFacts *facts;
  guint          n;
  guint          cursor;
} Merge;

static OvHealthFacts *
merge_find (Merge  *merge,
            gint64  account_id)
{
  while (merge->cursor < merge->n && merge->facts[merge->cursor].account_id < account_id)
    merge->cursor++;

  if (merge->cursor < merge->n && merge->facts[merge->cursor].account_id == account_id)
    return &merge->facts[merge->cursor];
  return NULL;
}

static void
read_account_row (sqlite3_stmt  *stmt,
                  OvHealthFacts *facts)
{
  ov_health_facts_init (facts, sqlite3_column_int64 (stmt, 0));
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      facts->override_value = sqlite3_column_double (stmt, 1);
      facts->override_reason = g_strdup (ov_column_text (stmt, 2));
      facts->override_expires_on = ov_column_date (stmt, 3);
      facts->override_set_on = ov_column_date (stmt, 4);
    }
}

typedef enum
{
  METRIC_USAGE,
  METRIC_ENGAGEMENT,
  METRIC_NPS,
  METRIC_RECORDED,
  N_METRICS
} Metric;

static const char *const metric_ids[N_METRICS] = {
  [METRIC_USAGE] = "product_usage",
  [METRIC_ENGAGEMENT] = "engagement",
  [METRIC_NPS] = "nps",
  [METRIC_RECORDED] = "health_score",
};

/* Rows come by account, then date, the baseline before the rest on a day:
 * the last row of an account is its latest measurement. NPS keeps the
 * mean of the latest day's responses. */
static void
take_measurement (OvHealthFacts *facts,
                  Metric         metric,
                  OvDate         day,
                  double         value)
{
  switch (metric)
    {
    case METRIC_USAGE:
      facts->usage = value;
      facts->usage_on = day;
      break;
    case METRIC_ENGAGEMENT:
      facts->engagement = value;
      facts->engagement_on = day;
      break;
    case METRIC_NPS:
      if (facts->nps_on != day || isnan (facts->nps))
        {
          facts->nps = value;
          facts->nps_responses = 1;
          facts->nps_on = day;
        }
      else
        {
          facts->nps_responses++;
          facts->nps += (value - facts->nps) / facts->nps_responses;
        }
      break;
    case METRIC_RECORDED:
      facts->recorded = value;
      facts->recorded_on = day;
      break;
    case N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

/* Steps @stmt to the end, handing each row to @row; FALSE with @error set
 * when a step fails. */
typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         Merge        *merge,
                         gpointer      data);

static gboolean
step_rows (OvStore       *self,
           sqlite3_stmt  *stmt,
           Merge         *merge,
           RowFunc        row,
           gpointer       data,
           GError       **error)
{
  int rc;

  merge->cursor = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, merge, data);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading what health scores rest on"));
      return FALSE;
    }
  return TRUE;
}

/* account_id, measured_on, value */
static void
measurement_row (sqlite3_stmt *stmt,
                 Merge        *merge,
                 gpointer      data)
{
  OvHealthFacts *facts = merge_find (merge, sqlite3_column_int64 (stmt, 0));

  if (facts != NULL)
    take_measurement (facts, GPOINTER_TO_UINT (data), ov_column_date (stmt, 1),
                      sqlite3_column_double (stmt, 2));
}

/* account_id, scheduled, attended, last scheduled_on */
static void
meeting_row (sqlite3_stmt *stmt,
             Merge        *merge,
             gpointer      data)
{
  OvHealthFacts *facts = merge_find (merge, sqlite3_column_int64 (stmt, 0));

  if (facts == NULL)
    return;

  facts->meetings_scheduled = (guint)sqlite3_column_int64 (stmt, 1);
  facts->meetings_attended = (guint)sqlite3_column_int64 (stmt, 2);
  facts->last_meeting_on = ov_column_date (stmt, 3);
}

/* account_id, tasks, overdue */
static void
task_row (sqlite3_stmt *stmt,
          Merge        *merge,
          gpointer      data)
{
  OvHealthFacts *facts = merge_find (merge, sqlite3_column_int64 (stmt, 0));

  if (facts == NULL)
    return;

  facts->tasks = (guint)sqlite3_column_int64 (stmt, 1);
  facts->overdue = (guint)sqlite3_column_int64 (stmt, 2);
}

/* The statements of the whole portfolio ([0]) and of one account ([1]),
 * which binds it as ?2. */
static const char *const measurement_sql[2] = {
  /* The index metric_values_metric serves this alone, in order. */
  "SELECT account_id, measured_on, value FROM metric_values WHERE metric = ?1 "
  "ORDER BY account_id, measured_on, is_baseline DESC",
  "SELECT account_id, measured_on, value FROM metric_values WHERE metric = ?1 "
  "AND account_id = ?2 ORDER BY account_id, measured_on, is_baseline DESC",
};

static const char *const meeting_sql[2] = {
  "SELECT account_id, count(*), sum (attended), max (scheduled_on) FROM meetings "
  "WHERE scheduled_on <= ?1 GROUP BY account_id ORDER BY account_id",
  "SELECT account_id, count(*), sum (attended), max (scheduled_on) FROM meetings "
  "WHERE scheduled_on <= ?1 AND account_id = ?2 GROUP BY account_id ORDER BY account_id",
};

static const char *const task_sql[2] = {
  "SELECT account_id, count(*), sum (done_date IS NULL AND due_date < ?1) FROM tasks "
  "GROUP BY account_id ORDER BY account_id",
  "SELECT account_id, count(*), sum (done_date IS NULL AND due_date < ?1) FROM tasks "
  "WHERE account_id = ?2 GROUP BY account_id ORDER BY account_id",
};

/* Reads measurements, meetings and tasks into the facts of @merge; @one
 * is the account when there is only one. */
static gboolean
read_facts (OvStore  *self,
            Merge    *merge,
            OvDate    today,
            gint64    one,
            GError  **error)
{
  int v = one != 0 ? 1 : 0;
  sqlite3_stmt *stmt;

  for (Metric m = 0; m < N_METRICS; m++)
    {
      if ((stmt = ov_store_prepare (self, measurement_sql[v], error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, metric_ids[m], -1, SQLITE_STATIC);
      if (one != 0)
        sqlite3_bind_int64 (stmt, 2, one);
      if (!step_rows (self, stmt, merge, measurement_row, GUINT_TO_POINTER (m), error))
        return FALSE;
    }

  if ((stmt = ov_store_prepare (self, meeting_sql[v], error)) == NULL)
    return FALSE;
  ov_bind_date (stmt, 1, today);
  if (one != 0)
    sqlite3_bind_int64 (stmt, 2, one);
  if (!step_rows (self, stmt, merge, meeting_row, NULL, error))
    return FALSE;

  if ((stmt = ov_store_prepare (self, task_sql[v], error)) == NULL)
    return FALSE;
  ov_bind_date (stmt, 1, today);
  if (one != 0)
    sqlite3_bind_int64 (stmt, 2, one);
  return step_rows (self, stmt, merge, task_row, NULL, error);
}

#define OVERRIDE_COLUMNS \
  "id, health_override, health_override_reason, health_override_expires_on, " \
  "health_override_set_on"

gboolean
ov_store_get_health_facts (OvStore        *self,
                           gint64          account_id,
                           OvDate          today,
                           OvHealthFacts  *facts,
                           GError        **error)
{
  OvHealthFacts read = { 0 };
  Merge merge = { &read, 1, 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != OV_DATE_NONE, FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  stmt = ov_store_prepare (self,
                           "SELECT " OVERRIDE_COLUMNS " FROM accounts "
                           "WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    read_account_row (stmt, &read);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                   _("Account: there is no account number %lld; it may have been deleted."),
                   (long long)account_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, _("reading what health scores rest on"));
      return FALSE;
    }

  if (!read_facts (self, &merge, today, account_id, error))
    {
      ov_health_facts_clear (&read);
      return FALSE;
    }

  *facts = read;
  return TRUE;
}

GArray *
ov_store_list_health_facts (OvStore  *self,
                            OvDate    today,
                            GError  **error)
{
  g_autoptr(GArray) all = NULL;
  Merge merge;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (today != OV_DATE_NONE, NULL);

  stmt = ov_store_prepare (self,
                           "SELECT " OVERRIDE_COLUMNS " FROM accounts "
                           "WHERE deleted_at IS NULL AND status <> 2 ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  all = g_array_new (FALSE, FALSE, sizeof (OvHealthFacts));
  g_array_set_clear_func (all, (GDestroyNotify)ov_health_facts_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvHealthFacts facts;

      read_account_row (stmt, &facts);
      g_array_append_val (all, facts);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading what health scores rest on"));
      return NULL;
    }

  merge = (Merge) { (OvHealthFacts *)(gpointer)all->data, all->len, 0 };
  if (!read_facts (self, &merge, today, 0, error))
    return NULL;

  return g_steal_pointer (&all);
}

/* Writes the override columns of @account at its version; a NAN @value
 * clears them. */
static gboolean
write_override (OvStore     *self,
                OvAccount   *account,
                double       value,
                const char  *reason,
                OvDate       expires_on,
                OvDate       set_on,
                GError     **error)
{
  g_autofree char *now = ov_store_now_utc ();
  g_autofree char *tidy = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  gint64 version = ov_account_get_version (account);
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (self,
                           "UPDATE accounts SET health_override = ?1, "
                           "health_override_reason = ?2, health_override_expires_on = ?3, "
                           "health_override_set_on = ?4, updated_at = ?5, "
                           "version = version + 1 "
                           "WHERE id = ?6 AND version = ?7 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (isnan (value))
    sqlite3_bind_null (stmt, 1);
  else
    sqlite3_bind_double (stmt, 1, value);
  ov_bind_text (stmt, 2, tidy);
  ov_bind_date (stmt, 3, expires_on);
  ov_bind_date (stmt, 4, set_on);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, ov_account_get_id (account));
  sqlite3_bind_int64 (stmt, 7, version);
  if (!ov_store_step_versioned (self, stmt, OV_ROW_ACCOUNT, ov_account_get_id (account),
                                version, error))
    return FALSE;

  ov_account_set_version (account, version + 1);
  ov_store_emit_changed (self, "accounts");
  return TRUE;
}

gboolean
ov_store_set_health_override (OvStore     *self,
                              OvAccount   *account,
                              double       value,
                              const char  *reason,
                              OvDate       expires_on,
                              OvDate       today,
                              GError     **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (today != OV_DATE_NONE, FALSE);

  if (!ov_health_check_override (value, reason, expires_on, today, error))
    return FALSE;

  return write_override (self, account, value, reason, expires_on, today, error);
}

gboolean
ov_store_clear_health_override (OvStore    *self,
                                OvAccount  *account,
                                GError    **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);

  return write_override (self, account, NAN, "", OV_DATE_NONE, OV_DATE_NONE, error);
}
