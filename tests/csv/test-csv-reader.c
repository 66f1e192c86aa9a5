/* test-csv-reader.c — streaming CSV parsing and where problems are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-test-support.h"
#include "ov-csv-reader-private.h"

/* Every test runs twice: parsing on demand, and in a worker thread. */
static gboolean read_ahead;
/* Blocks smaller than the real ones put block edges everywhere. */
static gsize block_size = OV_CSV_BLOCK_SIZE;

static OvCsvReader *
reader_for (const char    *text,
            gssize         length,
            char           delimiter,
            OvCsvEncoding  encoding)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  OvCsvReader *reader = ov_csv_reader_new (stream, delimiter, encoding);

  ov_csv_reader_set_read_ahead (reader, read_ahead);
  ov_csv_reader_set_block_size (reader, block_size);
  return reader;
}

static void
append_problem (GString            *out,
                const char         *tag,
                const OvCsvProblem *problem)
{
  g_string_append_printf (out, "%s %u:%u %s\n", tag, problem->line, problem->column,
                          problem->message);
}

/* Everything the reader reports, one row per line:
 * "header [1:1]a [1:3]b", "row 2 [2:1]x [2:3]y", "! 3:4 message", "fatal 5:1 message". */
static char *
describe_full (const char    *text,
               gssize         length,
               char           delimiter,
               OvCsvEncoding  encoding)
{
  g_autoptr(OvCsvReader) reader = reader_for (text, length, delimiter, encoding);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  const OvCsvRow *row;

  if (!ov_csv_reader_read_header (reader, NULL, &error))
    {
      g_assert_error (error, OV_CSV_ERROR, ov_csv_reader_get_fatal_problem (reader)->code);
      append_problem (out, "fatal", ov_csv_reader_get_fatal_problem (reader));
      return g_string_free (out, FALSE);
    }

  g_string_append (out, "header");
  for (guint i = 0; i < ov_csv_reader_get_n_columns (reader); i++)
    {
      g_autofree char *escaped = g_strescape (ov_csv_reader_get_column_name (reader, i), NULL);
      guint line, column;

      ov_csv_reader_get_column_position (reader, i, &line, &column);
      g_string_append_printf (out, " [%u:%u]%s", line, column, escaped);
    }
  g_string_append_c (out, '\n');

  while ((row = ov_csv_reader_next_row (reader, NULL, &error)) != NULL)
    {
      g_string_append_printf (out, "row %u", ov_csv_row_get_line (row));
      for (guint i = 0; i < ov_csv_row_get_n_fields (row); i++)
        {
          g_autofree char *escaped = g_strescape (ov_csv_row_get_field (row, i, NULL), NULL);
          guint line, column;

          ov_csv_row_get_position (row, i, &line, &column);
          g_string_append_printf (out, " [%u:%u]%s", line, column, escaped);
        }
      g_string_append_c (out, '\n');
      if (ov_csv_row_get_problem (row) != NULL)
        append_problem (out, "!", ov_csv_row_get_problem (row));
    }

  if (error != NULL)
    {
      g_assert_error (error, OV_CSV_ERROR, ov_csv_reader_get_fatal_problem (reader)->code);
      append_problem (out, "fatal", ov_csv_reader_get_fatal_problem (reader));
    }
  else
    g_assert_null (ov_csv_reader_get_fatal_problem (reader));

  return g_string_free (out, FALSE);
}

static char *
describe (const char *text)
{
  return describe_full (text, -1, 0, OV_CSV_ENCODING_UTF8);
}

#define assert_reads(text, expected)                  \
  G_STMT_START {                                      \
    g_autofree char *got_ = describe (text);          \
    g_assert_cmpstr (got_, ==, expected);             \
  } G_STMT_END

static void
test_line_ends (void)
{
  const char *expected =
    "header [1:1]a [1:3]b\n"
    "row 2 [2:1]1 [2:3]2\n"
    "row 3 [3:1]3 [3:3]4\n";

  assert_reads ("a,b\n1,2\n3,4\n", expected);
  assert_reads ("a,b\r\n1,2\r\n3,4\r\n", expected);
  assert_reads ("a,b\r1,2\r3,4\r", expected);
  /* No line break at the end, and mixed line ends */
  assert_reads ("a,b\r\n1,2\n3,4", expected);
}

static void
test_bom_and_spaces (void)
{
  /* The BOM is not part of the first name, and spaces are data. */
  assert_reads ("\xEF\xBB\xBFname, note \n Acme ,\t tabbed \n",
                "header [1:1]name [1:6] note \n"
                "row 2 [2:1] Acme  [2:8]\\t tabbed \n");
}

static void
test_empty_lines (void)
{
  /* Empty lines and rows of empty fields are skipped; lines still count. */
  assert_reads ("\n\na,b\n\n1,2\r\n\r\n,\n   \n3,4\n\n",
                "header [3:1]a [3:3]b\n"
                "row 5 [5:1]1 [5:3]2\n"
                "row 9 [9:1]3 [9:3]4\n");
}

static void
test_quoted (void)
{
  /* Delimiters, doubled quotes and line breaks inside quotes; the field
   * after a multi-line one is placed by counting its lines. */
  assert_reads ("id,text,n\n"
                "1,\"a, b\",x\n"
                "2,\"say \"\"hi\"\"\",y\n"
                "3,\"two\nlines\",z\n"
                "4,\"crlf\r\ninside\r\n\",w\n"
                "5,\"\",\"\"\"\"\n",
                "header [1:1]id [1:4]text [1:9]n\n"
                "row 2 [2:1]1 [2:3]a, b [2:10]x\n"
                "row 3 [3:1]2 [3:3]say \\\"hi\\\" [3:16]y\n"
                "row 4 [4:1]3 [4:3]two\\nlines [5:8]z\n"
                "row 6 [6:1]4 [6:3]crlf\\r\\ninside\\r\\n [8:3]w\n"
                "row 9 [9:1]5 [9:3] [9:6]\\\"\n");
}

static void
test_unicode_columns (void)
{
  /* Columns count characters, not bytes. */
  assert_reads ("nom,ville\nCafé Müller,Zürich\n\"Ünïcødé, “quoted”\",ok\n",
                "header [1:1]nom [1:5]ville\n"
                "row 2 [2:1]Caf\\303\\251 M\\303\\274ller [2:13]Z\\303\\274rich\n"
                "row 3 [3:1]\\303\\234n\\303\\257c\\303\\270d\\303\\251, "
                "\\342\\200\\234quoted\\342\\200\\235 [3:21]ok\n");
}

static void
test_delimiters (void)
{
  g_autofree char *semicolon = describe ("name;arr\n\"Acme; Inc\";1,5\n");
  g_autofree char *tab = describe ("name\tarr\nAcme\t3\n");
  g_autofree char *pipe = describe ("name|arr|x,y\nAcme|3|4\n");
  g_autofree char *forced = describe_full ("name;arr\nA;1\n", -1, ',', OV_CSV_ENCODING_UTF8);
  g_autoptr(OvCsvReader) reader = reader_for ("a;b,c;d\n", -1, 0, OV_CSV_ENCODING_AUTO);

  g_assert_cmpstr (semicolon, ==, "header [1:1]name [1:6]arr\nrow 2 [2:1]Acme; Inc [2:13]1,5\n");
  g_assert_cmpstr (tab, ==, "header [1:1]name [1:6]arr\nrow 2 [2:1]Acme [2:6]3\n");
  g_assert_cmpstr (pipe, ==, "header [1:1]name [1:6]arr [1:10]x,y\nrow 2 [2:1]Acme [2:6]3 [2:8]4\n");
  /* An explicit delimiter wins over detection. */
  g_assert_cmpstr (forced, ==, "header [1:1]name;arr\nrow 2 [2:1]A;1\n");

  g_assert_true (ov_csv_reader_read_header (reader, NULL, NULL));
  g_assert_cmpint (ov_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpint (ov_csv_reader_get_encoding (reader), ==, OV_CSV_ENCODING_UTF8);
}

static void
test_windows_1252 (void)
{
  /* "Café","80 €" in Windows-1252, with a column after the 1-byte é. */
  const char bytes[] = "name,price\r\nCaf\xE9,\x80 80\r\n\x93q\x94,\x9f\r\n";
  g_autofree char *got = describe_full (bytes, -1, 0, OV_CSV_ENCODING_WINDOWS_1252);
  g_autofree char *as_utf8 = describe_full (bytes, -1, 0, OV_CSV_ENCODING_UTF8);
  g_autoptr(OvCsvReader) reader = reader_for (bytes, -1, 0, OV_CSV_ENCODING_AUTO);

  g_assert_cmpstr (got, ==,
                   "header [1:1]name [1:6]price\n"
                   "row 2 [2:1]Caf\\303\\251 [2:6]\\342\\202\\254 80\n"
                   "row 3 [3:1]\\342\\200\\234q\\342\\200\\235 [3:5]\\305\\270\n");

  /* Read as UTF-8 the same bytes are errors, at the byte's place. */
  g_assert_cmpstr (as_utf8, ==,
                   "header [1:1]name [1:6]price\n"
                   "row 2 [2:1]Caf\\351 [2:6]\\200 80\n"
                   "! 2:4 the byte 0xE9 is not UTF-8; if the file comes from Excel on "
                   "Windows, read it as Windows-1252\n"
                   "row 3 [3:1]\\223q\\224 [3:5]\\237\n"
                   "! 3:1 the byte 0x93 is not UTF-8; if the file comes from Excel on "
                   "Windows, read it as Windows-1252\n");

  g_assert_true (ov_csv_reader_read_header (reader, NULL, NULL));
  g_assert_cmpint (ov_csv_reader_get_encoding (reader), ==, OV_CSV_ENCODING_WINDOWS_1252);
}

static void
test_quote_errors (void)
{
  /* A stray quote is reported where it is; the rest of its line is
   * dropped and the next rows are read as usual. */
  assert_reads ("a,b,c\n"
                "1,x\"y,2\n"
                "2,\"ok\"!,3\n"
                "3,\"multi\nline\" z,4\n"
                "4,5,6\n",
                "header [1:1]a [1:3]b [1:5]c\n"
                "row 2 [2:1]1\n"
                "! 2:4 a quote inside a field without quotes; put the whole field in quotes "
                "and write the quote twice (\"\")\n"
                "row 3 [3:1]2\n"
                "! 3:7 “!” after the closing quote of a field; a quote inside a quoted field "
                "is written twice (\"\")\n"
                "row 4 [4:1]3\n"
                "! 5:6 “ ” after the closing quote of a field; a quote inside a quoted field "
                "is written twice (\"\")\n"
                "row 6 [6:1]4 [6:3]5 [6:5]6\n");

  /* An unclosed quote is found at the end, reported where it opened. */
  assert_reads ("a,b\n1,2\n3,\"never\nclosed,4\n5,6\n",
                "header [1:1]a [1:3]b\n"
                "row 2 [2:1]1 [2:3]2\n"
                "fatal 3:3 this quote is never closed: the field runs to the end of the file\n");
}

static void
test_ragged (void)
{
  assert_reads ("a,b,c\n1,2\n1,2,3,4,5\n\"x\ny\",2,3\n",
                "header [1:1]a [1:3]b [1:5]c\n"
                "row 2 [2:1]1 [2:3]2\n"
                "! 2:4 this row has 2 fields, but the header names 3 columns\n"
                "row 3 [3:1]1 [3:3]2 [3:5]3 [3:7]4 [3:9]5\n"
                "! 3:7 this row has 5 fields, but the header names 3 columns; is a delimiter "
                "inside a value that is not quoted?\n"
                "row 4 [4:1]x\\ny [5:4]2 [5:6]3\n");
}

static void
test_nul_and_encoding (void)
{
  const char bytes[] = "a,b\nok,x\0y\n\xC3\xA9t\xC3\xA9,\xC3(\n";
  g_autofree char *got = describe_full (bytes, sizeof bytes - 1, 0, OV_CSV_ENCODING_UTF8);

  g_assert_cmpstr (got, ==,
                   "header [1:1]a [1:3]b\n"
                   "row 2 [2:1]ok [2:4]x\n"
                   "! 2:5 the file holds a NUL byte here; it is not a text file, or it is "
                   "UTF-16: save it as UTF-8\n"
                   "row 3 [3:1]\\303\\251t\\303\\251 [3:5]\\303(\n"
                   "! 3:5 the byte 0xC3 is not UTF-8; if the file comes from Excel on Windows, "
                   "read it as Windows-1252\n");
}

static void
test_empty_file (void)
{
  assert_reads ("", "fatal 1:1 the file is empty: a header row naming the columns is needed\n");
  assert_reads ("\r\n\r\n,,\n",
                "fatal 4:1 the file is empty: a header row naming the columns is needed\n");
  /* A problem in the header stops everything. */
  assert_reads ("a,\"b\"c\n1,2\n",
                "fatal 1:6 “c” after the closing quote of a field; a quote inside a quoted "
                "field is written twice (\"\")\n");
}

static void
test_too_long (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n1,2\n3,");
  g_autofree char *got = NULL;
  g_autofree char *open = NULL;

  /* A field of 1 MiB + 1 byte, closed */
  for (guint i = 0; i <= OV_CSV_MAX_FIELD_SIZE; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\n5,6\n");
  got = describe_full (text->str, text->len, 0, OV_CSV_ENCODING_UTF8);
  g_assert_true (g_str_has_suffix (got, "fatal 3:3 this field is longer than 1 MiB\n"));

  /* An open quote that would swallow everything is stopped early. */
  g_string_assign (text, "a,b\n1,\"");
  for (guint i = 0; i < 3 * OV_CSV_MAX_FIELD_SIZE; i++)
    g_string_append_c (text, i % 80 == 79 ? '\n' : 'y');
  open = describe_full (text->str, text->len, 0, OV_CSV_ENCODING_UTF8);
  g_assert_cmpstr (open, ==,
                   "header [1:1]a [1:3]b\n"
                   "fatal 2:3 this quoted field is longer than 1 MiB; is its closing quote "
                   "missing?\n");
}

/* Random files, several blocks long, written together with where each
 * field must be found: line ends, quoting and multi-byte characters land
 * on every side of the block boundaries. */
static void
test_random_positions (void)
{
  static const char * const pieces[] = {
    "plain", "with space", " lead", "trail ", "é", "“curly”", "日本", "a,b", "say \"x\"",
    "two\nlines", "crlf\r\nline", "cr\ronly", "", "😀",
  };
  static const char * const line_ends[] = { "\n", "\r\n", "\r" };

  for (guint seed = 1; seed <= 12; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *got = NULL;
      guint n_columns = g_rand_int_range (rand, 1, 6);
      guint line = 1, column = 1;

      for (guint r = 0; r < 4000; r++)
        {
          gboolean blank_row = TRUE;
          GString *row = g_string_new (NULL);
          guint row_line = line;

          for (guint c = 0; c < n_columns; c++)
            {
              const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
              g_autoptr(GString) value = g_string_new (NULL);
              g_autofree char *escaped = NULL;
              gboolean quote;
              guint repeat = g_rand_int_range (rand, 1, 40);

              if (r == 0)
                g_string_printf (value, "col%u", c);
              else
                for (guint k = 0; k < repeat; k++)
                  g_string_append (value, piece);

              quote = strpbrk (value->str, ",\"\r\n") != NULL || g_rand_boolean (rand);
              if (c > 0)
                {
                  g_string_append_c (text, ',');
                  column++;
                }

              escaped = g_strescape (value->str, NULL);
              g_string_append_printf (row, " [%u:%u]%s", line, column, escaped);
              if (value->len > 0 && strspn (value->str, " ") != value->len)
                blank_row = FALSE;

              if (quote)
                {
                  g_string_append_c (text, '"');
                  column++;
                }
              for (const char *p = value->str; *p; p = g_utf8_next_char (p))
                {
                  if (*p == '"')
                    {
                      g_string_append (text, "\"\"");
                      column += 2;
                    }
                  else if (*p == '\r' || *p == '\n')
                    {
                      g_string_append_c (text, *p);
                      if (!(*p == '\n' && p > value->str && p[-1] == '\r'))
                        {
                          line++;
                          column = 1;
                        }
                    }
                  else
                    {
                      g_string_append_len (text, p, g_utf8_next_char (p) - p);
                      column++;
                    }
                }
              if (quote)
                {
                  g_string_append_c (text, '"');
                  column++;
                }
            }

          if (r == 0)
            g_string_append_printf (expected, "header%s\n", row->str);
          else if (!blank_row)
            g_string_append_printf (expected, "row %u%s\n", row_line, row->str);
          g_string_free (row, TRUE);

          /* A line end, sometimes followed by empty lines */
          for (guint k = g_rand_int_range (rand, 0, 10) == 0 ? 3 : 1; k > 0; k--)
            {
              const char *end = line_ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (line_ends))];

              /* A CR followed by an LF would be one line end, not two. */
              if (text->len > 0 && text->str[text->len - 1] == '\r' && end[0] == '\n')
                end = "\r";
              g_string_append (text, end);
              line++;
              column = 1;
            }
        }

      got = describe_full (text->str, text->len, ',', OV_CSV_ENCODING_UTF8);
      g_assert_cmpuint (text->len, >, 3 * OV_CSV_BLOCK_SIZE);
      g_assert_cmpstr (got, ==, expected->str);

      /* The same with tiny blocks: edges inside every kind of field. */
      {
        g_autofree char *small = NULL;

        block_size = 1 + seed * 37 % 101;
        small = describe_full (text->str, text->len, ',', OV_CSV_ENCODING_UTF8);
        block_size = OV_CSV_BLOCK_SIZE;
        g_assert_cmpstr (small, ==, expected->str);
      }
    }
}

/* Stopping early: the worker thread must end cleanly, whatever it is
 * doing, and a cancelled read says so. */
static void
test_abandon (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "%u,\"value %u\"\n", i, i);

  for (guint stop_after = 0; stop_after < 3000; stop_after += 1000)
    {
      g_autoptr(OvCsvReader) reader = reader_for (text->str, text->len, 0, OV_CSV_ENCODING_UTF8);

      g_assert_true (ov_csv_reader_read_header (reader, NULL, NULL));
      for (guint i = 0; i < stop_after; i++)
        g_assert_nonnull (ov_csv_reader_next_row (reader, NULL, NULL));
    }

  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(OvCsvReader) reader = reader_for (text->str, text->len, 0, OV_CSV_ENCODING_UTF8);
    g_autoptr(GError) error = NULL;
    const OvCsvRow *row;
    guint n = 0;

    g_assert_true (ov_csv_reader_read_header (reader, cancellable, NULL));
    while ((row = ov_csv_reader_next_row (reader, cancellable, &error)) != NULL)
      if (++n == 5000)
        g_cancellable_cancel (cancellable);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (n, ==, 5000);
  }
}

typedef struct
{
  GTestFunc func;
  gboolean  read_ahead;
} TestCase;

static void
run_test (gconstpointer data)
{
  const TestCase *test = data;

  read_ahead = test->read_ahead;
  test->func ();
}

/* The first control character of each field other than tab and line
 * breaks, as the reader saw it while parsing (the importer refuses them). */
static void
test_controls (void)
{
  const char text[] = "a,b,c,d\n"
                      "pl\x1b[2Jain,\ttab\t,\"two\r\nlines\",\x7f\n"
                      "\"q\x01\",x\x07\x1by,,\x1f\n";
  static const int expected[2][4] = { { 0x1b, -1, -1, -1 }, { 0x01, 0x07, -1, 0x1f } };
  g_autoptr(OvCsvReader) reader = reader_for (text, -1, ',', OV_CSV_ENCODING_UTF8);
  g_autoptr(GError) error = NULL;
  const OvCsvRow *row;
  guint n_rows = 0;

  g_assert_true (ov_csv_reader_read_header (reader, NULL, &error));
  g_assert_no_error (error);
  while ((row = ov_csv_reader_next_row (reader, NULL, &error)) != NULL)
    {
      g_assert_cmpuint (n_rows, <, G_N_ELEMENTS (expected));
      g_assert_null (ov_csv_row_get_problem (row));
      for (guint i = 0; i < 4; i++)
        g_assert_cmpint (ov_csv_row_get_control (row, i), ==, expected[n_rows][i]);
      g_assert_cmpint (ov_csv_row_get_control (row, 4), ==, -1);
      n_rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
}

static void
add_tests (gboolean with_read_ahead)
{
  static const struct
  {
    const char *name;
    GTestFunc   func;
  } tests[] = {
    { "line-ends", test_line_ends },
    { "bom-and-spaces", test_bom_and_spaces },
    { "empty-lines", test_empty_lines },
    { "quoted", test_quoted },
    { "unicode-columns", test_unicode_columns },
    { "delimiters", test_delimiters },
    { "windows-1252", test_windows_1252 },
    { "quote-errors", test_quote_errors },
    { "ragged", test_ragged },
    { "nul-and-encoding", test_nul_and_encoding },
    { "empty-file", test_empty_file },
    { "too-long", test_too_long },
    { "random-positions", test_random_positions },
    { "abandon", test_abandon },
    { "controls", test_controls },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv-reader/%s/%s",
                                               with_read_ahead ? "read-ahead" : "on-demand",
                                               tests[i].name);
      TestCase *test = g_new (TestCase, 1);

      test->func = tests[i].func;
      test->read_ahead = with_read_ahead;
      g_test_add_data_func_full (path, test, run_test, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_tests (FALSE);
  add_tests (TRUE);

  return g_test_run ();
}
