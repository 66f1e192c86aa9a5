/* ov-store-private.h — what core modules need of the store's internals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ov-account.h"
#include "ov-date.h"
#include "ov-store.h"

G_BEGIN_DECLS

sqlite3      *ov_store_get_db       (OvStore     *self);
sqlite3_stmt *ov_store_prepare      (OvStore     *self,
                                     const char  *sql,
                                     GError     **error);
gboolean      ov_store_step_done    (OvStore      *self,
                                     sqlite3_stmt *stmt,
                                     GError      **error);
gboolean      ov_store_exec         (OvStore     *self,
                                     const char  *sql,
                                     GError     **error);
gboolean      ov_store_query_int64  (OvStore     *self,
                                     const char  *sql,
                                     gint64      *value,
                                     GError     **error);
void          ov_store_set_error    (OvStore     *self,
                                     GError     **error,
                                     int          rc,
                                     const char  *doing);
void          ov_store_set_path_error (GError    **error,
                                       const char *path,
                                       int         rc,
                                       const char *detail);
gboolean      ov_store_defer_written (OvStore   *self,
                                      const char *key,
                                      gint64      version);

/* ov-store-playbooks.c: the id the one-row query @stmt finds: 0 for none,
 * -1 with @error set when it failed */
gint64        ov_store_playbooks_query_id (OvStore       *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);

/* ov-store-packages.c, inside a transaction: the package named @name
 * whatever its case, made when there is none (no price, in @currency, by
 * import batch @batch_id unless 0): its id, and its name as stored. */
gboolean      ov_store_packages_ensure    (OvStore       *self,
                                           const char    *name,
                                           const char    *currency,
                                           gint64         batch_id,
                                           gint64        *id,
                                           char         **stored_name,
                                           gboolean      *created,
                                           GError       **error);
/* …and an account's package id and name, set together before it is
 * written; @created says a package was made for it. */
gboolean      ov_store_packages_resolve_account (OvStore    *self,
                                                 OvAccount  *account,
                                                 gboolean   *created,
                                                 GError    **error);

/* ov-store-measurements.c: refuses (OV_STORE_ERROR_NOT_FOUND, naming the
 * account field) an account that is not there or deleted. */
gboolean      ov_store_check_account      (OvStore       *self,
                                           gint64         account_id,
                                           GError       **error);

/* Binding helpers: NULL or "" text binds SQL NULL where @null_if_empty. */
void          ov_bind_date          (sqlite3_stmt *stmt,
                                     int           index,
                                     OvDate        date);
void          ov_bind_text          (sqlite3_stmt *stmt,
                                     int           index,
                                     const char   *text);
void          ov_bind_text_or_null  (sqlite3_stmt *stmt,
                                     int           index,
                                     const char   *text);
const char   *ov_column_text        (sqlite3_stmt *stmt,
                                     int           index);
gint64        ov_column_utc         (sqlite3_stmt *stmt,
                                     int           index);
OvDate        ov_column_date        (sqlite3_stmt *stmt,
                                     int           index);

/* ov-store-values.c: the SQL functions every connection has (ov_fold). */
int           ov_store_register_functions (sqlite3 *db);

/* Migration steps, in ov-schema.c: index i upgrades user_version i to i + 1. */
extern const char * const ov_schema_migrations[];
extern const guint        ov_schema_n_migrations;

G_END_DECLS
