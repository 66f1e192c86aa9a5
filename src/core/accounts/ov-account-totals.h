/* ov-account-totals.h — the ARR of the accounts a list shows, per currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account-list.h"

G_BEGIN_DECLS

typedef struct
{
  const char *currency;    /* the code, as the accounts hold it ("" for none) */
  gint64      arr_cents;
  guint       n_accounts;
} OvArrTotal;

GArray *ov_account_totals_arr (OvAccountList *list,
                               guint         *n_without_arr);

G_END_DECLS
