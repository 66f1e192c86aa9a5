/* ov-questions-preferences.h — the listening interview's question set, a
 * page of Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_QUESTIONS_PREFERENCES (ov_questions_preferences_get_type ())

G_DECLARE_FINAL_TYPE (OvQuestionsPreferences, ov_questions_preferences, OV,
                      QUESTIONS_PREFERENCES, AdwPreferencesPage)

GtkWidget   *ov_questions_preferences_new         (OvStore                *store);
/* The row of the question at @index (from 0) of the current set, or of
 * the retired ones; its buttons are its data "ov-reword", "ov-up",
 * "ov-down" and "ov-retire" (Restore, for a retired one). */
GtkWidget   *ov_questions_preferences_get_row     (OvQuestionsPreferences *self,
                                                   gboolean                retired,
                                                   guint                   index);
AdwEntryRow *ov_questions_preferences_get_add_row (OvQuestionsPreferences *self);
const char  *ov_questions_preferences_get_error   (OvQuestionsPreferences *self);

G_END_DECLS
