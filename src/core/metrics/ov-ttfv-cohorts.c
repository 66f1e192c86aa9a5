/* ov-ttfv-cohorts.c — time to first value before and after the program
 * start, as the dashboard shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headline figures alone (n, open, median per cohort), in one pass
 * over two dates per account; Insights has the quartiles, the shift and
 * the curves.
 */

#define G_LOG_DOMAIN "ov-metrics"

#include "config.h"

#include <math.h>

#include "ov-stats.h"
#include "ov-ttfv-cohorts.h"

static gboolean
finish_group (OvTtfvGroup  *group,
              double       *days,
              GError      **error)
{
  group->median = NAN;
  return group->n == 0 || ov_stats_median (days, group->n, &group->median, error);
}

gboolean
ov_ttfv_cohorts_compute (const OvTtfvDates  *dates,
                         guint               n,
                         OvDate              program_start,
                         OvDate              today,
                         OvTtfvCohorts      *cohorts,
                         GError            **error)
{
  g_autofree double *all = g_new (double, MAX (n, 1));
  g_autofree double *before = g_new (double, MAX (n, 1));
  g_autofree double *after = g_new (double, MAX (n, 1));

  g_return_val_if_fail (dates != NULL || n == 0, FALSE);
  g_return_val_if_fail (cohorts != NULL, FALSE);

  *cohorts = (OvTtfvCohorts) { .program_start = program_start };

  for (guint i = 0; i < n; i++)
    {
      OvDate close = dates[i].close_date;
      OvDate value = dates[i].first_value_date;
      OvTtfvGroup *cohort = NULL;
      double *cohort_days = NULL;

      if (close == OV_DATE_NONE || close > today || (value != OV_DATE_NONE && value < close))
        continue;

      if (program_start != OV_DATE_NONE)
        {
          gboolean is_after = close >= program_start;

          cohort = is_after ? &cohorts->after : &cohorts->before;
          cohort_days = is_after ? after : before;
        }

      if (value == OV_DATE_NONE)
        {
          cohorts->all.open++;
          if (cohort != NULL)
            cohort->open++;
          continue;
        }

      all[cohorts->all.n++] = value - close;
      if (cohort != NULL)
        cohort_days[cohort->n++] = value - close;
    }

  return finish_group (&cohorts->all, all, error) &&
         finish_group (&cohorts->before, before, error) &&
         finish_group (&cohorts->after, after, error);
}
