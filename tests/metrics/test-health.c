/* test-health.c — the health score from its components, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-test-support.h"

/* Any day: without an override the date does not matter. */
#define TODAY ov_date_from_ymd (2026, 1, 15)

/* Usage 80 %, engagement 60 %, an NPS response of 9, one overdue task. */
static OvHealthInputs
full_inputs (void)
{
  return (OvHealthInputs) {
    .present = { TRUE, TRUE, TRUE, TRUE },
    .value = {
      [OV_HEALTH_USAGE] = 80,
      [OV_HEALTH_ENGAGEMENT] = 60,
      [OV_HEALTH_NPS] = 9,
      [OV_HEALTH_OVERDUE] = 1,
    },
  };
}

static void
test_normalise (void)
{
  /* Percentages as they are, NPS × 10, overdue 100 − 25 per task. */
  const struct
  {
    OvHealthComponent component;
    double            value;
    double            expected;
  } cases[] = {
    { OV_HEALTH_USAGE, 0, 0 },
    { OV_HEALTH_USAGE, 72.5, 72.5 },
    { OV_HEALTH_ENGAGEMENT, 100, 100 },
    { OV_HEALTH_NPS, 7, 70 },
    { OV_HEALTH_NPS, 10, 100 },
    { OV_HEALTH_OVERDUE, 0, 100 },
    { OV_HEALTH_OVERDUE, 2, 50 },
    { OV_HEALTH_OVERDUE, 4, 0 },
    { OV_HEALTH_OVERDUE, 9, 0 },
  };
  const struct
  {
    OvHealthComponent component;
    double            value;
    int               code;
  } bad[] = {
    { OV_HEALTH_USAGE, 101, OV_METRICS_ERROR_OUT_OF_RANGE },
    { OV_HEALTH_ENGAGEMENT, -1, OV_METRICS_ERROR_OUT_OF_RANGE },
    { OV_HEALTH_NPS, 10.5, OV_METRICS_ERROR_OUT_OF_RANGE },
    { OV_HEALTH_OVERDUE, 1.5, OV_METRICS_ERROR_OUT_OF_RANGE },
    { OV_HEALTH_OVERDUE, -1, OV_METRICS_ERROR_OUT_OF_RANGE },
    { OV_HEALTH_USAGE, NAN, OV_METRICS_ERROR_NOT_FINITE },
    { OV_HEALTH_OVERDUE, INFINITY, OV_METRICS_ERROR_NOT_FINITE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double normalised = -1;

      g_assert_true (ov_health_normalise (cases[i].component, cases[i].value, &normalised, NULL));
      g_assert_cmpfloat (normalised, ==, cases[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double normalised = -1;

      g_assert_false (ov_health_normalise (bad[i].component, bad[i].value, &normalised, &error));
      g_assert_error (error, OV_METRICS_ERROR, bad[i].code);
      g_assert_cmpfloat (normalised, ==, -1);
    }
}

static void
test_all_present (void)
{
  OvHealthInputs inputs = full_inputs ();
  OvHealthScore score;

  /* Default weights 35 / 25 / 20 / 20 (sum 100) over 80, 60, 90, 75:
   * 28 + 15 + 18 + 15 = 76, coverage 1. Lift, weight × (100 − value):
   * 35 × 20 = 700, 25 × 40 = 1000, 20 × 10 = 200, 20 × 25 = 500:
   * engagement. */
  g_assert_true (ov_health_score (&inputs, NULL, NULL, TODAY, &score, NULL));
  g_assert_cmpfloat_with_epsilon (score.score, 76, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.computed, 76, 1e-12);
  g_assert_cmpfloat (score.coverage, ==, 1);
  g_assert_cmpfloat_with_epsilon (score.contribution[OV_HEALTH_USAGE], 28, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.contribution[OV_HEALTH_ENGAGEMENT], 15, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.contribution[OV_HEALTH_NPS], 18, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.contribution[OV_HEALTH_OVERDUE], 15, 1e-12);
  g_assert_cmpfloat (score.normalised[OV_HEALTH_NPS], ==, 90);
  g_assert_cmpint (score.lift, ==, OV_HEALTH_ENGAGEMENT);
  g_assert_false (score.lift_missing);
  g_assert_false (score.overridden);
}

static void
test_missing_component (void)
{
  OvHealthInputs inputs = full_inputs ();
  OvHealthScore score;

  /* No engagement data: its 25 is shared among 35 / 20 / 20 in
   * proportion, i.e. the weights become 35/75, 20/75, 20/75 of the score:
   * (35 × 80 + 20 × 90 + 20 × 75) / 75 = 6100 / 75 = 81.333…; usage
   * alone 2800 / 75 = 37.333…, NPS 1800 / 75 = 24, overdue 1500 / 75 =
   * 20. Coverage 75 / 100. The missing engagement is what to record. */
  inputs.present[OV_HEALTH_ENGAGEMENT] = FALSE;
  inputs.value[OV_HEALTH_ENGAGEMENT] = NAN;   /* ignored when absent */
  g_assert_true (ov_health_score (&inputs, NULL, NULL, TODAY, &score, NULL));
  g_assert_cmpfloat_with_epsilon (score.score, 6100.0 / 75, 1e-12);
  g_assert_cmpfloat (score.coverage, ==, 0.75);
  g_assert_cmpfloat_with_epsilon (score.contribution[OV_HEALTH_USAGE], 2800.0 / 75, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.contribution[OV_HEALTH_NPS], 24, 1e-12);
  g_assert_cmpfloat_with_epsilon (score.contribution[OV_HEALTH_OVERDUE], 20, 1e-12);
  g_assert_cmpfloat (score.contribution[OV_HEALTH_ENGAGEMENT], ==, 0);
  g_assert_true (isnan (score.normalised[OV_HEALTH_ENGAGEMENT]));
  g_assert_cmpint (score.lift, ==, OV_HEALTH_ENGAGEMENT);
  g_assert_true (score.lift_missing);

  /* Usage missing too: of the two missing, the heavier (35 > 25). */
  inputs.present[OV_HEALTH_USAGE] = FALSE;
  g_assert_true (ov_health_score (&inputs, NULL, NULL, TODAY, &score, NULL));
  /* (20 × 90 + 20 × 75) / 40 = 82.5, coverage 40 / 100. */
  g_assert_cmpfloat_with_epsilon (score.score, 82.5, 1e-12);
  g_assert_cmpfloat (score.coverage, ==, 0.4);
  g_assert_cmpint (score.lift, ==, OV_HEALTH_USAGE);

  /* Nothing known: no score, no coverage, record usage first. */
  memset (inputs.present, 0, sizeof inputs.present);
  g_assert_true (ov_health_score (&inputs, NULL, NULL, TODAY, &score, NULL));
  g_assert_true (isnan (score.score));
  g_assert_true (isnan (score.computed));
  g_assert_cmpfloat (score.coverage, ==, 0);
  g_assert_cmpint (score.lift, ==, OV_HEALTH_USAGE);
  g_assert_true (score.lift_missing);
}

static void
test_own_weights (void)
{
  OvHealthInputs inputs = full_inputs ();
  const double weights[] = { 50, 0, 50, 0 };
  OvHealthScore score;

  /* Weightless components count for nothing, missing or not: usage and
   * NPS alone, (80 + 90) / 2 = 85, coverage 100 / 100 though engagement is
   * missing. Lift: 50 × 20 = 1000 against 50 × 10 = 500, usage. */
  inputs.present[OV_HEALTH_ENGAGEMENT] = FALSE;
  g_assert_true (ov_health_score (&inputs, weights, NULL, TODAY, &score, NULL));
  g_assert_cmpfloat_with_epsilon (score.score, 85, 1e-12);
  g_assert_cmpfloat (score.coverage, ==, 1);
  g_assert_cmpfloat (score.contribution[OV_HEALTH_OVERDUE], ==, 0);
  g_assert_cmpint (score.lift, ==, OV_HEALTH_USAGE);
  g_assert_false (score.lift_missing);

  /* Everything at 100: nothing to lift. */
  inputs.value[OV_HEALTH_USAGE] = 100;
  inputs.value[OV_HEALTH_NPS] = 10;
  g_assert_true (ov_health_score (&inputs, weights, NULL, TODAY, &score, NULL));
  g_assert_cmpfloat (score.score, ==, 100);
  g_assert_cmpint (score.lift, ==, OV_HEALTH_N_COMPONENTS);
}

static void
test_override (void)
{
  OvHealthInputs inputs = full_inputs ();
  OvHealthOverride override = { 40, "Champion left; renewal at risk", 0 };
  OvHealthScore score;

  override.expires_on = ov_date_from_ymd (2026, 3, 31);

  /* On the expiry date it still holds: 40, though the components say 76. */
  g_assert_true (ov_health_score (&inputs, NULL, &override, ov_date_from_ymd (2026, 3, 31),
                                  &score, NULL));
  g_assert_true (score.overridden);
  g_assert_cmpfloat (score.score, ==, 40);
  g_assert_cmpfloat_with_epsilon (score.computed, 76, 1e-12);
  g_assert_cmpfloat (score.coverage, ==, 1);
  g_assert_cmpint (score.lift, ==, OV_HEALTH_ENGAGEMENT);

  /* The day after, the computed score is back. */
  g_assert_true (ov_health_score (&inputs, NULL, &override, ov_date_from_ymd (2026, 4, 1),
                                  &score, NULL));
  g_assert_false (score.overridden);
  g_assert_cmpfloat_with_epsilon (score.score, 76, 1e-12);

  /* An override holds even with no data at all. */
  memset (inputs.present, 0, sizeof inputs.present);
  g_assert_true (ov_health_score (&inputs, NULL, &override, ov_date_from_ymd (2026, 1, 1),
                                  &score, NULL));
  g_assert_cmpfloat (score.score, ==, 40);
  g_assert_true (isnan (score.computed));
}

static void
test_refused (void)
{
  OvHealthInputs inputs = full_inputs ();
  const double zero[] = { 0, 0, 0, 0 };
  const double negative[] = { 50, -1, 50, 0 };
  const OvHealthOverride no_reason = { 40, "", 1000 };
  const OvHealthOverride no_expiry = { 40, "Why", OV_DATE_NONE };
  const OvHealthOverride too_high = { 120, "Why", 1000 };
  g_autoptr(GError) weights_error = NULL;
  g_autoptr(GError) negative_error = NULL;
  g_autoptr(GError) reason_error = NULL;
  g_autoptr(GError) expiry_error = NULL;
  g_autoptr(GError) value_error = NULL;
  g_autoptr(GError) component_error = NULL;
  OvHealthScore score = { .score = -7 };

  g_assert_false (ov_health_score (&inputs, zero, NULL, 1, &score, &weights_error));
  g_assert_error (weights_error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
  g_assert_false (ov_health_score (&inputs, negative, NULL, 1, &score, &negative_error));
  g_assert_error (negative_error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
  g_assert_false (ov_health_score (&inputs, NULL, &no_reason, 1, &score, &reason_error));
  g_assert_error (reason_error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
  g_assert_false (ov_health_score (&inputs, NULL, &no_expiry, 1, &score, &expiry_error));
  g_assert_error (expiry_error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
  g_assert_false (ov_health_score (&inputs, NULL, &too_high, 1, &score, &value_error));
  g_assert_error (value_error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);

  inputs.value[OV_HEALTH_USAGE] = 150;
  g_assert_false (ov_health_score (&inputs, NULL, NULL, 1, &score, &component_error));
  g_assert_error (component_error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (component_error->message, "150"));

  /* Nothing written on failure. */
  g_assert_cmpfloat (score.score, ==, -7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/health/normalise", test_normalise);
  g_test_add_func ("/health/all-present", test_all_present);
  g_test_add_func ("/health/missing-component", test_missing_component);
  g_test_add_func ("/health/own-weights", test_own_weights);
  g_test_add_func ("/health/override", test_override);
  g_test_add_func ("/health/refused", test_refused);

  return g_test_run ();
}
