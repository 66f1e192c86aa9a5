/* ov-playbook-stage.c — the tasks a playbook gives one stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A group per stage in the playbook editor: the stage's name and what it
 * is for, a button that adds a task (editor.add-task with the stage), one
 * OvPlaybookTaskRow per task in order, a placeholder while there is none,
 * and a label under the rows for what the core refused. The editor stores
 * every edit; this group only shows the tasks it is given.
 */

#define G_LOG_DOMAIN "ov-playbook-stage"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-playbook-stage.h"

struct _OvPlaybookStage
{
  AdwPreferencesGroup  parent_instance;

  OvStage              stage;
  GPtrArray           *rows;        /* OvPlaybookTaskRow, borrowed from the group */

  /* Template widgets */
  GtkWidget           *add_button;
  GtkWidget           *placeholder;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (OvPlaybookStage, ov_playbook_stage, ADW_TYPE_PREFERENCES_GROUP)

static void
ov_playbook_stage_finalize (GObject *object)
{
  OvPlaybookStage *self = OV_PLAYBOOK_STAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_playbook_stage_parent_class)->finalize (object);
}

static void
ov_playbook_stage_class_init (OvPlaybookStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ov_playbook_stage_finalize;

  g_type_ensure (OV_TYPE_PLAYBOOK_TASK_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-playbook-stage.ui");
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookStage, add_button);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookStage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookStage, error_label);
}

static void
ov_playbook_stage_init (OvPlaybookStage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ov_playbook_stage_new (OvStage stage)
{
  OvPlaybookStage *self;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  self = g_object_new (OV_TYPE_PLAYBOOK_STAGE, NULL);
  self->stage = stage;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), ov_stage_get_title (stage));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         ov_stage_get_summary (stage));

  /* Translators: tooltip of the button that adds a task to a stage */
  tooltip = g_strdup_printf (_("Add a Task to %s"), ov_stage_get_title (stage));
  gtk_widget_set_tooltip_text (self->add_button, tooltip);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "i", (int)stage);

  return GTK_WIDGET (self);
}

/* One row per task of @tasks (OvPlaybookTask, the stage's, in order),
 * in place of the rows shown so far. */
void
ov_playbook_stage_show_tasks (OvPlaybookStage *self,
                              GPtrArray       *tasks)
{
  g_return_if_fail (OV_IS_PLAYBOOK_STAGE (self));
  g_return_if_fail (tasks != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < tasks->len; i++)
    {
      GtkWidget *row = ov_playbook_task_row_new (g_ptr_array_index (tasks, i));

      ov_playbook_task_row_set_movable (OV_PLAYBOOK_TASK_ROW (row), i > 0, i + 1 < tasks->len);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (self->placeholder, tasks->len == 0);
}

guint
ov_playbook_stage_get_n_rows (OvPlaybookStage *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_STAGE (self), 0);

  return self->rows->len;
}

/* The row at @position, from 0, or NULL. */
OvPlaybookTaskRow *
ov_playbook_stage_get_row (OvPlaybookStage *self,
                           guint            position)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_STAGE (self), NULL);

  if (position >= self->rows->len)
    return NULL;

  return g_ptr_array_index (self->rows, position);
}

/* The row showing @task itself, or NULL. */
OvPlaybookTaskRow *
ov_playbook_stage_find_row (OvPlaybookStage *self,
                            OvPlaybookTask  *task)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_STAGE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      OvPlaybookTaskRow *row = g_ptr_array_index (self->rows, i);

      if (ov_playbook_task_row_get_task (row) == task)
        return row;
    }

  return NULL;
}

/* Where the editor puts a refusal that is about the stage, not one field. */
GtkLabel *
ov_playbook_stage_get_error_label (OvPlaybookStage *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_STAGE (self), NULL);

  return self->error_label;
}
