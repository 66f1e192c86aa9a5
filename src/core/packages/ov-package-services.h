/* ov-package-services.h — the services a package bundles, named and read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-types.h"

G_BEGIN_DECLS

/* One service (a single bit): its id as files write it ("dedicated_csm")
 * and its title ("Dedicated CSM"); NULL for anything else. */
const char *ov_package_service_get_id     (OvPackageServices   service);
const char *ov_package_service_get_title  (OvPackageServices   service);

/* A list separated by ';' (or ','), as a CSV cell holds it: every item that
 * names a service (by id or title, any case or spacing) sets its bit; the
 * others are kept, trimmed, joined by "; ", in @other. Never fails. */
void        ov_package_services_parse     (const char         *text,
                                           OvPackageServices  *services,
                                           char              **other);

/* The ids of @services in the order of the flags, then @other, joined by
 * ';': what ov_package_services_parse() reads back the same. */
char       *ov_package_services_format    (OvPackageServices   services,
                                           const char         *other);

/* The titles, then @other, joined by ", ", for people to read. */
char       *ov_package_services_describe  (OvPackageServices   services,
                                           const char         *other);

G_END_DECLS
