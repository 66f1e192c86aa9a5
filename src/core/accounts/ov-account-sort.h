/* ov-account-sort.h — the orders the account list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"
#include "ov-account-figures.h"
#include "ov-types.h"

G_BEGIN_DECLS

typedef struct
{
  OvAccountSortKey        key;
  gboolean                descending;
  /* (nullable) The figures the keys of OvAccountFigures sort by; without
   * them (or an account's), those accounts sort last. */
  const OvAccountFigures *figures;
} OvAccountOrder;

gboolean ov_account_sort_key_is_figure (OvAccountSortKey      key);

int      ov_account_order_compare   (const OvAccountOrder *order,
                                     OvAccount            *a,
                                     OvAccount            *b);
gboolean ov_account_order_is_sorted (const OvAccountOrder *order,
                                     GPtrArray            *accounts);
void     ov_account_order_sort      (const OvAccountOrder *order,
                                     GPtrArray            *accounts);

G_END_DECLS
