/* ov-memory.h — memory given back after a burst of work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ov_memory_set_up    (void);
void ov_memory_give_back (void);

G_END_DECLS
