/* test-fixtures.c — every file of tests/fixtures/csv, imported as its
 * .expect file says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * good/NAME.csv imports; bad/NAME.csv is refused and leaves the database
 * exactly as it was. NAME.expect holds, one per line:
 *
 *   kind accounts|people|tasks|metrics
 *   option date-order dmy|mdy | option encoding windows-1252 |
 *     option delimiter , ; | tab
 *   counts CREATED UPDATED UNCHANGED REJECTED
 *   problem LINE:COLUMN: message        (every problem, in order)
 *   query SQL                            (good files: rows it must return)
 *   row a|b|c
 *
 * Lines starting with '#' say what the file is about.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "csv-test-support.h"

typedef struct
{
  OvCsvKind   kind;
  OvDateOrder order;
  OvCsvEncoding encoding;
  char        delimiter;
  gboolean    has_counts;
  guint       counts[4];
  GString    *problems;
  GPtrArray  *queries;     /* SQL, expected rows, SQL, expected rows… */
} Expectation;

static void
expectation_free (Expectation *expect)
{
  g_string_free (expect->problems, TRUE);
  g_ptr_array_unref (expect->queries);
  g_free (expect);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Expectation, expectation_free)

static Expectation *
read_expectation (const char *path)
{
  g_autoptr(Expectation) expect = g_new0 (Expectation, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *rows = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  expect->kind = OV_CSV_KIND_ACCOUNTS;
  expect->encoding = OV_CSV_ENCODING_UTF8;
  expect->problems = g_string_new (NULL);
  expect->queries = g_ptr_array_new_with_free_func (g_free);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '\0' || line[0] == '#')
        continue;

      if (g_str_has_prefix (line, "kind "))
        g_assert_true (ov_csv_kind_parse (line + 5, &expect->kind));
      else if (strcmp (line, "option date-order dmy") == 0)
        expect->order = OV_DATE_ORDER_DMY;
      else if (strcmp (line, "option date-order mdy") == 0)
        expect->order = OV_DATE_ORDER_MDY;
      else if (strcmp (line, "option encoding windows-1252") == 0)
        expect->encoding = OV_CSV_ENCODING_WINDOWS_1252;
      else if (g_str_has_prefix (line, "option delimiter "))
        expect->delimiter = strcmp (line + 17, "tab") == 0 ? '\t' : line[17];
      else if (g_str_has_prefix (line, "counts "))
        {
          expect->has_counts = TRUE;
          g_assert_cmpint (sscanf (line + 7, "%u %u %u %u", &expect->counts[0], &expect->counts[1],
                                   &expect->counts[2], &expect->counts[3]), ==, 4);
        }
      else if (g_str_has_prefix (line, "problem "))
        g_string_append_printf (expect->problems, "%s\n", line + 8);
      else if (g_str_has_prefix (line, "query "))
        {
          g_ptr_array_add (expect->queries, g_strdup (line + 6));
          rows = g_string_new (NULL);
          g_ptr_array_add (expect->queries, rows);
        }
      else if (g_str_has_prefix (line, "row "))
        {
          g_assert_nonnull (rows);
          g_string_append_printf (rows, "%s\n", line + 4);
        }
      else
        g_error ("%s:%u: cannot read “%s”", path, i + 1, line);
    }

  /* The row texts were collected in GStrings: keep plain strings. */
  for (guint i = 1; i < expect->queries->len; i += 2)
    expect->queries->pdata[i] = g_string_free (expect->queries->pdata[i], FALSE);

  return g_steal_pointer (&expect);
}

/* Accounts every file may refer to or update: three with external ids,
 * and two of the same name without. */
static OvStore *
seeded_store (char **dir)
{
  OvStore *store = ov_test_new_store (dir);
  g_autoptr(OvImportResult) result = NULL;

  result = csv_test_import (store, OV_CSV_KIND_ACCOUNTS,
                            "external_id,name,owner,stage,close_date\n"
                            "A-1,Acme,Ann,embark,2026-01-05\n"
                            "A-2,Beta,Bob,handoff,2026-01-06\n"
                            "A-3,Gamma,Cy,kickoff,2026-01-07\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  g_assert_true (ov_import_result_get_applied (result));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(OvAccount) twin = ov_account_new ();
      g_autoptr(GError) error = NULL;

      ov_account_set_name (twin, "Twin Co");
      g_assert_true (ov_store_save_account (store, twin, &error));
      g_assert_no_error (error);
    }

  return store;
}

static OvImportResult *
import_file (OvStore     *store,
             const char  *path,
             Expectation *expect)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(OvImporter) importer = ov_importer_new_for_file (expect->kind, file);
  g_autoptr(GError) error = NULL;
  OvImportResult *result;

  ov_importer_set_date_order (importer, expect->order);
  ov_importer_set_encoding (importer, expect->encoding);
  ov_importer_set_delimiter (importer, expect->delimiter);

  result = ov_importer_run (importer, store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
check_file (const char *dir,
            const char *name,
            gboolean    good)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *base = g_strndup (name, strlen (name) - 4);
  g_autofree char *expect_name = g_strconcat (base, ".expect", NULL);
  g_autofree char *expect_path = g_build_filename (dir, expect_name, NULL);
  g_autofree char *store_dir = NULL;
  g_autoptr(Expectation) expect = NULL;
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;

  g_test_message ("%s", path);

  /* To write a new .expect: run with OVERTURE_FIXTURES_RECORD=1 and check
   * what it prints (an empty .expect with the kind and options first). */
  if (g_getenv ("OVERTURE_FIXTURES_RECORD") != NULL)
    {
      expect = g_file_test (expect_path, G_FILE_TEST_EXISTS)
               ? read_expectation (expect_path) : read_expectation ("/dev/null");
      store = seeded_store (&store_dir);
      result = import_file (store, path, expect);
      problems = csv_test_problems (result);
      /* printf: g_print() would turn non-ASCII into '?' in the C locale */
      printf ("== %s\ncounts %u %u %u %u\n", name, ov_import_result_get_n_created (result),
               ov_import_result_get_n_updated (result), ov_import_result_get_n_unchanged (result),
               ov_import_result_get_n_rejected (result));
      for (char **line = g_strsplit (problems, "\n", -1), **p = line; *p; p++)
        if (**p)
          printf ("problem %s\n", *p);
      g_clear_object (&store);
      ov_test_remove_dir (store_dir);
      return;
    }

  g_assert_true (g_file_test (expect_path, G_FILE_TEST_EXISTS));
  expect = read_expectation (expect_path);

  store = seeded_store (&store_dir);
  before = csv_test_dump (store);
  result = import_file (store, path, expect);

  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==, expect->problems->str);

  if (expect->has_counts)
    {
      g_assert_cmpuint (ov_import_result_get_n_created (result), ==, expect->counts[0]);
      g_assert_cmpuint (ov_import_result_get_n_updated (result), ==, expect->counts[1]);
      g_assert_cmpuint (ov_import_result_get_n_unchanged (result), ==, expect->counts[2]);
      g_assert_cmpuint (ov_import_result_get_n_rejected (result), ==, expect->counts[3]);
    }

  if (good)
    {
      g_assert_true (ov_import_result_get_applied (result));
      g_assert_cmpuint (ov_import_result_get_n_errors (result), ==, 0);

      /* An import that changed nothing records no batch (the seeded
       * store's own import is the one there). */
      if (ov_import_result_get_n_created (result) == 0 &&
          ov_import_result_get_n_updated (result) == 0)
        {
          g_autofree char *batches = csv_test_query (store, "SELECT count(*) FROM import_batches");

          g_assert_cmpint (ov_import_result_get_batch_id (result), ==, 0);
          g_assert_cmpstr (batches, ==, "1\n");
        }
      for (guint i = 0; i < expect->queries->len; i += 2)
        {
          g_autofree char *rows = csv_test_query (store, expect->queries->pdata[i]);

          g_assert_cmpstr (rows, ==, expect->queries->pdata[i + 1]);
        }
    }
  else
    {
      g_assert_false (ov_import_result_get_applied (result));
      g_assert_cmpuint (ov_import_result_get_n_errors (result), >, 0);
      after = csv_test_dump (store);
      g_assert_cmpstr (after, ==, before);
    }

  g_clear_object (&store);
  ov_test_remove_dir (store_dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static guint
check_directory (const char *which,
                 gboolean    good)
{
  g_autofree char *dir = ov_test_fixture_path ("csv", which, NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".csv"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    check_file (dir, g_ptr_array_index (names, i), good);

  return names->len;
}

static void
test_good (void)
{
  guint n = check_directory ("good", TRUE);

  if (g_getenv ("OVERTURE_FIXTURES_RECORD") == NULL)
    g_assert_cmpuint (n, >=, 15);
}

static void
test_bad (void)
{
  guint n = check_directory ("bad", FALSE);

  if (g_getenv ("OVERTURE_FIXTURES_RECORD") == NULL)
    g_assert_cmpuint (n, >=, 30);
}

/* A field over 1 MiB is refused without reading the rest of the file; a
 * file that big has no place in the fixtures, so it is made here. */
static void
test_field_too_long (void)
{
  g_autoptr(GString) text = g_string_new ("name,notes\r\nAcme,fine\r\nBeta,\"");
  g_autofree char *store_dir = NULL;
  g_autoptr(OvStore) store = seeded_store (&store_dir);
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *before = csv_test_dump (store);
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;

  for (guint i = 0; i < 2 * OV_CSV_MAX_FIELD_SIZE; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"\r\nGamma,never read\r\n");

  result = csv_test_import (store, OV_CSV_KIND_ACCOUNTS, text->str, OV_DATE_ORDER_AUTO, TRUE);
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==,
                   "3:6: this quoted field is longer than 1 MiB; is its closing quote missing?\n");
  g_assert_false (ov_import_result_get_applied (result));

  after = csv_test_dump (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&store);
  ov_test_remove_dir (store_dir);
}

/* Imports @text into the seeded store; it must be refused with
 * @expected as its only problem, and change nothing. */
static void
assert_refused_whole (const char *text,
                      const char *expected)
{
  g_autofree char *store_dir = NULL;
  g_autoptr(OvStore) store = seeded_store (&store_dir);
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *before = csv_test_dump (store);
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *batches = NULL;

  result = csv_test_import (store, OV_CSV_KIND_ACCOUNTS, text, OV_DATE_ORDER_AUTO, FALSE);
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==, expected);
  g_assert_false (ov_import_result_get_applied (result));

  after = csv_test_dump (store);
  g_assert_cmpstr (after, ==, before);
  batches = csv_test_query (store, "SELECT count(*) FROM import_batches");
  g_assert_cmpstr (batches, ==, "1\n");

  g_clear_object (&store);
  ov_test_remove_dir (store_dir);
}

/* A line of 8 MB of commas was once kept field by field (205 MB) and then
 * dropped as blank: it is a row with too many fields. */
static void
test_row_too_many_fields (void)
{
  g_autoptr(GString) text = g_string_new ("name,notes\r\nDelta,fine\r\n");
  g_autofree char *expected = NULL;

  for (guint i = 0; i < 8 * 1024 * 1024; i++)
    g_string_append_c (text, ',');
  g_string_append (text, "\r\nEpsilon,fine\r\n");

  expected = g_strdup_printf ("3:%u: this row has more than %u fields; is the delimiter right?\n",
                              OV_CSV_MAX_ROW_FIELDS + 1, OV_CSV_MAX_ROW_FIELDS);
  assert_refused_whole (text->str, expected);
}

/* A header of 200,000 columns: refused at once, not matched column by
 * column with a warning each. */
static void
test_header_too_many_fields (void)
{
  g_autoptr(GString) text = g_string_new ("name");
  g_autofree char *expected = NULL;
  guint column = 0;

  for (guint i = 1; i < 200000; i++)
    {
      if (i == OV_CSV_MAX_ROW_FIELDS)
        column = text->len + 2;
      g_string_append_printf (text, ",extra %u", i);
    }
  g_string_append (text, "\r\nDelta\r\n");

  expected = g_strdup_printf ("1:%u: this row has more than %u fields; is the delimiter right?\n",
                              column, OV_CSV_MAX_ROW_FIELDS);
  /* One message, not a warning per column (the whole output is compared);
   * speed is the bench's business, not a unit test's. */
  assert_refused_whole (text->str, expected);
}

/* A row of many long fields: refused past OV_CSV_MAX_ROW_SIZE. */
static void
test_row_too_long (void)
{
  g_autoptr(GString) text = g_string_new ("name,notes,owner,segment,package,sales_owner,"
                                          "first_value_milestone,external_id,currency,"
                                          "stage\r\nDelta");
  const guint length = OV_CSV_MAX_FIELD_SIZE - 16;
  g_autofree char *expected = NULL;

  /* Nine fields just under the field cap after "Delta": the tenth field
   * of the row passes 8 MiB. */
  for (guint i = 0; i < 9; i++)
    {
      g_string_append_c (text, ',');
      for (guint k = 0; k < length; k++)
        g_string_append_c (text, 'x');
    }
  g_string_append (text, "\r\n");

  expected = g_strdup_printf ("2:%u: this row is longer than 8 MiB\n", 7 + 8 * (length + 1));
  assert_refused_whole (text->str, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("OVERTURE_TODAY", "2026-03-02", TRUE);

  g_test_add_func ("/fixtures/good", test_good);
  g_test_add_func ("/fixtures/bad", test_bad);
  g_test_add_func ("/fixtures/field-too-long", test_field_too_long);
  g_test_add_func ("/fixtures/row-too-many-fields", test_row_too_many_fields);
  g_test_add_func ("/fixtures/header-too-many-fields", test_header_too_many_fields);
  g_test_add_func ("/fixtures/row-too-long", test_row_too_long);

  return g_test_run ();
}
