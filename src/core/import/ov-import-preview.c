/* ov-import-preview.c — what an import would do with the first rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preview is a dry run of the import over the first rows: every row
 * comes with what would happen to it (create, update, unchanged, reject)
 * and the problems that would reject it, so an import dialog can show the
 * mapping and the rows before anything is written.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include "ov-import-preview-private.h"

typedef struct
{
  char           *name;
  char           *field;
  gboolean        is_set;
} Column;

typedef struct
{
  guint           line;
  char          **cells;
  guint           n_cells;
  OvImportAction  action;
  GPtrArray      *problems;
} Row;

struct _OvImportPreview
{
  GObject         parent_instance;

  OvCsvKind       kind;
  char            delimiter;
  OvCsvEncoding   encoding;
  Column         *columns;
  guint           n_columns;
  GArray         *rows;
  GPtrArray      *problems;
  OvImportResult *result;
};

G_DEFINE_FINAL_TYPE (OvImportPreview, ov_import_preview, G_TYPE_OBJECT)

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_clear_pointer (&row->problems, g_ptr_array_unref);
}

static void
ov_import_preview_finalize (GObject *object)
{
  OvImportPreview *self = (OvImportPreview *)object;

  for (guint i = 0; i < self->n_columns; i++)
    {
      g_free (self->columns[i].name);
      g_free (self->columns[i].field);
    }
  g_free (self->columns);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->problems);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (ov_import_preview_parent_class)->finalize (object);
}

static void
ov_import_preview_class_init (OvImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_import_preview_finalize;
}

static void
ov_import_preview_init (OvImportPreview *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_csv_problem_free);
}

OvImportPreview *
ov_import_preview_new (OvCsvKind     kind,
                       char          delimiter,
                       OvCsvEncoding encoding,
                       guint         n_columns)
{
  OvImportPreview *self = g_object_new (OV_TYPE_IMPORT_PREVIEW, NULL);

  self->kind = kind;
  self->delimiter = delimiter;
  self->encoding = encoding;
  self->n_columns = n_columns;
  self->columns = g_new0 (Column, n_columns);

  return self;
}

void
ov_import_preview_set_column (OvImportPreview *self,
                              guint            column,
                              const char      *name,
                              const char      *field,
                              gboolean         is_set)
{
  g_return_if_fail (column < self->n_columns);

  g_free (self->columns[column].name);
  g_free (self->columns[column].field);
  self->columns[column].name = g_strdup (name);
  self->columns[column].field = g_strdup (field);
  self->columns[column].is_set = is_set;
}

/* Takes @cells and a reference on @problems. */
void
ov_import_preview_add_row (OvImportPreview  *self,
                           guint             line,
                           char            **cells,
                           OvImportAction    action,
                           GPtrArray        *problems)
{
  Row row = { line, cells, g_strv_length (cells), action, g_ptr_array_ref (problems) };

  g_array_append_val (self->rows, row);
}

void
ov_import_preview_add_problem (OvImportPreview    *self,
                               const OvCsvProblem *problem)
{
  g_ptr_array_add (self->problems, ov_csv_problem_copy (problem));
}

void
ov_import_preview_set_result (OvImportPreview *self,
                              OvImportResult  *result)
{
  g_set_object (&self->result, result);
}

OvCsvKind
ov_import_preview_get_kind (OvImportPreview *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), OV_CSV_KIND_ACCOUNTS);

  return self->kind;
}

/* The delimiter in use: detected, unless one was set on the importer. */
char
ov_import_preview_get_delimiter (OvImportPreview *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), 0);

  return self->delimiter;
}

/* The encoding in use: detected, unless one was set on the importer. */
OvCsvEncoding
ov_import_preview_get_encoding (OvImportPreview *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), OV_CSV_ENCODING_AUTO);

  return self->encoding;
}

/* The columns of the file's header, in file order. */
guint
ov_import_preview_get_n_columns (OvImportPreview *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), 0);

  return self->n_columns;
}

const char *
ov_import_preview_get_column_name (OvImportPreview *self,
                                   guint            column)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->columns[column].name;
}

/* The canonical name of the field the column fills (see
 * ov_csv_kind_get_fields()), or %NULL when the column is ignored. */
const char *
ov_import_preview_get_column_field (OvImportPreview *self,
                                    guint            column)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->columns[column].field;
}

/* TRUE when the mapping of the column was chosen with
 * ov_importer_set_column_field() rather than matched from its name. */
gboolean
ov_import_preview_get_column_is_set (OvImportPreview *self,
                                     guint            column)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  return self->columns[column].is_set;
}

guint
ov_import_preview_get_n_rows (OvImportPreview *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), 0);

  return self->rows->len;
}

guint
ov_import_preview_get_row_line (OvImportPreview *self,
                                guint            row)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, Row, row).line;
}

/* The text of a cell as in the file; "" where a short row has none. */
const char *
ov_import_preview_get_cell (OvImportPreview *self,
                            guint            row,
                            guint            column)
{
  const Row *r;

  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = &g_array_index (self->rows, Row, row);
  return column < r->n_cells ? r->cells[column] : "";
}

OvImportAction
ov_import_preview_get_row_action (OvImportPreview *self,
                                  guint            row)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), OV_IMPORT_ACTION_REJECT);
  g_return_val_if_fail (row < self->rows->len, OV_IMPORT_ACTION_REJECT);

  return g_array_index (self->rows, Row, row).action;
}

guint
ov_import_preview_get_row_n_problems (OvImportPreview *self,
                                      guint            row)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, Row, row).problems->len;
}

const OvCsvProblem *
ov_import_preview_get_row_problem (OvImportPreview *self,
                                   guint            row,
                                   guint            index)
{
  const Row *r;

  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = &g_array_index (self->rows, Row, row);
  g_return_val_if_fail (index < r->problems->len, NULL);

  return g_ptr_array_index (r->problems, index);
}

/* Problems of the file as a whole: unknown, missing or repeated columns,
 * and what stopped the reading, if anything did. */
guint
ov_import_preview_get_n_problems (OvImportPreview *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), 0);

  return self->problems->len;
}

const OvCsvProblem *
ov_import_preview_get_problem (OvImportPreview *self,
                               guint            index)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return g_ptr_array_index (self->problems, index);
}

/* The counts of the previewed rows, as a dry run reports them. */
OvImportResult *
ov_import_preview_get_result (OvImportPreview *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (self), NULL);

  return self->result;
}
