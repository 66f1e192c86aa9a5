/* ov-app-util.c — small helpers the journey views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-app-util"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-window.h"

AdwToast *
ov_app_toast_new (const char *text)
{
  g_autofree char *markup = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  markup = g_markup_escape_text (text, -1);
  return adw_toast_new (markup);
}

GtkWidget *
ov_app_note_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  g_return_val_if_fail (text != NULL, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* Sets @property of @object, a text libadwaita parses as markup, to show
 * @text as it is. */
void
ov_app_set_plain_text (gpointer    object,
                       const char *property,
                       const char *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  markup = text != NULL ? g_markup_escape_text (text, -1) : NULL;
  g_object_set (object, property, markup, NULL);
}

/* Shows @message as a toast in the main window that @widget belongs to,
 * directly or through a dialog on top of it. */
GtkWidget *
ov_app_filter_chip_new (const char *what,
                        const char *value)
{
  g_autofree char *text = NULL;
  g_autofree char *remove = NULL;
  GtkWidget *button, *box, *label;

  g_return_val_if_fail (what != NULL && value != NULL, NULL);

  /* Translators: a filter shown above a list, "Stage: Kickoff" */
  text = g_strdup_printf (_("%s: %s"), what, value);
  /* Translators: the tooltip of a filter's chip, "Remove Stage: Kickoff" */
  remove = g_strdup_printf (_("Remove %s"), text);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));

  button = gtk_button_new ();
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_widget_add_css_class (button, "filter-chip");
  return button;
}

void
ov_app_show_toast (GtkWidget  *widget,
                   const char *message)
{
  GtkWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  window = GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget)
                                  : GTK_WINDOW (gtk_widget_get_root (widget));

  while (window != NULL && !OV_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window != NULL)
    ov_window_add_toast (OV_WINDOW (window), ov_app_toast_new (message));
  else
    g_message ("%s", message);
}

typedef struct
{
  OvAppUndoFunc  undo;
  gpointer       data;
  GDestroyNotify destroy;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  if (undo->destroy != NULL)
    undo->destroy (undo->data);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *undo)
{
  undo->undo (undo->data);
}

void
ov_app_show_undo_toast (GtkWidget      *widget,
                        const char     *message,
                        OvAppUndoFunc   undo,
                        gpointer        data,
                        GDestroyNotify  destroy)
{
  GtkWindow *window;
  AdwToast *toast;
  UndoData *closure_data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);
  g_return_if_fail (undo != NULL);

  window = GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget)
                                  : GTK_WINDOW (gtk_widget_get_root (widget));
  while (window != NULL && !OV_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window == NULL)
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }

  toast = ov_app_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Long enough to reach for the button. */
  adw_toast_set_timeout (toast, 10);
  closure_data = g_new0 (UndoData, 1);
  closure_data->undo = undo;
  closure_data->data = data;
  closure_data->destroy = destroy;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), closure_data,
                         undo_data_free, 0);
  ov_window_add_toast (OV_WINDOW (window), toast);
}

typedef struct
{
  OvStore          *store;
  GObject          *row;
  OvAppRestoreFunc  restore;
  GWeakRef          widget;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_object_unref (deleted->store);
  g_object_unref (deleted->row);
  g_weak_ref_clear (&deleted->widget);
  g_free (deleted);
}

static void
undo_delete (gpointer data)
{
  Deleted *deleted = data;
  g_autoptr(GError) error = NULL;

  if (!deleted->restore (deleted->store, deleted->row, &error))
    {
      g_autoptr(GtkWidget) widget = g_weak_ref_get (&deleted->widget);

      if (widget != NULL)
        ov_app_show_toast (widget, error->message);
      else
        g_warning ("Could not undo the delete: %s", error->message);
    }
}

void
ov_app_show_undo_delete_toast (GtkWidget        *widget,
                               const char       *message,
                               OvStore          *store,
                               GObject          *row,
                               OvAppRestoreFunc  restore)
{
  Deleted *deleted;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (OV_IS_STORE (store));
  g_return_if_fail (G_IS_OBJECT (row));
  g_return_if_fail (restore != NULL);

  deleted = g_new0 (Deleted, 1);
  deleted->store = g_object_ref (store);
  deleted->row = g_object_ref (row);
  deleted->restore = restore;
  g_weak_ref_init (&deleted->widget, widget);
  ov_app_show_undo_toast (widget, message, undo_delete, deleted, deleted_free);
}

/* "12 Dec" within @today's year, "12 Jan 2027" otherwise: short enough for
 * the side of a row in a narrow window. */
static char *
short_date (OvDate date,
            OvDate today)
{
  g_autoptr(GDateTime) when = NULL;
  int year, month, day, this_year, this_month, this_day;

  if (!ov_date_to_ymd (date, &year, &month, &day) ||
      !ov_date_to_ymd (today, &this_year, &this_month, &this_day) || year != this_year)
    return ov_date_to_display (date);

  when = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: a day in the current year, see strftime(3): "12 Dec" */
  return g_date_time_format (when, _("%-d %b"));
}

/* "3 days overdue", "Due today", "Due in 4 days", "Due 12 Dec",
 * "Done 20 Nov 2026" or "" for an open task without a date. @style_class
 * gets "error" for overdue, "warning" for due this week, else NULL. */
char *
ov_app_describe_due (OvTask      *task,
                     OvDate       today,
                     const char **style_class)
{
  OvDate due = ov_task_get_due_date (task);
  g_autofree char *date = NULL;
  int days;

  *style_class = NULL;

  if (ov_task_is_done (task))
    {
      date = short_date (ov_task_get_done_date (task), today);
      /* Translators: when a task was ticked off, e.g. "Done 20 Nov 2026" */
      return date[0] != '\0' ? g_strdup_printf (_("Done %s"), date) : g_strdup (_("Done"));
    }

  if (due == OV_DATE_NONE)
    return g_strdup ("");

  days = due - today;

  if (ov_task_is_overdue (task, today))
    {
      *style_class = "error";
      return g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", -days), -days);
    }

  if (ov_task_is_due_this_week (task, today))
    {
      *style_class = "warning";
      if (days == 0)
        return g_strdup (_("Due today"));
      if (days == 1)
        return g_strdup (_("Due tomorrow"));
      return g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days), days);
    }

  date = short_date (due, today);
  /* Translators: a task's due date, e.g. "Due 12 Dec" */
  return g_strdup_printf (_("Due %s"), date);
}

char *
ov_app_format_days (int days)
{
  return g_strdup_printf (ngettext ("%d day", "%d days", days), days);
}

/* "1,204" in locales that group digits. */
char *
ov_app_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

/* Text from a file, shown even when it is not valid in the encoding it
 * was read in (the import says so); labels need valid UTF-8. */
char *
ov_app_make_valid (const char *text)
{
  return g_utf8_make_valid (text ? text : "", -1);
}

/* A flow box lays out cards and chips; it is not a list to pick from. Its
 * children (GtkFlowBoxChild) are tab stops of their own, which land on a
 * whole card: this takes them out, so Tab goes to the buttons and rows
 * inside. Called again after children are added. A flow box of cards with
 * nothing to press in them (@has_controls FALSE) is left out of the tab
 * order as a whole: it would hold the focus where it was. */
void
ov_app_flow_box_unfocus (GtkFlowBox *box,
                         gboolean    has_controls)
{
  g_return_if_fail (GTK_IS_FLOW_BOX (box));

  gtk_widget_set_can_focus (GTK_WIDGET (box), has_controls);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child))
      gtk_widget_set_focusable (child, FALSE);
}
