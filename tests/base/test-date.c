/* test-date.c — dates: parsing, impossible dates, arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-test-support.h"

static void
test_parse_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;
  OvDate date = 0;

  g_assert_true (ov_date_parse_iso ("2026-02-28", &date, &error));
  g_assert_no_error (error);
  back = ov_date_to_iso (date);
  g_assert_cmpstr (back, ==, "2026-02-28");

  /* Leap day exists in 2028 */
  g_assert_true (ov_date_parse_iso ("2028-02-29", &date, NULL));
  g_assert_cmpint (ov_date_from_ymd (2028, 3, 1) - date, ==, 1);

  g_assert_true (ov_date_parse_iso ("", &date, NULL));
  g_assert_cmpint (date, ==, OV_DATE_NONE);
}

static void
test_parse_impossible (void)
{
  g_autoptr(GError) error = NULL;
  OvDate date = 42;

  g_assert_false (ov_date_parse_iso ("2026-02-30", &date, &error));
  g_assert_error (error, OV_DATE_ERROR, OV_DATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_assert_nonnull (strstr (error->message, "28 days"));
  g_assert_cmpint (date, ==, 42);
  g_clear_error (&error);

  g_assert_false (ov_date_parse_iso ("2026-13-01", &date, &error));
  g_assert_error (error, OV_DATE_ERROR, OV_DATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "month 13"));
  g_clear_error (&error);

  g_assert_false (ov_date_parse_iso ("12/03/2026", &date, &error));
  g_assert_error (error, OV_DATE_ERROR, OV_DATE_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (ov_date_parse_iso ("2026-1-5", &date, &error));
  g_assert_error (error, OV_DATE_ERROR, OV_DATE_ERROR_FORMAT);
}

static void
test_today_pinned (void)
{
  g_setenv ("OVERTURE_TODAY", "2026-11-23", TRUE);
  g_assert_cmpint (ov_date_today (), ==, ov_date_from_ymd (2026, 11, 23));
  g_assert_cmpint (ov_date_get_weekday (ov_date_today ()), ==, 1);
  g_unsetenv ("OVERTURE_TODAY");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/parse-valid", test_parse_valid);
  g_test_add_func ("/date/parse-impossible", test_parse_impossible);
  g_test_add_func ("/date/today-pinned", test_today_pinned);

  return g_test_run ();
}
