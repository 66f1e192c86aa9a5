/* ov-import-undo.c — after an import: the toast that says what it did, and
 * its Undo, which asks first when work was done since on what it brought
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-import-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-import-undo.h"

/* After an import: Undo takes the batch back, on a connection of its own.
 * When work was done since on what the import brought in, the user is
 * asked first, with what would go; otherwise it is one click. */

typedef struct
{
  gint64      batch_id;
  OvCsvKind   kind;
  gboolean    force;
  OvUndoPlan *plan;      /* set when the user has to be asked first */
  OvUndoPlan *done;
} UndoJob;

static void start_undo (OvWindow  *window,
                        gint64     batch_id,
                        OvCsvKind  kind,
                        gboolean   force);

static void
undo_job_free (UndoJob *job)
{
  g_clear_pointer (&job->plan, ov_undo_plan_free);
  g_clear_pointer (&job->done, ov_undo_plan_free);
  g_free (job);
}

/* In a worker (ov_store_run_async()): undoes the import, unless it would
 * take work done since along and the user has not been asked yet. */
static gboolean
undo_import (OvStore         *store,
             gpointer         data,
             OvProgressFunc   progress,
             gpointer         progress_data,
             GCancellable    *cancellable,
             GError         **error)
{
  UndoJob *job = data;
  g_autoptr(OvUndoPlan) plan = NULL;

  if (!job->force)
    {
      plan = ov_store_plan_undo_import (store, job->batch_id, error);
      if (plan == NULL)
        return FALSE;
      if (ov_undo_plan_needs_confirmation (plan))
        {
          job->plan = g_steal_pointer (&plan);
          return TRUE;
        }
    }

  job->done = ov_store_undo_import_full (store, job->batch_id,
                                         job->force ? OV_UNDO_IMPORT_FORCE
                                                    : OV_UNDO_IMPORT_DEFAULT,
                                         error);
  return job->done != NULL;
}

typedef struct
{
  GWeakRef   window;
  gint64     batch_id;
  OvCsvKind  kind;
} UndoTarget;

static void
undo_target_free (gpointer data,
                  GClosure *closure)
{
  UndoTarget *target = data;

  g_weak_ref_clear (&target->window);
  g_free (target);
}

static UndoTarget *
undo_target_new (OvWindow  *window,
                 gint64     batch_id,
                 OvCsvKind  kind)
{
  UndoTarget *target = g_new0 (UndoTarget, 1);

  g_weak_ref_init (&target->window, window);
  target->batch_id = batch_id;
  target->kind = kind;
  return target;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     UndoTarget       *target)
{
  g_autoptr(OvWindow) window = g_weak_ref_get (&target->window);

  if (window != NULL && g_strcmp0 (response, "undo") == 0)
    start_undo (window, target->batch_id, target->kind, TRUE);
}

static void
ask_to_undo (OvWindow         *window,
             const OvUndoPlan *plan)
{
  g_autofree char *lines = ov_undo_plan_describe (plan);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_strchomp (lines);
  body = g_strdup_printf (_("Work was done since on what this import brought in. Undoing it "
                            "also does this:\n\n%s"),
                          lines);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Undo the Import Anyway?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Everything"),
                                    "undo", _("_Undo Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb),
                         undo_target_new (window, plan->batch_id, plan->kind),
                         undo_target_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OvWindow *window = OV_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UndoJob *job = NULL;
  guint n_removed, n_skipped;

  if (!ov_store_run_finish (result, (gpointer *)&job, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The import could not be undone: %s"),
                                                  error->message);

      ov_window_add_toast (window, ov_app_toast_new (message));
      return;
    }

  if (job->plan != NULL)
    {
      ask_to_undo (window, job->plan);
      return;
    }

  /* The window's own connection did not see the change: tell its views. */
  ov_store_emit_changed (ov_window_get_store (window), ov_csv_kind_get_id (job->kind));
  ov_window_reload (window);

  n_removed = ov_undo_plan_get_n_removed (job->done);
  n_skipped = job->done->n_edited_updated + job->done->n_gone +
              (job->done->forced ? 0 : job->done->n_edited_created);
  if (n_skipped > 0)
    title = g_strdup_printf (ngettext ("Import undone: %u removed, %u restored, %u skipped as "
                                       "changed since",
                                       "Import undone: %u removed, %u restored, %u skipped as "
                                       "changed since",
                                       n_skipped),
                             n_removed, job->done->n_restore, n_skipped);
  else if (job->done->n_restore > 0)
    title = g_strdup_printf (_("Import undone: %u removed, %u restored"), n_removed,
                             job->done->n_restore);
  else
    title = g_strdup_printf (ngettext ("Import undone: %u removed", "Import undone: %u removed",
                                       n_removed),
                             n_removed);
  ov_window_add_toast (window, ov_app_toast_new (title));
}

static void
start_undo (OvWindow  *window,
            gint64     batch_id,
            OvCsvKind  kind,
            gboolean   force)
{
  UndoJob *job;

  if (ov_window_get_store (window) == NULL)
    return;

  job = g_new0 (UndoJob, 1);
  job->batch_id = batch_id;
  job->kind = kind;
  job->force = force;

  ov_store_run_async (ov_window_get_store (window), window, undo_import, job,
                      (GDestroyNotify)undo_job_free, NULL, NULL, NULL, undo_done, NULL);
}

static void
undo_clicked_cb (AdwToast   *toast,
                 UndoTarget *target)
{
  g_autoptr(OvWindow) window = g_weak_ref_get (&target->window);

  if (window != NULL)
    start_undo (window, target->batch_id, target->kind, FALSE);
}

/**
 * ov_import_undo_start:
 *
 * Undoes an import as its toast's Undo does: at once, or after asking
 * when work was done since on what it brought in.
 */
void
ov_import_undo_start (OvWindow  *window,
                      gint64     batch_id,
                      OvCsvKind  kind)
{
  g_return_if_fail (OV_IS_WINDOW (window));

  start_undo (window, batch_id, kind, FALSE);
}

/* While an import's toast is shown, Ctrl+Z (win.undo-import) undoes it. */
#define PENDING_KEY "ov-import-undo-pending"

static void
toast_dismissed_cb (AdwToast *toast,
                    OvWindow *window)
{
  if (g_object_get_data (G_OBJECT (window), PENDING_KEY) == toast)
    {
      g_object_set_data (G_OBJECT (window), PENDING_KEY, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.undo-import", FALSE);
    }
}

/**
 * ov_import_undo_last:
 *
 * Undoes the import whose toast is shown, and dismisses the toast.
 *
 * Returns: %FALSE when no import's toast is shown
 */
gboolean
ov_import_undo_last (OvWindow *window)
{
  AdwToast *toast;

  g_return_val_if_fail (OV_IS_WINDOW (window), FALSE);

  toast = g_object_get_data (G_OBJECT (window), PENDING_KEY);
  if (toast == NULL)
    return FALSE;

  /* Its Undo, as if clicked; dismissing it then disables the shortcut. */
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  return TRUE;
}

/* A toast's own title is cut short in a narrow window; this one wraps. */
static GtkWidget *
make_toast_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");

  return label;
}

/* The counts of @result, "3 new, 1 updated, 2 skipped" (@done) or
 * "…, 2 with errors" (a preview); "no rows" when there are none. */
char *
ov_import_join_counts (OvImportResult *result,
                       gboolean        done)
{
  return ov_import_join_numbers (ov_import_result_get_n_created (result),
                                 ov_import_result_get_n_updated (result),
                                 ov_import_result_get_n_unchanged (result),
                                 ov_import_result_get_n_rejected (result), done);
}

/* The same, for counts as an import batch keeps them. */
char *
ov_import_join_numbers (guint    n_created,
                        guint    n_updated,
                        guint    n_unchanged,
                        guint    n_rejected,
                        gboolean done)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

#define ADD_PART(n, text)                                              \
  if ((n) > 0)                                                         \
    {                                                                  \
      g_autofree char *number = ov_app_format_count (n);               \
      g_ptr_array_add (parts, g_strdup_printf ((text), number));       \
    }

  ADD_PART (n_created, ngettext ("%s new", "%s new", n_created));
  ADD_PART (n_updated, ngettext ("%s updated", "%s updated", n_updated));
  ADD_PART (n_unchanged, ngettext ("%s unchanged", "%s unchanged", n_unchanged));
  if (done)
    {
      ADD_PART (n_rejected, ngettext ("%s skipped", "%s skipped", n_rejected));
    }
  else
    {
      ADD_PART (n_rejected, ngettext ("%s with errors", "%s with errors", n_rejected));
    }
#undef ADD_PART

  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (_("no rows")));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the counts in "12 rows: 10 new, 2 updated" */
  return g_strjoinv (_(", "), (char **)parts->pdata);
}

void
ov_import_announce (OvWindow       *window,
                    OvImportResult *result)
{
  guint n_created = ov_import_result_get_n_created (result);
  guint n_updated = ov_import_result_get_n_updated (result);
  g_autofree char *joined = ov_import_join_counts (result, TRUE);
  g_autofree char *title = NULL;
  AdwToast *toast;

  switch (ov_import_result_get_kind (result))
    {
    case OV_CSV_KIND_ACCOUNTS:
      /* Translators: %s is a list of counts, "3 new, 1 updated" */
      title = g_strdup_printf (_("Accounts imported: %s"), joined);
      break;
    case OV_CSV_KIND_PEOPLE:
      title = g_strdup_printf (_("People imported: %s"), joined);
      break;
    case OV_CSV_KIND_TASKS:
      title = g_strdup_printf (_("Tasks imported: %s"), joined);
      break;
    case OV_CSV_KIND_METRICS:
      title = g_strdup_printf (_("Metric values imported: %s"), joined);
      break;
    case OV_CSV_KIND_MEETINGS:
      title = g_strdup_printf (_("Meetings imported: %s"), joined);
      break;
    case OV_CSV_KIND_PACKAGES:
      title = g_strdup_printf (_("Packages imported: %s"), joined);
      break;
    case OV_CSV_KIND_INTERVIEWS:
      title = g_strdup_printf (_("Interview answers imported: %s"), joined);
      break;
    case OV_CSV_KIND_CONTENT:
      title = g_strdup_printf (_("Content items imported: %s"), joined);
      break;
    case OV_CSV_KIND_COMPLETIONS:
      title = g_strdup_printf (_("Completions imported: %s"), joined);
      break;
    case OV_CSV_KIND_STAGE_EVENTS:
    default:
      title = g_strdup_printf (_("Imported: %s"), joined);
      break;
    }

  toast = ov_app_toast_new (title);
  adw_toast_set_custom_title (toast, make_toast_title (title));
  adw_toast_set_timeout (toast, 10);

  /* Nothing to take back when every row was already there. */
  if (n_created > 0 || n_updated > 0)
    {
      UndoTarget *target = undo_target_new (window, ov_import_result_get_batch_id (result),
                                            ov_import_result_get_kind (result));

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), target,
                             undo_target_free, 0);
      g_object_set_data_full (G_OBJECT (window), PENDING_KEY, g_object_ref (toast),
                              g_object_unref);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), window, 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.undo-import", TRUE);
    }

  ov_window_add_toast (window, toast);
}
