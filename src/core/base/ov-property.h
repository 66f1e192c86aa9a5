/* ov-property.h — small helpers for GObject properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

gboolean ov_property_set_string (GObject     *object,
                                 char       **field,
                                 const char  *value,
                                 GParamSpec  *pspec);
gboolean ov_property_set_boolean (GObject    *object,
                                  gboolean   *field,
                                  gboolean    value,
                                  GParamSpec *pspec);

G_END_DECLS
