/* ov-csv-reader.c — a streaming CSV reader that knows where it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcsv does the parsing; this file feeds it fixed-size blocks and keeps
 * track of where each field starts, so every problem can be reported at its
 * physical line and column. libcsv says nothing about positions, but its
 * output determines them: an unquoted field occupies exactly its text, a
 * quoted one its text plus the two quotes plus one for every doubled quote.
 * Whether a field was quoted is read from the byte where it starts.
 *
 * Strict mode makes libcsv stop at a stray quote, and it then returns the
 * offset of the offending byte; the rest of that line is skipped so that
 * later rows can still be checked.
 *
 * Parsed rows are handed over in chunks, one per block read. With read
 * ahead, a worker thread parses the next blocks while the caller works on
 * the rows it has; otherwise the caller parses on demand. Either way the
 * same code runs, and at most a few chunks exist at a time.
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-csv-reader-private.h"
#include "ov-enum-types.h"

/* libcsv is fed at most this much at a time, so a runaway field is caught
 * before it grows much past OV_CSV_MAX_FIELD_SIZE. */
#define PIECE_SIZE (64 * 1024)
/* Chunks in flight with read ahead: bounds the memory a fast parser and a
 * slow consumer can pile up. */
#define N_CHUNKS 4

typedef struct
{
  gsize  offset;          /* of the text in the arena */
  gsize  length;
  guint  line;
  guint  column;
  int    control;         /* the first C0 control other than TAB, CR, LF; or -1 */
} Field;

typedef struct
{
  guint  first_field;
  guint  n_fields;
  guint  line;
  guint  end_line;        /* where the row's line break is */
  guint  end_column;
  int    problem;         /* index into problems, or -1 */
} Row;

/* Rows parsed from one or more blocks, and the part of a row that began
 * in them; the consumer reads rows from one chunk while the parser fills
 * another. */
typedef struct
{
  GArray       *fields;
  GString      *arena;
  GArray       *rows;
  GPtrArray    *problems;
  guint64       bytes_read;   /* input read when the chunk was handed over */
  gboolean      last;         /* reading stops after this chunk */
  OvCsvProblem *fatal;        /* with last: the file's problem that stopped it */
  GError       *error;        /* with last: reading failed */
} Chunk;

struct _OvCsvRow
{
  const Field        *fields;
  const char         *arena;
  guint               n_fields;
  guint               line;
  const OvCsvProblem *problem;
};

struct _OvCsvReader
{
  GObject             parent_instance;

  GInputStream       *stream;
  struct csv_parser   parser;

  char                delimiter;
  OvCsvEncoding       encoding;

  /* The parser's side: the worker thread's with read ahead. */
  guchar             *block;
  gsize               block_size;
  guchar             *decoded;
  guint64             bytes_read;
  gboolean            started;
  gboolean            at_end;
  Chunk              *filling;
  OvCsvProblem       *parse_fatal;
  GCancellable       *cancellable;

  /* Where the next character libcsv has not reported on starts. */
  guint               line;
  guint               column;
  guint64             offset;
  guint64             after_cr;        /* offset just past the last CR line end */
  guint64             fed;             /* bytes handed to libcsv (or skipped) */
  const guchar       *piece;
  guint64             piece_base;
  gsize               piece_length;
  gboolean            pending_quoted;  /* the field open at the end of a piece */
  gboolean            after_field;     /* a field ended; its delimiter is next */
  gboolean            skipping;        /* dropping the rest of a line */

  /* The row being assembled, in the chunk being filled. */
  guint               row_first_field;
  gsize               row_arena_start;
  int                 row_problem;
  gboolean            row_blank;
  gboolean            row_over_cap;    /* past a cap: the rest of the row is not kept */
  int                 field_control;   /* what walk_text() found in the field: see Field */

  /* Handing chunks over */
  gboolean            read_ahead;
  GThread            *worker;
  GAsyncQueue        *ready;
  GAsyncQueue        *spare;
  gint                stop;
  gulong              cancelled_id;
  GCancellable       *caller_cancellable;

  /* The consumer's side */
  Chunk              *reading;
  guint               next_row;
  gboolean            finished;
  GError             *stop_error;
  OvCsvRow            current;

  char              **header;
  Field              *header_fields;
  guint               n_columns;

  OvCsvProblem       *fatal;
};

G_DEFINE_FINAL_TYPE (OvCsvReader, ov_csv_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STREAM,
  PROP_DELIMITER,
  PROP_ENCODING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Windows-1252 bytes 0x80–0x9F; the five unassigned ones keep their C1
 * code points, as Windows itself does. 0xA0–0xFF equal Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), 1024);
  chunk->arena = g_string_sized_new (OV_CSV_BLOCK_SIZE + 4096);
  chunk->rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), 256);
  chunk->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_csv_problem_free);

  return chunk;
}

static void
chunk_clear (Chunk *chunk)
{
  g_array_set_size (chunk->fields, 0);
  g_string_truncate (chunk->arena, 0);
  g_array_set_size (chunk->rows, 0);
  g_ptr_array_set_size (chunk->problems, 0);
  chunk->bytes_read = 0;
  chunk->last = FALSE;
  g_clear_pointer (&chunk->fatal, ov_csv_problem_free);
  g_clear_error (&chunk->error);
}

static void
chunk_free (gpointer data)
{
  Chunk *chunk = data;

  if (chunk == NULL)
    return;

  chunk_clear (chunk);
  g_array_unref (chunk->fields);
  g_string_free (chunk->arena, TRUE);
  g_array_unref (chunk->rows);
  g_ptr_array_unref (chunk->problems);
  g_free (chunk);
}

/* Stops the worker: it may be waiting for a spare chunk or reading. */
static void
stop_worker (OvCsvReader *self)
{
  Chunk *chunk;

  if (self->worker == NULL)
    return;

  g_atomic_int_set (&self->stop, 1);
  g_cancellable_cancel (self->cancellable);
  if (self->reading != NULL)
    g_async_queue_push (self->spare, g_steal_pointer (&self->reading));

  /* Spare chunks let a worker blocked on handing over see the stop. */
  while ((chunk = g_async_queue_try_pop (self->ready)) != NULL)
    g_async_queue_push (self->spare, chunk);

  g_thread_join (g_steal_pointer (&self->worker));
}

static void
ov_csv_reader_finalize (GObject *object)
{
  OvCsvReader *self = (OvCsvReader *)object;

  stop_worker (self);
  if (self->caller_cancellable != NULL)
    g_cancellable_disconnect (self->caller_cancellable, self->cancelled_id);
  g_clear_object (&self->caller_cancellable);

  csv_free (&self->parser);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_free (self->block);
  g_free (self->decoded);
  chunk_free (self->filling);
  chunk_free (self->reading);
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
  self->filling = chunk_new ();
  self->ready = g_async_queue_new_full (chunk_free);
  self->spare = g_async_queue_new_full (chunk_free);
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

static void
set_fatal (OvCsvReader *self,
           guint        line,
           guint        column,
           OvCsvError   code,
           const char  *message)
{
  if (self->parse_fatal == NULL)
    self->parse_fatal = ov_csv_problem_new_literal (line, column, code, message);
}

static void
row_problem (OvCsvReader *self,
             guint        line,
             guint        column,
             OvCsvError   code,
             char        *message)
{
  if (self->row_problem < 0)
    {
      GPtrArray *problems = self->filling->problems;

      self->row_problem = problems->len;
      g_ptr_array_add (problems, ov_csv_problem_new_literal (line, column, code, message));
    }
  g_free (message);
}

/* Moves the position over @text as it appears in the file. @report checks
 * the text on the way: it must be UTF-8 and hold no NUL byte; and the first
 * other C0 control character but TAB is kept in field_control, so that the
 * importer need not look at every byte again. */
static void
walk_text (OvCsvReader  *self,
           const guchar *text,
           gsize         length,
           gboolean      quoted,
           gboolean      report,
           guint        *line_inout,
           guint        *column_inout,
           guint64      *offset_inout)
{
  guint line = *line_inout;
  guint column = *column_inout;
  guint64 offset = *offset_inout;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (G_LIKELY (c >= 0x20 && c < 0x80 && c != '"'))
        {
          column++;
          offset++;
          continue;
        }

      if (c == '"')
        {
          /* Doubled inside a quoted field; in an unquoted one strict mode
           * has already stopped at it. */
          column += quoted ? 2 : 1;
          offset += quoted ? 2 : 1;
        }
      else if (c == '\r')
        {
          line++;
          column = 1;
          offset++;
        }
      else if (c == '\n')
        {
          if (i == 0 || text[i - 1] != '\r')
            {
              line++;
              column = 1;
            }
          offset++;
        }
      else if (c < 0x80)
        {
          if (c == '\0' && report)
            row_problem (self, line, column, OV_CSV_ERROR_NUL,
                         g_strdup (_("the file holds a NUL byte here; it is not a text file, "
                                     "or it is UTF-16: save it as UTF-8")));
          if (report && c != '\t' && self->field_control < 0)
            self->field_control = c;
          column++;
          offset++;
        }
      else
        {
          gunichar ch = g_utf8_get_char_validated ((const char *)text + i, length - i);

          if (ch == (gunichar)-1 || ch == (gunichar)-2)
            {
              if (report)
                row_problem (self, line, column, OV_CSV_ERROR_ENCODING,
                             g_strdup_printf (_("the byte 0x%02X is not UTF-8; if the file "
                                                "comes from Excel on Windows, read it as "
                                                "Windows-1252"), c));
              column++;
              offset++;
            }
          else
            {
              guint skip = g_utf8_skip[c];

              column++;
              offset += skip;
              i += skip - 1;
            }
        }
    }

  *line_inout = line;
  *column_inout = column;
  *offset_inout = offset;
}

/* The position where the field libcsv is working on begins. */
static void
open_field_start (OvCsvReader *self,
                  guint       *line,
                  guint       *column,
                  guint64     *offset)
{
  *line = self->line;
  *column = self->column + (self->after_field ? 1 : 0);
  *offset = self->offset + (self->after_field ? 1 : 0);
}

static gboolean
field_is_quoted (OvCsvReader *self)
{
  if (self->offset >= self->piece_base && self->offset < self->piece_base + self->piece_length)
    return self->piece[self->offset - self->piece_base] == '"';

  /* The field began in an earlier piece: libcsv said then. */
  return self->pending_quoted;
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  OvCsvReader *self = user_data;
  const guchar *text = data;
  Field field;
  gboolean quoted;

  if (self->after_field)
    {
      self->column++;
      self->offset++;
    }

  field.line = self->line;
  field.column = self->column;
  field.length = length;
  field.offset = self->filling->arena->len;

  quoted = field_is_quoted (self);
  if (quoted)
    {
      self->column++;
      self->offset++;
    }

  if (length > OV_CSV_MAX_FIELD_SIZE)
    {
      set_fatal (self, field.line, field.column, OV_CSV_ERROR_TOO_LONG,
                 _("this field is longer than 1 MiB"));
      row_problem (self, field.line, field.column, OV_CSV_ERROR_TOO_LONG,
                   g_strdup (_("this field is longer than 1 MiB")));
    }

  self->field_control = -1;
  walk_text (self, text, length, quoted, TRUE, &self->line, &self->column, &self->offset);
  field.control = self->field_control;

  if (quoted)
    {
      self->column++;
      self->offset++;
    }
  self->after_field = TRUE;

  /* Past a cap the row is refused: its further fields are only walked
   * over, so memory stays flat however long the line. */
  if (G_UNLIKELY (self->row_over_cap))
    return;
  if (G_UNLIKELY (self->filling->fields->len - self->row_first_field >= OV_CSV_MAX_ROW_FIELDS))
    {
      row_problem (self, field.line, field.column, OV_CSV_ERROR_TOO_LONG,
                   g_strdup_printf (_("this row has more than %u fields; is the delimiter "
                                      "right?"),
                                    (guint)OV_CSV_MAX_ROW_FIELDS));
      self->row_over_cap = TRUE;
      return;
    }
  if (G_UNLIKELY (self->filling->arena->len - self->row_arena_start + length >=
                  OV_CSV_MAX_ROW_SIZE))
    {
      row_problem (self, field.line, field.column, OV_CSV_ERROR_TOO_LONG,
                   g_strdup_printf (_("this row is longer than %u MiB"),
                                    (guint)(OV_CSV_MAX_ROW_SIZE / (1024 * 1024))));
      self->row_over_cap = TRUE;
      return;
    }

  g_string_set_size (self->filling->arena, field.offset + length + 1);
  self->filling->arena->str[field.offset + length] = '\0';
  if (length > 0)
    {
      memcpy (self->filling->arena->str + field.offset, text, length);
      if (self->row_blank)
        {
          for (gsize i = 0; i < length; i++)
            if (!g_ascii_isspace (text[i]))
              {
                self->row_blank = FALSE;
                break;
              }
        }
    }
  g_array_append_val (self->filling->fields, field);
}

static void
reset_row (OvCsvReader *self)
{
  self->row_first_field = self->filling->fields->len;
  self->row_arena_start = self->filling->arena->len;
  self->row_problem = -1;
  self->row_blank = TRUE;
  self->row_over_cap = FALSE;
}

static void
drop_row (OvCsvReader *self)
{
  g_array_set_size (self->filling->fields, self->row_first_field);
  g_string_truncate (self->filling->arena, self->row_arena_start);
  reset_row (self);
}

/* Ends the row being assembled at the current position. Empty lines, and
 * lines whose fields are all blank (spreadsheets write ",,,"), are not rows. */
static void
end_row (OvCsvReader *self)
{
  Row row;

  row.first_field = self->row_first_field;
  row.n_fields = self->filling->fields->len - self->row_first_field;
  row.end_line = self->line;
  row.end_column = self->column;
  row.problem = self->row_problem;

  if (self->row_problem < 0 && (row.n_fields == 0 || self->row_blank))
    {
      drop_row (self);
      return;
    }

  if (row.n_fields > 0)
    row.line = g_array_index (self->filling->fields, Field, row.first_field).line;
  else
    row.line = ((OvCsvProblem *)g_ptr_array_index (self->filling->problems,
                                                    self->row_problem))->line;

  g_array_append_val (self->filling->rows, row);
  reset_row (self);
}

static void
on_row (int   c,
        void *user_data)
{
  OvCsvReader *self = user_data;

  /* A field just ended: @c ended it, or libcsv is finishing the file. */
  end_row (self);

  if (c < 0)
    return;

  /* CR LF is one line break: the LF right after a CR adds no line. */
  if (!(c == '\n' && self->after_cr == self->offset))
    {
      self->line++;
      self->column = 1;
    }
  self->offset++;
  if (c == '\r')
    self->after_cr = self->offset;
  self->after_field = FALSE;
}

/* libcsv stopped at the byte @bad: a quote inside an unquoted field, or
 * something after the closing quote of a quoted one. */
static void
quote_error (OvCsvReader  *self,
             const guchar *bad)
{
  const guchar *text = self->parser.entry_buf;
  gsize length = self->parser.entry_pos;
  gboolean quoted = self->parser.quoted;
  guint line, column;
  guint64 offset;

  open_field_start (self, &line, &column, &offset);

  if (quoted)
    {
      /* The field's text so far ends with its closing quote. */
      column++;
      offset++;
      walk_text (self, text, length > 0 ? length - 1 : 0, TRUE, FALSE, &line, &column, &offset);
      column++;
      offset++;
      row_problem (self, line, column, OV_CSV_ERROR_QUOTE,
                   g_strdup_printf (_("“%c” after the closing quote of a field; a quote inside "
                                      "a quoted field is written twice (\"\")"),
                                    g_ascii_isprint (*bad) ? *bad : '?'));
    }
  else
    {
      walk_text (self, text, length, FALSE, FALSE, &line, &column, &offset);
      row_problem (self, line, column, OV_CSV_ERROR_QUOTE,
                   g_strdup (_("a quote inside a field without quotes; put the whole field "
                               "in quotes and write the quote twice (\"\")")));
    }

  /* Forget the broken field; its row ends at the next line break. */
  csv_fini (&self->parser, NULL, NULL, NULL);
  self->line = line;
  self->column = column;
  self->offset = offset;
  self->after_field = FALSE;
  self->skipping = TRUE;
}

/* Drops the rest of a line after a quoting error; returns how many bytes. */
static gsize
skip_line (OvCsvReader  *self,
           const guchar *data,
           gsize         length)
{
  gsize i;

  for (i = 0; i < length; i++)
    {
      if (data[i] == '\r' || data[i] == '\n')
        {
          self->skipping = FALSE;
          break;
        }
      if ((data[i] & 0xC0) != 0x80)
        self->column++;
    }

  self->offset += i;
  self->fed += i;
  return i;
}

static void
feed (OvCsvReader  *self,
      const guchar *data,
      gsize         length)
{
  while (length > 0 && self->parse_fatal == NULL)
    {
      gsize piece, done;

      if (self->skipping)
        {
          gsize skipped = skip_line (self, data, length);

          data += skipped;
          length -= skipped;
          continue;
        }

      piece = MIN (length, PIECE_SIZE);
      self->piece = data;
      self->piece_base = self->fed;
      self->piece_length = piece;

      done = csv_parse (&self->parser, data, piece, on_field, on_row, self);
      self->fed += done;
      self->pending_quoted = self->parser.quoted;

      if (done < piece)
        {
          if (csv_error (&self->parser) != CSV_EPARSE)
            {
              guint line, column;
              guint64 offset;

              open_field_start (self, &line, &column, &offset);
              set_fatal (self, line, column, OV_CSV_ERROR_TOO_LONG,
                         _("there is not enough memory for this field"));
              return;
            }

          quote_error (self, data + done);
          data += done;
          length -= done;
          continue;
        }

      if (self->parser.entry_pos > OV_CSV_MAX_FIELD_SIZE)
        {
          guint line, column;
          guint64 offset;

          open_field_start (self, &line, &column, &offset);
          set_fatal (self, line, column, OV_CSV_ERROR_TOO_LONG,
                     self->parser.quoted
                       ? _("this quoted field is longer than 1 MiB; is its closing quote "
                           "missing?")
                       : _("this field is longer than 1 MiB"));
          return;
        }

      data += piece;
      length -= piece;
    }
}

static void
finish (OvCsvReader *self)
{
  self->at_end = TRUE;
  self->piece = NULL;
  self->piece_length = 0;
  self->piece_base = self->fed;

  if (self->parse_fatal != NULL)
    return;

  if (self->skipping)
    {
      self->skipping = FALSE;
      end_row (self);
      return;
    }

  if (csv_fini (&self->parser, on_field, on_row, self) != 0)
    {
      guint line, column;
      guint64 offset;

      open_field_start (self, &line, &column, &offset);
      set_fatal (self, line, column, OV_CSV_ERROR_UNCLOSED_QUOTE,
                 _("this quote is never closed: the field runs to the end of the file"));
    }
}

/* The candidate that occurs most often outside quotes on the first line
 * that is not empty; a comma when there is none. */
static char
detect_delimiter (const guchar *data,
                  gsize         length)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;
  gsize i = 0;

  while (i < length && (data[i] == '\r' || data[i] == '\n'))
    i++;

  for (; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\r' || data[i] == '\n'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (data[i] == (guchar)candidates[k])
            counts[k]++;
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;

  return candidates[best];
}

/* UTF-8 unless the block holds bytes that cannot be UTF-8; a character cut
 * off by the end of the block does not count against it. */
static OvCsvEncoding
detect_encoding (const guchar *data,
                 gsize         length,
                 gboolean      complete)
{
  const char *end = NULL;

  if (g_utf8_validate_len ((const char *)data, length, &end))
    return OV_CSV_ENCODING_UTF8;

  if (!complete && (const guchar *)end + 4 > data + length &&
      g_utf8_get_char_validated (end, data + length - (const guchar *)end) == (gunichar)-2)
    return OV_CSV_ENCODING_UTF8;

  return OV_CSV_ENCODING_WINDOWS_1252;
}

static gsize
decode_windows_1252 (guchar       *out,
                     const guchar *data,
                     gsize         length)
{
  guchar *p = out;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        *p++ = c;
      else
        p += g_unichar_to_utf8 (c < 0xA0 ? cp1252_high[c - 0x80] : c, (char *)p);
    }

  return p - out;
}

static void
start (OvCsvReader  *self,
       const guchar **data,
       gsize         *length,
       gboolean       complete)
{
  self->started = TRUE;

  /* A UTF-16 byte order mark: every other byte would be a NUL. */
  if (*length >= 2 && (memcmp (*data, "\xFF\xFE", 2) == 0 || memcmp (*data, "\xFE\xFF", 2) == 0))
    {
      set_fatal (self, 1, 1, OV_CSV_ERROR_ENCODING,
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
    self->encoding = detect_encoding (*data, *length, complete);

  if (self->delimiter == 0)
    self->delimiter = detect_delimiter (*data, *length);
  csv_set_delim (&self->parser, (unsigned char)self->delimiter);

  if (self->encoding == OV_CSV_ENCODING_WINDOWS_1252)
    self->decoded = g_malloc (3 * OV_CSV_BLOCK_SIZE);
}

/* Passes the filled chunk on. The row still being assembled moves to the
 * front of the next one. */
static void
hand_over (OvCsvReader *self,
           gboolean     last,
           GError      *error)
{
  Chunk *full = self->filling;
  Chunk *next = NULL;
  guint keep_fields;
  gsize keep_bytes;

  full->bytes_read = self->bytes_read;
  full->last = last;
  full->error = error;
  if (last)
    full->fatal = g_steal_pointer (&self->parse_fatal);

  if (!last)
    {
      next = self->worker != NULL ? g_async_queue_pop (self->spare)
                                  : g_async_queue_try_pop (self->spare);
      if (next == NULL)
        next = chunk_new ();

      keep_fields = full->fields->len - self->row_first_field;
      keep_bytes = full->arena->len - self->row_arena_start;

      g_array_append_vals (next->fields,
                           &g_array_index (full->fields, Field, self->row_first_field),
                           keep_fields);
      for (guint i = 0; i < keep_fields; i++)
        g_array_index (next->fields, Field, i).offset -= self->row_arena_start;
      g_string_append_len (next->arena, full->arena->str + self->row_arena_start, keep_bytes);
      if (self->row_problem >= 0)
        {
          g_ptr_array_add (next->problems,
                           g_ptr_array_steal_index (full->problems, self->row_problem));
          self->row_problem = 0;
        }

      g_array_set_size (full->fields, self->row_first_field);
      g_string_truncate (full->arena, self->row_arena_start);
      self->row_first_field = 0;
      self->row_arena_start = 0;
    }

  self->filling = next;
  g_async_queue_push (self->ready, full);
}

/* Reads and parses one block, and hands the rows over once there are any
 * (or reading has ended). Returns FALSE after the last chunk. */
static gboolean
parse_block (OvCsvReader *self)
{
  const guchar *data = self->block;
  GError *error = NULL;
  gsize length = 0;
  gboolean last;

  if (!g_input_stream_read_all (self->stream, self->block, self->block_size, &length,
                                self->cancellable, &error))
    {
      if (g_cancellable_is_cancelled (self->cancellable))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Reading the file was cancelled"));
        }
      hand_over (self, TRUE, error);
      return FALSE;
    }

  /* read_all() fills the block unless the stream has ended. */
  last = length < self->block_size;
  self->bytes_read += length;

  if (!self->started)
    start (self, &data, &length, last);

  if (self->encoding == OV_CSV_ENCODING_WINDOWS_1252 && length > 0)
    {
      length = decode_windows_1252 (self->decoded, data, length);
      data = self->decoded;
    }

  if (length > 0)
    feed (self, data, length);

  if (last)
    finish (self);

  if (self->at_end || self->parse_fatal != NULL)
    {
      hand_over (self, TRUE, NULL);
      return FALSE;
    }

  if (self->filling->rows->len > 0)
    hand_over (self, FALSE, NULL);

  return TRUE;
}

static gpointer
worker_main (gpointer data)
{
  OvCsvReader *self = data;

  while (!g_atomic_int_get (&self->stop) && parse_block (self))
    ;

  return NULL;
}

static void
caller_cancelled (GCancellable *cancellable,
                  gpointer      data)
{
  GCancellable *internal = data;

  g_cancellable_cancel (internal);
}

static void
start_reading (OvCsvReader  *self,
               GCancellable *cancellable)
{
  if (cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled),
                                                  self->cancellable, NULL);
    }

  if (self->read_ahead)
    {
      for (guint i = 0; i < N_CHUNKS - 1; i++)
        g_async_queue_push (self->spare, chunk_new ());
      self->worker = g_thread_new ("ov-csv-reader", worker_main, self);
    }
}

/* Makes the next chunk of rows the one being read; FALSE at the end, with
 * @error set if reading failed or the file has a problem that stops it. */
static gboolean
next_chunk (OvCsvReader  *self,
            GError      **error)
{
  Chunk *chunk = NULL;

  if (self->finished)
    goto end;

  if (self->reading != NULL)
    {
      chunk_clear (self->reading);
      g_async_queue_push (self->spare, g_steal_pointer (&self->reading));
    }

  if (self->worker != NULL)
    chunk = g_async_queue_pop (self->ready);
  else
    while ((chunk = g_async_queue_try_pop (self->ready)) == NULL)
      parse_block (self);

  self->reading = chunk;
  self->next_row = 0;

  if (chunk->last)
    {
      self->finished = TRUE;
      self->fatal = g_steal_pointer (&chunk->fatal);
      self->stop_error = g_steal_pointer (&chunk->error);
      if (self->fatal != NULL && self->stop_error == NULL)
        self->stop_error = g_error_new_literal (OV_CSV_ERROR, self->fatal->code,
                                                self->fatal->message);
    }

  if (chunk->rows->len > 0)
    return TRUE;

end:
  if (self->stop_error != NULL)
    g_propagate_error (error, g_error_copy (self->stop_error));
  return FALSE;
}

/* The next row, or NULL when there is none (@error set if it failed). */
static const Row *
take_row (OvCsvReader  *self,
          GError      **error)
{
  if (self->reading == NULL || self->next_row >= self->reading->rows->len)
    if (!next_chunk (self, error))
      return NULL;

  return &g_array_index (self->reading->rows, Row, self->next_row++);
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

  start_reading (self, cancellable);
  row = take_row (self, &local_error);

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

  row = take_row (self, error);
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

/* The line the row starts on. */
guint
ov_csv_row_get_line (const OvCsvRow *row)
{
  g_return_val_if_fail (row != NULL, 0);

  return row->line;
}

guint
ov_csv_row_get_n_fields (const OvCsvRow *row)
{
  g_return_val_if_fail (row != NULL, 0);

  return row->n_fields;
}

/* Returns: (nullable): the field's text, NUL-terminated (a NUL byte inside
 * is a problem of the row), or %NULL past the row's last field. */
const char *
ov_csv_row_get_field (const OvCsvRow *row,
                      guint           index,
                      gsize          *length)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (index >= row->n_fields)
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }

  if (length != NULL)
    *length = row->fields[index].length;

  return row->arena + row->fields[index].offset;
}

/* The first control character (U+0000 to U+001F) in field @index other
 * than tab and line breaks, or -1 when it has none. */
int
ov_csv_row_get_control (const OvCsvRow *row,
                        guint           index)
{
  g_return_val_if_fail (row != NULL, -1);

  return index < row->n_fields ? row->fields[index].control : -1;
}

/* Where field @index starts (its opening quote, if quoted). */
void
ov_csv_row_get_position (const OvCsvRow *row,
                         guint           index,
                         guint          *line,
                         guint          *character)
{
  g_return_if_fail (row != NULL);
  g_return_if_fail (index < row->n_fields);

  if (line != NULL)
    *line = row->fields[index].line;
  if (character != NULL)
    *character = row->fields[index].column;
}

/* Returns: (nullable): why the row cannot be used: a quoting or encoding
 * error, a NUL byte, or the wrong number of fields. */
const OvCsvProblem *
ov_csv_row_get_problem (const OvCsvRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->problem;
}

const char *
ov_csv_encoding_get_id (OvCsvEncoding encoding)
{
  switch (encoding)
    {
    case OV_CSV_ENCODING_UTF8:
      return "utf-8";
    case OV_CSV_ENCODING_WINDOWS_1252:
      return "windows-1252";
    case OV_CSV_ENCODING_AUTO:
    default:
      return "auto";
    }
}

/* "utf-8", "utf8", "windows-1252", "cp1252" in any case. */
gboolean
ov_csv_encoding_parse (const char    *text,
                       OvCsvEncoding *encoding)
{
  g_return_val_if_fail (encoding != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (text, "utf-8") == 0 || g_ascii_strcasecmp (text, "utf8") == 0)
    *encoding = OV_CSV_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (text, "windows-1252") == 0 ||
           g_ascii_strcasecmp (text, "cp1252") == 0)
    *encoding = OV_CSV_ENCODING_WINDOWS_1252;
  else if (g_ascii_strcasecmp (text, "auto") == 0)
    *encoding = OV_CSV_ENCODING_AUTO;
  else
    return FALSE;

  return TRUE;
}
