/* ov-portfolio.h — opening the portfolio: the file checked, migrated when
 * it must be, and every account read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-account-list.h"
#include "ov-store.h"

G_BEGIN_DECLS

typedef struct
{
  OvAccountSortKey sort_key;
  gboolean         descending;
  /* Unix seconds: accounts deleted before it are purged (0: none) */
  gint64           purge_before;
} OvPortfolioLoadOptions;

void       ov_portfolio_load_async  (const char                   *path,
                                     OvStore                      *existing,
                                     const OvPortfolioLoadOptions *options,
                                     gpointer                      source_object,
                                     GCancellable                 *cancellable,
                                     GAsyncReadyCallback           callback,
                                     gpointer                      user_data);
GPtrArray *ov_portfolio_load_finish (GAsyncResult                 *result,
                                     OvStore                     **store,
                                     GError                      **error);
void       ov_portfolio_load_get_order (GAsyncResult       *result,
                                        OvAccountSortKey   *key,
                                        gboolean           *descending);
void       ov_portfolio_settle_async  (GAsyncResult        *loaded,
                                       gpointer             source_object,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean   ov_portfolio_settle_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
