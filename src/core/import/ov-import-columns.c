/* ov-import-columns.c — opening the file of an import: its source, the
 * reader and its header, the columns mapped to fields, and numeric dates
 * read through once when a column's order is undecided
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-import-engine.h"

static GInputStream *
open_source (OvImporter    *self,
             GCancellable  *cancellable,
             guint64       *size,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  GFileInputStream *stream;

  if (self->bytes != NULL)
    {
      *size = g_bytes_get_size (self->bytes);
      return g_memory_input_stream_new_from_bytes (self->bytes);
    }

  stream = g_file_read (self->file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                         NULL);
  *size = info != NULL ? g_file_info_get_size (info) : 0;

  return G_INPUT_STREAM (stream);
}

void
ov_import_add_fatal_problem (OvImportRun *run)
{
  const OvCsvProblem *fatal = ov_csv_reader_get_fatal_problem (run->reader);

  ov_import_run_problem (run, ov_csv_problem_copy (fatal));
  run->fatal = TRUE;
}

/* Opens the file and reads its header. A header that cannot be read is
 * the file's problem (run->fatal); FALSE means reading itself failed. */
gboolean
ov_import_open_reader (OvImporter   *self,
                       OvImportRun  *run,
                       Progress     *progress,
                       GError      **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 size = 0;

  stream = open_source (self, run->cancellable, &size, error);
  if (stream == NULL)
    return FALSE;

  if (progress != NULL)
    progress->total = size;
  run->source_size = size;

  run->reader = ov_csv_reader_new (stream, self->delimiter, self->encoding);
  /* A whole file: parse ahead in a thread while rows are written. */
  ov_csv_reader_set_read_ahead (run->reader, run->max_rows == 0);
  if (!ov_csv_reader_read_header (run->reader, run->cancellable, &local_error))
    {
      if (ov_csv_reader_get_fatal_problem (run->reader) == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      ov_import_add_fatal_problem (run);
    }

  return TRUE;
}

/* Which field each column fills: the user's choice, else its name. Unknown
 * columns are reported, in one warning, and left out; two columns for one field are not
 * allowed, since which one to believe cannot be told. */
void
ov_import_map_columns (OvImporter      *self,
                       OvImportRun     *run,
                       OvImportPreview *preview)
{
  guint n_columns = ov_csv_reader_get_n_columns (run->reader);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_unknown = 0, first_line = 1, first_character = 1;

  for (guint i = 0; i < OV_IMPORT_MAX_FIELDS; i++)
    run->column_of[i] = -1;

  for (guint column = 0; column < n_columns; column++)
    {
      const char *name = ov_csv_reader_get_column_name (run->reader, column);
      const char *chosen = g_hash_table_lookup (self->overrides, GUINT_TO_POINTER (column + 1));
      int field;
      guint line, character;

      if (chosen != NULL)
        field = chosen[0] != '\0' ? ov_csv_kind_find_field (self->kind, chosen) : -1;
      else
        field = ov_csv_kind_match_column (self->kind, name);

      ov_csv_reader_get_column_position (run->reader, column, &line, &character);

      if (field >= 0 && run->column_of[field] >= 0)
        {
          const char *first = ov_csv_reader_get_column_name (run->reader, run->column_of[field]);

          ov_import_run_problem (run, ov_csv_problem_new (line, character, OV_CSV_ERROR_COLUMN,
                                                          _("the columns “%s” and “%s” both "
                                                            "hold %s; leave one of them out"),
                                                          first, name, run->fields[field].id));
          run->fatal = TRUE;
          field = -1;
        }
      else if (field < 0 && chosen == NULL)
        {
          if (n_unknown == 0)
            {
              first_line = line;
              first_character = character;
            }
          if (n_unknown < MAX_NAMED_UNKNOWN)
            {
              if (n_unknown > 0)
                g_string_append (names, _(", "));
              /* Translators: a column's name in a list of them */
              g_string_append_printf (names, _("“%s”"), name);
            }
          n_unknown++;
        }

      if (field >= 0)
        run->column_of[field] = column;

      if (preview != NULL)
        ov_import_preview_set_column (preview, column, name,
                                      field >= 0 ? run->fields[field].id : NULL, chosen != NULL);
    }

  /* Columns left out, in one line: an export from a CRM has dozens. */
  if (n_unknown > 0)
    {
      OvCsvProblem *problem;

      if (n_unknown > MAX_NAMED_UNKNOWN)
        g_string_append_printf (names, ngettext (" and %u more", " and %u more",
                                                 n_unknown - MAX_NAMED_UNKNOWN),
                                n_unknown - MAX_NAMED_UNKNOWN);

      if (n_unknown == 1)
        problem = ov_csv_problem_new (first_line, first_character, OV_CSV_ERROR_COLUMN,
                                      _("the column %s is not imported: no field of %s has "
                                        "that name"),
                                      names->str, ov_csv_kind_get_id (self->kind));
      else
        problem = ov_csv_problem_new (first_line, first_character, OV_CSV_ERROR_COLUMN,
                                      ngettext ("%u column is not imported, as no field of %s "
                                                "has its name: %s",
                                                "%u columns are not imported, as no field of "
                                                "%s has their names: %s",
                                                n_unknown),
                                      n_unknown, ov_csv_kind_get_id (self->kind), names->str);
      problem->warning = TRUE;
      ov_import_run_problem (run, problem);
    }

  if (!run->fatal)
    run->klass->check_columns (run);
}

/* Reads the date columns of the whole file and lets each column's values
 * tell the order of its numeric dates. */
gboolean
ov_import_prescan_dates (OvImporter   *self,
                         OvImportRun  *run,
                         guint         max_rows,
                         GError      **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(OvCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const OvCsvRow *row;
  guint64 size;
  guint n_rows = 0;

  stream = open_source (self, run->cancellable, &size, error);
  if (stream == NULL)
    return FALSE;

  reader = ov_csv_reader_new (stream, self->delimiter, self->encoding);
  ov_csv_reader_set_read_ahead (reader, max_rows == 0);
  if (!ov_csv_reader_read_header (reader, run->cancellable, NULL))
    return TRUE;

  while ((max_rows == 0 || n_rows < max_rows) &&
         (row = ov_csv_reader_next_row (reader, run->cancellable, &local_error)) != NULL)
    {
      n_rows++;
      if (ov_csv_row_get_problem (row) != NULL)
        continue;

      for (guint field = 0; field < run->n_fields; field++)
        {
          const char *text;
          OvDateOrder guess;

          if (run->fields[field].type != OV_CSV_VALUE_DATE || run->column_of[field] < 0 ||
              run->date_conflict_line[field] > 0)
            continue;

          text = ov_csv_row_get_field (row, run->column_of[field], NULL);
          guess = ov_date_guess_order (text);
          if (guess == OV_DATE_ORDER_AUTO)
            continue;

          if (run->date_order[field] == OV_DATE_ORDER_AUTO)
            {
              run->date_order[field] = guess;
              run->date_order_line[field] = ov_csv_row_get_line (row);
              g_free (run->date_order_text[field]);
              run->date_order_text[field] = g_strstrip (g_strdup (text));
            }
          else if (run->date_order[field] != guess)
            {
              run->date_conflict_line[field] = ov_csv_row_get_line (row);
              run->date_conflict_text[field] = g_strstrip (g_strdup (text));
            }
        }
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      (local_error != NULL && ov_csv_reader_get_fatal_problem (reader) == NULL))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  run->dates_prescanned = TRUE;
  return TRUE;
}
