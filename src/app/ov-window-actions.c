/* ov-window-actions.c — the main window's actions (win.*): new account,
 * sample, import, export, search, views, stages, delete and its undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-export-dialog.h"
#include "ov-import-dialog.h"
#include "ov-import-undo.h"
#include "ov-imports-window.h"
#include "ov-new-account-dialog.h"
#include "ov-preferences-window.h"
#include "ov-window-private.h"

/* In a worker (ov_store_run_async()). */
static gboolean
add_sample (OvStore         *store,
            gpointer         data,
            OvProgressFunc   progress,
            gpointer         progress_data,
            GCancellable    *cancellable,
            GError         **error)
{
  return ov_sample_generate (store, OV_SAMPLE_DEFAULT_ACCOUNTS, OV_SAMPLE_DEFAULT_SEED,
                             ov_date_today (), error);
}

static void
sample_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  OvWindow *self = OV_WINDOW (object);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample", TRUE);

  if (!ov_store_run_finish (result, NULL, &error))
    {
      ov_window_add_toast (self, ov_app_toast_new (error->message));
      ov_window_update_state (self);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "dashboard");
  ov_window_reload (self);
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);

  if (ov_context_get_store (self->context) == NULL)
    return;

  gtk_widget_action_set_enabled (widget, "win.load-sample", FALSE);
  ov_window_set_state (self, OV_WINDOW_STATE_LOADING);

  ov_store_run_async (ov_context_get_store (self->context), self, add_sample, NULL, NULL, NULL,
                      NULL, self->cancellable, sample_done, NULL);
}

static void
account_created_cb (OvWindow           *self,
                    OvAccount          *account,
                    OvNewAccountDialog *dialog)
{
  ov_account_list_add (self->accounts, account);
  ov_window_show_account (self, account);
}

static void
new_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);
  OvNewAccountDialog *dialog;
  g_autofree char *currency = NULL;

  if (ov_context_get_store (self->context) == NULL)
    return;

  dialog = ov_new_account_dialog_new (GTK_WINDOW (self), ov_context_get_store (self->context));
  currency = ov_preferences_default_currency (ov_context_get_settings (self->context));
  ov_new_account_dialog_set_currency (dialog, currency);
  g_signal_connect_object (dialog, "created", G_CALLBACK (account_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);

  if (ov_context_get_store (self->context) != NULL)
    ov_import_dialog_choose_file (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);

  if (ov_context_get_store (self->context) != NULL)
    gtk_window_present (GTK_WINDOW (ov_export_dialog_new (self)));
}

static void
show_imports_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);

  if (ov_context_get_store (self->context) != NULL)
    gtk_window_present (GTK_WINDOW (ov_imports_window_new (self)));
}

static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ov_import_undo_last (OV_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
  ov_accounts_view_focus_search (self->accounts_view);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The Tasks view with one due filter and no other (an OvTaskDue). */
static void
show_tasks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);
  int due = g_variant_get_int32 (parameter);

  if (due < OV_TASK_DUE_ANY || due > OV_TASK_DUE_LATER)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "tasks");
  ov_tasks_view_show_due (OV_TASKS_VIEW (ov_window_get_view (self, "tasks")), due);
}

static void
show_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);
  int stage = g_variant_get_int32 (parameter);

  if (!ov_stage_is_valid (stage))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
  ov_accounts_view_filter_stage (self->accounts_view, stage);
}

static void
open_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);
  OvAccount *account = ov_account_list_find (self->accounts, g_variant_get_int64 (parameter));

  if (account != NULL)
    ov_window_show_account (self, account);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (!ov_store_restore_account (ov_context_get_store (self->context), id, &error) ||
      !(account = ov_store_get_account (ov_context_get_store (self->context), id, &error)))
    {
      ov_window_add_toast (self, ov_app_toast_new (error->message));
      return;
    }

  ov_account_list_add (self->accounts, account);
  ov_window_show_account (self, account);
}

static void
delete_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OvWindow *self = OV_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  OvAccount *account;
  AdwToast *toast;

  account = ov_account_list_find (self->accounts, id);
  if (account == NULL)
    return;

  if (!ov_store_delete_account (ov_context_get_store (self->context), account, &error))
    {
      g_autoptr(OvAccount) fresh = NULL;
      g_autofree char *message = NULL;

      /* Changed elsewhere: the account shows as stored now, and deleting
       * it again deletes that. */
      if (ov_conflict_matches (error) &&
          (fresh = ov_store_get_account (ov_context_get_store (self->context), id, NULL)) != NULL)
        {
          ov_account_assign (account, fresh);
          ov_account_list_update (self->accounts, account);
          ov_window_show_account (self, account);
          message = ov_conflict_describe (error, OV_CONFLICT_DELETE, NULL);
        }
      ov_window_add_toast (self, ov_app_toast_new (message ? message : error->message));
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), ov_account_get_name (account));
  ov_accounts_view_show_list (self->accounts_view);
  ov_account_list_remove (self->accounts, account);

  toast = ov_app_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  ov_window_add_toast (self, toast);

  ov_window_update_state (self);
}

void
ov_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-account", NULL, new_account_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-imports", NULL, show_imports_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.delete-account", "x",
                                   delete_account_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.show-stage", "i", show_stage_action);
  gtk_widget_class_install_action (widget_class, "win.show-tasks", "i", show_tasks_action);
  gtk_widget_class_install_action (widget_class, "win.open-account", "x", open_account_action);
}
