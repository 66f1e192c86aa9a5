/* ov-preferences-window.h — Overture's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_PREFERENCES_WINDOW (ov_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (OvPreferencesWindow, ov_preferences_window, OV, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* @settings may be NULL (schema not installed): the preferences are then
 * shown but cannot be changed. */
GtkWidget *ov_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);
char      *ov_preferences_default_currency (GSettings *settings);
void       ov_preferences_window_set_store (OvPreferencesWindow *self,
                                            OvStore             *store);

G_END_DECLS
