/* ov-stage-wizard-actions.c — the stage wizard's actions (wizard.*):
 * next, back, save for later, skip, and completing or saving at the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Next checks the step with the core's rules before it moves on; the last
 * step hands the answers, and the choice for each open task, to one call
 * of the core (ov-journey-wizard.h) that checks and writes them, and the
 * wizard closes with a toast (with Undo for a completion), or stays,
 * pointing at what was refused.
 */

#define G_LOG_DOMAIN "ov-stage-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-stage-wizard-private.h"

static gboolean
read_completed_on (OvStageWizard *self,
                   OvDate        *on)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->completed_on_row))));
  if (text[0] == '\0')
    {
      *on = ov_date_today ();
      return TRUE;
    }

  if (ov_date_row_read_text (self->completed_on_row, on, &error))
    return TRUE;

  /* Translators: the label of the completion date, then what is wrong */
  message = g_strdup_printf (_("%s: %s"), _("Completed on"), error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->completed_on_row), "error");
  ov_stage_wizard_show_message (self, message);
  return FALSE;
}

static void
complete_stage (OvStageWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) choices = NULL;
  g_autoptr(OvStageCompletion) completion = NULL;
  const char *field_id = NULL;
  OvDate on;

  gtk_widget_remove_css_class (GTK_WIDGET (self->completed_on_row), "error");

  if (!read_completed_on (self, &on))
    return;

  /* What becomes of each open task is the user's choice on this step. */
  choices = self->open_tasks != NULL ? ov_open_tasks_dup_choices (self->open_tasks)
                                     : g_array_new (FALSE, TRUE, sizeof (OvTaskChoice));
  if (!ov_journey_complete_stage_with_tasks (self->store, self->account, self->answers, on,
                                             (const OvTaskChoice *)(gpointer)choices->data,
                                             choices->len, &completion, &field_id, &error))
    {
      if (g_error_matches (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_DATE))
        gtk_widget_add_css_class (GTK_WIDGET (self->completed_on_row), "error");
      ov_stage_wizard_show_refusal (self, field_id, error);
      return;
    }

  ov_stage_wizard_update_list (self);
  ov_stage_wizard_show_completed (self, completion);
  ov_stage_wizard_close_now (self);
}

static void
save_checked_answers (OvStageWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  const char *field_id = NULL;

  /* For a stage behind the account its facts follow, with the answers. */
  if (!ov_journey_save_answers (self->store, self->account, self->answers, ov_date_today (),
                                &field_id, &error))
    {
      ov_stage_wizard_show_refusal (self, field_id, error);
      return;
    }

  ov_stage_wizard_update_list (self);

  /* Translators: a short toast, "Kickoff answers saved" */
  toast = g_strdup_printf (_("%s answers saved"), ov_stage_get_title (self->stage));
  ov_app_show_toast (GTK_WIDGET (self), toast);
  ov_stage_wizard_close_now (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OvStageWizard *self = OV_STAGE_WIZARD (widget);
  g_autoptr(GError) error = NULL;
  const char *field_id = NULL;

  ov_stage_wizard_show_message (self, NULL);

  if (!ov_stage_wizard_store_fields (self, self->step, TRUE))
    return;

  if (!ov_stage_answers_validate_step (self->answers,
                                       ov_wizard_get_step (self->stage, self->step),
                                       ov_date_today (), &field_id, &error))
    {
      ov_stage_wizard_show_problem (self, field_id, error->message);
      return;
    }

  if (self->step + 1 < self->n_steps)
    {
      ov_stage_wizard_go_to_step (self, self->step + 1);
      return;
    }

  if (!ov_stage_wizard_store_fields (self, G_MAXUINT, TRUE))
    return;

  if (self->mode == OV_STAGE_WIZARD_COMPLETE)
    complete_stage (self);
  else
    save_checked_answers (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OvStageWizard *self = OV_STAGE_WIZARD (widget);

  if (self->step == 0)
    return;

  /* Going back keeps what was typed on this step, checked or not. */
  ov_stage_wizard_show_message (self, NULL);
  ov_stage_wizard_store_fields (self, self->step, FALSE);
  ov_stage_wizard_go_to_step (self, self->step - 1);
}

static void
save_later_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OvStageWizard *self = OV_STAGE_WIZARD (widget);
  g_autofree char *toast = NULL;

  ov_stage_wizard_show_message (self, NULL);

  if (!ov_stage_wizard_store_fields (self, G_MAXUINT, TRUE) ||
      !ov_stage_wizard_save_answers (self))
    return;

  /* Translators: a short toast, "Kickoff saved for later" */
  toast = g_strdup_printf (_("%s saved for later"), ov_stage_get_title (self->stage));
  ov_app_show_toast (GTK_WIDGET (self), toast);
  ov_stage_wizard_close_now (self);
}

static void
skip_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  OvStageWizard    *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  OvStage stage = self->stage;

  if (g_strcmp0 (response, "skip") != 0)
    return;

  /* Whatever was entered stays, even though the stage is passed over. */
  ov_stage_wizard_store_fields (self, G_MAXUINT, FALSE);
  if (!ov_journey_skip_stage (self->store, self->account, self->answers, ov_date_today (),
                              &error))
    {
      ov_stage_wizard_show_save_error (self, error);
      return;
    }

  ov_stage_wizard_update_list (self);

  /* Translators: a short toast, "Kickoff skipped; now in Adopt" */
  toast = g_strdup_printf (_("%s skipped; now in %s"), ov_stage_get_title (stage),
                           ov_stage_get_title (ov_account_get_stage (self->account)));
  ov_app_show_toast (GTK_WIDGET (self), toast);
  ov_stage_wizard_close_soon (self);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OvStageWizard *self = OV_STAGE_WIZARD (widget);
  GtkWidget *dialog;

  if (self->mode != OV_STAGE_WIZARD_COMPLETE)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: "Skip Kickoff?" */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Skip %s?"),
                                     ov_stage_get_title (self->stage));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s moves on to %s today without completing %s. The "
                                    "timeline marks %s as skipped; answers entered so far "
                                    "are kept."),
                                  ov_account_get_name (self->account),
                                  ov_stage_get_title (self->stage + 1),
                                  ov_stage_get_title (self->stage),
                                  ov_stage_get_title (self->stage));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Skip Stage"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "skip",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (skip_response_cb), self,
                           G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ov_stage_wizard_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.save-later", NULL, save_later_action);
  gtk_widget_class_install_action (widget_class, "wizard.skip", NULL, skip_action);
}
