/* ov-chart-save.h — a chart as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-chart.h"

G_BEGIN_DECLS

gboolean ov_chart_save (OvChart     *chart,
                        const char  *path,
                        double       width,
                        double       height,
                        GError     **error);

G_END_DECLS
