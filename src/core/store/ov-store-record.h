/* ov-store-record.h — adding and changing one versioned row of a record
 * kind (a measurement, a meeting, a package): the transaction, the checks
 * inside it, the id and version handed back, and the change signal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the store.
 */

#pragma once

#include <sqlite3.h>

#include "ov-store.h"
#include "ov-store-versions.h"

G_BEGIN_DECLS

typedef gint64   (*OvRecordGet)   (gpointer record);
typedef void     (*OvRecordSet)   (gpointer record,
                                   gint64   value);
typedef gboolean (*OvRecordCheck) (OvStore  *self,
                                   gpointer  record,
                                   GError  **error);
typedef void     (*OvRecordBind)  (sqlite3_stmt *stmt,
                                   gpointer      record);
typedef gboolean (*OvRecordValidate) (gpointer  record,
                                      GError  **error);
typedef void     (*OvRecordTidy)  (gpointer record);

typedef struct
{
  /* The detail of the store's "changed" signal after a write. */
  const char    *changed;
  /* What a lost update names (ov_store_step_versioned()). */
  OvRowKind      row;
  /* bind() sets the record's fields from ?1 to ?n_fields. The insert then
   * takes the account id (when get_account_id is set) and the time of the
   * write; the update takes the time, the id and the version read. */
  const char    *insert_sql;
  const char    *update_sql;
  guint          n_fields;
  OvRecordBind   bind;
  /* Before any write: the record's own checks (nothing is written when
   * they fail), then tidying what is stored (trimmed text, say), the
   * object told so what shows it agrees. */
  OvRecordValidate validate;
  OvRecordTidy   tidy;
  /* Inside the transaction, before the write: a row it would duplicate. */
  OvRecordCheck  check_unique;
  OvRecordGet    get_account_id;  /* nullable: a record of no account */
  OvRecordGet    get_id;
  OvRecordSet    set_id;
  OvRecordGet    get_version;
  OvRecordSet    set_version;
} OvStoreRecordKind;

/* Validates and tidies @record, then writes it as a new row: its id and
 * version 1 are set on success, cleared on failure, when nothing is
 * stored. */
gboolean ov_store_record_insert (OvStore                 *self,
                                 const OvStoreRecordKind *kind,
                                 gpointer                 record,
                                 GError                 **error);

/* Validates and tidies @record, then writes it over its row if that is
 * still at the version read
 * (OV_STORE_ERROR_CONFLICT otherwise, nothing written); @changes gets
 * how many rows the statement changed with its triggers (nullable). */
gboolean ov_store_record_update (OvStore                 *self,
                                 const OvStoreRecordKind *kind,
                                 gpointer                 record,
                                 sqlite3_int64           *changes,
                                 GError                 **error);

/* Deletes @record's row if it is still at the version read
 * (OV_STORE_ERROR_CONFLICT otherwise, nothing deleted), and says so with
 * the kind's change signal. */
gboolean ov_store_record_delete (OvStore                 *self,
                                 const OvStoreRecordKind *kind,
                                 gpointer                 record,
                                 GError                 **error);

typedef gpointer (*OvRecordFromStmt) (sqlite3_stmt *stmt);

/* The record of row @id that @sql (one "?1" for the id) reads, made by
 * @from_stmt; %NULL with @error set when reading fails (@doing names
 * what was read), or %NULL with @error unset when there is no such row,
 * for the caller to say which record is missing. */
gpointer ov_store_record_get    (OvStore                 *self,
                                 const char              *sql,
                                 gint64                   id,
                                 OvRecordFromStmt         from_stmt,
                                 const char              *doing,
                                 GError                 **error);

G_END_DECLS
