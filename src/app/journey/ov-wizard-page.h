/* ov-wizard-page.h — one step of a stage wizard: its title, what it is
 * for, and an editor per field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"
#include "ov-date-row.h"
#include "ov-field-editor.h"

G_BEGIN_DECLS

#define OV_TYPE_WIZARD_PAGE (ov_wizard_page_get_type ())

G_DECLARE_FINAL_TYPE (OvWizardPage, ov_wizard_page, OV, WIZARD_PAGE, AdwBin)

GtkWidget     *ov_wizard_page_new            (const OvWizardStep *step,
                                              OvStore            *store,
                                              gint64              account_id);
guint          ov_wizard_page_get_n_editors  (OvWizardPage       *self);
OvFieldEditor *ov_wizard_page_get_editor     (OvWizardPage       *self,
                                              guint               index);
OvDateRow     *ov_wizard_page_add_completion (OvWizardPage       *self);
void           ov_wizard_page_append         (OvWizardPage       *self,
                                              GtkWidget          *widget);

G_END_DECLS
