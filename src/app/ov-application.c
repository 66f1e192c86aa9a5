/* ov-application.c — the Overture application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-application.h"
#include "ov-core.h"
#include "ov-overdue-reminder.h"
#include "ov-preferences-window.h"
#include "ov-window.h"

struct _OvApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  GSettings      *settings;
  gint64          started_at;
};

G_DEFINE_FINAL_TYPE (OvApplication, ov_application, ADW_TYPE_APPLICATION)

OvApplication *
ov_application_new (void)
{
  return g_object_new (OV_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/* The --db option, else OVERTURE_DB, else the default under
 * $XDG_DATA_HOME/overture. */
const char *
ov_application_get_db_path (OvApplication *self)
{
  g_return_val_if_fail (OV_IS_APPLICATION (self), NULL);

  if (self->db_path == NULL)
    self->db_path = ov_store_default_path ();

  return self->db_path;
}

/* When this run of the app started, in Unix seconds: accounts deleted
 * earlier are purged, later ones keep their Undo. */
gint64
ov_application_get_started_at (OvApplication *self)
{
  g_return_val_if_fail (OV_IS_APPLICATION (self), 0);

  return self->started_at;
}

/* NULL when the schema is not installed (running from a build tree without
 * GSETTINGS_SCHEMA_DIR): the app then simply forgets window state. */
GSettings *
ov_application_get_settings (OvApplication *self)
{
  g_return_val_if_fail (OV_IS_APPLICATION (self), NULL);

  return self->settings;
}

static int
ov_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  OvApplication *self = OV_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db[0] != '\0')
    {
      /* Another database means another portfolio: do not hand it to a
       * running instance that has its own open. */
      /* Absolute against the folder the app was started from. */
      self->db_path = g_canonicalize_filename (db, NULL);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  else if (g_getenv ("OVERTURE_DB") != NULL)
    {
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing windows lets them save their state first. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Overture developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Overture"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Overture developers"),
                        "developers", developers,
                        "comments", _("Take every new customer from signed deal to proven value"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  OvApplication *self = OV_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = ov_preferences_window_new (parent, self->settings);

  /* What the open portfolio keeps: its program start and health weights. */
  if (OV_IS_WINDOW (parent) && ov_window_get_store (OV_WINDOW (parent)) != NULL)
    ov_preferences_window_set_store (OV_PREFERENCES_WINDOW (preferences),
                                     ov_window_get_store (OV_WINDOW (parent)));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Brings the window forward on one of its views: what clicking the
 * overdue-tasks notification does. */
static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  OvApplication *self = OV_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ov_window_new (self, NULL));

  gtk_window_present (window);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-view", parameter);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "show-view", show_view_activated, "s" },
};

static void
ov_application_startup (GApplication *app)
{
  OvApplication *self = OV_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-account", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-imports", { "<Shift><Control>i", NULL } },
    { "win.undo-import", { "<Control>z", NULL } },
    { "win.show-view::dashboard", { "<Alt>1", NULL } },
    { "win.show-view::accounts", { "<Alt>2", NULL } },
    { "win.show-view::playbooks", { "<Alt>3", NULL } },
    { "win.show-view::insights", { "<Alt>4", NULL } },
    { "win.show-view::answers", { "<Alt>5", NULL } },
    { "win.show-view::tasks", { "<Alt>6", NULL } },
    { "win.show-view::content", { "<Alt>7", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (ov_application_parent_class)->startup (app);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (SCHEMA_ID);
  else
    g_debug ("GSettings schema %s is not installed; window state is not kept", SCHEMA_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

/* Once the first window has opened its portfolio: the start-up reminder
 * about overdue tasks, unless the user turned it off. */
static void
window_state_cb (OvWindow      *window,
                 GParamSpec    *pspec,
                 OvApplication *self)
{
  OvWindowState state = ov_window_get_state (window);

  if (state == OV_WINDOW_STATE_LOADING)
    return;

  g_signal_handlers_disconnect_by_func (window, window_state_cb, self);

  if (state == OV_WINDOW_STATE_PORTFOLIO && ov_window_get_store (window) != NULL)
    ov_overdue_reminder_send_async (G_APPLICATION (self), ov_window_get_store (window),
                                    ov_date_today (),
                                    ov_overdue_reminder_is_enabled (self->settings),
                                    NULL, NULL, NULL);
}

static void
ov_application_activate (GApplication *app)
{
  OvApplication *self = OV_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (ov_window_new (self, NULL));
      g_signal_connect_object (window, "notify::state", G_CALLBACK (window_state_cb), self, 0);
    }

  gtk_window_present (window);
}

static void
ov_application_finalize (GObject *object)
{
  OvApplication *self = (OvApplication *)object;

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ov_application_parent_class)->finalize (object);
}

static void
ov_application_class_init (OvApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ov_application_finalize;

  app_class->handle_local_options = ov_application_handle_local_options;
  app_class->startup = ov_application_startup;
  app_class->activate = ov_application_activate;
}

static void
ov_application_init (OvApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the portfolio stored in this database file"), N_("PATH") },
    { NULL }
  };

  self->started_at = g_get_real_time () / G_USEC_PER_SEC;
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
