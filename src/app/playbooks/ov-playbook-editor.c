/* ov-playbook-editor.c — one playbook: its facts and its tasks per stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit is stored as soon as it is applied (Enter, the apply button,
 * a switch, a spin button, a move). The editor changes its copy of the
 * playbook, asks the core to store it, and puts the copy back as it was
 * when the core refuses; the field keeps what was typed, marked, with the
 * core's message under its group.
 *
 * A playbook changed elsewhere since it was read (a conflict) is read
 * again: every field and task shows what is stored now, except a text the
 * user was applying, which stays in its field, unsaved, to apply over the
 * new version; the message says who changed the playbook and what.
 */

#define G_LOG_DOMAIN "ov-playbook-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-conflict.h"
#include "ov-playbook-editor.h"
#include "ov-playbook-stage.h"
#include "ov-store-content.h"
#include "ov-view-reader.h"

struct _OvPlaybookEditor
{
  OvView               parent_instance;

  OvAccountList       *accounts;
  OvPlaybook          *playbook;
  OvPlaybookStage     *stages[OV_N_STAGES + 1];

  /* The content library's items a task's training is chosen from, read
   * in a worker (NULL until read). */
  OvViewReader        *trainings_reader;
  GPtrArray           *trainings;

  /* The refused field and where its message is, to clear them. */
  GtkWidget           *error_field;
  GtkLabel            *error_label;
  char                *error_message;
  gboolean             showing;

  /* Template widgets */
  GtkWidget           *back_button;
  GtkLabel            *title_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *description_row;
  AdwEntryRow         *segment_row;
  GtkMenuButton       *segment_button;
  GtkListBox          *segment_list;
  GtkSwitch           *default_switch;
  GtkLabel            *details_error;
  GtkBox              *stages_box;
};

G_DEFINE_FINAL_TYPE (OvPlaybookEditor, ov_playbook_editor, OV_TYPE_VIEW)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_stage (OvPlaybookEditor *self,
                           OvStage           stage);

static void show_details (OvPlaybookEditor *self);

/* Forgets the last refusal; the refused field shows the stored value
 * again, as the playbook never took what was typed there. */
static void
clear_error (OvPlaybookEditor *self)
{
  if (self->error_field != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (self->error_field, OV_TYPE_PLAYBOOK_TASK_ROW);

      gtk_widget_remove_css_class (self->error_field, "error");
      if (row != NULL)
        {
          ov_playbook_task_row_set_message (OV_PLAYBOOK_TASK_ROW (row), NULL);
          ov_playbook_task_row_refresh (OV_PLAYBOOK_TASK_ROW (row));
        }
      else if (self->playbook != NULL)
        {
          show_details (self);
        }
    }
  if (self->error_label != NULL)
    {
      gtk_label_set_label (self->error_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }

  g_clear_weak_pointer (&self->error_field);
  g_clear_pointer (&self->error_message, g_free);
  self->error_label = NULL;
}

/* The message goes right under a task's title when the refused field is
 * in a task, else under the group's rows (@label). */
static void
show_error (OvPlaybookEditor *self,
            GtkLabel         *label,
            GtkWidget        *field,
            const char       *message)
{
  GtkWidget *row = field ? gtk_widget_get_ancestor (field, OV_TYPE_PLAYBOOK_TASK_ROW) : NULL;

  /* A field refused again keeps what was typed in it this time. */
  if (field == NULL || field != self->error_field)
    clear_error (self);

  g_free (self->error_message);
  self->error_message = g_strdup (message);

  if (row != NULL)
    {
      ov_playbook_task_row_set_message (OV_PLAYBOOK_TASK_ROW (row), message);
    }
  else
    {
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      self->error_label = label;
    }

  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      g_set_weak_pointer (&self->error_field, field);
    }
}

/* Stores the playbook as it is now. On a refusal the caller puts its copy
 * back as it was, then hands the error to refuse(). */
static gboolean
store_playbook (OvPlaybookEditor  *self,
                GError           **error)
{
  if (!ov_store_save_playbook (ov_view_get_store (OV_VIEW (self)), self->playbook, error))
    return FALSE;

  clear_error (self);
  return TRUE;
}

static gboolean
same_task (OvPlaybookTask *a,
           OvPlaybookTask *b)
{
  return ov_playbook_task_get_id (a) == ov_playbook_task_get_id (b) &&
         ov_playbook_task_equal_fields (a, b);
}

/* What the other side stored, field by field; a stage whose tasks differ
 * in any way is named with the number of tasks it has now. */
static void
describe_changes (GString    *changes,
                  OvPlaybook *before,
                  OvPlaybook *now)
{
  ov_conflict_add_change (changes, _("Name"), ov_playbook_get_name (before),
                          ov_playbook_get_name (now));
  ov_conflict_add_change (changes, _("Description"), ov_playbook_get_description (before),
                          ov_playbook_get_description (now));
  ov_conflict_add_change (changes, _("Default for Segment"), ov_playbook_get_segment (before),
                          ov_playbook_get_segment (now));
  ov_conflict_add_change (changes, _("Default Playbook"),
                          ov_playbook_get_is_default (before) ? _("Yes") : _("No"),
                          ov_playbook_get_is_default (now) ? _("Yes") : _("No"));

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autoptr(GPtrArray) old_tasks = ov_playbook_dup_tasks (before, stage);
      g_autoptr(GPtrArray) new_tasks = ov_playbook_dup_tasks (now, stage);
      g_autofree char *count = NULL;
      gboolean same = old_tasks->len == new_tasks->len;

      for (guint i = 0; same && i < old_tasks->len; i++)
        same = same_task (g_ptr_array_index (old_tasks, i), g_ptr_array_index (new_tasks, i));
      if (same)
        continue;

      count = g_strdup_printf (ngettext ("%u task", "%u tasks", new_tasks->len), new_tasks->len);
      ov_conflict_add_change (changes, ov_stage_get_title (stage), NULL, count);
    }
}

static OvPlaybookTask *
find_task (OvPlaybook *playbook,
           gint64      task_id)
{
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, 0);

  for (guint i = 0; task_id != 0 && i < tasks->len; i++)
    if (ov_playbook_task_get_id (g_ptr_array_index (tasks, i)) == task_id)
      return g_ptr_array_index (tasks, i);  /* the playbook holds it */

  return NULL;
}

static OvPlaybookTaskRow *find_row (OvPlaybookEditor *self,
                                    OvPlaybookTask   *task);

/* The playbook changed elsewhere since it was read: reads it again and
 * shows it as stored, with what was typed in @field (a text field) put
 * back in the same field, unsaved; the next apply saves it over the new
 * version. The copy holds no part of the refused edit (the caller put it
 * back), so it is also what the other side's changes are measured from. */
static void
reload_after_conflict (OvPlaybookEditor *self,
                       GtkLabel         *label,
                       GtkWidget        *field,
                       const GError     *error,
                       OvConflictAction  action)
{
  g_autoptr(OvPlaybook) fresh = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *typed = NULL;
  g_autofree char *message = NULL;
  const char *field_id = NULL;
  gint64 task_id = 0;
  GtkWidget *row = field ? gtk_widget_get_ancestor (field, OV_TYPE_PLAYBOOK_TASK_ROW) : NULL;

  fresh = ov_store_get_playbook (ov_view_get_store (OV_VIEW (self)),
                                 ov_playbook_get_id (self->playbook), &read_error);
  if (fresh == NULL)
    {
      show_error (self, label, field, read_error->message);
      return;
    }

  describe_changes (changes, self->playbook, fresh);

  /* A task's row is built again: remember which task and field it was. */
  if (field != NULL && GTK_IS_EDITABLE (field))
    typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
  if (row != NULL)
    {
      task_id = ov_playbook_task_get_id (ov_playbook_task_row_get_task (OV_PLAYBOOK_TASK_ROW (row)));
      field_id = ov_playbook_task_row_get_field_id (OV_PLAYBOOK_TASK_ROW (row), field);
      field = NULL;
    }

  clear_error (self);
  g_set_object (&self->playbook, fresh);
  show_details (self);
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    rebuild_stage (self, stage);

  if (task_id != 0)
    {
      OvPlaybookTask *task = find_task (self->playbook, task_id);
      OvPlaybookTaskRow *new_row = task ? find_row (self, task) : NULL;

      /* Gone from the playbook: the message goes under its stage. */
      if (new_row != NULL)
        field = ov_playbook_task_row_get_field (new_row, field_id);
    }

  if (typed != NULL && field != NULL)
    gtk_editable_set_text (GTK_EDITABLE (field), typed);
  else if (action == OV_CONFLICT_SAVE)
    action = OV_CONFLICT_REDO;

  message = ov_conflict_describe (error, action, changes->str);
  show_error (self, label, field, message);
  ov_conflict_show (GTK_WIDGET (self), NULL, NULL, error, message);

  /* Another connection wrote it: tell this one's users, such as the list. */
  ov_store_emit_changed (ov_view_get_store (OV_VIEW (self)), "playbooks");
}

/* Shows why the core refused an edit to @field (NULL: no one field);
 * a conflict reads the playbook again first. TRUE when it did. */
static gboolean
refuse (OvPlaybookEditor *self,
        GtkLabel         *label,
        GtkWidget        *field,
        const GError     *error,
        OvConflictAction  action)
{
  if (!ov_conflict_matches (error))
    {
      show_error (self, label, field, error->message);
      return FALSE;
    }

  reload_after_conflict (self, label, field, error, action);
  return TRUE;
}

static void
show_details (OvPlaybookEditor *self)
{
  self->showing = TRUE;
  gtk_label_set_label (self->title_label, ov_playbook_get_name (self->playbook));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ov_playbook_get_name (self->playbook));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         ov_playbook_get_description (self->playbook));
  gtk_editable_set_text (GTK_EDITABLE (self->segment_row),
                         ov_playbook_get_segment (self->playbook));
  gtk_switch_set_active (self->default_switch, ov_playbook_get_is_default (self->playbook));
  self->showing = FALSE;
}

typedef void (*SetText) (OvPlaybook *playbook,
                         const char *text);

static void
apply_text (OvPlaybookEditor *self,
            AdwEntryRow      *row,
            const char       *old_text,
            SetText           set_text)
{
  g_autofree char *old = g_strdup (old_text);
  g_autoptr(GError) error = NULL;

  if (self->playbook == NULL)
    return;

  set_text (self->playbook, gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!store_playbook (self, &error))
    {
      set_text (self->playbook, old);
      refuse (self, self->details_error, GTK_WIDGET (row), error, OV_CONFLICT_SAVE);
      return;
    }

  show_details (self);
}

static void
name_applied_cb (OvPlaybookEditor *self)
{
  apply_text (self, self->name_row, ov_playbook_get_name (self->playbook), ov_playbook_set_name);
}

static void
description_applied_cb (OvPlaybookEditor *self)
{
  apply_text (self, self->description_row, ov_playbook_get_description (self->playbook),
              ov_playbook_set_description);
}

static void
segment_applied_cb (OvPlaybookEditor *self)
{
  apply_text (self, self->segment_row, ov_playbook_get_segment (self->playbook),
              ov_playbook_set_segment);
}

/* Enter once the apply button is gone (after a refusal, say) applies the
 * text again when it is not what is stored. */
static void
activate_text (OvPlaybookEditor *self,
               AdwEntryRow      *row,
               const char       *stored,
               void            (*applied_cb) (OvPlaybookEditor *self))
{
  if (self->playbook != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), stored) != 0)
    applied_cb (self);
}

static void
name_activated_cb (OvPlaybookEditor *self)
{
  activate_text (self, self->name_row,
                 self->playbook ? ov_playbook_get_name (self->playbook) : NULL, name_applied_cb);
}

static void
description_activated_cb (OvPlaybookEditor *self)
{
  activate_text (self, self->description_row,
                 self->playbook ? ov_playbook_get_description (self->playbook) : NULL,
                 description_applied_cb);
}

static void
segment_activated_cb (OvPlaybookEditor *self)
{
  activate_text (self, self->segment_row,
                 self->playbook ? ov_playbook_get_segment (self->playbook) : NULL,
                 segment_applied_cb);
}

static void
default_switched_cb (OvPlaybookEditor *self)
{
  gboolean active = gtk_switch_get_active (self->default_switch);
  g_autoptr(GError) error = NULL;

  if (self->showing || self->playbook == NULL)
    return;

  ov_playbook_set_is_default (self->playbook, active);
  if (!store_playbook (self, &error))
    {
      ov_playbook_set_is_default (self->playbook, !active);
      if (!refuse (self, self->details_error, GTK_WIDGET (self->default_switch), error,
                   OV_CONFLICT_REDO))
        show_details (self);
    }
}

/* The segments accounts of the portfolio are in, read each time the list
 * opens so that it follows imports and edits. */
void
ov_playbook_editor_update_segments (OvPlaybookEditor *self)
{
  g_auto(GStrv) segments = NULL;
  GtkWidget *child;
  GtkWidget *none;

  g_return_if_fail (OV_IS_PLAYBOOK_EDITOR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->segment_list))) != NULL)
    gtk_list_box_remove (self->segment_list, child);

  segments = self->accounts ? ov_account_list_dup_segments (self->accounts) : g_new0 (char *, 1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (segments[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_list_box_append (self->segment_list, label);
    }

  none = gtk_label_new (_("No Segment"));
  gtk_label_set_xalign (GTK_LABEL (none), 0);
  gtk_widget_add_css_class (none, "dim-label");
  gtk_list_box_append (self->segment_list, none);
  g_object_set_data (G_OBJECT (gtk_widget_get_parent (none)), "no-segment", GINT_TO_POINTER (TRUE));
}

static void
segment_popover_show_cb (OvPlaybookEditor *self)
{
  ov_playbook_editor_update_segments (self);
}

static void
segment_row_activated_cb (OvPlaybookEditor *self,
                          GtkListBoxRow    *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  if (g_object_get_data (G_OBJECT (row), "no-segment") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->segment_row), "");
  else
    gtk_editable_set_text (GTK_EDITABLE (self->segment_row), gtk_label_get_label (GTK_LABEL (label)));

  gtk_menu_button_popdown (self->segment_button);
  segment_applied_cb (self);
}

static guint
position_of (OvPlaybookEditor *self,
             OvPlaybookTask   *task)
{
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (self->playbook,
                                                      ov_playbook_task_get_stage (task));
  guint position = 0;

  g_ptr_array_find (tasks, task, &position);
  return position;
}

static void
task_edited_cb (OvPlaybookTaskRow *row,
                OvPlaybookTask    *proposal,
                GtkWidget         *field,
                OvPlaybookEditor  *self)
{
  OvPlaybookTask *task = ov_playbook_task_row_get_task (row);
  g_autoptr(OvPlaybookTask) before = ov_playbook_task_copy (task);
  OvStage stage = ov_playbook_task_get_stage (task);
  g_autoptr(GError) error = NULL;

  ov_playbook_task_copy_fields (task, proposal);
  if (!store_playbook (self, &error))
    {
      ov_playbook_task_copy_fields (task, before);
      /* A text stays typed; a role or an offset shows as stored. */
      refuse (self, ov_playbook_stage_get_error_label (self->stages[stage]), field, error, OV_CONFLICT_SAVE);
      return;
    }

  ov_playbook_task_row_refresh (row);
}

static OvPlaybookTaskRow *
find_row (OvPlaybookEditor *self,
          OvPlaybookTask   *task)
{
  return ov_playbook_stage_find_row (self->stages[ov_playbook_task_get_stage (task)], task);
}

static void
task_move_cb (OvPlaybookTaskRow *row,
              int                delta,
              OvPlaybookEditor  *self)
{
  g_autoptr(OvPlaybookTask) task = g_object_ref (ov_playbook_task_row_get_task (row));
  OvStage stage = ov_playbook_task_get_stage (task);
  guint position = position_of (self, task);
  g_autoptr(GError) error = NULL;
  OvPlaybookTaskRow *moved;

  if ((delta < 0 && position == 0) ||
      (delta > 0 && position + 1 >= ov_playbook_get_n_tasks (self->playbook, stage)))
    return;

  ov_playbook_move_task (self->playbook, task, position + delta);
  if (!store_playbook (self, &error))
    {
      ov_playbook_move_task (self->playbook, task, position);
      /* Read again: every stage shows as stored. */
      if (refuse (self, ov_playbook_stage_get_error_label (self->stages[stage]), NULL, error, OV_CONFLICT_REDO))
        return;
    }

  rebuild_stage (self, stage);

  /* Keep the moved task open where it went, to move it again. */
  moved = find_row (self, task);
  if (moved != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (moved), TRUE);
}

static void
task_remove_cb (OvPlaybookTaskRow *row,
                OvPlaybookEditor  *self)
{
  g_autoptr(OvPlaybookTask) task = g_object_ref (ov_playbook_task_row_get_task (row));
  OvStage stage = ov_playbook_task_get_stage (task);
  guint position = position_of (self, task);
  g_autoptr(GError) error = NULL;

  ov_playbook_remove_task (self->playbook, task);
  if (!store_playbook (self, &error))
    {
      ov_playbook_add_task (self->playbook, task);
      ov_playbook_move_task (self->playbook, task, position);
      if (refuse (self, ov_playbook_stage_get_error_label (self->stages[stage]), NULL, error, OV_CONFLICT_DELETE))
        return;
    }

  rebuild_stage (self, stage);
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OvPlaybookEditor *self = OV_PLAYBOOK_EDITOR (widget);
  OvStage stage = g_variant_get_int32 (parameter);
  g_autoptr(OvPlaybookTask) task = NULL;
  g_autoptr(GError) error = NULL;
  OvPlaybookTaskRow *row;

  if (self->playbook == NULL || !ov_stage_is_valid (stage))
    return;

  /* A task needs an owner: the onboarding specialist is the usual one. */
  task = ov_playbook_task_new (stage, _("New task"), "", "onboarding", 0);
  ov_playbook_add_task (self->playbook, task);
  if (!store_playbook (self, &error))
    {
      ov_playbook_remove_task (self->playbook, task);
      refuse (self, ov_playbook_stage_get_error_label (self->stages[stage]), NULL, error, OV_CONFLICT_REDO);
      return;
    }

  rebuild_stage (self, stage);

  /* Ready for its real title. */
  row = find_row (self, task);
  if (row != NULL)
    ov_playbook_task_row_edit_title (row);
}

static void
rebuild_stage (OvPlaybookEditor *self,
               OvStage           stage)
{
  OvPlaybookStage *group = self->stages[stage];
  g_autoptr(GPtrArray) tasks = NULL;

  if (self->error_field != NULL &&
      gtk_widget_get_ancestor (self->error_field, OV_TYPE_PLAYBOOK_TASK_ROW) != NULL &&
      gtk_widget_is_ancestor (self->error_field, GTK_WIDGET (group)))
    clear_error (self);

  tasks = self->playbook ? ov_playbook_dup_tasks (self->playbook, stage)
                         : g_ptr_array_new ();
  ov_playbook_stage_show_tasks (group, tasks);

  for (guint i = 0; i < ov_playbook_stage_get_n_rows (group); i++)
    {
      OvPlaybookTaskRow *row = ov_playbook_stage_get_row (group, i);

      ov_playbook_task_row_set_trainings (row, self->trainings);
      g_signal_connect_object (row, "edited", G_CALLBACK (task_edited_cb), self, 0);
      g_signal_connect_object (row, "move", G_CALLBACK (task_move_cb), self, 0);
      g_signal_connect_object (row, "remove", G_CALLBACK (task_remove_cb), self, 0);
    }
}

void
ov_playbook_editor_set_playbook (OvPlaybookEditor *self,
                                 OvPlaybook       *playbook)
{
  g_return_if_fail (OV_IS_PLAYBOOK_EDITOR (self));
  g_return_if_fail (playbook == NULL || OV_IS_PLAYBOOK (playbook));

  clear_error (self);
  g_clear_object (&self->playbook);
  if (playbook != NULL)
    self->playbook = ov_playbook_copy (playbook);

  if (self->playbook != NULL)
    show_details (self);

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    rebuild_stage (self, stage);
}

OvPlaybook *
ov_playbook_editor_get_playbook (OvPlaybookEditor *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_EDITOR (self), NULL);

  return self->playbook;
}

gint64
ov_playbook_editor_get_playbook_id (OvPlaybookEditor *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_EDITOR (self), 0);

  return self->playbook ? ov_playbook_get_id (self->playbook) : 0;
}

void
ov_playbook_editor_set_accounts (OvPlaybookEditor *self,
                                 OvAccountList    *accounts)
{
  g_return_if_fail (OV_IS_PLAYBOOK_EDITOR (self));

  g_set_object (&self->accounts, accounts);
}

void
ov_playbook_editor_set_show_back (OvPlaybookEditor *self,
                                  gboolean          show_back)
{
  g_return_if_fail (OV_IS_PLAYBOOK_EDITOR (self));

  gtk_widget_set_visible (self->back_button, show_back);
}

void
ov_playbook_editor_edit_name (OvPlaybookEditor *self)
{
  g_return_if_fail (OV_IS_PLAYBOOK_EDITOR (self));

  if (gtk_widget_grab_focus (GTK_WIDGET (self->name_row)))
    gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

GtkWidget *
ov_playbook_editor_get_task_row (OvPlaybookEditor *self,
                                 OvStage           stage,
                                 guint             position)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_EDITOR (self), NULL);
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  return GTK_WIDGET (ov_playbook_stage_get_row (self->stages[stage], position));
}

const char *
ov_playbook_editor_get_error (OvPlaybookEditor *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_EDITOR (self), NULL);

  return self->error_message ? self->error_message : "";
}

/* In a worker (ov_store_run_async()): the items a training is chosen
 * from. */
static gboolean
read_trainings (OvStore         *store,
                gpointer         data,
                OvProgressFunc   progress,
                gpointer         progress_data,
                GCancellable    *cancellable,
                GError         **error)
{
  GPtrArray **items = data;

  *items = ov_store_list_content_choices (store, error);
  return *items != NULL;
}

static gboolean
has_item (GPtrArray *items,
          gint64     content_id)
{
  for (guint i = 0; i < items->len; i++)
    if (ov_content_item_get_id (g_ptr_array_index (items, i)) == content_id)
      return TRUE;

  return FALSE;
}

static void
show_trainings (OvView   *view,
                gpointer  data)
{
  OvPlaybookEditor *self = OV_PLAYBOOK_EDITOR (view);
  GPtrArray **items = data;

  g_clear_pointer (&self->trainings, g_ptr_array_unref);
  self->trainings = g_steal_pointer (items);

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      OvPlaybookStage *group = self->stages[stage];

      for (guint i = 0; i < ov_playbook_stage_get_n_rows (group); i++)
        {
          OvPlaybookTaskRow *row = ov_playbook_stage_get_row (group, i);
          OvPlaybookTask *task = ov_playbook_task_row_get_task (row);
          gint64 content_id = ov_playbook_task_get_content_id (task);

          /* An item removed from the library: the store took it off the
           * task already (a trigger), so the copy follows. */
          if (content_id != 0 && !has_item (self->trainings, content_id))
            {
              ov_playbook_task_set_content (task, NULL);
              ov_playbook_task_row_refresh (row);
            }
          ov_playbook_task_row_set_trainings (row, self->trainings);
        }
    }
}

static const OvViewReaderFuncs trainings_funcs = {
  ov_view_reader_make_array, ov_view_reader_free_array, read_trainings, show_trainings, NULL,
  "the content library",
};

static void
ov_playbook_editor_store_ready (OvView *view)
{
  ov_view_reader_start (OV_PLAYBOOK_EDITOR (view)->trainings_reader);
}

static void
ov_playbook_editor_store_changed (OvView     *view,
                                  const char *what)
{
  if (g_strcmp0 (what, "content") == 0)
    ov_view_reader_start (OV_PLAYBOOK_EDITOR (view)->trainings_reader);
}

static void
back_clicked_cb (OvPlaybookEditor *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
ov_playbook_editor_dispose (GObject *object)
{
  OvPlaybookEditor *self = OV_PLAYBOOK_EDITOR (object);

  g_clear_weak_pointer (&self->error_field);
  g_clear_pointer (&self->error_message, g_free);
  self->error_label = NULL;
  g_clear_object (&self->playbook);
  g_clear_object (&self->accounts);
  if (self->trainings_reader != NULL)
    ov_view_reader_cancel (self->trainings_reader);
  g_clear_pointer (&self->trainings, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_playbook_editor_parent_class)->dispose (object);
}

static void
ov_playbook_editor_finalize (GObject *object)
{
  OvPlaybookEditor *self = OV_PLAYBOOK_EDITOR (object);

  g_clear_pointer (&self->trainings_reader, ov_view_reader_free);

  G_OBJECT_CLASS (ov_playbook_editor_parent_class)->finalize (object);
}

static void
ov_playbook_editor_class_init (OvPlaybookEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_playbook_editor_dispose;
  object_class->finalize = ov_playbook_editor_finalize;

  view_class->store_ready = ov_playbook_editor_store_ready;
  view_class->store_changed = ov_playbook_editor_store_changed;

  /**
   * OvPlaybookEditor::back:
   *
   * The user asked to go back to the list of playbooks.
   */
  signals[BACK] = g_signal_new ("back",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-playbook-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, segment_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, segment_button);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, segment_list);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, default_switch);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, details_error);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookEditor, stages_box);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, segment_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, segment_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, default_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, segment_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, segment_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-task", "i", add_task_action);
}

static void
ov_playbook_editor_init (OvPlaybookEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->trainings_reader = ov_view_reader_new (OV_VIEW (self), &trainings_funcs);

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      self->stages[stage] = OV_PLAYBOOK_STAGE (ov_playbook_stage_new (stage));
      gtk_box_append (self->stages_box, GTK_WIDGET (self->stages[stage]));
    }
}
