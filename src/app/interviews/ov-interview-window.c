/* ov-interview-window.c — interview mode: one account's listening
 * interview during a live call, one question per page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first page says who and when; then one page per question, with a
 * large text area. The keyboard does it all: Ctrl+Enter goes on,
 * Ctrl+Shift+Enter back (a capture-phase shortcut, so the text area does
 * not take the Enter first).
 *
 * Every keystroke is kept. A new interview is stored the moment the window
 * opens, so the first key already has a row to go to; then each change of
 * an answer's buffer is written at once (ov_store_save_interview_answer(),
 * one small write made for this), with no timer in between that a crash
 * could beat. Killing the process loses at most the key being pressed. An
 * interview closed with nothing in it (no answer, no interviewee) is taken
 * away again, so opening the window by mistake leaves no trace.
 *
 * The pages are the questions of the set now, in its order, with the
 * wording an answer was given to where there is one; answers to questions
 * since retired follow, as they were asked.
 */

#define G_LOG_DOMAIN "ov-interview-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-application.h"
#include "ov-date-row.h"
#include "ov-interview-window.h"
#include "ov-store-interviews.h"
#include "ov-store-questions.h"

typedef struct
{
  gint64       question_id;
  GtkTextView *text_view;
} Page;

struct _OvInterviewWindow
{
  AdwWindow       parent_instance;

  OvStore        *store;
  OvAccount      *account;
  OvInterview    *interview;
  GPtrArray      *people;      /* OvPerson offered as interviewee */
  GArray         *pages;       /* Page */
  guint           step;        /* 0: who and when; then the questions */
  gboolean        loading;
  char           *error;
  gint64          timer_start;
  guint           timer_id;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  GtkButton       *next_button;
  GtkToggleButton *timer_button;
  GtkLabel        *timer_label;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkStack        *pages_stack;
  OvDateRow       *date_row;
  AdwEntryRow     *interviewer_row;
  AdwComboRow     *person_row;
  AdwEntryRow     *interviewee_row;
  GtkLabel        *details_error_label;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (OvInterviewWindow, ov_interview_window, ADW_TYPE_WINDOW)

static guint
n_steps (OvInterviewWindow *self)
{
  return self->pages->len + 1;
}

static char *
dup_answer (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
count_answered (OvInterviewWindow *self)
{
  guint n = 0;

  for (guint i = 0; i < self->pages->len; i++)
    {
      g_autofree char *text = dup_answer (g_array_index (self->pages, Page, i).text_view);

      if (g_strstrip (text)[0] != '\0')
        n++;
    }
  return n;
}

/* "Saved · 2 of 6 answered", or what could not be saved. */
static void
update_status (OvInterviewWindow *self)
{
  g_autofree char *text = NULL;
  guint answered = count_answered (self);

  if (self->error != NULL)
    {
      /* Translators: an answer or detail could not be stored; the reason follows */
      text = g_strdup_printf (_("Not saved: %s"), self->error);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      /* Translators: under the interview, "Saved · 2 of 6 answered" */
      text = g_strdup_printf (ngettext ("Saved · %u of %u answered",
                                        "Saved · %u of %u answered", self->pages->len),
                              answered, self->pages->len);
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  gtk_label_set_label (self->status_label, text);
}

static void
set_error (OvInterviewWindow *self,
           const GError      *error)
{
  g_clear_pointer (&self->error, g_free);
  if (error != NULL)
    self->error = g_strdup (error->message);
  update_status (self);
}

static void
update_chrome (OvInterviewWindow *self)
{
  g_autofree char *progress = NULL;
  gboolean last = self->step + 1 == n_steps (self);

  if (self->step == 0)
    /* Translators: above the first page of an interview, "Before the 6 questions" */
    progress = g_strdup_printf (ngettext ("Before the question", "Before the %u questions",
                                          self->pages->len),
                                self->pages->len);
  else
    /* Translators: where the interview is, "3 of 6" */
    progress = g_strdup_printf (_("%u of %u"), self->step, self->pages->len);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->pages->len == 0
                                   ? 1.0 : (double)self->step / (double)self->pages->len);

  gtk_button_set_label (self->next_button, last ? _("_Done") : _("_Next"));
  gtk_widget_set_visible (self->back_button, self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "interview.back", self->step > 0);

  if (self->step == 0)
    gtk_stack_set_visible_child_name (self->pages_stack, "details");
  else
    {
      GtkTextView *view = g_array_index (self->pages, Page, self->step - 1).text_view;
      GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_BOX);

      while (gtk_widget_get_parent (page) != GTK_WIDGET (self->pages_stack))
        page = gtk_widget_get_parent (page);
      gtk_stack_set_visible_child (self->pages_stack, page);
      gtk_widget_grab_focus (GTK_WIDGET (view));
    }
}

static void
answer_changed_cb (GtkTextBuffer     *buffer,
                   OvInterviewWindow *self)
{
  gint64 question_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (buffer), "ov-question-id"));
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ov_store_save_interview_answer (self->store, ov_interview_get_id (self->interview),
                                  question_id, text, &error);
  set_error (self, error);
}

static void
add_page (OvInterviewWindow *self,
          gint64             question_id,
          const char        *question,
          const char        *answer)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *label = gtk_label_new (question);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  Page page = { question_id, GTK_TEXT_VIEW (view) };

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "interview-answer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  question, -1);
  gtk_text_buffer_set_text (buffer, answer != NULL ? answer : "", -1);
  /* An imported answer to a question the set never had has nowhere to be
   * saved to: it is shown as it came. */
  if (question_id == 0)
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
      gtk_widget_set_tooltip_text (view, _("Imported with a question that is not in the set: "
                                           "shown as it was recorded"));
    }
  g_object_set_data (G_OBJECT (buffer), "ov-question-id", GSIZE_TO_POINTER (question_id));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (answer_changed_cb), self, 0);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_stack_add_child (self->pages_stack, clamp);
  g_array_append_val (self->pages, page);
}

/* The set's questions now, each with the wording it was answered to;
 * then the answers to questions no longer asked. */
static gboolean
build_pages (OvInterviewWindow *self,
             GError           **error)
{
  g_autoptr(GPtrArray) questions = ov_store_list_questions (self->store, FALSE, error);
  GPtrArray *answers = ov_interview_get_answers (self->interview);
  g_autoptr(GHashTable) asked = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (questions == NULL)
    return FALSE;

  for (guint i = 0; i < questions->len; i++)
    {
      OvQuestion *question = g_ptr_array_index (questions, i);
      gint64 id = ov_question_get_id (question);
      OvInterviewAnswer *answer = ov_interview_find_answer (self->interview, id);

      if (answer != NULL)
        {
          add_page (self, id, ov_interview_answer_get_question_text (answer),
                    ov_interview_answer_get_answer (answer));
          g_hash_table_add (asked, answer);
        }
      else
        add_page (self, id, ov_question_get_text (question), NULL);
    }

  for (guint i = 0; i < answers->len; i++)
    {
      OvInterviewAnswer *answer = g_ptr_array_index (answers, i);

      if (!g_hash_table_contains (asked, answer))
        add_page (self, ov_interview_answer_get_question_id (answer),
                  ov_interview_answer_get_question_text (answer),
                  ov_interview_answer_get_answer (answer));
    }

  return TRUE;
}

static void
fill_people (OvInterviewWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id = ov_interview_get_person_id (self->interview);
  guint selected;

  people = ov_store_list_people (self->store, ov_account_get_id (self->account), &error);
  if (people == NULL)
    g_warning ("Could not list the account's people: %s", error->message);

  /* The customer's people are whom an interview listens to. */
  for (guint pass = 0; people != NULL && pass < 2; pass++)
    for (guint i = 0; i < people->len; i++)
      {
        OvPerson *person = g_ptr_array_index (people, i);
        gboolean customer = ov_person_get_side (person) == OV_SIDE_CUSTOMER;

        if (customer == (pass == 0))
          g_ptr_array_add (self->people, g_object_ref (person));
      }

  for (guint i = 0; i < self->people->len; i++)
    gtk_string_list_append (names, ov_person_get_name (g_ptr_array_index (self->people, i)));
  gtk_string_list_append (names, _("Someone else"));

  selected = self->people->len;
  for (guint i = 0; i < self->people->len; i++)
    if (ov_person_get_id (g_ptr_array_index (self->people, i)) == person_id)
      selected = i;

  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->person_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->interviewee_row), selected == self->people->len);
}

/* Writes who and when as the page shows them; a refusal is said under
 * them, and the stored interview stays as it was. */
static void
store_details (OvInterviewWindow *self)
{
  g_autoptr(OvInterview) draft = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->person_row);
  OvPerson *person = NULL;

  if (self->loading || self->interview == NULL)
    return;

  if (selected < self->people->len)
    person = g_ptr_array_index (self->people, selected);

  draft = ov_interview_copy (self->interview);
  ov_interview_set_held_on (draft, ov_date_row_get_date (self->date_row));
  ov_interview_set_interviewer (draft, gtk_editable_get_text (GTK_EDITABLE (self->interviewer_row)));
  ov_interview_set_person_id (draft, person != NULL ? ov_person_get_id (person) : 0);
  ov_interview_set_interviewee_name (draft, person != NULL
                                              ? ov_person_get_name (person)
                                              : gtk_editable_get_text (GTK_EDITABLE (self->interviewee_row)));

  if (!ov_store_update_interview (self->store, draft, &error))
    {
      gtk_label_set_label (self->details_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), TRUE);
      set_error (self, error);
      return;
    }

  g_set_object (&self->interview, draft);
  gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), FALSE);
  set_error (self, NULL);
}

static void
details_changed_cb (OvInterviewWindow *self)
{
  store_details (self);
}

static void
person_selected_cb (OvInterviewWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->person_row);

  gtk_widget_set_visible (GTK_WIDGET (self->interviewee_row), selected >= self->people->len);
  store_details (self);
}

static gboolean
timer_tick_cb (gpointer data)
{
  OvInterviewWindow *self = data;
  gint64 seconds = (g_get_monotonic_time () - self->timer_start) / G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  if (seconds >= 3600)
    text = g_strdup_printf ("%d:%02d:%02d", (int)(seconds / 3600), (int)(seconds / 60 % 60),
                            (int)(seconds % 60));
  else
    text = g_strdup_printf ("%d:%02d", (int)(seconds / 60), (int)(seconds % 60));
  gtk_label_set_label (self->timer_label, text);
  return G_SOURCE_CONTINUE;
}

static void
timer_toggled_cb (OvInterviewWindow *self)
{
  gboolean on = gtk_toggle_button_get_active (self->timer_button);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), on);
  if (!on)
    return;

  self->timer_start = g_get_monotonic_time ();
  timer_tick_cb (self);
  self->timer_id = g_timeout_add_seconds (1, timer_tick_cb, self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OvInterviewWindow *self = OV_INTERVIEW_WINDOW (widget);

  if (self->step + 1 < n_steps (self))
    {
      self->step++;
      update_chrome (self);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OvInterviewWindow *self = OV_INTERVIEW_WINDOW (widget);

  if (self->step == 0)
    return;

  self->step--;
  update_chrome (self);
}

/* Nothing said and nobody named: no interview worth keeping. */
static gboolean
is_blank (OvInterviewWindow *self)
{
  const char *name = ov_interview_get_interviewee_name (self->interview);

  return count_answered (self) == 0 && ov_interview_get_person_id (self->interview) == 0 &&
         (name == NULL || name[0] == '\0');
}

static gboolean
ov_interview_window_close_request (GtkWindow *window)
{
  OvInterviewWindow *self = OV_INTERVIEW_WINDOW (window);
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (ov_interview_window_parent_class);

  if (self->interview != NULL && self->store != NULL && is_blank (self))
    {
      g_autoptr(GError) error = NULL;

      if (!ov_store_delete_interview (self->store, self->interview, &error))
        g_debug ("An empty interview stays: %s", error->message);
    }

  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static void
ov_interview_window_dispose (GObject *object)
{
  OvInterviewWindow *self = OV_INTERVIEW_WINDOW (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->interview);
  g_clear_object (&self->account);
  g_clear_object (&self->store);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_interview_window_parent_class)->dispose (object);
}

static void
ov_interview_window_finalize (GObject *object)
{
  OvInterviewWindow *self = OV_INTERVIEW_WINDOW (object);

  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (ov_interview_window_parent_class)->finalize (object);
}

static void
ov_interview_window_class_init (OvInterviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ov_interview_window_dispose;
  object_class->finalize = ov_interview_window_finalize;
  window_class->close_request = ov_interview_window_close_request;

  g_type_ensure (OV_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-interview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, pages_stack);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, interviewer_row);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, person_row);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, interviewee_row);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, OvInterviewWindow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, details_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, timer_toggled_cb);

  gtk_widget_class_install_action (widget_class, "interview.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "interview.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_interview_window_init (OvInterviewWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  static const struct
  {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } keys[] = {
    { GDK_KEY_Return, GDK_CONTROL_MASK, "interview.next" },
    { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "interview.next" },
    { GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "interview.back" },
    { GDK_KEY_KP_Enter, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "interview.back" },
  };

  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Before the text area sees the key, which would take Enter. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (shortcuts, "ov-interview-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                    keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* The name Preferences keep as the user's, or "". */
static char *
dup_user_name (void)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = OV_IS_APPLICATION (app) ? ov_application_get_settings (OV_APPLICATION (app))
                                                : NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return g_strdup ("");
  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, "user-name"))
    return g_strdup ("");
  return g_settings_get_string (settings, "user-name");
}

/* A new interview of @account, stored at once: held today, by the user. */
static OvInterview *
start_interview (OvStore   *store,
                 OvAccount *account,
                 GError   **error)
{
  g_autoptr(OvInterview) interview = ov_interview_new (ov_account_get_id (account),
                                                       ov_date_today ());
  g_autofree char *user = dup_user_name ();

  ov_interview_set_interviewer (interview, user);
  if (!ov_store_add_interview (store, interview, error))
    return NULL;

  return ov_store_load_interview (store, ov_interview_get_id (interview), error);
}

/* Opens interview mode on top of @from's window: @interview_id's
 * interview of @account, or a new one with 0. A failure to read or start
 * it is said in a toast; then it returns NULL. */
OvInterviewWindow *
ov_interview_window_open (GtkWidget *from,
                          OvStore   *store,
                          OvAccount *account,
                          gint64     interview_id)
{
  g_autoptr(OvInterview) interview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  OvInterviewWindow *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), NULL);

  if (interview_id == 0)
    interview = start_interview (store, account, &error);
  else
    interview = ov_store_load_interview (store, interview_id, &error);
  if (interview == NULL)
    {
      ov_app_show_toast (from, error->message);
      return NULL;
    }

  root = gtk_widget_get_root (from);
  self = g_object_new (OV_TYPE_INTERVIEW_WINDOW,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);
  self->interview = g_steal_pointer (&interview);

  self->loading = TRUE;
  if (!build_pages (self, &error))
    set_error (self, error);
  ov_date_row_set_date (self->date_row, ov_interview_get_held_on (self->interview));
  gtk_editable_set_text (GTK_EDITABLE (self->interviewer_row),
                         ov_interview_get_interviewer (self->interview));
  gtk_editable_set_text (GTK_EDITABLE (self->interviewee_row),
                         ov_interview_get_person_id (self->interview) == 0
                           ? ov_interview_get_interviewee_name (self->interview) : "");
  fill_people (self);
  self->loading = FALSE;

  adw_window_title_set_title (self->window_title, _("Interview"));
  adw_window_title_set_subtitle (self->window_title, ov_account_get_name (account));
  /* Translators: a window title, "Interview — Acme Corp" */
  title = g_strdup_printf (_("Interview — %s"), ov_account_get_name (account));
  gtk_window_set_title (GTK_WINDOW (self), title);

  update_chrome (self);
  update_status (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* The interview shown (its details as last stored). */
OvInterview *
ov_interview_window_get_interview (OvInterviewWindow *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_WINDOW (self), NULL);

  return self->interview;
}

/* 0 on who and when, then 1 … the number of questions. */
guint
ov_interview_window_get_step (OvInterviewWindow *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_WINDOW (self), 0);

  return self->step;
}

guint
ov_interview_window_get_n_questions (OvInterviewWindow *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_WINDOW (self), 0);

  return self->pages->len;
}

/* The text area of question @index (from 0). */
GtkTextView *
ov_interview_window_get_answer_view (OvInterviewWindow *self,
                                     guint              index)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);

  return g_array_index (self->pages, Page, index).text_view;
}

const char *
ov_interview_window_get_progress (OvInterviewWindow *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_WINDOW (self), NULL);

  return gtk_label_get_label (self->progress_label);
}

const char *
ov_interview_window_get_status (OvInterviewWindow *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_WINDOW (self), NULL);

  return gtk_label_get_label (self->status_label);
}
