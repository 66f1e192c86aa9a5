/* ov-store-account-figures.c — days in stage, open tasks and health of
 * every account, read in one pass for the accounts table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each table is read once, grouped by account and in account order, and
 * merged into an array of the accounts in the same order: no statement
 * per account. Health reuses what the dashboard's card reads
 * (ov_store_list_health_facts(), one pass over each of its tables) and
 * scores it here, so the column, the card and the account page agree.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-store-account-figures.h"
#include "ov-store-health.h"
#include "ov-store-private.h"
#include "ov-store-program.h"

/* Walks @figures (by id) as rows of another table come in id order. */
static OvAccountFigure *
find_figure (GArray *figures,
             guint  *cursor,
             gint64  account_id)
{
  while (*cursor < figures->len &&
         g_array_index (figures, OvAccountFigure, *cursor).account_id < account_id)
    (*cursor)++;

  if (*cursor < figures->len &&
      g_array_index (figures, OvAccountFigure, *cursor).account_id == account_id)
    return &g_array_index (figures, OvAccountFigure, *cursor);
  return NULL;
}

/* Resets @stmt after stepping ended on @rc; FALSE with @error unless it
 * ended well. */
static gboolean
step_ended (OvStore       *self,
            sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading the accounts’ figures"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_accounts (OvStore  *self,
               GArray   *figures,
               GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self, "SELECT id FROM accounts WHERE deleted_at IS NULL ORDER BY id",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvAccountFigure figure = {
        .account_id = sqlite3_column_int64 (stmt, 0),
        .days_in_stage = -1,
        .health = NAN,
      };

      g_array_append_val (figures, figure);
    }
  return step_ended (self, stmt, rc, error);
}

/* Takes one row of a statement grouped by account (its id first). */
typedef void (*RowFunc) (sqlite3_stmt    *stmt,
                         OvAccountFigure *figure,
                         OvDate           today);

/* Steps @sql (today is its ?1, if it asks), ordered by account, merging
 * each row into the figures of its account. */
static gboolean
read_merged (OvStore     *self,
             const char  *sql,
             OvDate       today,
             GArray      *figures,
             RowFunc      row,
             GError     **error)
{
  sqlite3_stmt *stmt;
  guint cursor = 0;
  int rc;

  if ((stmt = ov_store_prepare (self, sql, error)) == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    ov_bind_date (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvAccountFigure *figure = find_figure (figures, &cursor, sqlite3_column_int64 (stmt, 0));

      if (figure != NULL)
        row (stmt, figure, today);
    }
  return step_ended (self, stmt, rc, error);
}

/* The latest entry into each account's current stage. */
static const char stage_sql[] =
  "SELECT a.id, max (e.happened_on) FROM accounts a "
  "JOIN stage_events e ON e.account_id = a.id AND e.stage = a.stage AND e.kind = 'enter' "
  "WHERE a.deleted_at IS NULL GROUP BY a.id ORDER BY a.id";

static void
stage_row (sqlite3_stmt    *stmt,
           OvAccountFigure *figure,
           OvDate           today)
{
  OvDate entered = ov_column_date (stmt, 1);

  /* A stage dated after today is entered today, not in the future. */
  if (entered != OV_DATE_NONE)
    figure->days_in_stage = MAX (0, today - entered);
}

static const char task_sql[] =
  "SELECT account_id, count(*), sum (due_date < ?1) FROM tasks "
  "WHERE done_date IS NULL GROUP BY account_id ORDER BY account_id";

static void
task_row (sqlite3_stmt    *stmt,
          OvAccountFigure *figure,
          OvDate           today)
{
  figure->open_tasks = (guint32)sqlite3_column_int64 (stmt, 1);
  figure->overdue_tasks = (guint32)sqlite3_column_int64 (stmt, 2);
}

static gboolean
read_health (OvStore  *self,
             GArray   *figures,
             OvDate    today,
             GError  **error)
{
  g_autoptr(GArray) facts = NULL;
  double weights[OV_HEALTH_N_COMPONENTS];
  guint cursor = 0;

  facts = ov_store_list_health_facts (self, today, error);
  if (facts == NULL)
    return FALSE;

  ov_store_get_health_weights (self, weights);
  for (guint i = 0; i < facts->len; i++)
    {
      const OvHealthFacts *account = &g_array_index (facts, OvHealthFacts, i);
      OvAccountFigure *figure = find_figure (figures, &cursor, account->account_id);
      OvHealthAssessment assessment;

      /* An account the weights cannot score stays without a score, as the
       * dashboard counts it. */
      if (figure != NULL && ov_health_assess (account, weights, today, &assessment, NULL) &&
          assessment.source != OV_HEALTH_SOURCE_NONE)
        figure->health = assessment.value;
    }

  return TRUE;
}

OvAccountFigures *
ov_store_read_account_figures (OvStore       *self,
                               OvDate         today,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GArray) figures = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (today != OV_DATE_NONE, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  figures = g_array_new (FALSE, FALSE, sizeof (OvAccountFigure));
  if (!read_accounts (self, figures, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_merged (self, stage_sql, today, figures, stage_row, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_merged (self, task_sql, today, figures, task_row, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_health (self, figures, today, error))
    return NULL;

  return ov_account_figures_new (g_steal_pointer (&figures), today);
}
