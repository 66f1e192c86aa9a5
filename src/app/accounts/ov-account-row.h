/* ov-account-row.h — a table row slot that shows whichever account is there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_ROW (ov_account_row_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountRow, ov_account_row, OV, ACCOUNT_ROW, GObject)

OvAccount *ov_account_row_get_account (OvAccountRow *self);
void       ov_account_row_set_account (OvAccountRow *self,
                                       OvAccount    *account);

#define OV_TYPE_ACCOUNT_ROWS (ov_account_rows_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountRows, ov_account_rows, OV, ACCOUNT_ROWS, GObject)

OvAccountRows *ov_account_rows_new         (OvAccountList *accounts);
void           ov_account_rows_follow_view (OvAccountRows *self,
                                            GtkScrollable *view);

G_END_DECLS
