/* test-cli-export.c — overture-cli export: what it writes imports again
 * unchanged, and a spreadsheet opens it without running a formula
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-support.h"

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "accounts.csv");
  g_autofree char *exported_path = path_in (fixture, "exported.csv");
  g_autofree char *generated = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *excel = NULL;
  g_autofree char *semicolons = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "generate", "accounts", "40", "-o", file, NULL), ==, 0);
  generated = read_file (file);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "accounts", file, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 1: 40 created, 0 updated, 0 unchanged, 0 rejected\n");
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run_cli (&exported, &err, "--db", fixture->db, "export", "accounts", NULL),
                   ==, 0);
  g_assert_cmpstr (exported, ==, generated);

  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "export", "accounts", "-o",
                            exported_path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  written = read_file (exported_path);
  g_assert_cmpstr (written, ==, generated);

  g_assert_cmpint (run_cli (&excel, NULL, "--db", fixture->db, "export", "accounts", "--excel",
                            NULL), ==, 0);
  g_assert_true (g_str_has_prefix (excel, "\xEF\xBB\xBF" "external_id,name,"));
  g_assert_cmpstr (excel + 3, ==, generated);

  g_assert_cmpint (run_cli (&semicolons, NULL, "--db", fixture->db, "export", "accounts",
                            "--delimiter", ";", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (semicolons, "external_id;name;segment;"));

  /* Importing the export again changes nothing. */
  g_assert_cmpint (run_cli (&again, &err, "--db", fixture->db, "import", "accounts",
                            exported_path, NULL), ==, 0);
  g_assert_cmpstr (again, ==, "Nothing changed: 40 unchanged, 0 rejected; no batch was recorded\n");
  g_clear_pointer (&again, g_free);

  /* An import that changed nothing left no batch to undo. */
  g_assert_cmpint (run_cli (&again, &err, "--db", fixture->db, "undo-import", "2", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "There is no import number 2.\n"));
  g_clear_pointer (&again, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const kinds[] = { "people", "tasks", "metrics", "stage-events" };
      g_autofree char *empty = NULL;

      g_assert_cmpint (run_cli (&empty, NULL, "--db", fixture->db, "export", kinds[i], NULL), ==,
                       0);
      g_assert_true (g_str_has_prefix (empty, "account_external_id,account,"));
    }
}

/* What a spreadsheet made of a cell: its value type (60 text, 40 number,
 * 0 for a formula, which Gnumeric writes without one) and its text. */
typedef struct
{
  int   type;
  char *text;
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

static char *
xml_unescape (const char *text)
{
  static const struct
  {
    const char *entity;
    char        c;
  } entities[] = {
    { "&quot;", '"' }, { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&apos;", '\'' },
  };
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (entities) && *p == '&'; i++)
        if (g_str_has_prefix (p, entities[i].entity))
          {
            g_string_append_c (out, entities[i].c);
            p += strlen (entities[i].entity);
            known = TRUE;
            break;
          }

      if (known)
        continue;

      if (g_str_has_prefix (p, "&#"))
        {
          char *end = NULL;
          gunichar c = p[2] == 'x' ? strtoul (p + 3, &end, 16) : strtoul (p + 2, &end, 10);

          g_assert_true (end != NULL && *end == ';');
          g_string_append_unichar (out, c);
          p = end + 1;
          continue;
        }

      g_assert_cmpint (*p, !=, '&');
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* The cells of a Gnumeric file, by "row:column". */
static GHashTable *
read_gnumeric_cells (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GConverter) gunzip = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  guint8 buffer[8192];
  gssize n;

  raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  stream = g_converter_input_stream_new (raw, gunzip);
  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (bytes, buffer, n);
  g_assert_no_error (error);
  xml = g_strndup ((const char *)bytes->data, bytes->len);

  regex = g_regex_new ("<gnm:Cell Row=\"(\\d+)\" Col=\"(\\d+)\"(?: ValueType=\"(\\d+)\")?"
                       "(?: [^>]*)?>([^<]*)</gnm:Cell>",
                       G_REGEX_DOTALL, 0, &error);
  g_assert_no_error (error);
  g_regex_match (regex, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *row = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);
      g_autofree char *type = g_match_info_fetch (match, 3);
      g_autofree char *text = g_match_info_fetch (match, 4);
      Cell *cell = g_new0 (Cell, 1);

      cell->type = type[0] ? atoi (type) : 0;
      cell->text = xml_unescape (text);
      g_hash_table_insert (cells, g_strdup_printf ("%s:%s", row, column), cell);
      g_match_info_next (match, NULL);
    }

  return cells;
}

/* Exported accounts with hostile and Unicode text, opened by Gnumeric's
 * ssconvert: every text cell reads back exactly, no formula was made (so
 * none was evaluated) and amounts are numbers. */
static void
test_spreadsheet (Fixture       *fixture,
                  gconstpointer  data)
{
  /* external_id, name, segment, owner, sales_owner, arr (cents), notes */
  static const struct
  {
    const char *text[6];
    gint64      cents;
  } accounts[] = {
    { { "H-1", "Acme, Inc.", "", "=1+2", "+49 30 1234", "-minus" }, 120050 },
    { { "H-2", "@SUM(A1:A9)", "Mid-Market", "Zoë “Ünïcødé” 😀",
        "=HYPERLINK(\"http://evil.example\",\"click\")", "line one\nline two" }, 300000 },
    { { "-H-3", "\tTabbed", "'quoted already", "=cmd|' /C calc'!A0", "Plain",
        "  spaces  " }, 0 },
    { { "H-4", "''=twice", "+", "-", "@", "=" }, 99 },
  };
  static const char * const header[] = {
    "external_id", "name", "segment", "owner", "sales_owner", "notes", "arr",
  };
  /* Where those columns are in an accounts export */
  static const int columns[] = { 0, 1, 2, 3, 4, 15 };
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *input = path_in (fixture, "hostile.csv");
  g_autofree char *exported = path_in (fixture, "exported.csv");
  g_autofree char *converted = path_in (fixture, "exported.gnumeric");
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(OvCsvWriter) writer = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GHashTableIter iter;
  gpointer value;

  if (ssconvert == NULL)
    {
      g_test_skip ("ssconvert (gnumeric) is needed");
      return;
    }

  stream = G_OUTPUT_STREAM (g_file_replace (input_file, NULL, FALSE, 0, NULL, &error));
  g_assert_no_error (error);
  writer = ov_csv_writer_new (stream, ',', FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (header); k++)
    ov_csv_writer_add_text (writer, header[k], -1);
  g_assert_true (ov_csv_writer_end_row (writer, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      for (guint k = 0; k < 6; k++)
        ov_csv_writer_add_text (writer, accounts[i].text[k], -1);
      ov_csv_writer_add_cents (writer, accounts[i].cents);
      g_assert_true (ov_csv_writer_end_row (writer, NULL, NULL));
    }
  g_assert_true (ov_csv_writer_flush (writer, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  g_assert_cmpint (run_cli (NULL, NULL, "--db", fixture->db, "import", "accounts", input, NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "export", "accounts", "-o",
                            exported, NULL), ==, 0);

  {
    const char *argv[] = { ssconvert, exported, converted, NULL };
    /* Our fatal warnings are not gnumeric's: it warns about the test's
     * isolated (and empty) user directories. */
    g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
    int status;

    g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  cells = read_gnumeric_cells (converted);

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      for (guint k = 0; k < 6; k++)
        {
          g_autofree char *key = g_strdup_printf ("%u:%d", i + 1, columns[k]);
          Cell *cell = g_hash_table_lookup (cells, key);

          g_test_message ("cell %s", key);
          if (accounts[i].text[k][0] == '\0')
            {
              g_assert_null (cell);
              continue;
            }
          g_assert_nonnull (cell);
          g_assert_cmpint (cell->type, ==, 60);
          g_assert_cmpstr (cell->text, ==, accounts[i].text[k]);
        }

      {
        g_autofree char *key = g_strdup_printf ("%u:5", i + 1);
        Cell *cell = g_hash_table_lookup (cells, key);

        g_assert_nonnull (cell);
        g_assert_cmpint (cell->type, ==, 40);
        /* Gnumeric keeps more digits than a double has. */
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell->text, NULL),
                                        accounts[i].cents / 100.0, 1e-9);
      }
    }

  /* Not one formula in the whole sheet. */
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_assert_cmpint (((Cell *)value)->type, !=, 0);
}

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/import-export", test_import_export);
  CLI_TEST_ADD ("/cli/spreadsheet", test_spreadsheet);

  return g_test_run ();
}
