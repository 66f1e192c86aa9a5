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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/parse-refused", test_parse_refused);
  g_test_add_func ("/money/format", test_format);

  return g_test_run ();
}
