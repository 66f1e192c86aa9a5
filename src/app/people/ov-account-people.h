/* ov-account-people.h — who plays which part on an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_PEOPLE (ov_account_people_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountPeople, ov_account_people, OV, ACCOUNT_PEOPLE, OvAccountSection)

guint         ov_account_people_get_n_people (OvAccountPeople *self);
AdwActionRow *ov_account_people_find_row     (OvAccountPeople *self,
                                              const char      *name);
GtkWidget    *ov_account_people_get_remove_button (OvAccountPeople *self,
                                                   AdwActionRow    *row);

G_END_DECLS
