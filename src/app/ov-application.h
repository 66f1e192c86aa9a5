/* ov-application.h — the Overture application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OV_TYPE_APPLICATION (ov_application_get_type ())

G_DECLARE_FINAL_TYPE (OvApplication, ov_application, OV, APPLICATION, AdwApplication)

OvApplication *ov_application_new          (void);
const char    *ov_application_get_db_path  (OvApplication *self);
GSettings     *ov_application_get_settings (OvApplication *self);
gint64         ov_application_get_started_at (OvApplication *self);

G_END_DECLS
