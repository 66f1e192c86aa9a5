/* test-measurements.c — measured values of metrics: stored under their
 * metric's id, listed per account and per metric, every bad value refused
 * with nothing stored, stale copies refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "store-test-support.h"

static gint64
count_rows (RecordsFixture *fixture)
{
  return query_int (fixture->store, "SELECT count(*) FROM metric_values");
}

static OvMeasurement *
add (RecordsFixture *fixture,
     const char     *metric,
     double          value,
     const char     *measured_on,
     gboolean        baseline)
{
  g_autoptr(OvMeasurement) measurement = ov_measurement_new (fixture->account_id, metric, value,
                                                             records_date (measured_on),
                                                             baseline);
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_add_measurement (fixture->store, measurement, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&measurement);
}

static void
test_add_list (RecordsFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(OvMeasurement) nps = NULL;
  g_autoptr(OvMeasurement) health = NULL;
  g_autoptr(OvMeasurement) custom = NULL;
  g_autoptr(OvMeasurement) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  nps = add (fixture, "NPS", 9, "2026-05-01", FALSE);
  health = add (fixture, "Health score", 72.5, "2026-01-10", TRUE);
  custom = add (fixture, "onboarding_score", -3.25, "2026-05-01", FALSE);
  g_assert_cmpuint (records_take_changes (fixture, "measurements"), ==, 3);

  /* Known metrics under their ids. */
  g_assert_cmpstr (ov_measurement_get_metric (nps), ==, "nps");
  g_assert_cmpstr (ov_measurement_get_metric (health), ==, "health_score");
  g_assert_cmpint (ov_measurement_get_version (nps), ==, 1);
  g_assert_cmpint (ov_measurement_get_id (nps), >, 0);

  /* Oldest first; on one day by metric. */
  list = ov_store_list_measurements (fixture->store, fixture->account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (ov_measurement_get_metric (list->pdata[0]), ==, "health_score");
  g_assert_true (ov_measurement_get_baseline (list->pdata[0]));
  g_assert_cmpstr (ov_measurement_get_metric (list->pdata[1]), ==, "nps");
  g_assert_cmpstr (ov_measurement_get_metric (list->pdata[2]), ==, "onboarding_score");
  g_assert_cmpfloat (ov_measurement_get_value (list->pdata[2]), ==, -3.25);

  read = ov_store_get_measurement (fixture->other, ov_measurement_get_id (health), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ov_measurement_get_value (read), ==, 72.5);
  g_assert_cmpint (ov_measurement_get_measured_on (read), ==, records_date ("2026-01-10"));
  g_clear_object (&read);

  read = ov_store_get_measurement (fixture->store, 999, &error);
  g_assert_null (read);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
}

static void
test_update_delete (RecordsFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(OvMeasurement) usage = add (fixture, "usage", 40, "2026-02-01", TRUE);
  g_autoptr(OvMeasurement) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  records_take_changes (fixture, "measurements");
  ov_measurement_set_value (usage, 55.5);
  ov_measurement_set_note (usage, "  After the training \n");
  ov_measurement_set_baseline (usage, FALSE);
  g_assert_true (ov_store_update_measurement (fixture->store, usage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_measurement_get_version (usage), ==, 2);
  g_assert_cmpuint (records_take_changes (fixture, "measurements"), ==, 1);

  read = ov_store_get_measurement (fixture->store, ov_measurement_get_id (usage), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_measurement_get_metric (read), ==, "product_usage");
  g_assert_cmpfloat (ov_measurement_get_value (read), ==, 55.5);
  g_assert_cmpstr (ov_measurement_get_note (read), ==, "After the training");
  g_assert_false (ov_measurement_get_baseline (read));
  g_assert_cmpint (ov_measurement_get_version (read), ==, 2);

  g_assert_true (ov_store_delete_measurement (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records_take_changes (fixture, "measurements"), ==, 1);
  list = ov_store_list_measurements (fixture->store, fixture->account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  /* Deleting it again: it is gone. */
  g_assert_false (ov_store_delete_measurement (fixture->store, usage, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
}

/* Each refusal names its field, and nothing is stored or told. */
static void
test_refusals (RecordsFixture *fixture,
               gconstpointer   data)
{
  const struct
  {
    const char *metric;
    double      value;
    const char *date;
    const char *note;
    int         code;
    const char *starts;
  } cases[] = {
    { "nps", 11, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE,
      "Value: an NPS response is a whole number from 0 to 10, not “11”" },
    { "nps", 7.5, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE, "Value: " },
    { "nps", -1, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE, "Value: " },
    { "health", 100.5, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE, "Value: a health score" },
    { "usage", -0.5, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE, "Value: product usage" },
    { "engagement", 101, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE, "Value: " },
    { "hours", -2, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE, "Value: hours spent" },
    { "arr", -100, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE, "Value: annual recurring" },
    { "arr", 1200.505, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE,
      "Value: 1200.505 has more than two decimals" },
    { "custom", NAN, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE,
      "Value: a measurement needs a number." },
    { "custom", INFINITY, "2026-05-01", "", OV_MEASUREMENT_ERROR_VALUE, "Value: " },
    { "", 1, "2026-05-01", "", OV_MEASUREMENT_ERROR_METRIC,
      "Metric: a measurement needs the name of its metric." },
    { "Custom Score", 1, "2026-05-01", "", OV_MEASUREMENT_ERROR_METRIC,
      "Metric: “Custom Score” is not a metric name" },
    { "score!", 1, "2026-05-01", "", OV_MEASUREMENT_ERROR_METRIC, "Metric: " },
    { "a_metric_name_that_is_far_longer_than_forty", 1, "2026-05-01", "",
      OV_MEASUREMENT_ERROR_METRIC, "Metric: " },
    { "zufriedenheit_ä", 1, "2026-05-01", "", OV_MEASUREMENT_ERROR_METRIC, "Metric: " },
    { "custom", 1, NULL, "", OV_MEASUREMENT_ERROR_DATE,
      "Measured on: a measurement needs a date." },
    { "custom", 1, "2026-06-16", "", OV_MEASUREMENT_ERROR_DATE,
      "Measured on: 2026-06-16 is after today (2026-06-15)" },
    { "custom", 1, "2031-01-01", "", OV_MEASUREMENT_ERROR_DATE, "Measured on: 2031-01-01" },
    { "custom", 1, "1899-12-31", "", OV_MEASUREMENT_ERROR_DATE,
      "Measured on: 1899-12-31 is not a date a measurement can have." },
    { "custom", 1, "2026-05-01", "bell\a", OV_MEASUREMENT_ERROR_NOTE,
      "Note: the text holds the control character U+0007." },
  };

  records_take_changes (fixture, "measurements");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvMeasurement) measurement = NULL;
      g_autoptr(GError) error = NULL;
      OvDate date = OV_DATE_NONE;

      g_test_message ("case %u: %s", i, cases[i].starts);
      if (cases[i].date != NULL)
        date = records_date (cases[i].date);
      measurement = ov_measurement_new (fixture->account_id, cases[i].metric, cases[i].value,
                                        date, FALSE);
      ov_measurement_set_note (measurement, cases[i].note);

      g_assert_false (ov_store_add_measurement (fixture->store, measurement, &error));
      g_assert_error (error, OV_MEASUREMENT_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].starts));
      g_assert_cmpint (ov_measurement_get_id (measurement), ==, 0);
    }

  g_assert_cmpint (count_rows (fixture), ==, 0);
  g_assert_cmpuint (records_take_changes (fixture, "measurements"), ==, 0);
}

/* No account, a deleted one, a second value for the same key. */
static void
test_refused_by_the_store (RecordsFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(OvMeasurement) nowhere = ov_measurement_new (999, "nps", 8,
                                                         records_date ("2026-05-01"), FALSE);
  g_autoptr(OvMeasurement) first = add (fixture, "nps", 8, "2026-05-01", TRUE);
  g_autoptr(OvMeasurement) twin = ov_measurement_new (fixture->account_id, "NPS", 6,
                                                      records_date ("2026-05-01"), TRUE);
  g_autoptr(OvMeasurement) other_flag = NULL;
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(OvMeasurement) late = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ov_store_add_measurement (fixture->store, nowhere, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Account: there is no account number 999"));
  g_clear_error (&error);

  g_assert_false (ov_store_add_measurement (fixture->store, twin, &error));
  g_assert_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "Measured on: the account already has a baseline of “nps” on 2026-05-01.");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture), ==, 1);

  /* The same day without the baseline flag is another measurement… */
  other_flag = add (fixture, "nps", 9, "2026-05-01", FALSE);
  /* …which cannot be turned into a second baseline. */
  ov_measurement_set_baseline (other_flag, TRUE);
  g_assert_false (ov_store_update_measurement (fixture->store, other_flag, &error));
  g_assert_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->store, "SELECT sum (is_baseline) FROM metric_values"), ==,
                   1);

  /* An update is checked as an addition is. */
  ov_measurement_set_value (first, 12);
  g_assert_false (ov_store_update_measurement (fixture->store, first, &error));
  g_assert_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->store, "SELECT max (value) FROM metric_values"), ==, 9);

  account = ov_store_get_account (fixture->store, fixture->account_id, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_delete_account (fixture->store, account, &error));
  g_assert_no_error (error);
  late = ov_measurement_new (fixture->account_id, "nps", 7, records_date ("2026-06-01"), FALSE);
  g_assert_false (ov_store_add_measurement (fixture->store, late, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (fixture), ==, 2);
}

/* A copy read before another connection changed the row is refused. */
static void
test_conflicts (RecordsFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(OvMeasurement) mine = add (fixture, "hours", 12, "2026-03-01", FALSE);
  g_autoptr(OvMeasurement) theirs = NULL;
  g_autoptr(OvMeasurement) stored = NULL;
  g_autoptr(GError) error = NULL;

  theirs = ov_store_get_measurement (fixture->other, ov_measurement_get_id (mine), &error);
  g_assert_no_error (error);
  ov_measurement_set_value (theirs, 20);
  g_assert_true (ov_store_update_measurement (fixture->other, theirs, &error));
  g_assert_no_error (error);

  ov_measurement_set_note (mine, "Kickoff prep");
  g_assert_false (ov_store_update_measurement (fixture->store, mine, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (ov_measurement_get_version (mine), ==, 1);

  g_assert_false (ov_store_delete_measurement (fixture->store, mine, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  stored = ov_store_get_measurement (fixture->store, ov_measurement_get_id (mine), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ov_measurement_get_value (stored), ==, 20);
  g_assert_cmpstr (ov_measurement_get_note (stored), ==, "");
}

/* Every measurement of a metric, without objects, by account and date;
 * deleted accounts left out. */
static void
test_metric_points (RecordsFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(OvAccount) second = ov_account_new ();
  g_autoptr(OvAccount) gone = ov_account_new ();
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;
  const OvMeasurementPoint *point;

  ov_account_set_name (second, "Beta");
  ov_account_set_name (gone, "Gone");
  g_assert_true (ov_store_save_account (fixture->store, second, &error));
  g_assert_true (ov_store_save_account (fixture->store, gone, &error));
  g_assert_no_error (error);

  /* 30,000 rows as an import leaves them, in one statement. */
  g_assert_true (ov_store_exec (fixture->store,
                                "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 "
                                "FROM n WHERE i < 9999) "
                                "INSERT INTO metric_values (account_id, metric, value, "
                                "measured_on, is_baseline, created_at, updated_at) "
                                "SELECT a.id, 'nps', (n.i + a.id) % 11, "
                                "date ('2000-01-01', '+' || n.i || ' days'), n.i = 0, 'x', 'x' "
                                "FROM n, accounts AS a",
                                &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_delete_account (fixture->store, gone, &error));
  g_assert_no_error (error);
  g_object_unref (add (fixture, "health", 80, "2026-05-01", FALSE));

  points = ov_store_list_metric_points (fixture->store, "Net Promoter Score", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 20000);

  point = &g_array_index (points, OvMeasurementPoint, 0);
  g_assert_cmpint (point->account_id, ==, fixture->account_id);
  g_assert_true (point->baseline);
  g_assert_cmpint (point->measured_on, ==, records_date ("2000-01-01"));
  g_assert_cmpfloat (point->value, ==, fixture->account_id % 11);
  for (guint i = 1; i < points->len; i++)
    {
      const OvMeasurementPoint *before = &g_array_index (points, OvMeasurementPoint, i - 1);
      const OvMeasurementPoint *now = &g_array_index (points, OvMeasurementPoint, i);

      g_assert_true (before->account_id < now->account_id ||
                     (before->account_id == now->account_id &&
                      before->measured_on < now->measured_on));
      g_assert_cmpint (now->account_id, !=, ov_account_get_id (gone));
    }
  point = &g_array_index (points, OvMeasurementPoint, points->len - 1);
  g_assert_cmpint (point->account_id, ==, ov_account_get_id (second));
  g_assert_cmpint (point->measured_on, ==, records_date ("2000-01-01") + 9999);
  g_assert_false (point->baseline);

  g_clear_pointer (&points, g_array_unref);
  points = ov_store_list_metric_points (fixture->store, "health_score", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  g_clear_pointer (&points, g_array_unref);
  points = ov_store_list_metric_points (fixture->store, "never_measured", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 0);
}

/* Names a file may give a metric, and the names they are stored under. */
static void
test_metric_names (void)
{
  const struct
  {
    const char *text;
    const char *stored;
  } cases[] = {
    { "NPS", "nps" },
    { "Product usage", "product_usage" },
    { "Custom score", "custom_score" },
    { "  Time-to-value (days) ", "time_to_value_days" },
    { "seats_2026", "seats_2026" },
    { "Zufriedenheit ä", NULL },
    { "!!!", NULL },
    { "a metric name that is far longer than forty", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stored = ov_measurement_metric_from_text (cases[i].text, -1);

      g_assert_cmpstr (stored, ==, cases[i].stored);
      if (stored != NULL)
        g_assert_true (ov_measurement_metric_is_valid (stored));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, RecordsFixture, NULL, records_fixture_set_up, func, \
              records_fixture_tear_down)

  ADD ("/measurements/add-list", test_add_list);
  ADD ("/measurements/update-delete", test_update_delete);
  ADD ("/measurements/refusals", test_refusals);
  ADD ("/measurements/refused-by-the-store", test_refused_by_the_store);
  ADD ("/measurements/conflicts", test_conflicts);
  ADD ("/measurements/metric-points", test_metric_points);
  g_test_add_func ("/measurements/metric-names", test_metric_names);

  return g_test_run ();
}
