/* ov-field-editor.h — one field of a stage wizard, edited by its kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"
#include "ov-date-row.h"

G_BEGIN_DECLS

#define OV_TYPE_FIELD_EDITOR (ov_field_editor_get_type ())

G_DECLARE_FINAL_TYPE (OvFieldEditor, ov_field_editor, OV, FIELD_EDITOR, AdwBin)

GtkWidget           *ov_field_editor_new           (const OvWizardField *field,
                                                    OvStore             *store,
                                                    gint64               account_id);
const OvWizardField *ov_field_editor_get_field     (OvFieldEditor       *self);
void                 ov_field_editor_load          (OvFieldEditor       *self,
                                                    OvStageAnswers      *answers);
gboolean             ov_field_editor_store         (OvFieldEditor       *self,
                                                    OvStageAnswers      *answers,
                                                    GError             **error);
void                 ov_field_editor_show_error    (OvFieldEditor       *self,
                                                    const char          *message);
const char          *ov_field_editor_get_error     (OvFieldEditor       *self);
void                 ov_field_editor_focus         (OvFieldEditor       *self);
GtkWidget           *ov_field_editor_get_input     (OvFieldEditor       *self);
OvDateRow           *ov_field_editor_get_date_row  (OvFieldEditor       *self);
GtkWidget           *ov_field_editor_get_goal_row  (OvFieldEditor       *self,
                                                    guint                index,
                                                    gboolean             comment);

G_END_DECLS
