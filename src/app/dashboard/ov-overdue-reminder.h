/* ov-overdue-reminder.h — the start-up notification about overdue tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ov-core.h"

G_BEGIN_DECLS

/* The id the notification is sent with, so a new one replaces the last. */
#define OV_OVERDUE_REMINDER_ID "overdue-tasks"

/* How many accounts the notification names. */
#define OV_OVERDUE_REMINDER_NAMES 3

/* Whether the user wants the reminder: FALSE without settings (schema not
 * installed) or with the "notify-overdue" key off. */
gboolean       ov_overdue_reminder_is_enabled  (GSettings     *settings);

/* The words of the notification for @overdue (OvTask, oldest first, as
 * ov_store_list_overdue_tasks gives them; may be the first few of
 * @n_overdue). FALSE, with nothing set, when nothing should be sent:
 * the reminder is off or nothing is overdue. */
gboolean       ov_overdue_reminder_describe    (GPtrArray     *overdue,
                                                gint64         n_overdue,
                                                gboolean       enabled,
                                                char         **title,
                                                char         **body);

/* The notification itself, NULL when nothing should be sent. Its default
 * action opens the dashboard (app.show-view). */
GNotification *ov_overdue_reminder_build       (GPtrArray     *overdue,
                                                gint64         n_overdue,
                                                gboolean       enabled);

/* Reads the overdue tasks of @store against @today in a thread, on a
 * connection of its own, and sends the notification when there is one to
 * send. Nothing is read when @enabled is FALSE. The result is TRUE when a
 * notification was sent. */
void           ov_overdue_reminder_send_async  (GApplication        *application,
                                                OvStore             *store,
                                                OvDate               today,
                                                gboolean             enabled,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       ov_overdue_reminder_send_finish (GApplication        *application,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
