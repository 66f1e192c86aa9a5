/* ov-store-people.h — the people of an account and the roles they hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-person.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* The people of @account_id (OvPerson, roles loaded): internal people
 * first, then customers, each in the order they were added. */
GPtrArray *ov_store_list_people     (OvStore     *self,
                                     gint64       account_id,
                                     GError     **error);

OvPerson  *ov_store_get_person      (OvStore     *self,
                                     gint64       person_id,
                                     GError     **error);

/* Validates and inserts @person (its id must be 0) with its roles; sets the
 * new id. The account must exist. Emits "people". */
gboolean   ov_store_add_person      (OvStore     *self,
                                     OvPerson    *person,
                                     GError     **error);

/* Validates and writes name, email, side and roles of a stored person.
 * Emits "people". */
gboolean   ov_store_update_person   (OvStore     *self,
                                     OvPerson    *person,
                                     GError     **error);

/* Deletes the person; tasks assigned to them fall back to whoever holds
 * the task's role. Refused (OV_STORE_ERROR_CONFLICT) when the person
 * changed since @person was read. Emits "people" and "tasks". */
gboolean   ov_store_delete_person   (OvStore     *self,
                                     OvPerson    *person,
                                     GError     **error);

/* Who holds @role on @account_id. When several people hold it, the one
 * added first. Returns NULL without setting @error when nobody does. */
OvPerson  *ov_store_resolve_role    (OvStore     *self,
                                     gint64       account_id,
                                     const char  *role,
                                     GError     **error);

G_END_DECLS
