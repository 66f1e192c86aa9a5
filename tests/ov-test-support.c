/* ov-test-support.c — what many tests need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ov-test-support.h"

/* A fresh private directory under the system's temporary folder. */
char *
ov_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("overture-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ov_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ov_test_remove_dir (child);
      else
        {
          g_chmod (child, 0600);
          g_unlink (child);
        }
    }

  g_chmod (path, 0700);
  g_rmdir (path);
}

/* A path under tests/fixtures (OVERTURE_FIXTURES, set by meson). */
char *
ov_test_fixture_path (const char *first_element,
                      ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *root = g_getenv ("OVERTURE_FIXTURES");
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer)root);

  va_start (args, first_element);
  for (const char *part = first_element; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)part);
  va_end (args);

  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **)parts->pdata);
}

/* An empty, migrated store in a new temporary directory. */
OvStore *
ov_test_new_store (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  OvStore *store = ov_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  if (dir_out != NULL)
    *dir_out = g_steal_pointer (&dir);

  return store;
}

GBytes *
ov_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* The permission bits of @path (0640, …). */
guint
ov_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

guint
ov_test_count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint count = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    count++;
  return count;
}

char *
ov_test_pdf_text (const char *path,
                  guint      *n_pages)
{
  const char *pdftotext = g_getenv ("OVERTURE_PDFTOTEXT");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { pdftotext, "-layout", path, "-", NULL };

  if (pdftotext == NULL || !g_file_test (pdftotext, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("pdftotext (poppler-utils) is needed: build-aux/deps.sh installs it");

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  /* Each page ends in a form feed. */
  if (n_pages != NULL)
    {
      *n_pages = 0;
      for (const char *p = out; *p != '\0'; p++)
        *n_pages += *p == '\f';
    }
  return g_steal_pointer (&out);
}

/* Scribbles over the header of the first page of @table: a damage only
 * reading that table, or checking every page, finds. */
void
ov_test_damage_table (const char *path,
                      const char *table)
{
  g_autofree char *contents = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 page_size, root;
  gsize length;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT page_size FROM pragma_page_size), "
                                           "rootpage FROM sqlite_schema WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  root = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (root, >, 1);
  g_assert_cmpuint (length, >=, (gsize)(root * page_size));
  for (gint64 i = 0; i < 12; i++)
    contents[(root - 1) * page_size + i] = (char)(0x42 + i * 29);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_chmod (path, 0600);
}

char *
ov_test_account_ids (GListModel *accounts)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (accounts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OvAccount) account = g_list_model_get_item (accounts, i);

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "",
                              ov_account_get_id (account));
    }

  return g_string_free (out, FALSE);
}
