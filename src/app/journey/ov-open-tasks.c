/* ov-open-tasks.c — the open tasks of a stage being completed, each with
 * what completing does with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the last step of a wizard that completes its stage: every task of the
 * stage not done yet, how late it is, and a choice for it: close it, move
 * it on to the next stage, or leave it open where it is. Tasks the
 * wizard's answers show to be done (the core's table says which answer
 * settles which playbook task) are offered to be closed, saying why; the
 * user has the last word. Nothing is written here: the wizard hands the
 * choices to the core with the completion.
 */

#define G_LOG_DOMAIN "ov-open-tasks"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-open-tasks.h"

typedef struct
{
  OvTask      *task;
  AdwComboRow *row;
  char        *due;          /* how late it is, or "" */
  const char  *suggested;    /* the field that settles it, or NULL */
  gboolean     touched;      /* the user chose for it */
  OvOpenTaskChoice choice;   /* kept while the list is read again */
} Item;

struct _OvOpenTasks
{
  AdwBin               parent_instance;

  OvStage              stage;
  GArray              *items;      /* Item */
  gboolean             updating;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkWidget           *all_button;
};

G_DEFINE_FINAL_TYPE (OvOpenTasks, ov_open_tasks, ADW_TYPE_BIN)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->task);
  g_clear_pointer (&item->due, g_free);
}

static Item *
item_at (OvOpenTasks *self,
         guint        index)
{
  return &g_array_index (self->items, Item, index);
}

static void
show_subtitle (Item *item)
{
  g_autoptr(GString) subtitle = g_string_new (item->due);

  if (item->suggested != NULL)
    {
      const OvWizardField *field = ov_wizard_find_field (ov_task_get_stage (item->task),
                                                         item->suggested);

      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* Translators: why closing a task is suggested: the wizard field that
       * shows it done, "Looks done: Kickoff date is recorded" */
      g_string_append_printf (subtitle, _("Looks done: %s is recorded"),
                              ov_wizard_field_get_label (field));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (item->row), subtitle->str);
}

static void
select_choice (OvOpenTasks      *self,
               Item             *item,
               OvOpenTaskChoice  choice)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (item->row, choice);
  self->updating = FALSE;
}

static void
on_row_selected (AdwComboRow *row,
                 GParamSpec  *pspec,
                 OvOpenTasks *self)
{
  if (self->updating)
    return;

  for (guint i = 0; i < self->items->len; i++)
    if (item_at (self, i)->row == row)
      item_at (self, i)->touched = TRUE;
}

static void
all_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  OvOpenTasks *self = OV_OPEN_TASKS (widget);
  const char *which = g_variant_get_string (parameter, NULL);
  OvOpenTaskChoice choice = OV_OPEN_TASK_LEAVE;

  if (g_strcmp0 (which, "close") == 0)
    choice = OV_OPEN_TASK_CLOSE;
  else if (g_strcmp0 (which, "move") == 0)
    choice = OV_OPEN_TASK_MOVE_ON;

  ov_open_tasks_set_all (self, choice);
}

static GtkWidget *
new_row (OvOpenTasks *self,
         Item        *item)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *move = NULL;
  GtkWidget *row = adw_combo_row_new ();

  /* In the order of OvOpenTaskChoice. */
  gtk_string_list_append (choices, _("Leave Open"));
  gtk_string_list_append (choices, _("Close"));
  /* Translators: a choice for an open task, "Move to Adopt" */
  move = g_strdup_printf (_("Move to %s"), ov_stage_get_title (self->stage + 1));
  gtk_string_list_append (choices, move);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_task_get_title (item->task));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), OV_OPEN_TASK_LEAVE);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_selected), self, 0);
  return row;
}

static void
ov_open_tasks_finalize (GObject *object)
{
  OvOpenTasks *self = OV_OPEN_TASKS (object);

  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (ov_open_tasks_parent_class)->finalize (object);
}

static void
ov_open_tasks_class_init (OvOpenTasksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ov_open_tasks_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-open-tasks.ui");
  gtk_widget_class_bind_template_child (widget_class, OvOpenTasks, group);
  gtk_widget_class_bind_template_child (widget_class, OvOpenTasks, all_button);

  gtk_widget_class_install_action (widget_class, "open-tasks.all", "s", all_action);
}

static void
ov_open_tasks_init (OvOpenTasks *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_heading (OvOpenTasks *self,
              const char  *problem)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  guint n = self->items->len;

  /* Translators: above the open tasks on a wizard's last step, "Open Tasks of Kickoff" */
  title = g_strdup_printf (_("Open Tasks of %s"), ov_stage_get_title (self->stage));
  adw_preferences_group_set_title (self->group, title);

  if (problem != NULL)
    description = g_strdup (problem);
  else if (n == 0)
    description = g_strdup_printf (_("Every task of %s is done."),
                                   ov_stage_get_title (self->stage));
  else
    /* Translators: "2 tasks of Kickoff are not done. Choose what happens to each when the
     * stage is completed." */
    description = g_strdup_printf (ngettext ("%u task of %s is not done. Choose what happens "
                                             "to it when the stage is completed.",
                                             "%u tasks of %s are not done. Choose what happens "
                                             "to each when the stage is completed.", n),
                                   n, ov_stage_get_title (self->stage));
  ov_app_set_plain_text (self->group, "description", description);
  gtk_widget_set_visible (self->all_button, n > 1);
}

/* Lists the open tasks as stored now; a task listed before keeps the
 * choice made for it. */
static void
fill (OvOpenTasks *self,
      OvStore     *store,
      gint64       account_id,
      OvDate       today)
{
  /* Task id → its Item as listed before. */
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);
      Item *kept = g_new0 (Item, 1);
      gint64 *id = g_new (gint64, 1);

      *id = ov_task_get_id (item->task);
      kept->suggested = item->suggested;
      kept->touched = item->touched;
      kept->choice = adw_combo_row_get_selected (item->row);
      g_hash_table_insert (before, id, kept);
      adw_preferences_group_remove (self->group, GTK_WIDGET (item->row));
    }
  g_array_set_size (self->items, 0);

  tasks = ov_store_list_tasks (store, account_id, self->stage, &error);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (tasks, i);
      gint64 id = ov_task_get_id (task);
      const Item *kept = g_hash_table_lookup (before, &id);
      const char *style = NULL;
      Item item = { 0, };
      Item *added;

      if (ov_task_is_done (task))
        continue;

      item.task = g_object_ref (task);
      item.due = ov_app_describe_due (task, today, &style);
      g_array_append_val (self->items, item);

      added = item_at (self, self->items->len - 1);
      added->row = ADW_COMBO_ROW (new_row (self, added));
      if (kept != NULL)
        {
          added->touched = kept->touched;
          added->suggested = kept->suggested;
          select_choice (self, added, kept->choice);
        }
      show_subtitle (added);
      adw_preferences_group_add (self->group, GTK_WIDGET (added->row));
    }

  show_heading (self, error != NULL ? error->message : NULL);
}

GtkWidget *
ov_open_tasks_new (OvStore   *store,
                   OvAccount *account,
                   OvStage    stage,
                   OvDate     today)
{
  OvOpenTasks *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (stage < OV_STAGE_LAST, NULL);

  self = g_object_new (OV_TYPE_OPEN_TASKS, NULL);
  self->stage = stage;
  fill (self, store, ov_account_get_id (account), today);
  return GTK_WIDGET (self);
}

/* Lists the tasks again (some may have been ticked off meanwhile, on a
 * step of the wizard), keeping the choices made. */
void
ov_open_tasks_reload (OvOpenTasks *self,
                      OvStore     *store,
                      OvAccount   *account,
                      OvDate       today)
{
  g_return_if_fail (OV_IS_OPEN_TASKS (self));
  g_return_if_fail (OV_IS_STORE (store));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  fill (self, store, ov_account_get_id (account), today);
}

void
ov_open_tasks_suggest (OvOpenTasks    *self,
                       OvStageAnswers *answers,
                       OvDate          on)
{
  g_return_if_fail (OV_IS_OPEN_TASKS (self));
  g_return_if_fail (OV_IS_STAGE_ANSWERS (answers));

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = item_at (self, i);
      const char *field_id = NULL;
      gboolean was_suggested = item->suggested != NULL;

      ov_stage_task_is_answered (answers, item->task, on, &field_id);
      item->suggested = field_id;
      show_subtitle (item);

      if (item->touched)
        continue;
      if (field_id != NULL)
        select_choice (self, item, OV_OPEN_TASK_CLOSE);
      else if (was_suggested)
        select_choice (self, item, OV_OPEN_TASK_LEAVE);
    }
}

guint
ov_open_tasks_get_n_tasks (OvOpenTasks *self)
{
  g_return_val_if_fail (OV_IS_OPEN_TASKS (self), 0);

  return self->items->len;
}

OvTask *
ov_open_tasks_get_task (OvOpenTasks *self,
                        guint        index)
{
  g_return_val_if_fail (OV_IS_OPEN_TASKS (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return item_at (self, index)->task;
}

AdwComboRow *
ov_open_tasks_get_row (OvOpenTasks *self,
                       guint        index)
{
  g_return_val_if_fail (OV_IS_OPEN_TASKS (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return item_at (self, index)->row;
}

OvOpenTaskChoice
ov_open_tasks_get_choice (OvOpenTasks *self,
                          guint        index)
{
  g_return_val_if_fail (OV_IS_OPEN_TASKS (self), OV_OPEN_TASK_LEAVE);
  g_return_val_if_fail (index < self->items->len, OV_OPEN_TASK_LEAVE);

  return adw_combo_row_get_selected (item_at (self, index)->row);
}

/* As if the user chose it. */
void
ov_open_tasks_set_choice (OvOpenTasks      *self,
                          guint             index,
                          OvOpenTaskChoice  choice)
{
  g_return_if_fail (OV_IS_OPEN_TASKS (self));
  g_return_if_fail (index < self->items->len);
  g_return_if_fail (choice < OV_N_OPEN_TASK_CHOICES);

  item_at (self, index)->touched = TRUE;
  adw_combo_row_set_selected (item_at (self, index)->row, choice);
}

gboolean
ov_open_tasks_is_suggested (OvOpenTasks *self,
                            guint        index)
{
  g_return_val_if_fail (OV_IS_OPEN_TASKS (self), FALSE);
  g_return_val_if_fail (index < self->items->len, FALSE);

  return item_at (self, index)->suggested != NULL;
}

void
ov_open_tasks_set_all (OvOpenTasks      *self,
                       OvOpenTaskChoice  choice)
{
  g_return_if_fail (OV_IS_OPEN_TASKS (self));

  for (guint i = 0; i < self->items->len; i++)
    ov_open_tasks_set_choice (self, i, choice);
}

GArray *
ov_open_tasks_dup_choices (OvOpenTasks *self)
{
  GArray *choices;

  g_return_val_if_fail (OV_IS_OPEN_TASKS (self), NULL);

  choices = g_array_sized_new (FALSE, TRUE, sizeof (OvTaskChoice), self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      OvTaskChoice choice = { ov_task_get_id (item_at (self, i)->task),
                              ov_open_tasks_get_choice (self, i) };

      /* Left open is what happens to a task not named. */
      if (choice.choice != OV_OPEN_TASK_LEAVE)
        g_array_append_val (choices, choice);
    }

  return choices;
}
