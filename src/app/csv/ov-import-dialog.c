/* ov-import-dialog.c — choose how a CSV file is read, preview it, import it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every choice made here (kind, separator, encoding, date order, which
 * field each column fills) is handed to the core's importer, which does
 * all the reading and checking. The dialog runs one job at a time in a
 * thread, each on a connection of its own: a preview of the first rows,
 * then a dry run over the whole file for the counts and the problems, and
 * finally the import. A new choice cancels the running job and starts a
 * fresh preview; the two would otherwise wait on each other's write lock.
 *
 * How the file is read, which field each column fills, the preview table
 * and the problem list are widgets of their own (ov-import-options.c,
 * ov-import-mapping.c, ov-import-preview-table.c, ov-import-problems.c);
 * the dialog runs the jobs and shows what they found in them.
 */

#define G_LOG_DOMAIN "ov-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-import-dialog.h"
#include "ov-import-mapping.h"
#include "ov-import-options.h"
#include "ov-import-preview-table.h"
#include "ov-import-problems.h"
#include "ov-import-undo.h"

/* Rows shown in the preview table. */
#define PREVIEW_ROWS 25

typedef enum
{
  JOB_NONE,
  JOB_PREVIEW,
  JOB_CHECK,
  JOB_IMPORT,
} Job;

struct _OvImportDialog
{
  AdwWindow          parent_instance;

  OvWindow          *window;
  OvStore           *store;
  GFile             *file;

  OvImportPreview   *preview;
  OvImportResult    *check;           /* the dry run over the whole file */

  Job                job;
  Job                next;
  GCancellable      *job_cancellable;
  gboolean           close_when_done;
  gboolean           disposed;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *import_button;
  GtkStack          *main_stack;
  AdwStatusPage     *failed_page;
  GtkScrolledWindow *setup_scroller;
  GtkLabel          *summary_label;
  GtkProgressBar    *check_progress;
  GtkLabel          *rule_label;
  GtkLabel          *outcome_label;
  GtkLabel          *notice_label;
  GtkSwitch         *skip_switch;
  OvImportOptions   *options;
  OvImportMapping   *mapping;
  OvImportPreviewTable *preview_table;
  OvImportProblems  *problems;
  GtkLabel          *progress_title;
  GtkProgressBar    *progress_bar;
  GtkWidget         *stop_button;
  AdwStatusPage     *refused_page;
  OvImportProblems  *refused_problems;
};

G_DEFINE_FINAL_TYPE (OvImportDialog, ov_import_dialog, ADW_TYPE_WINDOW)

static void schedule (OvImportDialog *self,
                      Job             job);

static OvImporter *
make_importer (OvImportDialog *self,
               gboolean        dry_run)
{
  OvImporter *importer = ov_import_options_new_importer (self->options, self->file);

  ov_import_mapping_apply (self->mapping, importer);
  ov_importer_set_skip_invalid (importer, gtk_switch_get_active (self->skip_switch));
  ov_importer_set_dry_run (importer, dry_run);

  return importer;
}

static void
update_busy (OvImportDialog *self)
{
  gboolean checking = self->job == JOB_CHECK;

  gtk_widget_set_visible (GTK_WIDGET (self->check_progress), checking);
  if (!checking)
    gtk_progress_bar_set_fraction (self->check_progress, 0.0);
}

/* Problems of the file itself, not of one row: these stop any import. */
static gboolean
preview_has_file_error (OvImportPreview *preview)
{
  for (guint i = 0; i < ov_import_preview_get_n_problems (preview); i++)
    if (!ov_import_preview_get_problem (preview, i)->warning)
      return TRUE;

  return FALSE;
}

static void
update_problems (OvImportDialog *self)
{
  if (self->check != NULL)
    ov_import_problems_show_result (self->problems, self->check);
  else if (self->preview != NULL)
    ov_import_problems_show_preview (self->problems, self->preview);
  else
    ov_import_problems_clear (self->problems);
}

/* "1,204 rows: 1,150 new, 40 updated, 14 with errors" */
static char *
describe_counts (OvImportResult *result)
{
  guint n_rows = ov_import_result_get_n_created (result) +
                 ov_import_result_get_n_updated (result) +
                 ov_import_result_get_n_unchanged (result) +
                 ov_import_result_get_n_rejected (result);
  g_autofree char *count = ov_app_format_count (n_rows);
  g_autofree char *rows = NULL;
  g_autofree char *joined = NULL;

  if (n_rows == 0)
    return g_strdup (_("The file has no rows to import"));

  rows = g_strdup_printf (ngettext ("%s row", "%s rows", n_rows), count);
  joined = ov_import_join_counts (result, FALSE);

  /* Translators: "12 rows: 10 new, 2 updated" */
  return g_strdup_printf (_("%s: %s"), rows, joined);
}

static gboolean
preview_maps (OvImportPreview *preview,
              const char      *field)
{
  for (guint i = 0; i < ov_import_preview_get_n_columns (preview); i++)
    if (g_strcmp0 (ov_import_preview_get_column_field (preview, i), field) == 0)
      return TRUE;

  return FALSE;
}

/* What the accounts the import makes will be: stage, status, tasks. */
static char *
describe_new_accounts (OvImportPreview *preview)
{
  const char *embark = ov_stage_get_title (OV_STAGE_EMBARK);
  gboolean stage = preview_maps (preview, "stage");
  gboolean status = preview_maps (preview, "status");

  if (stage && status)
    return g_strdup_printf (_("New accounts start in the stage and with the status their row "
                              "gives (%s and active where it gives none), with the tasks of "
                              "their stage's playbook."), embark);
  if (stage)
    return g_strdup_printf (_("New accounts start in the stage their row gives (%s where it "
                              "gives none) as active accounts, with the tasks of their stage's "
                              "playbook."), embark);
  if (status)
    return g_strdup_printf (_("New accounts start in %s with the status their row gives "
                              "(active where it gives none), with the tasks of the %s "
                              "playbook."), embark, embark);
  return g_strdup_printf (_("New accounts start in %s as active accounts, with the tasks of "
                            "the %s playbook."), embark, embark);
}

static void
update_outcome (OvImportDialog *self)
{
  g_autofree char *outcome = NULL;

  if (self->preview != NULL && self->check != NULL &&
      ov_import_preview_get_kind (self->preview) == OV_CSV_KIND_ACCOUNTS &&
      ov_import_result_get_n_created (self->check) > 0)
    outcome = describe_new_accounts (self->preview);

  gtk_label_set_label (self->outcome_label, outcome ? outcome : "");
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), outcome != NULL);
}

static void
update_summary (OvImportDialog *self)
{
  gboolean skip = gtk_switch_get_active (self->skip_switch);
  gboolean file_error = self->preview != NULL && preview_has_file_error (self->preview);
  gboolean can_import = self->preview != NULL && !file_error;
  g_autofree char *summary = NULL;
  const char *rule;

  if (self->preview == NULL)
    summary = g_strdup ("");
  else if (file_error)
    summary = g_strdup (_("The file cannot be imported as it is: see the problems below"));
  else if (self->check != NULL)
    {
      guint n_rows = ov_import_result_get_n_created (self->check) +
                     ov_import_result_get_n_updated (self->check) +
                     ov_import_result_get_n_unchanged (self->check) +
                     ov_import_result_get_n_rejected (self->check);

      if (ov_import_result_get_n_errors (self->check) > 0 &&
          ov_import_result_get_n_rejected (self->check) == 0)
        summary = g_strdup (_("The file cannot be imported as it is: see the problems below"));
      else
        summary = describe_counts (self->check);

      if (n_rows == 0)
        can_import = FALSE;
    }
  else
    summary = g_strdup (_("Checking every row…"));

  if (skip)
    rule = _("Rows with errors are left out; every other row is imported.");
  else
    rule = _("Any row with an error stops the whole import, and nothing changes until every "
             "row is fixed or rows with errors are skipped.");

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->rule_label, rule);
  update_outcome (self);

  if (self->check != NULL && ov_import_result_get_n_rejected (self->check) > 0 && !skip)
    gtk_widget_add_css_class (GTK_WIDGET (self->rule_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rule_label), "warning");

  gtk_widget_set_sensitive (self->import_button, can_import && self->job != JOB_IMPORT);
}

static void
show_check_state (OvImportDialog *self)
{
  update_summary (self);
  update_problems (self);
  ov_import_options_show (self->options, self->preview, self->check);
  update_busy (self);
}

static void
show_preview (OvImportDialog *self)
{
  ov_import_mapping_show (self->mapping, self->preview);
  ov_import_preview_table_show (self->preview_table, self->preview);
  show_check_state (self);
  gtk_stack_set_visible_child_name (self->main_stack, "setup");
}

/* Jobs */

typedef struct
{
  OvImporter      *importer;
  OvImportPreview *preview;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_clear_object (&job->importer);
  g_clear_object (&job->preview);
  g_free (job);
}

/* In a worker (ov_store_run_async()). */
static gboolean
read_preview (OvStore         *store,
              gpointer         data,
              OvProgressFunc   progress,
              gpointer         progress_data,
              GCancellable    *cancellable,
              GError         **error)
{
  PreviewJob *job = data;

  job->preview = ov_importer_preview (job->importer, store, PREVIEW_ROWS, cancellable, error);
  return job->preview != NULL;
}

static void start_next (OvImportDialog *self);

static void
finish_job (OvImportDialog *self)
{
  self->job = JOB_NONE;
  g_clear_object (&self->job_cancellable);
  update_busy (self);
}

static void
preview_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OvImportDialog) self = user_data;
  g_autoptr(OvImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  PreviewJob *job = NULL;

  if (ov_store_run_finish (result, (gpointer *)&job, &error))
    preview = g_steal_pointer (&job->preview);
  if (self->disposed)
    return;

  finish_job (self);

  /* Cancelled, or already out of date: go on with what was asked since. */
  if (self->next != JOB_NONE || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      start_next (self);
      return;
    }

  if (preview == NULL)
    {
      ov_app_set_plain_text (self->failed_page, "description", error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "failed");
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }

  g_set_object (&self->preview, preview);
  g_clear_object (&self->check);

  /* Read as another kind than the header says: read it again. */
  if (ov_import_options_guess_kind (self->options, preview))
    {
      ov_import_mapping_set_kind (self->mapping, ov_import_options_get_kind (self->options));
      schedule (self, JOB_PREVIEW);
      return;
    }

  show_preview (self);

  self->next = JOB_CHECK;
  start_next (self);
}

static void
start_preview (OvImportDialog *self)
{
  PreviewJob *job = g_new0 (PreviewJob, 1);

  job->importer = make_importer (self, TRUE);
  ov_store_run_async (self->store, NULL, read_preview, job, (GDestroyNotify)preview_job_free,
                      NULL, NULL, self->job_cancellable, preview_done, g_object_ref (self));
}

static void
check_progress_cb (double   fraction,
                   gpointer user_data)
{
  OvImportDialog *self = user_data;

  if (!self->disposed && self->job == JOB_CHECK)
    gtk_progress_bar_set_fraction (self->check_progress, fraction);
}

static void
check_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(OvImportDialog) self = user_data;
  g_autoptr(OvImportResult) check = NULL;
  g_autoptr(GError) error = NULL;

  check = ov_importer_run_finish (OV_IMPORTER (object), result, &error);
  if (self->disposed)
    return;

  finish_job (self);

  if (self->next != JOB_NONE || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      start_next (self);
      return;
    }

  if (check == NULL)
    {
      gtk_label_set_label (self->notice_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
      update_summary (self);
      return;
    }

  g_set_object (&self->check, check);
  show_check_state (self);
}

static void
start_check (OvImportDialog *self)
{
  g_autoptr(OvImporter) importer = make_importer (self, TRUE);

  gtk_progress_bar_set_fraction (self->check_progress, 0.0);
  ov_importer_run_async (importer, self->store, check_progress_cb, g_object_ref (self),
                         g_object_unref, self->job_cancellable, check_done,
                         g_object_ref (self));
}

static void
show_refused (OvImportDialog *self,
              OvImportResult *result)
{
  guint n_rejected = ov_import_result_get_n_rejected (result);
  g_autofree char *description = NULL;

  if (n_rejected > 0)
    {
      g_autofree char *count = ov_app_format_count (n_rejected);

      description = g_strdup_printf (ngettext ("%s row has an error, and any row with an "
                                               "error stops the whole import. The portfolio "
                                               "is as it was.",
                                               "%s rows have errors, and any row with an error "
                                               "stops the whole import. The portfolio is as it "
                                               "was.",
                                               n_rejected),
                                     count);
    }
  else
    description = g_strdup (_("The file has a problem that stops the import. The portfolio "
                              "is as it was."));

  adw_status_page_set_description (self->refused_page, description);
  ov_import_problems_show_result (self->refused_problems, result);
  /* The refusal counted the whole file: show the same in the preview. */
  g_set_object (&self->check, result);
  show_check_state (self);

  gtk_stack_set_visible_child_name (self->main_stack, "refused");
  gtk_widget_set_sensitive (self->import_button, FALSE);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  OvImportDialog *self = user_data;

  if (!self->disposed && self->job == JOB_IMPORT)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(OvImportDialog) self = user_data;
  g_autoptr(OvImportResult) import_result = NULL;
  g_autoptr(GError) error = NULL;

  import_result = ov_importer_run_finish (OV_IMPORTER (object), result, &error);
  if (self->disposed)
    return;

  finish_job (self);
  gtk_widget_set_sensitive (self->stop_button, TRUE);

  if (import_result != NULL && ov_import_result_get_applied (import_result))
    {
      ov_import_announce (self->window, import_result);
      ov_window_reload (self->window);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (import_result != NULL)
    {
      show_refused (self, import_result);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_label (self->notice_label,
                         _("The import was cancelled. Nothing was changed."));
  else
    {
      g_autofree char *message = g_strdup_printf (_("The import stopped, and nothing was "
                                                    "changed: %s"),
                                                  error->message);

      gtk_label_set_label (self->notice_label, message);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "setup");
  update_summary (self);
}

static void
start_import (OvImportDialog *self)
{
  g_autoptr(OvImporter) importer = make_importer (self, FALSE);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = g_strdup_printf (_("Importing “%s”…"), name);

  gtk_label_set_label (self->progress_title, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "progress");
  gtk_widget_set_sensitive (self->import_button, FALSE);

  ov_importer_run_async (importer, self->store, import_progress_cb, g_object_ref (self),
                         g_object_unref, self->job_cancellable, import_done,
                         g_object_ref (self));
}

static void
start_next (OvImportDialog *self)
{
  Job job = self->next;

  self->next = JOB_NONE;
  if (job == JOB_NONE || self->disposed)
    return;

  self->job = job;
  self->job_cancellable = g_cancellable_new ();
  update_busy (self);

  switch (job)
    {
    case JOB_PREVIEW:
      start_preview (self);
      break;
    case JOB_CHECK:
      start_check (self);
      break;
    case JOB_IMPORT:
      start_import (self);
      break;
    case JOB_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Asks for @job once the running one has stopped; a preview or check
 * that is running is cancelled, an import is not. */
static void
schedule (OvImportDialog *self,
          Job             job)
{
  if (job == JOB_PREVIEW)
    {
      /* What was counted no longer holds. */
      g_clear_object (&self->check);
      if (self->preview != NULL)
        show_check_state (self);
    }

  self->next = job;

  if (self->job == JOB_NONE)
    start_next (self);
  else if (self->job != JOB_IMPORT)
    g_cancellable_cancel (self->job_cancellable);
}

/* Callbacks */

static void
import_clicked_cb (OvImportDialog *self)
{
  schedule (self, JOB_IMPORT);
}

static void
stop_clicked_cb (OvImportDialog *self)
{
  if (self->job == JOB_IMPORT)
    {
      gtk_widget_set_sensitive (self->stop_button, FALSE);
      gtk_label_set_label (self->progress_title, _("Cancelling…"));
      g_cancellable_cancel (self->job_cancellable);
    }
}

static void
back_clicked_cb (OvImportDialog *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "setup");
  update_summary (self);
}

static void
skip_changed_cb (OvImportDialog *self)
{
  /* The counts do not change; only whether the errors stop the import. */
  if (self->preview != NULL)
    update_summary (self);
}

static void
on_options_changed (OvImportDialog *self,
                    OvImportOption  option)
{
  if (option == OV_IMPORT_OPTION_KIND)
    ov_import_mapping_set_kind (self->mapping, ov_import_options_get_kind (self->options));
  else if (option == OV_IMPORT_OPTION_DELIMITER)
    ov_import_mapping_forget_choices (self->mapping);

  schedule (self, JOB_PREVIEW);
}

static void
on_mapping_changed (OvImportDialog *self)
{
  schedule (self, JOB_PREVIEW);
}

/* GObject */

static gboolean
ov_import_dialog_close_request (GtkWindow *window)
{
  OvImportDialog *self = OV_IMPORT_DIALOG (window);

  /* Closing during an import cancels it; the dialog goes once the
   * rollback is done, so nothing is left half written. */
  if (self->job == JOB_IMPORT)
    {
      self->close_when_done = TRUE;
      stop_clicked_cb (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (ov_import_dialog_parent_class)->close_request (window);
}

static void
ov_import_dialog_dispose (GObject *object)
{
  OvImportDialog *self = OV_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  self->next = JOB_NONE;
  g_cancellable_cancel (self->job_cancellable);

  G_OBJECT_CLASS (ov_import_dialog_parent_class)->dispose (object);
}

static void
ov_import_dialog_finalize (GObject *object)
{
  OvImportDialog *self = OV_IMPORT_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->preview);
  g_clear_object (&self->check);
  g_clear_object (&self->job_cancellable);

  G_OBJECT_CLASS (ov_import_dialog_parent_class)->finalize (object);
}

static void
ov_import_dialog_class_init (OvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ov_import_dialog_dispose;
  object_class->finalize = ov_import_dialog_finalize;
  window_class->close_request = ov_import_dialog_close_request;

  g_type_ensure (OV_TYPE_IMPORT_OPTIONS);
  g_type_ensure (OV_TYPE_IMPORT_MAPPING);
  g_type_ensure (OV_TYPE_IMPORT_PREVIEW_TABLE);
  g_type_ensure (OV_TYPE_IMPORT_PROBLEMS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, setup_scroller);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, check_progress);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, rule_label);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, notice_label);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, options);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, mapping);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, preview_table);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, problems);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, refused_page);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, refused_problems);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mapping_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_import_dialog_init (OvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ov_import_dialog_new_for_file:
 * @window: the window whose portfolio the file goes into; it must have
 *   its store open
 * @file: the CSV file
 *
 * Opens the dialog on @file and starts reading it.
 */
OvImportDialog *
ov_import_dialog_new_for_file (OvWindow *window,
                               GFile    *file)
{
  OvImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (OV_IS_WINDOW (window), NULL);
  g_return_val_if_fail (OV_IS_STORE (ov_window_get_store (window)), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (OV_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->store = g_object_ref (ov_window_get_store (window));
  self->file = g_object_ref (file);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  schedule (self, JOB_PREVIEW);

  return self;
}

GFile *
ov_import_dialog_get_file (OvImportDialog *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}

OvCsvKind
ov_import_dialog_get_kind (OvImportDialog *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_DIALOG (self), OV_CSV_KIND_ACCOUNTS);

  return ov_import_options_get_kind (self->options);
}

/* Whether the file is still being read, checked or imported. */
gboolean
ov_import_dialog_get_busy (OvImportDialog *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_DIALOG (self), FALSE);

  return self->job != JOB_NONE || self->next != JOB_NONE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  OvWindow *window = g_object_get_data (G_OBJECT (chooser), "ov-window");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && ov_window_get_store (window) != NULL)
    gtk_window_present (GTK_WINDOW (ov_import_dialog_new_for_file (window, file)));

  g_object_unref (chooser);
}

/* Asks for a CSV file, then opens the import dialog on it. */
void
ov_import_dialog_choose_file (OvWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (OV_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Import CSV"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV and text files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_object_set_data_full (G_OBJECT (chooser), "ov-window", g_object_ref (window),
                          g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
