/* ov-csv-reader.c — a streaming CSV reader that knows where it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcsv does the parsing (ov-csv-parse.c keeps track of where each field
 * starts, so every problem is reported at its physical line and column);
 * the file is read in fixed-size blocks, and parsed rows are handed over in
 * chunks, by a worker thread ahead of the caller or on demand
 * (ov-csv-read-ahead.c). This file is the object: its settings, the header,
 * and the rows it hands out. ov-csv-reader-internal.h lists who does what.
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-csv-reader-internal.h"
#include "ov-enum-types.h"

G_DEFINE_FINAL_TYPE (OvCsvReader, ov_csv_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STREAM,
  PROP_DELIMITER,
  PROP_ENCODING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_csv_reader_finalize (GObject *object)
{
  OvCsvReader *self = (OvCsvReader *)object;

  ov_csv_stop_worker (self);
  if (self->caller_cancellable != NULL)
    g_cancellable_disconnect (self->caller_cancellable, self->cancelled_id);
  g_clear_object (&self->caller_cancellable);

  csv_free (&self->parser);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_free (self->block);
  g_free (self->decoded);
  ov_csv_chunk_free (self->filling);
  ov_csv_chunk_free (self->reading);
  g_async_queue_unref (self->ready);
  g_async_queue_unref (self->spare);
  g_clear_error (&self->stop_error);
  g_strfreev (self->header);
  g_free (self->header_fields);
  g_clear_pointer (&self->parse_fatal, ov_csv_problem_free);
  g_clear_pointer (&self->fatal, ov_csv_problem_free);

  G_OBJECT_CLASS (ov_csv_reader_parent_class)->finalize (object);
}

static void
ov_csv_reader_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OvCsvReader *self = OV_CSV_READER (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      g_value_set_object (value, self->stream);
      break;
    case PROP_DELIMITER:
      g_value_set_uint (value, (guchar)self->delimiter);
      break;
    case PROP_ENCODING:
      g_value_set_enum (value, self->encoding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_csv_reader_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OvCsvReader *self = OV_CSV_READER (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      self->stream = g_value_dup_object (value);
      break;
    case PROP_DELIMITER:
      self->delimiter = (char)g_value_get_uint (value);
      break;
    case PROP_ENCODING:
      self->encoding = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_csv_reader_class_init (OvCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_csv_reader_finalize;
  object_class->get_property = ov_csv_reader_get_property;
  object_class->set_property = ov_csv_reader_set_property;

  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, G_TYPE_INPUT_STREAM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* 0 until the header is read means "detect it" */
  properties[PROP_DELIMITER] =
    g_param_spec_uint ("delimiter", NULL, NULL, 0, 127, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENCODING] =
    g_param_spec_enum ("encoding", NULL, NULL, OV_TYPE_CSV_ENCODING, OV_CSV_ENCODING_AUTO,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* libcsv trims spaces and tabs around unquoted fields unless told that
 * nothing is a space; the file's spaces are data. */
static int
no_space (unsigned char c)
{
  return 0;
}

static void
ov_csv_reader_init (OvCsvReader *self)
{
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
  csv_set_space_func (&self->parser, no_space);
  /* libcsv grows its field buffer by this much at a time. */
  csv_set_blk_size (&self->parser, PIECE_SIZE);

  self->block = g_malloc (OV_CSV_BLOCK_SIZE);
  self->block_size = OV_CSV_BLOCK_SIZE;
  self->filling = ov_csv_chunk_new ();
  self->ready = g_async_queue_new_full (ov_csv_chunk_free);
  self->spare = g_async_queue_new_full (ov_csv_chunk_free);
  self->cancellable = g_cancellable_new ();
  self->line = 1;
  self->column = 1;
  self->after_cr = G_MAXUINT64;
  self->row_problem = -1;
  self->row_blank = TRUE;
  self->row_over_cap = FALSE;
}

/**
 * ov_csv_reader_new:
 * @stream: where the CSV text comes from
 * @delimiter: `,` `;` TAB or `|`, or 0 to detect it from the header line
 * @encoding: the file's encoding, or %OV_CSV_ENCODING_AUTO to guess it
 *
 * Returns: (transfer full): a reader; call ov_csv_reader_read_header() first.
 */
OvCsvReader *
ov_csv_reader_new (GInputStream  *stream,
                   char           delimiter,
                   OvCsvEncoding  encoding)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter >= 0, NULL);

  return g_object_new (OV_TYPE_CSV_READER,
                       "stream", stream,
                       "delimiter", (guint)delimiter,
                       "encoding", encoding,
                       NULL);
}

/* For tests: smaller blocks put block edges everywhere. */
void
ov_csv_reader_set_block_size (OvCsvReader *self,
                              gsize        block_size)
{
  g_return_if_fail (OV_IS_CSV_READER (self));
  g_return_if_fail (block_size > 0 && block_size <= OV_CSV_BLOCK_SIZE);
  g_return_if_fail (!self->started);

  self->block_size = block_size;
}

/* Read ahead: the caller's @cancellable stops the worker too. */
void
ov_csv_reader_set_read_ahead (OvCsvReader *self,
                              gboolean     read_ahead)
{
  g_return_if_fail (OV_IS_CSV_READER (self));
  g_return_if_fail (!self->started && self->worker == NULL);

  self->read_ahead = read_ahead;
}

void
ov_csv_start (OvCsvReader  *self,
              const guchar **data,
              gsize         *length,
              gboolean       complete)
{
  self->started = TRUE;

  /* A UTF-16 byte order mark: every other byte would be a NUL. */
  if (*length >= 2 && (memcmp (*data, "\xFF\xFE", 2) == 0 || memcmp (*data, "\xFE\xFF", 2) == 0))
    {
      ov_csv_set_fatal (self, 1, 1, OV_CSV_ERROR_ENCODING,
                 _("the file is in UTF-16; save it as UTF-8 (in Excel: “CSV UTF-8”)"));
      *length = 0;
    }

  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
      if (self->encoding == OV_CSV_ENCODING_AUTO)
        self->encoding = OV_CSV_ENCODING_UTF8;
    }

  /* Notified from read_header(): this may run in the worker thread. */
  if (self->encoding == OV_CSV_ENCODING_AUTO)
    self->encoding = ov_csv_detect_encoding (*data, *length, complete);

  if (self->delimiter == 0)
    self->delimiter = ov_csv_detect_delimiter (*data, *length);
  csv_set_delim (&self->parser, (unsigned char)self->delimiter);

  if (self->encoding == OV_CSV_ENCODING_WINDOWS_1252)
    self->decoded = g_malloc (3 * OV_CSV_BLOCK_SIZE);
}

/**
 * ov_csv_reader_read_header:
 *
 * Reads the first row that is not empty: the names of the columns. Detects
 * the delimiter and the encoding on the way, unless they were given.
 *
 * Returns: %FALSE on an I/O error, or when the header cannot be read; then
 *   ov_csv_reader_get_fatal_problem() says where, if it is the file's fault.
 */
gboolean
ov_csv_reader_read_header (OvCsvReader   *self,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const Row *row;
  Chunk *chunk;

  g_return_val_if_fail (OV_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (self->header == NULL, FALSE);
  g_return_val_if_fail (self->reading == NULL && !self->finished, FALSE);

  ov_csv_start_reading (self, cancellable);
  row = ov_csv_take_row (self, &local_error);

  /* start() has run by now, in whichever thread. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIMITER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);

  if (row == NULL)
    {
      if (local_error == NULL)
        {
          self->fatal = ov_csv_problem_new_literal (self->line, 1, OV_CSV_ERROR_EMPTY,
                                                    _("the file is empty: a header row naming "
                                                      "the columns is needed"));
          self->stop_error = g_error_new_literal (OV_CSV_ERROR, self->fatal->code,
                                                  self->fatal->message);
        }
      g_propagate_error (error, g_error_copy (self->stop_error));
      return FALSE;
    }

  chunk = self->reading;
  if (row->problem >= 0)
    {
      g_clear_pointer (&self->fatal, ov_csv_problem_free);
      self->fatal = ov_csv_problem_copy (g_ptr_array_index (chunk->problems, row->problem));
      g_clear_error (&self->stop_error);
      self->stop_error = g_error_new_literal (OV_CSV_ERROR, self->fatal->code,
                                              self->fatal->message);
      self->finished = TRUE;
      g_propagate_error (error, g_error_copy (self->stop_error));
      return FALSE;
    }

  self->n_columns = row->n_fields;
  self->header = g_new0 (char *, row->n_fields + 1);
  self->header_fields = g_new (Field, row->n_fields);
  for (guint i = 0; i < row->n_fields; i++)
    {
      const Field *field = &g_array_index (chunk->fields, Field, row->first_field + i);

      self->header[i] = g_strndup (chunk->arena->str + field->offset, field->length);
      self->header_fields[i] = *field;
    }

  return TRUE;
}

/**
 * ov_csv_reader_next_row:
 *
 * Returns: (nullable) (transfer none): the next row, valid until the next
 *   call; %NULL at the end of the file (@error unset) or when reading
 *   cannot go on (@error set; for a problem in the file,
 *   ov_csv_reader_get_fatal_problem() says where). A row may carry a
 *   problem (ov_csv_row_get_problem()) and reading goes on after it.
 */
const OvCsvRow *
ov_csv_reader_next_row (OvCsvReader   *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  const Row *row;

  g_return_val_if_fail (OV_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (self->header != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  row = ov_csv_take_row (self, error);
  if (row == NULL)
    return NULL;

  self->current.fields = &g_array_index (self->reading->fields, Field, row->first_field);
  self->current.arena = self->reading->arena->str;
  self->current.n_fields = row->n_fields;
  self->current.line = row->line;
  self->current.problem = row->problem >= 0
                          ? g_ptr_array_index (self->reading->problems, row->problem) : NULL;

  if (self->current.problem == NULL && row->n_fields != self->n_columns)
    {
      OvCsvProblem *problem;

      if (row->n_fields > self->n_columns)
        {
          const Field *extra = &self->current.fields[self->n_columns];

          problem = ov_csv_problem_new (extra->line, extra->column, OV_CSV_ERROR_RAGGED,
                                        ngettext ("this row has %u fields, but the header names "
                                                  "%u column; is a delimiter inside a value "
                                                  "that is not quoted?",
                                                  "this row has %u fields, but the header names "
                                                  "%u columns; is a delimiter inside a value "
                                                  "that is not quoted?",
                                                  self->n_columns),
                                        row->n_fields, self->n_columns);
        }
      else
        problem = ov_csv_problem_new (row->end_line, row->end_column, OV_CSV_ERROR_RAGGED,
                                      ngettext ("this row has %u fields, but the header names "
                                                "%u column",
                                                "this row has %u fields, but the header names "
                                                "%u columns",
                                                self->n_columns),
                                      row->n_fields, self->n_columns);

      g_ptr_array_add (self->reading->problems, problem);
      self->current.problem = problem;
    }

  return &self->current;
}

char
ov_csv_reader_get_delimiter (OvCsvReader *self)
{
  g_return_val_if_fail (OV_IS_CSV_READER (self), 0);

  return self->delimiter;
}

OvCsvEncoding
ov_csv_reader_get_encoding (OvCsvReader *self)
{
  g_return_val_if_fail (OV_IS_CSV_READER (self), OV_CSV_ENCODING_AUTO);

  return self->encoding;
}

guint
ov_csv_reader_get_n_columns (OvCsvReader *self)
{
  g_return_val_if_fail (OV_IS_CSV_READER (self), 0);

  return self->n_columns;
}

const char *
ov_csv_reader_get_column_name (OvCsvReader *self,
                               guint        column)
{
  g_return_val_if_fail (OV_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->header[column];
}

/* Where the header cell of @column starts. */
void
ov_csv_reader_get_column_position (OvCsvReader *self,
                                   guint        column,
                                   guint       *line,
                                   guint       *character)
{
  g_return_if_fail (OV_IS_CSV_READER (self));
  g_return_if_fail (column < self->n_columns);

  if (line != NULL)
    *line = self->header_fields[column].line;
  if (character != NULL)
    *character = self->header_fields[column].column;
}

/* Returns: (nullable): what stopped the reading, with its position. */
const OvCsvProblem *
ov_csv_reader_get_fatal_problem (OvCsvReader *self)
{
  g_return_val_if_fail (OV_IS_CSV_READER (self), NULL);

  return self->fatal;
}

/* For progress: how much of the input the rows handed out so far come
 * from (with read ahead, the parser may be further on). */
guint64
ov_csv_reader_get_bytes_read (OvCsvReader *self)
{
  g_return_val_if_fail (OV_IS_CSV_READER (self), 0);

  return self->reading != NULL ? self->reading->bytes_read : 0;
}
