/* ov-account-page.h — one account: where it is in the journey, its facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-view.h"
#include "ov-stage-stepper.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_PAGE (ov_account_page_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountPage, ov_account_page, OV, ACCOUNT_PAGE, OvView)

void            ov_account_page_set_accounts  (OvAccountPage *self,
                                               OvAccountList *accounts);
OvAccount      *ov_account_page_get_account   (OvAccountPage *self);
gboolean        ov_account_page_save_pending  (OvAccountPage *self);
void            ov_account_page_set_account   (OvAccountPage *self,
                                               OvAccount     *account);
OvStageStepper *ov_account_page_get_stepper   (OvAccountPage *self);
const char     *ov_account_page_get_error     (OvAccountPage *self);

G_END_DECLS
