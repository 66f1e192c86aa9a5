/* ov-accounts-view-private.h — what the accounts view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-accounts-view.c          the view: the table, the narrow rows, the account
 * ov-accounts-view-filters.c  its filters: the drop-downs, their chips
 * ov-accounts-view-footer.c   its footer: how many accounts show, their ARR
 */

#pragma once

#include "ov-account-figure-columns.h"
#include "ov-account-page.h"
#include "ov-accounts-view.h"

G_BEGIN_DECLS

struct _OvAccountsView
{
  OvView          parent_instance;

  OvAccountList  *accounts;
  GtkStringList  *owners;
  GtkStringList  *package_names;  /* "All packages", "No package", then … */
  GArray         *package_ids;    /* … these packages, from position 2 */
  GtkSingleSelection *selection;
  GtkNoSelection *narrow_selection;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkSearchEntry *search_entry;
  GtkMenuButton  *filter_button;
  GtkMenuButton  *columns_button;
  GtkDropDown    *stage_filter;
  GtkDropDown    *status_filter;
  GtkDropDown    *owner_filter;
  GtkDropDown    *package_filter;
  GtkWidget      *filter_bar;
  GtkFlowBox     *filter_chips;
  GtkStack       *list_stack;
  GtkColumnView  *column_view;
  AdwSqueezer    *width_squeezer;
  GtkListView    *narrow_list;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *stage_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *segment_column;
  GtkColumnViewColumn *package_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *arr_column;
  GtkColumnViewColumn *close_column;
  GtkColumnViewColumn *days_column;
  GtkColumnViewColumn *ttfv_column;
  GtkColumnViewColumn *stage_days_column;
  GtkColumnViewColumn *tasks_column;
  GtkColumnViewColumn *health_column;
  OvAccountFigureColumns *figure_columns;
  GtkLabel       *count_label;
  GtkLabel       *arr_label;
  AdwBin         *account_bin;
  /* Built when first asked for: a start that shows no account needs none. */
  OvAccountPage  *account_page;

  guint           totals_idle;
  gboolean        columns_attached;
  guint           columns_idle;
};

/* ov-accounts-view-filters.c */
void ov_accounts_view_init_filters          (OvAccountsView *self);
void ov_accounts_view_clear_filter_choices  (OvAccountsView *self);
void ov_accounts_view_update_owner_choices  (OvAccountsView *self);
void ov_accounts_view_update_package_choices (OvAccountsView *self);
void ov_accounts_view_filters_changed       (OvAccountsView *self);
void ov_accounts_view_clear_filters         (OvAccountsView *self);

/* ov-accounts-view-footer.c */
void ov_accounts_view_update_count          (OvAccountsView *self);
void ov_accounts_view_queue_totals          (OvAccountsView *self);

G_END_DECLS
