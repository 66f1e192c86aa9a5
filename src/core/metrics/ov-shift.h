/* ov-shift.h — how far the after cohort sits from the before cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-ranks.h"

G_BEGIN_DECLS

/* The Hodges–Lehmann shift between two cohorts, with its 95 % interval and
 * the Mann–Whitney test of the same samples. */
typedef struct
{
  OvMannWhitney test;
  double        estimate;   /* median of every after_i − before_j */
  guint64       rank_low;   /* C: the interval is the C-th and (mn + 1 − C)-th smallest
                             * difference; 0 when the samples are too small for one */
  double        low;        /* NAN without an interval */
  double        high;       /* NAN without an interval */
} OvShift;

guint64  ov_shift_critical_rank     (guint          n_before,
                                     guint          n_after);
gboolean ov_shift_estimate          (const double  *before,
                                     guint          n_before,
                                     const double  *after,
                                     guint          n_after,
                                     OvShift       *shift,
                                     GError       **error);

G_END_DECLS
