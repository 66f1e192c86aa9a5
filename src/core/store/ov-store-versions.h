/* ov-store-versions.h — writes that check the version they read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the store. Every editable row has a version that each UPDATE
 * raises by one; a write from a copy read earlier names that version in
 * its WHERE clause. When it changes nothing, these helpers say why: the
 * row is gone (OV_STORE_ERROR_NOT_FOUND) or someone changed it since
 * (OV_STORE_ERROR_CONFLICT), and who: an import batch (by its file), this
 * program in another window, or another program.
 */

#pragma once

#include <sqlite3.h>

#include "ov-store.h"

G_BEGIN_DECLS

typedef enum
{
  OV_ROW_ACCOUNT,
  OV_ROW_PERSON,
  OV_ROW_TASK,
  OV_ROW_PLAYBOOK,
  OV_ROW_MEASUREMENT,
  OV_ROW_MEETING,
  OV_ROW_PACKAGE,
  OV_ROW_QUESTION,
  OV_ROW_INTERVIEW,
  OV_ROW_CONTENT_ITEM,
} OvRowKind;

/* Steps @stmt, a versioned UPDATE or DELETE of @kind row @id read at
 * @version. One row changed: notes that this process wrote @version + 1
 * and returns TRUE. None: the error says why. */
gboolean  ov_store_step_versioned      (OvStore       *self,
                                        sqlite3_stmt  *stmt,
                                        OvRowKind      kind,
                                        gint64         id,
                                        gint64         version,
                                        GError       **error);

/* Deletes for good @kind row @id, read at @version (not accounts nor
 * playbooks, whose deletion is soft); the error says why when it cannot. */
gboolean  ov_store_delete_versioned    (OvStore       *self,
                                        OvRowKind      kind,
                                        gint64         id,
                                        gint64         version,
                                        GError       **error);

/* For rows keyed otherwise (wizard answers): @key names the row within
 * its table, @version is what this process has written now. Inside a
 * transaction it counts once the transaction commits. */
void      ov_store_note_written        (OvStore       *self,
                                        const char    *key,
                                        gint64         version);

/* The conflict error for a row keyed @key whose stored version is now
 * @stored_version, when no import writes such rows. Returns FALSE. */
gboolean  ov_store_set_conflict        (OvStore       *self,
                                        const char    *key,
                                        gint64         stored_version,
                                        GError       **error);

G_END_DECLS
