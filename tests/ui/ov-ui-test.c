/* ov-ui-test.c — driving real Overture windows in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "ov-ui-test.h"
#include "ov-test-support.h"

static OvApplication *app;
static char *test_dir;

static void
cleanup (void)
{
  g_clear_object (&app);
  ov_test_remove_dir (test_dir);
  g_clear_pointer (&test_dir, g_free);
}

/* A look test speaks the language asked for (LANGUAGE=de) when given the
 * catalogues built with the tests (OVERTURE_LOCALEDIR), as the app does. */
void
ov_ui_test_use_asked_language (void)
{
  if (g_getenv ("OVERTURE_LOCALEDIR") == NULL)
    return;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OVERTURE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
ov_ui_test_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GError) error = NULL;
  static const char * const user_dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };

  /* What G_TEST_OPTION_ISOLATE_DIRS does for the other tests, which
   * gtk_test_init() takes no option for: set before GLib reads them, so no
   * test reaches the real ~/.local/share/overture. */
  test_dir = ov_test_make_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (test_dir, user_dirs[i], NULL);

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      g_setenv (user_dirs[i], dir, TRUE);
    }

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() switches every category to en_US.UTF-8 where that
   * locale exists: the tests run in the locale their environment sets
   * (tests/meson.build), whatever the machine has generated. */
  setlocale (LC_ALL, "");
  adw_init ();

  /* Screenshots and assertions see the end of a transition, not its middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (g_getenv ("OVERTURE_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  g_setenv ("OVERTURE_TODAY", "2026-11-23", TRUE);

  app = ov_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  atexit (cleanup);
}

/* A database path inside the test's private directory. */
char *
ov_ui_test_db_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

void
ov_ui_test_settle (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; FALSE on timeout. */
gboolean
ov_ui_test_wait (OvUiCondition condition,
                 gpointer      data,
                 guint         timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  ov_ui_test_settle ();
  return condition (data);
}

typedef struct
{
  OvWindow   *window;
  const char *state;
} StateWait;

static gboolean
state_reached (gpointer data)
{
  StateWait *wait = data;

  return g_strcmp0 (ov_window_state_get_nick (ov_window_get_state (wait->window)),
                    wait->state) == 0;
}

void
ov_ui_test_wait_state (OvWindow   *window,
                       const char *state)
{
  StateWait wait = { window, state };

  if (!ov_ui_test_wait (state_reached, &wait, 20000))
    g_error ("window stayed in state “%s”, expected “%s”",
             ov_window_state_get_nick (ov_window_get_state (window)), state);
}

OvWindow *
ov_ui_test_open_window (const char *db_path)
{
  OvWindow *window;

  window = ov_window_new (app, db_path);

  /* OVERTURE_TEST_SIZE=400x720: look at a narrow window. */
  if (g_getenv ("OVERTURE_TEST_SIZE") != NULL)
    {
      int width = 0, height = 0;

      if (sscanf (g_getenv ("OVERTURE_TEST_SIZE"), "%dx%d", &width, &height) == 2)
        gtk_window_set_default_size (GTK_WINDOW (window), width, height);
    }

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

void
ov_ui_test_close_window (OvWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ov_ui_test_settle ();
}

GtkWidget *
ov_ui_test_child (gpointer    widget,
                  GType       type,
                  const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The first mapped label under @widget whose text starts with @prefix. */
GtkWidget *
ov_ui_test_find_label (GtkWidget  *widget,
                       const char *prefix)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c) &&
          g_str_has_prefix (gtk_label_get_label (GTK_LABEL (c)), prefix))
        return c;
      if ((found = ov_ui_test_find_label (c, prefix)) != NULL)
        return found;
    }

  return NULL;
}

/* The mapped button labelled @label, @widget or one under it. */
GtkWidget *
ov_ui_test_find_button (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = ov_ui_test_find_button (c, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first visible toplevel window of @type (owned by GTK), or NULL. */
gpointer
ov_ui_test_find_window (GType type)
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

typedef struct
{
  GtkWidget  *root;
  const char *prefix;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return ov_ui_test_find_label (wait->root, wait->prefix) != NULL;
}

/* The label of the toast showing in @window that starts with @prefix. */
GtkWidget *
ov_ui_test_wait_toast (OvWindow   *window,
                       const char *prefix)
{
  LabelWait wait = { ov_ui_test_child (window, OV_TYPE_WINDOW, "toast_overlay"), prefix };

  if (!ov_ui_test_wait (label_shown, &wait, 30000))
    g_error ("no toast starting with “%s”", prefix);

  return ov_ui_test_find_label (wait.root, prefix);
}

/* What @widget shows, rendered as it was last drawn. */
GdkTexture *
ov_ui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* Idle callbacks (the switcher bar follows the title from one) first. */
  ov_ui_test_settle ();

  /* The paintable has nothing to give until the widget was drawn once. */
  for (int attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gtk_test_widget_wait_for_draw (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Renders @widget as it is now into OVERTURE_TEST_OUTPUT/NAME.png (the
 * temporary folder when the test runs outside meson). */
void
ov_ui_test_screenshot (GtkWidget  *widget,
                       const char *name)
{
  g_autoptr(GdkTexture) texture = ov_ui_test_render (widget);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("OVERTURE_TEST_OUTPUT");

  path = g_build_filename (dir ? dir : g_get_tmp_dir (), file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Light, then dark, under @name and @name-dark. */
void
ov_ui_test_shoot (GtkWidget  *widget,
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
void
ov_ui_test_scroll_to (GtkWidget *widget,
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
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

      g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0),
                                               &point));
      gtk_adjustment_set_value (adjustment, point.y - 12);
    }

  ov_ui_test_settle ();
  gtk_test_widget_wait_for_draw (widget);
}

/* Another window on @db, 400 px wide from the start. (Narrowing a window
 * already shown slides the view switcher bar in, and GTK 4.8 allocates its
 * action bar at a negative height for a frame, which it warns about.) */
OvWindow *
ov_ui_test_open_narrow_window (const char *db)
{
  OvWindow *window;

  g_setenv ("OVERTURE_TEST_SIZE", "400x760", TRUE);
  window = ov_ui_test_open_window (db);
  g_unsetenv ("OVERTURE_TEST_SIZE");
  ov_ui_test_wait_state (window, "portfolio");
  return window;
}

/* A connection of the test's own to @db, to read what was stored. */
OvStore *
ov_ui_test_open_store (const char *db)
{
  g_autoptr(GError) error = NULL;
  OvStore *store = ov_store_open (db, &error);

  g_assert_no_error (error);
  return store;
}

/* A window on a new database @name (in the test's directory) holding the
 * sample portfolio, once the portfolio is shown. */
OvWindow *
ov_ui_test_open_sample_window (const char *name)
{
  g_autofree char *db = ov_ui_test_db_path (name);
  g_autoptr(OvStore) store = ov_ui_test_open_store (db);
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

/* The texts of the visible labels under @widget (borrowed), in order. */
GPtrArray *
ov_ui_test_labels (GtkWidget *widget)
{
  GPtrArray *texts = g_ptr_array_new ();

  collect_labels (widget, texts);
  return texts;
}

/* How many rows the GtkListBox @list_box has. */
guint
ov_ui_test_n_rows (GtkWidget *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), n) != NULL)
    n++;

  return n;
}
