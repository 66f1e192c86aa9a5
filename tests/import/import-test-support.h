/* import-test-support.h — what the tests of the import engine share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "csv-test-support.h"

G_BEGIN_DECLS

/* The 16 imported fields of every account, in order of id, as text. */
char *accounts      (OvStore        *store);

void  assert_counts (OvImportResult *result,
                     guint           created,
                     guint           updated,
                     guint           unchanged,
                     guint           rejected);

G_END_DECLS
