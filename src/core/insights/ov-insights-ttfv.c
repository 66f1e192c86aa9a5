/* ov-insights-ttfv.c — time to first value per cohort and per package, the
 * before/after shift, the funnel and meeting attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md's definitions: TTFV is first_value_date − close_date in days;
 * an account closed and without a first value yet is open, censored on
 * today (or on the day it churned, the last day it could have reached
 * value), and counted as open, never as 0. Accounts whose close date is
 * still to come are not onboarding yet and are in no TTFV figure; one
 * whose first value is dated before its close is inconsistent: left out
 * of TTFV, and counted (OvInsightsTtfv.inconsistent) so every figure says
 * so rather than dropping it silently.
 */

#define G_LOG_DOMAIN "ov-insights"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-insights-private.h"
#include "ov-shift.h"
#include "ov-stats.h"

typedef gboolean (*AccountTest) (const OvStoreInsightsAccount *account,
                                 guint                         index,
                                 gconstpointer                 data);

void
ov_insights_group_clear (OvInsightsGroup *group)
{
  g_clear_pointer (&group->days, g_free);
  g_clear_pointer (&group->curve, ov_survival_free);
  memset (&group->ttfv, 0, sizeof group->ttfv);
}

static void
ttfv_empty (OvInsightsTtfv *ttfv)
{
  memset (ttfv, 0, sizeof *ttfv);
  ttfv->median = ttfv->q1 = ttfv->q3 = ttfv->min = ttfv->max = NAN;
}

/* Fills @group from the accounts @test keeps. */
static gboolean
build_group (OvInsights      *self,
             AccountTest      test,
             gconstpointer    data,
             OvInsightsGroup *group,
             GError         **error)
{
  GArray *accounts = self->accounts;
  OvDate today = self->filter.today;
  g_autofree int *durations = g_new (int, MAX (accounts->len, 1));
  g_autofree gboolean *reached = g_new (gboolean, MAX (accounts->len, 1));
  g_autofree double *days = g_new (double, MAX (accounts->len, 1));
  guint n_all = 0, n_reached = 0, n_inconsistent = 0;
  OvQuartiles quartiles;

  ov_insights_group_clear (group);
  ttfv_empty (&group->ttfv);

  for (guint i = 0; i < accounts->len; i++)
    {
      const OvStoreInsightsAccount *account = &g_array_index (accounts, OvStoreInsightsAccount, i);

      if (account->close_date == OV_DATE_NONE || account->close_date > today)
        continue;
      if (test != NULL && !test (account, i, data))
        continue;

      if (account->first_value_date != OV_DATE_NONE)
        {
          int d = account->first_value_date - account->close_date;

          if (d < 0)
            {
              n_inconsistent++;
              continue;
            }
          durations[n_all] = d;
          reached[n_all++] = TRUE;
          days[n_reached++] = d;
        }
      else
        {
          OvDate seen = today;

          if (account->churned_on != OV_DATE_NONE && account->churned_on < seen)
            seen = account->churned_on;
          durations[n_all] = MAX (seen - account->close_date, 0);
          reached[n_all++] = FALSE;
        }
    }

  group->curve = ov_survival_kaplan_meier (durations, reached, n_all, error);
  if (group->curve == NULL)
    return FALSE;

  group->ttfv.n = n_reached;
  group->ttfv.open = n_all - n_reached;
  group->ttfv.inconsistent = n_inconsistent;
  group->ttfv.has_stats = n_reached >= OV_INSIGHTS_MIN_GROUP;
  group->days = g_steal_pointer (&days);
  group->ttfv.days = group->days;
  if (n_reached > 0)
    {
      if (!ov_stats_quartiles (group->days, n_reached, &quartiles, error))
        return FALSE;
      group->ttfv.median = quartiles.median;
      group->ttfv.q1 = quartiles.q1;
      group->ttfv.q3 = quartiles.q3;
      group->ttfv.min = quartiles.min;
      group->ttfv.max = quartiles.max;
    }
  return TRUE;
}

static gboolean
in_cohort (const OvStoreInsightsAccount *account,
           guint                         index,
           gconstpointer                 data)
{
  const OvDate *bounds = data;   /* program start, and 0 for before or 1 for after */

  return (account->close_date >= bounds[0]) == (bounds[1] != 0);
}

gboolean
ov_insights_compute_ttfv (OvInsights  *self,
                          GError     **error)
{
  OvShift shift;

  memset (&self->shift, 0, sizeof self->shift);
  self->shift.estimate = self->shift.low = self->shift.high = self->shift.p = NAN;

  for (guint c = 0; c < OV_INSIGHTS_N_COHORTS; c++)
    {
      OvDate bounds[2] = { self->filter.program_start, c == OV_INSIGHTS_AFTER };

      ov_insights_group_clear (&self->cohorts[c]);
      ttfv_empty (&self->cohorts[c].ttfv);
      if (self->filter.program_start == OV_DATE_NONE)
        continue;
      if (!build_group (self, in_cohort, bounds, &self->cohorts[c], error))
        return FALSE;
    }

  self->shift.n_before = self->cohorts[OV_INSIGHTS_BEFORE].ttfv.n;
  self->shift.n_after = self->cohorts[OV_INSIGHTS_AFTER].ttfv.n;
  if (self->shift.n_before < OV_INSIGHTS_MIN_GROUP || self->shift.n_after < OV_INSIGHTS_MIN_GROUP)
    return TRUE;

  if (!ov_shift_estimate (self->cohorts[OV_INSIGHTS_BEFORE].days, self->shift.n_before,
                          self->cohorts[OV_INSIGHTS_AFTER].days, self->shift.n_after,
                          &shift, error))
    return FALSE;

  self->shift.available = TRUE;
  self->shift.estimate = shift.estimate;
  self->shift.low = shift.low;
  self->shift.high = shift.high;
  self->shift.p = shift.test.p;
  return TRUE;
}

static void
package_group_clear (gpointer data)
{
  OvInsightsPackageGroup *group = data;

  ov_insights_group_clear (&group->group);
}

static int
compare_packages (gconstpointer a,
                  gconstpointer b)
{
  const OvInsightsPackageGroup *x = a;
  const OvInsightsPackageGroup *y = b;

  /* "no package" last */
  if ((x->package.package[0] == '\0') != (y->package.package[0] == '\0'))
    return x->package.package[0] == '\0' ? 1 : -1;
  return g_utf8_collate (x->package.package, y->package.package);
}

static gboolean
in_package (const OvStoreInsightsAccount *account,
            guint                         index,
            gconstpointer                 data)
{
  return account->package == data;
}

gboolean
ov_insights_compute_packages (OvInsights  *self,
                              GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_clear_pointer (&self->packages, g_array_unref);
  g_clear_pointer (&self->package_list, g_array_unref);
  self->package_list = g_array_new (FALSE, TRUE, sizeof (OvInsightsPackage));
  self->packages = g_array_new (FALSE, TRUE, sizeof (OvInsightsPackageGroup));
  g_array_set_clear_func (self->packages, package_group_clear);

  /* Texts are in one string chunk, one copy each: the pointer names the
   * package. */
  for (guint i = 0; i < self->accounts->len; i++)
    {
      const OvStoreInsightsAccount *account = &g_array_index (self->accounts,
                                                              OvStoreInsightsAccount, i);
      OvInsightsPackageGroup *group;
      gpointer slot;

      if (g_hash_table_lookup_extended (seen, account->package, NULL, &slot))
        group = &g_array_index (self->packages, OvInsightsPackageGroup, GPOINTER_TO_UINT (slot));
      else
        {
          OvInsightsPackageGroup fresh = { { .package = account->package } };

          g_hash_table_insert (seen, (gpointer)account->package,
                               GUINT_TO_POINTER (self->packages->len));
          g_array_append_val (self->packages, fresh);
          group = &g_array_index (self->packages, OvInsightsPackageGroup,
                                  self->packages->len - 1);
        }

      group->package.n_accounts++;
      group->package.scheduled += account->scheduled;
      group->package.attended += account->attended;
      if (account->scheduled > 0)
        group->package.n_with_meetings++;
    }

  g_array_sort (self->packages, compare_packages);

  for (guint p = 0; p < self->packages->len; p++)
    {
      OvInsightsPackageGroup *group = &g_array_index (self->packages, OvInsightsPackageGroup, p);
      OvInsightsPackage *package = &group->package;

      package->rate = NAN;
      if (package->scheduled > 0 && package->n_with_meetings >= OV_INSIGHTS_MIN_GROUP)
        package->rate = (double)package->attended / package->scheduled;

      if (!build_group (self, in_package, package->package, &group->group, error))
        return FALSE;
      package->ttfv = group->group.ttfv;
      g_array_append_val (self->package_list, *package);
    }
  return TRUE;
}

/* Reached: the accounts that got to a stage or past it (their current
 * stage, or a higher one they entered and left again); now: those in it
 * today and not churned. */
void
ov_insights_compute_funnel (OvInsights *self)
{
  guint reached[OV_N_STAGES + 2] = { 0 };
  guint now[OV_N_STAGES + 1] = { 0 };

  for (guint i = 0; i < self->accounts->len; i++)
    {
      const OvStoreInsightsAccount *account = &g_array_index (self->accounts,
                                                              OvStoreInsightsAccount, i);

      reached[account->highest_stage]++;
      if (account->status != OV_ACCOUNT_STATUS_CHURNED)
        now[account->stage]++;
    }

  /* from "highest is s" to "reached s or beyond" */
  for (int s = OV_N_STAGES - 1; s >= 1; s--)
    reached[s] += reached[s + 1];

  for (int s = 1; s <= OV_N_STAGES; s++)
    {
      OvInsightsFunnelStage *stage = &self->funnel[s - 1];

      stage->stage = (OvStage)s;
      stage->reached = reached[s];
      stage->now = now[s];
      stage->drop_off = NAN;
      if (s < OV_N_STAGES && reached[s] > 0)
        stage->drop_off = 1.0 - (double)reached[s + 1] / reached[s];
    }
}
