/* ov-csv-reader.h — a streaming CSV reader that knows where it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-csv-problem.h"
#include "ov-types.h"

G_BEGIN_DECLS

/* The file is read in blocks of this size, never whole. */
#define OV_CSV_BLOCK_SIZE     (64 * 1024)
/* A longer field is refused, so a missing quote cannot eat all memory. */
#define OV_CSV_MAX_FIELD_SIZE (1024 * 1024)
/* Caps on one row (the header too): a line of nothing but delimiters, or a
 * header of endless columns, is refused instead of filling memory. Real
 * CRM exports have a few hundred columns at most. */
#define OV_CSV_MAX_ROW_FIELDS 4096
#define OV_CSV_MAX_ROW_SIZE   (8 * 1024 * 1024)

/* One record, valid until the next ov_csv_reader_next_row() call. */
typedef struct _OvCsvRow OvCsvRow;

#define OV_TYPE_CSV_READER (ov_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (OvCsvReader, ov_csv_reader, OV, CSV_READER, GObject)

OvCsvReader         *ov_csv_reader_new                 (GInputStream   *stream,
                                                        char            delimiter,
                                                        OvCsvEncoding   encoding);
void                 ov_csv_reader_set_read_ahead      (OvCsvReader    *self,
                                                        gboolean        read_ahead);
gboolean             ov_csv_reader_read_header         (OvCsvReader    *self,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
char                 ov_csv_reader_get_delimiter       (OvCsvReader    *self);
OvCsvEncoding        ov_csv_reader_get_encoding        (OvCsvReader    *self);
guint                ov_csv_reader_get_n_columns       (OvCsvReader    *self);
const char          *ov_csv_reader_get_column_name     (OvCsvReader    *self,
                                                        guint           column);
void                 ov_csv_reader_get_column_position (OvCsvReader    *self,
                                                        guint           column,
                                                        guint          *line,
                                                        guint          *character);
const OvCsvRow      *ov_csv_reader_next_row            (OvCsvReader    *self,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
const OvCsvProblem  *ov_csv_reader_get_fatal_problem   (OvCsvReader    *self);
guint64              ov_csv_reader_get_bytes_read      (OvCsvReader    *self);

guint                ov_csv_row_get_line               (const OvCsvRow *row);
guint                ov_csv_row_get_n_fields           (const OvCsvRow *row);
const char          *ov_csv_row_get_field              (const OvCsvRow *row,
                                                        guint           index,
                                                        gsize          *length);
int                  ov_csv_row_get_control            (const OvCsvRow *row,
                                                        guint           index);
void                 ov_csv_row_get_position           (const OvCsvRow *row,
                                                        guint           index,
                                                        guint          *line,
                                                        guint          *character);
const OvCsvProblem  *ov_csv_row_get_problem            (const OvCsvRow *row);

const char          *ov_csv_encoding_get_id            (OvCsvEncoding   encoding);
gboolean             ov_csv_encoding_parse             (const char     *text,
                                                        OvCsvEncoding  *encoding);

G_END_DECLS
