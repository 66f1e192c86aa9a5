/* ov-money.c — amounts of money in minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-money.h"

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
  GString *out = g_string_new (NULL);
  const char *symbol = ov_money_symbol (currency);

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

  if (part == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, whole);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d",
                          cents < 0 && whole == 0 ? "-" : "", whole, part);
}

/* Which currency a symbol or code in @text names, if any. */
static const char *
currency_in (const char *text)
{
  static const struct
  {
    const char *mark;
    const char *code;
  } marks[] = {
    { "€", "EUR" }, { "£", "GBP" }, { "¥", "JPY" }, { "₹", "INR" }, { "CA$", "CAD" },
    { "A$", "AUD" }, { "$", "USD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (strstr (text, marks[i].mark) != NULL)
      return marks[i].code;

  return NULL;
}

/* Whether a currency symbol starts right at @p. */
static gboolean
currency_at (const char *p)
{
  static const char * const marks[] = { "€", "£", "¥", "₹", "$" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (p, marks[i]))
      return TRUE;

  return FALSE;
}

/* With no decimal mark found, a single separator after more than three
 * digits cannot group thousands ("1200.505"): it is a decimal mark. */
static const char *
lone_decimal_mark (const char *text)
{
  const char *mark = NULL;
  int run = 0, first_run = -1;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        run++;
      else if ((*p == '.' || *p == ',') && run > 0)
        {
          if (mark != NULL)
            return NULL;
          mark = p;
          first_run = run;
          run = 0;
        }
    }

  return mark != NULL && first_run > 3 ? mark : NULL;
}

/* Reads amounts as people and spreadsheets write them: "1200", "$1,200.50",
 * "1.200,50 €", "USD 1 200", "-30". The decimal mark is the last '.' or ','
 * when one or two digits follow it; every other '.', ',', space or
 * apostrophe groups thousands. A three-letter code or a known symbol sets
 * @currency (NULL when the text names none). */
gboolean
ov_money_parse (const char  *text,
                gint64      *cents,
                char       **currency,
                GError     **error)
{
  g_autofree char *code = NULL;
  const char *decimal = NULL;
  const char *last_digit = NULL;
  gboolean negative = FALSE;
  guint64 units = 0;
  int fraction = 0;
  int n_fraction = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      last_digit = p;

  if (last_digit == NULL)
    {
      g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID,
                   _("“%s” is not an amount of money"), text);
      return FALSE;
    }

  /* The decimal mark: the last separator, followed by one or two digits. */
  for (const char *p = last_digit; p >= text; p--)
    {
      if (*p == '.' || *p == ',')
        {
          if (last_digit - p >= 1 && last_digit - p <= 2)
            decimal = p;
          break;
        }
      if (!g_ascii_isdigit (*p))
        break;
    }
  if (decimal == NULL)
    decimal = lone_decimal_mark (text);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (g_ascii_isdigit (*p))
        {
          if (decimal != NULL && p > decimal)
            {
              /* Cents are the smallest unit: further places must be zeros. */
              if (n_fraction >= 2)
                {
                  if (*p != '0')
                    {
                      g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID,
                                   _("“%s” has more than two decimal places"), text);
                      return FALSE;
                    }
                  continue;
                }
              fraction = fraction * 10 + (*p - '0');
              n_fraction++;
            }
          else
            {
              if (units > (G_MAXINT64 / 100 - 9) / 10)
                {
                  g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_TOO_LARGE,
                               _("“%s” is too large an amount"), text);
                  return FALSE;
                }
              units = units * 10 + (*p - '0');
            }
        }
      else if (*p == '-' || *p == '(')
        negative = TRUE;
      else if (p == decimal || *p == '.' || *p == ',' || *p == ' ' || *p == '\'' ||
               *p == '+' || *p == ')')
        continue;
      else if (g_ascii_isalpha (*p))
        {
          if (code == NULL && g_ascii_isalpha (p[1]) && g_ascii_isalpha (p[2]) &&
              !g_ascii_isalpha (p[3]))
            {
              code = g_ascii_strup (p, 3);
              p += 2;
            }
          else if (strncmp (p, "CA$", 3) != 0 && strncmp (p, "A$", 2) != 0)
            {
              g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID,
                           _("“%s” is not an amount of money"), text);
              return FALSE;
            }
        }
      else if (!currency_at (p) && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          g_set_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID,
                       _("“%s” is not an amount of money"), text);
          return FALSE;
        }
    }

  if (n_fraction == 1)
    fraction *= 10;

  *cents = (gint64)units * 100 + fraction;
  if (negative)
    *cents = -*cents;

  if (currency != NULL)
    {
      const char *symbol_code = currency_in (text);

      *currency = code ? g_steal_pointer (&code) : symbol_code ? g_strdup (symbol_code) : NULL;
    }

  return TRUE;
}
