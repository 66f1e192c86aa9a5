/* ov-csv-problem.h — what is wrong where in a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OV_CSV_ERROR (ov_csv_error_quark ())

typedef enum
{
  OV_CSV_ERROR_EMPTY,           /* no header row */
  OV_CSV_ERROR_QUOTE,           /* a quote where none may be */
  OV_CSV_ERROR_UNCLOSED_QUOTE,  /* a quoted field runs to the end of the file */
  OV_CSV_ERROR_RAGGED,          /* a row with more or fewer fields than the header */
  OV_CSV_ERROR_ENCODING,        /* bytes that are not UTF-8 */
  OV_CSV_ERROR_NUL,             /* a NUL byte */
  OV_CSV_ERROR_TOO_LONG,        /* a field over OV_CSV_MAX_FIELD_SIZE */
  OV_CSV_ERROR_COLUMN,          /* a missing, repeated or unknown column */
  OV_CSV_ERROR_VALUE,           /* a value that cannot be read */
  OV_CSV_ERROR_DATE_ORDER,      /* a date that could be D/M/Y or M/D/Y */
  OV_CSV_ERROR_NOT_FOUND,       /* a row names an account that does not exist */
  OV_CSV_ERROR_DUPLICATE,       /* a row clashes with another row or record */
} OvCsvError;

/* One problem, located by its physical line and character column in the
 * file (both from 1; a line break inside a quoted field starts a new line).
 * Warnings (e.g. an unknown column that is ignored) do not stop an import. */
typedef struct
{
  guint       line;
  guint       column;
  OvCsvError  code;
  gboolean    warning;
  char       *message;
} OvCsvProblem;

#define OV_TYPE_CSV_PROBLEM (ov_csv_problem_get_type ())

GQuark         ov_csv_error_quark      (void);
GType          ov_csv_problem_get_type (void) G_GNUC_CONST;
OvCsvProblem  *ov_csv_problem_new      (guint               line,
                                        guint               column,
                                        OvCsvError          code,
                                        const char         *format,
                                        ...) G_GNUC_PRINTF (4, 5);
OvCsvProblem  *ov_csv_problem_new_literal (guint            line,
                                           guint            column,
                                           OvCsvError       code,
                                           const char      *message);
OvCsvProblem  *ov_csv_problem_copy     (const OvCsvProblem *problem);
void           ov_csv_problem_free     (OvCsvProblem       *problem);
char          *ov_csv_problem_format   (const OvCsvProblem *problem,
                                        const char         *file_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvCsvProblem, ov_csv_problem_free)

G_END_DECLS
