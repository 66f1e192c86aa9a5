/* ov-account-search.h — which accounts a search text finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"

G_BEGIN_DECLS

typedef struct _OvAccountSearch OvAccountSearch;

OvAccountSearch *ov_account_search_new        (void);
void             ov_account_search_free       (OvAccountSearch *self);
void             ov_account_search_invalidate (OvAccountSearch *self);
gboolean         ov_account_search_is_ready   (OvAccountSearch *self);
void             ov_account_search_build      (OvAccountSearch *self,
                                               GPtrArray       *accounts);
void             ov_account_search_forget     (OvAccountSearch *self);
GArray          *ov_account_search_find       (OvAccountSearch *self,
                                               GPtrArray       *accounts,
                                               const char      *needle);
gboolean         ov_account_search_matches    (OvAccount       *account,
                                               const char      *needle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvAccountSearch, ov_account_search_free)

G_END_DECLS
