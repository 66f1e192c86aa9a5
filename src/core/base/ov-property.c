/* ov-property.c — small helpers for GObject properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ov-property.h"

/* Stores a copy of @value in @field and notifies @pspec, unless nothing
 * changes (NULL and "" count as the same empty text). */
gboolean
ov_property_set_string (GObject     *object,
                        char       **field,
                        const char  *value,
                        GParamSpec  *pspec)
{
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_strcmp0 (*field ? *field : "", value ? value : "") == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

/* Sets a boolean property's field (any true value as TRUE) and notifies
 * @pspec when it changed. Returns: whether it changed. */
gboolean
ov_property_set_boolean (GObject    *object,
                         gboolean   *field,
                         gboolean    value,
                         GParamSpec *pspec)
{
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  value = !!value;
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}
