/* chart-test-support.h — the charts the report tests paint and read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ov-report.h"

G_BEGIN_DECLS

OvChart         *chart_test_bar           (void);
OvChart         *chart_test_grouped       (void);
OvChart         *chart_test_step          (void);
OvChart         *chart_test_box           (void);
OvChart         *chart_test_dates         (void);
OvChart         *chart_test_funnel        (void);
OvChart         *chart_test_long_labels   (void);

cairo_surface_t *chart_test_render        (OvChart              *chart,
                                           int                   width,
                                           int                   height,
                                           const OvChartPalette *palette);
gboolean         chart_test_pixel_is      (cairo_surface_t      *surface,
                                           int                   x,
                                           int                   y,
                                           const OvChartColor   *color);
void             chart_test_keep_png      (cairo_surface_t      *surface,
                                           const char           *name);
int              chart_test_run           (void);

G_END_DECLS
