/* ov-account-tasks.c — an account's tasks, by stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The current stage's tasks, or with "All Stages" every task grouped by
 * its stage. Each row ticks off; activating it opens OvTaskDialog, as the
 * add button does for a new task in the current stage.
 */

#define G_LOG_DOMAIN "ov-account-tasks"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-tasks.h"
#include "ov-app-util.h"
#include "ov-task-dialog.h"

struct _OvAccountTasks
{
  OvAccountSection     parent_instance;

  GPtrArray           *rows;      /* OvTaskRow shown, in order */

  /* Template widgets */
  AdwPreferencesGroup *header_group;
  GtkToggleButton     *all_toggle;
  GtkWidget           *add_button;
  GtkBox              *stages_box;
};

G_DEFINE_FINAL_TYPE (OvAccountTasks, ov_account_tasks, OV_TYPE_ACCOUNT_SECTION)

static GtkWindow *
parent_window (OvAccountTasks *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_dialog (OvAccountTasks *self,
             OvTask         *task)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  OvTaskDialog *dialog;

  if (store == NULL || account == NULL)
    return;

  dialog = ov_task_dialog_new (parent_window (self), store, ov_account_get_id (account), task,
                               ov_account_get_stage (account));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_cb (OvTaskRow      *row,
         OvAccountTasks *self)
{
  open_dialog (self, ov_task_row_get_task (row));
}

static void
add_clicked_cb (OvAccountTasks *self)
{
  open_dialog (self, NULL);
}

static void
all_toggled_cb (OvAccountTasks *self)
{
  ov_account_section_refresh (OV_ACCOUNT_SECTION (self));
}

static void
show_summary (OvAccountTasks *self,
              GPtrArray      *tasks)
{
  OvDate today = ov_view_get_today (OV_VIEW (self));
  guint open = 0, overdue = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (tasks, i);

      if (!ov_task_is_done (task))
        open++;
      if (ov_task_is_overdue (task, today))
        overdue++;
    }

  if (tasks->len == 0)
    summary = g_strdup (_("No tasks yet. Entering a stage adds the tasks its playbook lists."));
  else if (open == 0)
    summary = g_strdup (_("Every task is done."));
  else if (overdue == 0)
    summary = g_strdup_printf (ngettext ("%u open task", "%u open tasks", open), open);
  else
    /* Translators: "5 open tasks, 2 overdue" */
    summary = g_strdup_printf (ngettext ("%u open task, %u overdue", "%u open tasks, %u overdue",
                                         open),
                               open, overdue);

  adw_preferences_group_set_description (self->header_group, summary);
}

/* Reads the account's tasks again and shows them. */
static void
ov_account_tasks_refresh (OvAccountSection *section)
{
  OvAccountTasks *self = OV_ACCOUNT_TASKS (section);
  OvStore *store = ov_view_get_store (OV_VIEW (section));
  OvAccount *account = ov_account_section_get_account (section);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all;
  OvStage current;
  GtkWidget *child;

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box))) != NULL)
    gtk_box_remove (self->stages_box, child);

  tasks = ov_store_list_tasks (store, ov_account_get_id (account), 0, &error);
  if (tasks == NULL)
    {
      ov_app_set_plain_text (self->header_group, "description", error->message);
      return;
    }

  show_summary (self, tasks);

  all = gtk_toggle_button_get_active (self->all_toggle);
  current = ov_account_get_stage (account);

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      GtkWidget *group;
      guint n = 0;

      for (guint i = 0; i < tasks->len; i++)
        if (ov_task_get_stage (g_ptr_array_index (tasks, i)) == stage)
          n++;

      /* Every stage that has tasks, or only the current one (even empty). */
      if (all ? n == 0 : stage != current)
        continue;

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), ov_stage_get_title (stage));
      if (n == 0)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   ov_app_note_row_new (_("No tasks in this stage.")));

      /* The store lists them by stage, then due date. */
      for (guint i = 0; i < tasks->len; i++)
        {
          OvTask *task = g_ptr_array_index (tasks, i);
          GtkWidget *row;

          if (ov_task_get_stage (task) != stage)
            continue;

          row = ov_task_row_new (store, task, TRUE);
          g_signal_connect_object (row, "edit", G_CALLBACK (edit_cb), self, 0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_add (self->rows, row);
        }

      gtk_box_append (self->stages_box, group);
    }
}

static void
ov_account_tasks_finalize (GObject *object)
{
  OvAccountTasks *self = OV_ACCOUNT_TASKS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_account_tasks_parent_class)->finalize (object);
}

static void
ov_account_tasks_class_init (OvAccountTasksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_tasks_finalize;
  section_class->refresh = ov_account_tasks_refresh;

  g_type_ensure (OV_TYPE_TASK_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-tasks.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountTasks, header_group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountTasks, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, OvAccountTasks, add_button);
  gtk_widget_class_bind_template_child (widget_class, OvAccountTasks, stages_box);
  gtk_widget_class_bind_template_callback (widget_class, all_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
ov_account_tasks_init (OvAccountTasks *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
ov_account_tasks_get_n_rows (OvAccountTasks *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_TASKS (self), 0);

  return self->rows->len;
}

OvTaskRow *
ov_account_tasks_get_row (OvAccountTasks *self,
                          guint           index)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_TASKS (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

/* The row of the task titled @title, or NULL. */
OvTaskRow *
ov_account_tasks_find_row (OvAccountTasks *self,
                           const char     *title)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_TASKS (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      OvTaskRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (ov_task_get_title (ov_task_row_get_task (row)), title) == 0)
        return row;
    }

  return NULL;
}

const char *
ov_account_tasks_get_summary (OvAccountTasks *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_TASKS (self), NULL);

  return adw_preferences_group_get_description (self->header_group);
}
