/* ov-account-section.h — a part of the account page, kept up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_SECTION (ov_account_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (OvAccountSection, ov_account_section, OV, ACCOUNT_SECTION, OvView)

struct _OvAccountSectionClass
{
  OvViewClass parent_class;

  /* Reads what the section shows of the account again. Called only with
   * a store and an account. */
  void (*refresh) (OvAccountSection *self);

  gpointer padding[4];
};

OvAccount *ov_account_section_get_account (OvAccountSection *self);
void       ov_account_section_set_account (OvAccountSection *self,
                                           OvAccount        *account);
void       ov_account_section_refresh     (OvAccountSection *self);

G_END_DECLS
