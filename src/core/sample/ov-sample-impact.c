/* ov-sample-impact.c — measurements and meetings for sample accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What makes the Insights charts tell a plausible story on a new sample:
 * every closed account gets a baseline of product usage, health, an NPS
 * response and the team's hours on its close date, then later values
 * (most better, some flat, a few worse, the churned ones worse), ARR as it
 * was at the close and after each renewal (an expansion, a contraction or
 * a small uplift; 0 the day it churned, its ARR field the last value), and
 * the meetings of its journey (kickoff, trainings, review, check-ins),
 * those of premium packages better attended. Each account draws from its
 * own GRand, so the accounts come out as they do without this, and the
 * same seed always gives the same figures. Rows go in through the store's
 * raw inserts, inside the sample's one transaction.
 */

#define G_LOG_DOMAIN "ov-sample"

#include "config.h"

#include <math.h>

#include "ov-meeting.h"
#include "ov-sample-private.h"
#include "ov-stage.h"
#include "ov-store-generated.h"

typedef enum
{
  TREND_BETTER,
  TREND_FLAT,
  TREND_WORSE,
} Trend;

typedef struct
{
  OvStore    *store;
  GRand      *rand;
  const char *now;
  gint64      account_id;
  OvDate      close;
  OvDate      today;
  OvDate      end;          /* today, or the day it churned */
  gboolean    churned;
  Trend       trend;
} Impact;

/* One metric's story: where it starts and where it is now, how much the
 * values between wander, its range and how values are rounded, and how
 * often and how many times it is measured. */
typedef struct
{
  const char *metric;
  double      baseline;
  double      latest;
  double      noise;
  double      high;
  double      step;
  int         interval;
  int         max_points;
} Series;

/* Renewals are years after the close; the most a sample shows (a close
 * about 900 days before today has two). */
#define MAX_RENEWALS 4

static int
range (GRand *rand,
       int    low,
       int    high)
{
  return g_rand_int_range (rand, low, high + 1);
}

static double
tidy (double value,
      double step,
      double high)
{
  return CLAMP (round (value / step) * step, 0, high);
}

static gboolean
measure (Impact      *impact,
         const char  *metric,
         double       value,
         OvDate       when,
         gboolean     baseline,
         GError     **error)
{
  return ov_store_insert_measurement_row (impact->store, impact->account_id, metric, value, when,
                                          baseline, impact->now, error);
}

/* The baseline on the close, then one value per interval the account has
 * had (at most max_points in all), evenly apart and a few days early at
 * random, moving towards the latest, which is the last. */
static gboolean
add_series (Impact        *impact,
            const Series  *series,
            GError       **error)
{
  int days = impact->end - impact->close;
  int n = MIN (series->max_points, 1 + days / series->interval);

  if (!measure (impact, series->metric, series->baseline, impact->close, TRUE, error))
    return FALSE;

  for (int j = 1; j < n; j++)
    {
      OvDate when = impact->close + (OvDate)((gint64)days * j / (n - 1));
      double share = (double)j / (n - 1);
      double value = series->baseline + (series->latest - series->baseline) * share;

      when -= range (impact->rand, 0, MIN (7, series->interval / 4));
      if (j < n - 1)
        value += g_rand_double_range (impact->rand, -series->noise, series->noise);
      if (!measure (impact, series->metric, tidy (value, series->step, series->high), when, FALSE,
                    error))
        return FALSE;
    }

  return TRUE;
}

/* Where a metric that starts at @baseline ends up for the account: its
 * own trend mostly, now and then flat whatever the others do. */
static double
move (Impact *impact,
      double  baseline,
      double  better,
      double  worse)
{
  Trend trend = range (impact->rand, 1, 100) <= 10 ? TREND_FLAT : impact->trend;

  switch (trend)
    {
    case TREND_BETTER:
      return baseline + better;
    case TREND_WORSE:
      return baseline - worse;
    case TREND_FLAT:
    default:
      return baseline + g_rand_double_range (impact->rand, -0.05, 0.05) * fabs (better);
    }
}

/* A series drawn in a fixed order, one value at a time, so that the
 * same seed gives the same values whatever the compiler. */
static void
start_series (Series     *series,
              const char *metric,
              double      baseline,
              double      noise,
              double      high,
              int         interval,
              int         max_points)
{
  *series = (Series) { metric, baseline, baseline, noise, high, 1, interval, max_points };
}

static void
end_series (Impact *impact,
            Series *series,
            double  better,
            double  worse)
{
  series->latest = tidy (move (impact, series->baseline, better, worse), series->step,
                         series->high);
}

static gboolean
add_measurements (Impact     *impact,
                  gboolean    after_program,
                  GError    **error)
{
  GRand *rand = impact->rand;
  Series usage, health, nps, hours;
  double better, worse;

  start_series (&usage, "product_usage", range (rand, 5, 30), 4, 100, 45, 4);
  better = range (rand, 20, 55);
  worse = range (rand, 2, 10);
  end_series (impact, &usage, better, worse);

  start_series (&health, "health_score", range (rand, 45, 70), 4, 100, 90, 3);
  better = range (rand, 8, 25);
  worse = range (rand, 10, 30);
  end_series (impact, &health, better, worse);

  start_series (&nps, "nps", range (rand, 6, 9), 1, 10, 180, 3);
  better = range (rand, 1, 3);
  worse = range (rand, 2, 4);
  end_series (impact, &nps, better, worse);

  /* Playbooks and the content library save the team time from the
   * program's start on; fewer hours are better. */
  start_series (&hours, "internal_cost", range (rand, 25, 60), 3, INFINITY, 60, 2);
  if (after_program)
    hours.baseline = round (hours.baseline * 0.85);
  better = -hours.baseline * g_rand_double_range (rand, 0.3, 0.6);
  worse = -hours.baseline * g_rand_double_range (rand, 0.1, 0.4);
  end_series (impact, &hours, better, worse);

  return add_series (impact, &usage, error) &&
         add_series (impact, &health, error) &&
         add_series (impact, &nps, error) &&
         add_series (impact, &hours, error);
}

static double
round_arr (double units)
{
  return MAX (500, round (units / 500) * 500);
}

/* ARR at the close and after each renewal up to today or the churn, the
 * last one the account's ARR field; 0 the day it churned. */
static gboolean
add_arr (Impact     *impact,
         OvAccount  *account,
         GError    **error)
{
  double values[MAX_RENEWALS + 1];
  int renewals = 0;

  /* No history is made up for an ARR nobody knows: not even a 0. */
  if (!ov_account_has_arr (account))
    return TRUE;

  for (int k = 1; k <= MAX_RENEWALS; k++)
    {
      OvDate when = impact->close + k * OV_SAMPLE_YEAR_DAYS;

      if (when > impact->today || (impact->churned && when >= impact->end))
        break;
      renewals = k;
    }

  values[renewals] = ov_account_get_arr_cents (account) / 100.0;
  for (int k = renewals; k >= 1; k--)
    {
      int roll = range (impact->rand, 1, 100);
      double factor;

      if (roll <= 45)
        factor = g_rand_double_range (impact->rand, 1.08, 1.40);      /* expansion */
      else if (roll <= 72)
        factor = g_rand_double_range (impact->rand, 0.75, 0.92);      /* contraction */
      else
        factor = 1 + range (impact->rand, 0, 3) / 100.0;              /* the yearly uplift */
      values[k - 1] = round_arr (values[k] / factor);
    }

  for (int k = 0; k <= renewals; k++)
    if (!measure (impact, "arr", values[k], impact->close + k * OV_SAMPLE_YEAR_DAYS, k == 0,
                  error))
      return FALSE;

  return !impact->churned || measure (impact, "arr", 0, impact->end, FALSE, error);
}

/* Percent of meetings the customer comes to, by package: those who pay
 * for help show up more. */
static int
attendance (OvAccount *account)
{
  const char *package = ov_account_get_package (account);

  if (g_strcmp0 (package, "Premium") == 0 || g_strcmp0 (package, "Enterprise") == 0)
    return 88;
  if (g_strcmp0 (package, "Guided") == 0)
    return 80;
  if (g_strcmp0 (package, "Essential") == 0)
    return 74;
  return 66;
}

/* A meeting on @when: none after a churn; one still ahead is scheduled,
 * not attended. */
static gboolean
meet (Impact         *impact,
      OvMeetingKind   kind,
      OvDate          when,
      int             attend_percent,
      GError        **error)
{
  gboolean attended = range (impact->rand, 1, 100) <= attend_percent;

  if ((impact->churned && when > impact->end) ||
      when > impact->today + OV_MEETING_MAX_DAYS_AHEAD)
    return TRUE;

  return ov_store_insert_meeting_row (impact->store, impact->account_id, kind, when,
                                      attended && when <= impact->today, impact->now, error);
}

static gboolean
add_meetings (Impact                 *impact,
              OvAccount              *account,
              const OvSampleHistory  *history,
              GError                **error)
{
  OvStage stage = ov_account_get_stage (account);
  OvDate kickoff = ov_account_get_date (account, OV_ACCOUNT_DATE_KICKOFF);
  int percent = attendance (account);

  /* The kickoff everyone is asked to, still ahead for a handoff. */
  if (kickoff == OV_DATE_NONE)
    {
      OvDate planned = impact->close + range (impact->rand, 6, 15);

      kickoff = MAX (planned, impact->today + 1);
    }
  if (!meet (impact, OV_MEETING_KIND_KICKOFF, kickoff, MIN (100, percent + 5), error))
    return FALSE;

  if (stage >= OV_STAGE_ADOPT)
    {
      int trainings = range (impact->rand, 1, 3);

      for (int j = 0; j < trainings; j++)
        if (!meet (impact, OV_MEETING_KIND_TRAINING,
                   history->entered[OV_STAGE_ADOPT] + 10 * j + range (impact->rand, 0, 6),
                   percent, error))
          return FALSE;
    }

  if (stage >= OV_STAGE_REVIEW &&
      !meet (impact, OV_MEETING_KIND_REVIEW,
             history->entered[OV_STAGE_REVIEW] + range (impact->rand, 0, 6), percent, error))
    return FALSE;

  /* Quarterly check-ins once onboarding is over. */
  if (stage == OV_STAGE_EXPAND)
    for (int j = 1; j <= 3; j++)
      {
        OvDate when = history->entered[OV_STAGE_EXPAND] + 90 * j + range (impact->rand, -5, 5);

        if (when > impact->today)
          break;
        if (!meet (impact, OV_MEETING_KIND_OTHER, when, percent - 10, error))
          return FALSE;
      }

  return TRUE;
}

gboolean
ov_sample_add_impact (OvStore                *store,
                      GRand                  *rand,
                      OvAccount              *account,
                      const OvSampleHistory  *history,
                      OvDate                  today,
                      const char             *now,
                      GError                **error)
{
  OvDate close = ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE);
  OvDate churned_on = ov_account_get_churned_on (account);
  Impact impact = {
    .store = store,
    .rand = rand,
    .now = now,
    .account_id = ov_account_get_id (account),
    .close = close,
    .today = today,
    .end = churned_on != OV_DATE_NONE ? churned_on : today,
    .churned = churned_on != OV_DATE_NONE,
  };
  int roll = range (rand, 1, 100);

  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);

  /* Nothing is measured before the deal closes. */
  if (close == OV_DATE_NONE || close > today)
    return TRUE;

  if (impact.churned)
    impact.trend = TREND_WORSE;
  else if (ov_account_get_status (account) == OV_ACCOUNT_STATUS_PAUSED)
    impact.trend = roll <= 50 ? TREND_FLAT : TREND_WORSE;
  else
    impact.trend = roll <= 80 ? TREND_BETTER : roll <= 93 ? TREND_FLAT : TREND_WORSE;

  return add_measurements (&impact, close >= ov_sample_program_start (today), error) &&
         add_arr (&impact, account, error) &&
         add_meetings (&impact, account, history, error);
}
