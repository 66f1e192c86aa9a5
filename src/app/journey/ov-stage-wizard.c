/* ov-stage-wizard.c — a stage's guided steps for one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from the stage's definitions in ov-wizard.h: one page per step,
 * one OvFieldEditor per field. Next checks the step with the core's rules
 * and keeps the user there, pointing at the field, until it passes. The
 * last step completes the stage (the account's current one) through
 * ov_store_complete_stage(), or, for a stage already behind the account
 * and for Expand, which has no stage after it, saves the answers. "Save
 * and Continue Later" keeps whatever was entered, checked or not.
 */

#define G_LOG_DOMAIN "overture"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-date-row.h"
#include "ov-stage-wizard.h"

struct _OvStageWizard
{
  AdwWindow          parent_instance;

  OvStore           *store;
  OvAccountList     *accounts;
  OvAccount         *account;
  OvStageAnswers    *answers;
  OvStage            stage;
  OvStageWizardMode  mode;

  /* Every field editor in order; each knows its step as "ov-step". */
  GPtrArray         *editors;
  guint              n_steps;
  guint              step;
  OvDateRow         *completed_on_row;
  gboolean           may_close;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *back_button;
  GtkButton         *next_button;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkStack          *pages_stack;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;
  GtkWidget         *skip_button;
  GtkWidget         *later_button;
};

G_DEFINE_FINAL_TYPE (OvStageWizard, ov_stage_wizard, ADW_TYPE_WINDOW)

static guint
editor_step (OvFieldEditor *editor)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editor), "ov-step"));
}

static void
show_message (OvStageWizard *self,
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
}

static void
go_to_step (OvStageWizard *self,
            guint          step)
{
  g_return_if_fail (step < self->n_steps);

  self->step = step;
  update_chrome (self);
}

/* Points at @field_id's editor (on its step) with @message; without a
 * field, the message goes above the buttons. */
static void
show_problem (OvStageWizard *self,
              const char    *field_id,
              const char    *message)
{
  OvFieldEditor *editor = field_id ? ov_stage_wizard_get_editor (self, field_id) : NULL;

  if (editor == NULL)
    {
      show_message (self, message);
      return;
    }

  go_to_step (self, editor_step (editor));
  ov_field_editor_show_error (editor, message);
  ov_field_editor_focus (editor);
}

/* Writes the widgets of @step (or of every step, with G_MAXUINT) into the
 * answers. With @report, the first field that cannot be read is pointed
 * at and the rest is left alone; without, every readable field is kept. */
static gboolean
store_fields (OvStageWizard *self,
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
              show_problem (self, ov_wizard_field_get_id (ov_field_editor_get_field (editor)),
                            error->message);
              return FALSE;
            }
        }
    }

  return ok;
}

/* The account object the list and the page show takes the stored values. */
static void
refresh_account (OvStageWizard *self)
{
  g_autoptr(OvAccount) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = ov_store_get_account (self->store, ov_account_get_id (self->account), &error);
  if (fresh == NULL)
    {
      g_warning ("Could not read the account back: %s", error->message);
      return;
    }

  ov_account_assign (self->account, fresh);
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

  refresh_account (self);
  if (!ov_store_reload_answers (self->store, self->answers, &read_error))
    {
      show_message (self, read_error->message);
      return;
    }

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
    go_to_step (self, editor_step (first));

  message = ov_conflict_describe (error, OV_CONFLICT_SAVE, changes->str);
  ov_conflict_show (GTK_WIDGET (self), self->message_label, self->message_revealer, error,
                    message);
}

/* A refusal from the store: a conflict is met by reading again. */
static void
show_save_error (OvStageWizard *self,
                 const GError  *error)
{
  if (ov_conflict_matches (error))
    show_conflict (self, error);
  else
    show_message (self, error->message);
}

static void
close_now (OvStageWizard *self)
{
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_idle_cb (gpointer data)
{
  close_now (OV_STAGE_WIZARD (data));
  return G_SOURCE_REMOVE;
}

/* From a message dialog's response: the dialog is still finishing its
 * emission and must not outlive the wizard it is attached to. */
static void
close_soon (OvStageWizard *self)
{
  self->may_close = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

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

  if (ov_date_parse_iso (text, on, &error))
    return TRUE;

  /* Translators: the label of the completion date, then what is wrong */
  message = g_strdup_printf (_("%s: %s"), _("Completed on"), error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->completed_on_row), "error");
  show_message (self, message);
  return FALSE;
}

static void
complete_stage (OvStageWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  const char *field_id = NULL;
  OvDate on;

  gtk_widget_remove_css_class (GTK_WIDGET (self->completed_on_row), "error");

  if (!read_completed_on (self, &on))
    return;

  /* The core checks again when completing; asking first finds the step. */
  if (!ov_stage_answers_validate (self->answers, on, &field_id, &error))
    {
      show_problem (self, field_id, error->message);
      return;
    }

  if (!ov_store_complete_stage (self->store, ov_account_get_id (self->account), self->stage,
                                self->answers, on, &error))
    {
      if (g_error_matches (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_DATE))
        gtk_widget_add_css_class (GTK_WIDGET (self->completed_on_row), "error");
      show_save_error (self, error);
      return;
    }

  refresh_account (self);

  /* Translators: a short toast, "Kickoff completed; now in Adopt" */
  toast = g_strdup_printf (_("%s completed; now in %s"), ov_stage_get_title (self->stage),
                           ov_stage_get_title (ov_account_get_stage (self->account)));
  ov_app_show_toast (GTK_WIDGET (self), toast);
  close_now (self);
}

static gboolean
save_answers (OvStageWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (!ov_store_save_answers (self->store, self->answers, &error))
    {
      show_save_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Completing a stage copies the answers that are account facts (close,
 * kickoff, go-live and first-value dates, package, milestone) into the
 * account; a later correction in that stage's wizard has to reach the
 * account too. Which field is which fact is the core's definition; the
 * account's own rules decide, when it is saved, whether the result holds.
 * Returns the account with the facts, or NULL when none changed. */
static OvAccount *
account_with_facts (OvStageWizard *self)
{
  g_autoptr(OvAccount) draft = ov_account_copy (self->account);
  gboolean changed = FALSE;

  for (guint i = 0; i < self->editors->len; i++)
    {
      const OvWizardField *field = ov_field_editor_get_field (g_ptr_array_index (self->editors, i));
      const char *id = ov_wizard_field_get_id (field);
      int fact = ov_wizard_field_get_account_fact (field);

      if (fact == OV_WIZARD_FACT_NONE || !ov_stage_answers_has_value (self->answers, id))
        continue;

      if (fact == OV_WIZARD_FACT_PACKAGE)
        {
          changed |= g_strcmp0 (ov_account_get_package (draft),
                                ov_stage_answers_get_text (self->answers, id)) != 0;
          ov_account_set_package (draft, ov_stage_answers_get_text (self->answers, id));
        }
      else if (fact == OV_WIZARD_FACT_MILESTONE)
        {
          changed |= g_strcmp0 (ov_account_get_first_value_milestone (draft),
                                ov_stage_answers_get_text (self->answers, id)) != 0;
          ov_account_set_first_value_milestone (draft,
                                                ov_stage_answers_get_text (self->answers, id));
        }
      else if (fact >= 0 && fact < OV_N_ACCOUNT_DATES)
        {
          changed |= ov_account_get_date (draft, fact) != ov_stage_answers_get_date (self->answers,
                                                                                     id);
          ov_account_set_date (draft, fact, ov_stage_answers_get_date (self->answers, id));
        }
    }

  return changed ? g_steal_pointer (&draft) : NULL;
}

static void
save_checked_answers (OvStageWizard *self)
{
  g_autoptr(OvAccount) facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  const char *field_id = NULL;

  if (!ov_stage_answers_validate (self->answers, ov_date_today (), &field_id, &error))
    {
      show_problem (self, field_id, error->message);
      return;
    }

  /* A stage behind the account: its facts follow, with the answers. */
  if (self->stage < ov_account_get_stage (self->account))
    facts = account_with_facts (self);

  if (!ov_store_save_answers_and_account (self->store, self->answers, facts, &error))
    {
      show_save_error (self, error);
      return;
    }

  if (facts != NULL)
    {
      ov_account_assign (self->account, facts);
      if (self->accounts != NULL)
        ov_account_list_update (self->accounts, self->account);
    }

  /* Translators: a short toast, "Kickoff answers saved" */
  toast = g_strdup_printf (_("%s answers saved"), ov_stage_get_title (self->stage));
  ov_app_show_toast (GTK_WIDGET (self), toast);
  close_now (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OvStageWizard *self = OV_STAGE_WIZARD (widget);
  g_autoptr(GError) error = NULL;
  const char *field_id = NULL;

  show_message (self, NULL);

  if (!store_fields (self, self->step, TRUE))
    return;

  if (!ov_stage_answers_validate_step (self->answers,
                                       ov_wizard_get_step (self->stage, self->step),
                                       ov_date_today (), &field_id, &error))
    {
      show_problem (self, field_id, error->message);
      return;
    }

  if (self->step + 1 < self->n_steps)
    {
      go_to_step (self, self->step + 1);
      return;
    }

  if (!store_fields (self, G_MAXUINT, TRUE))
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
  show_message (self, NULL);
  store_fields (self, self->step, FALSE);
  go_to_step (self, self->step - 1);
}

static void
save_later_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OvStageWizard *self = OV_STAGE_WIZARD (widget);
  g_autofree char *toast = NULL;

  show_message (self, NULL);

  if (!store_fields (self, G_MAXUINT, TRUE) || !save_answers (self))
    return;

  /* Translators: a short toast, "Kickoff saved for later" */
  toast = g_strdup_printf (_("%s saved for later"), ov_stage_get_title (self->stage));
  ov_app_show_toast (GTK_WIDGET (self), toast);
  close_now (self);
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
  store_fields (self, G_MAXUINT, FALSE);
  if (ov_stage_answers_get_modified (self->answers) && !save_answers (self))
    return;

  if (!ov_store_skip_stage (self->store, ov_account_get_id (self->account), stage,
                            ov_date_today (), NULL, &error))
    {
      show_message (self, error->message);
      return;
    }

  refresh_account (self);

  /* Translators: a short toast, "Kickoff skipped; now in Adopt" */
  toast = g_strdup_printf (_("%s skipped; now in %s"), ov_stage_get_title (stage),
                           ov_stage_get_title (ov_account_get_stage (self->account)));
  ov_app_show_toast (GTK_WIDGET (self), toast);
  close_soon (self);
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

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     OvStageWizard    *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (!save_answers (self))
        return;
    }
  else if (g_strcmp0 (response, "discard") != 0)
    {
      return;
    }

  close_soon (self);
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

  store_fields (self, G_MAXUINT, FALSE);
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
new_completion_group (OvStageWizard *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = ov_date_row_new ();
  g_autofree char *description = NULL;

  /* Translators: "Completing Kickoff moves the account to Adopt and gives it
   * Adopt's tasks from its playbook." */
  description = g_strdup_printf (_("Completing %s moves the account to %s and gives it %s’s "
                                   "tasks from its playbook, due from this date on."),
                                 ov_stage_get_title (self->stage),
                                 ov_stage_get_title (self->stage + 1),
                                 ov_stage_get_title (self->stage + 1));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Completing the Stage"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Completed on"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  ov_date_row_set_date (OV_DATE_ROW (row), ov_date_today ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->completed_on_row = OV_DATE_ROW (row);

  return group;
}

static GtkWidget *
new_page (OvStageWizard *self,
          guint          index)
{
  const OvWizardStep *step = ov_wizard_get_step (self->stage, index);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (ov_wizard_step_get_title (step));
  GtkWidget *description = gtk_label_new (ov_wizard_step_get_description (step));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 420);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), description);
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < ov_wizard_step_get_n_fields (step); i++)
    {
      GtkWidget *editor = ov_field_editor_new (ov_wizard_step_get_field (step, i), self->store,
                                               ov_account_get_id (self->account));

      g_object_set_data (G_OBJECT (editor), "ov-step", GUINT_TO_POINTER (index));
      ov_field_editor_load (OV_FIELD_EDITOR (editor), self->answers);
      g_ptr_array_add (self->editors, editor);
      gtk_box_append (GTK_BOX (box), editor);
    }

  if (index + 1 == self->n_steps && self->mode == OV_STAGE_WIZARD_COMPLETE)
    gtk_box_append (GTK_BOX (box), new_completion_group (self));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

/* TRUE when something was answered in this wizard before (facts copied
 * from the account do not count). */
static gboolean
has_own_answers (OvStageWizard *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      const OvWizardField *field = ov_field_editor_get_field (g_ptr_array_index (self->editors, i));

      if (ov_wizard_field_get_account_fact (field) == OV_WIZARD_FACT_NONE &&
          ov_wizard_field_get_kind (field) != OV_FIELD_GOAL_OUTCOMES &&
          ov_stage_answers_has_value (self->answers, ov_wizard_field_get_id (field)))
        return TRUE;
    }

  return FALSE;
}

/* Where to start: a wizard begun before continues at the first step the
 * core would still refuse; a new one at the beginning. */
static guint
first_open_step (OvStageWizard *self)
{
  if (self->mode != OV_STAGE_WIZARD_COMPLETE || !has_own_answers (self))
    return 0;

  for (guint i = 0; i < self->n_steps; i++)
    {
      if (!ov_stage_answers_validate_step (self->answers, ov_wizard_get_step (self->stage, i),
                                           ov_date_today (), NULL, NULL))
        return i;
    }

  return self->n_steps - 1;
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

  go_to_step (self, first_open_step (self));
}

static void
ov_stage_wizard_dispose (GObject *object)
{
  OvStageWizard *self = OV_STAGE_WIZARD (object);

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

  g_type_ensure (OV_TYPE_FIELD_EDITOR);

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

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.save-later", NULL, save_later_action);
  gtk_widget_class_install_action (widget_class, "wizard.skip", NULL, skip_action);

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
