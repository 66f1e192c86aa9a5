/* ov-pairwise.h — order statistics of all pairwise differences, never listed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The m × n differences after_i − before_j of two sorted samples, held as
 * the samples alone (the samples are borrowed, not copied). */
typedef struct _OvPairwise OvPairwise;

OvPairwise *ov_pairwise_new          (const double *after_sorted,
                                      guint         n_after,
                                      const double *before_sorted,
                                      guint         n_before);
double      ov_pairwise_select       (OvPairwise   *self,
                                      guint64       k);
double      ov_pairwise_select_next  (OvPairwise   *self,
                                      guint64       k,
                                      double        kth);
void        ov_pairwise_free         (OvPairwise   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvPairwise, ov_pairwise_free)

G_END_DECLS
