/* ov-store-generated.h — measurements and meetings a generator writes in
 * bulk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-date.h"
#include "ov-store.h"
#include "ov-types.h"

G_BEGIN_DECLS

/* Raw inserts for the sample portfolio: inside the caller's transaction,
 * no signal, no check against the clock (a sample is made around a day of
 * its own), one cached statement each. The caller keeps to the rules that
 * ov_measurement_validate() and ov_meeting_validate() check and to the
 * unique keys (account, metric, day, baseline flag; account, day, kind).
 * @metric is a metric's id (ov-metric-kind.c); @now the UTC timestamp the
 * rows are created at. */
gboolean ov_store_insert_measurement_row (OvStore        *self,
                                          gint64          account_id,
                                          const char     *metric,
                                          double          value,
                                          OvDate          measured_on,
                                          gboolean        baseline,
                                          const char     *now,
                                          GError        **error);
gboolean ov_store_insert_meeting_row     (OvStore        *self,
                                          gint64          account_id,
                                          OvMeetingKind   kind,
                                          OvDate          scheduled_on,
                                          gboolean        attended,
                                          const char     *now,
                                          GError        **error);

G_END_DECLS
