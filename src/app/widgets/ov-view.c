/* ov-view.c — a widget that shows the portfolio through its context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of the window's views and their parts (the dashboard, the
 * accounts view and its account page, the playbooks view and its editor,
 * the account page's sections). It holds the window's OvContext in its
 * "context" property, which a parent's template binds to its own, and
 * follows the context through one GSignalGroup: a subclass overrides
 * store_ready(), store_changed() and today_changed() rather than connecting
 * to a store itself, so giving a view the same or another context never
 * leaves a stale or doubled handler behind.
 */

#define G_LOG_DOMAIN "ov-view"

#include "config.h"

#include "ov-view.h"

typedef struct
{
  OvContext    *context;
  GSignalGroup *context_signals;
} OvViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OvView, ov_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
store_ready (OvView *self)
{
  OvViewClass *klass = OV_VIEW_GET_CLASS (self);

  if (ov_view_get_store (self) != NULL && klass->store_ready != NULL)
    klass->store_ready (self);
}

static void
store_changed_cb (OvView     *self,
                  const char *what)
{
  OvViewClass *klass = OV_VIEW_GET_CLASS (self);

  if (klass->store_changed != NULL)
    klass->store_changed (self, what);
}

static void
today_changed_cb (OvView *self)
{
  OvViewClass *klass = OV_VIEW_GET_CLASS (self);

  if (klass->today_changed != NULL)
    klass->today_changed (self);
}

static void
ov_view_dispose (GObject *object)
{
  OvView *self = OV_VIEW (object);
  OvViewPrivate *priv = ov_view_get_instance_private (self);

  if (priv->context_signals != NULL)
    g_signal_group_set_target (priv->context_signals, NULL);
  g_clear_object (&priv->context_signals);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (ov_view_parent_class)->dispose (object);
}

static void
ov_view_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  OvView *self = OV_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, ov_view_get_context (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_view_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  OvView *self = OV_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ov_view_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_view_class_init (OvViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ov_view_dispose;
  object_class->get_property = ov_view_get_property;
  object_class->set_property = ov_view_set_property;

  /**
   * OvView:context:
   *
   * The window's context: its store, settings and clock. A template binds
   * it from its own ("bind-source" the template's class).
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, OV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_view_init (OvView *self)
{
  OvViewPrivate *priv = ov_view_get_instance_private (self);

  priv->context_signals = g_signal_group_new (OV_TYPE_CONTEXT);
  g_signal_group_connect_swapped (priv->context_signals, "store-changed",
                                  G_CALLBACK (store_changed_cb), self);
  g_signal_group_connect_swapped (priv->context_signals, "notify::store",
                                  G_CALLBACK (store_ready), self);
  g_signal_group_connect_swapped (priv->context_signals, "notify::today",
                                  G_CALLBACK (today_changed_cb), self);
}

OvContext *
ov_view_get_context (OvView *self)
{
  OvViewPrivate *priv = ov_view_get_instance_private (self);

  g_return_val_if_fail (OV_IS_VIEW (self), NULL);

  return priv->context;
}

void
ov_view_set_context (OvView    *self,
                     OvContext *context)
{
  OvViewPrivate *priv = ov_view_get_instance_private (self);

  g_return_if_fail (OV_IS_VIEW (self));
  g_return_if_fail (context == NULL || OV_IS_CONTEXT (context));

  if (!g_set_object (&priv->context, context))
    return;

  g_signal_group_set_target (priv->context_signals, context);
  store_ready (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* The context's store; %NULL while the window is still opening its file
 * (or before the view was given its context). */
OvStore *
ov_view_get_store (OvView *self)
{
  OvViewPrivate *priv = ov_view_get_instance_private (self);

  g_return_val_if_fail (OV_IS_VIEW (self), NULL);

  return ov_context_get_store (priv->context);
}

/* The day "overdue" and "days since" count from. */
OvDate
ov_view_get_today (OvView *self)
{
  OvViewPrivate *priv = ov_view_get_instance_private (self);

  g_return_val_if_fail (OV_IS_VIEW (self), OV_DATE_NONE);

  return ov_context_get_today (priv->context);
}
