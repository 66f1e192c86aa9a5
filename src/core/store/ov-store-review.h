/* ov-store-review.h — what the review report reads beyond one account's
 * own lists: the account a user names (the portfolio's time to first
 * value is ov-store-ttfv.h's)
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

G_END_DECLS
