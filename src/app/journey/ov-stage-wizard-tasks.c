/* ov-stage-wizard-tasks.c — the stage wizard's open tasks: listed on the
 * last step of a completion, offered to be closed when the answers show
 * them done, and the completion's toast with its Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-stage-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-stage-wizard-private.h"

/* What the completion was, for its Undo after the wizard is gone. */
typedef struct
{
  OvStore           *store;
  OvAccountList     *accounts;
  OvAccount         *account;
  OvStageCompletion *completion;
  GWeakRef           window;
} Completed;

static void
completed_free (gpointer data)
{
  Completed *completed = data;

  g_object_unref (completed->store);
  g_clear_object (&completed->accounts);
  g_object_unref (completed->account);
  ov_stage_completion_unref (completed->completion);
  g_weak_ref_clear (&completed->window);
  g_free (completed);
}

static void
undo_completion (gpointer data)
{
  Completed *completed = data;
  g_autoptr(GtkWidget) window = g_weak_ref_get (&completed->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  OvStage stage = ov_stage_completion_get_stage (completed->completion);

  if (!ov_journey_undo_completion (completed->store, completed->account, completed->completion,
                                   &error))
    {
      if (window != NULL)
        ov_app_show_toast (window, error->message);
      else
        g_warning ("Could not undo the completion: %s", error->message);
      return;
    }

  if (completed->accounts != NULL)
    ov_account_list_update (completed->accounts, completed->account);

  /* Translators: a short toast after Undo, "Back in Kickoff" */
  message = g_strdup_printf (_("Back in %s"), ov_stage_get_title (stage));
  if (window != NULL)
    ov_app_show_toast (window, message);
}

/* "Kickoff completed; now in Adopt", and what became of its open tasks,
 * with Undo. */
void
ov_stage_wizard_show_completed (OvStageWizard     *self,
                                OvStageCompletion *completion)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint n_closed = ov_stage_completion_get_n_closed (completion);
  guint n_moved = ov_stage_completion_get_n_moved (completion);
  GtkWindow *main_window = gtk_window_get_transient_for (GTK_WINDOW (self));
  Completed *completed;

  /* Translators: a short toast, "Kickoff completed; now in Adopt" */
  g_string_printf (message, _("%s completed; now in %s"), ov_stage_get_title (self->stage),
                   ov_stage_get_title (ov_account_get_stage (self->account)));
  if (n_closed > 0)
    /* Translators: added to the toast, " · 2 tasks closed" */
    g_string_append_printf (message, ngettext (" · %u task closed", " · %u tasks closed",
                                               n_closed), n_closed);
  if (n_moved > 0)
    /* Translators: added to the toast, " · 1 task moved on" */
    g_string_append_printf (message, ngettext (" · %u task moved on", " · %u tasks moved on",
                                               n_moved), n_moved);

  completed = g_new0 (Completed, 1);
  completed->store = g_object_ref (self->store);
  completed->accounts = self->accounts ? g_object_ref (self->accounts) : NULL;
  completed->account = g_object_ref (self->account);
  completed->completion = ov_stage_completion_ref (completion);
  g_weak_ref_init (&completed->window, main_window);
  ov_app_show_undo_toast (GTK_WIDGET (self), message->str, undo_completion, completed,
                          completed_free);
}

/* Offers the tasks the answers show done, as they stand on the last step. */
void
ov_stage_wizard_suggest_tasks (OvStageWizard *self)
{
  OvDate on = OV_DATE_NONE;

  g_autoptr(GPtrArray) complaints = NULL;

  if (self->open_tasks == NULL)
    return;

  /* Reading a date back into its row counts as editing it, which takes a
   * refusal shown there away: the refusals stay as they were. */
  complaints = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->editors->len; i++)
    g_ptr_array_add (complaints,
                     g_strdup (ov_field_editor_get_error (g_ptr_array_index (self->editors, i))));
  ov_stage_wizard_store_fields (self, self->n_steps - 1, FALSE);
  for (guint i = 0; i < self->editors->len; i++)
    {
      const char *complaint = g_ptr_array_index (complaints, i);

      if (complaint != NULL && complaint[0] != '\0')
        ov_field_editor_show_error (g_ptr_array_index (self->editors, i), complaint);
    }
  ov_date_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->completed_on_row)), &on, NULL);
  ov_open_tasks_suggest (self->open_tasks, self->answers, on != OV_DATE_NONE ? on
                                                                             : ov_date_today ());
}

static gboolean
suggest_idle_cb (gpointer data)
{
  OvStageWizard *self = data;

  self->suggest_id = 0;
  ov_stage_wizard_suggest_tasks (self);
  return G_SOURCE_REMOVE;
}

/* One look after a burst of typing. */
static void
on_last_step_edited (OvStageWizard *self)
{
  if (self->suggest_id == 0)
    self->suggest_id = g_idle_add_full (G_PRIORITY_LOW, suggest_idle_cb, self, NULL);
}

static void
watch_input (OvStageWizard *self,
             GtkWidget     *input)
{
  if (GTK_IS_CHECK_BUTTON (input))
    g_signal_connect_object (input, "toggled", G_CALLBACK (on_last_step_edited), self,
                             G_CONNECT_SWAPPED);
  else if (GTK_IS_EDITABLE (input))
    g_signal_connect_object (input, "changed", G_CALLBACK (on_last_step_edited), self,
                             G_CONNECT_SWAPPED);
}

/* Adds the open tasks under the completion date of the last @page. */
void
ov_stage_wizard_add_open_tasks (OvStageWizard *self,
                                OvWizardPage  *page)
{
  GtkWidget *open_tasks;

  g_assert (self->completed_on_row != NULL);

  open_tasks = ov_open_tasks_new (self->store, self->account, self->stage, ov_date_today ());
  self->open_tasks = OV_OPEN_TASKS (open_tasks);
  ov_wizard_page_append (page, open_tasks);

  watch_input (self, GTK_WIDGET (self->completed_on_row));
  for (guint i = 0; i < ov_wizard_page_get_n_editors (page); i++)
    {
      OvFieldEditor *editor = ov_wizard_page_get_editor (page, i);

      watch_input (self, ov_field_editor_get_input (editor));
      if (ov_field_editor_get_date_row (editor) != NULL)
        watch_input (self, GTK_WIDGET (ov_field_editor_get_date_row (editor)));
    }
}

OvOpenTasks *
ov_stage_wizard_get_open_tasks (OvStageWizard *self)
{
  g_return_val_if_fail (OV_IS_STAGE_WIZARD (self), NULL);

  return self->open_tasks;
}
