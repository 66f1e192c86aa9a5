/* ov-context.c — what every view of a window works with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per window, handed to each view as its "context" property: the
 * portfolio's store (none while the file is still being opened; it is set
 * once; the context passes its "changed" signal on as "store-changed", so a
 * view follows the store through one GSignalGroup on its context), the
 * application's settings (none in tests that run without an application),
 * and the clock. "today" is the day every
 * "overdue" and "days since" is counted from; it changes at midnight, so a
 * window left open overnight counts from the new day.
 */

#define G_LOG_DOMAIN "ov-context"

#include "config.h"

#include "ov-context.h"

struct _OvContext
{
  GObject    parent_instance;

  OvStore   *store;
  GSettings *settings;
  OvDate     today;
  guint      midnight_id;
};

G_DEFINE_FINAL_TYPE (OvContext, ov_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STORE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
midnight_cb (gpointer data)
{
  OvContext *self = data;

  self->midnight_id = 0;
  ov_context_check_today (self);

  return G_SOURCE_REMOVE;
}

/* Wakes up a second after the next local midnight (and at the latest
 * after an hour, in case the clock or the time zone changed meanwhile). */
static void
schedule_midnight (OvContext *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int seconds = 24 * 3600 - (g_date_time_get_hour (now) * 3600 +
                             g_date_time_get_minute (now) * 60 +
                             g_date_time_get_second (now)) + 1;

  self->midnight_id = g_timeout_add_seconds (MIN (seconds, 3600), midnight_cb, self);
}

static void
ov_context_dispose (GObject *object)
{
  OvContext *self = OV_CONTEXT (object);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ov_context_parent_class)->dispose (object);
}

static void
ov_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OvContext *self = OV_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_TODAY:
      g_value_set_int (value, self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OvContext *self = OV_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ov_context_set_store (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_context_class_init (OvContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ov_context_dispose;
  object_class->get_property = ov_context_get_property;
  object_class->set_property = ov_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_int ("today", NULL, NULL, G_MININT32, G_MAXINT32, OV_DATE_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OvContext::store-changed:
   * @what: what changed: "accounts", "tasks", "people", "playbooks" …
   *
   * The store's "changed", passed on, with the same detail.
   */
  signals[STORE_CHANGED] = g_signal_new ("store-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ov_context_init (OvContext *self)
{
  self->today = ov_date_today ();
  schedule_midnight (self);
}

/* @settings: the application's, or %NULL (tests without an application). */
OvContext *
ov_context_new (GSettings *settings)
{
  return g_object_new (OV_TYPE_CONTEXT, "settings", settings, NULL);
}

/* @self may be %NULL (a view not given its context yet): no store then. */
OvStore *
ov_context_get_store (OvContext *self)
{
  g_return_val_if_fail (self == NULL || OV_IS_CONTEXT (self), NULL);

  return self != NULL ? self->store : NULL;
}

static void
store_changed_cb (OvContext  *self,
                  const char *what)
{
  g_signal_emit (self, signals[STORE_CHANGED], g_quark_from_string (what), what);
}

/* Set once, when the window has opened its portfolio. */
void
ov_context_set_store (OvContext *self,
                      OvStore   *store)
{
  g_return_if_fail (OV_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || OV_IS_STORE (store));
  g_return_if_fail (self->store == NULL || self->store == store);

  if (!g_set_object (&self->store, store))
    return;

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Reads the clock again now. The window asks when it becomes active: a
 * timer waits in monotonic time, which stands still while the computer
 * sleeps, so after a night in suspend midnight_cb() would come late. */
void
ov_context_check_today (OvContext *self)
{
  OvDate today;

  g_return_if_fail (OV_IS_CONTEXT (self));

  today = ov_date_today ();
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  schedule_midnight (self);

  if (today != self->today)
    {
      self->today = today;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
    }
}

GSettings *
ov_context_get_settings (OvContext *self)
{
  g_return_val_if_fail (OV_IS_CONTEXT (self), NULL);

  return self->settings;
}

/* The day "overdue" and "days since" count from; ov_date_today() when
 * @self is %NULL. */
OvDate
ov_context_get_today (OvContext *self)
{
  g_return_val_if_fail (self == NULL || OV_IS_CONTEXT (self), OV_DATE_NONE);

  return self != NULL ? self->today : ov_date_today ();
}
