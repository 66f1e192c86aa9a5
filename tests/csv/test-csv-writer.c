/* test-csv-writer.c — RFC 4180 output, neutralised formulas, round trips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-test-support.h"
#include "ov-csv-reader.h"
#include "ov-csv-writer.h"

static GOutputStream *
new_memory_stream (void)
{
  return g_memory_output_stream_new_resizable ();
}

static char *
stream_text (GOutputStream *stream)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  gsize size = g_memory_output_stream_get_data_size (memory);

  return g_strndup (g_memory_output_stream_get_data (memory), size);
}

static void
test_quoting (void)
{
  g_autoptr(GOutputStream) stream = new_memory_stream ();
  g_autoptr(OvCsvWriter) writer = ov_csv_writer_new (stream, ',', FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ov_csv_writer_add_text (writer, "plain", -1);
  ov_csv_writer_add_text (writer, "a,b", -1);
  ov_csv_writer_add_text (writer, "say \"hi\"", -1);
  ov_csv_writer_add_text (writer, "two\nlines", -1);
  ov_csv_writer_add_text (writer, " padded ", -1);
  ov_csv_writer_add_text (writer, "", -1);
  ov_csv_writer_add_text (writer, "a;b", -1);
  g_assert_true (ov_csv_writer_end_row (writer, NULL, &error));
  ov_csv_writer_add_integer (writer, -42);
  ov_csv_writer_add_integer (writer, G_MININT64);
  ov_csv_writer_add_cents (writer, 120050);
  ov_csv_writer_add_cents (writer, 120000);
  ov_csv_writer_add_cents (writer, -5);
  ov_csv_writer_add_number (writer, "-3.5", -1);
  g_assert_true (ov_csv_writer_end_row (writer, NULL, &error));
  g_assert_true (ov_csv_writer_flush (writer, NULL, &error));
  g_assert_no_error (error);

  text = stream_text (stream);
  g_assert_cmpstr (text, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",,a;b\r\n"
                   "-42,-9223372036854775808,1200.50,1200,-0.05,-3.5\r\n");
  g_assert_cmpuint (ov_csv_writer_get_n_rows (writer), ==, 2);
}

static void
test_neutralize (void)
{
  g_autoptr(GOutputStream) stream = new_memory_stream ();
  g_autoptr(OvCsvWriter) writer = ov_csv_writer_new (stream, ';', TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ov_csv_writer_add_text (writer, "=1+2", -1);
  ov_csv_writer_add_text (writer, "+49 30 1234", -1);
  ov_csv_writer_add_text (writer, "-minus", -1);
  ov_csv_writer_add_text (writer, "@SUM(A1)", -1);
  ov_csv_writer_add_text (writer, "\tindented", -1);
  ov_csv_writer_add_text (writer, "\rcr", -1);
  ov_csv_writer_add_text (writer, "'=already", -1);
  ov_csv_writer_add_text (writer, "'plain", -1);
  ov_csv_writer_add_text (writer, "a=b", -1);
  ov_csv_writer_add_number (writer, "-12", -1);
  g_assert_true (ov_csv_writer_end_row (writer, NULL, &error));
  g_assert_true (ov_csv_writer_flush (writer, NULL, &error));

  text = stream_text (stream);
  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBF'=1+2;'+49 30 1234;'-minus;'@SUM(A1);'\tindented;\"'\rcr\";"
                   "''=already;''plain;a=b;-12\r\n");

  /* Import strips exactly the apostrophe export added. */
  g_assert_cmpstr (ov_csv_text_strip_neutralizer ("'=1+2"), ==, "=1+2");
  g_assert_cmpstr (ov_csv_text_strip_neutralizer ("''=already"), ==, "'=already");
  g_assert_cmpstr (ov_csv_text_strip_neutralizer ("''plain"), ==, "'plain");
  g_assert_cmpstr (ov_csv_text_strip_neutralizer ("'plain"), ==, "'plain");
  g_assert_cmpstr (ov_csv_text_strip_neutralizer ("plain"), ==, "plain");
  g_assert_cmpstr (ov_csv_text_strip_neutralizer ("'"), ==, "'");
}

/* Whatever the text, writing and reading it back gives it unchanged. */
static void
test_round_trip (void)
{
  static const char * const samples[] = {
    "", " ", "a", "=cmd|' /C calc'!A0", "+1", "-1", "@x", "\t", "'", "''", "'=", "'''+x",
    "\"", "\"\"", ",", ";", "\r\n", "\n\r", "line\r\nbreak", "Zürich “quoted” 😀", "a\"b,c\nd",
    "  spaces  ", "tab\tinside",
  };

  for (char delimiter = ','; delimiter != 0; delimiter = delimiter == ',' ? ';' : 0)
    {
      g_autoptr(GOutputStream) stream = new_memory_stream ();
      g_autoptr(OvCsvWriter) writer = ov_csv_writer_new (stream, delimiter, TRUE);
      g_autoptr(GError) error = NULL;
      g_autoptr(GInputStream) input = NULL;
      g_autoptr(OvCsvReader) reader = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const OvCsvRow *row;

      ov_csv_writer_add_text (writer, "key", -1);
      ov_csv_writer_add_text (writer, "value", -1);
      g_assert_true (ov_csv_writer_end_row (writer, NULL, &error));
      for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
        {
          ov_csv_writer_add_integer (writer, i);
          ov_csv_writer_add_text (writer, samples[i], -1);
          g_assert_true (ov_csv_writer_end_row (writer, NULL, &error));
        }
      g_assert_true (ov_csv_writer_flush (writer, NULL, &error));
      g_assert_true (g_output_stream_close (stream, NULL, &error));

      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
      input = g_memory_input_stream_new_from_bytes (bytes);
      reader = ov_csv_reader_new (input, 0, OV_CSV_ENCODING_AUTO);
      g_assert_true (ov_csv_reader_read_header (reader, NULL, &error));
      g_assert_cmpint (ov_csv_reader_get_delimiter (reader), ==, delimiter);

      while ((row = ov_csv_reader_next_row (reader, NULL, &error)) != NULL)
        {
          guint index = atoi (ov_csv_row_get_field (row, 0, NULL));
          const char *value = ov_csv_row_get_field (row, 1, NULL);

          g_assert_null (ov_csv_row_get_problem (row));
          g_assert_cmpuint (index, <, G_N_ELEMENTS (samples));
          g_assert_cmpstr (ov_csv_text_strip_neutralizer (value), ==, samples[index]);
        }
      g_assert_no_error (error);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv-writer/quoting", test_quoting);
  g_test_add_func ("/csv-writer/neutralize", test_neutralize);
  g_test_add_func ("/csv-writer/round-trip", test_round_trip);

  return g_test_run ();
}
