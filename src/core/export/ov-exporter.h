/* ov-exporter.h — the portfolio as CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-progress.h"
#include "ov-store.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_TYPE_EXPORTER (ov_exporter_get_type ())

G_DECLARE_FINAL_TYPE (OvExporter, ov_exporter, OV, EXPORTER, GObject)

OvExporter *ov_exporter_new               (OvCsvKind             kind);
OvCsvKind   ov_exporter_get_kind          (OvExporter           *self);
char        ov_exporter_get_delimiter     (OvExporter           *self);
void        ov_exporter_set_delimiter     (OvExporter           *self,
                                           char                  delimiter);
gboolean    ov_exporter_get_excel         (OvExporter           *self);
void        ov_exporter_set_excel         (OvExporter           *self,
                                           gboolean              excel);
guint64     ov_exporter_get_n_rows        (OvExporter           *self);
gboolean    ov_exporter_write_stream      (OvExporter           *self,
                                           OvStore              *store,
                                           GOutputStream        *stream,
                                           OvProgressFunc        progress,
                                           gpointer              progress_data,
                                           GCancellable         *cancellable,
                                           GError              **error);
gboolean    ov_exporter_write_file        (OvExporter           *self,
                                           OvStore              *store,
                                           GFile                *file,
                                           OvProgressFunc        progress,
                                           gpointer              progress_data,
                                           GCancellable         *cancellable,
                                           GError              **error);
void        ov_exporter_write_file_async  (OvExporter           *self,
                                           OvStore              *store,
                                           GFile                *file,
                                           OvProgressFunc        progress,
                                           gpointer              progress_data,
                                           GDestroyNotify        progress_data_destroy,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    ov_exporter_write_file_finish (OvExporter           *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
