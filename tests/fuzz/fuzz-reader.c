/* fuzz-reader.c — libFuzzer target for the CSV reader's block edges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input twice, in real blocks and in tiny ones (the first byte
 * gives their size and the delimiter), and asserts that both readings
 * agree on every row, field, position and problem: whatever the text, a
 * block edge must not change what is read.
 */

#include "config.h"

#include <stdint.h>

#include "ov-core.h"
#include "ov-csv-reader-private.h"
#include "ov-fuzz.h"

unsigned int ov_fuzz_n_run;

static char *
describe (const guint8 *data,
          gsize         size,
          char          delimiter,
          gsize         block_size,
          gboolean      read_ahead)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(OvCsvReader) reader = ov_csv_reader_new (stream, delimiter, OV_CSV_ENCODING_UTF8);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  const OvCsvRow *row;
  guint last_line = 0;

  ov_csv_reader_set_block_size (reader, block_size);
  ov_csv_reader_set_read_ahead (reader, read_ahead);

  if (ov_csv_reader_read_header (reader, NULL, &error))
    {
      g_string_append_printf (out, "header %u\n", ov_csv_reader_get_n_columns (reader));
      while ((row = ov_csv_reader_next_row (reader, NULL, &error)) != NULL)
        {
          const OvCsvProblem *problem = ov_csv_row_get_problem (row);

          /* Rows come in file order, and their fields too. */
          g_assert_cmpuint (ov_csv_row_get_line (row), >, last_line);
          last_line = ov_csv_row_get_line (row);

          g_string_append_printf (out, "row %u:", last_line);
          for (guint i = 0; i < ov_csv_row_get_n_fields (row); i++)
            {
              gsize length;
              const char *text = ov_csv_row_get_field (row, i, &length);
              guint line, column;

              ov_csv_row_get_position (row, i, &line, &column);
              g_assert_cmpuint (line, >=, last_line);
              g_string_append_printf (out, " %u:%u[", line, column);
              g_string_append_len (out, text, length);
              g_string_append_c (out, ']');
            }
          if (problem != NULL)
            g_string_append_printf (out, " ! %u:%u %s", problem->line, problem->column,
                                    problem->message);
          g_string_append_c (out, '\n');
        }
    }

  if (error != NULL)
    {
      const OvCsvProblem *fatal = ov_csv_reader_get_fatal_problem (reader);

      g_assert_nonnull (fatal);
      g_string_append_printf (out, "fatal %u:%u %s\n", fatal->line, fatal->column,
                              fatal->message);
    }

  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char delimiters[] = { ',', ';', '\t', '|' };
  g_autofree char *whole = NULL;
  g_autofree char *pieces = NULL;
  char delimiter;
  gsize block_size;

  if (size < 1)
    return 0;

  /* Detection looks at the first block only, and a BOM must be in it:
   * the delimiter is given and the bytes that begin a BOM are dropped from
   * the start, so that only block edges differ (and every input is read). */
  delimiter = delimiters[data[0] & 3];
  block_size = 1 + (data[0] >> 2);
  data++;
  size--;
  while (size >= 1 && (data[0] == 0xEF || data[0] == 0xFE || data[0] == 0xFF))
    {
      data++;
      size--;
    }
  ov_fuzz_n_run++;

  whole = describe (data, size, delimiter, OV_CSV_BLOCK_SIZE, FALSE);
  pieces = describe (data, size, delimiter, block_size, (size & 1) != 0);
  g_assert_cmpstr (pieces, ==, whole);

  return 0;
}
