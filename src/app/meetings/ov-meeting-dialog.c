/* ov-meeting-dialog.c — add or change one meeting of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the meeting is for, when, whether the customer came, and a note.
 * The core validates (no attendance before the day, at most two years
 * ahead): a refusal marks the field it is about and keeps the dialog open.
 */

#define G_LOG_DOMAIN "ov-meeting-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-conflict.h"
#include "ov-date-row.h"
#include "ov-meeting-dialog.h"

struct _OvMeetingDialog
{
  AdwWindow    parent_instance;

  OvStore     *store;
  gint64       account_id;
  OvMeeting   *meeting;     /* NULL when adding */
  OvDate       today;

  /* Template widgets */
  GtkWidget   *save_button;
  AdwComboRow *kind_row;
  OvDateRow   *date_row;
  GtkWidget   *attended_row;
  GtkSwitch   *attended_switch;
  AdwEntryRow *note_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (OvMeetingDialog, ov_meeting_dialog, ADW_TYPE_WINDOW)

static void
clear_marks (OvMeetingDialog *self)
{
  gtk_label_set_label (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (self->attended_row, "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
}

static void
show_error (OvMeetingDialog *self,
            GtkWidget       *row,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
field_changed_cb (OvMeetingDialog *self)
{
  clear_marks (self);
}

/* See ov-measurement-dialog.c: the row marks text that is no date itself. */
static void
date_changed_cb (OvMeetingDialog *self)
{
  if (ov_date_row_is_valid (self->date_row))
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  clear_marks (self);
}

static void
save_clicked_cb (OvMeetingDialog *self)
{
  ov_meeting_dialog_save (self);
}

static void
ov_meeting_dialog_dispose (GObject *object)
{
  OvMeetingDialog *self = OV_MEETING_DIALOG (object);

  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_meeting_dialog_parent_class)->dispose (object);
}

static void
ov_meeting_dialog_class_init (OvMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_meeting_dialog_dispose;

  g_type_ensure (OV_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-meeting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvMeetingDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, OvMeetingDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeetingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeetingDialog, attended_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeetingDialog, attended_switch);
  gtk_widget_class_bind_template_child (widget_class, OvMeetingDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeetingDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_meeting_dialog_init (OvMeetingDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint kind = 0; kind < OV_N_MEETING_KINDS; kind++)
    gtk_string_list_append (kinds, ov_meeting_kind_get_title (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/* @meeting: the stored meeting to change, or NULL to add one on @today. */
OvMeetingDialog *
ov_meeting_dialog_new (GtkWindow *parent,
                       OvStore   *store,
                       gint64     account_id,
                       OvMeeting *meeting,
                       OvDate     today)
{
  OvMeetingDialog *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting == NULL || OV_IS_MEETING (meeting), NULL);

  self = g_object_new (OV_TYPE_MEETING_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->account_id = account_id;
  self->today = today;

  if (meeting != NULL)
    {
      self->meeting = ov_meeting_copy (meeting);
      adw_combo_row_set_selected (self->kind_row, ov_meeting_get_kind (meeting));
      ov_date_row_set_date (self->date_row, ov_meeting_get_scheduled_on (meeting));
      gtk_switch_set_active (self->attended_switch, ov_meeting_get_attended (meeting));
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), ov_meeting_get_note (meeting));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Meeting"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
    }
  else
    {
      ov_date_row_set_date (self->date_row, today);
      gtk_window_set_title (GTK_WINDOW (self), _("Add Meeting"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }

  clear_marks (self);
  return self;
}

static GtkWidget *
row_of_error (OvMeetingDialog *self,
              const GError    *error)
{
  if (error->domain != OV_MEETING_ERROR)
    return NULL;

  switch (error->code)
    {
    case OV_MEETING_ERROR_DATE:
    case OV_MEETING_ERROR_DUPLICATE:
      return GTK_WIDGET (self->date_row);
    case OV_MEETING_ERROR_KIND:
      return GTK_WIDGET (self->kind_row);
    case OV_MEETING_ERROR_ATTENDED:
      return self->attended_row;
    case OV_MEETING_ERROR_NOTE:
      return GTK_WIDGET (self->note_row);
    default:
      return NULL;
    }
}

/* TRUE when the meeting was stored (and the dialog closed). */
gboolean
ov_meeting_dialog_save (OvMeetingDialog *self)
{
  g_autoptr(OvMeeting) draft = NULL;
  g_autoptr(GError) error = NULL;
  guint kind;
  g_autoptr(GError) date_error = NULL;
  OvDate date;
  gboolean ok;

  g_return_val_if_fail (OV_IS_MEETING_DIALOG (self), FALSE);

  clear_marks (self);

  if (!ov_date_row_read_text (self->date_row, &date, &date_error))
    {
      g_autofree char *message = NULL;

      /* Translators: a date typed that is none, "Scheduled on: “30.02.2026” is not…" */
      message = g_strdup_printf (_("Scheduled on: %s"), date_error->message);
      show_error (self, GTK_WIDGET (self->date_row), message);
      return FALSE;
    }

  kind = adw_combo_row_get_selected (self->kind_row);
  draft = self->meeting != NULL ? ov_meeting_copy (self->meeting)
                                : ov_meeting_new (self->account_id, kind, OV_DATE_NONE);
  ov_meeting_set_kind (draft, kind);
  ov_meeting_set_scheduled_on (draft, date);
  ov_meeting_set_attended (draft, gtk_switch_get_active (self->attended_switch));
  ov_meeting_set_note (draft, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  ok = ov_meeting_validate (draft, self->today, &error);
  if (ok)
    ok = self->meeting != NULL ? ov_store_update_meeting (self->store, draft, &error)
                               : ov_store_add_meeting (self->store, draft, &error);
  if (!ok)
    {
      if (ov_conflict_matches (error))
        ov_conflict_show_saved (GTK_WIDGET (self), self->error_label, error, &self->meeting,
                                ov_store_get_meeting (self->store,
                                                      ov_meeting_get_id (self->meeting), NULL));
      else
        show_error (self, row_of_error (self, error), error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* The refusal shown, or "". */
const char *
ov_meeting_dialog_get_error (OvMeetingDialog *self)
{
  g_return_val_if_fail (OV_IS_MEETING_DIALOG (self), NULL);

  return gtk_label_get_label (self->error_label);
}
