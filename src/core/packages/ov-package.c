/* ov-package.c — a package of onboarding and success services, at a price
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a customer buys beside the product: a name the portfolio knows it
 * by, a price in cents and its currency, the services it bundles. Names
 * are unique whatever their case (ov_package_name_key()).
 */

#define G_LOG_DOMAIN "ov-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-enum-types.h"
#include "ov-money.h"
#include "ov-package.h"
#include "ov-package-services.h"
#include "ov-property.h"
#include "ov-text.h"

struct _OvPackage
{
  GObject            parent_instance;

  gint64             id;
  gint64             version;   /* of the stored row read; 0 until stored */
  gint64             price_cents;
  char              *name;
  char              *currency;
  char              *other_services;
  OvPackageServices  services;
};

G_DEFINE_FINAL_TYPE (OvPackage, ov_package, G_TYPE_OBJECT)

G_DEFINE_QUARK (ov-package-error-quark, ov_package_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PRICE_CENTS,
  PROP_CURRENCY,
  PROP_SERVICES,
  PROP_OTHER_SERVICES,
  PROP_PRICE_TEXT,
  PROP_SERVICES_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_package_finalize (GObject *object)
{
  OvPackage *self = (OvPackage *)object;

  g_free (self->name);
  g_free (self->currency);
  g_free (self->other_services);

  G_OBJECT_CLASS (ov_package_parent_class)->finalize (object);
}

static void
ov_package_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OvPackage *self = OV_PACKAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, ov_package_get_name (self));
      break;
    case PROP_PRICE_CENTS:
      g_value_set_int64 (value, self->price_cents);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_SERVICES:
      g_value_set_flags (value, self->services);
      break;
    case PROP_OTHER_SERVICES:
      g_value_set_string (value, ov_package_get_other_services (self));
      break;
    case PROP_PRICE_TEXT:
      g_value_take_string (value, ov_money_format (self->price_cents, self->currency));
      break;
    case PROP_SERVICES_TEXT:
      g_value_take_string (value, ov_package_services_describe (self->services,
                                                                self->other_services));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_package_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OvPackage *self = OV_PACKAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_package_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      ov_package_set_name (self, g_value_get_string (value));
      break;
    case PROP_PRICE_CENTS:
      ov_package_set_price_cents (self, g_value_get_int64 (value));
      break;
    case PROP_CURRENCY:
      ov_package_set_currency (self, g_value_get_string (value));
      break;
    case PROP_SERVICES:
      ov_package_set_services (self, g_value_get_flags (value));
      break;
    case PROP_OTHER_SERVICES:
      ov_package_set_other_services (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_package_class_init (OvPackageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_package_finalize;
  object_class->get_property = ov_package_get_property;
  object_class->set_property = ov_package_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_PRICE_CENTS] =
    g_param_spec_int64 ("price-cents", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "USD", rw);
  properties[PROP_SERVICES] =
    g_param_spec_flags ("services", NULL, NULL, OV_TYPE_PACKAGE_SERVICES,
                        OV_PACKAGE_SERVICE_NONE, rw);
  properties[PROP_OTHER_SERVICES] = g_param_spec_string ("other-services", NULL, NULL, "", rw);
  properties[PROP_PRICE_TEXT] = g_param_spec_string ("price-text", NULL, NULL, "", ro);
  properties[PROP_SERVICES_TEXT] = g_param_spec_string ("services-text", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_package_init (OvPackage *self)
{
  self->currency = g_strdup ("USD");
}

OvPackage *
ov_package_new (const char *name)
{
  OvPackage *self = g_object_new (OV_TYPE_PACKAGE, NULL);

  self->name = g_strdup (name);
  return self;
}

OvPackage *
ov_package_copy (OvPackage *self)
{
  OvPackage *copy;

  g_return_val_if_fail (OV_IS_PACKAGE (self), NULL);

  copy = ov_package_new (self->name);
  copy->id = self->id;
  copy->version = self->version;
  copy->price_cents = self->price_cents;
  g_free (copy->currency);
  copy->currency = g_strdup (self->currency);
  copy->services = self->services;
  copy->other_services = g_strdup (self->other_services);
  return copy;
}

static gboolean
check_text (const char  *label,
            const char  *text,
            int          code,
            GError     **error)
{
  gunichar control;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, OV_PACKAGE_ERROR, code, _("%s: the text is not valid UTF-8."), label);
      return FALSE;
    }

  control = ov_text_find_control (text, FALSE);
  if (control != 0)
    {
      g_set_error (error, OV_PACKAGE_ERROR, code,
                   _("%s: the text holds the control character U+%04X."), label,
                   (guint)control);
      return FALSE;
    }

  return TRUE;
}

gboolean
ov_package_validate (OvPackage  *self,
                     GError    **error)
{
  g_autofree char *name = NULL;
  const char *currency;

  g_return_val_if_fail (OV_IS_PACKAGE (self), FALSE);

  if (!check_text (_("Name"), ov_package_get_name (self), OV_PACKAGE_ERROR_NAME, error))
    return FALSE;

  name = g_strstrip (g_strdup (ov_package_get_name (self)));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, OV_PACKAGE_ERROR, OV_PACKAGE_ERROR_NAME,
                           _("Name: a package needs a name."));
      return FALSE;
    }

  if (g_utf8_strlen (name, -1) > OV_PACKAGE_NAME_MAX_CHARS)
    {
      g_set_error (error, OV_PACKAGE_ERROR, OV_PACKAGE_ERROR_NAME,
                   ngettext ("Name: a package name has at most %d character.",
                             "Name: a package name has at most %d characters.",
                             OV_PACKAGE_NAME_MAX_CHARS),
                   OV_PACKAGE_NAME_MAX_CHARS);
      return FALSE;
    }

  if (self->price_cents < 0)
    {
      g_set_error_literal (error, OV_PACKAGE_ERROR, OV_PACKAGE_ERROR_PRICE,
                           _("Price: a package cannot cost less than nothing."));
      return FALSE;
    }

  currency = ov_package_get_currency (self);
  if (strlen (currency) != 3 || !g_ascii_isalpha (currency[0]) ||
      !g_ascii_isalpha (currency[1]) || !g_ascii_isalpha (currency[2]))
    {
      g_set_error (error, OV_PACKAGE_ERROR, OV_PACKAGE_ERROR_CURRENCY,
                   _("Currency: “%s” is not a three-letter currency code such as USD or EUR."),
                   currency);
      return FALSE;
    }

  if ((self->services & ~OV_PACKAGE_SERVICES_ALL) != 0)
    {
      g_set_error_literal (error, OV_PACKAGE_ERROR, OV_PACKAGE_ERROR_SERVICES,
                           _("Services: one of them is not a service Overture knows."));
      return FALSE;
    }

  return check_text (_("Services"), ov_package_get_other_services (self),
                     OV_PACKAGE_ERROR_SERVICES, error);
}

char *
ov_package_name_key (const char *name)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  return ov_text_fold (stripped);
}

gint64
ov_package_get_id (OvPackage *self)
{
  g_return_val_if_fail (OV_IS_PACKAGE (self), 0);

  return self->id;
}

void
ov_package_set_id (OvPackage *self,
                   gint64     id)
{
  g_return_if_fail (OV_IS_PACKAGE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The version of the stored row this object was read at: a write names it,
 * so a copy older than the row is refused instead of written over it. */
gint64
ov_package_get_version (OvPackage *self)
{
  g_return_val_if_fail (OV_IS_PACKAGE (self), 0);

  return self->version;
}

void
ov_package_set_version (OvPackage *self,
                        gint64     version)
{
  g_return_if_fail (OV_IS_PACKAGE (self));

  self->version = version;
}

const char *
ov_package_get_name (OvPackage *self)
{
  g_return_val_if_fail (OV_IS_PACKAGE (self), NULL);

  return self->name != NULL ? self->name : "";
}

void
ov_package_set_name (OvPackage  *self,
                     const char *name)
{
  g_return_if_fail (OV_IS_PACKAGE (self));

  ov_property_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

gint64
ov_package_get_price_cents (OvPackage *self)
{
  g_return_val_if_fail (OV_IS_PACKAGE (self), 0);

  return self->price_cents;
}

void
ov_package_set_price_cents (OvPackage *self,
                            gint64     price_cents)
{
  g_return_if_fail (OV_IS_PACKAGE (self));

  if (self->price_cents == price_cents)
    return;

  self->price_cents = price_cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_CENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_TEXT]);
}

const char *
ov_package_get_currency (OvPackage *self)
{
  g_return_val_if_fail (OV_IS_PACKAGE (self), NULL);

  return self->currency != NULL ? self->currency : "";
}

void
ov_package_set_currency (OvPackage  *self,
                         const char *currency)
{
  g_autofree char *upper = NULL;

  g_return_if_fail (OV_IS_PACKAGE (self));

  upper = g_ascii_strup (currency != NULL ? currency : "", -1);
  if (ov_property_set_string (G_OBJECT (self), &self->currency, upper,
                              properties[PROP_CURRENCY]))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_TEXT]);
}

OvPackageServices
ov_package_get_services (OvPackage *self)
{
  g_return_val_if_fail (OV_IS_PACKAGE (self), OV_PACKAGE_SERVICE_NONE);

  return self->services;
}

void
ov_package_set_services (OvPackage         *self,
                         OvPackageServices  services)
{
  g_return_if_fail (OV_IS_PACKAGE (self));

  if (self->services == services)
    return;

  self->services = services;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICES_TEXT]);
}

const char *
ov_package_get_other_services (OvPackage *self)
{
  g_return_val_if_fail (OV_IS_PACKAGE (self), NULL);

  return self->other_services != NULL ? self->other_services : "";
}

void
ov_package_set_other_services (OvPackage  *self,
                               const char *other_services)
{
  g_return_if_fail (OV_IS_PACKAGE (self));

  if (ov_property_set_string (G_OBJECT (self), &self->other_services, other_services,
                              properties[PROP_OTHER_SERVICES]))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICES_TEXT]);
}

gboolean
ov_package_has_service (OvPackage         *self,
                        OvPackageServices  service)
{
  g_return_val_if_fail (OV_IS_PACKAGE (self), FALSE);

  return (self->services & service) == service && service != OV_PACKAGE_SERVICE_NONE;
}
