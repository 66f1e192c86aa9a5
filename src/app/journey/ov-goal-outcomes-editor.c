/* ov-goal-outcomes-editor.c — how each handoff goal turned out, with a
 * comment (the Review wizard)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One boxed list per goal written at the handoff: a combo row with the
 * verdict (not judged yet, met, partly met, not met) and an entry row for
 * a comment. The goals are the user's text and are never read as markup.
 */

#define G_LOG_DOMAIN "ov-goal-outcomes-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-goal-outcomes-editor.h"

struct _OvGoalOutcomesEditor
{
  AdwBin     parent_instance;

  /* Per goal shown: its text, its combo row and its comment row. */
  GPtrArray *goals;
  GPtrArray *combos;
  GPtrArray *comments;

  /* Template widgets */
  GtkBox    *box;
};

G_DEFINE_FINAL_TYPE (OvGoalOutcomesEditor, ov_goal_outcomes_editor, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_edited (OvGoalOutcomesEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
new_goal_list (OvGoalOutcomesEditor *self,
               const OvGoalResult   *result)
{
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *combo = adw_combo_row_new ();
  GtkWidget *comment = adw_entry_row_new ();

  /* Positions match OvGoalOutcome: none, met, partly, not met. */
  gtk_string_list_append (outcomes, _("Not judged yet"));
  for (OvGoalOutcome outcome = OV_GOAL_OUTCOME_MET; outcome <= OV_GOAL_OUTCOME_NOT_MET;
       outcome++)
    gtk_string_list_append (outcomes, ov_goal_outcome_get_title (outcome));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  /* Goals are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (combo), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), result->goal);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (combo), 0);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (outcomes));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), result->outcome);
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (on_edited), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Comment"));
  gtk_editable_set_text (GTK_EDITABLE (comment), result->comment);
  g_signal_connect_object (comment, "changed", G_CALLBACK (on_edited), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_append (GTK_LIST_BOX (list), combo);
  gtk_list_box_append (GTK_LIST_BOX (list), comment);

  g_ptr_array_add (self->goals, g_strdup (result->goal));
  g_ptr_array_add (self->combos, combo);
  g_ptr_array_add (self->comments, comment);

  return list;
}

static void
ov_goal_outcomes_editor_finalize (GObject *object)
{
  OvGoalOutcomesEditor *self = OV_GOAL_OUTCOMES_EDITOR (object);

  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->combos, g_ptr_array_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_goal_outcomes_editor_parent_class)->finalize (object);
}

static void
ov_goal_outcomes_editor_class_init (OvGoalOutcomesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ov_goal_outcomes_editor_finalize;

  /**
   * OvGoalOutcomesEditor::changed:
   *
   * The user changed a verdict or a comment.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-goal-outcomes-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OvGoalOutcomesEditor, box);
}

static void
ov_goal_outcomes_editor_init (OvGoalOutcomesEditor *self)
{
  self->goals = g_ptr_array_new_with_free_func (g_free);
  self->combos = g_ptr_array_new ();
  self->comments = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ov_goal_outcomes_editor_new (void)
{
  return g_object_new (OV_TYPE_GOAL_OUTCOMES_EDITOR, NULL);
}

/* Shows @results (OvGoalResult), one goal after the other. */
void
ov_goal_outcomes_editor_set_results (OvGoalOutcomesEditor *self,
                                     GPtrArray            *results)
{
  GtkWidget *child;

  g_return_if_fail (OV_IS_GOAL_OUTCOMES_EDITOR (self));
  g_return_if_fail (results != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  g_ptr_array_set_size (self->goals, 0);
  g_ptr_array_set_size (self->combos, 0);
  g_ptr_array_set_size (self->comments, 0);

  for (guint i = 0; i < results->len; i++)
    gtk_box_append (self->box, new_goal_list (self, g_ptr_array_index (results, i)));
}

/* Writes the verdicts and comments shown into @field_id of @answers. */
void
ov_goal_outcomes_editor_store (OvGoalOutcomesEditor *self,
                               OvStageAnswers       *answers,
                               const char           *field_id)
{
  g_autoptr(GPtrArray) before = NULL;

  g_return_if_fail (OV_IS_GOAL_OUTCOMES_EDITOR (self));
  g_return_if_fail (OV_IS_STAGE_ANSWERS (answers));

  before = ov_stage_answers_dup_goal_results (answers, field_id);

  for (guint i = 0; i < self->goals->len; i++)
    {
      const char *goal = g_ptr_array_index (self->goals, i);
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->combos, i));
      const char *comment = gtk_editable_get_text (g_ptr_array_index (self->comments, i));
      OvGoalOutcome outcome = selected <= OV_GOAL_OUTCOME_NOT_MET ? selected
                                                                    : OV_GOAL_OUTCOME_NONE;
      gboolean same = FALSE;

      /* Only real changes count, so an untouched wizard stays unmodified. */
      for (guint j = 0; j < before->len; j++)
        {
          const OvGoalResult *old = g_ptr_array_index (before, j);

          if (g_strcmp0 (old->goal, goal) == 0)
            same = old->outcome == outcome && g_strcmp0 (old->comment, comment) == 0;
        }

      if (!same)
        ov_stage_answers_set_goal_result (answers, field_id, goal, outcome, comment);
    }
}

/* With @unjudged, marks the goals still to judge: they are what is wrong. */
void
ov_goal_outcomes_editor_mark (OvGoalOutcomesEditor *self,
                              gboolean              unjudged)
{
  g_return_if_fail (OV_IS_GOAL_OUTCOMES_EDITOR (self));

  for (guint i = 0; i < self->combos->len; i++)
    {
      GtkWidget *combo = g_ptr_array_index (self->combos, i);

      if (unjudged && adw_combo_row_get_selected (ADW_COMBO_ROW (combo)) == 0)
        gtk_widget_add_css_class (combo, "error");
      else
        gtk_widget_remove_css_class (combo, "error");
    }
}

/* The combo row (or, with @comment, the comment row) of goal @index; NULL
 * when there is no such goal. */
GtkWidget *
ov_goal_outcomes_editor_get_row (OvGoalOutcomesEditor *self,
                                 guint                 index,
                                 gboolean              comment)
{
  g_return_val_if_fail (OV_IS_GOAL_OUTCOMES_EDITOR (self), NULL);

  if (index >= self->combos->len)
    return NULL;

  return g_ptr_array_index (comment ? self->comments : self->combos, index);
}
