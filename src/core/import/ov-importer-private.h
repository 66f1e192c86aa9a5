/* ov-importer-private.h — what tests may change of an importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-importer.h"

G_BEGIN_DECLS

typedef void (*OvImporterHook) (gpointer data);

/* Called after what a kind reads before the import's transaction
 * (OvImportKindClass.prepare), and before the transaction begins: where
 * another program writing would come in between. */
void ov_importer_set_before_transaction (OvImporter     *self,
                                         OvImporterHook  hook,
                                         gpointer        data);

G_END_DECLS
