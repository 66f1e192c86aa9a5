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

/* For the tests of measurements, meetings and packages: a new database
 * opened twice (as the app and as overture-cli would), with one account,
 * today 2026-06-15, and the change signals of @store counted by what
 * changed. */
typedef struct
{
  char       *dir;
  OvStore    *store;
  OvStore    *other;
  gint64      account_id;
  GHashTable *changes;
} RecordsFixture;

void    records_fixture_set_up    (RecordsFixture *fixture,
                                   gconstpointer   data);
void    records_fixture_tear_down (RecordsFixture *fixture,
                                   gconstpointer   data);
/* How often @store said @what changed since the last call, which
 * forgets them. */
guint   records_take_changes      (RecordsFixture *fixture,
                                   const char     *what);
/* The date of an ISO text, for short asserts. */
OvDate  records_date              (const char     *iso);

G_END_DECLS
