/* cli-test-support.c — what the tests of overture-cli share: a folder and
 * a database of their own, files, and running the command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "cli-test-support.h"

void
cli_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("OVERTURE_TODAY", "2026-03-02", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ov_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "cli.db", NULL);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Runs overture-cli with the arguments (NULL-terminated); returns its exit
 * status and what it wrote. */
static int
run_cli_v (char        **out,
           char        **err,
           const char   *first,
           va_list       args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("OVERTURE_CLI");
  char *stdout_text = NULL, *stderr_text = NULL;
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer)cli);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  /* Tests reuse one variable for several runs: replace what it held. */
  if (out != NULL)
    {
      g_free (*out);
      *out = stdout_text;
    }
  else
    g_free (stdout_text);
  if (err != NULL)
    {
      g_free (*err);
      *err = stderr_text;
    }
  else
    g_free (stderr_text);

  return WEXITSTATUS (status);
}

int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_v (out, err, first, args);
  va_end (args);

  return status;
}

char *
dump_db (const char *path)
{
  g_autoptr(OvStore) store = ov_store_open (path, NULL);

  g_assert_nonnull (store);
  return csv_test_dump (store);
}
