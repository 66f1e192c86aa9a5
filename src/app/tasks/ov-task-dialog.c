/* ov-task-dialog.c — add or change one task of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stage, title, description, the role that owns it, who does it (by
 * default whoever holds that role on the account, named from the store)
 * and the due date. The store validates; a refusal marks the row it is
 * about and keeps the dialog open.
 */

#define G_LOG_DOMAIN "ov-task-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-date-row.h"
#include "ov-conflict.h"
#include "ov-task-dialog.h"

struct _OvTaskDialog
{
  AdwWindow      parent_instance;

  OvStore       *store;
  gint64         account_id;
  OvTask        *task;          /* NULL when adding */
  GPtrArray     *people;        /* OvPerson, positions 1… of the assignee list */
  GtkStringList *assignees;

  /* Template widgets */
  GtkWidget     *save_button;
  AdwEntryRow   *title_row;
  AdwComboRow   *stage_row;
  GtkTextView   *description_view;
  AdwComboRow   *role_row;
  AdwComboRow   *assignee_row;
  OvDateRow     *due_row;
  GtkLabel      *error_label;
  GtkWidget     *delete_group;
};

G_DEFINE_FINAL_TYPE (OvTaskDialog, ov_task_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Position 0 of the role list is "no role". */
static const char *
selected_role (OvTaskDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);
  const char * const *roles = ov_role_list_all ();

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **)roles))
    return "";

  return roles[selected - 1];
}

static void
select_role (OvTaskDialog *self,
             const char   *role)
{
  int index = role && role[0] ? ov_role_get_index (role) : -1;

  adw_combo_row_set_selected (self->role_row, index >= 0 ? (guint)index + 1 : 0);
}

/* The first assignee choice names who the role resolves to right now. */
static void
update_automatic_assignee (OvTaskDialog *self)
{
  g_autoptr(OvPerson) holder = NULL;
  g_autofree char *label = NULL;
  const char *role = selected_role (self);
  const char *items[2] = { NULL, NULL };
  guint selected = adw_combo_row_get_selected (self->assignee_row);

  if (role[0] == '\0')
    label = g_strdup (_("Nobody in particular"));
  else if ((holder = ov_store_resolve_role (self->store, self->account_id, role, NULL)) != NULL)
    /* Translators: the default assignee of a task, "Role holder: Dana Reyes" */
    label = g_strdup_printf (_("Role holder: %s"), ov_person_get_name (holder));
  else
    label = g_strdup (_("Role holder: nobody yet"));

  items[0] = label;
  gtk_string_list_splice (self->assignees, 0, 1, (const char * const *)items);
  adw_combo_row_set_selected (self->assignee_row,
                              selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

static void
show_error (OvTaskDialog *self,
            GtkWidget    *row,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
}

/* Someone changed the task since the dialog read it: the dialog takes the
 * stored task as the one to save over (or delete) and keeps what was
 * typed; the message says who changed it and what is stored now. */
static void
show_conflict (OvTaskDialog     *self,
               const GError     *error,
               OvConflictAction  action)
{
  g_autoptr(OvTask) fresh = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *before_due = NULL;
  g_autofree char *now_due = NULL;
  g_autofree char *message = NULL;

  fresh = ov_store_get_task (self->store, ov_task_get_id (self->task), &read_error);
  if (fresh == NULL)
    {
      show_error (self, NULL, read_error->message);
      return;
    }

  ov_conflict_add_change (changes, _("Title"), ov_task_get_title (self->task),
                          ov_task_get_title (fresh));
  before_due = ov_date_to_display (ov_task_get_due_date (self->task));
  now_due = ov_date_to_display (ov_task_get_due_date (fresh));
  ov_conflict_add_change (changes, _("Due date"), before_due, now_due);
  ov_conflict_add_change (changes, _("Description"), ov_task_get_description (self->task),
                          ov_task_get_description (fresh));

  /* A row the user left as it was shows what is stored now. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                 ov_task_get_title (self->task)) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), ov_task_get_title (fresh));
  {
    OvDate due = ov_task_get_due_date (self->task);
    g_autofree char *before_iso = due != OV_DATE_NONE ? ov_date_to_iso (due) : g_strdup ("");

    if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), before_iso) == 0)
      ov_date_row_set_date (self->due_row, ov_task_get_due_date (fresh));
  }
  g_set_object (&self->task, fresh);

  message = ov_conflict_describe (error, action, changes->str);
  ov_conflict_show (GTK_WIDGET (self), self->error_label, NULL, error, message);
}

static void
clear_marks (OvTaskDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->stage_row), GTK_WIDGET (self->role_row),
    GTK_WIDGET (self->assignee_row), GTK_WIDGET (self->due_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  show_error (self, NULL, NULL);
}

/* Changing anything takes the last refusal away. */
static void
edited_cb (OvTaskDialog *self)
{
  clear_marks (self);
}

static void
title_changed_cb (OvTaskDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_widget_set_sensitive (self->save_button, title[0] != '\0');
  clear_marks (self);
}

static void
role_changed_cb (OvTaskDialog *self)
{
  if (self->assignees != NULL)
    update_automatic_assignee (self);
}

static void
save_clicked_cb (OvTaskDialog *self)
{
  ov_task_dialog_save (self);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    OvTaskDialog     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->task == NULL)
    return;

  if (!ov_store_delete_task (self->store, self->task, &error))
    {
      if (ov_conflict_matches (error))
        show_conflict (self, error, OV_CONFLICT_DELETE);
      else
        show_error (self, NULL, error->message);
      return;
    }

  /* Not while the question, attached to this dialog, is still answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
delete_clicked_cb (OvTaskDialog *self)
{
  GtkWidget *dialog;

  if (self->task == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                   _("The task is removed from the account for good."));
  /* Translators: "Delete “Schedule the kickoff”?" */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     ov_task_get_title (self->task));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self,
                           G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ov_task_dialog_dispose (GObject *object)
{
  OvTaskDialog *self = OV_TASK_DIALOG (object);

  g_clear_object (&self->task);
  g_clear_object (&self->store);
  g_clear_object (&self->assignees);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_task_dialog_parent_class)->dispose (object);
}

static void
ov_task_dialog_class_init (OvTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_task_dialog_dispose;

  /**
   * OvTaskDialog::saved:
   * @task: the task as stored
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, OV_TYPE_TASK);

  g_type_ensure (OV_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, OvTaskDialog, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_task_dialog_init (OvTaskDialog *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  const char * const *all = ov_role_list_all ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    gtk_string_list_append (stages, ov_stage_get_title (stage));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));

  gtk_string_list_append (roles, _("No owner role"));
  for (guint i = 0; all[i] != NULL; i++)
    gtk_string_list_append (roles, ov_role_get_title (all[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
}

/* @task: the stored task to change, or NULL to add one to @stage. */
OvTaskDialog *
ov_task_dialog_new (GtkWindow *parent,
                    OvStore   *store,
                    gint64     account_id,
                    OvTask    *task,
                    OvStage    stage)
{
  g_autoptr(GError) error = NULL;
  OvTaskDialog *self;
  guint assignee = 0;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (task == NULL || OV_IS_TASK (task), NULL);

  self = g_object_new (OV_TYPE_TASK_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->account_id = account_id;

  self->people = ov_store_list_people (store, account_id, &error);
  if (self->people == NULL)
    {
      show_error (self, NULL, error->message);
      self->people = g_ptr_array_new_with_free_func (g_object_unref);
    }

  self->assignees = gtk_string_list_new (NULL);
  gtk_string_list_append (self->assignees, "");
  for (guint i = 0; i < self->people->len; i++)
    {
      OvPerson *person = g_ptr_array_index (self->people, i);

      gtk_string_list_append (self->assignees, ov_person_get_name (person));
      if (task != NULL && ov_person_get_id (person) == ov_task_get_assignee_id (task))
        assignee = i + 1;
    }
  adw_combo_row_set_model (self->assignee_row, G_LIST_MODEL (self->assignees));

  if (task != NULL)
    {
      self->task = ov_task_copy (task);
      stage = ov_task_get_stage (task);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), ov_task_get_title (task));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                ov_task_get_description (task), -1);
      select_role (self, ov_task_get_role (task));
      ov_date_row_set_date (self->due_row, ov_task_get_due_date (task));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Task"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      gtk_widget_set_visible (self->delete_group, TRUE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Task"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }

  adw_combo_row_set_selected (self->stage_row, ov_stage_is_valid (stage) ? stage - 1 : 0);
  update_automatic_assignee (self);
  adw_combo_row_set_selected (self->assignee_row, assignee);
  title_changed_cb (self);

  return self;
}

/* What the Add / Save button does. */
void
ov_task_dialog_save (OvTaskDialog *self)
{
  g_autoptr(OvTask) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  OvStage stage;
  OvDate due = OV_DATE_NONE;
  guint assignee;
  gboolean ok;

  g_return_if_fail (OV_IS_TASK_DIALOG (self));

  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  clear_marks (self);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stage = adw_combo_row_get_selected (self->stage_row) + 1;

  if (!ov_date_row_read_text (self->due_row, &due, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Due date: %s"), error->message);

      show_error (self, GTK_WIDGET (self->due_row), message);
      return;
    }

  draft = self->task ? ov_task_copy (self->task) : ov_task_new (self->account_id, stage, title);
  ov_task_set_stage (draft, stage);
  ov_task_set_title (draft, title);
  ov_task_set_description (draft, description);
  ov_task_set_role (draft, selected_role (self));
  assignee = adw_combo_row_get_selected (self->assignee_row);
  ov_task_set_assignee_id (draft, assignee > 0 && assignee <= self->people->len
                                    ? ov_person_get_id (g_ptr_array_index (self->people,
                                                                           assignee - 1))
                                    : 0);
  ov_task_set_due_date (draft, due);

  ok = self->task ? ov_store_update_task (self->store, draft, &error)
                  : ov_store_add_task (self->store, draft, &error);
  if (!ok)
    {
      GtkWidget *row = NULL;

      if (g_error_matches (error, OV_TASK_ERROR, OV_TASK_ERROR_TITLE))
        row = GTK_WIDGET (self->title_row);
      else if (g_error_matches (error, OV_TASK_ERROR, OV_TASK_ERROR_STAGE))
        row = GTK_WIDGET (self->stage_row);
      else if (g_error_matches (error, OV_TASK_ERROR, OV_TASK_ERROR_ROLE))
        row = GTK_WIDGET (self->role_row);
      else if (g_error_matches (error, OV_TASK_ERROR, OV_TASK_ERROR_ASSIGNEE))
        row = GTK_WIDGET (self->assignee_row);

      if (ov_conflict_matches (error))
        show_conflict (self, error, OV_CONFLICT_SAVE);
      else
        show_error (self, row, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, draft);
  gtk_window_close (GTK_WINDOW (self));
}

/* The refusal shown, or "". */
const char *
ov_task_dialog_get_error (OvTaskDialog *self)
{
  g_return_val_if_fail (OV_IS_TASK_DIALOG (self), NULL);

  return gtk_label_get_label (self->error_label);
}
