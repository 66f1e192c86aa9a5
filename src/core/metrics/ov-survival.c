/* ov-survival.c — time to first value with open onboardings counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An onboarding that has not reached first value yet tells us only that it
 * takes longer than it has run so far. A median over the finished ones
 * alone would flatter a slow quarter; dropping the open ones would hide
 * them. The Kaplan–Meier estimator counts each open onboarding as "at
 * least this long" (censored at today), which is what the domain notes ask
 * for: open accounts are counted, never as 0 and never dropped.
 */

#define G_LOG_DOMAIN "ov-survival"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ov-survival.h"

/* Products of (1 − d/n) that are ½ exactly on paper, such as ⅔ × ¾, may
 * round to a hair above it: reached counts as ½ within this much. */
#define HALF_SLACK 1e-12

typedef struct
{
  int      day;
  gboolean reached;
} Subject;

static int
compare_subjects (const void *a,
                  const void *b)
{
  const Subject *x = a;
  const Subject *y = b;

  return x->day < y->day ? -1 : x->day > y->day ? 1 : 0;
}

/**
 * ov_survival_kaplan_meier:
 * @days: (array length=n): per account, days from the close date to first
 *   value, or to today when it has not reached it
 * @reached: (array length=n): per account, whether it reached first value
 *   (%FALSE: still open, censored at @days)
 *
 * The Kaplan–Meier estimate of the share of accounts that reach first value
 * by each day: with n_t accounts at risk at the start of day t (those whose
 * duration is t or more) and d_t reaching value on it,
 * S(t) = Π over days u ≤ t of (1 − d_u / n_u), and reached(t) = 1 − S(t).
 * An account censored on day t is still at risk on t (it was seen open at
 * the end of it), so reaching value and staying open on the same day make
 * one step. The curve has one step per day on which an account reached
 * value or was censored; only the former move it. The median time is the
 * first day on which reached ≥ ½; when the curve never gets there, there is
 * no median (say "more than N days", N being the last day).
 *
 * Returns: (transfer full): the curve (no steps for no accounts), or %NULL
 *   with @error set when a duration is negative: a first value before the
 *   close date, or an open account whose close date is still to come
 */
OvSurvival *
ov_survival_kaplan_meier (const int       *days,
                          const gboolean  *reached,
                          guint            n,
                          GError         **error)
{
  g_autofree Subject *subjects = NULL;
  g_autoptr(OvSurvival) survival = NULL;
  double remaining = 1;   /* S(t) */

  g_return_val_if_fail (days != NULL || n == 0, NULL);
  g_return_val_if_fail (reached != NULL || n == 0, NULL);

  subjects = g_new (Subject, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      if (days[i] < 0 && reached[i])
        {
          g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE,
                       ngettext ("Account %u of %u reached first value %d day before its close "
                                 "date; check its close and first-value dates",
                                 "Account %u of %u reached first value %d days before its close "
                                 "date; check its close and first-value dates",
                                 -days[i]),
                       i + 1, n, -days[i]);
          return NULL;
        }
      if (days[i] < 0)
        {
          g_set_error (error, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE,
                       ngettext ("Account %u of %u closes in %d day; leave out accounts whose "
                                 "close date has not come yet",
                                 "Account %u of %u closes in %d days; leave out accounts whose "
                                 "close date has not come yet",
                                 -days[i]),
                       i + 1, n, -days[i]);
          return NULL;
        }
      subjects[i] = (Subject) { days[i], reached[i] != FALSE };
    }
  qsort (subjects, n, sizeof *subjects, compare_subjects);

  survival = g_new0 (OvSurvival, 1);
  survival->n = n;
  survival->steps = g_new0 (OvSurvivalStep, MAX (n, 1));

  for (guint start = 0, end; start < n; start = end)
    {
      OvSurvivalStep *step = &survival->steps[survival->n_steps++];

      step->day = subjects[start].day;
      step->at_risk = n - start;
      for (end = start; end < n && subjects[end].day == step->day; end++)
        {
          if (subjects[end].reached)
            step->events++;
          else
            step->censored++;
        }

      remaining *= 1 - (double)step->events / step->at_risk;
      step->reached = 1 - remaining;
      survival->n_events += step->events;
      survival->n_censored += step->censored;

      if (!survival->has_median && step->reached >= 0.5 - HALF_SLACK)
        {
          survival->has_median = TRUE;
          survival->median_day = step->day;
        }
    }

  return g_steal_pointer (&survival);
}

/**
 * ov_survival_reached_by:
 * @day: days since the close date
 *
 * Returns: the estimated share that reached first value by the end of
 *   @day (0 before the first step; after the last step, the last share)
 */
double
ov_survival_reached_by (const OvSurvival *survival,
                        int               day)
{
  double share = 0;

  g_return_val_if_fail (survival != NULL, 0);

  for (guint i = 0; i < survival->n_steps && survival->steps[i].day <= day; i++)
    share = survival->steps[i].reached;

  return share;
}

void
ov_survival_free (OvSurvival *survival)
{
  if (survival == NULL)
    return;

  g_free (survival->steps);
  g_free (survival);
}
