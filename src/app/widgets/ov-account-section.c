/* ov-account-section.c — a part of the account page, kept up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of the account page's sections (tasks, people, the stage
 * timeline, and the measurements, interviews and package to come): a view
 * with the account it shows. It calls the subclass's refresh() when the
 * account is set, when the store arrives or changes, and when the day
 * changes. Changes come in bursts (completing a stage touches accounts,
 * answers and tasks): one refresh after the burst is enough, so those from
 * the store wait for an idle moment.
 */

#define G_LOG_DOMAIN "ov-account-section"

#include "config.h"

#include "ov-account-section.h"

typedef struct
{
  OvAccount *account;
  guint      refresh_id;
} OvAccountSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OvAccountSection, ov_account_section, OV_TYPE_VIEW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
refresh_cb (gpointer data)
{
  OvAccountSection *self = data;
  OvAccountSectionPrivate *priv = ov_account_section_get_instance_private (self);

  priv->refresh_id = 0;
  ov_account_section_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
ov_account_section_store_changed (OvView     *view,
                                  const char *what)
{
  OvAccountSection *self = OV_ACCOUNT_SECTION (view);
  OvAccountSectionPrivate *priv = ov_account_section_get_instance_private (self);

  if (priv->account != NULL && priv->refresh_id == 0)
    priv->refresh_id = g_idle_add (refresh_cb, self);
}

static void
ov_account_section_store_ready (OvView *view)
{
  ov_account_section_refresh (OV_ACCOUNT_SECTION (view));
}

static void
ov_account_section_dispose (GObject *object)
{
  OvAccountSection *self = OV_ACCOUNT_SECTION (object);
  OvAccountSectionPrivate *priv = ov_account_section_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  g_clear_object (&priv->account);

  G_OBJECT_CLASS (ov_account_section_parent_class)->dispose (object);
}

static void
ov_account_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OvAccountSection *self = OV_ACCOUNT_SECTION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, ov_account_section_get_account (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_account_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OvAccountSection *self = OV_ACCOUNT_SECTION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      ov_account_section_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_account_section_class_init (OvAccountSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_account_section_dispose;
  object_class->get_property = ov_account_section_get_property;
  object_class->set_property = ov_account_section_set_property;

  view_class->store_ready = ov_account_section_store_ready;
  view_class->store_changed = ov_account_section_store_changed;
  view_class->today_changed = ov_account_section_store_ready;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, OV_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_account_section_init (OvAccountSection *self)
{
}

OvAccount *
ov_account_section_get_account (OvAccountSection *self)
{
  OvAccountSectionPrivate *priv = ov_account_section_get_instance_private (self);

  g_return_val_if_fail (OV_IS_ACCOUNT_SECTION (self), NULL);

  return priv->account;
}

/* Shows @account at once (the page moves to it now, not after a burst). */
void
ov_account_section_set_account (OvAccountSection *self,
                                OvAccount        *account)
{
  OvAccountSectionPrivate *priv = ov_account_section_get_instance_private (self);

  g_return_if_fail (OV_IS_ACCOUNT_SECTION (self));
  g_return_if_fail (account == NULL || OV_IS_ACCOUNT (account));

  if (!g_set_object (&priv->account, account))
    return;

  ov_account_section_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/* Reads the section again now, when it has a store and an account. */
void
ov_account_section_refresh (OvAccountSection *self)
{
  OvAccountSectionPrivate *priv = ov_account_section_get_instance_private (self);

  g_return_if_fail (OV_IS_ACCOUNT_SECTION (self));

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  if (priv->account == NULL || ov_view_get_store (OV_VIEW (self)) == NULL)
    return;

  OV_ACCOUNT_SECTION_GET_CLASS (self)->refresh (self);
}
