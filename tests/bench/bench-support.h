/* bench-support.h — what the benchmarks share: a database in a folder of
 * its own, filled by SQL in one transaction, and removed afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-core.h"

G_BEGIN_DECLS

OvStore *bench_open_temp  (char       **dir,
                           char       **path);
void     bench_fill       (OvStore     *store,
                           const char  *sql);
void     bench_remove     (const char  *dir,
                           const char  *path);

G_END_DECLS
