/* ov-account-interviews.c — an account's listening interviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per interview, newest first: when, with whom, and how many of
 * its questions have an answer. Activating a row opens it in interview
 * mode to go on or correct it; its bin deletes it, with Undo in the toast
 * (the interview is read whole before, and restored with its answers as
 * they were asked). The Review wizard's interview step shows this section
 * too.
 */

#define G_LOG_DOMAIN "ov-account-interviews"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-interviews.h"
#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-interview-window.h"
#include "ov-store-interviews.h"
#include "ov-store-questions.h"

struct _OvAccountInterviews
{
  OvAccountSection     parent_instance;

  GPtrArray           *rows;       /* rows shown, each with "ov-interview" (loaded whole) */

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkWidget           *start_button;
};

G_DEFINE_FINAL_TYPE (OvAccountInterviews, ov_account_interviews, OV_TYPE_ACCOUNT_SECTION)

static void
open_interview (OvAccountInterviews *self,
                gint64               interview_id)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));

  if (store == NULL || account == NULL)
    return;

  ov_interview_window_open (GTK_WIDGET (self), store, account, interview_id);
}

static void
start_clicked_cb (OvAccountInterviews *self)
{
  open_interview (self, 0);
}

static void
row_activated_cb (AdwActionRow        *row,
                  OvAccountInterviews *self)
{
  OvInterview *interview = g_object_get_data (G_OBJECT (row), "ov-interview");

  open_interview (self, ov_interview_get_id (interview));
}

static gboolean
restore_interview (OvStore  *store,
                   GObject  *row,
                   GError  **error)
{
  return ov_store_restore_interview (store, OV_INTERVIEW (row), error);
}

static void
delete_clicked_cb (GtkButton           *button,
                   OvAccountInterviews *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvInterview *interview = g_object_get_data (G_OBJECT (button), "ov-interview");
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;

  if (store == NULL)
    return;

  g_object_ref (interview);
  if (!ov_store_delete_interview (store, interview, &error))
    {
      g_autofree char *conflict = NULL;

      if (ov_conflict_matches (error))
        conflict = ov_conflict_describe (error, OV_CONFLICT_DELETE, NULL);
      ov_account_section_refresh (OV_ACCOUNT_SECTION (self));
      ov_app_show_toast (GTK_WIDGET (self), conflict != NULL ? conflict : error->message);
      g_object_unref (interview);
      return;
    }

  date = ov_date_to_display (ov_interview_get_held_on (interview));
  /* Translators: a toast, "Deleted the interview of 12 Mar 2026" */
  message = g_strdup_printf (_("Deleted the interview of %s"), date);
  ov_app_show_undo_delete_toast (GTK_WIDGET (self), message, store, G_OBJECT (interview),
                                 restore_interview);
  g_object_unref (interview);
}

/* How many pages interview mode shows for @interview: the set's questions
 * now, and answers to questions no longer in it. */
static guint
count_questions (OvInterview *interview,
                 GHashTable  *current)
{
  GPtrArray *answers = ov_interview_get_answers (interview);
  guint n = g_hash_table_size (current);

  for (guint i = 0; i < answers->len; i++)
    {
      gint64 id = ov_interview_answer_get_question_id (g_ptr_array_index (answers, i));

      if (!g_hash_table_contains (current, &id))
        n++;
    }
  return n;
}

/* "Answered 4 of 6 · by Jordan Lee" */
static char *
describe (OvInterview *interview,
          guint        n_questions)
{
  guint answered = ov_interview_get_answers (interview)->len;
  const char *by = ov_interview_get_interviewer (interview);
  g_autofree char *count = NULL;

  /* Translators: an interview's row on the account page, "Answered 4 of 6" */
  count = g_strdup_printf (ngettext ("Answered %u of %u", "Answered %u of %u", n_questions),
                           answered, n_questions);
  if (by == NULL || by[0] == '\0')
    return g_steal_pointer (&count);

  /* Translators: "Answered 4 of 6 · by Jordan Lee" */
  return g_strdup_printf (_("%s · by %s"), count, by);
}

static GtkWidget *
new_interview_row (OvAccountInterviews *self,
                   OvInterview         *interview,
                   guint                n_questions)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *date = ov_date_to_display (ov_interview_get_held_on (interview));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe (interview, n_questions);
  const char *who = ov_interview_get_interviewee_name (interview);

  if (who != NULL && who[0] != '\0')
    /* Translators: an interview's row, "12 Mar 2026 · Anna Schmidt" */
    title = g_strdup_printf (_("%s · %s"), date, who);
  else
    /* Translators: an interview's row without the interviewee's name yet */
    title = g_strdup_printf (_("%s · no interviewee named"), date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete Interview"));
  g_object_set_data_full (G_OBJECT (remove), "ov-interview", g_object_ref (interview),
                          g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data (G_OBJECT (row), "ov-delete", remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ov-interview", g_object_ref (interview),
                          g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  return row;
}

static void
show_message (OvAccountInterviews *self,
              const char          *text)
{
  GtkWidget *row = ov_app_note_row_new (text);

  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
ov_account_interviews_refresh (OvAccountSection *section)
{
  OvAccountInterviews *self = OV_ACCOUNT_INTERVIEWS (section);
  OvStore *store = ov_view_get_store (OV_VIEW (section));
  OvAccount *account = ov_account_section_get_account (section);
  g_autoptr(GPtrArray) interviews = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  questions = ov_store_list_questions (store, FALSE, &error);
  if (questions != NULL)
    interviews = ov_store_list_interviews (store, ov_account_get_id (account), &error);
  if (interviews == NULL)
    {
      show_message (self, error->message);
      return;
    }

  for (guint i = 0; i < questions->len; i++)
    {
      OvQuestion *question = g_ptr_array_index (questions, i);

      g_hash_table_add (current, g_memdup2 (&(gint64){ ov_question_get_id (question) },
                                            sizeof (gint64)));
    }

  if (interviews->len == 0)
    show_message (self, _("No interviews yet. Ask the customer the listening questions: what "
                          "worked, what to improve, what they still need."));

  for (guint i = 0; i < interviews->len; i++)
    {
      OvInterview *listed = g_ptr_array_index (interviews, i);
      g_autoptr(OvInterview) interview = NULL;
      GtkWidget *row;

      interview = ov_store_load_interview (store, ov_interview_get_id (listed), &error);
      if (interview == NULL)
        {
          show_message (self, error->message);
          g_clear_error (&error);
          continue;
        }

      row = new_interview_row (self, interview, count_questions (interview, current));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
ov_account_interviews_finalize (GObject *object)
{
  OvAccountInterviews *self = OV_ACCOUNT_INTERVIEWS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_account_interviews_parent_class)->finalize (object);
}

static void
ov_account_interviews_class_init (OvAccountInterviewsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_interviews_finalize;
  section_class->refresh = ov_account_interviews_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-interviews.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountInterviews, group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountInterviews, start_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
}

static void
ov_account_interviews_init (OvAccountInterviews *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Rows of interviews shown (notes such as "No interviews yet" aside). */
guint
ov_account_interviews_get_n_shown (OvAccountInterviews *self)
{
  guint n = 0;

  g_return_val_if_fail (OV_IS_ACCOUNT_INTERVIEWS (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (self->rows, i), "ov-interview") != NULL)
      n++;
  return n;
}

/* The row of the @index-th interview shown (newest first), or NULL; its
 * delete button is its data "ov-delete". */
AdwActionRow *
ov_account_interviews_get_row (OvAccountInterviews *self,
                               guint                index)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_INTERVIEWS (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);

      if (g_object_get_data (row, "ov-interview") != NULL && index-- == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

GtkWidget *
ov_account_interviews_get_start_button (OvAccountInterviews *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_INTERVIEWS (self), NULL);

  return self->start_button;
}
