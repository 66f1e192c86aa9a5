/* ov-csv-reader-private.h — what tests may change of a reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-csv-reader.h"

G_BEGIN_DECLS

void ov_csv_reader_set_block_size (OvCsvReader *self,
                                   gsize        block_size);

G_END_DECLS
