/* ov-csv-row.c — one row of a CSV file: its fields and where they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include "ov-csv-reader-internal.h"

/* The line the row starts on. */
guint
ov_csv_row_get_line (const OvCsvRow *row)
{
  g_return_val_if_fail (row != NULL, 0);

  return row->line;
}

guint
ov_csv_row_get_n_fields (const OvCsvRow *row)
{
  g_return_val_if_fail (row != NULL, 0);

  return row->n_fields;
}

/* Returns: (nullable): the field's text, NUL-terminated (a NUL byte inside
 * is a problem of the row), or %NULL past the row's last field. */
const char *
ov_csv_row_get_field (const OvCsvRow *row,
                      guint           index,
                      gsize          *length)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (index >= row->n_fields)
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }

  if (length != NULL)
    *length = row->fields[index].length;

  return row->arena + row->fields[index].offset;
}

/* The first control character (U+0000 to U+001F) in field @index other
 * than tab and line breaks, or -1 when it has none. */
int
ov_csv_row_get_control (const OvCsvRow *row,
                        guint           index)
{
  g_return_val_if_fail (row != NULL, -1);

  return index < row->n_fields ? row->fields[index].control : -1;
}

/* Where field @index starts (its opening quote, if quoted). */
void
ov_csv_row_get_position (const OvCsvRow *row,
                         guint           index,
                         guint          *line,
                         guint          *character)
{
  g_return_if_fail (row != NULL);
  g_return_if_fail (index < row->n_fields);

  if (line != NULL)
    *line = row->fields[index].line;
  if (character != NULL)
    *character = row->fields[index].column;
}

/* Returns: (nullable): why the row cannot be used: a quoting or encoding
 * error, a NUL byte, or the wrong number of fields. */
const OvCsvProblem *
ov_csv_row_get_problem (const OvCsvRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return row->problem;
}
