/* ov-store-ttfv.h — the dates time to first value is computed from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-store.h"
#include "ov-ttfv-cohorts.h"

G_BEGIN_DECLS

/* The close and first-value dates of every account not deleted that has a
 * close date (OvTtfvDates): one statement, no object per account. */
GArray   *ov_store_list_ttfv_dates   (OvStore        *self,
                                      GError        **error);
/* Those dates and the program start, as ov_ttfv_cohorts_compute() sums
 * them up for @today. */
gboolean  ov_store_read_ttfv_cohorts (OvStore        *self,
                                      OvDate          today,
                                      OvTtfvCohorts  *cohorts,
                                      GError        **error);

G_END_DECLS
