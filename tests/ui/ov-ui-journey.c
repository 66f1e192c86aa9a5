/* ov-ui-journey.c — driving the account page and the stage wizards in the
 * journey tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journey-test-support.h"
#include "ov-accounts-view.h"
#include "ov-stage-stepper.h"
#include "ov-string-list-editor.h"
#include "ov-ui-journey.h"

gint64
journey_add_account (OvStore    *store,
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
                                           jt_date (entered), NULL, &error));
  g_assert_no_error (error);
  return ov_account_get_id (account);
}

void
journey_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ov_ui_test_settle ();
}

/* Answers a message dialog by clicking the button labelled @label. */
void
journey_answer (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = ov_ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  journey_click (button);
  g_assert_null (ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

gboolean
journey_no_wizard (gpointer data)
{
  return ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD) == NULL;
}

void
journey_open_account (Journey *j,
                      gint64   id)
{
  GtkWidget *accounts_view;

  gtk_widget_activate_action (GTK_WIDGET (j->window), "win.open-account", "x", id);
  ov_ui_test_settle ();
  accounts_view = ov_ui_test_child (j->window, OV_TYPE_WINDOW, "accounts_view");
  j->page = ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view));
  j->account = ov_account_page_get_account (j->page);
  j->id = id;
  g_assert_cmpint (ov_account_get_id (j->account), ==, id);
}

GtkWidget *
journey_page_child (Journey    *j,
                    const char *name)
{
  return ov_ui_test_child (j->page, OV_TYPE_ACCOUNT_PAGE, name);
}

/* Opens the current stage's wizard with the page's big button. */
OvStageWizard *
journey_continue_wizard (Journey *j,
                         OvStage  stage)
{
  OvStageWizard *wizard;
  g_autofree char *label = NULL;

  label = g_strdup_printf (stage == OV_STAGE_EXPAND ? "_Open %s…" : "_Continue %s…",
                           ov_stage_get_title (stage));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (journey_page_child (j, "continue_button"))),
                   ==, label);
  journey_click (journey_page_child (j, "continue_button"));

  wizard = ov_ui_test_find_window (OV_TYPE_STAGE_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_cmpint (ov_stage_wizard_get_stage (wizard), ==, stage);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));
  return wizard;
}

OvFieldEditor *
journey_editor (OvStageWizard *wizard,
                const char    *field_id)
{
  OvFieldEditor *result = ov_stage_wizard_get_editor (wizard, field_id);

  g_assert_nonnull (result);
  return result;
}

GtkWidget *
journey_input (OvStageWizard *wizard,
               const char    *field_id)
{
  return ov_field_editor_get_input (journey_editor (wizard, field_id));
}

GtkWidget *
journey_wizard_child (OvStageWizard *wizard,
                      const char    *name)
{
  return ov_ui_test_child (wizard, OV_TYPE_STAGE_WIZARD, name);
}

void
journey_type_text (OvStageWizard *wizard,
                   const char    *field_id,
                   const char    *text)
{
  GtkWidget *widget = journey_input (wizard, field_id);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

char *
journey_shown_text (OvStageWizard *wizard,
                    const char    *field_id)
{
  GtkWidget *widget = journey_input (wizard, field_id);
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), &start,
                                   &end, FALSE);
}

/* Ticks a checklist item; the date row appears with today, then takes @iso. */
void
journey_tick (OvStageWizard *wizard,
              const char    *field_id,
              const char    *iso)
{
  OvFieldEditor *field = journey_editor (wizard, field_id);
  OvDateRow *row = ov_field_editor_get_date_row (field);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ov_field_editor_get_input (field)), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, TODAY);
  gtk_editable_set_text (GTK_EDITABLE (row), iso);
}

/* Types each item into the list's "add" row and presses Enter. */
void
journey_add_items (OvStageWizard *wizard,
                   const char    *field_id,
                   ...)
{
  GtkWidget *list = journey_input (wizard, field_id);
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

void
journey_expect_step (OvStageWizard *wizard,
                     guint          step,
                     const char    *progress)
{
  const OvWizardStep *shown = ov_wizard_get_step (ov_stage_wizard_get_stage (wizard), step);
  GtkWidget *pages = journey_wizard_child (wizard, "pages_stack");
  GtkWidget *label = journey_wizard_child (wizard, "progress_label");
  GtkWidget *bar = journey_wizard_child (wizard, "progress_bar");

  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==, step);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pages)), ==,
                   ov_wizard_step_get_id (shown));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, progress);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)),
                                  (double)(step + 1) / ov_stage_wizard_get_n_steps (wizard),
                                  0.001);
}

void
journey_shot (OvStageWizard *wizard,
              const char    *name)
{
  g_autofree char *full = g_strdup_printf ("journey-%s", name);

  ov_ui_test_settle ();
  ov_ui_test_screenshot (GTK_WIDGET (wizard), full);
}

void
journey_dark_shot (GtkWidget  *widget,
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

void
journey_next (OvStageWizard *wizard)
{
  journey_click (journey_wizard_child (wizard, "next_button"));
}

/* Sets the completion date on the last step and completes; the wizard
 * closes and the page shows the next stage. */
void
journey_complete (Journey       *j,
                  OvStageWizard *wizard,
                  const char    *on)
{
  OvStage stage = ov_stage_wizard_get_stage (wizard);

  g_assert_cmpuint (ov_stage_wizard_get_step (wizard), ==,
                    ov_stage_wizard_get_n_steps (wizard) - 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (journey_wizard_child (wizard, "next_button"))),
                   ==, "_Complete Stage");
  gtk_editable_set_text (GTK_EDITABLE (ov_stage_wizard_get_completed_on_row (wizard)), on);
  journey_next (wizard);

  g_assert_true (ov_ui_test_wait (journey_no_wizard, NULL, 5000));
  g_assert_cmpint (ov_account_get_stage (j->account), ==, stage + 1);
  g_assert_cmpint (ov_stage_stepper_get_stage (ov_account_page_get_stepper (j->page)), ==,
                   stage + 1);
}

void
journey_assert_event (GPtrArray  *events,
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
  g_assert_cmpint (event->happened_on, ==, jt_date (on));
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

  g_assert_true (gtk_widget_compute_point (journey_page_child (j, section), content,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  ov_ui_test_settle ();
}

/* The page from the top, at the timeline and at the people, for @name. */
void
journey_page_shots (Journey    *j,
                    const char *name)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (journey_page_child (j, "tasks_section"),
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
