/* ov-task-row.c — one task in a list: tick it off, see when it is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ticking the box stores the task as done today (or open again) at once;
 * a refused write puts the box back and says why. An overdue task says by
 * how many days, in the error colour. A task about a content item names
 * it, opens its link, and marks it completed by everyone on the account in
 * one click.
 */

#define G_LOG_DOMAIN "ov-task-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-store-content.h"
#include "ov-task-row.h"

struct _OvTaskRow
{
  AdwActionRow    parent_instance;

  OvStore        *store;
  OvTask         *task;
  gboolean        editable;
  gboolean        syncing;
  gboolean        show_account;

  /* Template widgets */
  GtkCheckButton *done_check;
  GtkLabel       *due_label;
  GtkWidget      *training_button;
  GtkWidget      *open_training_button;
};

G_DEFINE_FINAL_TYPE (OvTaskRow, ov_task_row, ADW_TYPE_ACTION_ROW)

enum {
  EDIT,
  TICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (OvTaskRow *self)
{
  OvTask *task = self->task;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *due = NULL;
  const char *style = NULL;
  const char *role = ov_task_get_role (task);
  const char *assignee = ov_task_get_assignee_name (task);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ov_task_get_title (task));

  if (self->show_account)
    g_string_append (subtitle, ov_task_get_account_name (task));
  if (role != NULL && role[0] != '\0' && subtitle->len > 0)
    g_string_append (subtitle, " · ");
  if (role != NULL && role[0] != '\0')
    g_string_append (subtitle, ov_role_get_title (role));
  if (assignee != NULL && assignee[0] != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, assignee);
    }
  else if (role != NULL && role[0] != '\0')
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("nobody holds this role yet"));
    }
  if (ov_task_get_content_id (task) != 0)
    {
      const char *location = ov_task_get_content_location (task);
      g_autofree char *tip = NULL;

      if (subtitle->len > 0)
        g_string_append (subtitle, "\n");
      /* Translators: a task's training, "Training: Admin foundations" */
      g_string_append_printf (subtitle, _("Training: %s"), ov_task_get_content_title (task));

      /* Translators: a task row's button, "Mark “Admin foundations” completed by everyone" */
      tip = g_strdup_printf (_("Mark “%s” completed by everyone on the account"),
                             ov_task_get_content_title (task));
      gtk_widget_set_tooltip_text (self->training_button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->training_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_widget_set_visible (self->training_button, TRUE);

      g_clear_pointer (&tip, g_free);
      /* Translators: a task row's button, "Open “Admin foundations”" */
      tip = g_strdup_printf (_("Open “%s”"), ov_task_get_content_title (task));
      gtk_widget_set_tooltip_text (self->open_training_button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_training_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_widget_set_visible (self->open_training_button,
                              location != NULL && (g_str_has_prefix (location, "https://") ||
                                                   g_str_has_prefix (location, "http://")));
    }
  else
    {
      gtk_widget_set_visible (self->training_button, FALSE);
      gtk_widget_set_visible (self->open_training_button, FALSE);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  due = ov_app_describe_due (task, ov_date_today (), &style);
  gtk_label_set_label (self->due_label, due);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due[0] != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), style);
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "dim-label");

  if (ov_task_is_overdue (task, ov_date_today ()))
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");

  if (ov_task_is_done (task))
    gtk_widget_add_css_class (GTK_WIDGET (self), "task-done");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "task-done");

  self->syncing = TRUE;
  gtk_check_button_set_active (self->done_check, ov_task_is_done (task));
  self->syncing = FALSE;
}

static void
done_toggled_cb (OvTaskRow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean done = gtk_check_button_get_active (self->done_check);

  if (self->syncing || done == ov_task_is_done (self->task))
    return;

  if (!ov_store_set_task_done (self->store, self->task,
                               done ? ov_date_today () : OV_DATE_NONE, &error))
    {
      g_autoptr(OvTask) fresh = NULL;

      /* A task changed elsewhere shows as stored now; ticking it again
       * applies to that. */
      if (ov_conflict_matches (error) &&
          (fresh = ov_store_get_task (self->store, ov_task_get_id (self->task), NULL)) != NULL)
        {
          g_autofree char *message = ov_conflict_describe (error, OV_CONFLICT_TICK, NULL);

          g_set_object (&self->task, fresh);
          ov_app_show_toast (GTK_WIDGET (self), message);
        }
      else
        {
          ov_app_show_toast (GTK_WIDGET (self), error->message);
        }
      update (self);
      return;
    }

  update (self);
  g_signal_emit (self, signals[TICKED], 0, done);
}

/* The one click from a task to its training: everyone who takes it on
 * the account has completed it today. */
static void
training_done_cb (OvTaskRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (!ov_store_complete_content_for_account (self->store, ov_task_get_content_id (self->task),
                                              ov_task_get_account_id (self->task),
                                              ov_date_today (), &n, &error))
    {
      ov_app_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  if (n == 0)
    message = g_strdup_printf (_("Everyone had completed “%s” already"),
                               ov_task_get_content_title (self->task));
  else
    /* Translators: a toast, "“Admin foundations” completed by 3 people" */
    message = g_strdup_printf (ngettext ("“%s” completed by %u person",
                                         "“%s” completed by %u people", n),
                               ov_task_get_content_title (self->task), n);
  ov_app_show_toast (GTK_WIDGET (self), message);
}

static void
open_training_cb (OvTaskRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                ov_task_get_content_location (self->task), GDK_CURRENT_TIME);
}

static void
activated_cb (OvTaskRow *self)
{
  if (self->editable)
    g_signal_emit (self, signals[EDIT], 0);
}

static void
ov_task_row_dispose (GObject *object)
{
  OvTaskRow *self = OV_TASK_ROW (object);

  g_clear_object (&self->task);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_task_row_parent_class)->dispose (object);
}

static void
ov_task_row_class_init (OvTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_task_row_dispose;

  /**
   * OvTaskRow::edit:
   *
   * The user wants to change the task (the row was activated).
   */
  signals[EDIT] = g_signal_new ("edit",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  /**
   * OvTaskRow::ticked:
   * @done: whether the task is done now
   *
   * The user ticked the task off (or back on), and the store has it.
   */
  signals[TICKED] = g_signal_new ("ticked",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ov-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OvTaskRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, OvTaskRow, due_label);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_child (widget_class, OvTaskRow, training_button);
  gtk_widget_class_bind_template_child (widget_class, OvTaskRow, open_training_button);
  gtk_widget_class_bind_template_callback (widget_class, training_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_training_cb);
}

static void
ov_task_row_init (OvTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @editable: activating the row emits ::edit; otherwise it ticks the box. */
GtkWidget *
ov_task_row_new (OvStore  *store,
                 OvTask   *task,
                 gboolean  editable)
{
  OvTaskRow *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (OV_IS_TASK (task), NULL);

  self = g_object_new (OV_TYPE_TASK_ROW, NULL);
  self->store = g_object_ref (store);
  self->task = g_object_ref (task);
  self->editable = editable;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  if (!editable)
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->done_check));

  update (self);
  return GTK_WIDGET (self);
}

OvTask *
ov_task_row_get_task (OvTaskRow *self)
{
  g_return_val_if_fail (OV_IS_TASK_ROW (self), NULL);

  return self->task;
}

const char *
ov_task_row_get_due_text (OvTaskRow *self)
{
  g_return_val_if_fail (OV_IS_TASK_ROW (self), NULL);

  return gtk_label_get_label (self->due_label);
}

void
ov_task_row_set_show_account (OvTaskRow *self,
                              gboolean   show_account)
{
  g_return_if_fail (OV_IS_TASK_ROW (self));

  self->show_account = !!show_account;
  /* Room for the account too, when the row is narrow. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), show_account ? 4 : 2);
  update (self);
}

/* As if the user ticked (or unticked) the box. */
void
ov_task_row_set_done (OvTaskRow *self,
                      gboolean   done)
{
  g_return_if_fail (OV_IS_TASK_ROW (self));

  gtk_check_button_set_active (self->done_check, done);
}

GtkWidget *
ov_task_row_get_training_button (OvTaskRow *self)
{
  g_return_val_if_fail (OV_IS_TASK_ROW (self), NULL);

  return self->training_button;
}
