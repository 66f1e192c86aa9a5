/* ov-health-preferences.h — the preferences of the program and the health
 * score, kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_HEALTH_PREFERENCES (ov_health_preferences_get_type ())

G_DECLARE_FINAL_TYPE (OvHealthPreferences, ov_health_preferences, OV, HEALTH_PREFERENCES,
                      AdwPreferencesPage)

GtkWidget *ov_health_preferences_new       (OvStore             *store);
void       ov_health_preferences_set_weight (OvHealthPreferences *self,
                                             OvHealthComponent    component,
                                             double               weight);
const char *ov_health_preferences_get_error (OvHealthPreferences *self);

G_END_DECLS
