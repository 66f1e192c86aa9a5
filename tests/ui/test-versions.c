/* test-versions.c — the account page, the wizard, the person dialog and
 * the playbook editor meet a row changed elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-person-dialog.h"
#include "ov-playbook-editor.h"
#include "ov-playbook-task-row.h"
#include "ov-playbooks-view.h"
#include "ov-stage-wizard.h"
#include "ov-ui-test.h"

static char *
notes_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types @text into the notes and leaves them, which saves them. */
static void
edit_notes (GtkTextView *notes,
            GtkWidget   *elsewhere,
            const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (notes));
  ov_ui_test_settle ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), text, -1);
  gtk_widget_grab_focus (elsewhere);
  ov_ui_test_settle ();
}

static void
test_page_conflict (void)
{
  g_autofree char *db = ov_ui_test_db_path ("versions.db");
  g_autoptr(OvStore) other = NULL;
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(OvAccount) theirs = NULL;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *accounts_view;
  OvAccountPage *page;
  GtkTextView *notes;
  GtkWidget *owner_row;
  OvWindow *window;

  other = ov_store_open (db, &error);
  g_assert_no_error (error);
  ov_account_set_name (account, "Acme Logistics");
  ov_account_set_owner (account, "Ana");
  g_assert_true (ov_store_save_account (other, account, &error));

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-account", "x",
                              ov_account_get_id (account));
  ov_ui_test_settle ();
  accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  page = ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view));
  notes = GTK_TEXT_VIEW (ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "notes_view"));
  owner_row = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "owner_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, "Ana");

  /* Another connection hands the account to Ben while the page is open. */
  theirs = ov_store_get_account (other, ov_account_get_id (account), &error);
  ov_account_set_owner (theirs, "Ben");
  g_assert_true (ov_store_save_account (other, theirs, &error));

  edit_notes (notes, owner_row, "Kickoff moved to Thursday");

  /* Not saved; the page says who changed the account, shows Ben and
   * still has the notes as typed. */
  g_assert_nonnull (strstr (ov_account_page_get_error (page),
                            "Another Overture window changed this"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, "Ben");
  shown = notes_text (notes);
  g_assert_cmpstr (shown, ==, "Kickoff moved to Thursday");
  stored = ov_store_get_account (other, ov_account_get_id (account), &error);
  g_assert_cmpstr (ov_account_get_notes (stored), ==, "");
  ov_ui_test_screenshot (GTK_WIDGET (window), "versions-conflict");

  /* Leaving the notes again saves them over Ben's version. */
  edit_notes (notes, owner_row, "Kickoff moved to Thursday");
  g_assert_cmpstr (ov_account_page_get_error (page), ==, "");
  g_clear_object (&stored);
  stored = ov_store_get_account (other, ov_account_get_id (account), &error);
  g_assert_cmpstr (ov_account_get_owner (stored), ==, "Ben");
  g_assert_cmpstr (ov_account_get_notes (stored), ==, "Kickoff moved to Thursday");

  ov_ui_test_close_window (window);
}

static GtkWidget *
wizard_input (OvStageWizard *wizard,
              const char    *field_id)
{
  OvFieldEditor *editor = ov_stage_wizard_get_editor (wizard, field_id);

  g_assert_nonnull (editor);
  return ov_field_editor_get_input (editor);
}

static void
type_answer (OvStageWizard *wizard,
             const char    *field_id,
             const char    *text)
{
  GtkWidget *widget = wizard_input (wizard, field_id);

  g_assert_true (GTK_IS_TEXT_VIEW (widget));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

static char *
shown_answer (OvStageWizard *wizard,
              const char    *field_id)
{
  return notes_text (GTK_TEXT_VIEW (wizard_input (wizard, field_id)));
}

/* Another connection writes @field_id's answer. */
static void
answer_elsewhere (OvStore    *other,
                  gint64      account_id,
                  const char *field_id,
                  const char *text)
{
  g_autoptr(OvStageAnswers) answers = NULL;
  g_autoptr(GError) error = NULL;

  answers = ov_store_load_answers (other, account_id, OV_STAGE_HANDOFF, &error);
  g_assert_no_error (error);
  ov_stage_answers_set_text (answers, field_id, text);
  g_assert_true (ov_store_save_answers (other, answers, &error));
  g_assert_no_error (error);
}

static char *
stored_answer (OvStore    *other,
               gint64      account_id,
               const char *field_id)
{
  g_autoptr(OvStageAnswers) answers = NULL;
  g_autoptr(GError) error = NULL;

  answers = ov_store_load_answers (other, account_id, OV_STAGE_HANDOFF, &error);
  g_assert_no_error (error);
  return g_strdup (ov_stage_answers_get_text (answers, field_id));
}

static OvStageWizard *
open_wizard (OvWindow  *window,
             OvAccount *account)
{
  OvStageWizard *wizard;

  wizard = ov_stage_wizard_open (GTK_WIDGET (window), ov_window_get_store (window),
                                 ov_window_get_accounts (window), account, OV_STAGE_HANDOFF);
  g_assert_nonnull (wizard);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));
  return wizard;
}

/* The handoff wizard is open while another connection answers: a field
 * only they changed is no conflict; one both changed is read again, keeps
 * the user's answer, says who changed it and to what, and saves over it
 * the second time. */
static void
test_wizard_conflict (void)
{
  g_autofree char *db = ov_ui_test_db_path ("versions-wizard.db");
  g_autoptr(OvStore) other = NULL;
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  OvStageWizard *wizard;
  OvAccount *shown;
  OvWindow *window;
  gint64 id;

  other = ov_store_open (db, &error);
  g_assert_no_error (error);
  ov_account_set_name (account, "Acme Logistics");
  ov_account_set_stage (account, OV_STAGE_HANDOFF);
  g_assert_true (ov_store_save_account (other, account, &error));
  id = ov_account_get_id (account);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  shown = ov_account_list_find (ov_window_get_accounts (window), id);
  g_assert_nonnull (shown);

  /* A different field: saved at once, theirs stays theirs. */
  wizard = open_wizard (window, shown);
  answer_elsewhere (other, id, "risks", "Their IT is slow");
  type_answer (wizard, "success_criteria", "Ten teams live");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.save-later", NULL);
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD));
  text = stored_answer (other, id, "success_criteria");
  g_assert_cmpstr (text, ==, "Ten teams live");
  g_clear_pointer (&text, g_free);
  text = stored_answer (other, id, "risks");
  g_assert_cmpstr (text, ==, "Their IT is slow");
  g_clear_pointer (&text, g_free);

  /* The same field: refused, read again, the user's answer kept. */
  wizard = open_wizard (window, shown);
  answer_elsewhere (other, id, "stakeholders", "CFO");
  answer_elsewhere (other, id, "risks", "Their IT is slow; budget freeze");
  type_answer (wizard, "stakeholders", "CFO, CTO and the head of IT");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.save-later", NULL);
  ov_ui_test_settle ();
  g_assert_true (ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD) == wizard);
  g_assert_nonnull (strstr (ov_stage_wizard_get_message (wizard),
                            "Another Overture window changed this"));
  g_assert_nonnull (strstr (ov_stage_wizard_get_message (wizard), "Stakeholders: “CFO”"));
  g_assert_nonnull (strstr (ov_field_editor_get_error (ov_stage_wizard_get_editor (wizard,
                                                                                   "stakeholders")),
                            "“CFO”"));
  text = shown_answer (wizard, "stakeholders");
  g_assert_cmpstr (text, ==, "CFO, CTO and the head of IT");
  g_clear_pointer (&text, g_free);
  /* A field the user left alone shows what is stored now. */
  text = shown_answer (wizard, "risks");
  g_assert_cmpstr (text, ==, "Their IT is slow; budget freeze");
  g_clear_pointer (&text, g_free);
  text = shown_answer (wizard, "success_criteria");
  g_assert_cmpstr (text, ==, "Ten teams live");
  g_clear_pointer (&text, g_free);
  text = stored_answer (other, id, "stakeholders");
  g_assert_cmpstr (text, ==, "CFO");
  g_clear_pointer (&text, g_free);
  ov_ui_test_screenshot (GTK_WIDGET (wizard), "versions-wizard-conflict");

  /* Saving again applies the user's answer over theirs. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.save-later", NULL);
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD));
  text = stored_answer (other, id, "stakeholders");
  g_assert_cmpstr (text, ==, "CFO, CTO and the head of IT");
  g_clear_pointer (&text, g_free);
  text = stored_answer (other, id, "risks");
  g_assert_cmpstr (text, ==, "Their IT is slow; budget freeze");
  g_clear_pointer (&text, g_free);

  ov_ui_test_close_window (window);
}

/* The person dialog is open while another connection changes the person:
 * the name typed stays, the message says who changed what, and the second
 * save keeps both changes. */
static void
test_person_conflict (void)
{
  g_autofree char *db = ov_ui_test_db_path ("versions-person.db");
  g_autoptr(OvStore) other = NULL;
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(OvPerson) person = NULL;
  g_autoptr(OvPerson) theirs = NULL;
  g_autoptr(OvPerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvPersonDialog *dialog;
  GtkWidget *name_row;
  OvWindow *window;

  other = ov_store_open (db, &error);
  g_assert_no_error (error);
  ov_account_set_name (account, "Acme Logistics");
  g_assert_true (ov_store_save_account (other, account, &error));
  person = ov_person_new (ov_account_get_id (account), OV_SIDE_CUSTOMER, "Ana Souza", "");
  ov_person_add_role (person, "sponsor");
  g_assert_true (ov_store_add_person (other, person, &error));
  g_assert_no_error (error);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  dialog = ov_person_dialog_new (GTK_WINDOW (window), ov_window_get_store (window),
                                 ov_account_get_id (account), person, OV_SIDE_CUSTOMER);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  name_row = ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG, "name_row");

  theirs = ov_store_get_person (other, ov_person_get_id (person), &error);
  ov_person_set_email (theirs, "ana@acme.example");
  g_assert_true (ov_store_update_person (other, theirs, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ana Souza-Lima");
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_true (ov_ui_test_find_window (OV_TYPE_PERSON_DIALOG) == dialog);
  g_assert_nonnull (strstr (ov_person_dialog_get_error (dialog),
                            "Another Overture window changed this"));
  g_assert_nonnull (strstr (ov_person_dialog_get_error (dialog), "Email: “ana@acme.example”"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Ana Souza-Lima");
  stored = ov_store_get_person (other, ov_person_get_id (person), &error);
  g_assert_cmpstr (ov_person_get_name (stored), ==, "Ana Souza");
  g_clear_object (&stored);
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "versions-person-conflict");

  /* The email row, left alone, shows theirs now. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_ui_test_child (dialog,
                                                                          OV_TYPE_PERSON_DIALOG,
                                                                          "email_row"))),
                   ==, "ana@acme.example");

  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (OV_TYPE_PERSON_DIALOG));
  stored = ov_store_get_person (other, ov_person_get_id (person), &error);
  g_assert_cmpstr (ov_person_get_name (stored), ==, "Ana Souza-Lima");
  g_assert_cmpstr (ov_person_get_email (stored), ==, "ana@acme.example");

  ov_ui_test_close_window (window);
}

/* The Playbooks view of @window with the playbook @id in its editor. */
static OvPlaybookEditor *
open_playbook (OvWindow *window,
               gint64    id)
{
  GtkWidget *view;
  OvPlaybookEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_window_get_view (OV_WINDOW (window), "playbooks");
  gtk_test_widget_wait_for_draw (view);
  g_assert_true (ov_playbooks_view_select (OV_PLAYBOOKS_VIEW (view), id));
  ov_ui_test_settle ();
  editor = OV_PLAYBOOK_EDITOR (ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "editor"));
  g_assert_cmpint (ov_playbook_editor_get_playbook_id (editor), ==, id);
  return editor;
}

static OvPlaybook *
stored_playbook (OvStore *store,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  OvPlaybook *playbook = ov_store_get_playbook (store, id, &error);

  g_assert_no_error (error);
  return playbook;
}

/* Titles of the stored tasks, "stage:title" one a line. */
static char *
stored_titles (OvStore *store,
               gint64   id)
{
  g_autoptr(OvPlaybook) playbook = stored_playbook (store, id);
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      OvPlaybookTask *task = g_ptr_array_index (tasks, i);

      g_string_append_printf (out, "%s:%s\n", ov_stage_get_id (ov_playbook_task_get_stage (task)),
                              ov_playbook_task_get_title (task));
    }

  return g_string_free (out, FALSE);
}

static GtkWidget *
task_field (OvPlaybookEditor *editor,
            OvStage           stage,
            guint             position,
            const char       *field_id)
{
  GtkWidget *row = ov_playbook_editor_get_task_row (editor, stage, position);

  g_assert_nonnull (row);
  return ov_playbook_task_row_get_field (OV_PLAYBOOK_TASK_ROW (row), field_id);
}

/* A playbook with one kickoff task, stored through @store, and an account
 * (the window shows its views once the portfolio has one). */
static gint64
add_playbook (OvStore *store)
{
  g_autoptr(OvPlaybook) playbook = ov_playbook_new ("Mid-market");
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(OvPlaybookTask) task = NULL;
  g_autoptr(GError) error = NULL;

  ov_account_set_name (account, "Acme Logistics");
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);

  task = ov_playbook_task_new (OV_STAGE_KICKOFF, "Agree the go-live date", "", "csm", 2);
  ov_playbook_add_task (playbook, task);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  g_assert_no_error (error);
  return ov_playbook_get_id (playbook);
}

/* The playbook editor is open while another connection changes the
 * description and adds a task: the name the user applies is refused, stays
 * in its field, the editor shows the other side's description and task and
 * says who changed what; Enter saves the name over their version. */
static void
test_playbook_conflict (void)
{
  g_autofree char *db = ov_ui_test_db_path ("versions-playbook.db");
  g_autoptr(OvStore) other = NULL;
  g_autoptr(OvPlaybook) theirs = NULL;
  g_autoptr(OvPlaybook) stored = NULL;
  g_autoptr(OvPlaybookTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  OvPlaybookEditor *editor;
  GtkWidget *name_row;
  GtkWidget *description_row;
  const char *message;
  OvWindow *window;
  gint64 id;

  other = ov_store_open (db, &error);
  g_assert_no_error (error);
  id = add_playbook (other);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  editor = open_playbook (window, id);
  name_row = ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "name_row");
  description_row = ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "description_row");
  g_assert_null (ov_playbook_editor_get_task_row (editor, OV_STAGE_ADOPT, 0));

  theirs = stored_playbook (other, id);
  ov_playbook_set_description (theirs, "For accounts under 50 seats");
  task = ov_playbook_task_new (OV_STAGE_ADOPT, "Run the admin training", "", "training", 14);
  ov_playbook_add_task (theirs, task);
  g_assert_true (ov_store_save_playbook (other, theirs, &error));
  g_assert_no_error (error);

  gtk_widget_grab_focus (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Mid-market 2027");
  g_signal_emit_by_name (name_row, "apply");
  ov_ui_test_settle ();

  /* Not saved; the editor says who changed what, keeps the name typed and
   * shows their description and task. */
  message = ov_playbook_editor_get_error (editor);
  g_assert_nonnull (strstr (message, "Another Overture window changed this"));
  g_assert_nonnull (strstr (message, "Description: “For accounts under 50 seats”"));
  g_assert_nonnull (strstr (message, "Adopt: “1 task”"));
  g_assert_nonnull (strstr (message, "Save again"));
  g_assert_null (strstr (message, "Name:"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Mid-market 2027");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (description_row)), ==,
                   "For accounts under 50 seats");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (task_field (editor, OV_STAGE_ADOPT, 0,
                                                                    "title"))),
                   ==, "Run the admin training");
  stored = stored_playbook (other, id);
  g_assert_cmpstr (ov_playbook_get_name (stored), ==, "Mid-market");
  g_clear_object (&stored);
  ov_ui_test_screenshot (GTK_WIDGET (window), "versions-playbook-conflict");

  /* Enter saves the name over their version, which keeps theirs. */
  g_signal_emit_by_name (name_row, "entry-activated");
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_playbook_editor_get_error (editor), ==, "");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  stored = stored_playbook (other, id);
  g_assert_cmpstr (ov_playbook_get_name (stored), ==, "Mid-market 2027");
  g_assert_cmpstr (ov_playbook_get_description (stored), ==, "For accounts under 50 seats");
  titles = stored_titles (other, id);
  g_assert_cmpstr (titles, ==,
                   "kickoff:Agree the go-live date\n"
                   "adopt:Run the admin training\n");

  ov_ui_test_close_window (window);
}

/* A task's title applied over a task changed elsewhere: its row is built
 * again with their description and the title typed, and Enter saves it. A
 * move refused the same way shows the order as stored. */
static void
test_playbook_task_conflict (void)
{
  g_autofree char *db = ov_ui_test_db_path ("versions-playbook-task.db");
  g_autoptr(OvStore) other = NULL;
  g_autoptr(OvPlaybook) theirs = NULL;
  g_autoptr(OvPlaybook) stored = NULL;
  g_autoptr(OvPlaybookTask) task = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  OvPlaybookEditor *editor;
  GtkWidget *title_row;
  const char *message;
  OvWindow *window;
  gint64 id;

  other = ov_store_open (db, &error);
  g_assert_no_error (error);
  id = add_playbook (other);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  editor = open_playbook (window, id);

  theirs = stored_playbook (other, id);
  tasks = ov_playbook_dup_tasks (theirs, OV_STAGE_KICKOFF);
  ov_playbook_task_set_description (g_ptr_array_index (tasks, 0), "Write it in the notes");
  g_assert_true (ov_store_save_playbook (other, theirs, &error));
  g_assert_no_error (error);

  title_row = task_field (editor, OV_STAGE_KICKOFF, 0, "title");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Agree the go-live date in writing");
  g_signal_emit_by_name (title_row, "apply");
  ov_ui_test_settle ();

  message = ov_playbook_editor_get_error (editor);
  g_assert_nonnull (strstr (message, "Another Overture window changed this"));
  g_assert_nonnull (strstr (message, "Kickoff: “1 task”"));
  /* The row was built again: the title as typed, their description. */
  title_row = task_field (editor, OV_STAGE_KICKOFF, 0, "title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==,
                   "Agree the go-live date in writing");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (task_field (editor, OV_STAGE_KICKOFF, 0,
                                                                    "description"))),
                   ==, "Write it in the notes");
  titles = stored_titles (other, id);
  g_assert_cmpstr (titles, ==, "kickoff:Agree the go-live date\n");
  g_clear_pointer (&titles, g_free);

  g_signal_emit_by_name (title_row, "entry-activated");
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_playbook_editor_get_error (editor), ==, "");
  stored = stored_playbook (other, id);
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = ov_playbook_dup_tasks (stored, OV_STAGE_KICKOFF);
  g_assert_cmpuint (tasks->len, ==, 1);
  g_assert_cmpstr (ov_playbook_task_get_title (g_ptr_array_index (tasks, 0)), ==,
                   "Agree the go-live date in writing");
  g_assert_cmpstr (ov_playbook_task_get_description (g_ptr_array_index (tasks, 0)), ==,
                   "Write it in the notes");
  g_clear_object (&stored);

  /* They add a second kickoff task; a move here is refused and shows the
   * order as stored, with their task, to move again. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-task", "i", (int)OV_STAGE_KICKOFF);
  ov_ui_test_settle ();
  g_clear_object (&theirs);
  theirs = stored_playbook (other, id);
  task = ov_playbook_task_new (OV_STAGE_KICKOFF, "Book the kickoff call", "", "csm", 0);
  ov_playbook_add_task (theirs, task);
  g_assert_true (ov_store_save_playbook (other, theirs, &error));
  g_assert_no_error (error);

  g_signal_emit_by_name (ov_playbook_editor_get_task_row (editor, OV_STAGE_KICKOFF, 1), "move", -1);
  ov_ui_test_settle ();
  message = ov_playbook_editor_get_error (editor);
  g_assert_nonnull (strstr (message, "Kickoff: “3 tasks”"));
  g_assert_nonnull (strstr (message, "Do it again"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     ov_playbook_editor_get_task_row (editor, OV_STAGE_KICKOFF, 2))),
                   ==, "Book the kickoff call");
  titles = stored_titles (other, id);
  g_assert_cmpstr (titles, ==,
                   "kickoff:Agree the go-live date in writing\n"
                   "kickoff:New task\n"
                   "kickoff:Book the kickoff call\n");
  g_clear_pointer (&titles, g_free);

  g_signal_emit_by_name (ov_playbook_editor_get_task_row (editor, OV_STAGE_KICKOFF, 1), "move", -1);
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_playbook_editor_get_error (editor), ==, "");
  titles = stored_titles (other, id);
  g_assert_cmpstr (titles, ==,
                   "kickoff:New task\n"
                   "kickoff:Agree the go-live date in writing\n"
                   "kickoff:Book the kickoff call\n");

  ov_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/versions/page-conflict", test_page_conflict);
  g_test_add_func ("/versions/wizard-conflict", test_wizard_conflict);
  g_test_add_func ("/versions/person-conflict", test_person_conflict);
  g_test_add_func ("/versions/playbook-conflict", test_playbook_conflict);
  g_test_add_func ("/versions/playbook-task-conflict", test_playbook_task_conflict);

  return g_test_run ();
}
