/* ov-role.h — the roles people hold on an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A role is a stable ASCII id (stored in the database, written in playbook
 * files) with a translated title for display. Internal roles: sales,
 * onboarding, csm, support, training, services. Customer roles: sponsor,
 * champion, admin, end_user.
 */

#pragma once

#include <glib.h>

#include "ov-types.h"

G_BEGIN_DECLS

/* TRUE when @role is one of the ten role ids above. */
gboolean            ov_role_is_valid     (const char *role);

/* The translated title of @role ("Onboarding specialist"), or NULL when
 * @role is not a role id. */
const char         *ov_role_get_title    (const char *role);

/* Which side of the relationship @role belongs to; @role must be valid. */
OvSide              ov_role_get_side     (const char *role);

/* The role ids of @side in display order, NULL-terminated; static. */
const char * const *ov_role_list         (OvSide      side);

/* All ten role ids, internal first, NULL-terminated; static. */
const char * const *ov_role_list_all     (void);

/* Position of @role in ov_role_list_all(), for sorting; -1 if unknown. */
int                 ov_role_get_index    (const char *role);

/* Accepts a role id or its (translated) title in any case and spacing,
 * e.g. "Executive sponsor", "end user"; returns the id or NULL. */
const char         *ov_role_parse        (const char *text);

G_END_DECLS
