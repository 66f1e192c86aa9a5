/* ov-csv-writer.h — RFC 4180 CSV that spreadsheets open safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OV_TYPE_CSV_WRITER (ov_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (OvCsvWriter, ov_csv_writer, OV, CSV_WRITER, GObject)

OvCsvWriter *ov_csv_writer_new          (GOutputStream  *stream,
                                         char            delimiter,
                                         gboolean        bom);
void         ov_csv_writer_add_text     (OvCsvWriter    *self,
                                         const char     *text,
                                         gssize          length);
void         ov_csv_writer_add_number   (OvCsvWriter    *self,
                                         const char     *text,
                                         gssize          length);
void         ov_csv_writer_add_integer  (OvCsvWriter    *self,
                                         gint64          value);
void         ov_csv_writer_add_cents    (OvCsvWriter    *self,
                                         gint64          cents);
gboolean     ov_csv_writer_end_row      (OvCsvWriter    *self,
                                         GCancellable   *cancellable,
                                         GError        **error);
gboolean     ov_csv_writer_flush        (OvCsvWriter    *self,
                                         GCancellable   *cancellable,
                                         GError        **error);
guint64      ov_csv_writer_get_n_rows   (OvCsvWriter    *self);

GOutputStream *ov_csv_replace_begin   (GFile         *file,
                                      GFile        **temporary,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean       ov_csv_replace_commit  (GOutputStream *stream,
                                      GFile         *temporary,
                                      GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);
void           ov_csv_replace_abandon (GOutputStream *stream,
                                      GFile         *temporary);

gboolean     ov_csv_text_needs_neutralizing (const char *text,
                                             gsize       length);
const char  *ov_csv_text_strip_neutralizer  (const char *text);

G_END_DECLS
