/* test-money.c — reading and writing amounts of money
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ov-test-support.h"

static void
assert_parses (const char *text,
               gint64      cents,
               const char *currency)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  gint64 value = -42;

  g_assert_true (ov_money_parse (text, &value, &code, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, cents);
  g_assert_cmpstr (code, ==, currency);
}

static void
test_parse (void)
{
  assert_parses ("1200", 120000, NULL);
  assert_parses ("$1,200.50", 120050, "USD");
  assert_parses ("1.200,50 €", 120050, "EUR");
  assert_parses ("1 200", 120000, NULL);
  assert_parses ("USD 99.9", 9990, "USD");
  assert_parses ("£3,000,000", 300000000, "GBP");
  assert_parses ("-30", -3000, NULL);
  assert_parses ("12,5", 1250, NULL);
  assert_parses ("1,200", 120000, NULL);
  assert_parses ("CA$10", 1000, "CAD");

  /* Every way of grouping thousands, symbols before or after. */
  assert_parses ("1,234,567.50", 123456750, NULL);
  assert_parses ("1.234.567,50", 123456750, NULL);
  assert_parses ("1 234 567,50", 123456750, NULL);
  assert_parses ("1'234'567.50", 123456750, NULL);
  assert_parses ("1\xE2\x80\xAF" "234\xE2\x80\xAF" "567,50", 123456750, NULL);
  assert_parses ("$1,234,567.50", 123456750, "USD");
  assert_parses ("1.234.567,50 €", 123456750, "EUR");
  assert_parses ("€ 1 234 567,50", 123456750, "EUR");
  assert_parses ("1'234'567.50 CHF", 123456750, "CHF");
  assert_parses ("$100 USD", 10000, "USD");
  assert_parses ("(1,200.50)", -120050, NULL);
  assert_parses ("-$30", -3000, "USD");
  assert_parses ("1,234,567", 123456700, NULL);
  assert_parses ("0,50", 50, NULL);
  assert_parses (",5", 50, NULL);

  /* One separator before three digits groups thousands: an amount has no
   * third decimal place. After a 0 or more than three digits it cannot
   * group, so it is a decimal mark. */
  assert_parses ("1,234", 123400, NULL);
  assert_parses ("1.234", 123400, NULL);
  assert_parses ("0.500", 50, NULL);
}

static void
assert_refused (const char *text,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 7;

  g_test_message ("%s", text);
  g_assert_false (ov_money_parse (text, &value, NULL, &error));
  g_assert_error (error, OV_MONEY_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (value, ==, 7);
}

/* What used to be misread: each is refused, saying why. */
static void
test_parse_misread (void)
{
  assert_refused ("1,2,3", OV_MONEY_ERROR_INVALID,
                  "“1,2,3” has malformed thousands groups; write it as 1,234,567.50, "
                  "1.234.567,50, 1 234 567,50 or 1234567.50");
  assert_refused ("1.2.3", OV_MONEY_ERROR_INVALID,
                  "“1.2.3” has malformed thousands groups; write it as 1,234,567.50, "
                  "1.234.567,50, 1 234 567,50 or 1234567.50");
  assert_refused ("1 2", OV_MONEY_ERROR_INVALID,
                  "“1 2” has malformed thousands groups; write it as 1,234,567.50, "
                  "1.234.567,50, 1 234 567,50 or 1234567.50");
  assert_refused ("1,234.567,89", OV_MONEY_ERROR_INVALID,
                  "“1,234.567,89” has malformed thousands groups; write it as 1,234,567.50, "
                  "1.234.567,50, 1 234 567,50 or 1234567.50");
  assert_refused ("1234,567,890", OV_MONEY_ERROR_INVALID,
                  "“1234,567,890” has malformed thousands groups; write it as 1,234,567.50, "
                  "1.234.567,50, 1 234 567,50 or 1234567.50");
  assert_refused ("1,234,56", OV_MONEY_ERROR_INVALID,
                  "“1,234,56” has malformed thousands groups; write it as 1,234,567.50, "
                  "1.234.567,50, 1 234 567,50 or 1234567.50");
  assert_refused ("0.001", OV_MONEY_ERROR_INVALID, "“0.001” has more than two decimal places");
  assert_refused ("€100 USD", OV_MONEY_ERROR_INVALID,
                  "“€100 USD” names two currencies, EUR and USD; an amount has one");
  assert_refused ("$100 €", OV_MONEY_ERROR_INVALID,
                  "“$100 €” names two currencies, USD and EUR; an amount has one");
  assert_refused ("100 USD 5", OV_MONEY_ERROR_INVALID, "“100 USD 5” is not an amount of money");
  assert_refused ("(100", OV_MONEY_ERROR_INVALID, "“(100” is not an amount of money");
  assert_refused ("1,", OV_MONEY_ERROR_INVALID, "“1,” is not an amount of money");
}

static void
test_parse_refused (void)
{
  const char *bad[] = { "", "abc", "12 apples", "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 7;

      g_assert_false (ov_money_parse (bad[i], &value, NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (value, ==, 7);
    }
}

static void
test_format (void)
{
  g_autofree char *usd = ov_money_format (12345600, "USD");
  g_autofree char *eur = ov_money_format (150, "eur");
  g_autofree char *other = ov_money_format (100000, "SEK");
  g_autofree char *plain = ov_money_format_plain (-5);
  g_autofree char *whole = ov_money_format_plain (120000);

  g_assert_cmpstr (usd, ==, "$123,456");
  g_assert_cmpstr (eur, ==, "€1.50");
  g_assert_cmpstr (other, ==, "1,000 SEK");
  g_assert_cmpstr (plain, ==, "-0.05");
  g_assert_cmpstr (whole, ==, "1200");
}

static void
test_locale_currency (void)
{
  static const struct
  {
    const char *symbol;
    const char *code;
  } cases[] = {
    { "EUR ", "EUR" }, { "USD ", "USD" }, { "CHF ", "CHF" }, { "gbp", "GBP" },
    { "", "USD" }, { NULL, "USD" }, { "EU", "USD" }, { "E1R ", "USD" }, { "EURO", "USD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = ov_money_currency_from_locale_symbol (cases[i].symbol);

      g_assert_cmpstr (code, ==, cases[i].code);
    }

  /* The tests run in the C locale, which has no currency. */
  {
    g_autofree char *code = ov_money_locale_currency ();

    g_assert_cmpstr (code, ==, "USD");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/parse-refused", test_parse_refused);
  g_test_add_func ("/money/parse-misread", test_parse_misread);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/locale-currency", test_locale_currency);

  return g_test_run ();
}
