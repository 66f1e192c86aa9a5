/* ov-metric-kind.h — the metrics Overture knows, and what their values may be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OV_METRIC_KIND_ERROR (ov_metric_kind_error_quark ())

typedef enum
{
  OV_METRIC_KIND_ERROR_RANGE,
} OvMetricKindError;

/* A metric the app knows: measurements of it are stored under @id, and its
 * values must lie in [@min, @max] (-INFINITY/INFINITY: no bound). Other
 * metric names stay allowed, with any value. */
typedef struct
{
  const char         *id;
  const char         *title;        /* translatable, through _() */
  const char * const *names;        /* compared lower-case, letters and digits only */
  double              min;
  double              max;
  gboolean            whole;        /* only whole numbers (an NPS response) */
  gboolean            money;        /* an amount: at most two decimal places */
  const char         *out_of_range; /* translatable; %.*s is the value as written */
  const char         *unit;         /* after a value, a symbol in every language ("%",
                                     * "h"); "" for none, NULL for money (the currency) */
} OvMetricKind;

GQuark              ov_metric_kind_error_quark  (void);
const OvMetricKind *ov_metric_kind_list         (guint              *n_kinds);
const OvMetricKind *ov_metric_kind_find         (const char         *name,
                                                 gssize              length);
gboolean            ov_metric_kind_check_value  (const OvMetricKind *kind,
                                                 double              value,
                                                 const char         *text,
                                                 int                 length,
                                                 GError            **error);

G_END_DECLS
