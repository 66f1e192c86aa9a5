/* test-playbooks.c — the Playbooks view and its editor, driven like a
 * user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit made through the widgets is checked in the database through a
 * second connection; every refusal is checked to have changed nothing.
 * Editing a new playbook, copying one (duplicate, delete and undo, export
 * and import), and the narrow window each start from a sample portfolio of
 * their own. Screenshots (light and dark, wide and 400 px) go to the build
 * tree. The dashboard's task lists and the reminder are in
 * test-dashboard.c, the preferences in test-preferences.c.
 */

#include "config.h"

#include <string.h>

#include "ov-playbook-editor.h"
#include "ov-playbook-task-row.h"
#include "ov-playbooks-view.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

/* Helpers */

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

  apply_text (ov_ui_test_child (row, OV_TYPE_PLAYBOOK_TASK_ROW, "title_row"), title);
  row = task_row (editor, stage, position);
  apply_text (ov_ui_test_child (row, OV_TYPE_PLAYBOOK_TASK_ROW, "description_row"), description);
  row = task_row (editor, stage, position);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ov_ui_test_child (row, OV_TYPE_PLAYBOOK_TASK_ROW,
                                                             "role_row")),
                              ov_role_get_index (role));
  ov_ui_test_settle ();
  row = task_row (editor, stage, position);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ov_ui_test_child (row, OV_TYPE_PLAYBOOK_TASK_ROW,
                                                              "offset_spin")),
                             offset);
  ov_ui_test_settle ();
}

static gboolean
message_dialog_shown (gpointer data)
{
  return ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* The tasks the edit test gives its playbook, as describe_tasks() has
 * them once it is done. */
#define PLAN_TASKS \
  "kickoff|Name the first-value milestone||onboarding|5\n" \
  "kickoff|Agree the go-live date|Write it in the kickoff notes|csm|2\n" \
  "adopt|Run the admin training|Two sessions of an hour|training|14\n"

/* A sample portfolio in @name with the playbook the edit test ends with:
 * its three tasks, the default for Enterprise. Returns its id; @check
 * gets a connection to the database. */
static gint64
make_plan_db (const char  *name,
              OvStore    **check)
{
  g_autofree char *db = ov_ui_test_db_path (name);
  g_autoptr(OvPlaybook) plan = ov_playbook_new ("Renewal & Rescue <EMEA> Plan");
  g_autoptr(GError) error = NULL;
  static const struct
  {
    OvStage     stage;
    const char *title;
    const char *description;
    const char *role;
    int         offset;
  } tasks[] = {
    { OV_STAGE_KICKOFF, "Name the first-value milestone", "", "onboarding", 5 },
    { OV_STAGE_KICKOFF, "Agree the go-live date", "Write it in the kickoff notes", "csm", 2 },
    { OV_STAGE_ADOPT, "Run the admin training", "Two sessions of an hour", "training", 14 },
  };

  *check = ov_ui_test_open_store (db);
  g_assert_true (ov_sample_generate (*check, OV_SAMPLE_DEFAULT_ACCOUNTS, OV_SAMPLE_DEFAULT_SEED,
                                     ov_date_today (), &error));
  g_assert_no_error (error);

  ov_playbook_set_segment (plan, "Enterprise");
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      g_autoptr(OvPlaybookTask) task = ov_playbook_task_new (tasks[i].stage, tasks[i].title,
                                                             tasks[i].description,
                                                             tasks[i].role, tasks[i].offset);

      ov_playbook_add_task (plan, task);
    }
  g_assert_true (ov_store_save_playbook (*check, plan, &error));
  g_assert_no_error (error);

  {
    g_autofree char *described = describe_tasks (plan);

    g_assert_cmpstr (described, ==, PLAN_TASKS);
  }
  return ov_playbook_get_id (plan);
}

/* The Playbooks view of @window, shown. */
static GtkWidget *
show_playbooks (OvWindow *window)
{
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_window_get_view (OV_WINDOW (window), "playbooks");
  gtk_test_widget_wait_for_draw (view);
  return view;
}

/* The Playbooks view */

/* A new playbook: created, named, given tasks through their rows,
 * reordered, refused, made a segment's and the portfolio's default. */
static void
test_playbooks_edit (void)
{
  g_autofree char *db = ov_ui_test_db_path ("playbooks.db");
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvPlaybook) stored = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original_tasks = NULL;
  g_autofree char *after = NULL;
  OvWindow *window;
  GtkWidget *view, *list_box, *editor, *leaflet, *name_row, *segment_row, *title_row;
  GtkWidget *row;
  gint64 id;
  guint n_before;

  window = ov_ui_test_open_sample_window ("playbooks.db");
  check = ov_ui_test_open_store (db);

  view = show_playbooks (window);
  list_box = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "list_box");
  editor = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "editor");
  leaflet = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "leaflet");
  g_assert_true (gtk_widget_get_mapped (view));

  /* The list shows what is stored: the shipped playbook, marked default,
   * with its number of tasks; a wide window shows it in the editor. */
  g_assert_cmpuint (ov_ui_test_n_rows (list_box), ==, n_playbooks (check));
  g_assert_cmpuint (ov_ui_test_n_rows (list_box), >=, 1);
  texts = ov_ui_test_labels (
    GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0)));
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
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-list");

  /* Create: stored at once under a provisional name, shown in the editor. */
  n_before = n_playbooks (check);
  gtk_widget_activate_action (view, "playbooks.new", NULL);
  ov_ui_test_settle ();
  id = ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view));
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpuint (n_playbooks (check), ==, n_before + 1);
  g_assert_cmpuint (ov_ui_test_n_rows (list_box), ==, n_before + 1);
  g_assert_cmpint (ov_playbook_editor_get_playbook_id (OV_PLAYBOOK_EDITOR (editor)), ==, id);
  stored = stored_playbook (check, id);
  g_assert_cmpstr (ov_playbook_get_name (stored), ==, "New Playbook");
  g_assert_cmpuint (ov_playbook_get_n_tasks (stored, 0), ==, 0);
  g_clear_object (&stored);

  name_row = ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "name_row");
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
  title_row = ov_ui_test_child (task_row (editor, OV_STAGE_KICKOFF, 1), OV_TYPE_PLAYBOOK_TASK_ROW,
                              "title_row");
  apply_text (title_row, "   ");
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==,
                   "Kickoff, task 2: a task needs a title.");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  {
    GtkWidget *refused = task_row (editor, OV_STAGE_KICKOFF, 1);
    GtkWidget *message = ov_ui_test_child (refused, OV_TYPE_PLAYBOOK_TASK_ROW, "message_label");

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
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-editor-refused");

  /* So is a blank name; fixing it clears the message. */
  apply_text (name_row, "");
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==,
                   "Name: a playbook needs a name.");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  {
    GtkWidget *message = ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "details_error");

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
  segment_row = ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "segment_row");

  /* The segments of the portfolio's accounts, offered in a list. */
  {
    GtkWidget *segments = ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "segment_list");
    GtkListBoxRow *smb = NULL;
    g_autoptr(GString) offered = g_string_new (NULL);

    /* What opening the list does (a popover cannot be placed on the
     * test's small virtual screen). */
    ov_playbook_editor_update_segments (OV_PLAYBOOK_EDITOR (editor));
    for (guint i = 0; i < ov_ui_test_n_rows (segments); i++)
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
  texts = ov_ui_test_labels (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list_box))));
  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Renewal & Rescue <EMEA> Plan");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "3 tasks · default for Enterprise");
  g_clear_pointer (&texts, g_ptr_array_unref);
  /* What the copies and the narrow window start from (make_plan_db()). */
  stored = stored_playbook (check, id);
  g_clear_pointer (&original_tasks, g_free);
  original_tasks = describe_tasks (stored);
  g_assert_cmpstr (original_tasks, ==, PLAN_TASKS);
  g_clear_object (&stored);

  /* The default switch takes the role from the shipped playbook, and
   * gives it back when that one is switched on again. */
  {
    GtkWidget *default_switch = ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR,
                                                  "default_switch");
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
    texts = ov_ui_test_labels (
      GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0)));
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
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                     "Renewal & Rescue <EMEA> Plan");
  }
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-editor");
  ov_ui_test_scroll_to (name_row, TRUE);
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-editor-top");

  ov_ui_test_close_window (window);
}

/* Copies of a playbook: duplicated, deleted and brought back, exported
 * and imported again; a bad file is refused. */
static void
test_playbooks_copies (void)
{
  g_autofree char *json_path = ov_ui_test_db_path ("shared-playbook.json");
  g_autofree char *bad_path = ov_test_fixture_path ("playbooks", "bad-role.json", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(OvStore) check = NULL;
  g_autoptr(OvPlaybook) stored = NULL;
  g_autofree char *original_tasks = g_strdup (PLAN_TASKS);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *db = ov_ui_test_db_path ("playbooks-copies.db");
  gint64 id = make_plan_db ("playbooks-copies.db", &check);
  OvWindow *window;
  GtkWidget *view, *list_box, *editor, *name_row, *dialog;
  gint64 copy_id, imported_id;
  guint n_before;

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  view = show_playbooks (window);
  list_box = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "list_box");
  editor = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "editor");
  name_row = ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "name_row");
  g_assert_true (ov_playbooks_view_select (OV_PLAYBOOKS_VIEW (view), id));
  ov_ui_test_settle ();

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
  g_assert_cmpuint (ov_ui_test_n_rows (list_box), ==, n_before - 1);
  g_assert_null (ov_store_get_playbook (check, copy_id, NULL));
  g_assert_cmpint (ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view)), !=, copy_id);
  /* The name as it is, not read as markup. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ov_ui_test_wait_toast (window, "“Copy of"))),
                   ==, "“Copy of Renewal & Rescue <EMEA> Plan” deleted");
  gtk_widget_activate_action (view, "playbooks.undo-delete", "x", copy_id);
  ov_ui_test_settle ();
  g_assert_cmpuint (n_playbooks (check), ==, n_before);
  g_assert_cmpuint (ov_ui_test_n_rows (list_box), ==, n_before);
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
  g_assert_null (ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  ov_playbooks_view_import_file (OV_PLAYBOOKS_VIEW (view), json_file);
  wait_not_busy (view);
  ov_ui_test_settle ();
  g_assert_null (ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  imported_id = ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view));
  g_assert_cmpint (imported_id, !=, id);
  g_assert_cmpint (imported_id, !=, copy_id);
  g_assert_cmpuint (ov_ui_test_n_rows (list_box), ==, n_before + 1);
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
  dialog = ov_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
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

  ov_ui_test_close_window (window);
}

/* A narrow window: the list, the editor with a way back, long names; then
 * every playbook deleted, one brought back, and gone for good. */
static void
test_playbooks_narrow (void)
{
  g_autoptr(OvStore) check = NULL;
  g_autofree char *db = ov_ui_test_db_path ("playbooks-narrow.db");
  gint64 id = make_plan_db ("playbooks-narrow.db", &check);
  OvWindow *window;
  GtkWidget *view, *list_box, *editor, *leaflet, *stack;
  gint64 last_id;

  window = ov_ui_test_open_narrow_window (db);
  /* Narrow: the list alone, then the editor with a way back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_window_get_view (OV_WINDOW (window), "playbooks");
  list_box = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "list_box");
  editor = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "editor");
  leaflet = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "leaflet");
  stack = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "stack");
  gtk_test_widget_wait_for_draw (view);
  ov_ui_test_settle ();
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "list");
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-list-narrow");
  ov_playbooks_view_select (OV_PLAYBOOKS_VIEW (view), id);
  g_signal_emit_by_name (list_box, "row-activated",
                         gtk_list_box_get_selected_row (GTK_LIST_BOX (list_box)));
  ov_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "editor");
  g_assert_true (gtk_widget_get_visible (ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR,
                                                         "back_button")));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (task_row (editor, OV_STAGE_KICKOFF, 0)), TRUE);
  ov_ui_test_settle ();
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-editor-narrow");
  ov_ui_test_scroll_to (task_row (editor, OV_STAGE_KICKOFF, 0), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-editor-narrow-task");

  /* Long names wrap or are cut with an ellipsis, never widen the window. */
  gtk_widget_activate_action (view, "playbooks.new", NULL);
  ov_ui_test_settle ();
  apply_text (ov_ui_test_child (editor, OV_TYPE_PLAYBOOK_EDITOR, "name_row"),
              "Regulated public-sector onboarding with data residency and a security review");
  gtk_widget_activate_action (editor, "editor.add-task", "i", (int)OV_STAGE_HANDOFF);
  ov_ui_test_settle ();
  edit_task (editor, OV_STAGE_HANDOFF, 0,
             "Collect the signed data processing agreement & the list of approved sub-processors",
             "Legal needs both before any customer data is loaded", "services", 21);
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==, "");
  ov_ui_test_scroll_to (task_row (editor, OV_STAGE_HANDOFF, 0), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-long-names-narrow");
  g_signal_emit_by_name (editor, "back");
  ov_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "list");
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-long-names-list-narrow");

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
  g_assert_true (gtk_widget_is_drawable (ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW,
                                                         "empty_new_button")));
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-empty-narrow");

  /* Undo brings the last one back, and the list with it. */
  gtk_widget_activate_action (view, "playbooks.undo-delete", "x", last_id);
  ov_ui_test_settle ();
  g_assert_cmpuint (n_playbooks (check), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "playbooks");
  g_assert_cmpint (ov_playbooks_view_get_selected_id (OV_PLAYBOOKS_VIEW (view)), ==, last_id);
  g_assert_cmpuint (ov_ui_test_n_rows (list_box), ==, 1);

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
  view = ov_window_get_view (OV_WINDOW (window), "playbooks");
  stack = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "stack");
  gtk_test_widget_wait_for_draw (view);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_false (ov_store_restore_playbook (check, last_id, NULL));
  ov_ui_test_shoot (GTK_WIDGET (window), "playbooks-empty");

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

  return ov_ui_test_n_rows (wait->list_box) == wait->n_rows;
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
  OvWindow *window = ov_ui_test_open_sample_window ("playbooks-again.db");
  OvStore *store = ov_window_get_store (window);
  GtkWidget *view;
  RowsWait wait;

  check = ov_ui_test_open_store (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_window_get_view (OV_WINDOW (window), "playbooks");
  wait_not_busy (view);

  ov_view_set_context (OV_VIEW (view), ov_window_get_context (window));
  ov_view_set_context (OV_VIEW (view), NULL);
  g_assert_null (ov_view_get_store (OV_VIEW (view)));
  ov_view_set_context (OV_VIEW (view), ov_window_get_context (window));
  g_assert_true (ov_view_get_store (OV_VIEW (view)) == store);
  wait_not_busy (view);
  g_assert_true (ov_store_save_playbook (store, playbook, &error));
  g_assert_no_error (error);

  wait.list_box = ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "list_box");
  wait.n_rows = n_playbooks (check);
  g_assert_true (ov_ui_test_wait (has_rows, &wait, 10000));

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/playbooks/view/edit", test_playbooks_edit);
  g_test_add_func ("/playbooks/view/copies", test_playbooks_copies);
  g_test_add_func ("/playbooks/view/narrow", test_playbooks_narrow);
  g_test_add_func ("/playbooks/same-context-again", test_same_context_again);

  return g_test_run ();
}
