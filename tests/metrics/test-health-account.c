/* test-health-account.c — an account's health from its stored facts, and
 * the portfolio's at-risk counts, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-test-support.h"

#define DAY(m, d) ov_date_from_ymd (2026, m, d)
#define TODAY DAY (1, 15)

/* Usage 80 % (Jan 10); 4 meetings, 3 attended (the last Jan 12); no NPS;
 * 5 tasks, 2 of them overdue. */
static OvHealthFacts
no_nps (void)
{
  OvHealthFacts facts;

  ov_health_facts_init (&facts, 1);
  facts.usage = 80;
  facts.usage_on = DAY (1, 10);
  facts.meetings_scheduled = 4;
  facts.meetings_attended = 3;
  facts.last_meeting_on = DAY (1, 12);
  facts.tasks = 5;
  facts.overdue = 2;
  return facts;
}

/* Weights 35/25/20/20, NPS missing: 80 of 100 weight has data.
 * (35 × 80 + 25 × 75 + 20 × 50) / 80 = 5675 / 80 = 70.9375. */
static void
test_missing_component (void)
{
  OvHealthFacts facts = no_nps ();
  OvHealthAssessment a;
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_COMPUTED);
  g_assert_cmpfloat_with_epsilon (a.value, 70.9375, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.score.coverage, 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.score.contribution[OV_HEALTH_USAGE], 35, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.score.contribution[OV_HEALTH_ENGAGEMENT], 23.4375, 1e-12);
  g_assert_cmpfloat (a.score.contribution[OV_HEALTH_NPS], ==, 0);
  g_assert_cmpfloat_with_epsilon (a.score.contribution[OV_HEALTH_OVERDUE], 12.5, 1e-12);
  g_assert_cmpfloat (a.inputs.value[OV_HEALTH_ENGAGEMENT], ==, 75);
  g_assert_cmpfloat (a.inputs.value[OV_HEALTH_OVERDUE], ==, 2);
  g_assert_false (a.inputs.present[OV_HEALTH_NPS]);
  g_assert_true (isnan (a.score.normalised[OV_HEALTH_NPS]));
  g_assert_cmpint (a.score.lift, ==, OV_HEALTH_NPS);
  g_assert_true (a.score.lift_missing);
  g_assert_cmpint (ov_health_band_of (&a), ==, OV_HEALTH_BAND_FIRM);
  g_assert_false (a.override_expired);

  /* Weights that leave usage out: (25 × 75 + 20 × 50) / 45 = 63.888…; the
   * coverage is 45 of 65. */
  {
    const double weights[OV_HEALTH_N_COMPONENTS] = { 0, 25, 20, 20 };

    g_assert_true (ov_health_assess (&facts, weights, TODAY, &a, &error));
    g_assert_cmpfloat_with_epsilon (a.value, 2875.0 / 45, 1e-12);
    g_assert_cmpfloat_with_epsilon (a.score.coverage, 45.0 / 65, 1e-12);
    g_assert_cmpint (ov_health_band_of (&a), ==, OV_HEALTH_BAND_PARTIAL);
    g_assert_cmpfloat (a.weights[OV_HEALTH_USAGE], ==, 0);
    g_assert_cmpfloat (a.weights[OV_HEALTH_ENGAGEMENT], ==, 25);
  }
}

/* An override holds up to and including its last day, whatever the
 * components say; the day after, the computed score is back and the
 * assessment says the override expired. */
static void
test_override (void)
{
  OvHealthFacts facts = no_nps ();
  OvHealthAssessment a;
  g_autoptr(GError) error = NULL;

  facts.override_value = 40;
  facts.override_reason = g_strdup ("Champion left");
  facts.override_expires_on = DAY (2, 1);
  facts.override_set_on = DAY (1, 5);

  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_OVERRIDE);
  g_assert_cmpfloat (a.value, ==, 40);
  g_assert_cmpfloat_with_epsilon (a.score.computed, 70.9375, 1e-12);
  g_assert_cmpint (ov_health_band_of (&a), ==, OV_HEALTH_BAND_SET);

  g_assert_true (ov_health_assess (&facts, NULL, DAY (2, 1), &a, &error));
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_OVERRIDE);

  g_assert_true (ov_health_assess (&facts, NULL, DAY (2, 2), &a, &error));
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_COMPUTED);
  g_assert_cmpfloat_with_epsilon (a.value, 70.9375, 1e-12);
  g_assert_true (a.override_expired);

  /* An override wins over a recorded score too. */
  facts.recorded = 90;
  facts.recorded_on = DAY (1, 14);
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_OVERRIDE);
  g_assert_cmpfloat (a.value, ==, 40);

  /* One without a reason (a file edited by hand) is no override. */
  g_clear_pointer (&facts.override_reason, g_free);
  facts.override_reason = g_strdup ("");
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_RECORDED);
  g_assert_false (a.override_expired);

  ov_health_facts_clear (&facts);
  g_assert_null (facts.override_reason);
}

/* A recorded score counts when no dated component is newer than it. */
static void
test_recorded (void)
{
  OvHealthFacts facts = no_nps ();
  OvHealthAssessment a;
  g_autoptr(GError) error = NULL;

  facts.recorded = 62;
  facts.recorded_on = DAY (1, 12);      /* as new as the last meeting */
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_RECORDED);
  g_assert_cmpfloat (a.value, ==, 62);
  g_assert_cmpfloat_with_epsilon (a.score.computed, 70.9375, 1e-12);

  facts.nps = 3;
  facts.nps_responses = 1;
  facts.nps_on = DAY (1, 13);           /* a newer response */
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_COMPUTED);
  /* (2800 + 1875 + 20 × 30 + 1000) / 100 */
  g_assert_cmpfloat_with_epsilon (a.value, 62.75, 1e-12);

  /* Only a recorded score: it is the score. */
  ov_health_facts_init (&facts, 2);
  facts.recorded = 35;
  facts.recorded_on = DAY (1, 1);
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_RECORDED);
  g_assert_cmpfloat (a.value, ==, 35);
  g_assert_cmpfloat (a.score.coverage, ==, 0);
}

/* Engagement from meetings; without meetings, the latest engagement
 * measurement; no tasks at all is no overdue component. */
static void
test_engagement_and_tasks (void)
{
  OvHealthFacts facts;
  OvHealthAssessment a;
  g_autoptr(GError) error = NULL;

  ov_health_facts_init (&facts, 3);
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_NONE);
  g_assert_true (isnan (a.value));
  g_assert_cmpfloat (a.score.coverage, ==, 0);
  g_assert_cmpint (a.score.lift, ==, OV_HEALTH_USAGE);

  facts.engagement = 60;
  facts.engagement_on = DAY (1, 3);
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_cmpint (a.source, ==, OV_HEALTH_SOURCE_COMPUTED);
  g_assert_cmpfloat (a.value, ==, 60);
  g_assert_cmpfloat_with_epsilon (a.score.coverage, 0.25, 1e-12);
  g_assert_cmpint (ov_health_band_of (&a), ==, OV_HEALTH_BAND_THIN);

  facts.meetings_scheduled = 5;
  facts.meetings_attended = 1;
  facts.last_meeting_on = DAY (1, 2);
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  g_assert_cmpfloat (a.value, ==, 20);

  facts.tasks = 3;
  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &a, &error));
  /* (25 × 20 + 20 × 100) / 45 */
  g_assert_cmpfloat_with_epsilon (a.value, 2500.0 / 45, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.score.coverage, 0.45, 1e-12);
}

/* Five accounts counted by hand: A computed 70.9 on 80 % (firm, fine); A
 * with an override of 40 (set, at risk); usage 30 alone (35 %: thin, at
 * risk); usage 30 and NPS 4, (1050 + 800) / 55 = 33.6 on 55 % (partial, at
 * risk); nothing (no data). */
static void
test_summary (void)
{
  OvHealthFacts facts[5];
  OvHealthSummary s;
  g_autoptr(GError) error = NULL;

  facts[0] = no_nps ();
  facts[1] = no_nps ();
  facts[1].override_value = 40;
  facts[1].override_reason = g_strdup ("Budget freeze");
  facts[1].override_expires_on = DAY (3, 1);
  ov_health_facts_init (&facts[2], 3);
  facts[2].usage = 30;
  facts[2].usage_on = DAY (1, 1);
  ov_health_facts_init (&facts[3], 4);
  facts[3].usage = 30;
  facts[3].usage_on = DAY (1, 1);
  facts[3].nps = 4;
  facts[3].nps_on = DAY (1, 1);
  ov_health_facts_init (&facts[4], 5);

  g_assert_true (ov_health_summarize (facts, 5, NULL, TODAY, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.accounts, ==, 5);
  g_assert_cmpuint (s.scored, ==, 4);
  g_assert_cmpuint (s.no_data, ==, 1);
  g_assert_cmpuint (s.at_risk, ==, 3);
  g_assert_cmpuint (s.overridden, ==, 1);
  g_assert_cmpuint (s.scored_by_band[OV_HEALTH_BAND_FIRM], ==, 1);
  g_assert_cmpuint (s.at_risk_by_band[OV_HEALTH_BAND_FIRM], ==, 0);
  g_assert_cmpuint (s.at_risk_by_band[OV_HEALTH_BAND_PARTIAL], ==, 1);
  g_assert_cmpuint (s.at_risk_by_band[OV_HEALTH_BAND_THIN], ==, 1);
  g_assert_cmpuint (s.at_risk_by_band[OV_HEALTH_BAND_SET], ==, 1);

  /* The override expired: the account is back at 70.9, not at risk. */
  g_assert_true (ov_health_summarize (facts, 5, NULL, DAY (3, 2), &s, &error));
  g_assert_cmpuint (s.at_risk, ==, 2);
  g_assert_cmpuint (s.overridden, ==, 0);
  g_assert_cmpuint (s.scored_by_band[OV_HEALTH_BAND_FIRM], ==, 2);

  /* A stored value out of range names its account. */
  facts[3].usage = 150;
  g_assert_false (ov_health_summarize (facts, 5, NULL, TODAY, &s, &error));
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "4"));

  for (guint i = 0; i < 5; i++)
    ov_health_facts_clear (&facts[i]);
}

static void
test_check_override (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_health_check_override (0, "x", TODAY, TODAY, &error));
  g_assert_true (ov_health_check_override (100, "x", TODAY + 1, TODAY, &error));
  g_assert_no_error (error);
  g_assert_false (ov_health_check_override (100.5, "x", TODAY, TODAY, &error));
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ov_health_check_override (50, " \t", TODAY, TODAY, &error));
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ov_health_check_override (50, "x", TODAY - 1, TODAY, &error));
  g_assert_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-01-14"));
}

/* A score never shows as the edge of a better status than it has. */
static void
test_format_score (void)
{
  static const struct
  {
    double      value;
    const char *shown;
  } cases[] = {
    { 0, "0" },
    { 42.4, "42" },
    { 49.4, "49" },
    { 49.5, "49.5" },      /* "50" would not be at risk */
    { 49.6, "49.6" },
    { 49.96, "49.9" },     /* cut: "50.0" would say the same as "50" */
    { 50, "50" },
    { 50.4, "50" },
    { 69.7, "69.7" },      /* "70" would be healthy, not one to watch */
    { 70, "70" },
    { 72.5, "72" },        /* printf's rounding, to even */
    { 99.6, "100" },
    { 100, "100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = ov_health_format_score (cases[i].value);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      /* What is shown, read back, falls in the same status as the score. */
      g_assert_cmpint (g_ascii_strtod (shown, NULL) < OV_HEALTH_AT_RISK_BELOW, ==,
                       cases[i].value < OV_HEALTH_AT_RISK_BELOW);
      g_assert_cmpint (g_ascii_strtod (shown, NULL) < OV_HEALTH_WATCH_BELOW, ==,
                       cases[i].value < OV_HEALTH_WATCH_BELOW);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/metrics/health-account/missing-component", test_missing_component);
  g_test_add_func ("/metrics/health-account/override", test_override);
  g_test_add_func ("/metrics/health-account/recorded", test_recorded);
  g_test_add_func ("/metrics/health-account/engagement-and-tasks", test_engagement_and_tasks);
  g_test_add_func ("/metrics/health-account/summary", test_summary);
  g_test_add_func ("/metrics/health-account/check-override", test_check_override);
  g_test_add_func ("/metrics/health-account/format-score", test_format_score);

  return g_test_run ();
}
