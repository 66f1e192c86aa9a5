/* ov-playbook-private.h — what the files of OvPlaybook share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-playbook-json.c        a playbook file read and checked
 * ov-playbook-json-write.c  playbooks written as a file
 */

#pragma once

#include "ov-playbook.h"

G_BEGIN_DECLS

/* The "format" of a file of one playbook and of several, and the
 * "version" written (and the newest one read). */
#define OV_PLAYBOOK_FILE_FORMAT      "overture-playbook"
#define OV_PLAYBOOK_LIST_FILE_FORMAT "overture-playbooks"
#define OV_PLAYBOOK_FILE_VERSION     2
/* Version 2 added a task's "training"; a file without one is still
 * written as version 1, so older versions of Overture read it. */
#define OV_PLAYBOOK_FILE_VERSION_TRAINING 2

G_END_DECLS
