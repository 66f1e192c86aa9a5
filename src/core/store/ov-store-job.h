/* ov-store-job.h — store work in a worker thread, on a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-progress.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* Runs in a worker with @connection, a connection of its own to the same
 * database (reading only when the store does). It keeps what it read in
 * @data, which the caller gets back in the main context. @progress
 * (nullable) may be called from the worker: the caller's progress function
 * is called in the caller's main context. FALSE with @error set on failure. */
typedef gboolean (*OvStoreJobFunc) (OvStore         *connection,
                                    gpointer         data,
                                    OvProgressFunc   progress,
                                    gpointer         progress_data,
                                    GCancellable    *cancellable,
                                    GError         **error);

void     ov_store_run_async  (OvStore              *store,
                              gpointer              source_object,
                              OvStoreJobFunc        job,
                              gpointer              data,
                              GDestroyNotify        data_free,
                              OvProgressFunc        progress,
                              gpointer              progress_data,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
gboolean ov_store_run_finish (GAsyncResult         *result,
                              gpointer             *data,
                              GError              **error);

G_END_DECLS
