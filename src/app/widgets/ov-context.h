/* ov-context.h — what every view of a window works with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_CONTEXT (ov_context_get_type ())

G_DECLARE_FINAL_TYPE (OvContext, ov_context, OV, CONTEXT, GObject)

OvContext *ov_context_new          (GSettings *settings);
OvStore   *ov_context_get_store    (OvContext *self);
void       ov_context_set_store    (OvContext *self,
                                    OvStore   *store);
GSettings *ov_context_get_settings (OvContext *self);
OvDate     ov_context_get_today    (OvContext *self);
void       ov_context_check_today  (OvContext *self);

G_END_DECLS
