/* ov-import-accounts-read.c — an accounts row's cells read into its
 * values, and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every cell of a row is read, so that all its problems are reported at
 * once. Texts stay slices of the row; amounts are read without allocating
 * when they are plain; dates after the close date must not come before it.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-accounts-private.h"
#include "ov-money.h"

static gboolean
is_text_field (int field)
{
  switch (field)
    {
    case ACCOUNT_SEGMENT:
    case ACCOUNT_OWNER:
    case ACCOUNT_SALES_OWNER:
    case ACCOUNT_FIRST_VALUE_MILESTONE:
    case ACCOUNT_PACKAGE:
    case ACCOUNT_NOTES:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Plain whole or decimal amounts ("150000", "1200.5"), without allocating;
 * anything else goes to ov_money_parse(). */
static gboolean
parse_plain_amount (OvSlice  slice,
                    gint64  *cents)
{
  gint64 units = 0;
  int i = 0, fraction = 0, n_fraction = 0;

  if (slice.len == 0 || slice.len > 15)
    return FALSE;

  for (; i < slice.len && g_ascii_isdigit (slice.str[i]); i++)
    units = units * 10 + (slice.str[i] - '0');
  if (i == 0)
    return FALSE;

  if (i < slice.len)
    {
      if (slice.str[i] != '.' || slice.len - i - 1 < 1 || slice.len - i - 1 > 2)
        return FALSE;
      for (i++; i < slice.len; i++, n_fraction++)
        {
          if (!g_ascii_isdigit (slice.str[i]))
            return FALSE;
          fraction = fraction * 10 + (slice.str[i] - '0');
        }
      if (n_fraction == 1)
        fraction *= 10;
    }

  *cents = units * 100 + fraction;
  return TRUE;
}

static void
read_arr (OvImportRun   *run,
          AccountValues *values,
          char         **symbol_currency)
{
  g_autoptr(GError) error = NULL;
  OvSlice slice = ov_import_run_key (run, ACCOUNT_ARR);

  if (slice.len == 0)
    return;

  if (!parse_plain_amount (slice, &values->arr_cents) &&
      !ov_money_parse (ov_import_run_dup (run, slice), &values->arr_cents, symbol_currency,
                       &error))
    {
      ov_import_run_reject (run, ACCOUNT_ARR, OV_CSV_ERROR_VALUE, "%s", error->message);
      return;
    }

  if (values->arr_cents < 0)
    {
      ov_import_run_reject (run, ACCOUNT_ARR, OV_CSV_ERROR_VALUE,
                            _("annual recurring revenue cannot be negative"));
      return;
    }

  SET_GIVEN (values, ACCOUNT_ARR);
}

static void
read_currency (OvImportRun   *run,
               AccountValues *values)
{
  OvSlice slice = ov_import_run_key (run, ACCOUNT_CURRENCY);

  if (slice.len == 0)
    return;

  if (slice.len != 3 || !g_ascii_isalpha (slice.str[0]) || !g_ascii_isalpha (slice.str[1]) ||
      !g_ascii_isalpha (slice.str[2]))
    {
      ov_import_run_reject (run, ACCOUNT_CURRENCY, OV_CSV_ERROR_VALUE,
                            _("“%.*s” is not a three-letter currency code such as USD or EUR"),
                            slice.len, slice.str);
      return;
    }

  for (int i = 0; i < 3; i++)
    values->currency[i] = g_ascii_toupper (slice.str[i]);
  values->currency[3] = '\0';
  values->text[ACCOUNT_CURRENCY] = (OvSlice) { values->currency, 3 };
  SET_GIVEN (values, ACCOUNT_CURRENCY);
}

/* Reads every cell of the row, so that all its problems are reported. */
void
ov_import_accounts_read_values (OvImportRun   *run,
                                AccountValues *values)
{
  g_autofree char *symbol_currency = NULL;

  for (int field = 0; field < N_ACCOUNT_FIELDS; field++)
    {
      if (!ov_import_run_has (run, field))
        continue;

      if (is_text_field (field))
        {
          values->text[field] = ov_import_run_text (run, field);
          SET_GIVEN (values, field);
        }
      else if (field >= ACCOUNT_CLOSE_DATE && field <= ACCOUNT_FIRST_VALUE_DATE)
        {
          if (ov_import_run_date (run, field, &values->dates[field - ACCOUNT_CLOSE_DATE]))
            SET_GIVEN (values, field);
          if (run->restart)
            return;
        }
    }

  if (ov_import_run_has (run, ACCOUNT_EXTERNAL_ID))
    {
      values->text[ACCOUNT_EXTERNAL_ID] = ov_import_run_key (run, ACCOUNT_EXTERNAL_ID);
      if (values->text[ACCOUNT_EXTERNAL_ID].len > 0)
        SET_GIVEN (values, ACCOUNT_EXTERNAL_ID);
    }

  if (ov_import_run_has (run, ACCOUNT_NAME))
    {
      OvSlice key = ov_import_run_key (run, ACCOUNT_NAME);

      values->text[ACCOUNT_NAME] = ov_import_run_text (run, ACCOUNT_NAME);
      if (key.len > 0)
        SET_GIVEN (values, ACCOUNT_NAME);
    }

  if (ov_import_run_has (run, ACCOUNT_STAGE))
    {
      OvStage stage = 0;

      if (ov_import_run_stage (run, ACCOUNT_STAGE, &stage) && stage > 0)
        {
          values->stage = stage;
          SET_GIVEN (values, ACCOUNT_STAGE);
        }
    }

  if (ov_import_run_has (run, ACCOUNT_STATUS) &&
      ov_import_run_status (run, ACCOUNT_STATUS, &values->status) && values->status >= 0)
    SET_GIVEN (values, ACCOUNT_STATUS);

  if (ov_import_run_has (run, ACCOUNT_CURRENCY))
    read_currency (run, values);

  if (ov_import_run_has (run, ACCOUNT_ARR))
    read_arr (run, values, &symbol_currency);

  ov_import_accounts_read_links (run, values);

  /* "€1.200" says EUR: fine alone, wrong beside a currency column saying USD. */
  if (symbol_currency != NULL && GIVEN (values, ACCOUNT_ARR))
    {
      if (GIVEN (values, ACCOUNT_CURRENCY) && strcmp (symbol_currency, values->currency) != 0)
        ov_import_run_reject (run, ACCOUNT_ARR, OV_CSV_ERROR_VALUE,
                              _("the amount is in %s, but the currency column says %s"),
                              symbol_currency, values->currency);
      else if (!GIVEN (values, ACCOUNT_CURRENCY))
        {
          g_strlcpy (values->currency, symbol_currency, sizeof values->currency);
          values->text[ACCOUNT_CURRENCY] = (OvSlice) { values->currency, 3 };
          SET_GIVEN (values, ACCOUNT_CURRENCY);
        }
    }
}

/* Dates after the close date cannot come before it. */
void
ov_import_accounts_check_dates (OvImportRun   *run,
                                AccountValues *merged)
{
  OvDate close = merged->dates[0];

  if (close == OV_DATE_NONE)
    return;

  for (int i = 1; i < N_DATES; i++)
    {
      if (merged->dates[i] != OV_DATE_NONE && merged->dates[i] < close)
        {
          g_autofree char *when = ov_date_to_iso (merged->dates[i]);
          g_autofree char *closed = ov_date_to_iso (close);

          ov_import_run_reject (run, ov_import_run_has (run, ACCOUNT_CLOSE_DATE + i)
                                       ? ACCOUNT_CLOSE_DATE + i : ACCOUNT_CLOSE_DATE,
                                OV_CSV_ERROR_VALUE,
                                _("%s is before the close date %s"), when, closed);
        }
    }
}

/* Remembers the text of plain ISO dates so that they bind without
 * formatting; other forms are formatted from the parsed date. */
void
ov_import_accounts_keep_iso_texts (OvImportRun   *run,
                                   AccountValues *values)
{
  for (int i = 0; i < N_DATES; i++)
    {
      OvSlice slice = { "", 0 };

      if (GIVEN (values, ACCOUNT_CLOSE_DATE + i))
        {
          slice = ov_import_run_key (run, ACCOUNT_CLOSE_DATE + i);
          if (slice.len != 10 || slice.str[4] != '-')
            slice = (OvSlice) { "", 0 };
        }
      values->text[ACCOUNT_CLOSE_DATE + i] = slice;
    }
}
