/* ov-account-figures.c — the figures of each account that the table can
 * show beside its fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These figures come from other tables (stage events, tasks, measurements)
 * and are read in one pass when a column asks for them, never with the
 * portfolio. They are kept apart from the accounts, one small struct per
 * account in one array sorted by id, so a portfolio of 100,000 accounts
 * costs some 3 MB and no objects; a look-up is a binary search. The array
 * is never changed once made: a newer reading replaces the whole of it.
 */

#define G_LOG_DOMAIN "ov-account-list"

#include "config.h"

#include <math.h>

#include "ov-account-figures.h"
#include "ov-health-account.h"

struct _OvAccountFigures
{
  gatomicrefcount  ref_count;
  OvDate           today;
  GArray          *figures;   /* of OvAccountFigure, by account_id */
};

G_DEFINE_BOXED_TYPE (OvAccountFigures, ov_account_figures, ov_account_figures_ref,
                     ov_account_figures_unref)

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = ((const OvAccountFigure *)a)->account_id;
  gint64 y = ((const OvAccountFigure *)b)->account_id;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Takes @figures (of OvAccountFigure; sorted by id here if it is not). */
OvAccountFigures *
ov_account_figures_new (GArray *figures,
                        OvDate  today)
{
  OvAccountFigures *self;

  g_return_val_if_fail (figures != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (figures) == sizeof (OvAccountFigure), NULL);

  for (guint i = 1; i < figures->len; i++)
    if (compare_ids (&g_array_index (figures, OvAccountFigure, i - 1),
                     &g_array_index (figures, OvAccountFigure, i)) > 0)
      {
        g_array_sort (figures, compare_ids);
        break;
      }

  self = g_new0 (OvAccountFigures, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->today = today;
  self->figures = figures;
  return self;
}

OvAccountFigures *
ov_account_figures_ref (OvAccountFigures *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ov_account_figures_unref (OvAccountFigures *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->figures);
      g_free (self);
    }
}

/* The day the figures were read as of. */
OvDate
ov_account_figures_get_today (const OvAccountFigures *self)
{
  g_return_val_if_fail (self != NULL, OV_DATE_NONE);

  return self->today;
}

guint
ov_account_figures_get_len (const OvAccountFigures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->figures->len;
}

/* The figures of @account_id, or NULL when they were not read (an account
 * added since, or deleted). */
const OvAccountFigure *
ov_account_figures_lookup (const OvAccountFigures *self,
                           gint64                  account_id)
{
  guint low = 0, high;

  g_return_val_if_fail (self != NULL, NULL);

  high = self->figures->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const OvAccountFigure *figure = &g_array_index (self->figures, OvAccountFigure, middle);

      if (figure->account_id == account_id)
        return figure;
      if (figure->account_id < account_id)
        low = middle + 1;
      else
        high = middle;
    }

  return NULL;
}

/* As the dashboard counts them: a score under OV_HEALTH_AT_RISK_BELOW. */
gboolean
ov_account_figure_at_risk (const OvAccountFigure *figure)
{
  g_return_val_if_fail (figure != NULL, FALSE);

  return !isnan (figure->health) && figure->health < OV_HEALTH_AT_RISK_BELOW;
}
