/* ov-review-report.c — the review report of one account as an A4 PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathered (ov-review-report-data.c), built into blocks
 * (ov-review-report-sections.c), paginated and painted
 * (ov-review-report-layout.c) into memory, then written beside the file
 * and renamed over it: a report is there whole or not at all. Cairo and
 * Pango only, so the command line makes it without a display.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ov-csv-writer.h"
#include "ov-review-report-private.h"
#include "ov-store-job.h"

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ov_review_report_render:
 * @n_pages: (out) (optional): how many pages the report has
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set when cairo
 *   could not draw it
 */
GBytes *
ov_review_report_render (OvReviewData  *data,
                         guint         *n_pages,
                         GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(OvReportDoc) doc = ov_report_doc_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (data != NULL && OV_IS_ACCOUNT (data->account), NULL);

  ov_review_report_build (doc, data);
  ov_report_doc_paginate (doc);

  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, OV_REPORT_PAGE_WIDTH,
                                                 OV_REPORT_PAGE_HEIGHT);
  /* Translators: the title a PDF viewer shows for the review report */
  title = g_strdup_printf (_("Onboarding review: %s"), ov_account_get_name (data->account));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Overture");

  cr = cairo_create (surface);
  for (guint page = 0; page < doc->n_pages; page++)
    {
      ov_report_doc_paint_page (doc, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the review report: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (n_pages != NULL)
    *n_pages = doc->n_pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
write_bytes (GBytes        *bytes,
             const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GOutputStream) stream = NULL;

  stream = ov_csv_replace_begin (file, &temporary, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      ov_csv_replace_abandon (stream, temporary);
      g_prefix_error (error, _("Could not write “%s”: "), name);
      return FALSE;
    }

  return ov_csv_replace_commit (stream, temporary, file, cancellable, error);
}

/**
 * ov_review_report_write:
 * @account_id: the account (not deleted)
 * @today: the day the report is made on
 * @path: where the PDF goes; a file there is replaced
 *
 * Returns: %FALSE with @error set when the account is not there (nothing
 *   is written) or the file cannot be written (@path is as it was)
 */
gboolean
ov_review_report_write (OvStore       *store,
                        gint64         account_id,
                        OvDate         today,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(OvReviewData) data = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != OV_DATE_NONE, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = ov_review_data_gather (store, account_id, today, cancellable, error);
  if (data == NULL)
    return FALSE;

  bytes = ov_review_report_render (data, NULL, error);
  if (bytes == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return write_bytes (bytes, path, cancellable, error);
}

typedef struct
{
  gint64  account_id;
  OvDate  today;
  char   *path;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  g_free (job);
}

/* In a worker (ov_store_run_async()). */
static gboolean
write_in_worker (OvStore         *connection,
                 gpointer         user_data,
                 OvProgressFunc   progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  WriteJob *job = user_data;

  return ov_review_report_write (connection, job->account_id, job->today, job->path,
                                 cancellable, error);
}

/**
 * ov_review_report_write_async:
 * @source_object: (nullable): the caller, the task's source object
 *
 * ov_review_report_write() on a connection of its own, in a worker.
 */
void
ov_review_report_write_async (OvStore             *store,
                              gpointer             source_object,
                              gint64               account_id,
                              OvDate               today,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  WriteJob *job;

  g_return_if_fail (OV_IS_STORE (store));
  g_return_if_fail (today != OV_DATE_NONE);
  g_return_if_fail (path != NULL);

  job = g_new0 (WriteJob, 1);
  job->account_id = account_id;
  job->today = today;
  job->path = g_strdup (path);
  ov_store_run_async (store, source_object, write_in_worker, job, (GDestroyNotify)write_job_free,
                      NULL, NULL, cancellable, callback, user_data);
}

gboolean
ov_review_report_write_finish (GAsyncResult  *result,
                               GError       **error)
{
  return ov_store_run_finish (result, NULL, error);
}

/**
 * ov_review_report_suggest_name:
 * @name: the account's name
 *
 * Returns: (transfer full): "Acme Review.pdf", with no '/' or '\\' in it
 */
char *
ov_review_report_suggest_name (const char *name)
{
  g_autofree char *stripped = NULL;
  char *suggestion;

  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  /* Translators: the file name suggested for an account's review report;
   * keep ".pdf" at the end */
  suggestion = g_strdup_printf (_("%s Review.pdf"), *stripped != '\0' ? stripped : "Overture");
  g_strdelimit (suggestion, "/\\", '-');
  return suggestion;
}
