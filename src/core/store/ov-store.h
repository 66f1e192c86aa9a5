/* ov-store.h — the Overture database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OV_STORE_ERROR (ov_store_error_quark ())

typedef enum
{
  OV_STORE_ERROR_NOT_DATABASE,
  OV_STORE_ERROR_NOT_OVERTURE,
  OV_STORE_ERROR_CORRUPT,
  OV_STORE_ERROR_READ_ONLY,
  OV_STORE_ERROR_LOCKED,
  OV_STORE_ERROR_TOO_NEW,
  OV_STORE_ERROR_FULL,
  OV_STORE_ERROR_IO,
  OV_STORE_ERROR_NOT_FOUND,
  OV_STORE_ERROR_CONSTRAINT,
  OV_STORE_ERROR_FAILED,
  OV_STORE_ERROR_NEEDS_UPGRADE,
  OV_STORE_ERROR_INTERRUPTED,
  /* A row was changed by someone else since it was read. */
  OV_STORE_ERROR_CONFLICT,
} OvStoreError;

typedef enum
{
  OV_STORE_OPEN_DEFAULT   = 0,
  /* Reading only: nothing in the files changes, a missing file is an error
   * and the schema must be current. */
  OV_STORE_OPEN_READ_ONLY = 1 << 0,
  /* The caller already ran ov_store_verify (deep) on the file. */
  OV_STORE_OPEN_VERIFIED  = 1 << 1,
  /* For one big write (an import) or a portfolio shown at once: the
   * pages of the file are checked in a thread from the opening on, so that
   * the caller can read meanwhile. Nothing is committed before the check
   * passed, on this connection or on any ov_store_open_another() makes of
   * it: a commit waits for the check, and is refused when it failed
   * (ov_store_wait_checked() says how it went). A file that needs a
   * migration, or a switch to WAL, is checked at once all the same. */
  OV_STORE_OPEN_CHECK_LATER = 1 << 2,
  /* With OV_STORE_OPEN_CHECK_LATER: the check starts when something first
   * waits for it (a write, ov_store_wait_checked()), not at the opening.
   * For a caller that reads first and wants the processor meanwhile, as
   * the window does while it reads and shows the portfolio. */
  OV_STORE_OPEN_CHECK_DEFERRED = 1 << 3,
} OvStoreOpenFlags;

#define OV_TYPE_STORE (ov_store_get_type ())

G_DECLARE_FINAL_TYPE (OvStore, ov_store, OV, STORE, GObject)

GQuark      ov_store_error_quark            (void);
char       *ov_store_default_path           (void);
char       *ov_store_resolve_path           (const char  *path,
                                             gboolean    *exists,
                                             GError     **error);
OvStore    *ov_store_open                   (const char  *path,
                                             GError     **error);
OvStore    *ov_store_open_full              (const char       *path,
                                             OvStoreOpenFlags  flags,
                                             GError          **error);
gboolean    ov_store_verify                 (const char  *path,
                                             int         *schema_version,
                                             gboolean     deep,
                                             GError     **error);
OvStore    *ov_store_open_another           (OvStore     *self,
                                             GError     **error);
OvStore    *ov_store_open_reader            (OvStore     *self,
                                             GError     **error);
const char *ov_store_get_path               (OvStore     *self);
gboolean    ov_store_wait_checked           (OvStore     *self,
                                             GError     **error);
int         ov_store_get_schema_version     (OvStore     *self);
int         ov_store_get_latest_version     (void);
const char *ov_store_get_backup_path        (OvStore     *self);
gboolean    ov_store_transaction_begin      (OvStore     *self,
                                             GError     **error);
gboolean    ov_store_transaction_commit     (OvStore     *self,
                                             GError     **error);
void        ov_store_transaction_rollback   (OvStore     *self);
gboolean    ov_store_check                  (OvStore     *self,
                                             char       **report,
                                             GError     **error);
GPtrArray  *ov_store_list_foreign_objects   (OvStore     *self,
                                             GError     **error);
gboolean    ov_store_purge_deleted          (OvStore     *self,
                                             gint64       deleted_before,
                                             GError     **error);
gboolean    ov_store_purge_deleted_full     (OvStore     *self,
                                             gint64       deleted_before,
                                             gboolean     accounts,
                                             GError     **error);
gboolean    ov_store_is_read_only           (OvStore     *self);
char       *ov_store_get_setting            (OvStore     *self,
                                             const char  *key);
gboolean    ov_store_set_setting            (OvStore     *self,
                                             const char  *key,
                                             const char  *value,
                                             GError     **error);
/* Timestamps as stored: ISO 8601 in UTC, to the second. */
char       *ov_store_now_utc                (void);
char       *ov_store_format_utc             (gint64       unix_seconds);
void        ov_store_emit_changed           (OvStore     *self,
                                             const char  *what);

G_END_DECLS
