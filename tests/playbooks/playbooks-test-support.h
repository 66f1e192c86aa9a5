/* playbooks-test-support.h — what the playbooks' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "journey-test-support.h"

G_BEGIN_DECLS

/* The store's one playbook (a new reference); fails when it has more. */
OvPlaybook *only_playbook   (OvStore    *store);
guint       count_playbooks (OvStore    *store);

/* Title, role and offset of every task, stage by stage. */
char       *describe        (OvPlaybook *playbook);

G_END_DECLS
