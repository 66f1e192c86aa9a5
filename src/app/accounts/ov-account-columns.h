/* ov-account-columns.h — the accounts table's optional columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One optional column: its id in the setting, its title in the menu. */
typedef struct
{
  const char          *id;
  const char          *title;
  GtkColumnViewColumn *column;
} OvOptionalColumn;

void ov_account_columns_attach (GtkWidget              *owner,
                                GSettings              *settings,
                                GtkMenuButton          *button,
                                const OvOptionalColumn *columns,
                                guint                   n_columns);

G_END_DECLS
