/* ov-accounts-view.h — the portfolio as a searchable table, and one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-page.h"
#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNTS_VIEW (ov_accounts_view_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountsView, ov_accounts_view, OV, ACCOUNTS_VIEW, OvView)

void ov_accounts_view_set_accounts  (OvAccountsView *self,
                                     OvAccountList  *accounts);
void ov_accounts_view_show_account  (OvAccountsView *self,
                                     OvAccount      *account);
void ov_accounts_view_show_list     (OvAccountsView *self);
void ov_accounts_view_focus_search  (OvAccountsView *self);
void ov_accounts_view_filter_stage  (OvAccountsView *self,
                                     OvStage         stage);
OvAccountPage *ov_accounts_view_get_account_page (OvAccountsView *self);

G_END_DECLS
