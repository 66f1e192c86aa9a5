/* ov-store-ttfv.c — the dates time to first value is computed from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-store-private.h"
#include "ov-store-program.h"
#include "ov-store-ttfv.h"

GArray *
ov_store_list_ttfv_dates (OvStore  *self,
                          GError  **error)
{
  g_autoptr(GArray) dates = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT close_date, first_value_date FROM accounts "
                           "WHERE deleted_at IS NULL AND close_date IS NOT NULL",
                           error);
  if (stmt == NULL)
    return NULL;

  dates = g_array_new (FALSE, FALSE, sizeof (OvTtfvDates));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvTtfvDates row = { ov_column_date (stmt, 0), ov_column_date (stmt, 1) };

      g_array_append_val (dates, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading the accounts’ dates"));
      return NULL;
    }

  return g_steal_pointer (&dates);
}

gboolean
ov_store_read_ttfv_cohorts (OvStore        *self,
                            OvDate          today,
                            OvTtfvCohorts  *cohorts,
                            GError        **error)
{
  g_autoptr(GArray) dates = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (cohorts != NULL, FALSE);

  dates = ov_store_list_ttfv_dates (self, error);
  if (dates == NULL)
    return FALSE;

  return ov_ttfv_cohorts_compute ((const OvTtfvDates *)(gpointer)dates->data, dates->len,
                                  ov_store_get_program_start (self), today, cohorts, error);
}
