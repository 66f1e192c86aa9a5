/* ov-import-accounts-links.c — what an accounts row brings beside its
 * cells: the package its text names, and the day the account churned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row names its package by name, in any case: the account gets the
 * package's id and its name as stored, and a package no one has yet is
 * made (and counted) when the row is written, not before, so a row that is
 * refused makes none.
 *
 * churned_on follows the status, as when an account is saved: a row that
 * makes an account churned without a churned_on cell dates the churn
 * today; an account churned already keeps its day; one that is not
 * churned has none, and a row giving it one is refused. Any real date is
 * taken, as for the other dates of an account.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-import-accounts-private.h"

/* After the status: an empty cell is no churn date given, the status
 * decides; a status other than churned gives none, which lets a re-import
 * find such rows unchanged in its index. */
void
ov_import_accounts_read_links (OvImportRun   *run,
                               AccountValues *values)
{
  OvDate churned_on = OV_DATE_NONE;

  values->stage_entered_on = OV_DATE_NONE;
  if (ov_import_run_has (run, ACCOUNT_STAGE_ENTERED_ON) &&
      ov_import_run_date (run, ACCOUNT_STAGE_ENTERED_ON, &values->stage_entered_on) &&
      values->stage_entered_on > run->today_date)
    ov_import_run_reject (run, ACCOUNT_STAGE_ENTERED_ON, OV_CSV_ERROR_VALUE,
                          _("a stage cannot be entered after today"));

  if (!ov_import_run_has (run, ACCOUNT_CHURNED_ON) ||
      !ov_import_run_date (run, ACCOUNT_CHURNED_ON, &churned_on))
    return;

  if (churned_on != OV_DATE_NONE)
    {
      values->churned_on = churned_on;
      values->churned_on_written = TRUE;
      SET_GIVEN (values, ACCOUNT_CHURNED_ON);
    }
  else if (GIVEN (values, ACCOUNT_STATUS) && values->status != OV_ACCOUNT_STATUS_CHURNED)
    {
      values->churned_on = OV_DATE_NONE;
      SET_GIVEN (values, ACCOUNT_CHURNED_ON);
    }
}

/* The package the row's text names, when there is one: its name as stored
 * and its id; or, for a name no package has, the name trimmed, to be made
 * by ov_import_accounts_make_package(). */
gboolean
ov_import_accounts_find_package (OvImportRun    *run,
                                 AccountValues  *values,
                                 GError        **error)
{
  OvSlice name = values->text[ACCOUNT_PACKAGE];
  gboolean found = FALSE;

  values->package_id = 0;
  values->package_new = FALSE;

  while (name.len > 0 && g_ascii_isspace (name.str[0]))
    {
      name.str++;
      name.len--;
    }
  while (name.len > 0 && g_ascii_isspace (name.str[name.len - 1]))
    name.len--;
  values->text[ACCOUNT_PACKAGE] = name;
  if (name.len == 0)
    return TRUE;

  /* The packages are read once, with the connection to itself; after
   * that, finding one takes no SQL and the writer thread writes on. */
  if ((run->packages == NULL && !ov_import_accounts_drain (run, error)) ||
      !ov_import_run_find_package (run, &values->text[ACCOUNT_PACKAGE], &values->package_id,
                                   &found, error))
    return FALSE;

  values->package_new = !found;
  return TRUE;
}

gboolean
ov_import_accounts_make_package (OvImportRun    *run,
                                 AccountValues  *values,
                                 GError        **error)
{
  if (!values->package_new)
    return TRUE;

  /* The same name on an earlier row may have made it meanwhile. */
  if (!ov_import_accounts_drain (run, error) ||
      !ov_import_run_package (run, &values->text[ACCOUNT_PACKAGE],
                              values->text[ACCOUNT_CURRENCY].len == 3
                                ? ov_import_run_dup (run, values->text[ACCOUNT_CURRENCY])
                                : NULL,
                              &values->package_id, error))
    return FALSE;

  values->package_new = FALSE;
  return TRUE;
}

/* @merged holds the row laid over the account as stored (@stored; NULL for
 * a new one): its churn day is settled here, or the row refused. */
void
ov_import_accounts_settle_churn (OvImportRun         *run,
                                 const AccountValues *values,
                                 const AccountValues *stored,
                                 AccountValues       *merged)
{
  gboolean given = values->churned_on_written;

  if (merged->status != OV_ACCOUNT_STATUS_CHURNED)
    {
      if (given)
        ov_import_run_reject (run, ACCOUNT_CHURNED_ON, OV_CSV_ERROR_VALUE,
                              _("the account is not churned: leave churned_on empty, or "
                                "set its status to churned"));
      merged->churned_on = OV_DATE_NONE;
      return;
    }

  if (given)
    merged->churned_on = values->churned_on;
  else if (stored != NULL && stored->status == OV_ACCOUNT_STATUS_CHURNED &&
           stored->churned_on != OV_DATE_NONE)
    merged->churned_on = stored->churned_on;
  else
    merged->churned_on = ov_date_today ();
}
