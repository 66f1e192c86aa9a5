/* ov-ttfv-cohorts.h — time to first value before and after the program
 * start, as the dashboard shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-date.h"

G_BEGIN_DECLS

/* What time to first value needs of an account. */
typedef struct
{
  OvDate close_date;         /* OV_DATE_NONE: not closed */
  OvDate first_value_date;   /* OV_DATE_NONE: not reached */
} OvTtfvDates;

/* The accounts of a group that closed by today: n reached first value
 * (their median, in days, NAN when n is 0), open have not yet. */
typedef struct
{
  guint  n;
  guint  open;
  double median;
} OvTtfvGroup;

typedef struct
{
  OvDate      program_start;   /* OV_DATE_NONE: before and after are empty */
  OvTtfvGroup all;
  OvTtfvGroup before;          /* close_date < program_start */
  OvTtfvGroup after;           /* close_date ≥ program_start */
} OvTtfvCohorts;

/* DOMAIN.md's TTFV, first_value_date − close_date, over the accounts that
 * closed by @today (a close still ahead is no onboarding yet); a first
 * value dated before the close is inconsistent and left out, as Insights
 * does. Medians with ov_stats_median(). */
gboolean ov_ttfv_cohorts_compute (const OvTtfvDates  *dates,
                                  guint               n,
                                  OvDate              program_start,
                                  OvDate              today,
                                  OvTtfvCohorts      *cohorts,
                                  GError            **error);

G_END_DECLS
