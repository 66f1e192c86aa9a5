/* ov-money.c — amounts of money in minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "ov-money.h"
#include "ov-number.h"

G_DEFINE_QUARK (ov-money-error-quark, ov_money_error)

static const struct
{
  const char *code;
  const char *symbol;
} symbols[] = {
  { "USD", "$" }, { "EUR", "€" }, { "GBP", "£" }, { "JPY", "¥" },
  { "CAD", "CA$" }, { "AUD", "A$" }, { "CHF", "CHF " }, { "INR", "₹" },
};

const char *
ov_money_symbol (const char *currency)
{
  if (currency == NULL || currency[0] == '\0')
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_ascii_strcasecmp (currency, symbols[i].code) == 0)
      return symbols[i].symbol;

  return NULL;
}

/* The ISO 4217 code at the start of @int_curr_symbol, as the C library's
 * localeconv() gives it ("EUR " for German), or USD when it names none
 * (the C locale gives ""). */
char *
ov_money_currency_from_locale_symbol (const char *int_curr_symbol)
{
  if (int_curr_symbol == NULL || strlen (int_curr_symbol) < 3)
    return g_strdup ("USD");

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isalpha (int_curr_symbol[i]))
      return g_strdup ("USD");
  if (int_curr_symbol[3] != '\0' && !g_ascii_isspace (int_curr_symbol[3]))
    return g_strdup ("USD");

  return g_ascii_strup (int_curr_symbol, 3);
}

/* The currency of the user's locale (LC_MONETARY), else USD. */
char *
ov_money_locale_currency (void)
{
  return ov_money_currency_from_locale_symbol (localeconv ()->int_curr_symbol);
}

/* Whole units with thousands separators; cents only when there are any. */
static void
append_amount (GString *out,
               gint64   cents)
{
  char digits[32];
  guint64 units;
  guint len;

  if (cents < 0)
    {
      g_string_append_c (out, '-');
      cents = -cents;
    }

  units = (guint64)cents / 100;
  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, units);
  for (guint i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  if (cents % 100 != 0)
    g_string_append_printf (out, ".%02d", (int)(cents % 100));
}

char *
ov_money_format (gint64      cents,
                 const char *currency)
{
  GString *out;
  const char *symbol;

  if (!ov_money_is_known (cents))
    return g_strdup ("—");

  out = g_string_new (NULL);
  symbol = ov_money_symbol (currency);
  if (symbol != NULL)
    {
      if (cents < 0)
        {
          g_string_append_c (out, '-');
          cents = -cents;
        }
      g_string_append (out, symbol);
      append_amount (out, cents);
    }
  else
    {
      append_amount (out, cents);
      g_string_append_printf (out, " %s", currency);
    }

  return g_string_free (out, FALSE);
}

/* A plain decimal ("1200.50", "1200") for CSV: no symbols, no separators. */
char *
ov_money_format_plain (gint64 cents)
{
  gint64 whole = cents / 100;
  int part = (int)ABS (cents % 100);

  if (!ov_money_is_known (cents))
    return g_strdup ("");
  if (part == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, whole);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d",
                          cents < 0 && whole == 0 ? "-" : "", whole, part);
}

/* The currency mark starting at @p, if any: a symbol, or three letters
 * standing alone (an ISO 4217 code). Returns its length in bytes and puts
 * the code it names in @code. */
static gsize
currency_mark_at (const char *p,
                  char        code[4])
{
  static const struct
  {
    const char *mark;
    const char *code;
  } marks[] = {
    { "CA$", "CAD" }, { "A$", "AUD" }, { "€", "EUR" }, { "£", "GBP" }, { "¥", "JPY" },
    { "₹", "INR" }, { "$", "USD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (p, marks[i].mark))
      {
        memcpy (code, marks[i].code, 4);
        return strlen (marks[i].mark);
      }

  if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]) && g_ascii_isalpha (p[2]) &&
      !g_ascii_isalpha (p[3]) && (guchar)p[3] < 0x80)
    {
      for (int i = 0; i < 3; i++)
        code[i] = g_ascii_toupper (p[i]);
      code[3] = '\0';
      return 3;
    }

  return 0;
}

static const char *
skip_space (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char_validated (p, -1)))
    p = g_utf8_next_char (p);
  return p;
}

/* Reads the currency marks, signs and brackets around an amount. FALSE
 * when something else is there. */
static gboolean
read_marks (const char **p,
            gboolean     before,
            int         *n_currencies,
            char         codes[2][4],
            int         *sign,
            int         *brackets)
{
  for (;;)
    {
      char code[4];
      gsize size;

      *p = skip_space (*p);
      if (**p == '\0')
        return TRUE;
      if (g_ascii_isdigit (**p) || ((**p == '.' || **p == ',') && g_ascii_isdigit ((*p)[1])))
        return before;

      if (before && (**p == '-' || **p == '+') && *sign == 0)
        {
          *sign = **p == '-' ? -1 : 1;
          (*p)++;
        }
      else if (before && **p == '(' && *brackets == 0)
        {
          *brackets = 1;
          (*p)++;
        }
      else if (!before && **p == ')' && *brackets == 1)
        {
          *brackets = 2;
          (*p)++;
        }
      else if ((size = currency_mark_at (*p, code)) > 0)
        {
          if (*n_currencies < 2)
            memcpy (codes[*n_currencies], code, 4);
          (*n_currencies)++;
          *p += size;
        }
      else
        return FALSE;
    }
}

/* Reads amounts as people and spreadsheets write them: "1200", "$1,200.50",
 * "1.200,50 €", "USD 1 200", "-30", "(30)". Thousands groups and the
 * decimal mark are read as ov_number_scan() says; a lone separator before
 * three digits groups thousands ("1,200"), since an amount has no third
 * decimal place. At most one currency, as a code or a known symbol before
 * or after the number, sets @currency (NULL when the text names none). */
gboolean
ov_money_parse (const char  *text,
                gint64      *cents,
                char       **currency,
                GError     **error)
{
  char plain[OV_NUMBER_PLAIN_SIZE];
  char codes[2][4];
  OvNumberStatus status;
  const char *p;
  const char *fraction;
  int n_currencies = 0, sign = 0, brackets = 0;
  guint64 units = 0;
  gint64 value;
  gsize size;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  p = text;
  if (!read_marks (&p, TRUE, &n_currencies, codes, &sign, &brackets))
    goto not_money;

  size = ov_number_scan (p, strlen (p), 0, plain, &status);
  if (size == 0)
    goto not_money;
  if (status == OV_NUMBER_TOO_LONG)
    {
      g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_TOO_LARGE,
                   _("“%s” is too large an amount"), text);
      return FALSE;
    }
  p += size;

  if (!read_marks (&p, FALSE, &n_currencies, codes, &sign, &brackets) ||
      brackets == 1 || (brackets == 2 && sign != 0))
    goto not_money;

  if (status != OV_NUMBER_OK)
    {
      g_autofree char *message = ov_number_describe (status, text, strlen (text));

      g_set_error_literal (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID, message);
      return FALSE;
    }

  if (n_currencies > 1 && strcmp (codes[0], codes[1]) != 0)
    {
      g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID,
                   _("“%s” names two currencies, %s and %s; an amount has one"),
                   text, codes[0], codes[1]);
      return FALSE;
    }
  if (n_currencies > 2)
    goto not_money;

  for (p = plain; g_ascii_isdigit (*p); p++)
    {
      if (units > (G_MAXINT64 / 100 - 99) / 10)
        {
          g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_TOO_LARGE,
                       _("“%s” is too large an amount"), text);
          return FALSE;
        }
      units = units * 10 + (*p - '0');
    }

  /* Cents are the smallest unit: further places must be zeros. */
  value = (gint64)units * 100;
  fraction = *p == '.' ? p + 1 : p;
  for (int i = 0; fraction[i] != '\0'; i++)
    {
      if (i < 2)
        value += (fraction[i] - '0') * (i == 0 ? 10 : 1);
      else if (fraction[i] != '0')
        {
          g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID,
                       _("“%s” has more than two decimal places"), text);
          return FALSE;
        }
    }

  *cents = sign < 0 || brackets == 2 ? -value : value;
  if (currency != NULL)
    *currency = n_currencies > 0 ? g_strdup (codes[0]) : NULL;

  return TRUE;

not_money:
  g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID,
               _("“%s” is not an amount of money"), text);
  return FALSE;
}
