/* ov-store-content-private.h — what the content library's store files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ov-content-item.h"

G_BEGIN_DECLS

/* An item's columns, from i, in the order of
 * ov_store_content_item_from_stmt(). */
#define OV_CONTENT_ITEM_COLUMNS                                                          \
  "i.id, i.title, i.format, i.role, i.stage, i.location, i.duration_minutes, i.version"

/* The learners of every assignment whose account passes @account_where
 * (over a, the accounts), as ov-content-progress.h defines them: CTEs
 * "assigned" (content_id, account_id, role, assigned_on) and "learners"
 * (content_id, account_id, person_id). */
#define OV_CONTENT_LEARNERS_CTE(account_where)                                            \
  "WITH assigned AS (SELECT ca.content_id, ca.account_id, ci.role, ca.assigned_on "       \
  "FROM content_assignments AS ca JOIN content_items AS ci ON ci.id = ca.content_id "      \
  "JOIN accounts AS a ON a.id = ca.account_id AND a.deleted_at IS NULL "                   \
  "WHERE " account_where "), "                                                            \
  "learners AS (SELECT s.content_id, s.account_id, p.id AS person_id FROM assigned AS s "  \
  "JOIN people AS p ON p.account_id = s.account_id AND p.side = 1 "                        \
  "WHERE s.role = '' OR EXISTS (SELECT 1 FROM person_roles AS r "                          \
  "WHERE r.person_id = p.id AND r.role = s.role) "                                         \
  "OR NOT EXISTS (SELECT 1 FROM people AS q JOIN person_roles AS r ON r.person_id = q.id " \
  "WHERE q.account_id = s.account_id AND q.side = 1 AND r.role = s.role))"

OvContentItem *ov_store_content_item_from_stmt    (sqlite3_stmt *stmt);
OvContentItem *ov_store_content_item_from_columns (sqlite3_stmt *stmt,
                                                   int           first);

G_END_DECLS
