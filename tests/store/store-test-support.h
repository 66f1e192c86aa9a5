/* store-test-support.h — what the store's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-store-private.h"
#include "ov-test-support.h"

G_BEGIN_DECLS

void    assert_bytes_equal (GBytes     *before,
                            GBytes     *after);

/* A database at @path made by the SQL of tests/fixtures/store/@sql_fixture. */
void    create_from_sql    (const char *path,
                            const char *sql_fixture);

/* The first column of the first row of @sql, -1 without a row. */
gint64  query_int          (OvStore    *store,
                            const char *sql);

/* The migration backups (*.bak) in @dir. */
guint   count_backups      (const char *dir);

G_END_DECLS
