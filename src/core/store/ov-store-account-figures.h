/* ov-store-account-figures.h — days in stage, open tasks and health of
 * every account, read in one pass for the accounts table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account-figures.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* The figures of every account not deleted, as of @today. Days in stage
 * count from the latest entry into the account's current stage; a task is
 * overdue when it is open and due before @today; the health is what
 * ov_health_assess() shows, none for a churned account (as the dashboard
 * leaves them out). One statement per table; meant for a worker
 * (ov_store_run_async()). */
OvAccountFigures *ov_store_read_account_figures (OvStore       *self,
                                                 OvDate         today,
                                                 GCancellable  *cancellable,
                                                 GError       **error);

G_END_DECLS
