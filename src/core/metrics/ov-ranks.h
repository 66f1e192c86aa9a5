/* ov-ranks.h — ranks, and the rank tests behind the before/after figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-stats.h"

G_BEGIN_DECLS

/* Two-sided Mann–Whitney test of two independent samples. */
typedef struct
{
  guint  n_before;
  guint  n_after;
  double u;      /* pairs with after > before, a tie counting ½: R_after − n_after(n_after + 1)/2 */
  double z;      /* (U − mean), less ½ towards 0, over the tie-corrected σ; 0 when σ is 0 */
  double p;      /* two-sided, from the normal distribution: erfc(|z| / √2) */
} OvMannWhitney;

/* Two-sided Wilcoxon signed-rank test of paired changes. */
typedef struct
{
  guint  n;        /* nonzero changes, the ones ranked */
  guint  n_zero;   /* changes of exactly 0, dropped */
  double w_plus;   /* sum of the ranks of |change| over the positive changes */
  double z;        /* (W+ − mean), less ½ towards 0, over the tie-corrected σ; 0 when σ is 0 */
  double p;        /* two-sided, erfc(|z| / √2); 1 when no change is nonzero */
} OvWilcoxon;

gboolean ov_ranks_assign              (const double   *values,
                                       guint           n,
                                       double         *ranks,
                                       double         *ties,
                                       GError        **error);
gboolean ov_ranks_mann_whitney        (const double   *before,
                                       guint           n_before,
                                       const double   *after,
                                       guint           n_after,
                                       OvMannWhitney  *result,
                                       GError        **error);
gboolean ov_ranks_mann_whitney_sorted (const double   *before,
                                       guint           n_before,
                                       const double   *after,
                                       guint           n_after,
                                       OvMannWhitney  *result,
                                       GError        **error);
gboolean ov_ranks_wilcoxon            (const double   *changes,
                                       guint           n,
                                       OvWilcoxon     *result,
                                       GError        **error);

G_END_DECLS
