/* csv-test-support.c — what the CSV tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "csv-test-support.h"
#include "ov-store-private.h"

/* Every row of @sql's result, columns separated by '|', rows by '\n'. */
char *
csv_test_query (OvStore    *store,
                const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (ov_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            g_string_append (out, "NULL");
          else
            g_string_append (out, (const char *)sqlite3_column_text (stmt, i));
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

/* Everything an import may touch, in a stable order: equal dumps mean
 * nothing changed. */
char *
csv_test_dump (OvStore *store)
{
  static const char * const queries[] = {
    "SELECT * FROM accounts ORDER BY id",
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM person_roles ORDER BY person_id, role",
    "SELECT * FROM tasks ORDER BY id",
    "SELECT * FROM metric_values ORDER BY id",
    "SELECT * FROM meetings ORDER BY id",
    "SELECT * FROM packages ORDER BY id",
    "SELECT * FROM stage_events ORDER BY id",
    "SELECT * FROM import_batches ORDER BY id",
    "SELECT * FROM import_backups ORDER BY batch_id, row_id",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *rows = csv_test_query (store, queries[i]);

      g_string_append_printf (out, "-- %s\n%s", queries[i], rows);
    }

  return g_string_free (out, FALSE);
}

OvImportResult *
csv_test_import (OvStore     *store,
                 OvCsvKind    kind,
                 const char  *text,
                 OvDateOrder  order,
                 gboolean     skip_invalid)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(OvImporter) importer = ov_importer_new_for_bytes (kind, bytes, "test.csv");
  g_autoptr(GError) error = NULL;
  OvImportResult *result;

  ov_importer_set_date_order (importer, order);
  ov_importer_set_skip_invalid (importer, skip_invalid);
  result = ov_importer_run (importer, store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

/* "LINE:COLUMN: message" per problem, as the command line prints them. */
char *
csv_test_problems (OvImportResult *result)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ov_import_result_get_n_problems (result); i++)
    {
      g_autofree char *line = ov_csv_problem_format (ov_import_result_get_problem (result, i),
                                                     NULL);

      /* Without a file name the line starts with ':' */
      g_string_append_printf (out, "%s\n", line + 1);
    }

  return g_string_free (out, FALSE);
}

char *
csv_test_export (OvStore   *store,
                 OvCsvKind  kind)
{
  g_autoptr(OvExporter) exporter = ov_exporter_new (kind);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  g_assert_true (ov_exporter_write_stream (exporter, store, stream, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

void
csv_test_store_set_up (CsvTestStore  *fixture,
                       gconstpointer  data)
{
  g_setenv ("OVERTURE_TODAY", "2026-03-02", TRUE);
  fixture->store = ov_test_new_store (&fixture->dir);
}

void
csv_test_store_tear_down (CsvTestStore  *fixture,
                          gconstpointer  data)
{
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}
