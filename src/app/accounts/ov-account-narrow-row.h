/* ov-account-narrow-row.h — the accounts as rows on a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkListItemFactory *ov_account_narrow_row_factory_new (void);

G_END_DECLS
