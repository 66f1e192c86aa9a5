/* ov-account-sorter.h — a column's sort order, read back by the list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_SORTER (ov_account_sorter_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountSorter, ov_account_sorter, OV, ACCOUNT_SORTER, GtkSorter)

OvAccountSortKey ov_account_sorter_get_key     (OvAccountSorter  *self);
gboolean         ov_account_sorter_read_view   (GtkSorter        *view_sorter,
                                                OvAccountSortKey *key,
                                                gboolean         *descending);

G_END_DECLS
