/* ov-account-edit.c — an account under edit: the draft a page or a dialog
 * changes, the rules it must obey to be saved, and the shown account
 * brought up to date from what was saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the public API and the row's version are used here: a draft is an
 * ordinary account that nothing lists.
 */

#define G_LOG_DOMAIN "ov-account"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-account-private.h"
#include "ov-stage.h"

OvAccount *
ov_account_copy (OvAccount *self)
{
  OvAccount *copy;

  g_return_val_if_fail (OV_IS_ACCOUNT (self), NULL);

  copy = ov_account_new ();
  ov_account_assign (copy, self);
  return copy;
}

/* Makes @self hold the values of @from, notifying what changed. */
void
ov_account_assign (OvAccount *self,
                   OvAccount *from)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));
  g_return_if_fail (OV_IS_ACCOUNT (from));

  g_object_freeze_notify (G_OBJECT (self));
  ov_account_set_id (self, ov_account_get_id (from));
  ov_account_set_external_id (self, ov_account_get_external_id (from));
  ov_account_set_name (self, ov_account_get_name (from));
  ov_account_set_segment (self, ov_account_get_segment (from));
  ov_account_set_owner (self, ov_account_get_owner (from));
  ov_account_set_sales_owner (self, ov_account_get_sales_owner (from));
  ov_account_set_arr_cents (self, ov_account_get_arr_cents (from));
  ov_account_set_currency (self, ov_account_get_currency (from));
  ov_account_set_stage (self, ov_account_get_stage (from));
  ov_account_set_status (self, ov_account_get_status (from));
  for (int i = 0; i < OV_N_ACCOUNT_DATES; i++)
    ov_account_set_date (self, i, ov_account_get_date (from, i));
  ov_account_set_first_value_milestone (self, ov_account_get_first_value_milestone (from));
  /* The name first: a new name lets go of the id, which follows. */
  ov_account_set_package (self, ov_account_get_package (from));
  ov_account_set_package_id (self, ov_account_get_package_id (from));
  ov_account_set_churned_on (self, ov_account_get_churned_on (from));
  ov_account_set_notes (self, ov_account_get_notes (from));
  ov_account_set_playbook_id (self, ov_account_get_playbook_id (from));
  ov_account_set_timestamps (self, ov_account_get_created_at (from),
                             ov_account_get_updated_at (from));
  ov_account_set_version (self, ov_account_get_version (from));
  g_object_thaw_notify (G_OBJECT (self));
}

/* Every rule a saved account obeys; the message names the field. */
gboolean
ov_account_validate (OvAccount  *self,
                     GError    **error)
{
  g_autofree char *stripped = NULL;
  const char *currency;
  OvStage stage;
  OvDate close;

  g_return_val_if_fail (OV_IS_ACCOUNT (self), FALSE);

  stripped = g_strstrip (g_strdup (ov_account_get_name (self)));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_NAME,
                           _("Name: an account needs a name."));
      return FALSE;
    }

  if (ov_account_has_arr (self) && ov_account_get_arr_cents (self) < 0)
    {
      g_set_error_literal (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_ARR,
                           _("ARR: annual recurring revenue cannot be negative."));
      return FALSE;
    }

  currency = ov_account_get_currency (self);
  if (strlen (currency) != 3 || !g_ascii_isalpha (currency[0]) ||
      !g_ascii_isalpha (currency[1]) || !g_ascii_isalpha (currency[2]))
    {
      g_set_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_CURRENCY,
                   _("Currency: “%s” is not a three-letter currency code such as USD or EUR."),
                   currency);
      return FALSE;
    }

  stage = ov_account_get_stage (self);
  if (!ov_stage_is_valid (stage))
    {
      g_set_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_STAGE,
                   _("Stage: %d is not one of the six stages."), stage);
      return FALSE;
    }

  close = ov_account_get_date (self, OV_ACCOUNT_DATE_CLOSE);
  for (int i = OV_ACCOUNT_DATE_KICKOFF; i < OV_N_ACCOUNT_DATES; i++)
    {
      OvDate date = ov_account_get_date (self, i);

      if (close != OV_DATE_NONE && date != OV_DATE_NONE && date < close)
        {
          g_autofree char *when = ov_date_to_iso (date);
          g_autofree char *closed = ov_date_to_iso (close);

          g_set_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE_ORDER,
                       /* Translators: "First-value date: 2026-01-03 is before the close date 2026-02-01." */
                       _("%s: %s is before the close date %s."),
                       ov_account_date_get_title (i), when, closed);
          return FALSE;
        }
    }

  return TRUE;
}
