/* ov-store-playbooks.h — reading and writing playbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-playbook.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* Live playbooks with their tasks: the default first, then by name. */
GPtrArray  *ov_store_list_playbooks        (OvStore     *self,
                                            GError     **error);

/* One live playbook with its tasks. */
OvPlaybook *ov_store_get_playbook          (OvStore     *self,
                                            gint64       playbook_id,
                                            GError     **error);

/* Validates, then inserts (id 0) or updates @playbook and makes the stored
 * tasks match its tasks (kept tasks keep their ids, so tasks generated from
 * them stay linked). Setting "is-default" or a segment takes that over from
 * any other playbook. Sets the ids on the objects. Emits "playbooks". */
gboolean    ov_store_save_playbook         (OvStore     *self,
                                            OvPlaybook  *playbook,
                                            GError     **error);

/* A copy named "Copy of …", not the default and for no segment; returns
 * the new id, 0 on error. */
gint64      ov_store_duplicate_playbook    (OvStore     *self,
                                            gint64       playbook_id,
                                            GError     **error);

/* Soft delete: the playbook disappears from lists and from the choice of a
 * playbook for an account until ov_store_restore_playbook() (the Undo
 * toast); it is purged when the database is next opened. Refused
 * (OV_STORE_ERROR_CONFLICT) when the playbook changed since @playbook was
 * read; takes the new version. */
gboolean    ov_store_delete_playbook       (OvStore     *self,
                                            OvPlaybook  *playbook,
                                            GError     **error);
gboolean    ov_store_restore_playbook      (OvStore     *self,
                                            gint64       playbook_id,
                                            GError     **error);

/* The playbook that drives @account_id: its own playbook if set and live,
 * else the default for its segment, else the default playbook. NULL
 * without an error when there is none at all. */
OvPlaybook *ov_store_resolve_playbook      (OvStore     *self,
                                            gint64       account_id,
                                            GError     **error);

/* Chooses @playbook_id for @account_id; 0 goes back to the automatic
 * choice (segment, then default). Emits "accounts". */
gboolean    ov_store_set_account_playbook  (OvStore     *self,
                                            gint64       account_id,
                                            gint64       playbook_id,
                                            GError     **error);

/* Writes the playbook as JSON to @file, replaced atomically; an existing
 * file keeps its mode, a new one is created 0600. */
gboolean    ov_store_export_playbook       (OvStore     *self,
                                            gint64       playbook_id,
                                            GFile       *file,
                                            GError     **error);

/* Every live playbook in one file (ov_playbook_list_to_json()), to @file
 * as above or to @stream; exactly one of them is given. */
gboolean    ov_store_export_playbooks      (OvStore        *self,
                                            GOutputStream  *stream,
                                            GFile          *file,
                                            guint          *n_playbooks,
                                            GError        **error);

/* Reads, validates and stores a playbook file (of one playbook or of
 * several); returns the new ids in file order, or NULL with an error that
 * names the file and what is wrong, in which case nothing was stored. The
 * segment in the file is kept only when no other playbook is already the
 * default for it; an imported playbook is never the default. A task's
 * training is linked to the library's item of that title (whatever its
 * case), or added to the library; @n_items_added (nullable) counts the
 * items added. */
GArray     *ov_store_import_playbooks      (OvStore     *self,
                                            GFile       *file,
                                            guint       *n_items_added,
                                            GError     **error);

/* The same, returning the id of the (first) playbook stored, or 0. */
gint64      ov_store_import_playbook       (OvStore     *self,
                                            GFile       *file,
                                            guint       *n_items_added,
                                            GError     **error);

G_END_DECLS
