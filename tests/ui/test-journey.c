/* test-journey.c — one account through all six stage wizards, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fresh database with two accounts. The first is walked from Embark to
 * Expand by filling the wizards' widgets and pressing Next and Complete
 * Stage; on the way a step refuses to go on without a required answer,
 * "Save and Continue Later" is used and the reopened wizard shows every
 * answer again, people and tasks are added on the account page and tasks
 * are ticked off. The second account skips a stage after the
 * confirmation. Then the stored events, answers, facts and tasks are read
 * back through the core. Every wizard step is saved as a screenshot
 * (journey-*.png in the build tree), a few in dark and narrow.
 */

#include "config.h"

#include <string.h>

#include "ov-account-page.h"
#include "ov-account-people.h"
#include "ov-account-tasks.h"
#include "ov-account-timeline.h"
#include "ov-accounts-view.h"
#include "ov-date-row.h"
#include "ov-field-editor.h"
#include "ov-person-dialog.h"
#include "ov-stage-stepper.h"
#include "ov-stage-wizard.h"
#include "ov-string-list-editor.h"
#include "ov-task-dialog.h"
#include "ov-task-row.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

#define TODAY "2026-11-23"

typedef struct
{
  OvWindow      *window;
  OvStore       *check;       /* a second connection, to read what was stored */
  OvAccountPage *page;
  OvAccount     *account;     /* the page's account (the list's object) */
  gint64         id;
} Journey;

static OvDate
date (const char *iso)
{
  OvDate result = OV_DATE_NONE;

  g_assert_true (ov_date_parse_iso (iso, &result, NULL));
  return result;
}

static gint64
add_account (OvStore    *store,
             const char *name,
             OvStage     stage,
             const char *entered)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  ov_account_set_name (account, name);
  ov_account_set_owner (account, "Priya Natarajan");
  ov_account_set_stage (account, stage);
  /* 2026-05-01 09:00 UTC */
  g_assert_true (ov_store_insert_account (store, account, 1777626000, 1777626000, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_add_stage_event (store, ov_account_get_id (account), stage, 0, FALSE,
                                           date (entered), NULL, &error));
  g_assert_no_error (error);
  return ov_account_get_id (account);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ov_ui_test_settle ();
}

static gpointer
find_window (GType type)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Answers a message dialog by clicking the button labelled @label. */
static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  click (button);
  g_assert_null (find_window (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
no_wizard (gpointer data)
{
  return find_window (OV_TYPE_STAGE_WIZARD) == NULL;
}

static void
open_account (Journey *j,
              gint64   id)
{
  GtkWidget *accounts_view;

  gtk_widget_activate_action (GTK_WIDGET (j->window), "win.open-account", "x", id);
  ov_ui_test_settle ();
  accounts_view = ov_ui_test_child (j->window, OV_TYPE_WINDOW, "accounts_view");
  j->page = OV_ACCOUNT_PAGE (ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW,
                                               "account_page"));
  j->account = ov_account_page_get_account (j->page);
  j->id = id;
  g_assert_cmpint (ov_account_get_id (j->account), ==, id);
}

static GtkWidget *
page_child (Journey    *j,
            const char *name)
{
  return ov_ui_test_child (j->page, OV_TYPE_ACCOUNT_PAGE, name);
}

/* Opens the current stage's wizard with the page's big button. */
static OvStageWizard *
continue_wizard (Journey *j,
                 OvStage  stage)
{
  OvStageWizard *wizard;
  g_autofree char *label = NULL;

  label = g_strdup_printf (stage == OV_STAGE_EXPAND ? "_Open %s…" : "_Continue %s…",
                           ov_stage_get_title (stage));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (j, "continue_button"))), ==,
                   label);
  click (page_child (j, "continue_button"));

  wizard = find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_cmpint (ov_stage_wizard_get_stage (wizard), ==, stage);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));
  return wizard;
}

static OvFieldEditor *
editor (OvStageWizard *wizard,
        const char    *field_id)
{
  OvFieldEditor *result = ov_stage_wizard_get_editor (wizard, field_id);

  g_assert_nonnull (result);
  return result;
}

static GtkWidget *
input (OvStageWizard *wizard,
       const char    *field_id)
{
  return ov_field_editor_get_input (editor (wizard, field_id));
}

static GtkWidget *
wizard_child (OvStageWizard *wizard,
              const char    *name)
{
  return ov_ui_test_child (wizard, OV_TYPE_STAGE_WIZARD, name);
}

static void
type_text (OvStageWizard *wizard,
           const char    *field_id,
           const char    *text)
{
  GtkWidget *widget = input (wizard, field_id);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static char *
shown_text (OvStageWizard *wizard,
            const char    *field_id)
{
  GtkWidget *widget = input (wizard, field_id);
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), &start,
                                   &end, FALSE);
}

/* Ticks a checklist item; the date row appears with today, then takes @iso. */
static void
tick (OvStageWizard *wizard,
      const char    *field_id,
      const char    *iso)
{
  OvFieldEditor *field = editor (wizard, field_id);
  OvDateRow *row = ov_field_editor_get_date_row (field);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ov_field_editor_get_input (field)), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, TODAY);
  gtk_editable_set_text (GTK_EDITABLE (row), iso);
}

/* Types each item into the list's "add" row and presses Enter. */
static void
add_items (OvStageWizard *wizard,
           const char    *field_id,
           ...)
{
  GtkWidget *list = input (wizard, field_id);
  GtkWidget *add_row = ov_ui_test_child (list, OV_TYPE_STRING_LIST_EDITOR, "add_row");
  va_list args;

  va_start (args, field_id);
  for (const char *item = va_arg (args, const char *); item; item = va_arg (args, const char *))
    {
      gtk_editable_set_text (GTK_EDITABLE (add_row), item);
      g_signal_emit_by_name (add_row, "entry-activated");
    }
  va_end (args);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
}

static void
expect_step (OvStageWizard *wizard,
             guint          step,
             const char    *progress)
{
  const OvWizardStep *shown = ov_wizard_get_step (ov_stage_wizard_get_stage (wizard), step);

  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==, step);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (wizard_child (wizard,
                                                                              "pages_stack"))),
                   ==, ov_wizard_step_get_id (shown));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (wizard_child (wizard, "progress_label"))), ==,
                   progress);
  g_assert_cmpfloat_with_epsilon (
    gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (wizard_child (wizard, "progress_bar"))),
    (double)(step + 1) / ov_stage_wizard_get_n_steps (wizard), 0.001);
}

static void
shot (OvStageWizard *wizard,
      const char    *name)
{
  g_autofree char *full = g_strdup_printf ("journey-%s", name);

  ov_ui_test_settle ();
  ov_ui_test_screenshot (GTK_WIDGET (wizard), full);
}

static void
dark_shot (GtkWidget  *widget,
           const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *full = g_strdup_printf ("journey-dark-%s", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ov_ui_test_settle ();
  ov_ui_test_screenshot (widget, full);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  ov_ui_test_settle ();
}

static void
next (OvStageWizard *wizard)
{
  click (wizard_child (wizard, "next_button"));
}

/* Sets the completion date on the last step and completes; the wizard
 * closes and the page shows the next stage. */
static void
complete (Journey       *j,
          OvStageWizard *wizard,
          const char    *on)
{
  OvStage stage = ov_stage_wizard_get_stage (wizard);

  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==,
                    ov_stage_wizard_get_n_steps (wizard) - 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (wizard_child (wizard, "next_button"))), ==,
                   "_Complete Stage");
  gtk_editable_set_text (GTK_EDITABLE (ov_stage_wizard_get_completed_on_row (wizard)), on);
  next (wizard);

  g_assert_true (ov_ui_test_wait (no_wizard, NULL, 5000));
  g_assert_cmpint (ov_account_get_stage (j->account), ==, stage + 1);
  g_assert_cmpint (ov_stage_stepper_get_stage (ov_account_page_get_stepper (j->page)), ==,
                   stage + 1);
}

static void
assert_event (GPtrArray  *events,
              guint       index,
              OvStage     stage,
              OvStage     from,
              gboolean    skipped,
              const char *on)
{
  const OvStageEvent *event;

  g_assert_cmpuint (index, <, events->len);
  event = g_ptr_array_index (events, index);
  g_assert_cmpint (event->stage, ==, stage);
  g_assert_cmpint (event->from_stage, ==, from);
  g_assert_cmpint (event->skipped, ==, skipped);
  g_assert_cmpint (event->happened_on, ==, date (on));
}

/* The playbook row lists the playbooks after "Automatic". */
static void
choose_playbook (Journey *j)
{
  AdwComboRow *row = ADW_COMBO_ROW (page_child (j, "playbook_row"));
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (j->check, NULL);
  g_autoptr(OvAccount) stored = NULL;
  GListModel *names = adw_combo_row_get_model (row);
  OvPlaybook *first;

  g_assert_cmpuint (playbooks->len, >, 0);
  first = g_ptr_array_index (playbooks, 0);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, playbooks->len + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==,
                   ov_playbook_get_name (first));
  /* The automatic choice, by name: plain text, whatever the name holds. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  {
    g_autofree char *expected = g_strdup_printf ("By segment or the default; now %s",
                                                 ov_playbook_get_name (first));

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  }

  adw_combo_row_set_selected (row, 1);
  ov_ui_test_settle ();
  stored = ov_store_get_account (j->check, j->id, NULL);
  g_assert_cmpint (ov_account_get_playbook_id (stored), ==, ov_playbook_get_id (first));
  g_assert_cmpint (ov_account_get_playbook_id (j->account), ==, ov_playbook_get_id (first));
  g_clear_object (&stored);

  adw_combo_row_set_selected (row, 0);
  ov_ui_test_settle ();
  stored = ov_store_get_account (j->check, j->id, NULL);
  g_assert_cmpint (ov_account_get_playbook_id (stored), ==, 0);
}

static void
walk_embark (Journey *j)
{
  OvStageWizard *wizard = continue_wizard (j, OV_STAGE_EMBARK);
  OvFieldEditor *pains = editor (wizard, "pains");

  g_assert_cmpint (ov_stage_wizard_get_mode (wizard), ==, OV_STAGE_WIZARD_COMPLETE);
  g_assert_true (gtk_widget_get_visible (wizard_child (wizard, "skip_button")));
  g_assert_false (gtk_widget_get_visible (wizard_child (wizard, "back_button")));
  expect_step (wizard, 0, "Step 1 of 3");
  shot (wizard, "embark-1-why-empty");

  /* The outcomes alone are not enough: the step names the missing pains. */
  type_text (wizard, "outcomes", "One view of every shipment, and invoices out the same day.");
  next (wizard);
  expect_step (wizard, 0, "Step 1 of 3");
  g_assert_cmpstr (ov_field_editor_get_error (pains), ==,
                   "Customer’s pains: this cannot be left empty.");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (input (wizard, "pains")),
                                           "error"));
  g_assert_cmpstr (ov_field_editor_get_error (editor (wizard, "outcomes")), ==, "");
  shot (wizard, "embark-1-why-refused");
  dark_shot (GTK_WIDGET (wizard), "embark-1-why-refused");

  /* Typing takes the complaint away; then the step passes. */
  type_text (wizard, "pains", "Dispatchers re-key every order into three systems & lose a day.");
  g_assert_cmpstr (ov_field_editor_get_error (pains), ==, "");
  next (wizard);
  expect_step (wizard, 1, "Step 2 of 3");
  g_assert_true (gtk_widget_get_visible (wizard_child (wizard, "back_button")));

  type_text (wizard, "package", "Premium Onboarding");
  /* Typed, not applied with Enter: it still counts. */
  type_text (wizard, "expected_close_date", "2026-06-18");
  shot (wizard, "embark-2-deal");
  next (wizard);
  expect_step (wizard, 2, "Step 3 of 3");

  tick (wizard, "value_presented", "2026-06-05");
  tick (wizard, "package_proposed", "2026-06-10");
  shot (wizard, "embark-3-checklist");
  dark_shot (GTK_WIDGET (wizard), "embark-3-checklist");

  /* Back and forth keeps what was typed. */
  click (wizard_child (wizard, "back_button"));
  expect_step (wizard, 1, "Step 2 of 3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (wizard, "package"))), ==,
                   "Premium Onboarding");
  next (wizard);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (input (wizard,
                                                                       "value_presented"))));

  complete (j, wizard, "2026-06-20");
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_CLOSE), ==,
                   date ("2026-06-18"));
  g_assert_cmpstr (ov_account_get_package (j->account), ==, "Premium Onboarding");
}

/* People on the account page: the dialog, a refusal, several roles. */
static void
add_people (Journey *j)
{
  OvAccountPeople *people = OV_ACCOUNT_PEOPLE (page_child (j, "people_section"));
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvPersonDialog *dialog;
  OvPerson *dana = NULL;

  click (ov_ui_test_child (people, OV_TYPE_ACCOUNT_PEOPLE, "add_internal_button"));
  dialog = find_window (OV_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "name_row")), "Dana Reyes");
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "email_row")), "dana.reyes@");
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "onboarding"), TRUE);
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "csm"), TRUE);
  /* Customer roles are not offered on our side. */
  g_assert_null (ov_person_dialog_get_role_check (dialog, "sponsor"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* A broken email is refused at its row; nothing is stored. */
  ov_person_dialog_save (dialog);
  g_assert_nonnull (strstr (ov_person_dialog_get_error (dialog), "Email"));
  g_assert_true (gtk_widget_has_css_class (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                             "email_row"), "error"));
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-person-dialog-refused");
  stored = ov_store_list_people (j->check, j->id, &error);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "email_row")),
                         "dana.reyes@example.com");
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (find_window (OV_TYPE_PERSON_DIALOG));

  click (ov_ui_test_child (people, OV_TYPE_ACCOUNT_PEOPLE, "add_customer_button"));
  dialog = find_window (OV_TYPE_PERSON_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "name_row")), "Jonas Berg");
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "sponsor"), TRUE);
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "champion"), TRUE);
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-person-dialog");
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();

  stored = ov_store_list_people (j->check, j->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  dana = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (ov_person_get_name (dana), ==, "Dana Reyes");
  g_assert_cmpstr (ov_person_get_email (dana), ==, "dana.reyes@example.com");
  g_assert_true (ov_person_has_role (dana, "onboarding"));
  g_assert_true (ov_person_has_role (dana, "csm"));
  g_assert_true (ov_person_get_side (g_ptr_array_index (stored, 1)) == OV_SIDE_CUSTOMER);
  g_assert_true (ov_person_has_role (g_ptr_array_index (stored, 1), "champion"));

  /* The section lists both, after the store said people changed. */
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_account_people_get_n_people (people), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ov_account_people_find_row (people, "Dana Reyes")),
                   ==, "Onboarding specialist, Customer success manager\n"
                       "dana.reyes@example.com");

  /* Activating a row edits the person: the dialog starts from what is stored. */
  g_signal_emit_by_name (ov_account_people_find_row (people, "Jonas Berg"), "activated");
  ov_ui_test_settle ();
  dialog = find_window (OV_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Person");
  g_assert_true (gtk_check_button_get_active (ov_person_dialog_get_role_check (dialog, "sponsor")));
  g_assert_false (gtk_check_button_get_active (ov_person_dialog_get_role_check (dialog, "admin")));
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "email_row")), "jonas.berg@example.com");
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "sponsor"), FALSE);
  gtk_check_button_set_active (ov_person_dialog_get_role_check (dialog, "admin"), TRUE);
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (find_window (OV_TYPE_PERSON_DIALOG));
  {
    g_autoptr(OvPerson) jonas = ov_store_get_person (j->check,
                                                     ov_person_get_id (g_ptr_array_index (stored, 1)),
                                                     &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ov_person_get_email (jonas), ==, "jonas.berg@example.com");
    g_assert_false (ov_person_has_role (jonas, "sponsor"));
    g_assert_true (ov_person_has_role (jonas, "champion"));
    g_assert_true (ov_person_has_role (jonas, "admin"));
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (ov_account_people_find_row (people, "Jonas Berg")),
                   ==, "Champion, Admin\njonas.berg@example.com");

  /* Someone added by mistake is removed after a question. */
  click (ov_ui_test_child (people, OV_TYPE_ACCOUNT_PEOPLE, "add_customer_button"));
  dialog = find_window (OV_TYPE_PERSON_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_PERSON_DIALOG,
                                                         "name_row")), "Alex Kim");
  ov_person_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_cmpuint (ov_account_people_get_n_people (people), ==, 3);
  click (ov_account_people_get_remove_button (people, ov_account_people_find_row (people,
                                                                                  "Alex Kim")));
  {
    AdwMessageDialog *question = find_window (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Remove Alex Kim?");
    answer (question, "_Remove");
  }
  ov_ui_test_settle ();
  g_assert_null (ov_account_people_find_row (people, "Alex Kim"));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ov_store_list_people (j->check, j->id, &error);
  g_assert_cmpuint (stored->len, ==, 2);
}

static void
walk_handoff (Journey *j)
{
  OvStageWizard *wizard = continue_wizard (j, OV_STAGE_HANDOFF);
  GtkWidget *goals;

  expect_step (wizard, 0, "Step 1 of 4");
  add_items (wizard, "goals", "Orders flow in without re-keying",
             "Invoices go out the day a load is delivered", NULL);
  goals = input (wizard, "goals");
  g_assert_cmpuint (ov_string_list_editor_get_n_items (OV_STRING_LIST_EDITOR (goals)), ==, 2);
  type_text (wizard, "success_criteria", "Zero re-keyed orders for four weeks in a row.");
  type_text (wizard, "stakeholders", "Jonas (COO) sponsors; Mia runs dispatch.");
  shot (wizard, "handoff-1-goals");
  dark_shot (GTK_WIDGET (wizard), "handoff-1-goals");
  next (wizard);

  expect_step (wizard, 1, "Step 2 of 4");
  type_text (wizard, "contract_facts", "Three years, 120 seats, renews 2029-06-30.");
  type_text (wizard, "promises", "EDI connector to their carrier portal by go-live.");
  type_text (wizard, "risks", "Peak season starts in October.");
  shot (wizard, "handoff-2-contract");
  next (wizard);

  expect_step (wizard, 2, "Step 3 of 4");
  tick (wizard, "internal_meeting", "2026-06-22");
  shot (wizard, "handoff-3-internal");

  /* Save and Continue Later: stored unchecked, the wizard closes. */
  click (wizard_child (wizard, "later_button"));
  g_assert_true (ov_ui_test_wait (no_wizard, NULL, 5000));
  g_assert_cmpint (ov_account_get_stage (j->account), ==, OV_STAGE_HANDOFF);
  {
    g_autoptr(OvStageAnswers) saved = ov_store_load_answers (j->check, j->id, OV_STAGE_HANDOFF,
                                                             NULL);
    g_auto(GStrv) items = ov_stage_answers_dup_list (saved, "goals");
    OvDate done_on = OV_DATE_NONE;

    g_assert_cmpuint (g_strv_length (items), ==, 2);
    g_assert_cmpstr (ov_stage_answers_get_text (saved, "risks"), ==,
                     "Peak season starts in October.");
    g_assert_true (ov_stage_answers_get_check (saved, "internal_meeting", &done_on));
    g_assert_cmpint (done_on, ==, date ("2026-06-22"));
  }

  /* Reopening shows everything again and picks up at the first step not
   * yet done: none is refused now, so the last one. */
  wizard = continue_wizard (j, OV_STAGE_HANDOFF);
  expect_step (wizard, 3, "Step 4 of 4");
  goals = input (wizard, "goals");
  g_assert_cmpuint (ov_string_list_editor_get_n_items (OV_STRING_LIST_EDITOR (goals)), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     ov_string_list_editor_get_item_row (OV_STRING_LIST_EDITOR (goals), 1))), ==,
                   "Invoices go out the day a load is delivered");
  {
    g_autofree char *risks = shown_text (wizard, "risks");
    g_autofree char *criteria = shown_text (wizard, "success_criteria");

    g_assert_cmpstr (risks, ==, "Peak season starts in October.");
    g_assert_cmpstr (criteria, ==, "Zero re-keyed orders for four weeks in a row.");
  }
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (input (wizard,
                                                                       "internal_meeting"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_field_editor_get_date_row (
                     editor (wizard, "internal_meeting")))), ==, "2026-06-22");

  tick (wizard, "welcome_sent", "2026-06-24");
  tick (wizard, "customer_roles_confirmed", "2026-06-30");
  shot (wizard, "handoff-4-customer");
  complete (j, wizard, "2026-07-06");
}

static void
walk_kickoff (Journey *j)
{
  OvStageWizard *wizard = continue_wizard (j, OV_STAGE_KICKOFF);
  OvFieldEditor *golive;

  expect_step (wizard, 0, "Step 1 of 2");
  type_text (wizard, "kickoff_date", "2026-07-10");
  add_items (wizard, "agenda", "Scope and success criteria", "Timeline to go-live",
             "Who does what", NULL);
  shot (wizard, "kickoff-1-meeting");
  next (wizard);

  expect_step (wizard, 1, "Step 2 of 2");
  /* A go-live before the kickoff is refused by the core's rule. */
  type_text (wizard, "target_golive_date", "2026-07-01");
  type_text (wizard, "first_value_milestone", "First 500 orders imported without re-keying");
  type_text (wizard, "first_value_target_date", "2026-09-15");
  gtk_switch_set_active (GTK_SWITCH (input (wizard, "roles_agreed")), TRUE);
  next (wizard);
  golive = editor (wizard, "target_golive_date");
  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==, 1);
  g_assert_cmpstr (ov_field_editor_get_error (golive), ==,
                   "Target go-live date: 2026-07-01 is before the kickoff date 2026-07-10.");
  shot (wizard, "kickoff-2-plan-refused");

  type_text (wizard, "target_golive_date", "2026-09-01");
  shot (wizard, "kickoff-2-plan");
  dark_shot (GTK_WIDGET (wizard), "kickoff-2-plan");
  complete (j, wizard, "2026-07-10");
  g_assert_cmpstr (ov_account_get_first_value_milestone (j->account), ==,
                   "First 500 orders imported without re-keying");
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_KICKOFF), ==,
                   date ("2026-07-10"));
}

/* Tasks on the account page: the list, overdue labels, a new task. */
static void
work_tasks (Journey *j)
{
  OvAccountTasks *tasks = OV_ACCOUNT_TASKS (page_child (j, "tasks_section"));
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvTaskDialog *dialog;
  OvTaskRow *row;
  OvTask *task;
  g_autofree char *overdue = NULL;
  OvTask *added = NULL;

  stored = ov_store_list_tasks (j->check, j->id, OV_STAGE_ADOPT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, >, 0);
  /* Only the current stage is listed. */
  g_assert_cmpuint (ov_account_tasks_get_n_rows (tasks), ==, stored->len);

  /* Due from the day Adopt was entered; the first is overdue by now and
   * says by how much, in the error colour. */
  row = ov_account_tasks_get_row (tasks, 0);
  task = ov_task_row_get_task (row);
  g_assert_cmpint (ov_task_get_due_date (task), >=, date ("2026-07-10"));
  g_assert_true (ov_task_is_overdue (task, date (TODAY)));
  overdue = g_strdup_printf ("%d days overdue", date (TODAY) - ov_task_get_due_date (task));
  g_assert_cmpstr (ov_task_row_get_due_text (row), ==, overdue);
  g_assert_true (gtk_widget_has_css_class (ov_ui_test_child (row, OV_TYPE_TASK_ROW, "due_label"),
                                           "error"));
  /* Dana holds the onboarding role: tasks of that role name her. */
  for (guint i = 0; i < stored->len; i++)
    {
      OvTask *t = g_ptr_array_index (stored, i);

      if (g_strcmp0 (ov_task_get_role (t), "onboarding") == 0)
        g_assert_cmpstr (ov_task_get_assignee_name (t), ==, "Dana Reyes");
    }

  /* Add a task by hand, in the dialog. */
  click (ov_ui_test_child (tasks, OV_TYPE_ACCOUNT_TASKS, "add_button"));
  dialog = find_window (OV_TYPE_TASK_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                         "title_row")),
                         "Train the night-shift dispatchers");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                               "role_row")),
                              ov_role_get_index ("training") + 1);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                         "due_row")), "2026-11-25");
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-task-dialog");
  ov_task_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (find_window (OV_TYPE_TASK_DIALOG));

  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ov_store_list_tasks (j->check, j->id, OV_STAGE_ADOPT, &error);
  for (guint i = 0; i < stored->len; i++)
    if (g_strcmp0 (ov_task_get_title (g_ptr_array_index (stored, i)),
                   "Train the night-shift dispatchers") == 0)
      added = g_ptr_array_index (stored, i);
  g_assert_nonnull (added);
  g_assert_cmpstr (ov_task_get_role (added), ==, "training");
  g_assert_cmpint (ov_task_get_due_date (added), ==, date ("2026-11-25"));
  g_assert_cmpint (ov_task_get_stage (added), ==, OV_STAGE_ADOPT);

  row = ov_account_tasks_find_row (tasks, "Train the night-shift dispatchers");
  g_assert_nonnull (row);
  g_assert_cmpstr (ov_task_row_get_due_text (row), ==, "Due in 2 days");

  /* Activating the row edits the task in the same dialog. */
  g_signal_emit_by_name (row, "activated");
  ov_ui_test_settle ();
  dialog = find_window (OV_TYPE_TASK_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                                          "title_row"))), ==,
                   "Train the night-shift dispatchers");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                                          "due_row"))), ==,
                   "2026-11-25");
  /* A date that is not one is refused at its row; nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG, "due_row")),
                         "2026-11-31");
  ov_task_dialog_save (dialog);
  g_assert_nonnull (strstr (ov_task_dialog_get_error (dialog), "Due date: "));
  g_assert_true (gtk_widget_has_css_class (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                             "due_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG, "due_row")),
                         "2026-11-20");
  /* Correcting it takes the complaint away. */
  g_assert_cmpstr (ov_task_dialog_get_error (dialog), ==, "");
  g_assert_false (gtk_widget_has_css_class (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                              "due_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_TASK_DIALOG,
                                                         "title_row")),
                         "Train the night-shift and weekend dispatchers");
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-task-dialog-edit");
  ov_task_dialog_save (dialog);
  ov_ui_test_settle ();
  g_assert_null (find_window (OV_TYPE_TASK_DIALOG));
  {
    g_autoptr(OvTask) edited = ov_store_get_task (j->check, ov_task_get_id (added), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ov_task_get_title (edited), ==, "Train the night-shift and weekend dispatchers");
    g_assert_cmpint (ov_task_get_due_date (edited), ==, date ("2026-11-20"));
  }
  row = ov_account_tasks_find_row (tasks, "Train the night-shift and weekend dispatchers");
  g_assert_nonnull (row);
  g_assert_cmpstr (ov_task_row_get_due_text (row), ==, "3 days overdue");

  /* All stages: the Handoff and Kickoff tasks show too. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ov_ui_test_child (tasks, OV_TYPE_ACCOUNT_TASKS,
                                                                     "all_toggle")), TRUE);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = ov_store_list_tasks (j->check, j->id, 0, &error);
  g_assert_cmpuint (ov_account_tasks_get_n_rows (tasks), ==, stored->len);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ov_ui_test_child (tasks, OV_TYPE_ACCOUNT_TASKS,
                                                                     "all_toggle")), FALSE);
}

static void
collect_task_rows (GtkWidget *widget,
                   GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (OV_IS_TASK_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_task_rows (child, rows);
    }
}

static void
walk_adopt (Journey *j)
{
  OvStageWizard *wizard = continue_wizard (j, OV_STAGE_ADOPT);
  OvFieldEditor *tasks_editor = editor (wizard, "tasks");
  GtkWidget *group = ov_field_editor_get_input (tasks_editor);
  g_autoptr(GPtrArray) ticked = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored = NULL;

  expect_step (wizard, 0, "Step 1 of 3");
  shot (wizard, "adopt-1-tasks");
  dark_shot (GTK_WIDGET (wizard), "adopt-1-tasks");

  /* The stage's tasks are listed; tick the first two off. */
  collect_task_rows (group, rows);
  stored = ov_store_list_tasks (j->check, j->id, OV_STAGE_ADOPT, NULL);
  g_assert_cmpuint (rows->len, ==, stored->len);
  g_clear_pointer (&stored, g_ptr_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      OvTaskRow *row = g_ptr_array_index (rows, i);

      ov_task_row_set_done (row, TRUE);
      g_ptr_array_add (ticked, g_strdup (ov_task_get_title (ov_task_row_get_task (row))));
      g_assert_cmpstr (ov_task_row_get_due_text (row), ==, "Done 23 Nov");
    }

  stored = ov_store_list_tasks (j->check, j->id, OV_STAGE_ADOPT, NULL);
  for (guint i = 0; i < stored->len; i++)
    {
      OvTask *task = g_ptr_array_index (stored, i);
      gboolean was_ticked = FALSE;

      for (guint k = 0; k < ticked->len; k++)
        was_ticked |= g_strcmp0 (g_ptr_array_index (ticked, k), ov_task_get_title (task)) == 0;
      g_assert_cmpint (ov_task_is_done (task), ==, was_ticked);
      if (was_ticked)
        g_assert_cmpint (ov_task_get_done_date (task), ==, date (TODAY));
    }
  next (wizard);

  expect_step (wizard, 1, "Step 2 of 3");
  add_items (wizard, "trainings", "Admin training, 4 people", "Dispatcher training, 31 people",
             NULL);
  /* Text left in the add row counts as an item too. */
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (input (wizard, "trainings"),
                                                         OV_TYPE_STRING_LIST_EDITOR, "add_row")),
                         "Finance team walkthrough");
  shot (wizard, "adopt-2-training");
  next (wizard);

  expect_step (wizard, 2, "Step 3 of 3");
  /* Go-live has to have happened: a date after today is refused. */
  type_text (wizard, "golive_date", "2026-12-01");
  type_text (wizard, "first_value_date", "2026-09-20");
  next (wizard);
  g_assert_cmpstr (ov_field_editor_get_error (editor (wizard, "golive_date")), ==,
                   "Go-live date: 2026-12-01 is in the future; record it once it has happened.");
  type_text (wizard, "golive_date", "2026-09-05");
  shot (wizard, "adopt-3-milestones");
  complete (j, wizard, "2026-10-01");
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_GOLIVE), ==,
                   date ("2026-09-05"));
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_FIRST_VALUE), ==,
                   date ("2026-09-20"));
}

static void
walk_review (Journey *j)
{
  OvStageWizard *wizard = continue_wizard (j, OV_STAGE_REVIEW);
  OvFieldEditor *outcomes;
  GtkWidget *combo;

  expect_step (wizard, 0, "Step 1 of 3");
  type_text (wizard, "review_date", "2026-10-20");
  shot (wizard, "review-1-meeting");
  next (wizard);

  expect_step (wizard, 1, "Step 2 of 3");
  outcomes = editor (wizard, "goal_outcomes");
  /* One row per goal from the handoff, in order. */
  combo = ov_field_editor_get_goal_row (outcomes, 0, FALSE);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (combo)), ==,
                   "Orders flow in without re-keying");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     ov_field_editor_get_goal_row (outcomes, 1, FALSE))), ==,
                   "Invoices go out the day a load is delivered");
  g_assert_null (ov_field_editor_get_goal_row (outcomes, 2, FALSE));

  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), OV_GOAL_OUTCOME_MET);
  gtk_editable_set_text (GTK_EDITABLE (ov_field_editor_get_goal_row (outcomes, 0, TRUE)),
                         "No order re-keyed since August.");
  next (wizard);
  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==, 1);
  g_assert_cmpstr (ov_field_editor_get_error (outcomes), ==,
                   "Outcome per goal: say whether “Invoices go out the day a load is delivered” "
                   "was met.");
  shot (wizard, "review-2-goals-refused");

  adw_combo_row_set_selected (ADW_COMBO_ROW (ov_field_editor_get_goal_row (outcomes, 1, FALSE)),
                              OV_GOAL_OUTCOME_PARTLY);
  gtk_editable_set_text (GTK_EDITABLE (ov_field_editor_get_goal_row (outcomes, 1, TRUE)),
                         "Same day for 80% of loads.");
  shot (wizard, "review-2-goals");
  dark_shot (GTK_WIDGET (wizard), "review-2-goals");
  next (wizard);

  expect_step (wizard, 2, "Step 3 of 3");
  type_text (wizard, "metrics_snapshot", "Usage 86% of seats\nNPS 42\nHealth 78");
  shot (wizard, "review-3-metrics");
  complete (j, wizard, "2026-10-21");
}

static void
walk_expand (Journey *j)
{
  OvStageWizard *wizard = continue_wizard (j, OV_STAGE_EXPAND);
  GtkWidget *outcome;
  g_autoptr(OvStageAnswers) saved = NULL;
  g_auto(GStrv) teams = NULL;

  /* Expand has no stage after it: the wizard saves, it cannot skip. */
  g_assert_cmpint (ov_stage_wizard_get_mode (wizard), ==, OV_STAGE_WIZARD_SAVE);
  g_assert_false (gtk_widget_get_visible (wizard_child (wizard, "skip_button")));

  expect_step (wizard, 0, "Step 1 of 2");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (input (wizard, "new_users")), 40);
  add_items (wizard, "new_teams", "Warehouse Leeds", NULL);
  gtk_switch_set_active (GTK_SWITCH (input (wizard, "turnover_handled")), TRUE);
  shot (wizard, "expand-1-growth");
  next (wizard);

  expect_step (wizard, 1, "Step 2 of 2");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (wizard_child (wizard, "next_button"))), ==,
                   "_Save Answers");
  type_text (wizard, "expansion_opportunities", "Customs module for the Rotterdam office.");
  outcome = input (wizard, "renewal_outcome");
  adw_combo_row_set_selected (ADW_COMBO_ROW (outcome), 2);   /* after "Not recorded" */
  next (wizard);
  g_assert_cmpstr (ov_field_editor_get_error (editor (wizard, "renewal_date")), ==,
                   "Renewal date: give the date of the renewal decision.");
  type_text (wizard, "renewal_date", "2026-11-20");
  shot (wizard, "expand-2-renewal");
  dark_shot (GTK_WIDGET (wizard), "expand-2-renewal");
  next (wizard);
  g_assert_true (ov_ui_test_wait (no_wizard, NULL, 5000));
  g_assert_cmpint (ov_account_get_stage (j->account), ==, OV_STAGE_EXPAND);

  saved = ov_store_load_answers (j->check, j->id, OV_STAGE_EXPAND, NULL);
  g_assert_cmpint (ov_stage_answers_get_number (saved, "new_users"), ==, 40);
  teams = ov_stage_answers_dup_list (saved, "new_teams");
  g_assert_cmpstr (teams[0], ==, "Warehouse Leeds");
  g_assert_true (ov_stage_answers_get_bool (saved, "turnover_handled"));
  g_assert_cmpstr (ov_stage_answers_get_choice (saved, "renewal_outcome"), ==, "renewed");
  g_assert_cmpint (ov_stage_answers_get_date (saved, "renewal_date"), ==, date ("2026-11-20"));
}

/* What the core has after the walk. */
static void
assert_stored (Journey *j)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(OvStageAnswers) embark = NULL;
  g_autoptr(OvStageAnswers) adopt = NULL;
  g_autoptr(OvStageAnswers) review = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) handoff_tasks = NULL;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) trainings = NULL;
  const OvGoalResult *result;
  OvDate done_on = OV_DATE_NONE;

  events = ov_store_list_stage_events (j->check, j->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 6);
  assert_event (events, 0, OV_STAGE_EMBARK, 0, FALSE, "2026-06-01");
  assert_event (events, 1, OV_STAGE_HANDOFF, OV_STAGE_EMBARK, FALSE, "2026-06-20");
  assert_event (events, 2, OV_STAGE_KICKOFF, OV_STAGE_HANDOFF, FALSE, "2026-07-06");
  assert_event (events, 3, OV_STAGE_ADOPT, OV_STAGE_KICKOFF, FALSE, "2026-07-10");
  assert_event (events, 4, OV_STAGE_REVIEW, OV_STAGE_ADOPT, FALSE, "2026-10-01");
  assert_event (events, 5, OV_STAGE_EXPAND, OV_STAGE_REVIEW, FALSE, "2026-10-21");

  stored = ov_store_get_account (j->check, j->id, &error);
  g_assert_cmpint (ov_account_get_stage (stored), ==, OV_STAGE_EXPAND);
  g_assert_cmpint (ov_account_get_date (stored, OV_ACCOUNT_DATE_CLOSE), ==, date ("2026-06-18"));
  g_assert_cmpint (ov_account_get_ttfv_days (stored), ==, date ("2026-09-20") - date ("2026-06-18"));

  embark = ov_store_load_answers (j->check, j->id, OV_STAGE_EMBARK, &error);
  g_assert_cmpstr (ov_stage_answers_get_text (embark, "pains"), ==,
                   "Dispatchers re-key every order into three systems & lose a day.");
  g_assert_true (ov_stage_answers_get_check (embark, "package_proposed", &done_on));
  g_assert_cmpint (done_on, ==, date ("2026-06-10"));
  g_assert_false (ov_stage_answers_get_check (embark, "team_introduced", NULL));

  adopt = ov_store_load_answers (j->check, j->id, OV_STAGE_ADOPT, &error);
  trainings = ov_stage_answers_dup_list (adopt, "trainings");
  g_assert_cmpuint (g_strv_length (trainings), ==, 3);
  g_assert_cmpstr (trainings[2], ==, "Finance team walkthrough");

  review = ov_store_load_answers (j->check, j->id, OV_STAGE_REVIEW, &error);
  results = ov_stage_answers_dup_goal_results (review, "goal_outcomes");
  g_assert_cmpuint (results->len, ==, 2);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->outcome, ==, OV_GOAL_OUTCOME_MET);
  g_assert_cmpstr (result->comment, ==, "No order re-keyed since August.");
  result = g_ptr_array_index (results, 1);
  g_assert_cmpint (result->outcome, ==, OV_GOAL_OUTCOME_PARTLY);
  g_assert_cmpstr (ov_stage_answers_get_text (review, "metrics_snapshot"), ==,
                   "Usage 86% of seats\nNPS 42\nHealth 78");

  /* Entering each stage made its tasks, due from the day it was entered. */
  handoff_tasks = ov_store_list_tasks (j->check, j->id, OV_STAGE_HANDOFF, &error);
  g_assert_cmpuint (handoff_tasks->len, >, 0);
  for (guint i = 0; i < handoff_tasks->len; i++)
    {
      OvTask *task = g_ptr_array_index (handoff_tasks, i);

      if (ov_task_get_due_date (task) != OV_DATE_NONE)
        g_assert_cmpint (ov_task_get_due_date (task), >=, date ("2026-06-20"));
    }
  for (OvStage stage = OV_STAGE_KICKOFF; stage <= OV_STAGE_EXPAND; stage++)
    {
      g_autoptr(GPtrArray) tasks = ov_store_list_tasks (j->check, j->id, stage, &error);

      g_assert_cmpuint (tasks->len, >, 0);
    }
}

static void
assert_timeline (Journey *j)
{
  OvAccountTimeline *timeline = OV_ACCOUNT_TIMELINE (page_child (j, "timeline_section"));
  static const struct { OvStage stage; const char *days; const char *subtitle; } rows[] = {
    { OV_STAGE_EMBARK, "19 days", "1 Jun 2026 – 20 Jun 2026" },
    { OV_STAGE_HANDOFF, "16 days", "20 Jun 2026 – 6 Jul 2026" },
    { OV_STAGE_KICKOFF, "4 days", "6 Jul 2026 – 10 Jul 2026" },
    { OV_STAGE_ADOPT, "83 days", "10 Jul 2026 – 1 Oct 2026" },
    { OV_STAGE_REVIEW, "20 days", "1 Oct 2026 – 21 Oct 2026" },
    { OV_STAGE_EXPAND, "33 days so far", "Since 21 Oct 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_cmpstr (ov_account_timeline_get_days_text (timeline, rows[i].stage), ==,
                       rows[i].days);
      g_assert_cmpstr (adw_action_row_get_subtitle (ov_account_timeline_get_row (timeline,
                                                                                 rows[i].stage)),
                       ==, rows[i].subtitle);
    }
  g_assert_cmpstr (ov_account_timeline_get_tag_text (timeline, OV_STAGE_EXPAND), ==, "Current");
  g_assert_cmpstr (ov_account_timeline_get_tag_text (timeline, OV_STAGE_REVIEW), ==, "");
}

/* Scrolls the account page so that @section is at the top. */
static void
scroll_to (Journey    *j,
           GtkWidget  *scrolled,
           const char *section)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport))
                                                  : viewport;
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (page_child (j, section), content,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  ov_ui_test_settle ();
}

/* The page from the top, at the timeline and at the people, for @name. */
static void
page_shots (Journey    *j,
            const char *name)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (page_child (j, "tasks_section"),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_autofree char *top = g_strdup_printf ("journey-page-%s-top", name);
  g_autofree char *timeline = g_strdup_printf ("journey-page-%s-timeline", name);
  g_autofree char *people = g_strdup_printf ("journey-page-%s-people", name);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (j->window));
  gtk_adjustment_set_value (adjustment, 0);
  ov_ui_test_settle ();
  ov_ui_test_screenshot (GTK_WIDGET (j->window), top);

  scroll_to (j, scrolled, "timeline_section");
  ov_ui_test_screenshot (GTK_WIDGET (j->window), timeline);

  scroll_to (j, scrolled, "people_section");
  ov_ui_test_screenshot (GTK_WIDGET (j->window), people);
  gtk_adjustment_set_value (adjustment, 0);
}

/* A past stage's wizard corrects answers; the facts among them reach the
 * account, unless the account's rules refuse them. */
static void
correct_past_stage (Journey *j)
{
  OvStageWizard *wizard;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(OvStageAnswers) answers = NULL;

  click (ov_stage_stepper_get_step (ov_account_page_get_stepper (j->page), OV_STAGE_ADOPT));
  wizard = find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_cmpint (ov_stage_wizard_get_mode (wizard), ==, OV_STAGE_WIZARD_SAVE);
  expect_step (wizard, 0, "Step 1 of 3");
  next (wizard);
  next (wizard);
  expect_step (wizard, 2, "Step 3 of 3");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (wizard_child (wizard, "next_button"))), ==,
                   "_Save Answers");
  g_assert_null (ov_stage_wizard_get_completed_on_row (wizard));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (wizard, "golive_date"))), ==,
                   "2026-09-05");

  /* First value before the close date: the account refuses; nothing kept. */
  type_text (wizard, "first_value_date", "2026-06-10");
  next (wizard);
  g_assert_nonnull (find_window (OV_TYPE_STAGE_WIZARD));
  g_assert_nonnull (strstr (ov_stage_wizard_get_message (wizard), "before the close date"));
  shot (wizard, "adopt-3-milestones-past-refused");
  stored = ov_store_get_account (j->check, j->id, NULL);
  g_assert_cmpint (ov_account_get_date (stored, OV_ACCOUNT_DATE_FIRST_VALUE), ==,
                   date ("2026-09-20"));
  answers = ov_store_load_answers (j->check, j->id, OV_STAGE_ADOPT, NULL);
  g_assert_cmpint (ov_stage_answers_get_date (answers, "first_value_date"), ==,
                   date ("2026-09-20"));
  g_clear_object (&stored);
  g_clear_object (&answers);

  type_text (wizard, "first_value_date", "2026-09-20");
  type_text (wizard, "golive_date", "2026-09-07");
  next (wizard);
  g_assert_true (ov_ui_test_wait (no_wizard, NULL, 5000));
  stored = ov_store_get_account (j->check, j->id, NULL);
  g_assert_cmpint (ov_account_get_date (stored, OV_ACCOUNT_DATE_GOLIVE), ==, date ("2026-09-07"));
  g_assert_cmpint (ov_account_get_stage (stored), ==, OV_STAGE_EXPAND);
  g_assert_cmpint (ov_account_get_date (j->account, OV_ACCOUNT_DATE_GOLIVE), ==,
                   date ("2026-09-07"));
  answers = ov_store_load_answers (j->check, j->id, OV_STAGE_ADOPT, NULL);
  g_assert_cmpint (ov_stage_answers_get_date (answers, "golive_date"), ==, date ("2026-09-07"));
}

static void
skip_a_stage (Journey *j,
              gint64   id)
{
  OvStageStepper *stepper;
  OvStageWizard *wizard;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  OvAccountTimeline *timeline;

  open_account (j, id);
  stepper = ov_account_page_get_stepper (j->page);
  g_assert_cmpint (ov_stage_stepper_get_stage (stepper), ==, OV_STAGE_HANDOFF);

  /* A stage not reached yet does not open. */
  click (ov_stage_stepper_get_step (stepper, OV_STAGE_REVIEW));
  g_assert_null (find_window (OV_TYPE_STAGE_WIZARD));

  /* A past stage opens to edit its answers, never to complete again. */
  click (ov_stage_stepper_get_step (stepper, OV_STAGE_EMBARK));
  wizard = find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_cmpint (ov_stage_wizard_get_mode (wizard), ==, OV_STAGE_WIZARD_SAVE);
  g_assert_false (gtk_widget_get_visible (wizard_child (wizard, "skip_button")));

  /* Closing with something typed asks first; Discard keeps nothing. */
  type_text (wizard, "pains", "Typed and then thought better of.");
  gtk_window_close (GTK_WINDOW (wizard));
  ov_ui_test_settle ();
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Keep the Answers?");
  g_assert_nonnull (find_window (OV_TYPE_STAGE_WIZARD));
  answer (dialog, "_Discard");
  g_assert_true (ov_ui_test_wait (no_wizard, NULL, 5000));
  {
    g_autoptr(OvStageAnswers) kept = ov_store_load_answers (j->check, id, OV_STAGE_EMBARK, NULL);

    g_assert_false (ov_stage_answers_has_value (kept, "pains"));
  }

  click (ov_stage_stepper_get_step (stepper, OV_STAGE_HANDOFF));
  wizard = find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_cmpint (ov_stage_wizard_get_stage (wizard), ==, OV_STAGE_HANDOFF);

  /* Cancel leaves everything as it was. */
  click (wizard_child (wizard, "skip_button"));
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Skip Handoff?");
  ov_ui_test_screenshot (GTK_WIDGET (dialog), "journey-skip-dialog");
  dark_shot (GTK_WIDGET (dialog), "skip-dialog");
  answer (dialog, "_Cancel");
  ov_ui_test_settle ();
  g_assert_cmpint (ov_account_get_stage (j->account), ==, OV_STAGE_HANDOFF);
  events = ov_store_list_stage_events (j->check, id, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Confirmed: recorded as skipped, today, and the account moves on. */
  click (wizard_child (wizard, "skip_button"));
  dialog = find_window (ADW_TYPE_MESSAGE_DIALOG);
  answer (dialog, "_Skip Stage");
  g_assert_true (ov_ui_test_wait (no_wizard, NULL, 5000));
  g_assert_cmpint (ov_account_get_stage (j->account), ==, OV_STAGE_KICKOFF);

  events = ov_store_list_stage_events (j->check, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  assert_event (events, 0, OV_STAGE_HANDOFF, 0, FALSE, "2026-11-01");
  assert_event (events, 1, OV_STAGE_HANDOFF, OV_STAGE_HANDOFF, TRUE, TODAY);
  assert_event (events, 2, OV_STAGE_KICKOFF, OV_STAGE_HANDOFF, FALSE, TODAY);

  ov_ui_test_settle ();
  timeline = OV_ACCOUNT_TIMELINE (page_child (j, "timeline_section"));
  g_assert_cmpstr (ov_account_timeline_get_tag_text (timeline, OV_STAGE_HANDOFF), ==, "Skipped");
  g_assert_cmpstr (ov_account_timeline_get_days_text (timeline, OV_STAGE_HANDOFF), ==, "22 days");
  g_assert_true (gtk_widget_has_css_class (ov_stage_stepper_get_step (stepper, OV_STAGE_HANDOFF),
                                           "skipped"));
  page_shots (j, "skipped");
}

static void
test_journey_all_stages (void)
{
  g_autofree char *db = ov_ui_test_db_path ("journey.db");
  g_autoptr(OvStore) setup = NULL;
  g_autoptr(GError) error = NULL;
  Journey j = { 0 };
  gint64 brightwater, northwind;

  setup = ov_store_open (db, &error);
  g_assert_no_error (error);
  /* Names with "&" and "<…>": no markup wherever they are shown. */
  brightwater = add_account (setup, "Brightwater & Sons <EMEA>", OV_STAGE_EMBARK, "2026-06-01");
  {
    g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (setup, &error);
    OvPlaybook *shipped;

    g_assert_no_error (error);
    shipped = g_ptr_array_index (playbooks, 0);
    ov_playbook_set_name (shipped, "Sales & CS <EMEA>");
    g_assert_true (ov_store_save_playbook (setup, shipped, &error));
    g_assert_no_error (error);
  }
  northwind = add_account (setup, "Northwind Dental Group of the Greater Rhine-Neckar Region",
                           OV_STAGE_HANDOFF, "2026-11-01");
  j.check = g_steal_pointer (&setup);

  j.window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (j.window, "portfolio");
  open_account (&j, brightwater);
  page_shots (&j, "fresh");

  choose_playbook (&j);
  walk_embark (&j);
  add_people (&j);
  walk_handoff (&j);
  walk_kickoff (&j);
  work_tasks (&j);
  page_shots (&j, "adopt");
  dark_shot (GTK_WIDGET (j.window), "page-adopt");
  walk_adopt (&j);
  walk_review (&j);
  walk_expand (&j);
  assert_stored (&j);
  ov_ui_test_settle ();
  assert_timeline (&j);
  page_shots (&j, "expand");
  correct_past_stage (&j);

  skip_a_stage (&j, northwind);

  /* Narrow: the account page and a wizard at 400 pixels, in a second
   * window made that narrow from the start (shrinking a shown window makes
   * the view switcher bar slide in, which this test is not about). */
  {
    OvApplication *app = OV_APPLICATION (gtk_window_get_application (GTK_WINDOW (j.window)));
    OvWindow *narrow = ov_window_new (app, db);
    OvStageWizard *wizard;

    gtk_window_set_default_size (GTK_WINDOW (narrow), 400, 800);
    gtk_window_present (GTK_WINDOW (narrow));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (narrow));
    ov_ui_test_wait_state (narrow, "portfolio");
    gtk_test_widget_wait_for_draw (GTK_WIDGET (narrow));
    ov_ui_test_settle ();
    ov_ui_test_close_window (j.window);
    j.window = narrow;

    open_account (&j, brightwater);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (j.window));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (j.window)), <=, 440);
    page_shots (&j, "narrow");
    dark_shot (GTK_WIDGET (j.window), "page-narrow");

    click (ov_stage_stepper_get_step (ov_account_page_get_stepper (j.page), OV_STAGE_KICKOFF));
    wizard = find_window (OV_TYPE_STAGE_WIZARD);
    g_assert_nonnull (wizard);
    gtk_window_set_default_size (GTK_WINDOW (wizard), 400, 720);
    ov_ui_test_settle ();
    next (wizard);
    expect_step (wizard, 1, "Step 2 of 2");
    shot (wizard, "narrow-kickoff-2-plan");
    dark_shot (GTK_WIDGET (wizard), "narrow-kickoff-2-plan");
    gtk_window_close (GTK_WINDOW (wizard));
    g_assert_true (ov_ui_test_wait (no_wizard, NULL, 5000));
  }

  g_clear_object (&j.check);
  ov_ui_test_close_window (j.window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/journey/all-stages", test_journey_all_stages);

  return g_test_run ();
}
