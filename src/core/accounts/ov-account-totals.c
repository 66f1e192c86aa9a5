/* ov-account-totals.c — the ARR of the accounts a list shows, per currency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amounts in different currencies are never added together: one total per
 * currency. A portfolio holds a handful of currencies, so the totals are a
 * short array searched from the start; currencies are interned, so the
 * same one is mostly the same pointer. An account whose ARR nobody knows
 * adds nothing to any total (it is not 0): it is counted apart.
 */

#define G_LOG_DOMAIN "ov-account-list"

#include "config.h"

#include <string.h>

#include "ov-account-totals.h"

/* The currency with the most accounts first; then by code. */
static int
compare_totals (gconstpointer pa,
                gconstpointer pb)
{
  const OvArrTotal *a = pa, *b = pb;

  if (a->n_accounts != b->n_accounts)
    return a->n_accounts > b->n_accounts ? -1 : 1;

  return strcmp (a->currency, b->currency);
}

/**
 * ov_account_totals_arr:
 * @list: a list of accounts
 * @n_without_arr: (out) (optional): how many of them have no known ARR
 *
 * Returns: (transfer full) (element-type OvArrTotal): the ARR of the
 *   accounts @list shows (after its search and filters) whose ARR is
 *   known, one total per currency; the currency with the most accounts first. The codes belong
 *   to the accounts: valid while they are.
 */
GArray *
ov_account_totals_arr (OvAccountList *list,
                       guint         *n_without_arr)
{
  GArray *totals = g_array_new (FALSE, FALSE, sizeof (OvArrTotal));
  guint n, n_unknown = 0;

  if (n_without_arr != NULL)
    *n_without_arr = 0;

  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (list), totals);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      OvAccount *account = ov_account_list_get_visible (list, i);
      const char *currency = ov_account_get_currency (account);
      OvArrTotal *total = NULL;

      if (!ov_account_has_arr (account))
        {
          n_unknown++;
          continue;
        }

      for (guint j = 0; j < totals->len && total == NULL; j++)
        {
          OvArrTotal *t = &g_array_index (totals, OvArrTotal, j);

          if (t->currency == currency || strcmp (t->currency, currency) == 0)
            total = t;
        }

      if (total == NULL)
        {
          OvArrTotal added = { currency, 0, 0 };

          g_array_append_val (totals, added);
          total = &g_array_index (totals, OvArrTotal, totals->len - 1);
        }

      total->arr_cents += ov_account_get_arr_cents (account);
      total->n_accounts++;
    }

  g_array_sort (totals, compare_totals);
  if (n_without_arr != NULL)
    *n_without_arr = n_unknown;
  return totals;
}
