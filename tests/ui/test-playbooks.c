/* test-playbooks.c — the Playbooks view, the dashboard's task lists, the
 * overdue reminder and the preferences, driven like a user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit made through the widgets is checked in the database through a
 * second connection; every refusal is checked to have changed nothing.
 * Screenshots (light and dark, wide and 400 px) go to the build tree.
 */

#include "config.h"

#include <string.h>

#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-dashboard-tasks.h"
#include "ov-dashboard-view.h"
#include "ov-overdue-reminder.h"
#include "ov-playbook-editor.h"
#include "ov-playbook-task-row.h"
#include "ov-playbooks-view.h"
#include "ov-preferences-window.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

/* Helpers */

/* Light, then dark, under @name and @name-dark. */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwColorScheme before = adw_style_manager_get_color_scheme (style);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  ov_ui_test_settle ();
  ov_ui_test_screenshot (widget, name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ov_ui_test_settle ();
  ov_ui_test_screenshot (widget, dark);

  adw_style_manager_set_color_scheme (style, before);
  ov_ui_test_settle ();
}

/* Scrolls the page holding @widget to its top, or to @widget. */
static void
scroll_to (GtkWidget *widget,
           gboolean   top_of_page)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  if (top_of_page)
    {
      gtk_adjustment_set_value (adjustment, 0);
    }
  else
    {
      g_assert_true (gtk_widget_compute_point (widget,
                                               gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (adjustment, point.y - 12);
    }

  ov_ui_test_settle ();
  gtk_test_widget_wait_for_draw (widget);
}

/* Another window on @db, 400 px wide from the start. (Narrowing a window
 * already shown slides the view switcher bar in, and GTK 4.8 allocates its
 * action bar at a negative height for a frame, which it warns about.) */
static OvWindow *
open_narrow_window (const char *db)
{
  OvWindow *window;

  g_setenv ("OVERTURE_TEST_SIZE", "400x760", TRUE);
  window = ov_ui_test_open_window (db);
  g_unsetenv ("OVERTURE_TEST_SIZE");
  ov_ui_test_wait_state (window, "portfolio");
  return window;
}

static gboolean
not_busy (gpointer data)
{
  return !ov_playbooks_view_get_busy (OV_PLAYBOOKS_VIEW (data));
}

static void
wait_not_busy (GtkWidget *view)
{
  g_assert_true (ov_ui_test_wait (not_busy, view, 10000));
}

static OvStore *
open_check (const char *db)
{
  g_autoptr(GError) error = NULL;
  OvStore *store = ov_store_open (db, &error);

  g_assert_no_error (error);
  return store;
}

static OvPlaybook *
stored_playbook (OvStore *store,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  OvPlaybook *playbook = ov_store_get_playbook (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (playbook);
  return playbook;
}

/* Stage, title, description, role and offset of every task, in order. */
static char *
describe_tasks (OvPlaybook *playbook)
{
  g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      OvPlaybookTask *task = g_ptr_array_index (tasks, i);

      g_string_append_printf (out, "%s|%s|%s|%s|%d\n",
                              ov_stage_get_id (ov_playbook_task_get_stage (task)),
                              ov_playbook_task_get_title (task),
                              ov_playbook_task_get_description (task),
                              ov_playbook_task_get_role (task),
                              ov_playbook_task_get_day_offset (task));
    }

  return g_string_free (out, FALSE);
}

/* Every live playbook, with its facts and tasks: equal dumps mean nothing
 * changed. */
static char *
describe_all (OvStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < playbooks->len; i++)
    {
      OvPlaybook *playbook = g_ptr_array_index (playbooks, i);
      g_autofree char *tasks = describe_tasks (playbook);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%s|%s|%s|%d\n%s",
                              ov_playbook_get_id (playbook),
                              ov_playbook_get_name (playbook),
                              ov_playbook_get_description (playbook),
                              ov_playbook_get_segment (playbook),
                              ov_playbook_get_is_default (playbook), tasks);
    }

  return g_string_free (out, FALSE);
}

static guint
n_playbooks (OvStore *store)
{
  g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (store, NULL);

  return playbooks->len;
}

/* The texts of the visible labels under @widget, in order. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer)gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static GPtrArray *
labels_of (GtkWidget *widget)
{
  GPtrArray *texts = g_ptr_array_new ();

  collect_labels (widget, texts);
  return texts;
}

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  return ov_ui_test_child (widget, type, name);
}

static void
apply_text (GtkWidget  *row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  ov_ui_test_settle ();
}

static GtkWidget *
task_row (GtkWidget *editor,
          OvStage    stage,
          guint      position)
{
  GtkWidget *row = ov_playbook_editor_get_task_row (OV_PLAYBOOK_EDITOR (editor), stage, position);

  g_assert_nonnull (row);
  return row;
}

/* Fills in the task at @position of @stage through its row's fields. */
static void
edit_task (GtkWidget  *editor,
           OvStage     stage,
           guint       position,
           const char *title,
           const char *description,
           const char *role,
           int         offset)
{
  GtkWidget *row = task_row (editor, stage, position);

  apply_text (template_child (row, OV_TYPE_PLAYBOOK_TASK_ROW, "title_row"), title);
  row = task_row (editor, stage, position);
  apply_text (template_child (row, OV_TYPE_PLAYBOOK_TASK_ROW, "description_row"), description);
  row = task_row (editor, stage, position);
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (row, OV_TYPE_PLAYBOOK_TASK_ROW,
                                                             "role_row")),
                              ov_role_get_index (role));
  ov_ui_test_settle ();
  row = task_row (editor, stage, position);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (template_child (row, OV_TYPE_PLAYBOOK_TASK_ROW,
                                                              "offset_spin")),
                             offset);
  ov_ui_test_settle ();
}

static guint
n_rows (GtkWidget *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), n) != NULL)
    n++;

  return n;
}

static GtkWidget *
find_message_dialog (void)
{
  /* Owned by GTK. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static OvWindow *
open_sample_window (const char *name)
{
  g_autofree char *db = ov_ui_test_db_path (name);
  g_autoptr(OvStore) store = open_check (db);
  g_autoptr(GError) error = NULL;
  OvWindow *window;

  g_assert_true (ov_sample_generate (store, OV_SAMPLE_DEFAULT_ACCOUNTS, OV_SAMPLE_DEFAULT_SEED,
                                     ov_date_today (), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  return window;
}

/* The Playbooks view */

static void
test_playbooks_view (void)
{
  g_autofree char *db = ov_ui_test_db_path ("playbooks.db");
  g_autofree char *json_path = ov_ui_test_db_path ("shared-playbook.json");
  g_autofree char *bad_path = ov_test_fixture_path ("playbooks", "bad-role.json", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvPlaybook) stored = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original_tasks = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  OvWindow *window;
  GtkWidget *view, *list_box, *editor, *leaflet, *stack, *name_row, *segment_row, *title_row;
  GtkWidget *dialog, *row;
  gint64 id, copy_id, imported_id, last_id;
  guint n_before;

  window = open_sample_window ("playbooks.db");
  check = open_check (db);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_ui_test_child (window, OV_TYPE_WINDOW, "playbooks_view");
  list_box = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "list_box");
  editor = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "editor");
  leaflet = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "leaflet");
  stack = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "stack");
  gtk_test_widget_wait_for_draw (view);
  g_assert_true (gtk_widget_get_mapped (view));

  /* The list shows what is stored: the shipped playbook, marked default,
   * with its number of tasks; a wide window shows it in the editor. */
  g_assert_cmpuint (n_rows (list_box), ==, n_playbooks (check));
  g_assert_cmpuint (n_rows (list_box), >=, 1);
  texts = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0)));
  {
    g_autoptr(GPtrArray) playbooks = ov_store_list_playbooks (check, NULL);
    OvPlaybook *first = g_ptr_array_index (playbooks, 0);
    g_autofree char *n_tasks = g_strdup_printf ("%u tasks", ov_playbook_get_n_tasks (first, 0));

    g_assert_true (ov_playbook_get_is_default (first));
    g_assert_cmpuint (texts->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, ov_playbook_get_name (first));
    g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, n_tasks);
    g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "Default");
    g_assert_cmpint (ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view)), ==,
                     ov_playbook_get_id (first));
  }
  g_clear_pointer (&texts, g_ptr_array_unref);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  shoot (GTK_WIDGET (window), "playbooks-list");

  /* Create: stored at once under a provisional name, shown in the editor. */
  n_before = n_playbooks (check);
  gtk_widget_activate_action (view, "playbooks.new", NULL);
  ov_ui_test_settle ();
  id = ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view));
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpuint (n_playbooks (check), ==, n_before + 1);
  g_assert_cmpuint (n_rows (list_box), ==, n_before + 1);
  g_assert_cmpint (ov_playbook_editor_get_playbook_id (OV_PLAYBOOK_EDITOR (editor)), ==, id);
  stored = stored_playbook (check, id);
  g_assert_cmpstr (ov_playbook_get_name (stored), ==, "New Playbook");
  g_assert_cmpuint (ov_playbook_get_n_tasks (stored, 0), ==, 0);
  g_clear_object (&stored);

  name_row = template_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "name_row");
  apply_text (name_row, "Renewal & Rescue <EMEA>");
  stored = stored_playbook (check, id);
  g_assert_cmpstr (ov_playbook_get_name (stored), ==, "Renewal & Rescue <EMEA>");
  g_clear_object (&stored);

  /* Tasks in two stages, with roles and offsets, through their rows. */
  gtk_widget_activate_action (editor, "editor.add-task", "i", (int)OV_STAGE_KICKOFF);
  ov_ui_test_settle ();
  edit_task (editor, OV_STAGE_KICKOFF, 0, "Agree the go-live date",
             "Write it in the kickoff notes", "csm", 2);
  gtk_widget_activate_action (editor, "editor.add-task", "i", (int)OV_STAGE_KICKOFF);
  ov_ui_test_settle ();
  edit_task (editor, OV_STAGE_KICKOFF, 1, "Name the first-value milestone", "", "onboarding", 5);
  gtk_widget_activate_action (editor, "editor.add-task", "i", (int)OV_STAGE_ADOPT);
  ov_ui_test_settle ();
  edit_task (editor, OV_STAGE_ADOPT, 0, "Run the admin training", "Two sessions of an hour",
             "training", 14);

  stored = stored_playbook (check, id);
  original_tasks = describe_tasks (stored);
  g_assert_cmpstr (original_tasks, ==,
                   "kickoff|Agree the go-live date|Write it in the kickoff notes|csm|2\n"
                   "kickoff|Name the first-value milestone||onboarding|5\n"
                   "adopt|Run the admin training|Two sessions of an hour|training|14\n");
  g_clear_object (&stored);
  g_clear_pointer (&original_tasks, g_free);

  /* The row shows the stored task. */
  row = task_row (editor, OV_STAGE_ADOPT, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Run the admin training");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Training · due 14 days into the stage");

  /* Reorder: the second Kickoff task moves up. */
  g_signal_emit_by_name (task_row (editor, OV_STAGE_KICKOFF, 1), "move", -1);
  ov_ui_test_settle ();
  stored = stored_playbook (check, id);
  original_tasks = describe_tasks (stored);
  g_assert_cmpstr (original_tasks, ==,
                   "kickoff|Name the first-value milestone||onboarding|5\n"
                   "kickoff|Agree the go-live date|Write it in the kickoff notes|csm|2\n"
                   "adopt|Run the admin training|Two sessions of an hour|training|14\n");
  g_clear_object (&stored);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (task_row (editor,
                                                                                 OV_STAGE_KICKOFF,
                                                                                 0))),
                   ==, "Name the first-value milestone");

  /* Remove: a task added by mistake goes again. */
  gtk_widget_activate_action (editor, "editor.add-task", "i", (int)OV_STAGE_ADOPT);
  ov_ui_test_settle ();
  stored = stored_playbook (check, id);
  g_assert_cmpuint (ov_playbook_get_n_tasks (stored, OV_STAGE_ADOPT), ==, 2);
  g_clear_object (&stored);
  g_signal_emit_by_name (task_row (editor, OV_STAGE_ADOPT, 1), "remove");
  ov_ui_test_settle ();
  g_assert_null (ov_playbook_editor_get_task_row (OV_PLAYBOOK_EDITOR (editor), OV_STAGE_ADOPT, 1));
  stored = stored_playbook (check, id);
  after = describe_tasks (stored);
  g_assert_cmpstr (after, ==, original_tasks);
  g_clear_object (&stored);
  g_clear_pointer (&after, g_free);

  /* A blank task title is refused at the field with the core's message. */
  title_row = template_child (task_row (editor, OV_STAGE_KICKOFF, 1), OV_TYPE_PLAYBOOK_TASK_ROW,
                              "title_row");
  apply_text (title_row, "   ");
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==,
                   "Kickoff, task 2: a task needs a title.");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  {
    GtkWidget *refused = task_row (editor, OV_STAGE_KICKOFF, 1);
    GtkWidget *message = template_child (refused, OV_TYPE_PLAYBOOK_TASK_ROW, "message_label");

    /* Right under the field, in the row of the task. */
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), ==,
                     "Kickoff, task 2: a task needs a title.");
    g_assert_true (gtk_widget_is_visible (message));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "   ");
  }
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (task_row (editor,
                                                                            OV_STAGE_KICKOFF,
                                                                            1))));
  stored = stored_playbook (check, id);
  after = describe_tasks (stored);
  g_assert_cmpstr (after, ==, original_tasks);
  g_clear_object (&stored);
  g_clear_pointer (&after, g_free);
  shoot (GTK_WIDGET (window), "playbooks-editor-refused");

  /* So is a blank name; fixing it clears the message. */
  apply_text (name_row, "");
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==,
                   "Name: a playbook needs a name.");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  {
    GtkWidget *message = template_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "details_error");

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), ==,
                     "Name: a playbook needs a name.");
    g_assert_true (gtk_widget_is_visible (message));
  }
  /* The task's title, never stored blank, shows the stored one again. */
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Agree the go-live date");
  stored = stored_playbook (check, id);
  g_assert_cmpstr (ov_playbook_get_name (stored), ==, "Renewal & Rescue <EMEA>");
  g_clear_object (&stored);

  /* Rename, and make it the playbook of a segment: the list follows. */
  apply_text (name_row, "Renewal & Rescue <EMEA> Plan");
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==, "");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  segment_row = template_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "segment_row");

  /* The segments of the portfolio's accounts, offered in a list. */
  {
    GtkWidget *segments = template_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "segment_list");
    GtkListBoxRow *smb = NULL;
    g_autoptr(GString) offered = g_string_new (NULL);

    /* What opening the list does (a popover cannot be placed on the
     * test's small virtual screen). */
    ov_playbook_editor_update_segments (OV_PLAYBOOK_EDITOR (editor));
    for (guint i = 0; i < n_rows (segments); i++)
      {
        GtkListBoxRow *segment = gtk_list_box_get_row_at_index (GTK_LIST_BOX (segments), i);
        const char *text = gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (segment)));

        g_string_append_printf (offered, "%s;", text);
        if (g_strcmp0 (text, "SMB") == 0)
          smb = segment;
      }
    g_assert_cmpstr (offered->str, ==, "Enterprise;Mid-Market;Public Sector;SMB;No Segment;");
    g_signal_emit_by_name (segments, "row-activated", smb);
    ov_ui_test_settle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (segment_row)), ==, "SMB");
    stored = stored_playbook (check, id);
    g_assert_cmpstr (ov_playbook_get_segment (stored), ==, "SMB");
    g_clear_object (&stored);
  }

  /* Typed, too. */
  apply_text (segment_row, "Enterprise");
  stored = stored_playbook (check, id);
  g_assert_cmpstr (ov_playbook_get_name (stored), ==, "Renewal & Rescue <EMEA> Plan");
  g_assert_cmpstr (ov_playbook_get_segment (stored), ==, "Enterprise");
  g_clear_object (&stored);
  texts = labels_of (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list_box))));
  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Renewal & Rescue <EMEA> Plan");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "3 tasks · default for Enterprise");
  g_clear_pointer (&texts, g_ptr_array_unref);
  stored = stored_playbook (check, id);
  original_tasks = describe_tasks (stored);
  g_clear_object (&stored);

  /* The default switch takes the role from the shipped playbook, and
   * gives it back when that one is switched on again. */
  {
    GtkWidget *default_switch = template_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "default_switch");
    g_autoptr(GPtrArray) playbooks = NULL;
    gint64 shipped_id;

    gtk_switch_set_active (GTK_SWITCH (default_switch), TRUE);
    ov_ui_test_settle ();
    playbooks = ov_store_list_playbooks (check, NULL);
    g_assert_cmpint (ov_playbook_get_id (g_ptr_array_index (playbooks, 0)), ==, id);
    g_assert_true (ov_playbook_get_is_default (g_ptr_array_index (playbooks, 0)));
    g_assert_false (ov_playbook_get_is_default (g_ptr_array_index (playbooks, 1)));
    shipped_id = ov_playbook_get_id (g_ptr_array_index (playbooks, 1));
    g_clear_pointer (&playbooks, g_ptr_array_unref);
    texts = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0)));
    g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Renewal & Rescue <EMEA> Plan");
    g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "Default");
    g_clear_pointer (&texts, g_ptr_array_unref);

    g_assert_true (ov_playbooks_view_select (OV_PLAYBOOKS_VIEW (view), shipped_id));
    ov_ui_test_settle ();
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (default_switch)));
    gtk_switch_set_active (GTK_SWITCH (default_switch), TRUE);
    ov_ui_test_settle ();
    stored = stored_playbook (check, shipped_id);
    g_assert_true (ov_playbook_get_is_default (stored));
    g_clear_object (&stored);
    stored = stored_playbook (check, id);
    g_assert_false (ov_playbook_get_is_default (stored));
    g_clear_object (&stored);

    g_assert_true (ov_playbooks_view_select (OV_PLAYBOOKS_VIEW (view), id));
    ov_ui_test_settle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Renewal & Rescue <EMEA> Plan");
  }
  shoot (GTK_WIDGET (window), "playbooks-editor");
  scroll_to (name_row, TRUE);
  shoot (GTK_WIDGET (window), "playbooks-editor-top");

  /* Duplicate: a copy with the same tasks, selected. */
  gtk_widget_activate_action (view, "playbooks.duplicate", NULL);
  ov_ui_test_settle ();
  copy_id = ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view));
  g_assert_cmpint (copy_id, !=, id);
  stored = stored_playbook (check, copy_id);
  g_assert_cmpstr (ov_playbook_get_name (stored), ==, "Copy of Renewal & Rescue <EMEA> Plan");
  g_assert_cmpstr (ov_playbook_get_segment (stored), ==, "");
  after = describe_tasks (stored);
  g_assert_cmpstr (after, ==, original_tasks);
  g_clear_pointer (&after, g_free);
  g_clear_object (&stored);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   "Copy of Renewal & Rescue <EMEA> Plan");

  /* Delete the copy, then Undo. */
  n_before = n_playbooks (check);
  gtk_widget_activate_action (view, "playbooks.delete", NULL);
  ov_ui_test_settle ();
  g_assert_cmpuint (n_playbooks (check), ==, n_before - 1);
  g_assert_cmpuint (n_rows (list_box), ==, n_before - 1);
  g_assert_null (ov_store_get_playbook (check, copy_id, NULL));
  g_assert_cmpint (ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view)), !=, copy_id);
  /* The name as it is, not read as markup. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ov_ui_test_wait_toast (window, "“Copy of"))),
                   ==, "“Copy of Renewal & Rescue <EMEA> Plan” deleted");
  gtk_widget_activate_action (view, "playbooks.undo-delete", "x", copy_id);
  ov_ui_test_settle ();
  g_assert_cmpuint (n_playbooks (check), ==, n_before);
  g_assert_cmpuint (n_rows (list_box), ==, n_before);
  g_assert_cmpint (ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view)), ==, copy_id);
  stored = stored_playbook (check, copy_id);
  after = describe_tasks (stored);
  g_assert_cmpstr (after, ==, original_tasks);
  g_clear_pointer (&after, g_free);
  g_clear_object (&stored);

  /* Export to JSON and import it back: the same playbook, under a new id. */
  ov_playbooks_view_export_to_file (OV_PLAYBOOKS_VIEW (view), id, json_file);
  g_assert_true (ov_playbooks_view_get_busy (OV_PLAYBOOKS_VIEW (view)));
  wait_not_busy (view);
  g_assert_true (g_file_test (json_path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (find_message_dialog ());

  ov_playbooks_view_import_file (OV_PLAYBOOKS_VIEW (view), json_file);
  wait_not_busy (view);
  ov_ui_test_settle ();
  g_assert_null (find_message_dialog ());
  imported_id = ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view));
  g_assert_cmpint (imported_id, !=, id);
  g_assert_cmpint (imported_id, !=, copy_id);
  g_assert_cmpuint (n_rows (list_box), ==, n_before + 1);
  {
    g_autoptr(OvPlaybook) original = stored_playbook (check, id);
    g_autoptr(OvPlaybook) imported = stored_playbook (check, imported_id);

    g_assert_cmpstr (ov_playbook_get_name (imported), ==, ov_playbook_get_name (original));
    g_assert_cmpstr (ov_playbook_get_description (imported), ==,
                     ov_playbook_get_description (original));
    after = describe_tasks (imported);
    g_assert_cmpstr (after, ==, original_tasks);
    g_clear_pointer (&after, g_free);
    /* This database already has a playbook for Enterprise. */
    g_assert_cmpstr (ov_playbook_get_segment (imported), ==, "");
    g_assert_false (ov_playbook_get_is_default (imported));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                     ov_playbook_get_name (original));
  }

  /* A bad file: the core's message in a dialog, nothing changed. */
  before = describe_all (check);
  ov_playbooks_view_import_file (OV_PLAYBOOKS_VIEW (view), bad_file);
  wait_not_busy (view);
  g_assert_true (ov_ui_test_wait (message_dialog_shown, NULL, 5000));
  dialog = find_message_dialog ();
  {
    g_autofree char *contents = NULL;
    g_autoptr(OvPlaybook) refused = NULL;
    g_autoptr(GError) parse_error = NULL;
    const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));

    g_assert_true (g_file_get_contents (bad_path, &contents, NULL, NULL));
    refused = ov_playbook_new_from_json (contents, -1, &parse_error);
    g_assert_null (refused);
    g_assert_nonnull (parse_error);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "The Playbook Was Not Imported");
    g_assert_nonnull (strstr (body, "bad-role.json"));
    g_assert_nonnull (strstr (body, parse_error->message));
    g_assert_nonnull (strstr (body, "is not a role"));
    g_assert_nonnull (strstr (body, "No playbook was added or changed."));
  }
  ov_ui_test_screenshot (dialog, "playbooks-import-refused");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  ov_ui_test_settle ();
  after = describe_all (check);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  g_assert_cmpint (ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view)), ==, imported_id);

  /* Narrow: the list alone, then the editor with a way back. */
  ov_ui_test_close_window (window);
  window = open_narrow_window (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_ui_test_child (window, OV_TYPE_WINDOW, "playbooks_view");
  list_box = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "list_box");
  editor = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "editor");
  leaflet = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "leaflet");
  stack = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "stack");
  gtk_test_widget_wait_for_draw (view);
  ov_ui_test_settle ();
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "list");
  shoot (GTK_WIDGET (window), "playbooks-list-narrow");
  ov_playbooks_view_select (OV_PLAYBOOKS_VIEW (view), id);
  g_signal_emit_by_name (list_box, "row-activated",
                         gtk_list_box_get_selected_row (GTK_LIST_BOX (list_box)));
  ov_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "editor");
  g_assert_true (gtk_widget_get_visible (template_child (editor, OV_TYPE_PLAYBOOK_EDITOR,
                                                         "back_button")));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (task_row (editor, OV_STAGE_KICKOFF, 0)), TRUE);
  ov_ui_test_settle ();
  shoot (GTK_WIDGET (window), "playbooks-editor-narrow");
  scroll_to (task_row (editor, OV_STAGE_KICKOFF, 0), FALSE);
  shoot (GTK_WIDGET (window), "playbooks-editor-narrow-task");

  /* Long names wrap or are cut with an ellipsis, never widen the window. */
  gtk_widget_activate_action (view, "playbooks.new", NULL);
  ov_ui_test_settle ();
  apply_text (template_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "name_row"),
              "Regulated public-sector onboarding with data residency and a security review");
  gtk_widget_activate_action (editor, "editor.add-task", "i", (int)OV_STAGE_HANDOFF);
  ov_ui_test_settle ();
  edit_task (editor, OV_STAGE_HANDOFF, 0,
             "Collect the signed data processing agreement & the list of approved sub-processors",
             "Legal needs both before any customer data is loaded", "services", 21);
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==, "");
  scroll_to (task_row (editor, OV_STAGE_HANDOFF, 0), FALSE);
  shoot (GTK_WIDGET (window), "playbooks-long-names-narrow");
  g_signal_emit_by_name (editor, "back");
  ov_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "list");
  shoot (GTK_WIDGET (window), "playbooks-long-names-list-narrow");

  /* With every playbook deleted the view says what playbooks are for. */
  last_id = 0;
  while (ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view)) != 0)
    {
      last_id = ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view));
      gtk_widget_activate_action (view, "playbooks.delete", NULL);
      ov_ui_test_settle ();
    }
  g_assert_cmpuint (n_playbooks (check), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_true (gtk_widget_is_drawable (template_child (view, OV_TYPE_PLAYBOOKS_VIEW,
                                                         "empty_new_button")));
  shoot (GTK_WIDGET (window), "playbooks-empty-narrow");

  /* Undo brings the last one back, and the list with it. */
  gtk_widget_activate_action (view, "playbooks.undo-delete", "x", last_id);
  ov_ui_test_settle ();
  g_assert_cmpuint (n_playbooks (check), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "playbooks");
  g_assert_cmpint (ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view)), ==, last_id);
  g_assert_cmpuint (n_rows (list_box), ==, 1);

  /* Deleted for good once the database is opened again: the empty view,
   * wide this time. */
  gtk_widget_activate_action (view, "playbooks.delete", NULL);
  ov_ui_test_settle ();
  ov_ui_test_close_window (window);
  /* What the app does when it starts again (this test's app started
   * before the deletion, so its windows keep the Undo). */
  g_assert_true (ov_store_purge_deleted (check, g_get_real_time () / G_USEC_PER_SEC + 1, NULL));
  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_ui_test_child (window, OV_TYPE_WINDOW, "playbooks_view");
  stack = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "stack");
  gtk_test_widget_wait_for_draw (view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_false (ov_store_restore_playbook (check, last_id, NULL));
  shoot (GTK_WIDGET (window), "playbooks-empty");

  ov_ui_test_close_window (window);
}

/* The dashboard's task lists */

typedef struct
{
  GtkWidget  *tasks;
  GtkLabel   *count;
  const char *expected;
} TasksWait;

static gboolean
tasks_shown (gpointer data)
{
  TasksWait *wait = data;

  return !ov_dashboard_tasks_is_loading (OV_DASHBOARD_TASKS (wait->tasks)) &&
         g_strcmp0 (gtk_label_get_label (wait->count), wait->expected) == 0;
}

static void
wait_for_count (GtkWidget  *tasks,
                const char *count_name,
                gint64      count)
{
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  TasksWait wait = {
    tasks,
    GTK_LABEL (template_child (tasks, OV_TYPE_DASHBOARD_TASKS, count_name)),
    expected,
  };

  g_assert_true (ov_ui_test_wait (tasks_shown, &wait, 10000));
}

/* The list shows @expected, in order, each row with the task's title, its
 * account and when it is due, then a row for the rest. */
static void
assert_rows (GtkWidget  *list,
             GPtrArray  *expected,
             gint64      total,
             OvDate      today,
             const char *more_noun)
{
  guint n = n_rows (list);

  g_assert_cmpuint (expected->len, ==, MIN (total, OV_DASHBOARD_TASKS_SHOWN));
  g_assert_cmpuint (n, ==, expected->len + (total > expected->len ? 1 : 0));

  for (guint i = 0; i < expected->len; i++)
    {
      OvTask *task = g_ptr_array_index (expected, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      g_autoptr(GPtrArray) texts = labels_of (GTK_WIDGET (row));
      int days = ov_task_get_due_date (task) - today;
      g_autofree char *due = NULL;

      if (days < -1)
        due = g_strdup_printf ("%d days overdue", -days);
      else if (days == -1)
        due = g_strdup ("1 day overdue");
      else if (days == 0)
        due = g_strdup ("due today");
      else if (days == 1)
        due = g_strdup ("due tomorrow");
      else
        {
          int year, month, day;
          g_autoptr(GDateTime) when = NULL;
          g_autofree char *weekday = NULL;

          g_assert_true (ov_date_to_ymd (ov_task_get_due_date (task), &year, &month, &day));
          when = g_date_time_new_utc (year, month, day, 0, 0, 0);
          weekday = g_date_time_format (when, "%A");
          due = g_strdup_printf ("due %s", weekday);
        }

      g_assert_true (gtk_list_box_row_get_activatable (row));
      g_assert_cmpuint (texts->len, ==, 3);
      g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, ov_task_get_title (task));
      g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, 1),
                                       ov_task_get_account_name (task)));
      if (ov_task_get_assignee_name (task)[0] != '\0')
        g_assert_nonnull (strstr (g_ptr_array_index (texts, 1),
                                  ov_task_get_assignee_name (task)));
      g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, due);
    }

  if (total > expected->len)
    {
      g_autofree char *more = g_strdup_printf ("%d more %s", (int)(total - expected->len),
                                               more_noun);
      g_autoptr(GPtrArray) texts = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (
                                                GTK_LIST_BOX (list), expected->len)));

      g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, more);
    }
}

static void
test_dashboard_tasks (void)
{
  g_autofree char *db = ov_ui_test_db_path ("dashboard.db");
  g_autoptr(OvStore) check = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GError) error = NULL;
  OvDate today = ov_date_today ();
  OvWindow *window;
  GtkWidget *dashboard, *tasks, *overdue_list, *week_list, *view_stack;
  gint64 n_overdue, n_week;
  gboolean weekday_seen = FALSE;
  OvTask *first;

  g_assert_cmpint (today, ==, ov_date_from_ymd (2026, 11, 23));

  window = open_sample_window ("dashboard.db");
  check = open_check (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  tasks = template_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
  overdue_list = template_child (tasks, OV_TYPE_DASHBOARD_TASKS, "overdue_list");
  week_list = template_child (tasks, OV_TYPE_DASHBOARD_TASKS, "week_list");

  /* What the core's portfolio queries say for the pinned day. */
  overdue = ov_store_list_overdue_tasks (check, today, OV_DASHBOARD_TASKS_SHOWN, &error);
  g_assert_no_error (error);
  n_overdue = ov_store_count_overdue_tasks (check, today, &error);
  week = ov_store_list_tasks_due_this_week (check, today, OV_DASHBOARD_TASKS_SHOWN, &error);
  g_assert_no_error (error);
  n_week = ov_store_count_tasks_due_this_week (check, today, &error);
  g_assert_cmpint (n_overdue, >, OV_DASHBOARD_TASKS_SHOWN);
  g_assert_cmpint (n_week, >, 0);

  wait_for_count (tasks, "overdue_count", n_overdue);
  wait_for_count (tasks, "week_count", n_week);
  assert_rows (overdue_list, overdue, n_overdue, today, "overdue tasks");
  assert_rows (week_list, week, n_week, today, "tasks due this week");
  g_assert_true (gtk_widget_has_css_class (template_child (tasks, OV_TYPE_DASHBOARD_TASKS,
                                                           "overdue_count"), "overdue"));
  shoot (GTK_WIDGET (window), "dashboard-tasks");

  /* The words for due dates, against a Monday. */
  g_assert_cmpint (ov_date_get_weekday (today), ==, G_DATE_MONDAY);
  {
    static const struct { int days; const char *text; } cases[] = {
      { -30, "30 days overdue" },
      { -2, "2 days overdue" },
      { -1, "1 day overdue" },
      { 0, "due today" },
      { 1, "due tomorrow" },
      { 4, "due Friday" },
      { 6, "due Sunday" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *text = ov_dashboard_tasks_describe_due (today + cases[i].days, today);

        g_assert_cmpstr (text, ==, cases[i].text);
      }
  }
  for (guint i = 0; i < week->len; i++)
    weekday_seen |= ov_task_get_due_date (g_ptr_array_index (week, i)) - today >= 2;
  g_test_message ("a weekday among the rows shown: %s", weekday_seen ? "yes" : "no");

  /* A task done elsewhere leaves the list at once. */
  first = g_ptr_array_index (overdue, 0);
  g_assert_true (ov_store_set_task_done (ov_window_get_store (window), first, today, &error));
  g_assert_no_error (error);
  wait_for_count (tasks, "overdue_count", n_overdue - 1);
  {
    g_autoptr(GPtrArray) texts = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (
                                              GTK_LIST_BOX (overdue_list), 0)));
    OvTask *second = g_ptr_array_index (overdue, 1);

    g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, ov_task_get_title (second));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, 1),
                                     ov_task_get_account_name (second)));
  }

  /* A row opens its account. */
  g_signal_emit_by_name (overdue_list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (overdue_list), 0));
  ov_ui_test_settle ();
  view_stack = ov_ui_test_child (window, OV_TYPE_WINDOW, "view_stack");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==,
                   "accounts");
  {
    GtkWidget *accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
    GtkWidget *page = ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW, "account_page");
    OvAccount *shown = ov_account_page_get_account (OV_ACCOUNT_PAGE (page));
    OvTask *second = g_ptr_array_index (overdue, 1);

    g_assert_nonnull (shown);
    g_assert_cmpint (ov_account_get_id (shown), ==, ov_task_get_account_id (second));
  }

  /* Changed through another connection: seen when the dashboard is shown
   * again, with no signal from this window's store. */
  {
    OvTask *second = g_ptr_array_index (overdue, 1);
    GtkWidget *count = template_child (tasks, OV_TYPE_DASHBOARD_TASKS, "overdue_count");
    g_autofree char *before_count = g_strdup_printf ("%" G_GINT64_FORMAT, n_overdue - 1);

    g_assert_true (ov_store_set_task_done (check, second, today, &error));
    g_assert_no_error (error);
    ov_ui_test_settle ();
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, before_count);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
    wait_for_count (tasks, "overdue_count", n_overdue - 2);
  }

  /* A long account name in the lists. */
  {
    OvStore *store = ov_window_get_store (window);
    OvTask *third = g_ptr_array_index (overdue, 2);
    g_autoptr(OvAccount) account = ov_store_get_account (store, ov_task_get_account_id (third),
                                                         &error);
    g_autoptr(GPtrArray) texts = NULL;

    g_assert_no_error (error);
    ov_account_set_name (account, "Vereinigte Nordseewerke Hafenlogistik und Schiffbau GmbH & Co. KG");
    g_assert_true (ov_store_save_account (store, account, &error));
    g_assert_no_error (error);
    wait_for_count (tasks, "overdue_count", n_overdue - 2);
    texts = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (overdue_list), 0)));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (texts, 1), "Vereinigte Nordseewerke"));
  }

  /* Wide, as on a large screen (the virtual screen stops at 1280). */
  ov_ui_test_close_window (window);
  g_setenv ("OVERTURE_TEST_SIZE", "1400x860", TRUE);
  window = ov_ui_test_open_window (db);
  g_unsetenv ("OVERTURE_TEST_SIZE");
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  tasks = template_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
  wait_for_count (tasks, "overdue_count", n_overdue - 2);
  shoot (GTK_WIDGET (window), "dashboard-tasks-wide");

  /* Narrow, both lists one under the other. */
  ov_ui_test_close_window (window);
  window = open_narrow_window (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  tasks = template_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
  week_list = template_child (tasks, OV_TYPE_DASHBOARD_TASKS, "week_list");
  wait_for_count (tasks, "overdue_count", n_overdue - 2);
  shoot (GTK_WIDGET (window), "dashboard-tasks-narrow");
  scroll_to (gtk_widget_get_ancestor (week_list, ADW_TYPE_PREFERENCES_GROUP), FALSE);
  shoot (GTK_WIDGET (window), "dashboard-tasks-narrow-week");

  ov_ui_test_close_window (window);
}

static void
test_dashboard_tasks_empty (void)
{
  g_autofree char *db = ov_ui_test_db_path ("quiet.db");
  g_autoptr(OvStore) store = open_check (db);
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  OvWindow *window;
  GtkWidget *dashboard, *tasks, *overdue_list, *week_list;

  ov_account_set_name (account, "Quiet Harbour Ltd");
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);

  /* No open task anywhere (a new account may have been given some). */
  {
    g_autoptr(GPtrArray) open_tasks = ov_store_list_tasks (store, ov_account_get_id (account), 0,
                                                           &error);

    g_assert_no_error (error);
    for (guint i = 0; i < open_tasks->len; i++)
      g_assert_true (ov_store_delete_task (store, g_ptr_array_index (open_tasks, i), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (ov_store_count_overdue_tasks (store, ov_date_today (), NULL), ==, 0);
  g_assert_cmpint (ov_store_count_tasks_due_this_week (store, ov_date_today (), NULL), ==, 0);
  g_clear_object (&store);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  tasks = template_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "tasks");
  overdue_list = template_child (tasks, OV_TYPE_DASHBOARD_TASKS, "overdue_list");
  week_list = template_child (tasks, OV_TYPE_DASHBOARD_TASKS, "week_list");

  wait_for_count (tasks, "overdue_count", 0);
  wait_for_count (tasks, "week_count", 0);
  g_assert_false (gtk_widget_has_css_class (template_child (tasks, OV_TYPE_DASHBOARD_TASKS,
                                                            "overdue_count"), "overdue"));
  g_assert_cmpuint (n_rows (overdue_list), ==, 1);
  texts = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (overdue_list), 0)));
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Nothing overdue");
  g_clear_pointer (&texts, g_ptr_array_unref);
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (
                    GTK_LIST_BOX (overdue_list), 0)));
  g_assert_cmpuint (n_rows (week_list), ==, 1);
  texts = labels_of (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (week_list), 0)));
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Nothing due this week");
  shoot (GTK_WIDGET (window), "dashboard-tasks-empty");

  ov_ui_test_close_window (window);
}

/* The start-up reminder */

static OvTask *
add_overdue_task (OvStore    *store,
                  OvAccount  *account,
                  const char *title,
                  int         days_late)
{
  g_autoptr(GError) error = NULL;
  OvTask *task = ov_task_new (ov_account_get_id (account), OV_STAGE_ADOPT, title);

  ov_task_set_role (task, "csm");
  ov_task_set_due_date (task, ov_date_today () - days_late);
  g_assert_true (ov_store_add_task (store, task, &error));
  g_assert_no_error (error);
  return task;
}

static OvAccount *
add_account (OvStore    *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  OvAccount *account = ov_account_new ();

  ov_account_set_name (account, name);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
  return account;
}

static void
assert_reminder (OvStore    *store,
                 guint       limit,
                 gboolean    enabled,
                 const char *expected_title,
                 const char *expected_body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overdue = ov_store_list_overdue_tasks (store, ov_date_today (), limit,
                                                              &error);
  gint64 n = ov_store_count_overdue_tasks (store, ov_date_today (), &error);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GNotification) notification = NULL;
  gboolean send;

  g_assert_no_error (error);
  send = ov_overdue_reminder_describe (overdue, n, enabled, &title, &body);
  notification = ov_overdue_reminder_build (overdue, n, enabled);

  if (expected_title == NULL)
    {
      g_assert_false (send);
      g_assert_null (title);
      g_assert_null (body);
      g_assert_null (notification);
      return;
    }

  g_assert_true (send);
  g_assert_nonnull (notification);
  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (body, ==, expected_body);
}

static void
test_reminder_text (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) alpha = add_account (store, "Alpha Corp");
  g_autoptr(OvAccount) beta = add_account (store, "Beta Ltd");
  g_autoptr(OvAccount) gamma = add_account (store, "Gamma & Sons");
  g_autoptr(OvAccount) delta = add_account (store, "Delta GmbH");
  g_autoptr(OvTask) t1 = NULL;
  g_autoptr(OvTask) t2 = NULL;
  g_autoptr(OvTask) t3 = NULL;
  g_autoptr(OvTask) t4 = NULL;
  g_autoptr(OvTask) t5 = NULL;
  g_autoptr(OvTask) due_today = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing overdue: nothing to send, on or off. */
  assert_reminder (store, 50, TRUE, NULL, NULL);
  due_today = add_overdue_task (store, alpha, "Due today, not late", 0);
  assert_reminder (store, 50, TRUE, NULL, NULL);

  t1 = add_overdue_task (store, alpha, "Send the welcome pack", 9);
  assert_reminder (store, 50, TRUE, "1 task is overdue", "At Alpha Corp.");
  assert_reminder (store, 50, FALSE, NULL, NULL);

  t2 = add_overdue_task (store, beta, "Confirm the sponsor", 7);
  t3 = add_overdue_task (store, alpha, "Book the kickoff", 5);
  assert_reminder (store, 50, TRUE, "3 tasks are overdue", "At Alpha Corp and Beta Ltd.");

  t4 = add_overdue_task (store, gamma, "Plan the training", 3);
  assert_reminder (store, 50, TRUE, "4 tasks are overdue",
                   "At Alpha Corp, Beta Ltd and Gamma & Sons.");

  /* A fourth account is more than the notification names. */
  t5 = add_overdue_task (store, delta, "Review the goals", 1);
  assert_reminder (store, 50, TRUE, "5 tasks are overdue",
                   "The oldest are at Alpha Corp, Beta Ltd and Gamma & Sons.");

  /* When only the oldest were read, the rest may be elsewhere. */
  assert_reminder (store, 2, TRUE, "5 tasks are overdue", "The oldest are at Alpha Corp and Beta Ltd.");

  /* Done tasks are not overdue. */
  g_assert_true (ov_store_set_task_done (store, t5, ov_date_today (), &error));
  g_assert_true (ov_store_set_task_done (store, t4, ov_date_today (), &error));
  g_assert_no_error (error);
  assert_reminder (store, 50, TRUE, "3 tasks are overdue", "At Alpha Corp and Beta Ltd.");

  /* The preference decides; without settings there is no reminder. */
  g_assert_false (ov_overdue_reminder_is_enabled (NULL));
  settings = g_settings_new (SCHEMA_ID);
  g_assert_true (g_settings_get_boolean (settings, "notify-overdue"));
  g_assert_true (ov_overdue_reminder_is_enabled (settings));
  g_settings_set_boolean (settings, "notify-overdue", FALSE);
  g_assert_false (ov_overdue_reminder_is_enabled (settings));
  g_settings_reset (settings, "notify-overdue");
  g_assert_true (ov_overdue_reminder_is_enabled (settings));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Preferences */

static GtkWidget *
find_preferences (void)
{
  /* Owned by GTK. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (OV_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static void
test_preferences (void)
{
  g_autofree char *db = ov_ui_test_db_path ("preferences.db");
  GtkApplication *app;
  OvWindow *window;
  GtkWidget *preferences, *notify_switch, *notify_row;
  GSettings *settings;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "empty");
  app = gtk_window_get_application (GTK_WINDOW (window));
  settings = ov_application_get_settings (OV_APPLICATION (app));
  g_assert_nonnull (settings);

  /* app.preferences, with its accelerator and its menu entry. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "app.preferences");

    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (app,
                                                                  "win.show-view::playbooks");

    g_assert_cmpstr (accels[0], ==, "<Alt>3");
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ov_ui_test_settle ();
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  gtk_test_widget_wait_for_draw (preferences);
  notify_switch = template_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "notify_switch");
  notify_row = template_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "notify_row");
  g_assert_true (gtk_widget_get_sensitive (notify_row));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (notify_switch)));
  shoot (preferences, "preferences");

  /* The switch is the setting. */
  gtk_switch_set_active (GTK_SWITCH (notify_switch), FALSE);
  ov_ui_test_settle ();
  g_assert_false (g_settings_get_boolean (settings, "notify-overdue"));
  g_assert_false (ov_overdue_reminder_is_enabled (settings));
  g_settings_set_boolean (settings, "notify-overdue", TRUE);
  ov_ui_test_settle ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (notify_switch)));

  gtk_window_destroy (GTK_WINDOW (preferences));
  ov_ui_test_settle ();

  /* Narrow, as on a phone-sized window. */
  preferences = ov_preferences_window_new (GTK_WINDOW (window), settings);
  gtk_window_set_default_size (GTK_WINDOW (preferences), 400, 400);
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (preferences);
  ov_ui_test_settle ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (template_child (preferences,
                                                                    OV_TYPE_PREFERENCES_WINDOW,
                                                                    "notify_switch"))));
  shoot (preferences, "preferences-narrow");
  gtk_window_destroy (GTK_WINDOW (preferences));
  ov_ui_test_settle ();

  /* Without settings the row says why it cannot be changed. */
  preferences = ov_preferences_window_new (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_test_widget_wait_for_draw (preferences);
  notify_switch = template_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "notify_switch");
  notify_row = template_child (preferences, OV_TYPE_PREFERENCES_WINDOW, "notify_row");
  g_assert_false (gtk_widget_get_sensitive (notify_row));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (notify_switch)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (notify_row)),
                            "cannot keep preferences"));
  shoot (preferences, "preferences-unavailable");
  gtk_window_destroy (GTK_WINDOW (preferences));

  ov_ui_test_close_window (window);
}

typedef struct
{
  GtkWidget *list_box;
  guint      n_rows;
} RowsWait;

static gboolean
has_rows (gpointer data)
{
  RowsWait *wait = data;

  return n_rows (wait->list_box) == wait->n_rows;
}

/* Giving a view the context it already has, or taking it away and giving
 * it back, keeps it listening to the store: a playbook saved afterwards is
 * listed. */
static void
test_same_context_again (void)
{
  g_autofree char *db = ov_ui_test_db_path ("playbooks-again.db");
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvPlaybook) playbook = ov_playbook_new ("Saved Elsewhere & <Co>");
  g_autoptr(GError) error = NULL;
  OvWindow *window = open_sample_window ("playbooks-again.db");
  OvStore *store = ov_window_get_store (window);
  GtkWidget *view;
  RowsWait wait;

  check = open_check (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_ui_test_child (window, OV_TYPE_WINDOW, "playbooks_view");
  wait_not_busy (view);

  ov_view_set_context (OV_VIEW (view), ov_window_get_context (window));
  ov_view_set_context (OV_VIEW (view), NULL);
  g_assert_null (ov_view_get_store (OV_VIEW (view)));
  ov_view_set_context (OV_VIEW (view), ov_window_get_context (window));
  g_assert_true (ov_view_get_store (OV_VIEW (view)) == store);
  wait_not_busy (view);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  g_assert_no_error (error);

  wait.list_box = template_child (view, OV_TYPE_PLAYBOOKS_VIEW, "list_box");
  wait.n_rows = n_playbooks (check);
  g_assert_true (ov_ui_test_wait (has_rows, &wait, 10000));

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/playbooks/view", test_playbooks_view);
  g_test_add_func ("/playbooks/same-context-again", test_same_context_again);
  g_test_add_func ("/playbooks/dashboard-tasks", test_dashboard_tasks);
  g_test_add_func ("/playbooks/dashboard-tasks-empty", test_dashboard_tasks_empty);
  g_test_add_func ("/playbooks/reminder-text", test_reminder_text);
  g_test_add_func ("/playbooks/preferences", test_preferences);

  return g_test_run ();
}
