/* test-interviews.c — the listening interview in the app: the question
 * set in Preferences, interview mode driven by the keyboard, every
 * keystroke surviving a SIGKILL, the account page's interviews with Undo,
 * the Review wizard's interview step, and the Answers view's filters,
 * word chips and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three accounts, each with one interview answering the first question:
 *
 *   account            segment     owner      package  stage   held on     answer
 *   Northwind Traders  Enterprise  Dana Ruiz  Premium  Review  2026-03-10  training, clear
 *   Contoso            SMB         Lee Park   –        Expand  2026-02-01  training, clear
 *   Fabrikam           Enterprise  Lee Park   –        Review  2026-04-05  migration
 *
 * so each filter's answers are known by hand.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "journey-test-support.h"
#include "ov-account-interviews.h"
#include "ov-account-page.h"
#include "ov-date-row.h"
#include "ov-field-editor.h"
#include "ov-accounts-view.h"
#include "ov-answers-view.h"
#include "ov-interview-step.h"
#include "ov-interview-window.h"
#include "ov-preferences-window.h"
#include "ov-questions-preferences.h"
#include "ov-stage-wizard.h"
#include "ov-store-interviews.h"
#include "ov-store-questions.h"
#include "ov-ui-test.h"

static const char *const northwind_answer =
  "The training sessions were clear and the admin training helped a lot.";
static const char *const contoso_answer = "Training came late; the kickoff agenda was clear.";
static const char *const fabrikam_answer = "Faster data migration, please.";

typedef struct
{
  char      *db;
  OvStore   *store;       /* the test's own connection */
  OvWindow  *window;
  gint64     ids[3];      /* Northwind, Contoso, Fabrikam */
  gint64     first_question;
} Fixture;

static OvAccount *
add_account (OvStore    *store,
             const char *name,
             const char *segment,
             const char *owner,
             const char *package,
             OvStage     stage)
{
  OvAccount *account = jt_add_account (store, name, segment, stage, jt_date ("2026-01-05"));
  g_autoptr(GError) error = NULL;

  ov_account_set_owner (account, owner);
  if (package != NULL)
    ov_account_set_package (account, package);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
  return account;
}

static gint64
add_interview (OvStore    *store,
               gint64      account_id,
               const char *held_on,
               const char *interviewee,
               gint64      question_id,
               const char *answer)
{
  g_autoptr(OvInterview) interview = ov_interview_new (account_id, jt_date (held_on));
  g_autoptr(GError) error = NULL;

  ov_interview_set_interviewer (interview, "Sam Okafor");
  ov_interview_set_interviewee_name (interview, interviewee);
  g_assert_true (ov_store_add_interview (store, interview, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_save_interview_answer (store, ov_interview_get_id (interview),
                                                 question_id, answer, &error));
  g_assert_no_error (error);
  return ov_interview_get_id (interview);
}

static GPtrArray *
current_questions (OvStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *questions = ov_store_list_questions (store, FALSE, &error);

  g_assert_no_error (error);
  return questions;
}

static void
fixture_open (Fixture    *fixture,
              const char *name)
{
  g_autoptr(OvAccount) northwind = NULL;
  g_autoptr(OvAccount) contoso = NULL;
  g_autoptr(OvAccount) fabrikam = NULL;
  g_autoptr(OvPerson) anna = NULL;
  g_autoptr(GPtrArray) questions = NULL;

  fixture->db = ov_ui_test_db_path (name);
  fixture->store = ov_ui_test_open_store (fixture->db);
  northwind = add_account (fixture->store, "Northwind Traders", "Enterprise", "Dana Ruiz",
                           "Premium", OV_STAGE_REVIEW);
  contoso = add_account (fixture->store, "Contoso", "SMB", "Lee Park", NULL, OV_STAGE_EXPAND);
  fabrikam = add_account (fixture->store, "Fabrikam", "Enterprise", "Lee Park", NULL,
                          OV_STAGE_REVIEW);
  fixture->ids[0] = ov_account_get_id (northwind);
  fixture->ids[1] = ov_account_get_id (contoso);
  fixture->ids[2] = ov_account_get_id (fabrikam);
  anna = jt_add_person (fixture->store, fixture->ids[0], OV_SIDE_CUSTOMER, "Anna Schmidt",
                        "anna@northwind.example", "champion", NULL);

  questions = current_questions (fixture->store);
  g_assert_cmpuint (questions->len, ==, 6);
  fixture->first_question = ov_question_get_id (g_ptr_array_index (questions, 0));

  add_interview (fixture->store, fixture->ids[0], "2026-03-10", "Anna Schmidt",
                 fixture->first_question, northwind_answer);
  add_interview (fixture->store, fixture->ids[1], "2026-02-01", "Kenji Watanabe",
                 fixture->first_question, contoso_answer);
  add_interview (fixture->store, fixture->ids[2], "2026-04-05", "Zoë Lefèvre",
                 fixture->first_question, fabrikam_answer);

  fixture->window = ov_ui_test_open_window (fixture->db);
  ov_ui_test_wait_state (fixture->window, "portfolio");
}

static void
fixture_close (Fixture *fixture)
{
  ov_ui_test_close_window (fixture->window);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->db, g_free);
}

static OvAccount *
window_account (Fixture *fixture,
                guint    index)
{
  GPtrArray *all = ov_account_list_get_all (ov_window_get_accounts (fixture->window));

  for (guint i = 0; i < all->len; i++)
    if (ov_account_get_id (g_ptr_array_index (all, i)) == fixture->ids[index])
      return g_ptr_array_index (all, i);
  g_assert_not_reached ();
  return NULL;
}

/* The answer @interview_id gave to @question_id, as stored now. */
static char *
stored_answer (OvStore *store,
               gint64   interview_id,
               gint64   question_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OvInterview) interview = ov_store_load_interview (store, interview_id, &error);
  OvInterviewAnswer *answer;

  g_assert_no_error (error);
  answer = ov_interview_find_answer (interview, question_id);
  return g_strdup (answer != NULL ? ov_interview_answer_get_answer (answer) : NULL);
}

static gint64
newest_interview (OvStore *store,
                  gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interviews = ov_store_list_interviews (store, account_id, &error);
  gint64 newest = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < interviews->len; i++)
    newest = MAX (newest, ov_interview_get_id (g_ptr_array_index (interviews, i)));
  return newest;
}

/* Presses @keyval with @modifiers as the interview window's own shortcut
 * controller sees it (GTK has no way to synthesise a key event). */
static void
press (OvInterviewWindow *window,
       guint              keyval,
       GdkModifierType    modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)),
                     "ov-interview-keys") != 0)
        continue;

      /* It runs before the text area can take the Enter. */
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)),
                       ==, GTK_PHASE_CAPTURE);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (window), NULL));
              ov_ui_test_settle ();
              return;
            }
        }
    }

  g_error ("no shortcut for key %u with modifiers %u", keyval, modifiers);
}

/* Types @text into @view one character at a time, as keys would. */
static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_insert_at_cursor (buffer, p, g_utf8_next_char (p) - p);
      g_main_context_iteration (NULL, FALSE);
    }
}

static gboolean
no_interview_window (gpointer data)
{
  return ov_ui_test_find_window (OV_TYPE_INTERVIEW_WINDOW) == NULL;
}

static OvAccountInterviews *
account_section (Fixture *fixture,
                 guint    index)
{
  GtkWidget *accounts_view = ov_ui_test_child (fixture->window, OV_TYPE_WINDOW, "accounts_view");
  GtkWidget *page =
    GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));

  ov_window_show_account (fixture->window, window_account (fixture, index));
  ov_ui_test_settle ();
  return OV_ACCOUNT_INTERVIEWS (ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE,
                                                  "interviews_section"));
}

static OvAnswersView *
answers_view (Fixture *fixture)
{
  return OV_ANSWERS_VIEW (ov_window_get_view (OV_WINDOW (fixture->window), "answers"));
}

static gboolean
answers_loaded (gpointer data)
{
  return !ov_answers_view_is_loading (OV_ANSWERS_VIEW (data));
}

static void
wait_answers (OvAnswersView *view)
{
  g_assert_true (ov_ui_test_wait (answers_loaded, view, 10000));
}

/* The accounts of the answers shown, in order, joined by ", ". */
static char *
shown_accounts (OvAnswersView *view)
{
  GListModel *shown = ov_answers_view_get_shown (view);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(OvInterviewAnswer) answer = g_list_model_get_item (shown, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                              ov_interview_answer_get_account_name (answer));
    }
  return g_strdup (names->str);
}

static void
select_text (AdwComboRow *row,
             const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("no “%s” to pick", text);
}

static GtkToggleButton *
find_chip (OvAnswersView *view,
           const char    *term,
           guint         *index)
{
  g_autoptr(GPtrArray) chips = ov_answers_view_dup_chips (view);

  for (guint i = 0; i < chips->len; i++)
    if (g_strcmp0 (g_object_get_data (chips->pdata[i], "ov-term"), term) == 0)
      {
        if (index != NULL)
          *index = i;
        return chips->pdata[i];
      }
  return NULL;
}

static void
show_answers_view (Fixture *fixture)
{
  OvAnswersView *view = answers_view (fixture);

  /* Alt+5 */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "answers");
  ov_ui_test_settle ();
  g_assert_true (ov_answers_view_show_question (view, fixture->first_question));
  wait_answers (view);
}

/* The set in Preferences: add, reword, move, retire and restore, each
 * stored at once; an empty question is refused and nothing changes; an
 * answer keeps the words it was asked with. */
static void
test_questions_preferences (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(OvInterview) northwind = NULL;
  GtkWidget *preferences;
  OvQuestionsPreferences *page;
  AdwMessageDialog *dialog;
  GtkWidget *row, *entry;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  fixture_open (&fixture, "questions.db");
  before = current_questions (fixture.store);
  first_text = g_strdup (ov_question_get_text (before->pdata[0]));
  second_text = g_strdup (ov_question_get_text (before->pdata[1]));

  preferences = ov_preferences_window_new (GTK_WINDOW (fixture.window), NULL);
  ov_preferences_window_set_store (OV_PREFERENCES_WINDOW (preferences),
                                   ov_window_get_store (fixture.window));
  gtk_window_present (GTK_WINDOW (preferences));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "questions");
  gtk_test_widget_wait_for_draw (preferences);
  page = OV_QUESTIONS_PREFERENCES (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)));
  g_assert_true (OV_IS_QUESTIONS_PREFERENCES (page));
  ov_ui_test_shoot (preferences, "interviews-questions");

  /* The page says that past answers keep their words. */
  g_assert_nonnull (ov_ui_test_find_label (preferences, "The questions an interview asks"));

  row = ov_questions_preferences_get_row (page, FALSE, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, first_text);
  g_assert_false (gtk_widget_get_sensitive (g_object_get_data (G_OBJECT (row), "ov-up")));
  g_assert_null (ov_questions_preferences_get_row (page, FALSE, 6));

  /* Reword the first, in its dialog, which says what happens to past
   * answers: the Northwind answer keeps the text it was asked. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "ov-reword"), "clicked");
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Answers already given keep the words they were asked in; interviews from "
                   "now on ask the new wording.");
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, first_text);
  gtk_editable_set_text (GTK_EDITABLE (entry), "What went well for your team?");
  adw_message_dialog_response (dialog, "reword");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ov_ui_test_settle ();
  g_assert_null (ov_questions_preferences_get_error (page));
  northwind = ov_store_load_interview (fixture.store, newest_interview (fixture.store, fixture.ids[0]),
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_interview_answer_get_question_text (ov_interview_find_answer (northwind, fixture.first_question)),
                   ==, first_text);
  g_assert_cmpstr (ov_interview_answer_get_answer (ov_interview_find_answer (northwind, fixture.first_question)),
                   ==, northwind_answer);

  /* Down: the second question comes first. */
  row = ov_questions_preferences_get_row (page, FALSE, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "What went well for your team?");
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "ov-down"), "clicked");
  ov_ui_test_settle ();
  after = current_questions (fixture.store);
  g_assert_cmpstr (ov_question_get_text (after->pdata[0]), ==, second_text);
  g_assert_cmpstr (ov_question_get_text (after->pdata[1]), ==, "What went well for your team?");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ov_questions_preferences_get_row (page, FALSE, 1))),
                   ==, "What went well for your team?");
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Add one; it comes last. */
  gtk_editable_set_text (GTK_EDITABLE (ov_questions_preferences_get_add_row (page)),
                         "Who else should we talk to?");
  g_signal_emit_by_name (ov_questions_preferences_get_add_row (page), "apply");
  ov_ui_test_settle ();
  after = current_questions (fixture.store);
  g_assert_cmpuint (after->len, ==, 7);
  g_assert_cmpstr (ov_question_get_text (after->pdata[6]), ==, "Who else should we talk to?");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_questions_preferences_get_add_row (page))),
                   ==, "");
  g_clear_pointer (&after, g_ptr_array_unref);

  /* An empty question is refused, said, and nothing is added. */
  gtk_editable_set_text (GTK_EDITABLE (ov_questions_preferences_get_add_row (page)), "   ");
  g_signal_emit_by_name (ov_questions_preferences_get_add_row (page), "apply");
  ov_ui_test_settle ();
  g_assert_nonnull (ov_questions_preferences_get_error (page));
  after = current_questions (fixture.store);
  g_assert_cmpuint (after->len, ==, 7);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Retire the reworded one: it leaves the set; its answer stays. */
  row = ov_questions_preferences_get_row (page, FALSE, 1);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "ov-retire"), "clicked");
  ov_ui_test_settle ();
  g_assert_null (ov_questions_preferences_get_error (page));
  after = current_questions (fixture.store);
  g_assert_cmpuint (after->len, ==, 6);
  g_clear_pointer (&after, g_ptr_array_unref);
  row = ov_questions_preferences_get_row (page, TRUE, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "What went well for your team?");
  g_clear_object (&northwind);
  northwind = ov_store_load_interview (fixture.store, newest_interview (fixture.store, fixture.ids[0]),
                                       &error);
  g_assert_cmpstr (ov_interview_answer_get_answer (ov_interview_find_answer (northwind, fixture.first_question)),
                   ==, northwind_answer);
  ov_ui_test_shoot (preferences, "interviews-questions-retired");

  /* Restore: asked again. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "ov-retire"), "clicked");
  ov_ui_test_settle ();
  after = current_questions (fixture.store);
  g_assert_cmpuint (after->len, ==, 7);
  g_assert_null (ov_questions_preferences_get_row (page, TRUE, 0));

  gtk_window_destroy (GTK_WINDOW (preferences));
  fixture_close (&fixture);
}

/* A whole interview with the keyboard: Ctrl+Enter through the pages,
 * Ctrl+Shift+Enter back, each answer stored as it is typed; closed, the
 * account lists it, and the Answers view finds its answer. */
static void
test_interview_keyboard (void)
{
  Fixture fixture = { 0 };
  OvAccountInterviews *section;
  OvInterviewWindow *interview;
  OvAnswersView *view;
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *accounts = NULL;
  gint64 id;
  guint n;

  fixture_open (&fixture, "keyboard.db");
  questions = current_questions (fixture.store);
  n = questions->len;

  section = account_section (&fixture, 1);
  g_assert_cmpuint (ov_account_interviews_get_n_shown (section), ==, 1);
  g_signal_emit_by_name (ov_account_interviews_get_start_button (section), "clicked");
  ov_ui_test_settle ();
  interview = ov_ui_test_find_window (OV_TYPE_INTERVIEW_WINDOW);
  g_assert_nonnull (interview);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (interview));
  id = ov_interview_get_id (ov_interview_window_get_interview (interview));
  g_assert_cmpint (id, >, 0);

  g_assert_cmpuint (ov_interview_window_get_n_questions (interview), ==, n);
  g_assert_cmpuint (ov_interview_window_get_step (interview), ==, 0);
  g_assert_cmpstr (ov_interview_window_get_progress (interview), ==, "Before the 6 questions");
  ov_ui_test_shoot (GTK_WIDGET (interview), "interview-mode-details");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *progress = g_strdup_printf ("%u of %u", i + 1, n);
      g_autofree char *text = g_strdup_printf ("Answer number %u, typed live.", i + 1);

      press (interview, GDK_KEY_Return, GDK_CONTROL_MASK);
      g_assert_cmpuint (ov_interview_window_get_step (interview), ==, i + 1);
      g_assert_cmpstr (ov_interview_window_get_progress (interview), ==, progress);
      type_text (ov_interview_window_get_answer_view (interview, i), text);

      /* Stored already, with nothing but typing. */
      g_free (stored);
      stored = stored_answer (fixture.store, id, ov_question_get_id (questions->pdata[i]));
      g_assert_cmpstr (stored, ==, text);
      if (i == 2)
        ov_ui_test_shoot (GTK_WIDGET (interview), "interview-mode");
    }
  g_assert_cmpstr (ov_interview_window_get_status (interview), ==, "Saved · 6 of 6 answered");

  /* Back twice, forth again. */
  press (interview, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  press (interview, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (ov_interview_window_get_step (interview), ==, n - 2);
  g_assert_cmpstr (ov_interview_window_get_progress (interview), ==, "4 of 6");
  press (interview, GDK_KEY_KP_Enter, GDK_CONTROL_MASK);
  press (interview, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_cmpuint (ov_interview_window_get_step (interview), ==, n);

  /* Ctrl+Enter on the last question closes: everything was kept. */
  press (interview, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (ov_ui_test_wait (no_interview_window, NULL, 5000));

  g_assert_cmpuint (ov_account_interviews_get_n_shown (section), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ov_account_interviews_get_row (section, 0)), ==,
                   "Answered 6 of 6");

  view = answers_view (&fixture);
  show_answers_view (&fixture);
  accounts = shown_accounts (view);
  /* Newest first: today's interview, then by date. */
  g_assert_cmpstr (accounts, ==, "Contoso, Fabrikam, Northwind Traders, Contoso");
  {
    g_autoptr(OvInterviewAnswer) first = g_list_model_get_item (ov_answers_view_get_shown (view), 0);

    g_assert_cmpstr (ov_interview_answer_get_answer (first), ==, "Answer number 1, typed live.");
  }

  fixture_close (&fixture);
}

/* In the child of test_sigkill: types into interview mode and dies by
 * SIGKILL, with no chance to save anything on the way out. */
static void
type_and_die (void)
{
  const char *db = g_getenv ("OV_TEST_KILL_DB");
  const char *account_id = g_getenv ("OV_TEST_KILL_ACCOUNT");
  OvWindow *window;
  OvAccount *account = NULL;
  OvInterviewWindow *interview;
  GPtrArray *all;

  g_assert_nonnull (db);
  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  all = ov_account_list_get_all (ov_window_get_accounts (window));
  for (guint i = 0; i < all->len; i++)
    if (ov_account_get_id (all->pdata[i]) == g_ascii_strtoll (account_id, NULL, 10))
      account = all->pdata[i];
  g_assert_nonnull (account);

  interview = ov_interview_window_open (GTK_WIDGET (window), ov_window_get_store (window),
                                        account, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (interview));
  press (interview, GDK_KEY_Return, GDK_CONTROL_MASK);
  type_text (ov_interview_window_get_answer_view (interview, 0),
             "Killed mid-sentence, and still here: ünïcödé ✓");

  kill (getpid (), SIGKILL);
  g_assert_not_reached ();
}

/* Every keystroke is kept: the process is killed right after the last
 * key, and the database opened again holds the whole text. */
static void
test_sigkill (void)
{
  Fixture fixture = { 0 };
  g_autofree char *account = NULL;
  g_autofree char *stored = NULL;
  gint64 id;

  if (g_test_subprocess ())
    {
      type_and_die ();
      return;
    }

  fixture_open (&fixture, "sigkill.db");
  account = g_strdup_printf ("%" G_GINT64_FORMAT, fixture.ids[2]);
  g_setenv ("OV_TEST_KILL_DB", fixture.db, TRUE);
  g_setenv ("OV_TEST_KILL_ACCOUNT", account, TRUE);
  ov_ui_test_close_window (fixture.window);
  g_clear_object (&fixture.store);

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  fixture.store = ov_ui_test_open_store (fixture.db);
  id = newest_interview (fixture.store, fixture.ids[2]);
  stored = stored_answer (fixture.store, id, fixture.first_question);
  g_assert_cmpstr (stored, ==, "Killed mid-sentence, and still here: ünïcödé ✓");

  g_clear_object (&fixture.store);
  g_clear_pointer (&fixture.db, g_free);
}

/* The account page lists its interviews; deleting says so with Undo,
 * which brings the interview back with its answer. */
static void
test_account_section (void)
{
  Fixture fixture = { 0 };
  OvAccountInterviews *section;
  AdwActionRow *row;
  GtkWidget *toast, *undo;
  g_autofree char *stored = NULL;

  fixture_open (&fixture, "section.db");
  section = account_section (&fixture, 0);
  g_assert_cmpuint (ov_account_interviews_get_n_shown (section), ==, 1);
  row = ov_account_interviews_get_row (section, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "10 Mar 2026 · Anna Schmidt");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Answered 1 of 6 · by Sam Okafor");
  ov_ui_test_scroll_to (GTK_WIDGET (section), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "interviews-account-section");

  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "ov-delete"), "clicked");
  toast = ov_ui_test_wait_toast (fixture.window, "Deleted the interview of 10 Mar 2026");
  g_assert_nonnull (toast);
  g_assert_cmpint (newest_interview (fixture.store, fixture.ids[0]), ==, 0);
  g_assert_cmpuint (ov_account_interviews_get_n_shown (section), ==, 0);

  undo = ov_ui_test_find_button (ov_ui_test_child (fixture.window, OV_TYPE_WINDOW,
                                                   "toast_overlay"), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ov_ui_test_settle ();

  stored = stored_answer (fixture.store, newest_interview (fixture.store, fixture.ids[0]),
                          fixture.first_question);
  g_assert_cmpstr (stored, ==, northwind_answer);
  g_assert_cmpuint (ov_account_interviews_get_n_shown (section), ==, 1);

  fixture_close (&fixture);
}

static gboolean
wizard_step_is (gpointer data)
{
  return ov_stage_wizard_get_step (OV_STAGE_WIZARD (data)) == 1;
}

/* The Review wizard's second step is the interview: it lists the one held
 * and starts another for the same account; the wizard goes on without
 * one, as the interview keeps itself. */
static void
test_review_wizard_step (void)
{
  Fixture fixture = { 0 };
  OvStageWizard *wizard;
  GtkWidget *step;
  OvAccountInterviews *section;
  OvInterviewWindow *interview;
  g_autofree char *stored = NULL;
  gint64 id;

  fixture_open (&fixture, "wizard.db");
  wizard = ov_stage_wizard_open (GTK_WIDGET (fixture.window), ov_window_get_store (fixture.window),
                                 ov_window_get_accounts (fixture.window),
                                 window_account (&fixture, 2), OV_STAGE_REVIEW);
  g_assert_nonnull (wizard);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));
  g_assert_cmpuint (ov_stage_wizard_get_n_steps (wizard), ==, 4);

  gtk_editable_set_text (GTK_EDITABLE (ov_field_editor_get_input (ov_stage_wizard_get_editor (wizard, "review_date"))),
                         "2026-04-05");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_true (ov_ui_test_wait (wizard_step_is, wizard, 5000));
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (wizard), "Listening interview"));

  step = ov_field_editor_get_input (ov_stage_wizard_get_editor (wizard, "interviews"));
  g_assert_true (OV_IS_INTERVIEW_STEP (step));
  g_assert_true (gtk_widget_get_mapped (step));
  section = OV_ACCOUNT_INTERVIEWS (ov_interview_step_get_section (OV_INTERVIEW_STEP (step)));
  g_assert_cmpuint (ov_account_interviews_get_n_shown (section), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ov_account_interviews_get_row (section, 0))),
                   ==, "5 Apr 2026 · Zoë Lefèvre");
  ov_ui_test_shoot (GTK_WIDGET (wizard), "interviews-review-step");

  /* Start one from the step: interview mode for Fabrikam. */
  g_signal_emit_by_name (ov_account_interviews_get_start_button (section), "clicked");
  ov_ui_test_settle ();
  interview = ov_ui_test_find_window (OV_TYPE_INTERVIEW_WINDOW);
  g_assert_nonnull (interview);
  g_assert_cmpint (ov_interview_get_account_id (ov_interview_window_get_interview (interview)), ==,
                   fixture.ids[2]);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (interview)), ==, "Interview — Fabrikam");
  id = ov_interview_get_id (ov_interview_window_get_interview (interview));
  press (interview, GDK_KEY_Return, GDK_CONTROL_MASK);
  type_text (ov_interview_window_get_answer_view (interview, 0), "Quicker than we feared.");
  gtk_window_close (GTK_WINDOW (interview));
  g_assert_true (ov_ui_test_wait (no_interview_window, NULL, 5000));

  stored = stored_answer (fixture.store, id, fixture.first_question);
  g_assert_cmpstr (stored, ==, "Quicker than we feared.");
  g_assert_cmpuint (ov_account_interviews_get_n_shown (section), ==, 2);

  /* Opening one and closing it untouched leaves no empty interview. */
  g_signal_emit_by_name (ov_account_interviews_get_start_button (section), "clicked");
  ov_ui_test_settle ();
  interview = ov_ui_test_find_window (OV_TYPE_INTERVIEW_WINDOW);
  g_assert_nonnull (interview);
  gtk_window_close (GTK_WINDOW (interview));
  g_assert_true (ov_ui_test_wait (no_interview_window, NULL, 5000));
  g_assert_cmpint (newest_interview (fixture.store, fixture.ids[2]), ==, id);

  /* The step holds nothing of the wizard's: on to the goals. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==, 2);

  gtk_window_destroy (GTK_WINDOW (wizard));
  fixture_close (&fixture);
}

/* The Answers view: the question's answers newest first with their count;
 * each filter, the search and a word chip narrow them to the accounts
 * known by hand; Export writes what is shown. */
static void
test_answers_view (void)
{
  Fixture fixture = { 0 };
  OvAnswersView *view;
  GtkToggleButton *chip;
  guint index;
  g_autofree char *accounts = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  fixture_open (&fixture, "answers.db");
  view = answers_view (&fixture);
  show_answers_view (&fixture);

#define EXPECT(names, count) \
  G_STMT_START { \
    g_free (accounts); \
    accounts = shown_accounts (view); \
    g_assert_cmpstr (accounts, ==, names); \
    g_assert_cmpstr (ov_answers_view_get_count_text (view), ==, count); \
  } G_STMT_END

  EXPECT ("Fabrikam, Northwind Traders, Contoso", "3 answers from 3 interviews at 3 accounts");
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "answers-view");

  /* The most frequent words, stop words left out: "clear" and "training"
   * are in two answers each ("the", "and", "was" are in none of the chips). */
  g_assert_nonnull (find_chip (view, "clear", &index));
  g_assert_cmpuint (index, ==, 0);
  chip = find_chip (view, "training", &index);
  g_assert_nonnull (chip);
  g_assert_cmpuint (index, ==, 1);
  g_assert_null (find_chip (view, "the", NULL));
  g_assert_null (find_chip (view, "and", NULL));
  g_assert_null (find_chip (view, "was", NULL));

  gtk_toggle_button_set_active (chip, TRUE);
  wait_answers (view);
  EXPECT ("Northwind Traders, Contoso", "2 answers from 2 interviews at 2 accounts");
  chip = find_chip (view, "training", NULL);
  g_assert_true (gtk_toggle_button_get_active (chip));
  gtk_toggle_button_set_active (chip, FALSE);
  wait_answers (view);
  EXPECT ("Fabrikam, Northwind Traders, Contoso", "3 answers from 3 interviews at 3 accounts");

  select_text (ADW_COMBO_ROW (ov_answers_view_get_filter_widget (view, "segment")), "Enterprise");
  wait_answers (view);
  EXPECT ("Fabrikam, Northwind Traders", "2 answers from 2 interviews at 2 accounts");
  g_assert_cmpstr (ov_answers_view_get_filter_text (view), ==, "Segment: Enterprise");

  select_text (ADW_COMBO_ROW (ov_answers_view_get_filter_widget (view, "package")), "Premium");
  wait_answers (view);
  EXPECT ("Northwind Traders", "1 answer from 1 interview at 1 account");
  select_text (ADW_COMBO_ROW (ov_answers_view_get_filter_widget (view, "package")), "Any package");
  select_text (ADW_COMBO_ROW (ov_answers_view_get_filter_widget (view, "segment")), "Any segment");

  select_text (ADW_COMBO_ROW (ov_answers_view_get_filter_widget (view, "owner")), "Lee Park");
  wait_answers (view);
  EXPECT ("Fabrikam, Contoso", "2 answers from 2 interviews at 2 accounts");
  select_text (ADW_COMBO_ROW (ov_answers_view_get_filter_widget (view, "owner")), "Any owner");

  select_text (ADW_COMBO_ROW (ov_answers_view_get_filter_widget (view, "stage")), "Expand");
  wait_answers (view);
  EXPECT ("Contoso", "1 answer from 1 interview at 1 account");
  select_text (ADW_COMBO_ROW (ov_answers_view_get_filter_widget (view, "stage")), "Any stage");

  ov_date_row_set_date (OV_DATE_ROW (ov_answers_view_get_filter_widget (view, "from")),
                        jt_date ("2026-03-01"));
  ov_date_row_set_date (OV_DATE_ROW (ov_answers_view_get_filter_widget (view, "to")),
                        jt_date ("2026-03-31"));
  wait_answers (view);
  EXPECT ("Northwind Traders", "1 answer from 1 interview at 1 account");
  g_assert_cmpstr (ov_answers_view_get_filter_text (view), ==, "From 1 Mar 2026 · To 31 Mar 2026");
  ov_date_row_set_date (OV_DATE_ROW (ov_answers_view_get_filter_widget (view, "from")), OV_DATE_NONE);
  ov_date_row_set_date (OV_DATE_ROW (ov_answers_view_get_filter_widget (view, "to")), OV_DATE_NONE);
  wait_answers (view);

  /* Search: words of the answer, the account or the person. */
  gtk_editable_set_text (GTK_EDITABLE (ov_answers_view_get_filter_widget (view, "search")),
                         "migration");
  g_assert_true (ov_ui_test_wait (answers_loaded, view, 10000));
  ov_answers_view_reload (view);
  wait_answers (view);
  EXPECT ("Fabrikam", "1 answer from 1 interview at 1 account");
  gtk_editable_set_text (GTK_EDITABLE (ov_answers_view_get_filter_widget (view, "search")),
                         "Kenji");
  ov_answers_view_reload (view);
  wait_answers (view);
  EXPECT ("Contoso", "1 answer from 1 interview at 1 account");
  gtk_editable_set_text (GTK_EDITABLE (ov_answers_view_get_filter_widget (view, "search")), "");
  ov_answers_view_reload (view);
  wait_answers (view);

  /* Export what is shown: the three, newest first. */
  csv_path = ov_ui_test_db_path ("answers.csv");
  file = g_file_new_for_path (csv_path);
  ov_answers_view_export (view, file);
  g_assert_nonnull (ov_ui_test_wait_toast (fixture.window, "Exported 3 answers to “answers.csv”"));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "account_external_id,account,interviewed_on,interviewer,"
                                        "interviewee,question,answer\r\n"));
  g_assert_nonnull (strstr (csv, "Fabrikam,2026-04-05,Sam Okafor,Zoë Lefèvre,"));
  g_assert_true (strstr (csv, "Fabrikam,") < strstr (csv, "Northwind Traders,"));
  g_assert_true (strstr (csv, "Northwind Traders,") < strstr (csv, "Contoso,"));
  g_assert_nonnull (strstr (csv, fabrikam_answer));

#undef EXPECT
  fixture_close (&fixture);
}

/* The three screens as they look, in the language asked for
 * (OVERTURE_LOCALEDIR and LANGUAGE=de) and at the size asked for
 * (OVERTURE_TEST_SIZE): the account's interviews, interview mode on an
 * answered question, and the Answers view. */
static void
test_look (void)
{
  Fixture fixture = { 0 };
  OvAccountInterviews *section;
  OvInterviewWindow *interview;
  gint64 id;

  fixture_open (&fixture, "look.db");
  section = account_section (&fixture, 0);
  g_assert_cmpuint (ov_account_interviews_get_n_shown (section), ==, 1);
  ov_ui_test_scroll_to (GTK_WIDGET (section), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "look-interviews-section");

  id = newest_interview (fixture.store, fixture.ids[0]);
  interview = ov_interview_window_open (GTK_WIDGET (fixture.window),
                                        ov_window_get_store (fixture.window),
                                        window_account (&fixture, 0), id);
  g_assert_nonnull (interview);
  if (g_getenv ("OVERTURE_TEST_SIZE") != NULL)
    gtk_window_set_default_size (GTK_WINDOW (interview), 400, 640);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (interview));
  ov_ui_test_shoot (GTK_WIDGET (interview), "look-interview-details");
  press (interview, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_cmpuint (ov_interview_window_get_step (interview), ==, 1);
  ov_ui_test_shoot (GTK_WIDGET (interview), "look-interview-mode");
  gtk_window_close (GTK_WINDOW (interview));
  g_assert_true (ov_ui_test_wait (no_interview_window, NULL, 5000));

  show_answers_view (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (ov_answers_view_get_shown (answers_view (&fixture))),
                    ==, 3);
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "look-answers-view");

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* The look test speaks the language asked for when given the
   * catalogues built with the tests, as the app does. */
  if (g_getenv ("OVERTURE_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OVERTURE_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/interviews/questions-preferences", test_questions_preferences);
  g_test_add_func ("/interviews/keyboard", test_interview_keyboard);
  g_test_add_func ("/interviews/sigkill", test_sigkill);
  g_test_add_func ("/interviews/account-section", test_account_section);
  g_test_add_func ("/interviews/review-wizard-step", test_review_wizard_step);
  g_test_add_func ("/interviews/answers-view", test_answers_view);
  g_test_add_func ("/interviews/look", test_look);

  return g_test_run ();
}
