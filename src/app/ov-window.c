/* ov-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-window"

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "ov-accounts-view.h"
#include "ov-app-util.h"
#include "ov-dashboard-view.h"
#include "ov-export-dialog.h"
#include "ov-import-dialog.h"
#include "ov-new-account-dialog.h"
#include "ov-playbooks-view.h"
#include "ov-conflict.h"
#include "ov-window-private.h"

/* Seconds between attempts to open a database another program holds. */
#define RETRY_SECONDS 2

G_DEFINE_FINAL_TYPE (OvWindow, ov_window, ADW_TYPE_APPLICATION_WINDOW)

G_DEFINE_ENUM_TYPE (OvWindowState, ov_window_state,
                    G_DEFINE_ENUM_VALUE (OV_WINDOW_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (OV_WINDOW_STATE_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (OV_WINDOW_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (OV_WINDOW_STATE_PORTFOLIO, "portfolio"))

/* The nick, which is also the name of the window's page for the state. */
const char *
ov_window_state_get_nick (OvWindowState state)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (OV_TYPE_WINDOW_STATE);
  GEnumValue *value = g_enum_get_value (klass, state);

  g_return_val_if_fail (value != NULL, NULL);
  return value->value_nick;
}

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The portfolio's store; %NULL while the window is opening it. */
OvStore *
ov_window_get_store (OvWindow *self)
{
  g_return_val_if_fail (OV_IS_WINDOW (self), NULL);

  return ov_context_get_store (self->context);
}

OvContext *
ov_window_get_context (OvWindow *self)
{
  g_return_val_if_fail (OV_IS_WINDOW (self), NULL);

  return self->context;
}

OvAccountList *
ov_window_get_accounts (OvWindow *self)
{
  g_return_val_if_fail (OV_IS_WINDOW (self), NULL);

  return self->accounts;
}

OvWindowState
ov_window_get_state (OvWindow *self)
{
  g_return_val_if_fail (OV_IS_WINDOW (self), OV_WINDOW_STATE_LOADING);

  return self->state;
}

void
ov_window_add_toast (OvWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (OV_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The bottom switcher stands in for the title's when the window is narrow. */
static void
update_switcher_bar (OvWindow *self)
{
  gboolean portfolio = self->state == OV_WINDOW_STATE_PORTFOLIO;

  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar),
                          portfolio &&
                          adw_view_switcher_title_get_title_visible (self->switcher_title));
}

void
ov_window_set_state (OvWindow      *self,
                     OvWindowState  state)
{
  gboolean portfolio = state == OV_WINDOW_STATE_PORTFOLIO;
  gboolean changed = self->state != state;

  self->state = state;
  gtk_stack_set_visible_child_name (self->main_stack, ov_window_state_get_nick (state));
  gtk_spinner_set_spinning (self->spinner, state == OV_WINDOW_STATE_LOADING);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, portfolio);
  update_switcher_bar (self);
  gtk_widget_set_visible (self->new_account_button, portfolio);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", portfolio);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", portfolio);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-tasks", portfolio);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* For benchmarks: report when the first frame and the first frame showing
 * the portfolio were painted, then quit. Only with OVERTURE_EXIT_WHEN_LOADED. */
static void
after_paint_cb (GdkFrameClock *frame_clock,
                OvWindow      *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->first_frame_at == 0)
    self->first_frame_at = now;

  if (self->state == OV_WINDOW_STATE_LOADING)
    return;

  /* The CPU time of the whole process, every thread's, since it started:
   * on a busy machine the wall clock alone says little. */
  g_printerr ("overture: first frame %.1f ms, %s shown %.1f ms after the window was created "
              "(%u accounts), process CPU %.1f ms\n",
              (self->first_frame_at - self->created_at) / 1000.0,
              ov_window_state_get_nick (self->state),
              (now - self->created_at) / 1000.0,
              ov_account_list_get_n_total (self->accounts),
              clock () * 1000.0 / CLOCKS_PER_SEC);
  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
realize_cb (OvWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

void
ov_window_update_state (OvWindow *self)
{
  /* A file found damaged after it was shown stays on the error page. */
  if (ov_context_get_store (self->context) == NULL || self->damaged)
    return;

  ov_window_set_state (self, ov_account_list_get_n_total (self->accounts) > 0 ? OV_WINDOW_STATE_PORTFOLIO
                                                                     : OV_WINDOW_STATE_EMPTY);
}

void
ov_window_show_error (OvWindow     *self,
                      const GError *error)
{
  g_return_if_fail (OV_IS_WINDOW (self));

  ov_app_set_plain_text (self->error_page, "description", error->message);
  ov_window_set_state (self, OV_WINDOW_STATE_ERROR);
}

void
ov_window_show_account (OvWindow  *self,
                        OvAccount *account)
{
  g_return_if_fail (OV_IS_WINDOW (self));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  ov_window_update_state (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
  ov_accounts_view_show_account (self->accounts_view, account);
}

static void
store_changed_cb (OvWindow   *self,
                  const char *what,
                  OvContext  *context)
{
  ov_window_update_state (self);
}

static void start_load (OvWindow *self);

/* The check of the file, left running while the portfolio was shown. */
static void
settle_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  OvWindow *self = OV_WINDOW (object);
  g_autoptr(GError) error = NULL;

  if (ov_portfolio_settle_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Nothing was written to it: every write waited for the check. */
  self->damaged = TRUE;
  ov_window_show_error (self, error);
}

static void
settle (gpointer data)
{
  OvWindow *self = data;
  g_autoptr(GAsyncResult) result = g_steal_pointer (&self->settle_result);

  ov_portfolio_settle_async (result, self, self->cancellable, settle_done_cb, NULL);
}

/* The check of the file (which writes wait for) begins after the frame
 * that shows the portfolio, so as not to take a processor from it. */
static void
settle_after_next_frame (OvWindow     *self,
                         GAsyncResult *result)
{
  ov_frame_wait_stop (&self->settle_wait);
  g_set_object (&self->settle_result, result);
  if (!ov_frame_wait_start (&self->settle_wait, GTK_WIDGET (self), settle, self))
    settle (self);
}

static gboolean
retry_load (gpointer data)
{
  OvWindow *self = data;

  self->retry_id = 0;
  start_load (self);
  return G_SOURCE_REMOVE;
}

static void
load_done (GObject      *object,
           GAsyncResult *async_result,
           gpointer      user_data)
{
  OvWindow *self = OV_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(OvStore) store = NULL;
  OvAccountSortKey sort_key;
  gboolean descending;

  accounts = ov_portfolio_load_finish (async_result, &store, &error);

  if (accounts == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* A command-line import has the file to itself until it ends:
       * wait for it rather than give up. */
      if (ov_context_get_store (self->context) == NULL &&
          g_error_matches (error, OV_STORE_ERROR, OV_STORE_ERROR_LOCKED))
        {
          gtk_label_set_label (self->loading_label,
                               _("Another program is writing to the portfolio, most likely an "
                                 "import from the command line. Overture will open it as soon "
                                 "as that ends."));
          g_clear_handle_id (&self->retry_id, g_source_remove);
          self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_load, self);
          return;
        }

      ov_window_show_error (self, error);
      return;
    }

  gtk_label_set_label (self->loading_label, _("Opening the portfolio…"));

  /* The views follow the context: they read what they show now. */
  if (store != NULL)
    ov_context_set_store (self->context, store);

  ov_portfolio_load_get_order (async_result, &sort_key, &descending);
  ov_account_list_take_accounts (self->accounts, g_steal_pointer (&accounts), sort_key,
                                 descending);

  ov_window_update_state (self);

  if (store != NULL)
    settle_after_next_frame (self, async_result);
}

static void
start_load (OvWindow *self)
{
  OvPortfolioLoadOptions options = { .purge_before = self->purge_before };

  ov_account_list_get_sort (self->accounts, &options.sort_key, &options.descending);
  ov_portfolio_load_async (self->db_path, ov_context_get_store (self->context), &options, self,
                           self->cancellable, load_done, NULL);
}

/* Reads the portfolio again, after a change made through another
 * connection (sample data, an import). */
void
ov_window_reload (OvWindow *self)
{
  g_return_if_fail (OV_IS_WINDOW (self));

  start_load (self);
}

static void
save_window_state (OvWindow *self)
{
  GSettings *settings = ov_context_get_settings (self->context);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (self->state == OV_WINDOW_STATE_PORTFOLIO)
    g_settings_set_string (settings, "last-view",
                           adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
restore_window_state (OvWindow *self)
{
  GSettings *settings = ov_context_get_settings (self->context);
  g_autofree char *view = NULL;
  int width, height;

  if (settings == NULL)
    return;

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}

/* Opens the portfolio in @db_path (the application's database when NULL). */
OvWindow *
ov_window_new (OvApplication *application,
               const char    *db_path)
{
  g_autoptr(OvContext) context = ov_context_new (ov_application_get_settings (application));
  OvWindow *self = g_object_new (OV_TYPE_WINDOW,
                                 "application", application,
                                 "context", context,
                                 NULL);

  self->db_path = g_strdup (db_path ? db_path : ov_application_get_db_path (application));
  self->purge_before = ov_application_get_started_at (application);

  /* Both need the application, which is set after construction. */
  restore_window_state (self);
  start_load (self);

  return self;
}

static gboolean
ov_window_close_request (GtkWindow *window)
{
  save_window_state (OV_WINDOW (window));

  return GTK_WINDOW_CLASS (ov_window_parent_class)->close_request (window);
}

static void
ov_window_dispose (GObject *object)
{
  OvWindow *self = OV_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->switcher_sync_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  ov_frame_wait_stop (&self->settle_wait);
  g_clear_object (&self->settle_result);

  G_OBJECT_CLASS (ov_window_parent_class)->dispose (object);
}

static void
ov_window_finalize (GObject *object)
{
  OvWindow *self = OV_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->accounts);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ov_window_parent_class)->finalize (object);
}

static void
ov_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OvWindow *self = OV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OvWindow *self = OV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The switcher title changes its mind while the header bar is allocated.
 * Changing the bottom bar right then makes GTK 4.8 allocate it at a
 * negative height (and warn), so it follows from an idle; and it is shown
 * or hidden rather than revealed, so its revealer never animates mid-way. */
static gboolean
sync_switcher_bar (gpointer data)
{
  OvWindow *self = data;

  self->switcher_sync_id = 0;
  update_switcher_bar (self);
  return G_SOURCE_REMOVE;
}

static void
title_visible_cb (OvWindow *self)
{
  if (self->switcher_sync_id == 0)
    self->switcher_sync_id = g_idle_add (sync_switcher_bar, self);
}

/* Back at the window, perhaps the next morning after a suspend. */
static void
is_active_cb (OvWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    ov_context_check_today (self->context);
}

static void
ov_window_constructed (GObject *object)
{
  OvWindow *self = OV_WINDOW (object);

  G_OBJECT_CLASS (ov_window_parent_class)->constructed (object);

  /* A window made with g_object_new() alone has a context of its own. */
  if (self->context == NULL)
    {
      self->context = ov_context_new (NULL);
      g_object_notify_by_pspec (object, properties[PROP_CONTEXT]);
    }

  g_signal_connect_object (self->context, "store-changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  ov_window_init_views (self);
}

static void
ov_window_class_init (OvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ov_window_dispose;
  object_class->finalize = ov_window_finalize;
  object_class->constructed = ov_window_constructed;
  object_class->get_property = ov_window_get_property;
  object_class->set_property = ov_window_set_property;

  window_class->close_request = ov_window_close_request;

  /**
   * OvWindow:context:
   *
   * What the window's views work with: the store (once opened), the
   * settings, the clock. The template hands it on to each view.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, OV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, OV_TYPE_WINDOW_STATE, OV_WINDOW_STATE_LOADING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OV_TYPE_ACCOUNTS_VIEW);
  g_type_ensure (OV_TYPE_DASHBOARD_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ov-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OvWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, accounts_view);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, dashboard_view);
  gtk_widget_class_bind_template_child (widget_class, OvWindow, new_account_button);

  ov_window_class_init_actions (widget_class);
}

static void
ov_window_init (OvWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Z undoes an import only while its toast says what it did. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import", FALSE);

  /* A development build says so: libadwaita stripes its header bars. */
  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->cancellable = g_cancellable_new ();
  self->accounts = ov_account_list_new ();

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);
  sync_switcher_bar (self);

  ov_accounts_view_set_accounts (self->accounts_view, self->accounts);
  ov_dashboard_view_set_accounts (self->dashboard_view, self->accounts);

  ov_window_set_state (self, OV_WINDOW_STATE_LOADING);

  self->created_at = g_get_monotonic_time ();
  if (g_getenv ("OVERTURE_EXIT_WHEN_LOADED") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
}
