/* ov-account-list.h — the portfolio as a filtered, sorted list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-account.h"
#include "ov-account-figures.h"
#include "ov-types.h"

G_BEGIN_DECLS


#define OV_ACCOUNT_FILTER_ANY (-1)

#define OV_TYPE_ACCOUNT_LIST (ov_account_list_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountList, ov_account_list, OV, ACCOUNT_LIST, GObject)

OvAccountList *ov_account_list_new               (void);
void           ov_account_list_set_accounts      (OvAccountList    *self,
                                                  GPtrArray        *accounts);
void           ov_account_list_take_accounts     (OvAccountList    *self,
                                                  GPtrArray        *accounts,
                                                  OvAccountSortKey  key,
                                                  gboolean          descending);
GPtrArray     *ov_account_list_get_all           (OvAccountList    *self);
OvAccount     *ov_account_list_get_visible       (OvAccountList    *self,
                                                  guint             position);
guint          ov_account_list_get_n_total       (OvAccountList    *self);
OvAccount     *ov_account_list_find              (OvAccountList    *self,
                                                  gint64            id);
void           ov_account_list_add               (OvAccountList    *self,
                                                  OvAccount        *account);
void           ov_account_list_remove            (OvAccountList    *self,
                                                  OvAccount        *account);
void           ov_account_list_update            (OvAccountList    *self,
                                                  OvAccount        *account);
gboolean       ov_account_list_get_position      (OvAccountList    *self,
                                                  OvAccount        *account,
                                                  guint            *position);
void           ov_account_list_set_search        (OvAccountList    *self,
                                                  const char       *search);
void           ov_account_list_set_stage_filter  (OvAccountList    *self,
                                                  int               stage);
void           ov_account_list_set_status_filter (OvAccountList    *self,
                                                  int               status);
void           ov_account_list_set_owner_filter  (OvAccountList    *self,
                                                  const char       *owner);
/* @package_id: the accounts with this package; 0 those with none;
 * OV_ACCOUNT_FILTER_ANY every account. */
void           ov_account_list_set_package_filter (OvAccountList  *self,
                                                  gint64            package_id);
void           ov_account_list_prepare           (GPtrArray        *accounts,
                                                  OvAccountSortKey  key,
                                                  gboolean          descending);
void           ov_account_list_set_figures       (OvAccountList    *self,
                                                  OvAccountFigures *figures);
OvAccountFigures *ov_account_list_get_figures    (OvAccountList    *self);
void           ov_account_list_get_sort          (OvAccountList    *self,
                                                  OvAccountSortKey *key,
                                                  gboolean         *descending);
void           ov_account_list_set_sort          (OvAccountList    *self,
                                                  OvAccountSortKey  key,
                                                  gboolean          descending);
char         **ov_account_list_dup_owners        (OvAccountList    *self);
char         **ov_account_list_dup_segments      (OvAccountList    *self);

G_END_DECLS
