/* test-narrow.c — a 400 px window in German: stepper labels whole, the
 * accounts as rows, the views' bar whole, and Tab never landing on a whole
 * dashboard card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-dashboard-view.h"
#include "ov-playbook-editor.h"
#include "ov-playbook-task-row.h"
#include "ov-playbooks-view.h"
#include "ov-stage-stepper.h"
#include "ov-store-content.h"
#include "ov-ui-test.h"

#define SOFT_HYPHEN "\xc2\xad"

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* @text without its soft hyphens. */
static char *
without_break_points (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, SOFT_HYPHEN, -1);

  return g_strjoinv ("", parts);
}

/* The label's text fits its width: not ellipsized, no line wider than the
 * label, every line but the last ending at a break point (a space or a
 * soft hyphen, shown as a hyphen), and the label inside the window. */
static void
assert_label_whole (GtkWidget *label,
                    GtkWidget *window)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = pango_layout_get_text (layout);
  int n_lines = pango_layout_get_line_count (layout);
  PangoRectangle logical;
  graphene_rect_t bounds;

  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  g_assert_cmpint (logical.width, <=, gtk_widget_get_width (label));
  g_assert_cmpint (gtk_widget_get_width (label), >, 0);

  for (int i = 0; i + 1 < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      const char *end = text + line->start_index + line->length;

      g_assert_true ((end - text >= 2 && memcmp (end - 2, SOFT_HYPHEN, 2) == 0) ||
                     end[-1] == ' ');
    }

  g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
}

static OvAccount *
first_account (OvWindow *window)
{
  g_autoptr(OvAccount) account = g_list_model_get_item (G_LIST_MODEL (ov_window_get_accounts (window)), 0);

  g_assert_nonnull (account);
  return account;
}

/* A 400 px window on a new sample portfolio in @db, on its accounts. */
static OvWindow *
open_narrow_accounts (const char  *db,
                      GtkWidget  **view)
{
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  g_autoptr(GError) error = NULL;
  OvWindow *window;

  g_assert_true (ov_sample_generate (store, OV_SAMPLE_DEFAULT_ACCOUNTS, OV_SAMPLE_DEFAULT_SEED,
                                     ov_date_today (), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  window = ov_ui_test_open_narrow_window (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");
  *view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  return window;
}

static void
test_stepper_german (void)
{
  g_autofree char *db = ov_ui_test_db_path ("stepper.db");
  OvStageStepper *stepper;
  GtkWidget *view, *page;
  OvWindow *window;

  /* The stepper speaks German here (main() sets LANGUAGE=de). */
  g_assert_cmpstr (ov_stage_get_title (OV_STAGE_ADOPT), ==, "Einführung");

  window = open_narrow_accounts (db, &view);
  ov_accounts_view_show_account (OV_ACCOUNTS_VIEW (view), first_account (window));
  ov_ui_test_settle ();
  page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (view)));
  stepper = ov_account_page_get_stepper (OV_ACCOUNT_PAGE (page));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      GtkWidget *label = find_with_class (ov_stage_stepper_get_step (stepper, stage), "stage-title");
      g_autofree char *shown = NULL;

      g_assert_nonnull (label);
      shown = without_break_points (gtk_label_get_label (GTK_LABEL (label)));
      g_assert_cmpstr (shown, ==, ov_stage_get_title (stage));
      assert_label_whole (label, GTK_WIDGET (window));
    }

  ov_ui_test_shoot (GTK_WIDGET (window), "narrow-stepper-german");
  ov_ui_test_close_window (window);
}

/* At 400 px the accounts are rows of name, stage and owner, and ARR; a
 * wide window keeps the table. */
static void
test_accounts_rows (void)
{
  g_autofree char *db = ov_ui_test_db_path ("rows.db");
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *arr = NULL;
  g_autofree char *stage = NULL;
  GtkWidget *view, *squeezer, *narrow_list;
  OvAccount *account;
  OvWindow *window;

  window = open_narrow_accounts (db, &view);
  squeezer = ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "width_squeezer");
  narrow_list = ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "narrow_list");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ov_ui_test_settle ();

  g_assert_true (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) ==
                 gtk_widget_get_ancestor (narrow_list, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_get_mapped (narrow_list));
  g_assert_false (gtk_widget_get_mapped (ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "column_view")));
  g_assert_false (gtk_widget_get_visible (ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "columns_button")));
  g_assert_nonnull (gtk_list_view_get_model (GTK_LIST_VIEW (narrow_list)));

  /* The first row: the first account's name, its stage and owner, ARR. */
  account = first_account (window);
  g_object_get (account, "arr-text", &arr, "stage-title", &stage, NULL);
  texts = ov_ui_test_labels (narrow_list);
  g_assert_cmpuint (texts->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, ov_account_get_name (account));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, 1), stage));
  g_assert_nonnull (strstr (g_ptr_array_index (texts, 1), ov_account_get_owner (account)));
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, arr);
  g_assert_cmpint (gtk_widget_get_width (narrow_list), <=, 400);
  ov_ui_test_shoot (GTK_WIDGET (window), "narrow-accounts-rows");

  /* Activating a row opens the account. */
  g_signal_emit_by_name (narrow_list, "activate", 0);
  ov_ui_test_settle ();
  g_assert_true (ov_account_page_get_account (
                   ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (view))) == account);
  ov_ui_test_close_window (window);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");
  view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  squeezer = ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "width_squeezer");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ov_ui_test_settle ();
  g_assert_true (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) ==
                 gtk_widget_get_ancestor (ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "column_view"),
                                          GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_get_visible (ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "columns_button")));
  /* The hidden narrow rows have no model to follow. */
  g_assert_nonnull (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "column_view"))));
  g_assert_null (gtk_list_view_get_model (
    GTK_LIST_VIEW (ov_ui_test_child (view, OV_TYPE_ACCOUNTS_VIEW, "narrow_list"))));
  ov_ui_test_close_window (window);
}

static void
collect_drawn_labels (GtkWidget *widget,
                      GPtrArray *labels)
{
  if (!gtk_widget_is_drawable (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_drawn_labels (child, labels);
}

/* The bottom bar of a narrow window names all seven views whole, in
 * German ("Antworten", "Aufgaben"), though Adwaita lets them ellipsize. */
static void
test_view_bar_german (void)
{
  g_autofree char *db = ov_ui_test_db_path ("bar.db");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  GtkWidget *view, *bar;
  OvWindow *window;

  window = open_narrow_accounts (db, &view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ov_ui_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  bar = find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (bar);
  collect_drawn_labels (bar, labels);
  g_assert_cmpuint (labels->len, ==, 7);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      PangoRectangle logical;

      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", gtk_label_get_text (label));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      pango_layout_get_pixel_extents (gtk_label_get_layout (label), NULL, &logical);
      g_assert_cmpint (logical.width, <=, gtk_widget_get_width (GTK_WIDGET (label)));
    }
  g_assert_cmpstr (names->str, ==,
                   "Dashboard Konten Playbooks Einblicke Antworten Aufgaben Inhalte");

  ov_ui_test_close_window (window);
}

/* Tab goes through the dashboard's rows and buttons, never onto a card
 * as a whole (a flow box child, or a box styled as a card). */
static void
test_dashboard_tab_stops (void)
{
  OvWindow *window = ov_ui_test_open_sample_window ("tab.db");
  GtkWidget *dashboard;
  guint in_dashboard = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ov_ui_test_settle ();

  for (guint i = 0; i < 120; i++)
    {
      GtkWidget *focus;

      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || !gtk_widget_is_ancestor (focus, dashboard))
        continue;

      in_dashboard++;
      g_assert_false (GTK_IS_FLOW_BOX_CHILD (focus));
      g_assert_false (gtk_widget_has_css_class (focus, "card"));
      g_assert_null (find_with_class (focus, "stat-card"));
    }

  /* Tab did go through the dashboard: its rows are stops. */
  g_assert_cmpuint (in_dashboard, >, 0);
  ov_ui_test_close_window (window);
}

/* A task's training in German at 400 px: the item's title, markup
 * characters and all, whole under "Schulung", and the task's summary
 * naming the format. */
static void
test_playbook_training (void)
{
  g_autofree char *db = ov_ui_test_db_path ("narrow-training.db");
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
  g_autoptr(OvContentItem) item = ov_content_item_new ("Setup & <Admin> Course",
                                                       OV_CONTENT_FORMAT_COURSE);
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  OvWindow *window;
  GtkWidget *view, *list_box, *editor, *row, *combo, *label;

  g_assert_true (ov_sample_generate (store, OV_SAMPLE_DEFAULT_ACCOUNTS, OV_SAMPLE_DEFAULT_SEED,
                                     ov_date_today (), &error));
  g_assert_true (ov_store_add_content_item (store, item, &error));
  g_assert_no_error (error);
  playbooks = ov_store_list_playbooks (store, &error);
  tasks = ov_playbook_dup_tasks (g_ptr_array_index (playbooks, 0), OV_STAGE_EMBARK);
  ov_playbook_task_set_content (g_ptr_array_index (tasks, 0), item);
  g_assert_true (ov_store_save_playbook (store, g_ptr_array_index (playbooks, 0), &error));
  g_assert_no_error (error);

  window = ov_ui_test_open_narrow_window (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_window_get_view (OV_WINDOW (window), "playbooks");
  list_box = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "list_box");
  editor = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "editor");
  gtk_test_widget_wait_for_draw (view);
  g_signal_emit_by_name (list_box, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0));
  ov_ui_test_settle ();

  row = ov_playbook_editor_get_task_row (OV_PLAYBOOK_EDITOR (editor), OV_STAGE_EMBARK, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  ov_ui_test_settle ();
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                                   " · Kurs: Setup & <Admin> Course"));
  combo = ov_ui_test_child (row, OV_TYPE_PLAYBOOK_TASK_ROW, "training_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (combo)), ==, "Schulung");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (combo)), ==,
                   "Setup & <Admin> Course (Kurs)");
  gtk_test_widget_wait_for_draw (combo);

  /* The subtitle label shows the title as written, whole, in the window. */
  label = ov_ui_test_find_label (combo, "Setup & <Admin> Course (Kurs)");
  g_assert_nonnull (label);
  assert_label_whole (label, GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  ov_ui_test_scroll_to (row, FALSE);
  ov_ui_test_shoot (GTK_WIDGET (window), "playbook-training-narrow-de");
  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  /* German from the catalogues built with the tests (tests/ui/meson.build
   * sets OVERTURE_LOCALEDIR), as the app reads them. */
  g_assert_nonnull (g_getenv ("OVERTURE_LOCALEDIR"));
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OVERTURE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/narrow/stepper-german", test_stepper_german);
  g_test_add_func ("/narrow/accounts-rows", test_accounts_rows);
  g_test_add_func ("/narrow/dashboard-tab-stops", test_dashboard_tab_stops);
  g_test_add_func ("/narrow/view-bar-german", test_view_bar_german);
  g_test_add_func ("/narrow/playbook-training", test_playbook_training);

  return g_test_run ();
}
