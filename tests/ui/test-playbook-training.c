/* test-playbook-training.c — a playbook task's training, chosen in the
 * editor like a user would: the library is offered, the choice is stored
 * with the playbook, and shown again when the window opens anew
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts from a sample portfolio (whose shipped playbook links its
 * trainer's tasks to the sample library) plus an item whose title holds
 * markup characters. Screenshots go to the build tree.
 */

#include "config.h"

#include <string.h>

#include "ov-playbook-editor.h"
#include "ov-playbook-task-row.h"
#include "ov-playbooks-view.h"
#include "ov-store-content.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

#define ODD_TITLE "Setup & <Admin> Course"

typedef struct
{
  GtkWidget *combo;
  guint      n_items;
} ModelWait;

static gboolean
model_filled (gpointer data)
{
  ModelWait *wait = data;
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (wait->combo));

  return model != NULL && g_list_model_get_n_items (model) == wait->n_items;
}

static GtkWidget *
show_editor (OvWindow *window)
{
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "playbooks");
  ov_ui_test_settle ();
  view = ov_window_get_view (OV_WINDOW (window), "playbooks");
  gtk_test_widget_wait_for_draw (view);
  return ov_ui_test_child (view, OV_TYPE_PLAYBOOKS_VIEW, "editor");
}

static GtkWidget *
training_combo (GtkWidget *editor,
                OvStage    stage,
                guint      position)
{
  GtkWidget *row = ov_playbook_editor_get_task_row (OV_PLAYBOOK_EDITOR (editor), stage, position);

  g_assert_nonnull (row);
  return ov_ui_test_child (row, OV_TYPE_PLAYBOOK_TASK_ROW, "training_row");
}

/* The editor's choices once the library is read: None and every item. */
static void
wait_choices (GtkWidget *editor,
              guint      n_items)
{
  ModelWait wait = { training_combo (editor, OV_STAGE_ADOPT, 0), n_items + 1 };

  g_assert_true (ov_ui_test_wait (model_filled, &wait, 10000));
}

static const char *
selected_text (GtkWidget *combo)
{
  GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (combo));

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static guint
find_choice (GtkWidget  *combo,
             const char *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  g_assert_not_reached ();
}

/* The visible label under @widget that shows @text, or NULL. */
static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64
stored_content_id (OvStore *store,
                   gint64   playbook_id,
                   OvStage  stage,
                   guint    position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OvPlaybook) playbook = ov_store_get_playbook (store, playbook_id, &error);
  g_autoptr(GPtrArray) tasks = NULL;

  g_assert_no_error (error);
  tasks = ov_playbook_dup_tasks (playbook, stage);
  return ov_playbook_task_get_content_id (g_ptr_array_index (tasks, position));
}

static void
test_choose_training (void)
{
  g_autofree char *db = ov_ui_test_db_path ("playbook-training.db");
  g_autoptr(OvStore) check = ov_ui_test_open_store (db);
  g_autoptr(OvContentItem) odd = ov_content_item_new (ODD_TITLE, OV_CONTENT_FORMAT_COURSE);
  g_autoptr(GPtrArray) library = NULL;
  g_autoptr(GError) error = NULL;
  OvWindow *window;
  GtkWidget *editor, *combo, *row;
  gint64 playbook_id;
  guint n_items;

  g_assert_true (ov_sample_generate (check, OV_SAMPLE_DEFAULT_ACCOUNTS, OV_SAMPLE_DEFAULT_SEED,
                                     ov_date_today (), &error));
  g_assert_no_error (error);
  ov_content_item_set_location (odd, "https://learn.example.com/setup?a=1&b=2");
  g_assert_true (ov_store_add_content_item (check, odd, &error));
  g_assert_no_error (error);
  library = ov_store_list_content_choices (check, &error);
  g_assert_no_error (error);
  n_items = library->len;
  g_assert_cmpuint (n_items, ==, 8);

  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  editor = show_editor (window);
  playbook_id = ov_playbook_editor_get_playbook_id (OV_PLAYBOOK_EDITOR (editor));
  g_assert_cmpint (playbook_id, !=, 0);
  wait_choices (editor, n_items);

  /* The sample linked "Train the administrators" (Adopt, 2nd task). */
  combo = training_combo (editor, OV_STAGE_ADOPT, 1);
  g_assert_cmpstr (selected_text (combo), ==, "Admin foundations (Course)");
  row = ov_playbook_editor_get_task_row (OV_PLAYBOOK_EDITOR (editor), OV_STAGE_ADOPT, 1);
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                                   " · Course: Admin foundations"));

  /* "Configure the workspace" has none; the user picks the odd item. */
  combo = training_combo (editor, OV_STAGE_ADOPT, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  g_assert_cmpstr (selected_text (combo), ==, "None");
  g_assert_cmpint (stored_content_id (check, playbook_id, OV_STAGE_ADOPT, 0), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), find_choice (combo, ODD_TITLE " (Course)"));
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==, "");
  g_assert_cmpint (stored_content_id (check, playbook_id, OV_STAGE_ADOPT, 0), ==,
                   ov_content_item_get_id (odd));

  row = ov_playbook_editor_get_task_row (OV_PLAYBOOK_EDITOR (editor), OV_STAGE_ADOPT, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  ov_ui_test_settle ();
  ov_ui_test_scroll_to (row, FALSE);
  ov_ui_test_shoot (GTK_WIDGET (window), "playbook-training");
  ov_ui_test_close_window (window);

  /* Opened anew: the choice is what is shown. */
  window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (window, "portfolio");
  editor = show_editor (window);
  g_assert_cmpint (ov_playbook_editor_get_playbook_id (OV_PLAYBOOK_EDITOR (editor)), ==,
                   playbook_id);
  wait_choices (editor, n_items);
  combo = training_combo (editor, OV_STAGE_ADOPT, 0);
  g_assert_cmpstr (selected_text (combo), ==, ODD_TITLE " (Course)");
  row = ov_playbook_editor_get_task_row (OV_PLAYBOOK_EDITOR (editor), OV_STAGE_ADOPT, 0);
  /* Shown as written, not read as markup. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Professional services · due 7 days into the stage · Course: " ODD_TITLE);
  g_assert_nonnull (find_text (row, "Professional services · due 7 days into the stage · "
                                    "Course: " ODD_TITLE));
  /* The combo shows the item's title as it is too. */
  g_assert_nonnull (find_text (combo, ODD_TITLE " (Course)"));

  /* Back to None: stored as none. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
  ov_ui_test_settle ();
  g_assert_cmpint (stored_content_id (check, playbook_id, OV_STAGE_ADOPT, 0), ==, 0);
  row = ov_playbook_editor_get_task_row (OV_PLAYBOOK_EDITOR (editor), OV_STAGE_ADOPT, 0);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Professional services · due 7 days into the stage");

  /* The item removed in this window's library: the task lets go of it
   * and the choice is gone from every row. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), find_choice (combo, ODD_TITLE " (Course)"));
  ov_ui_test_settle ();
  g_assert_cmpint (stored_content_id (check, playbook_id, OV_STAGE_ADOPT, 0), ==,
                   ov_content_item_get_id (odd));
  {
    g_autoptr(OvContentItem) stored = ov_store_get_content_item (ov_window_get_store (window),
                                                                 ov_content_item_get_id (odd),
                                                                 &error);

    g_assert_no_error (error);
    g_assert_true (ov_store_delete_content_item (ov_window_get_store (window), stored, &error));
    g_assert_no_error (error);
  }
  wait_choices (editor, n_items - 1);
  combo = training_combo (editor, OV_STAGE_ADOPT, 0);
  g_assert_cmpstr (selected_text (combo), ==, "None");
  g_assert_cmpint (stored_content_id (check, playbook_id, OV_STAGE_ADOPT, 0), ==, 0);
  /* The next edit saves without complaint. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo),
                              find_choice (combo, "Build your first report (Hands-on exercise)"));
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_playbook_editor_get_error (OV_PLAYBOOK_EDITOR (editor)), ==, "");
  g_assert_cmpint (stored_content_id (check, playbook_id, OV_STAGE_ADOPT, 0), !=, 0);

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/playbooks/training/choose", test_choose_training);

  return g_test_run ();
}
