/* ov-store-review.h — what the review report reads beyond one account's
 * own lists: the account a user names, and the portfolio's time to first
 * value to hold the account's against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-store.h"

G_BEGIN_DECLS

/* The id of the account (not deleted) that @key names: its external id,
 * else, when @key is a number, the account of that number. 0 with
 * OV_STORE_ERROR_NOT_FOUND when there is none. */
gint64   ov_store_find_account_id  (OvStore      *self,
                                    const char   *key,
                                    GError      **error);

/* Time to first value over every account (not deleted) with a close date:
 * the days (first value − close, as doubles) of those that reached first
 * value, in no order, and how many are still open (a first value dated
 * before the close counts in neither, as in ov_account_get_ttfv_days()).
 * One statement. */
gboolean ov_store_list_ttfv_days   (OvStore      *self,
                                    GArray      **days,
                                    guint        *n_open,
                                    GError      **error);

G_END_DECLS
