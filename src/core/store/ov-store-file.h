/* ov-store-file.h — what the store's files share: the database file before
 * a connection is made, and the migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-store-private.h"

G_BEGIN_DECLS

/* "OVTR": marks a file as ours, so another program's SQLite file is refused. */
#define OV_APPLICATION_ID 0x4F565452
#define OV_STORE_BUSY_TIMEOUT_MS 3000

/* ov-store-file.c */
void     ov_store_configure_connection      (sqlite3      *db);
int      ov_store_open_uri                  (const char   *path,
                                             const char   *parameters,
                                             int           flags,
                                             sqlite3     **db);
int      ov_store_probe                     (sqlite3      *db);
int      ov_store_open_read_only            (const char   *path,
                                             sqlite3     **db);
gboolean ov_store_header_says_wal           (const char   *path);
gboolean ov_store_create_empty_file         (const char   *path,
                                             GError      **error);
gboolean ov_store_check_writable            (const char   *path,
                                             GError      **error);
void     ov_store_recover_interrupted_write (const char   *path);
gboolean ov_store_verify_resolved           (const char   *path,
                                             int          *schema_version,
                                             gboolean      deep,
                                             GError      **error);

/* ov-store-migrate.c */
gboolean ov_store_backup_before_migrating   (OvStore      *self,
                                             int           from_version,
                                             char        **kept,
                                             GError      **error);
gboolean ov_store_migrate                   (OvStore      *self,
                                             int           from_version,
                                             GError      **error);

G_END_DECLS
