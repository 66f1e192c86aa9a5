/* bench-support.c — what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-support.h"
#include "ov-store-private.h"

/* A new database in a temporary folder of its own. */
OvStore *
bench_open_temp (char **dir,
                 char **path)
{
  g_autoptr(GError) error = NULL;
  OvStore *store;

  *dir = g_dir_make_tmp ("overture-bench-XXXXXX", &error);
  if (*dir == NULL)
    g_error ("%s", error->message);
  *path = g_build_filename (*dir, "bench.db", NULL);
  store = ov_store_open (*path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

/* Runs @sql in one transaction; any failure ends the benchmark. */
void
bench_fill (OvStore    *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!ov_store_exec (store, "BEGIN", &error) || !ov_store_exec (store, sql, &error) ||
      !ov_store_exec (store, "COMMIT", &error))
    g_error ("%s", error->message);
}

/* Removes the database at @path with its side files, and @dir. */
void
bench_remove (const char *dir,
              const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}
