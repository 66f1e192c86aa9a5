/* ov-report.h — charts and reports, for the app and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-chart.h"
#include "ov-chart-paint.h"
#include "ov-chart-palette.h"
#include "ov-chart-save.h"
#include "ov-chart-text.h"
#include "ov-chart-ticks.h"
#include "ov-review-report.h"
