/* ov-store-job.c — store work in a worker thread, on a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anything whose cost grows with the portfolio runs here, never on the main
 * loop: the job gets a second connection to the database (one connection is
 * never shared by threads), and its outcome and data come back in the main
 * context of the caller, as a GTask whose source object is the caller. The
 * caller's cancellable (cancelled in its dispose) makes a late result come
 * back as G_IO_ERROR_CANCELLED.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include "ov-store-job.h"

typedef struct
{
  OvStore         *store;
  OvStoreJobFunc   job;
  gpointer         data;
  GDestroyNotify   data_free;
  OvProgressRelay *relay;     /* NULL without a progress function */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_clear_pointer (&job->relay, ov_progress_relay_unref);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(OvStore) connection = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  connection = ov_store_open_another (job->store, &error);
  if (connection == NULL ||
      !job->job (connection, job->data, job->relay != NULL ? ov_progress_relay_report : NULL,
                 job->relay, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * ov_store_run_async:
 * @source_object: (nullable): the caller, the task's source object
 * @data: (transfer full): what the job reads from and writes into
 * @progress: (nullable) (scope async): told how far the job has come, in
 *   the caller's main context
 *
 * Runs @job in a worker with a connection of its own to @store's database.
 */
void
ov_store_run_async (OvStore             *store,
                    gpointer             source_object,
                    OvStoreJobFunc       job_func,
                    gpointer             data,
                    GDestroyNotify       data_free,
                    OvProgressFunc       progress,
                    gpointer             progress_data,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (OV_IS_STORE (store));
  g_return_if_fail (job_func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (Job, 1);
  job->store = g_object_ref (store);
  job->job = job_func;
  job->data = data;
  job->data_free = data_free;
  if (progress != NULL)
    job->relay = ov_progress_relay_new (progress, progress_data, NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, ov_store_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_job);
}

/**
 * ov_store_run_finish:
 * @data: (out) (optional) (transfer none): the job's data, owned by the
 *   result; set on failure too
 *
 * Returns: %FALSE with @error set when the job failed or was cancelled
 */
gboolean
ov_store_run_finish (GAsyncResult  *result,
                     gpointer      *data,
                     GError       **error)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ov_store_run_async, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (data != NULL)
    *data = job->data;

  return g_task_propagate_boolean (G_TASK (result), error);
}
