/* ov-csv-reader-internal.h — what the CSV reader's files share: the reader,
 * its chunks of parsed rows, and who calls whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-csv-reader.c      the object: the header, rows handed out
 * ov-csv-parse.c       libcsv's callbacks: fields, rows and where they are
 * ov-csv-sniff.c       delimiter and encoding detection, Windows-1252
 * ov-csv-read-ahead.c  chunks of parsed rows, and the worker that fills
 *                      them ahead
 * ov-csv-row.c         a row's fields
 */

#pragma once

#include <csv.h>

#include "ov-csv-reader-private.h"

G_BEGIN_DECLS

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



/* ov-csv-parse.c */
void ov_csv_set_fatal (OvCsvReader *self,
                      guint        line,
                      guint        column,
                      OvCsvError   code,
                      const char  *message);
void ov_csv_feed (OvCsvReader  *self,
                 const guchar *data,
                 gsize         length);
void ov_csv_finish (OvCsvReader *self);

/* ov-csv-sniff.c */
gsize ov_csv_decode_windows_1252 (guchar       *out,
                                 const guchar *data,
                                 gsize         length);
char ov_csv_detect_delimiter (const guchar *data,
                             gsize         length);
OvCsvEncoding ov_csv_detect_encoding (const guchar *data,
                                     gsize         length,
                                     gboolean      complete);

/* ov-csv-read-ahead.c */
Chunk *ov_csv_chunk_new (void);
void ov_csv_chunk_free (gpointer data);
void ov_csv_stop_worker (OvCsvReader *self);
void ov_csv_start_reading (OvCsvReader  *self,
                          GCancellable *cancellable);
const Row *ov_csv_take_row (OvCsvReader  *self,
                           GError      **error);

/* ov-csv-reader.c */
void ov_csv_start (OvCsvReader  *self,
                  const guchar **data,
                  gsize         *length,
                  gboolean       complete);
G_END_DECLS
