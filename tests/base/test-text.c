/* test-text.c — text from outside: control characters, interning, folding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ov-text.h"

static void
test_fold (void)
{
  struct { const char *text, *folded; } cases[] = {
    { "Ashford Logistics GmbH", "ashford logistics gmbh" },
    /* Composed and decomposed "é" fold alike, composed. */
    { "Caf\xc3\xa9", "caf\xc3\xa9" },
    { "Cafe\xcc\x81", "caf\xc3\xa9" },
    /* Compatibility forms: the "fi" ligature, full-width letters. */
    { "\xef\xac\x81nance", "finance" },
    { "\xef\xbc\xa1\xef\xbc\xa2", "ab" },
    /* Case folding, not lowering: "ß" is "ss". */
    { "STRASSE Stra\xc3\x9f" "e", "strasse strasse" },
    /* Invalid bytes become U+FFFD; spaces stay. */
    { " a\xff ", " a\xef\xbf\xbd " },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = ov_text_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_find_control (void)
{
  g_assert_cmpuint (ov_text_find_control ("plain text", FALSE), ==, 0);
  g_assert_cmpuint (ov_text_find_control ("tab\there", FALSE), ==, '\t');
  g_assert_cmpuint (ov_text_find_control ("tab\there", TRUE), ==, 0);
  g_assert_cmpuint (ov_text_find_control ("bell\a", TRUE), ==, '\a');
  g_assert_cmpuint (ov_text_find_control ("c1 \xc2\x85", TRUE), ==, 0x85);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/find-control", test_find_control);

  return g_test_run ();
}
