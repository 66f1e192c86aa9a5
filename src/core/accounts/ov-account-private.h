/* ov-account-private.h — how an account maps to its row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ov-account.h"

G_BEGIN_DECLS

/* The column list every account SELECT uses, in the order that
 * ov_account_new_from_stmt() reads. The stored timestamps (ISO 8601, UTC)
 * come as Unix seconds: 8 bytes in memory instead of a string each. */
#define OV_ACCOUNT_COLUMNS \
  "id, external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, " \
  "status, close_date, kickoff_date, golive_date, first_value_date, " \
  "first_value_milestone, package, notes, playbook_id, " \
  "CAST (strftime ('%s', created_at) AS INTEGER), " \
  "CAST (strftime ('%s', updated_at) AS INTEGER), version"

/* The writable columns, bound by ov_account_bind() from parameter ?1 on. */
#define OV_ACCOUNT_WRITE_COLUMNS \
  "external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, " \
  "status, close_date, kickoff_date, golive_date, first_value_date, " \
  "first_value_milestone, package, notes, playbook_id, updated_at"
#define OV_ACCOUNT_N_WRITE_COLUMNS 18

OvAccount *ov_account_new_from_stmt (sqlite3_stmt *stmt);
void       ov_account_set_version   (OvAccount    *self,
                                     gint64        version);
void       ov_account_bind          (OvAccount    *self,
                                     sqlite3_stmt *stmt,
                                     const char   *updated_at);

G_END_DECLS
