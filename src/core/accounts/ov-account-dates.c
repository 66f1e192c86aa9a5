/* ov-account-dates.c — the four dates of an account: their titles, one
 * typed as text, and the days measured between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the public API is used here.
 */

#define G_LOG_DOMAIN "ov-account"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-account-private.h"

const char *
ov_account_date_get_title (OvAccountDate which)
{
  switch (which)
    {
    case OV_ACCOUNT_DATE_CLOSE:
      return _("Close date");
    case OV_ACCOUNT_DATE_KICKOFF:
      return _("Kickoff date");
    case OV_ACCOUNT_DATE_GOLIVE:
      return _("Go-live date");
    case OV_ACCOUNT_DATE_FIRST_VALUE:
      return _("First-value date");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The message names the date ("Go-live date: “2026-02-30” is not a real date…"). */
gboolean
ov_account_set_date_from_iso (OvAccount      *self,
                              OvAccountDate   which,
                              const char     *text,
                              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  OvDate date;

  g_return_val_if_fail (OV_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (which < OV_N_ACCOUNT_DATES, FALSE);

  if (!ov_date_parse_iso (text, &date, &local_error))
    {
      g_set_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE, "%s: %s.",
                   ov_account_date_get_title (which), local_error->message);
      return FALSE;
    }

  ov_account_set_date (self, which, date);
  return TRUE;
}

/* -1 when the account has no close date or it lies ahead. */
int
ov_account_get_days_since_close (OvAccount *self,
                                 OvDate     today)
{
  OvDate close;

  g_return_val_if_fail (OV_IS_ACCOUNT (self), -1);

  close = ov_account_get_date (self, OV_ACCOUNT_DATE_CLOSE);
  if (close == OV_DATE_NONE || close > today)
    return -1;

  return today - close;
}

/* Time to first value in days, close → first value; -1 until both exist. */
int
ov_account_get_ttfv_days (OvAccount *self)
{
  OvDate close, first;

  g_return_val_if_fail (OV_IS_ACCOUNT (self), -1);

  close = ov_account_get_date (self, OV_ACCOUNT_DATE_CLOSE);
  first = ov_account_get_date (self, OV_ACCOUNT_DATE_FIRST_VALUE);
  if (close == OV_DATE_NONE || first == OV_DATE_NONE || first < close)
    return -1;

  return first - close;
}

char *
ov_account_format_days (int days)
{
  if (days < 0)
    return g_strdup ("—");

  return g_strdup_printf (ngettext ("%d day", "%d days", days), days);
}
