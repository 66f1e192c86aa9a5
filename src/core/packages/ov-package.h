/* ov-package.h — a package of onboarding and success services, at a price
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-types.h"

G_BEGIN_DECLS

#define OV_PACKAGE_ERROR (ov_package_error_quark ())

typedef enum
{
  OV_PACKAGE_ERROR_NAME,
  OV_PACKAGE_ERROR_DUPLICATE,
  OV_PACKAGE_ERROR_PRICE,
  OV_PACKAGE_ERROR_CURRENCY,
  OV_PACKAGE_ERROR_SERVICES,
} OvPackageError;

/* Longer names are refused: they are labels, not descriptions. */
#define OV_PACKAGE_NAME_MAX_CHARS 80

#define OV_TYPE_PACKAGE (ov_package_get_type ())

G_DECLARE_FINAL_TYPE (OvPackage, ov_package, OV, PACKAGE, GObject)

/* Properties (all notify explicitly): "id", "name", "price-cents",
 * "currency" (ISO 4217, upper case), "services" (OvPackageServices),
 * "other-services" (free text for what the flags do not name), and the
 * read-only "price-text" and "services-text". */

GQuark             ov_package_error_quark         (void);
OvPackage         *ov_package_new                 (const char         *name);
OvPackage         *ov_package_copy                (OvPackage          *self);

/* The name must not be blank, nor longer than OV_PACKAGE_NAME_MAX_CHARS;
 * the price not negative; the currency three letters. Texts hold no
 * control characters. The message starts with the field's label
 * ("Price: …"). Whether another package has the name is the store's to
 * say. */
gboolean           ov_package_validate            (OvPackage          *self,
                                                   GError            **error);

/* The form names are compared in: trimmed, normalized and case-folded, so
 * "Premium", "premium " and "PREMIUM" are one package. */
char              *ov_package_name_key            (const char         *name);

gint64             ov_package_get_id              (OvPackage          *self);
void               ov_package_set_id              (OvPackage          *self,
                                                   gint64              id);
gint64             ov_package_get_version         (OvPackage          *self);
void               ov_package_set_version         (OvPackage          *self,
                                                   gint64              version);
const char        *ov_package_get_name            (OvPackage          *self);
void               ov_package_set_name            (OvPackage          *self,
                                                   const char         *name);
gint64             ov_package_get_price_cents     (OvPackage          *self);
void               ov_package_set_price_cents     (OvPackage          *self,
                                                   gint64              price_cents);
const char        *ov_package_get_currency        (OvPackage          *self);
void               ov_package_set_currency        (OvPackage          *self,
                                                   const char         *currency);
OvPackageServices  ov_package_get_services        (OvPackage          *self);
void               ov_package_set_services        (OvPackage          *self,
                                                   OvPackageServices   services);
const char        *ov_package_get_other_services  (OvPackage          *self);
void               ov_package_set_other_services  (OvPackage          *self,
                                                   const char         *other_services);
gboolean           ov_package_has_service         (OvPackage          *self,
                                                   OvPackageServices   service);

G_END_DECLS
