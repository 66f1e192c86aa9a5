/* ov-answers-export.c — answers as a list shows them, written to CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Answers view exports: exactly the rows it shows, in its order,
 * with the columns of the interviews export so the file reads the same
 * and imports back. The file is replaced only once it is whole; text that
 * a spreadsheet would run as a formula is neutralised by the writer.
 */

#define G_LOG_DOMAIN "ov-export"

#include "config.h"

#include "ov-answers-export.h"
#include "ov-csv-writer.h"
#include "ov-date.h"
#include "ov-interview-answer.h"

static const char *const columns[] = {
  "account_external_id", "account", "interviewed_on", "interviewer", "interviewee",
  "question", "answer",
};

static gboolean
write_rows (GPtrArray      *answers,
            GOutputStream  *stream,
            guint64        *n_rows,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(OvCsvWriter) writer = ov_csv_writer_new (stream, ',', FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    ov_csv_writer_add_text (writer, columns[i], -1);
  if (!ov_csv_writer_end_row (writer, cancellable, error))
    return FALSE;

  for (guint i = 0; i < answers->len; i++)
    {
      OvInterviewAnswer *answer = g_ptr_array_index (answers, i);
      g_autofree char *date = ov_date_to_iso (ov_interview_answer_get_held_on (answer));

      ov_csv_writer_add_text (writer, ov_interview_answer_get_account_external_id (answer), -1);
      ov_csv_writer_add_text (writer, ov_interview_answer_get_account_name (answer), -1);
      ov_csv_writer_add_text (writer, date != NULL ? date : "", -1);
      ov_csv_writer_add_text (writer, ov_interview_answer_get_interviewer (answer), -1);
      ov_csv_writer_add_text (writer, ov_interview_answer_get_interviewee (answer), -1);
      ov_csv_writer_add_text (writer, ov_interview_answer_get_question_text (answer), -1);
      ov_csv_writer_add_text (writer, ov_interview_answer_get_answer (answer), -1);
      if (!ov_csv_writer_end_row (writer, cancellable, error))
        return FALSE;
    }

  if (!ov_csv_writer_flush (writer, cancellable, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = answers->len;
  return TRUE;
}

gboolean
ov_answers_export_write (GPtrArray     *answers,
                         GFile         *file,
                         guint64       *n_rows,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) temporary = NULL;

  g_return_val_if_fail (answers != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stream = ov_csv_replace_begin (file, &temporary, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!write_rows (answers, stream, n_rows, cancellable, error))
    {
      ov_csv_replace_abandon (stream, temporary);
      return FALSE;
    }

  return ov_csv_replace_commit (stream, temporary, file, cancellable, error);
}

typedef struct
{
  GPtrArray *answers;
  GFile     *file;
  guint64    n_rows;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_ptr_array_unref (job->answers);
  g_object_unref (job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (ov_answers_export_write (job->answers, job->file, &job->n_rows, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ov_answers_export_write_async (GPtrArray           *answers,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (answers != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->answers = g_ptr_array_ref (answers);
  job->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ov_answers_export_write_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ov_answers_export_write_finish (GAsyncResult  *result,
                                guint64       *n_rows,
                                GError       **error)
{
  ExportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (n_rows != NULL)
    *n_rows = job->n_rows;
  return TRUE;
}
