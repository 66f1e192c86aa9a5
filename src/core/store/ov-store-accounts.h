/* ov-store-accounts.h — reading and writing accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"
#include "ov-store.h"
#include "ov-store-stage-events.h"

G_BEGIN_DECLS

GPtrArray    *ov_store_list_accounts_noting_purge (OvStore  *self,
                                                 gint64    deleted_before,
                                                 gboolean *purge_due,
                                                 GError  **error);
GPtrArray    *ov_store_list_accounts       (OvStore     *self,
                                            GError     **error);
OvAccount    *ov_store_get_account         (OvStore     *self,
                                            gint64       id,
                                            GError     **error);
gint64        ov_store_count_accounts      (OvStore     *self,
                                            GError     **error);
gboolean      ov_store_save_account        (OvStore     *self,
                                            OvAccount   *account,
                                            GError     **error);
/* Saves @account as of @today: the day a stage change and a churn are
 * recorded on. ov_store_save_account() is this with ov_date_today(). */
gboolean      ov_store_save_account_on     (OvStore     *self,
                                            OvAccount   *account,
                                            OvDate       today,
                                            GError     **error);
gboolean      ov_store_insert_account      (OvStore     *self,
                                            OvAccount   *account,
                                            gint64       created_at,
                                            gint64       updated_at,
                                            GError     **error);
/* Refused (OV_STORE_ERROR_CONFLICT) when the account changed since
 * @account was read; takes the new version. */
gboolean      ov_store_delete_account      (OvStore     *self,
                                            OvAccount   *account,
                                            GError     **error);
gboolean      ov_store_restore_account     (OvStore     *self,
                                            gint64       id,
                                            GError     **error);
G_END_DECLS
