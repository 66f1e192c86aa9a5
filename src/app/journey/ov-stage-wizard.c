/* ov-stage-wizard.c — a stage's guided steps for one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from the stage's definitions in ov-wizard.h: one page per step,
 * one OvFieldEditor per field. Next checks the step with the core's rules
 * and keeps the user there, pointing at the field, until it passes. The
 * last step completes the stage (the account's current one), or, for a
 * stage already behind the account and for Expand, which has no stage
 * after it, saves the answers. "Save and Continue Later" keeps whatever
 * was entered, checked or not. Each of these is one call of the core
 * (ov-journey-wizard.h), which checks and writes; the wizard shows what
 * it refused, pointing at the field.
 */

#define G_LOG_DOMAIN "ov-stage-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-date-row.h"
#include "ov-stage-wizard-private.h"
#include "ov-wizard-page.h"

G_DEFINE_FINAL_TYPE (OvStageWizard, ov_stage_wizard, ADW_TYPE_WINDOW)

static guint
editor_step (OvFieldEditor *editor)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editor), "ov-step"));
}

void
ov_stage_wizard_show_message (OvStageWizard *self,
                              const char    *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), message != NULL);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
update_chrome (OvStageWizard *self)
{
  const OvWizardStep *step = ov_wizard_get_step (self->stage, self->step);
  gboolean last = self->step + 1 == self->n_steps;
  g_autofree char *progress = NULL;

  /* Translators: where the wizard is, "Step 2 of 3" */
  progress = g_strdup_printf (_("Step %u of %u"), self->step + 1, self->n_steps);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double)(self->step + 1) / (double)self->n_steps);

  if (!last)
    gtk_button_set_label (self->next_button, _("_Next"));
  else if (self->mode == OV_STAGE_WIZARD_COMPLETE)
    gtk_button_set_label (self->next_button, _("_Complete Stage"));
  else
    gtk_button_set_label (self->next_button, _("_Save Answers"));

  gtk_widget_set_visible (self->back_button, self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->step > 0);

  gtk_stack_set_visible_child_name (self->pages_stack, ov_wizard_step_get_id (step));

  if (last && self->open_tasks != NULL)
    {
      ov_open_tasks_reload (self->open_tasks, self->store, self->account, ov_date_today ());
      ov_stage_wizard_suggest_tasks (self);
    }
}

void
ov_stage_wizard_go_to_step (OvStageWizard *self,
                            guint          step)
{
  g_return_if_fail (step < self->n_steps);

  self->step = step;
  update_chrome (self);
}

/* Points at @field_id's editor (on its step) with @message; without a
 * field, the message goes above the buttons. */
void
ov_stage_wizard_show_problem (OvStageWizard *self,
                              const char    *field_id,
                              const char    *message)
{
  OvFieldEditor *editor = field_id ? ov_stage_wizard_get_editor (self, field_id) : NULL;

  if (editor == NULL)
    {
      ov_stage_wizard_show_message (self, message);
      return;
    }

  ov_stage_wizard_go_to_step (self, editor_step (editor));
  ov_field_editor_show_error (editor, message);
  ov_field_editor_focus (editor);
}

/* Writes the widgets of @step (or of every step, with G_MAXUINT) into the
 * answers. With @report, the first field that cannot be read is pointed
 * at and the rest is left alone; without, every readable field is kept. */
gboolean
ov_stage_wizard_store_fields (OvStageWizard *self,
                              guint          step,
                              gboolean       report)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->editors->len; i++)
    {
      OvFieldEditor *editor = g_ptr_array_index (self->editors, i);
      g_autoptr(GError) error = NULL;

      if (step != G_MAXUINT && editor_step (editor) != step)
        continue;

      if (!ov_field_editor_store (editor, self->answers, &error))
        {
          ok = FALSE;
          if (report)
            {
              const OvWizardField *field = ov_field_editor_get_field (editor);

              ov_stage_wizard_show_problem (self, ov_wizard_field_get_id (field), error->message);
              return FALSE;
            }
        }
    }

  return ok;
}

/* The account object the page shows took the stored values: the list
 * shows them too. */
void
ov_stage_wizard_update_list (OvStageWizard *self)
{
  if (self->accounts != NULL)
    ov_account_list_update (self->accounts, self->account);
}

/* A save met answers or an account someone else changed since the wizard
 * read them. The wizard reads both again: every field the user changed
 * keeps their value, the others show what is stored now; a field changed
 * on both sides says what it holds there. Saving again applies the
 * user's values over the new versions. */
static void
show_conflict (OvStageWizard *self,
               const GError  *error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_auto(GStrv) conflicts = NULL;
  g_autofree char *message = NULL;
  OvFieldEditor *first = NULL;

  if (!ov_journey_reload (self->store, self->account, self->answers, &read_error))
    {
      ov_stage_wizard_update_list (self);
      ov_stage_wizard_show_message (self, read_error->message);
      return;
    }
  ov_stage_wizard_update_list (self);

  for (guint i = 0; i < self->editors->len; i++)
    {
      OvFieldEditor *editor = g_ptr_array_index (self->editors, i);

      ov_field_editor_load (editor, self->answers);
      ov_field_editor_show_error (editor, NULL);
    }

  conflicts = ov_stage_answers_dup_conflicts (self->answers);
  for (guint i = 0; conflicts[i] != NULL; i++)
    {
      OvFieldEditor *editor = ov_stage_wizard_get_editor (self, conflicts[i]);
      g_autofree char *other = ov_stage_answers_describe_stored (self->answers, conflicts[i]);
      g_autofree char *hint = NULL;
      const char *label;

      if (editor == NULL)
        continue;

      label = ov_wizard_field_get_label (ov_field_editor_get_field (editor));
      if (other != NULL && other[0] != '\0')
        /* Translators: under a wizard field changed elsewhere too */
        hint = g_strdup_printf (_("Changed elsewhere too, to “%s”. Your answer is kept."),
                                other);
      else
        hint = g_strdup (_("Changed elsewhere too. Your answer is kept."));
      ov_field_editor_show_error (editor, hint);
      ov_conflict_add_change (changes, label, NULL, other);
      if (first == NULL)
        first = editor;
    }

  if (first != NULL)
    ov_stage_wizard_go_to_step (self, editor_step (first));

  message = ov_conflict_describe (error, OV_CONFLICT_SAVE, changes->str);
  ov_conflict_show (GTK_WIDGET (self), self->message_label, self->message_revealer, error,
                    message);
}

/* A refusal from the store: a conflict is met by reading again. */
void
ov_stage_wizard_show_save_error (OvStageWizard *self,
                                 const GError  *error)
{
  if (ov_conflict_matches (error))
    show_conflict (self, error);
  else
    ov_stage_wizard_show_message (self, error->message);
}

/* A refusal of the core's: the rules point at @field_id (nullable), the
 * store's refusals go above the buttons. */
void
ov_stage_wizard_show_refusal (OvStageWizard *self,
                              const char    *field_id,
                              const GError  *error)
{
  if (field_id != NULL)
    ov_stage_wizard_show_problem (self, field_id, error->message);
  else
    ov_stage_wizard_show_save_error (self, error);
}

void
ov_stage_wizard_close_now (OvStageWizard *self)
{
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_idle_cb (gpointer data)
{
  ov_stage_wizard_close_now (OV_STAGE_WIZARD (data));
  return G_SOURCE_REMOVE;
}

/* From a message dialog's response: the dialog is still finishing its
 * emission and must not outlive the wizard it is attached to. */
void
ov_stage_wizard_close_soon (OvStageWizard *self)
{
  self->may_close = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

gboolean
ov_stage_wizard_save_answers (OvStageWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (!ov_store_save_answers (self->store, self->answers, &error))
    {
      ov_stage_wizard_show_save_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     OvStageWizard    *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (!ov_stage_wizard_save_answers (self))
        return;
    }
  else if (g_strcmp0 (response, "discard") != 0)
    {
      return;
    }

  ov_stage_wizard_close_soon (self);
}

/* Closing with unsaved answers asks whether to keep them. */
static gboolean
chain_close_request (GtkWindow *window)
{
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (ov_stage_wizard_parent_class);

  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static gboolean
ov_stage_wizard_close_request (GtkWindow *window)
{
  OvStageWizard *self = OV_STAGE_WIZARD (window);
  GtkWidget *dialog;

  if (self->may_close || self->answers == NULL)
    return chain_close_request (window);

  ov_stage_wizard_store_fields (self, G_MAXUINT, FALSE);
  if (!ov_stage_answers_get_modified (self->answers))
    return chain_close_request (window);

  dialog = adw_message_dialog_new (window, _("Keep the Answers?"),
                                   _("Saved answers are there when the wizard is opened "
                                     "again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self,
                           G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static GtkWidget *
new_page (OvStageWizard *self,
          guint          index)
{
  GtkWidget *page = ov_wizard_page_new (ov_wizard_get_step (self->stage, index), self->store,
                                        ov_account_get_id (self->account));
  OvWizardPage *wizard_page = OV_WIZARD_PAGE (page);

  for (guint i = 0; i < ov_wizard_page_get_n_editors (wizard_page); i++)
    {
      OvFieldEditor *editor = ov_wizard_page_get_editor (wizard_page, i);

      g_object_set_data (G_OBJECT (editor), "ov-step", GUINT_TO_POINTER (index));
      ov_field_editor_load (editor, self->answers);
      g_ptr_array_add (self->editors, editor);
    }

  if (index + 1 == self->n_steps && self->mode == OV_STAGE_WIZARD_COMPLETE)
    {
      self->completed_on_row = ov_wizard_page_add_completion (wizard_page);
      ov_stage_wizard_add_open_tasks (self, wizard_page);
    }

  return page;
}

/* Where to start: a wizard begun before continues at the first step the
 * core would still refuse; a new one at the beginning. */
static guint
first_open_step (OvStageWizard *self)
{
  if (self->mode != OV_STAGE_WIZARD_COMPLETE)
    return 0;

  return ov_stage_answers_get_resume_step (self->answers, ov_date_today ());
}

static void
build (OvStageWizard *self)
{
  g_autofree char *title = NULL;

  self->n_steps = ov_wizard_get_n_steps (self->stage);
  for (guint i = 0; i < self->n_steps; i++)
    gtk_stack_add_named (self->pages_stack, new_page (self, i),
                         ov_wizard_step_get_id (ov_wizard_get_step (self->stage, i)));

  adw_window_title_set_title (self->window_title, ov_stage_get_title (self->stage));
  adw_window_title_set_subtitle (self->window_title, ov_account_get_name (self->account));
  /* Translators: a window title, "Kickoff — Acme Corp" */
  title = g_strdup_printf (_("%s — %s"), ov_stage_get_title (self->stage),
                           ov_account_get_name (self->account));
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_widget_set_visible (self->skip_button, self->mode == OV_STAGE_WIZARD_COMPLETE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.skip",
                                 self->mode == OV_STAGE_WIZARD_COMPLETE);

  /* Reading the stored answers back into the editors changed nothing. */
  ov_stage_answers_set_modified (self->answers, FALSE);

  ov_stage_wizard_go_to_step (self, first_open_step (self));
}

static void
ov_stage_wizard_dispose (GObject *object)
{
  OvStageWizard *self = OV_STAGE_WIZARD (object);

  g_clear_handle_id (&self->suggest_id, g_source_remove);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_object (&self->answers);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_stage_wizard_parent_class)->dispose (object);
}

static void
ov_stage_wizard_class_init (OvStageWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ov_stage_wizard_dispose;
  window_class->close_request = ov_stage_wizard_close_request;

  g_type_ensure (OV_TYPE_WIZARD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-stage-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, pages_stack);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, message_label);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, skip_button);
  gtk_widget_class_bind_template_child (widget_class, OvStageWizard, later_button);

  ov_stage_wizard_class_init_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_stage_wizard_init (OvStageWizard *self)
{
  self->editors = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Opens @stage's wizard for @account on top of @from's window. A stage the
 * account has not reached is not opened: a toast says why. Returns the
 * wizard (owned by GTK), or NULL. */
OvStageWizard *
ov_stage_wizard_open (GtkWidget     *from,
                      OvStore       *store,
                      OvAccountList *accounts,
                      OvAccount     *account,
                      OvStage        stage)
{
  g_autoptr(OvStageAnswers) answers = NULL;
  g_autoptr(GError) error = NULL;
  OvStage current;
  OvStageWizard *self;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (accounts == NULL || OV_IS_ACCOUNT_LIST (accounts), NULL);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  current = ov_account_get_stage (account);
  if (stage > current)
    {
      g_autofree char *message = NULL;

      /* Translators: a short toast, "Review opens after Adopt" */
      message = g_strdup_printf (_("%s opens after %s"),
                                 ov_stage_get_title (stage), ov_stage_get_title (current));
      ov_app_show_toast (from, message);
      return NULL;
    }

  answers = ov_store_load_answers (store, ov_account_get_id (account), stage, &error);
  if (answers == NULL)
    {
      ov_app_show_toast (from, error->message);
      return NULL;
    }

  self = g_object_new (OV_TYPE_STAGE_WIZARD,
                       "transient-for", gtk_widget_get_root (from),
                       NULL);
  self->store = g_object_ref (store);
  self->accounts = accounts ? g_object_ref (accounts) : NULL;
  self->account = g_object_ref (account);
  self->answers = g_steal_pointer (&answers);
  self->stage = stage;
  self->mode = stage == current && stage != OV_STAGE_LAST ? OV_STAGE_WIZARD_COMPLETE
                                                          : OV_STAGE_WIZARD_SAVE;
  build (self);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

OvStage
ov_stage_wizard_get_stage (OvStageWizard *self)
{
  g_return_val_if_fail (OV_IS_STAGE_WIZARD (self), OV_STAGE_EMBARK);

  return self->stage;
}

OvStageWizardMode
ov_stage_wizard_get_mode (OvStageWizard *self)
{
  g_return_val_if_fail (OV_IS_STAGE_WIZARD (self), OV_STAGE_WIZARD_SAVE);

  return self->mode;
}

/* The step shown, from 0. */
guint
ov_stage_wizard_get_step (OvStageWizard *self)
{
  g_return_val_if_fail (OV_IS_STAGE_WIZARD (self), 0);

  return self->step;
}

guint
ov_stage_wizard_get_n_steps (OvStageWizard *self)
{
  g_return_val_if_fail (OV_IS_STAGE_WIZARD (self), 0);

  return self->n_steps;
}

OvFieldEditor *
ov_stage_wizard_get_editor (OvStageWizard *self,
                            const char    *field_id)
{
  g_return_val_if_fail (OV_IS_STAGE_WIZARD (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      OvFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (g_strcmp0 (ov_wizard_field_get_id (ov_field_editor_get_field (editor)), field_id) == 0)
        return editor;
    }

  return NULL;
}

/* The date the stage counts as completed on (last step, completing only). */
OvDateRow *
ov_stage_wizard_get_completed_on_row (OvStageWizard *self)
{
  g_return_val_if_fail (OV_IS_STAGE_WIZARD (self), NULL);

  return self->completed_on_row;
}

/* The message above the buttons (a refusal without a field), or "". */
const char *
ov_stage_wizard_get_message (OvStageWizard *self)
{
  g_return_val_if_fail (OV_IS_STAGE_WIZARD (self), NULL);

  return gtk_label_get_label (self->message_label);
}
