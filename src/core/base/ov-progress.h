/* ov-progress.h — reporting progress from a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called with the share of the work done so far, 0.0 to 1.0. */
typedef void (*OvProgressFunc) (double   fraction,
                                gpointer user_data);

typedef struct _OvProgressRelay OvProgressRelay;

OvProgressRelay *ov_progress_relay_new    (OvProgressFunc   progress,
                                           gpointer         user_data,
                                           GDestroyNotify   destroy);
OvProgressRelay *ov_progress_relay_ref    (OvProgressRelay *relay);
void             ov_progress_relay_unref  (OvProgressRelay *relay);
void             ov_progress_relay_report (double           fraction,
                                           gpointer         relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvProgressRelay, ov_progress_relay_unref)

G_END_DECLS
