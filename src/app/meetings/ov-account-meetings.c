/* ov-account-meetings.c — an account's meetings and its engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Engagement (meetings attended ÷ meetings scheduled, with its n) heads
 * the list; a meeting still ahead is not counted yet. Each row ticks
 * attended off; activating it opens OvMeetingDialog; its bin deletes it,
 * with Undo in the toast that says so.
 */

#define G_LOG_DOMAIN "ov-account-meetings"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-account-meetings.h"
#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-meeting-dialog.h"

struct _OvAccountMeetings
{
  OvAccountSection     parent_instance;

  GPtrArray           *rows;       /* AdwActionRow shown, each with "ov-meeting" */
  char                *engagement;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (OvAccountMeetings, ov_account_meetings, OV_TYPE_ACCOUNT_SECTION)

static void
open_dialog (OvAccountMeetings *self,
             OvMeeting         *meeting)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  OvMeetingDialog *dialog;

  if (store == NULL || account == NULL)
    return;

  dialog = ov_meeting_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store,
                                  ov_account_get_id (account), meeting,
                                  ov_view_get_today (OV_VIEW (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (OvAccountMeetings *self)
{
  open_dialog (self, NULL);
}

static void
row_activated_cb (AdwActionRow      *row,
                  OvAccountMeetings *self)
{
  open_dialog (self, g_object_get_data (G_OBJECT (row), "ov-meeting"));
}

static void
report_failure (OvAccountMeetings *self,
                const GError      *error,
                OvConflictAction   action)
{
  g_autofree char *message = NULL;

  if (ov_conflict_matches (error))
    message = ov_conflict_describe (error, action, NULL);

  /* The rows show the meetings as stored now. */
  ov_account_section_refresh (OV_ACCOUNT_SECTION (self));
  ov_app_show_toast (GTK_WIDGET (self), message != NULL ? message : error->message);
}

static void
attended_toggled_cb (GtkCheckButton    *check,
                     OvAccountMeetings *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvMeeting *meeting = g_object_get_data (G_OBJECT (check), "ov-meeting");
  g_autoptr(OvMeeting) draft = NULL;
  g_autoptr(GError) error = NULL;
  gboolean attended = gtk_check_button_get_active (check);

  if (store == NULL || attended == ov_meeting_get_attended (meeting))
    return;

  draft = ov_meeting_copy (meeting);
  ov_meeting_set_attended (draft, attended);
  if (!ov_store_update_meeting (store, draft, &error))
    report_failure (self, error, OV_CONFLICT_TICK);
}

/* Undo: the meeting comes back as a new row with the same values. */
static gboolean
restore_meeting (OvStore  *store,
                 GObject  *row,
                 GError  **error)
{
  g_autoptr(OvMeeting) again = ov_meeting_copy (OV_MEETING (row));

  ov_meeting_set_id (again, 0);
  ov_meeting_set_version (again, 0);
  return ov_store_add_meeting (store, again, error);
}

static void
delete_clicked_cb (GtkButton         *button,
                   OvAccountMeetings *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvMeeting *meeting = g_object_get_data (G_OBJECT (button), "ov-meeting");
  g_autoptr(OvMeeting) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;

  if (store == NULL)
    return;

  deleted = ov_meeting_copy (meeting);
  if (!ov_store_delete_meeting (store, deleted, &error))
    {
      report_failure (self, error, OV_CONFLICT_DELETE);
      return;
    }

  date = ov_date_to_display (ov_meeting_get_scheduled_on (deleted));
  /* Translators: a toast, "Deleted the Training of 12 Mar 2026" */
  message = g_strdup_printf (_("Deleted the %s of %s"),
                             ov_meeting_kind_get_title (ov_meeting_get_kind (deleted)), date);

  ov_app_show_undo_delete_toast (GTK_WIDGET (self), message, store, G_OBJECT (deleted),
                                 restore_meeting);
}

static GtkWidget *
new_meeting_row (OvAccountMeetings *self,
                 OvMeeting         *meeting,
                 OvDate             today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  OvDate when = ov_meeting_get_scheduled_on (meeting);
  g_autofree char *date = ov_date_to_display (when);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (when > today)
    /* Translators: a meeting's date, still ahead: "12 Mar 2027 · Upcoming" */
    g_string_printf (subtitle, _("%s · Upcoming"), date);
  else if (ov_meeting_get_attended (meeting))
    /* Translators: "12 Mar 2026 · Attended" */
    g_string_printf (subtitle, _("%s · Attended"), date);
  else
    /* Translators: "12 Mar 2026 · Not attended" */
    g_string_printf (subtitle, _("%s · Not attended"), date);
  if (ov_meeting_get_note (meeting)[0] != '\0')
    g_string_append_printf (subtitle, "\n%s", ov_meeting_get_note (meeting));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ov_meeting_kind_get_title (ov_meeting_get_kind (meeting)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ov_meeting_get_attended (meeting));
  gtk_widget_set_sensitive (check, when <= today);
  gtk_widget_set_tooltip_text (check, when <= today ? _("Attended")
                                                    : _("Not held yet: attendance is ticked "
                                                        "on the day or after"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attended"), -1);
  g_object_set_data_full (G_OBJECT (check), "ov-meeting", g_object_ref (meeting),
                          g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (attended_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete Meeting"));
  g_object_set_data_full (G_OBJECT (remove), "ov-meeting", g_object_ref (meeting),
                          g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "ov-attended", check);
  g_object_set_data (G_OBJECT (row), "ov-delete", remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ov-meeting", g_object_ref (meeting), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);

  return row;
}

/* "Engagement 75 %: 3 of 4 meetings held so far attended; 1 upcoming." */
static char *
describe_engagement (GPtrArray *meetings,
                     OvDate     today)
{
  guint attended, scheduled, upcoming;
  double rate = ov_meeting_engagement (meetings, today, &attended, &scheduled, &upcoming);
  g_autofree char *figure = NULL;
  g_autofree char *ahead = NULL;

  if (meetings->len == 0)
    return g_strdup (_("No meetings yet. Engagement is the share of scheduled meetings the "
                       "customer attended."));

  if (isnan (rate))
    figure = g_strdup (_("Engagement: none held yet"));
  else
    /* Translators: engagement and its n, "Engagement 75 %: 3 of 4 meetings attended" */
    figure = g_strdup_printf (ngettext ("Engagement %.0f %%: %u of %u meeting attended",
                                        "Engagement %.0f %%: %u of %u meetings attended",
                                        scheduled),
                              round (rate * 100), attended, scheduled);

  if (upcoming == 0)
    return g_steal_pointer (&figure);

  /* Translators: after the engagement, "; 2 upcoming" */
  ahead = g_strdup_printf (ngettext ("%u upcoming", "%u upcoming", upcoming), upcoming);
  /* Translators: "Engagement 75 %: 3 of 4 meetings attended · 2 upcoming" */
  return g_strdup_printf (_("%s · %s"), figure, ahead);
}

static void
ov_account_meetings_refresh (OvAccountSection *section)
{
  OvAccountMeetings *self = OV_ACCOUNT_MEETINGS (section);
  OvStore *store = ov_view_get_store (OV_VIEW (section));
  OvAccount *account = ov_account_section_get_account (section);
  OvDate today = ov_view_get_today (OV_VIEW (section));
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  meetings = ov_store_list_meetings (store, ov_account_get_id (account), &error);
  if (meetings == NULL)
    {
      g_free (self->engagement);
      self->engagement = g_strdup (error->message);
      ov_app_set_plain_text (self->group, "description", error->message);
      return;
    }

  g_free (self->engagement);
  self->engagement = describe_engagement (meetings, today);
  ov_app_set_plain_text (self->group, "description", self->engagement);

  for (guint i = 0; i < meetings->len; i++)
    {
      GtkWidget *row = new_meeting_row (self, g_ptr_array_index (meetings, i), today);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
ov_account_meetings_finalize (GObject *object)
{
  OvAccountMeetings *self = OV_ACCOUNT_MEETINGS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->engagement, g_free);

  G_OBJECT_CLASS (ov_account_meetings_parent_class)->finalize (object);
}

static void
ov_account_meetings_class_init (OvAccountMeetingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_meetings_finalize;
  section_class->refresh = ov_account_meetings_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-meetings.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountMeetings, group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountMeetings, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
ov_account_meetings_init (OvAccountMeetings *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
ov_account_meetings_get_n_shown (OvAccountMeetings *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_MEETINGS (self), 0);

  return self->rows->len;
}

/* The engagement figure shown at the top, or NULL before any account. */
const char *
ov_account_meetings_get_engagement (OvAccountMeetings *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_MEETINGS (self), NULL);

  return self->engagement;
}

AdwActionRow *
ov_account_meetings_find_row (OvAccountMeetings *self,
                              OvMeetingKind      kind,
                              OvDate             scheduled_on)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_MEETINGS (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      OvMeeting *meeting = g_object_get_data (row, "ov-meeting");

      if (ov_meeting_get_kind (meeting) == kind &&
          ov_meeting_get_scheduled_on (meeting) == scheduled_on)
        return ADW_ACTION_ROW (row);
    }

  return NULL;
}

GtkCheckButton *
ov_account_meetings_get_attended_check (AdwActionRow *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), "ov-attended");
}

GtkWidget *
ov_account_meetings_get_delete_button (AdwActionRow *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), "ov-delete");
}
