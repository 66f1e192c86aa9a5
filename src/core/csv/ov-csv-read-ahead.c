/* ov-csv-read-ahead.c — parsed rows handed over in chunks, one per block
 * read; with read ahead a worker thread parses the next blocks while the
 * caller works on the rows it has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Either way the same code runs, and at most a few chunks exist at a time.
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-csv-reader-internal.h"

Chunk *
ov_csv_chunk_new (void)
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

void
ov_csv_chunk_free (gpointer data)
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
void
ov_csv_stop_worker (OvCsvReader *self)
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
        next = ov_csv_chunk_new ();

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
    ov_csv_start (self, &data, &length, last);

  if (self->encoding == OV_CSV_ENCODING_WINDOWS_1252 && length > 0)
    {
      length = ov_csv_decode_windows_1252 (self->decoded, data, length);
      data = self->decoded;
    }

  if (length > 0)
    ov_csv_feed (self, data, length);

  if (last)
    ov_csv_finish (self);

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

void
ov_csv_start_reading (OvCsvReader  *self,
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
        g_async_queue_push (self->spare, ov_csv_chunk_new ());
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
const Row *
ov_csv_take_row (OvCsvReader  *self,
                 GError      **error)
{
  if (self->reading == NULL || self->next_row >= self->reading->rows->len)
    if (!next_chunk (self, error))
      return NULL;

  return &g_array_index (self->reading->rows, Row, self->next_row++);
}
