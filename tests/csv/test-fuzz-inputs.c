/* test-fuzz-inputs.c — the fuzzers' corpus and every input that once
 * crashed them, run through a fuzz target (fuzz-import.c, fuzz-reader.c
 * or fuzz-playbook.c, linked in) in every build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ov-test-support.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Folders under tests/; a target other than the CSV ones sets its own. */
#ifndef FUZZ_CORPUS
#define FUZZ_CORPUS      "fuzz/corpus"
#define FUZZ_REGRESSIONS "fuzz/regressions"
#define FUZZ_MIN_CORPUS  50
#endif

static guint
run_directory (const char *which)
{
  g_autofree char *dir = ov_test_fixture_path ("..", which, NULL);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || name[0] == '.' ||
          strcmp (name, "README") == 0)
        continue;

      g_test_message ("%s", path);
      bytes = ov_test_read_file (path);
      LLVMFuzzerTestOneInput (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      n++;
    }

  return n;
}

static void
test_corpus (void)
{
  g_assert_cmpuint (run_directory (FUZZ_CORPUS), >, FUZZ_MIN_CORPUS);
}

/* Every input that once crashed the fuzzer (none may crash again). */
static void
test_regressions (void)
{
  g_test_message ("%u inputs", run_directory (FUZZ_REGRESSIONS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzz-inputs/corpus", test_corpus);
  g_test_add_func ("/fuzz-inputs/regressions", test_regressions);

  return g_test_run ();
}
