/* ov-playbook-task-row.c — one task of a playbook, editable in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row never changes its task: every edit is proposed to the editor as
 * a changed copy ("edited"), which the editor stores through the core. So
 * whatever the core refuses stays out of the playbook, and the row shows
 * the stored task again with ov_playbook_task_row_refresh().
 */

#define G_LOG_DOMAIN "ov-playbook-task-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-playbook-task-row.h"

struct _OvPlaybookTaskRow
{
  AdwExpanderRow  parent_instance;

  OvPlaybookTask *task;
  gboolean        showing;
  /* The library's items offered, and what each choice of the training
   * combo is: NULL for None first, then an item each. */
  GPtrArray      *trainings;
  GPtrArray      *choices;

  /* Template widgets */
  AdwEntryRow    *title_row;
  AdwEntryRow    *description_row;
  GtkWidget      *message_row;
  GtkLabel       *message_label;
  AdwComboRow    *role_row;
  AdwActionRow   *offset_row;
  GtkSpinButton  *offset_spin;
  AdwComboRow    *training_row;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
};

G_DEFINE_FINAL_TYPE (OvPlaybookTaskRow, ov_playbook_task_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_TASK,
  N_PROPS
};

enum {
  EDITED,
  MOVE,
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
describe_offset (int offset)
{
  if (offset == 0)
    return g_strdup (_("due when the stage starts"));

  return g_strdup_printf (ngettext ("due %d day into the stage", "due %d days into the stage",
                                    offset),
                          offset);
}

/* None is NULL among the choices. */
static void
unref_choice (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* "Admin foundations (Course)" */
static char *
describe_item (OvContentItem *item)
{
  /* Translators: a training in the choice of a playbook task: the item's
   * title, then its format, e.g. "Admin foundations (Course)" */
  return g_strdup_printf (_("%s (%s)"), ov_content_item_get_title (item),
                          ov_content_format_get_title (ov_content_item_get_format (item)));
}

/* Where the task's training is among the choices: 0 for None, G_MAXUINT
 * when it is not there. */
static guint
find_training (OvPlaybookTaskRow *self)
{
  gint64 content_id = ov_playbook_task_get_content_id (self->task);

  if (ov_playbook_task_get_content (self->task) == NULL)
    return 0;

  for (guint i = 1; i < self->choices->len; i++)
    if (ov_content_item_get_id (g_ptr_array_index (self->choices, i)) == content_id)
      return i;

  return G_MAXUINT;
}

/* The choices of the training combo: None, the library's items, and the
 * task's own training when the library (not read yet, say) lacks it. A
 * new model is made only here, never while a choice is being made. */
static void
fill_trainings (OvPlaybookTaskRow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->choices, 0);
  g_ptr_array_add (self->choices, NULL);
  /* Translators: no training for the task */
  gtk_string_list_append (labels, C_("training", "None"));

  for (guint i = 0; self->trainings != NULL && i < self->trainings->len; i++)
    {
      OvContentItem *item = g_ptr_array_index (self->trainings, i);
      g_autofree char *label = describe_item (item);

      g_ptr_array_add (self->choices, g_object_ref (item));
      gtk_string_list_append (labels, label);
    }

  if (find_training (self) == G_MAXUINT)
    {
      OvContentItem *own = ov_playbook_task_get_content (self->task);
      g_autofree char *label = describe_item (own);

      g_ptr_array_add (self->choices, g_object_ref (own));
      gtk_string_list_append (labels, label);
    }

  adw_combo_row_set_model (self->training_row, G_LIST_MODEL (labels));
}

/* Shows the task's training, adding it to the choices if need be. */
static void
show_training (OvPlaybookTaskRow *self)
{
  if (find_training (self) == G_MAXUINT)
    fill_trainings (self);

  adw_combo_row_set_selected (self->training_row, find_training (self));
}

void
ov_playbook_task_row_refresh (OvPlaybookTaskRow *self)
{
  const char *role_title;
  OvContentItem *training;
  g_autofree char *offset = NULL;
  g_autofree char *subtitle = NULL;
  int role_index;

  g_return_if_fail (OV_IS_PLAYBOOK_TASK_ROW (self));

  role_title = ov_role_get_title (ov_playbook_task_get_role (self->task));
  offset = describe_offset (ov_playbook_task_get_day_offset (self->task));
  training = ov_playbook_task_get_content (self->task);
  if (training != NULL)
    /* Translators: "Training · due 10 days into the stage · Course: Admin foundations";
     * the third %s is the item's format (Course, Webinar, Guide, …) */
    subtitle = g_strdup_printf (_("%s · %s · %s: %s"),
                                role_title ? role_title : _("No owner role"), offset,
                                ov_content_format_get_title (ov_content_item_get_format (training)),
                                ov_content_item_get_title (training));
  else
    /* Translators: "Onboarding specialist · due 3 days into the stage" */
    subtitle = g_strdup_printf (_("%s · %s"), role_title ? role_title : _("No owner role"),
                                offset);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ov_playbook_task_get_title (self->task));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  /* Putting the stored values back must not read as new edits. */
  self->showing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), ov_playbook_task_get_title (self->task));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         ov_playbook_task_get_description (self->task));
  role_index = ov_role_get_index (ov_playbook_task_get_role (self->task));
  adw_combo_row_set_selected (self->role_row,
                              role_index >= 0 ? (guint)role_index : GTK_INVALID_LIST_POSITION);
  gtk_spin_button_set_value (self->offset_spin, ov_playbook_task_get_day_offset (self->task));
  show_training (self);
  self->showing = FALSE;
}

void
ov_playbook_task_row_set_trainings (OvPlaybookTaskRow *self,
                                    GPtrArray         *items)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK_ROW (self));

  if (self->trainings == items)
    return;

  g_clear_pointer (&self->trainings, g_ptr_array_unref);
  if (items != NULL)
    self->trainings = g_ptr_array_ref (items);

  self->showing = TRUE;
  fill_trainings (self);
  show_training (self);
  self->showing = FALSE;
}

static void
propose (OvPlaybookTaskRow *self,
         OvPlaybookTask    *proposal,
         GtkWidget         *field)
{
  if (self->showing)
    return;

  g_signal_emit (self, signals[EDITED], 0, proposal, field);
}

static void
title_applied_cb (OvPlaybookTaskRow *self)
{
  g_autoptr(OvPlaybookTask) proposal = ov_playbook_task_copy (self->task);

  ov_playbook_task_set_title (proposal, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  propose (self, proposal, GTK_WIDGET (self->title_row));
}

static void
description_applied_cb (OvPlaybookTaskRow *self)
{
  g_autoptr(OvPlaybookTask) proposal = ov_playbook_task_copy (self->task);

  ov_playbook_task_set_description (proposal,
                                    gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  propose (self, proposal, GTK_WIDGET (self->description_row));
}

/* Enter without the apply button (hidden once a text was applied, and so
 * after a refusal) proposes the text again when it is not what is stored:
 * how a refused title is saved over a newer playbook. */
static void
title_activated_cb (OvPlaybookTaskRow *self)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                 ov_playbook_task_get_title (self->task)) != 0)
    title_applied_cb (self);
}

static void
description_activated_cb (OvPlaybookTaskRow *self)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                 ov_playbook_task_get_description (self->task)) != 0)
    description_applied_cb (self);
}

static void
role_selected_cb (OvPlaybookTaskRow *self)
{
  g_autoptr(OvPlaybookTask) proposal = NULL;
  const char * const *roles = ov_role_list_all ();
  guint selected = adw_combo_row_get_selected (self->role_row);

  if (self->showing || selected >= g_strv_length ((char **)roles))
    return;

  proposal = ov_playbook_task_copy (self->task);
  ov_playbook_task_set_role (proposal, roles[selected]);
  propose (self, proposal, GTK_WIDGET (self->role_row));
}

static void
offset_changed_cb (OvPlaybookTaskRow *self)
{
  g_autoptr(OvPlaybookTask) proposal = NULL;

  if (self->showing)
    return;

  proposal = ov_playbook_task_copy (self->task);
  ov_playbook_task_set_day_offset (proposal, gtk_spin_button_get_value_as_int (self->offset_spin));
  propose (self, proposal, GTK_WIDGET (self->offset_row));
}

static void
training_selected_cb (OvPlaybookTaskRow *self)
{
  g_autoptr(OvPlaybookTask) proposal = NULL;
  guint selected = adw_combo_row_get_selected (self->training_row);

  /* Choosing what the task has already is no edit. */
  if (self->showing || selected >= self->choices->len || selected == find_training (self))
    return;

  proposal = ov_playbook_task_copy (self->task);
  ov_playbook_task_set_content (proposal, g_ptr_array_index (self->choices, selected));
  propose (self, proposal, GTK_WIDGET (self->training_row));
}

static void
up_clicked_cb (OvPlaybookTaskRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (OvPlaybookTaskRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
remove_clicked_cb (OvPlaybookTaskRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

void
ov_playbook_task_row_set_movable (OvPlaybookTaskRow *self,
                                  gboolean           up,
                                  gboolean           down)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK_ROW (self));

  gtk_widget_set_sensitive (self->up_button, up);
  gtk_widget_set_sensitive (self->down_button, down);
}

void
ov_playbook_task_row_set_message (OvPlaybookTaskRow *self,
                                  const char        *message)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK_ROW (self));

  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (self->message_row, message != NULL);
  if (message != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

const char *
ov_playbook_task_row_get_field_id (OvPlaybookTaskRow *self,
                                   GtkWidget         *field)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK_ROW (self), NULL);

  if (field == GTK_WIDGET (self->title_row))
    return "title";
  if (field == GTK_WIDGET (self->description_row))
    return "description";
  if (field == GTK_WIDGET (self->role_row))
    return "role";
  if (field == GTK_WIDGET (self->offset_row))
    return "offset";
  if (field == GTK_WIDGET (self->training_row))
    return "training";

  return NULL;
}

GtkWidget *
ov_playbook_task_row_get_field (OvPlaybookTaskRow *self,
                                const char        *field_id)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK_ROW (self), NULL);

  if (g_strcmp0 (field_id, "title") == 0)
    return GTK_WIDGET (self->title_row);
  if (g_strcmp0 (field_id, "description") == 0)
    return GTK_WIDGET (self->description_row);
  if (g_strcmp0 (field_id, "role") == 0)
    return GTK_WIDGET (self->role_row);
  if (g_strcmp0 (field_id, "offset") == 0)
    return GTK_WIDGET (self->offset_row);
  if (g_strcmp0 (field_id, "training") == 0)
    return GTK_WIDGET (self->training_row);

  return NULL;
}

void
ov_playbook_task_row_edit_title (OvPlaybookTaskRow *self)
{
  g_return_if_fail (OV_IS_PLAYBOOK_TASK_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  if (gtk_widget_grab_focus (GTK_WIDGET (self->title_row)))
    gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

OvPlaybookTask *
ov_playbook_task_row_get_task (OvPlaybookTaskRow *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK_ROW (self), NULL);

  return self->task;
}

GtkWidget *
ov_playbook_task_row_new (OvPlaybookTask *task)
{
  GtkWidget *row;

  g_return_val_if_fail (OV_IS_PLAYBOOK_TASK (task), NULL);

  row = g_object_new (OV_TYPE_PLAYBOOK_TASK_ROW, "task", task, NULL);

  /* Shown once the object is built: libadwaita 1.2 hands "use-markup" on
   * to the expander's header when it is notified, and notifications wait
   * until construction is over, so a subtitle set in constructed() would
   * still be read as markup ("Setup & <Admin>" is not). */
  ov_playbook_task_row_refresh (OV_PLAYBOOK_TASK_ROW (row));
  return row;
}

static void
ov_playbook_task_row_constructed (GObject *object)
{
  OvPlaybookTaskRow *self = OV_PLAYBOOK_TASK_ROW (object);

  G_OBJECT_CLASS (ov_playbook_task_row_parent_class)->constructed (object);

  g_assert (self->task != NULL);
}

static void
ov_playbook_task_row_dispose (GObject *object)
{
  OvPlaybookTaskRow *self = OV_PLAYBOOK_TASK_ROW (object);

  g_clear_object (&self->task);
  g_clear_pointer (&self->trainings, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_playbook_task_row_parent_class)->dispose (object);
}

static void
ov_playbook_task_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OvPlaybookTaskRow *self = OV_PLAYBOOK_TASK_ROW (object);

  switch (prop_id)
    {
    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_playbook_task_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OvPlaybookTaskRow *self = OV_PLAYBOOK_TASK_ROW (object);

  switch (prop_id)
    {
    case PROP_TASK:
      g_set_object (&self->task, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_playbook_task_row_class_init (OvPlaybookTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ov_playbook_task_row_constructed;
  object_class->dispose = ov_playbook_task_row_dispose;
  object_class->get_property = ov_playbook_task_row_get_property;
  object_class->set_property = ov_playbook_task_row_set_property;

  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL, OV_TYPE_PLAYBOOK_TASK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OvPlaybookTaskRow::edited:
   * @proposal: a copy of the task with the change
   * @field: the row of the field that changed
   */
  signals[EDITED] = g_signal_new ("edited",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, OV_TYPE_PLAYBOOK_TASK, GTK_TYPE_WIDGET);

  /**
   * OvPlaybookTaskRow::move:
   * @delta: -1 to move up one place, 1 to move down
   */
  signals[MOVE] = g_signal_new ("move",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_INT);

  signals[REMOVE] = g_signal_new ("remove",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-playbook-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, message_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, role_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, offset_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, offset_spin);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, training_row);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybookTaskRow, down_button);
  gtk_widget_class_bind_template_callback (widget_class, title_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, offset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, training_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
ov_playbook_task_row_init (OvPlaybookTaskRow *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  const char * const *ids = ov_role_list_all ();

  self->choices = g_ptr_array_new_with_free_func (unref_choice);

  /* The combo reads its model while the template is built. */
  self->showing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (roles, ov_role_get_title (ids[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  self->showing = FALSE;
}
