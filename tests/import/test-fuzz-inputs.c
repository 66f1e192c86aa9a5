/* test-fuzz-inputs.c — the fuzzers' corpus and every input that once
 * crashed them, run through a fuzz target in every build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per target (fuzz-import.c, fuzz-reader.c, fuzz-playbook.c,
 * linked in; OV_FUZZ_TARGET names it). The target asserts on what it
 * finds, so a wrong result aborts the test like a crash does; this file
 * asserts that the inputs are there and that each went through the code
 * under test. See tests/fuzz/regressions/README.md for the layout.
 */

#include "config.h"

#include <string.h>

#include "ov-fuzz.h"
#include "ov-test-support.h"

#ifndef OV_FUZZ_TARGET
#error "OV_FUZZ_TARGET names the fuzz target linked in"
#endif

/* The option bytes a plain CSV file is run under, per target. */
typedef struct
{
  guint8 bytes[2];
  gsize  length;
} Options;

static const Options import_options[] = {
  /* Per kind: preview of four rows and import into the filled database,
   * import into the empty one, import skipping invalid rows as UTF-8. */
  { { 0x00, 0x30 }, 2 }, { { 0x08, 0x00 }, 2 }, { { 0x88, 0x00 }, 2 }, { { 0x48, 0x01 }, 2 },
  { { 0x01, 0x30 }, 2 }, { { 0x09, 0x00 }, 2 }, { { 0x89, 0x00 }, 2 }, { { 0x49, 0x01 }, 2 },
  { { 0x02, 0x30 }, 2 }, { { 0x0A, 0x00 }, 2 }, { { 0x8A, 0x00 }, 2 }, { { 0x4A, 0x01 }, 2 },
  { { 0x03, 0x30 }, 2 }, { { 0x0B, 0x00 }, 2 }, { { 0x8B, 0x00 }, 2 }, { { 0x4B, 0x01 }, 2 },
};

static const Options reader_options[] = {
  /* ',' in blocks of 1 byte, ';' in blocks of 4, ',' in blocks of 64. */
  { { 0x00 }, 1 }, { { 0x0D }, 1 }, { { 0xFC }, 1 },
};

/* Runs one input through the target; asserts that it got through. */
static void
run_one (const char   *path,
         const guint8 *prefix,
         gsize         prefix_length,
         GBytes       *bytes)
{
  g_autofree guint8 *input = NULL;
  gsize size = g_bytes_get_size (bytes);
  guint before = ov_fuzz_n_run;

  g_test_message ("%s (%" G_GSIZE_FORMAT " option bytes, %" G_GSIZE_FORMAT " bytes)", path,
                  prefix_length, size);

  /* A copy of its own, so that reading past the end is caught by ASan. */
  input = g_malloc (prefix_length + size);
  if (prefix_length > 0)
    memcpy (input, prefix, prefix_length);
  if (size > 0)
    memcpy (input + prefix_length, g_bytes_get_data (bytes, NULL), size);

  g_assert_cmpint (LLVMFuzzerTestOneInput (input, prefix_length + size), ==, 0);

  if (ov_fuzz_n_run != before + 1)
    g_error ("%s: the fuzz target %s turned this input away; it tests nothing", path,
             OV_FUZZ_TARGET);
}

/* Runs every file of tests/fuzz/@top/@folder, each under every one of
 * @options (NULL: as it is); returns how many files there were. */
static guint
run_directory (const char    *top,
               const char    *folder,
               const Options *options,
               gsize          n_options)
{
  g_autofree char *dir = ov_test_fixture_path ("..", "fuzz", top, folder, NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return 0;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || name[0] == '.' ||
          g_str_has_prefix (name, "README"))
        continue;

      bytes = ov_test_read_file (path);
      if (options == NULL)
        run_one (path, NULL, 0, bytes);
      for (gsize i = 0; options != NULL && i < n_options; i++)
        run_one (path, options[i].bytes, options[i].length, bytes);
      n++;
    }

  return n;
}

/* Every input of the seed corpus goes through the target. */
static void
test_corpus (void)
{
  guint n = run_directory ("corpus", OV_FUZZ_TARGET, NULL, 0);

  g_test_message ("%u inputs", n);
  g_assert_cmpuint (n, >=, strcmp (OV_FUZZ_TARGET, "playbook") == 0 ? 20 : 100);
}

/* Every input that once went wrong (none may again): the target's own
 * inputs, and for the CSV targets the plain CSV files too. */
static void
test_regressions (void)
{
  guint n = run_directory ("regressions", OV_FUZZ_TARGET, NULL, 0);

  if (strcmp (OV_FUZZ_TARGET, "import") == 0)
    n += run_directory ("regressions", "csv", import_options, G_N_ELEMENTS (import_options));
  else if (strcmp (OV_FUZZ_TARGET, "reader") == 0)
    n += run_directory ("regressions", "csv", reader_options, G_N_ELEMENTS (reader_options));

  g_test_message ("%u inputs", n);
  g_assert_cmpuint (n, >=, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/fuzz-inputs/" OV_FUZZ_TARGET "/corpus", test_corpus);
  g_test_add_func ("/fuzz-inputs/" OV_FUZZ_TARGET "/regressions", test_regressions);

  return g_test_run ();
}
