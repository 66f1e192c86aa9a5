/* ov-measurement-change.h — one account's metric: its baseline, its latest
 * value, and the change between them in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-measurement.h"

G_BEGIN_DECLS

/* Of @measurements (one account's, in the store's order: oldest first, the
 * baseline first on a day), those of @metric (an id or a name
 * ov_measurement_metric_id() knows): the baseline is the last one flagged
 * so; the latest is the last one not flagged and dated after that
 * baseline (DOMAIN.md, "own baseline vs latest"). Either may be NULL. */
void   ov_measurement_find_change      (GPtrArray      *measurements,
                                        const char     *metric,
                                        OvMeasurement **baseline,
                                        OvMeasurement **latest);

/* A value as a person types it: "42", "12,5", "1,234.5", "-3", "80 %".
 * Thousands groups and decimal marks as ov_number_scan() reads them; a
 * lone separator before three digits is refused as ambiguous. The message
 * starts with the field's label, as ov_measurement_validate()'s do
 * (OV_MEASUREMENT_ERROR_VALUE). */
gboolean ov_measurement_parse_value    (const char     *text,
                                        double         *value,
                                        GError        **error);

/* A metric's title for people: a known metric's translated title, any
 * other name with its '_' as spaces and its first letter upper case. */
char  *ov_measurement_metric_title     (const char     *metric);

/* A known metric's unit after a value ("%", "h"), "" for none or for
 * another metric, @currency for an amount. */
const char *ov_measurement_metric_unit (const char     *metric,
                                        const char     *currency);

/* @value as people read it, with its unit: "42 %", "7", "12.5 h",
 * "$120,000.00". @currency is for an amount (ARR). */
char  *ov_measurement_format_value     (const char     *metric,
                                        double          value,
                                        const char     *currency);

/* "42 % → 71 % (+29)": from @baseline to @latest of @metric. */
char  *ov_measurement_describe_change  (const char     *metric,
                                        double          baseline,
                                        double          latest,
                                        const char     *currency);

G_END_DECLS
