/* ov-picker.h — the filter pickers views share: any, the values, none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

/* Fills @row with @any first, then @values, then @last when given (a
 * value of "": "none"); @items gets what each position stands for (NULL
 * for @any). What was picked stays picked where it still is. */
void        ov_picker_fill                 (AdwComboRow    *row,
                                            GPtrArray      *items,
                                            const char     *any,
                                            char          **values,
                                            const char     *last);
/* What the picked position stands for: NULL for "any", "" for "none". */
const char *ov_picker_get                  (AdwComboRow    *row,
                                            GPtrArray      *items);
/* The segment, owner and package pickers of a filter, from the accounts
 * and the store's packages. */
void        ov_picker_fill_account_filters (OvAccountList  *accounts,
                                            OvStore        *store,
                                            AdwComboRow    *segment_row,
                                            GPtrArray      *segments,
                                            AdwComboRow    *owner_row,
                                            GPtrArray      *owners,
                                            AdwComboRow    *package_row,
                                            GPtrArray      *packages);

G_END_DECLS
