/* ov-field-editor.c — one field of a stage wizard, edited by its kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizard definitions (ov-wizard.h) say what a field is; this widget
 * turns that into rows: an entry for text, a framed text view for long
 * text, a date row, a tick box with the date it was done, a switch, a spin
 * button, a drop-down, an editable list, a verdict per handoff goal
 * (ov-goal-outcomes-editor.c), or the stage's tasks. load() shows what
 * the answers hold, store() writes what the widgets show back into them;
 * the rules live in OvStageAnswers.
 */

#define G_LOG_DOMAIN "ov-field-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-field-editor.h"
#include "ov-goal-outcomes-editor.h"
#include "ov-interview-step.h"
#include "ov-string-list-editor.h"
#include "ov-task-row.h"

struct _OvFieldEditor
{
  AdwBin               parent_instance;

  const OvWizardField *field;
  OvStore             *store;
  gint64               account_id;

  /* The widget that holds the value, and the row marked when it is wrong. */
  GtkWidget           *input;
  GtkWidget           *error_widget;
  /* OV_FIELD_CHECK: when it was done. */
  OvDateRow           *date_row;
  /* OV_FIELD_GOAL_OUTCOMES: the goals shown (NULL when there are none). */
  OvGoalOutcomesEditor *outcomes;
  /* OV_FIELD_TASKS and OV_FIELD_GOAL_OUTCOMES: widgets to replace on load. */
  GPtrArray           *dynamic;

  gboolean             loading;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkLabel            *help_label;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (OvFieldEditor, ov_field_editor, ADW_TYPE_BIN)

static char *
field_title (const OvWizardField *field)
{
  if (ov_wizard_field_is_required (field))
    /* Translators: the label of a wizard field that must be filled in */
    return g_strdup_printf (_("%s (required)"), ov_wizard_field_get_label (field));

  return g_strdup (ov_wizard_field_get_label (field));
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Editing a field takes its complaint away. */
static void
edited_cb (OvFieldEditor *self)
{
  if (!self->loading)
    ov_field_editor_show_error (self, NULL);
}

static void
check_toggled_cb (OvFieldEditor *self)
{
  gboolean done = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->input));

  gtk_widget_set_visible (GTK_WIDGET (self->date_row), done);

  /* Ticked now: most things are ticked off the day they happen. */
  if (!self->loading && done && ov_date_row_get_date (self->date_row) == OV_DATE_NONE &&
      gtk_editable_get_text (GTK_EDITABLE (self->date_row))[0] == '\0')
    ov_date_row_set_date (self->date_row, ov_date_today ());

  edited_cb (self);
}

static GtkWidget *
new_date_row (const char *title)
{
  GtkWidget *row = ov_date_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* What is typed counts when the step is left; no need to press Enter. */
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  return row;
}

static void
show_help_below (OvFieldEditor *self)
{
  const char *help = ov_wizard_field_get_help (self->field);

  gtk_label_set_label (self->help_label, help);
  gtk_widget_set_visible (GTK_WIDGET (self->help_label), help[0] != '\0');
}

static void
show_help_in_header (OvFieldEditor *self)
{
  g_autofree char *title = field_title (self->field);

  adw_preferences_group_set_title (self->group, title);
  adw_preferences_group_set_description (self->group, ov_wizard_field_get_help (self->field));
}

static void
build_text (OvFieldEditor *self)
{
  g_autofree char *title = field_title (self->field);
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "changed", G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->group, row);
  show_help_below (self);
  self->input = self->error_widget = row;
}

static void
build_long_text (OvFieldEditor *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 88);
  set_label (view, ov_wizard_field_get_label (self->field));
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_add_css_class (frame, "long-text");
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);

  show_help_in_header (self);
  adw_preferences_group_add (self->group, frame);
  self->input = view;
  self->error_widget = frame;
}

static void
build_date (OvFieldEditor *self)
{
  g_autofree char *title = field_title (self->field);
  GtkWidget *row = new_date_row (title);

  g_signal_connect_object (row, "changed", G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->group, row);
  show_help_below (self);
  self->input = self->error_widget = row;
}

static void
build_check (OvFieldEditor *self)
{
  g_autofree char *title = field_title (self->field);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *date_row = new_date_row (_("Done on"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ov_wizard_field_get_help (self->field));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  set_label (check, ov_wizard_field_get_label (self->field));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_visible (date_row, FALSE);
  g_signal_connect_object (date_row, "changed", G_CALLBACK (edited_cb), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_group_add (self->group, row);
  adw_preferences_group_add (self->group, date_row);
  self->input = check;
  self->date_row = OV_DATE_ROW (date_row);
  self->error_widget = date_row;
}

static void
build_bool (OvFieldEditor *self)
{
  g_autofree char *title = field_title (self->field);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ov_wizard_field_get_help (self->field));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  set_label (toggle, ov_wizard_field_get_label (self->field));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (edited_cb), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_group_add (self->group, row);
  self->input = toggle;
  self->error_widget = row;
}

static void
build_number (OvFieldEditor *self)
{
  g_autofree char *title = field_title (self->field);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 1000000, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ov_wizard_field_get_help (self->field));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  set_label (spin, ov_wizard_field_get_label (self->field));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (edited_cb), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_group_add (self->group, row);
  self->input = spin;
  self->error_widget = row;
}

static void
build_choice (OvFieldEditor *self)
{
  g_autofree char *title = field_title (self->field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *choices = ov_wizard_field_get_choices (self->field);
  GtkWidget *row = adw_combo_row_new ();

  /* The first entry leaves the field unanswered. */
  gtk_string_list_append (labels, _("Not recorded"));
  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (labels, ov_wizard_field_get_choice_label (self->field, choices[i]));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ov_wizard_field_get_help (self->field));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (edited_cb), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_group_add (self->group, row);
  self->input = self->error_widget = row;
}

static void
build_list (OvFieldEditor *self)
{
  GtkWidget *editor = ov_string_list_editor_new ();

  set_label (editor, ov_wizard_field_get_label (self->field));
  g_signal_connect_object (editor, "changed", G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
  show_help_in_header (self);
  adw_preferences_group_add (self->group, editor);
  self->input = self->error_widget = editor;
}

static void
build_placeholder_group (OvFieldEditor *self)
{
  show_help_in_header (self);
  self->input = self->error_widget = GTK_WIDGET (self->group);
}

/* The account's interviews, in a section of their own (with its title and
 * Start button) in place of the field's group. */
static void
build_interviews (OvFieldEditor *self)
{
  GtkWidget *step = ov_interview_step_new (self->store, self->account_id);

  gtk_widget_set_visible (GTK_WIDGET (self->group), FALSE);
  gtk_box_prepend (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->group))), step);
  self->input = self->error_widget = step;
}

static void
clear_dynamic (OvFieldEditor *self)
{
  for (guint i = 0; i < self->dynamic->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->dynamic, i));
  g_ptr_array_set_size (self->dynamic, 0);
}

static void
add_dynamic (OvFieldEditor *self,
             GtkWidget     *widget)
{
  adw_preferences_group_add (self->group, widget);
  g_ptr_array_add (self->dynamic, widget);
}

static void
load_goals (OvFieldEditor  *self,
            OvStageAnswers *answers)
{
  const char *id = ov_wizard_field_get_id (self->field);
  g_autoptr(GPtrArray) results = ov_stage_answers_dup_goal_results (answers, id);
  GtkWidget *outcomes;

  clear_dynamic (self);
  self->outcomes = NULL;

  if (results->len == 0)
    {
      add_dynamic (self, ov_app_note_row_new (_("No goals were recorded at the handoff.")));
      return;
    }

  outcomes = ov_goal_outcomes_editor_new ();
  ov_goal_outcomes_editor_set_results (OV_GOAL_OUTCOMES_EDITOR (outcomes), results);
  g_signal_connect_object (outcomes, "changed", G_CALLBACK (edited_cb), self,
                           G_CONNECT_SWAPPED);
  self->outcomes = OV_GOAL_OUTCOMES_EDITOR (outcomes);
  add_dynamic (self, outcomes);
}

static void
load_tasks (OvFieldEditor *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  clear_dynamic (self);

  tasks = ov_store_list_tasks (self->store, self->account_id,
                               ov_wizard_field_get_stage (self->field), &error);
  if (tasks == NULL)
    {
      add_dynamic (self, ov_app_note_row_new (error->message));
      return;
    }

  if (tasks->len == 0)
    add_dynamic (self, ov_app_note_row_new (_("This stage has no tasks.")));

  for (guint i = 0; i < tasks->len; i++)
    add_dynamic (self, ov_task_row_new (self->store, g_ptr_array_index (tasks, i), FALSE));
}

static void
ov_field_editor_dispose (GObject *object)
{
  OvFieldEditor *self = OV_FIELD_EDITOR (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_field_editor_parent_class)->dispose (object);
}

static void
ov_field_editor_finalize (GObject *object)
{
  OvFieldEditor *self = OV_FIELD_EDITOR (object);

  g_clear_pointer (&self->dynamic, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_field_editor_parent_class)->finalize (object);
}

static void
ov_field_editor_class_init (OvFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_field_editor_dispose;
  object_class->finalize = ov_field_editor_finalize;

  g_type_ensure (OV_TYPE_DATE_ROW);
  g_type_ensure (OV_TYPE_STRING_LIST_EDITOR);
  g_type_ensure (OV_TYPE_GOAL_OUTCOMES_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-field-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OvFieldEditor, group);
  gtk_widget_class_bind_template_child (widget_class, OvFieldEditor, help_label);
  gtk_widget_class_bind_template_child (widget_class, OvFieldEditor, error_label);
}

static void
ov_field_editor_init (OvFieldEditor *self)
{
  self->dynamic = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @store and @account_id are used by OV_FIELD_TASKS and OV_FIELD_INTERVIEWS only. */
GtkWidget *
ov_field_editor_new (const OvWizardField *field,
                     OvStore             *store,
                     gint64               account_id)
{
  OvFieldEditor *self;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  self = g_object_new (OV_TYPE_FIELD_EDITOR, NULL);
  self->field = field;
  self->store = g_object_ref (store);
  self->account_id = account_id;

  switch (ov_wizard_field_get_kind (field))
    {
    case OV_FIELD_TEXT:
      build_text (self);
      break;
    case OV_FIELD_LONG_TEXT:
      build_long_text (self);
      break;
    case OV_FIELD_DATE:
      build_date (self);
      break;
    case OV_FIELD_BOOL:
      build_bool (self);
      break;
    case OV_FIELD_NUMBER:
      build_number (self);
      break;
    case OV_FIELD_CHOICE:
      build_choice (self);
      break;
    case OV_FIELD_LIST:
      build_list (self);
      break;
    case OV_FIELD_CHECK:
      build_check (self);
      break;
    case OV_FIELD_INTERVIEWS:
      build_interviews (self);
      break;
    case OV_FIELD_GOAL_OUTCOMES:
    case OV_FIELD_TASKS:
    default:
      build_placeholder_group (self);
      break;
    }

  gtk_widget_set_name (GTK_WIDGET (self), ov_wizard_field_get_id (field));
  return GTK_WIDGET (self);
}

const OvWizardField *
ov_field_editor_get_field (OvFieldEditor *self)
{
  g_return_val_if_fail (OV_IS_FIELD_EDITOR (self), NULL);

  return self->field;
}

/* Shows what @answers hold for this field. */
void
ov_field_editor_load (OvFieldEditor  *self,
                      OvStageAnswers *answers)
{
  const char *id;

  g_return_if_fail (OV_IS_FIELD_EDITOR (self));
  g_return_if_fail (OV_IS_STAGE_ANSWERS (answers));

  id = ov_wizard_field_get_id (self->field);
  self->loading = TRUE;

  switch (ov_wizard_field_get_kind (self->field))
    {
    case OV_FIELD_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (self->input), ov_stage_answers_get_text (answers, id));
      break;

    case OV_FIELD_LONG_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input)),
                                ov_stage_answers_get_text (answers, id), -1);
      break;

    case OV_FIELD_DATE:
      ov_date_row_set_date (OV_DATE_ROW (self->input), ov_stage_answers_get_date (answers, id));
      break;

    case OV_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (self->input), ov_stage_answers_get_bool (answers, id));
      break;

    case OV_FIELD_NUMBER:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->input),
                                 ov_stage_answers_get_number (answers, id));
      break;

    case OV_FIELD_CHOICE:
      {
        const char *choice = ov_stage_answers_get_choice (answers, id);
        const char * const *choices = ov_wizard_field_get_choices (self->field);
        guint selected = 0;

        for (guint i = 0; choices[i] != NULL; i++)
          {
            if (g_strcmp0 (choices[i], choice) == 0)
              selected = i + 1;
          }
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->input), selected);
      }
      break;

    case OV_FIELD_LIST:
      {
        g_auto(GStrv) items = ov_stage_answers_dup_list (answers, id);

        ov_string_list_editor_set_items (OV_STRING_LIST_EDITOR (self->input),
                                         (const char * const *)items);
      }
      break;

    case OV_FIELD_CHECK:
      {
        OvDate done_on = OV_DATE_NONE;
        gboolean done = ov_stage_answers_get_check (answers, id, &done_on);

        ov_date_row_set_date (self->date_row, done_on);
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->input), done);
        gtk_widget_set_visible (GTK_WIDGET (self->date_row), done);
      }
      break;

    case OV_FIELD_GOAL_OUTCOMES:
      load_goals (self, answers);
      break;

    case OV_FIELD_TASKS:
      load_tasks (self);
      break;

    case OV_FIELD_INTERVIEWS:
      /* The section reads them itself, and again when they change. */
      break;

    default:
      g_assert_not_reached ();
    }

  self->loading = FALSE;
  ov_field_editor_show_error (self, NULL);
}

/* The date typed into @row: OV_DATE_NONE when empty, FALSE when it is not a
 * date (with the field's label in the message). */
static gboolean
read_date (OvFieldEditor  *self,
           OvDateRow      *row,
           OvDate         *date,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!ov_date_row_read_text (row, date, &local_error))
    {
      /* Translators: a wizard field's label, then what is wrong with it */
      g_set_error (error, OV_WIZARD_ERROR, OV_WIZARD_ERROR_INVALID, _("%s: %s"),
                   ov_wizard_field_get_label (self->field), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Writes what the widgets show into @answers. Fails only when something
 * typed cannot be read (a date that is not one); validation is separate. */
gboolean
ov_field_editor_store (OvFieldEditor   *self,
                       OvStageAnswers  *answers,
                       GError         **error)
{
  const char *id;

  g_return_val_if_fail (OV_IS_FIELD_EDITOR (self), FALSE);
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (answers), FALSE);

  id = ov_wizard_field_get_id (self->field);

  switch (ov_wizard_field_get_kind (self->field))
    {
    case OV_FIELD_TEXT:
      ov_stage_answers_set_text (answers, id, gtk_editable_get_text (GTK_EDITABLE (self->input)));
      break;

    case OV_FIELD_LONG_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
        g_autofree char *text = NULL;
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        ov_stage_answers_set_text (answers, id, text);
      }
      break;

    case OV_FIELD_DATE:
      {
        OvDate date;

        if (!read_date (self, OV_DATE_ROW (self->input), &date, error))
          return FALSE;
        ov_stage_answers_set_date (answers, id, date);
      }
      break;

    case OV_FIELD_BOOL:
      {
        gboolean active = gtk_switch_get_active (GTK_SWITCH (self->input));

        /* Off and never answered stays unanswered. */
        if (active || ov_stage_answers_has_value (answers, id))
          ov_stage_answers_set_bool (answers, id, active);
      }
      break;

    case OV_FIELD_NUMBER:
      {
        gint64 value;

        gtk_spin_button_update (GTK_SPIN_BUTTON (self->input));
        value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->input));
        if (value != 0 || ov_stage_answers_has_value (answers, id))
          ov_stage_answers_set_number (answers, id, value);
      }
      break;

    case OV_FIELD_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->input));
        const char * const *choices = ov_wizard_field_get_choices (self->field);

        if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
            selected > g_strv_length ((char **)choices))
          ov_stage_answers_set_choice (answers, id, NULL);
        else
          ov_stage_answers_set_choice (answers, id, choices[selected - 1]);
      }
      break;

    case OV_FIELD_LIST:
      {
        g_auto(GStrv) items =
          ov_string_list_editor_dup_items (OV_STRING_LIST_EDITOR (self->input));

        ov_stage_answers_set_list (answers, id, (const char * const *)items);
      }
      break;

    case OV_FIELD_CHECK:
      {
        gboolean done = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->input));
        OvDate date = OV_DATE_NONE;

        if (done && !read_date (self, self->date_row, &date, error))
          return FALSE;
        ov_stage_answers_set_check (answers, id, done, date);
      }
      break;

    case OV_FIELD_GOAL_OUTCOMES:
      if (self->outcomes != NULL)
        ov_goal_outcomes_editor_store (self->outcomes, answers, id);
      break;

    case OV_FIELD_TASKS:
    case OV_FIELD_INTERVIEWS:
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Shows @message under the field and marks it; NULL takes both away. */
void
ov_field_editor_show_error (OvFieldEditor *self,
                            const char    *message)
{
  g_return_if_fail (OV_IS_FIELD_EDITOR (self));

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  /* For the goals, the ones still to judge are what is wrong. */
  if (ov_wizard_field_get_kind (self->field) == OV_FIELD_GOAL_OUTCOMES)
    {
      if (self->outcomes != NULL)
        ov_goal_outcomes_editor_mark (self->outcomes, message != NULL);
      return;
    }

  if (message != NULL)
    gtk_widget_add_css_class (self->error_widget, "error");
  else
    gtk_widget_remove_css_class (self->error_widget, "error");
}

/* The message shown under the field, or "". */
const char *
ov_field_editor_get_error (OvFieldEditor *self)
{
  g_return_val_if_fail (OV_IS_FIELD_EDITOR (self), NULL);

  return gtk_label_get_label (self->error_label);
}

void
ov_field_editor_focus (OvFieldEditor *self)
{
  g_return_if_fail (OV_IS_FIELD_EDITOR (self));

  if (self->date_row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->date_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  else
    gtk_widget_grab_focus (self->input);
}

/* The widget holding the value: AdwEntryRow (text), GtkTextView (long
 * text), OvDateRow (date), GtkSwitch (bool), GtkSpinButton (number),
 * AdwComboRow (choice), OvStringListEditor (list), GtkCheckButton (check),
 * the group (goal outcomes, tasks). */
GtkWidget *
ov_field_editor_get_input (OvFieldEditor *self)
{
  g_return_val_if_fail (OV_IS_FIELD_EDITOR (self), NULL);

  return self->input;
}

/* OV_FIELD_CHECK: the row with the date it was done; else NULL. */
OvDateRow *
ov_field_editor_get_date_row (OvFieldEditor *self)
{
  g_return_val_if_fail (OV_IS_FIELD_EDITOR (self), NULL);

  return self->date_row;
}

/* OV_FIELD_GOAL_OUTCOMES: the combo row (or, with @comment, the comment
 * row) of goal @index; NULL when there is no such goal. */
GtkWidget *
ov_field_editor_get_goal_row (OvFieldEditor *self,
                              guint          index,
                              gboolean       comment)
{
  g_return_val_if_fail (OV_IS_FIELD_EDITOR (self), NULL);

  if (self->outcomes == NULL)
    return NULL;

  return ov_goal_outcomes_editor_get_row (self->outcomes, index, comment);
}
