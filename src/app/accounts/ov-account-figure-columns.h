/* ov-account-figure-columns.h — the accounts table's columns of figures
 * read apart from the accounts: days in stage, open tasks, health
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-core.h"
#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_FIGURE_COLUMNS (ov_account_figure_columns_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountFigureColumns, ov_account_figure_columns, OV,
                      ACCOUNT_FIGURE_COLUMNS, GObject)

OvAccountFigureColumns *ov_account_figure_columns_new           (OvView                 *view,
                                                                 GtkColumnViewColumn    *days,
                                                                 GtkColumnViewColumn    *tasks,
                                                                 GtkColumnViewColumn    *health);
void                    ov_account_figure_columns_shutdown      (OvAccountFigureColumns *self);
void                    ov_account_figure_columns_set_accounts  (OvAccountFigureColumns *self,
                                                                 OvAccountList          *accounts);
void                    ov_account_figure_columns_set_sort_key  (OvAccountFigureColumns *self,
                                                                 OvAccountSortKey        key);
void                    ov_account_figure_columns_store_ready   (OvAccountFigureColumns *self);
void                    ov_account_figure_columns_store_changed (OvAccountFigureColumns *self,
                                                                 const char             *what);
void                    ov_account_figure_columns_today_changed (OvAccountFigureColumns *self);
OvAccountFigures       *ov_account_figure_columns_get_figures   (OvAccountFigureColumns *self);

G_END_DECLS
