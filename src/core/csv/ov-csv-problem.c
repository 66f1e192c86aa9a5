/* ov-csv-problem.c — what is wrong where in a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-csv-problem.h"

G_DEFINE_QUARK (ov-csv-error-quark, ov_csv_error)

G_DEFINE_BOXED_TYPE (OvCsvProblem, ov_csv_problem, ov_csv_problem_copy, ov_csv_problem_free)

OvCsvProblem *
ov_csv_problem_new_literal (guint       line,
                            guint       column,
                            OvCsvError  code,
                            const char *message)
{
  OvCsvProblem *problem = g_new0 (OvCsvProblem, 1);

  g_return_val_if_fail (message != NULL, NULL);

  problem->line = line;
  problem->column = column;
  problem->code = code;
  problem->message = g_strdup (message);

  return problem;
}

OvCsvProblem *
ov_csv_problem_new (guint       line,
                    guint       column,
                    OvCsvError  code,
                    const char *format,
                    ...)
{
  OvCsvProblem *problem;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  problem = g_new0 (OvCsvProblem, 1);
  problem->line = line;
  problem->column = column;
  problem->code = code;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  return problem;
}

OvCsvProblem *
ov_csv_problem_copy (const OvCsvProblem *problem)
{
  OvCsvProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = g_new (OvCsvProblem, 1);
  *copy = *problem;
  copy->message = g_strdup (problem->message);

  return copy;
}

void
ov_csv_problem_free (OvCsvProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

/* "FILE:LINE:COLUMN: message", the form compilers use, so editors and
 * terminals can jump to the place. */
char *
ov_csv_problem_format (const OvCsvProblem *problem,
                       const char         *file_name)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->warning)
    /* Translators: a problem that does not stop an import; FILE:LINE:COLUMN: warning: … */
    return g_strdup_printf (_("%s:%u:%u: warning: %s"),
                            file_name ? file_name : "", problem->line, problem->column,
                            problem->message);

  return g_strdup_printf ("%s:%u:%u: %s", file_name ? file_name : "",
                          problem->line, problem->column, problem->message);
}
