/* ov-import-undo.h — after an import: its toast and its Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-window.h"

G_BEGIN_DECLS

char *ov_import_join_counts (OvImportResult *result,
                             gboolean        done);
void  ov_import_announce    (OvWindow       *window,
                             OvImportResult *result);

G_END_DECLS
