/* ov-answers-export.h — answers as a list shows them, written to CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The columns, those of the interviews export: account_external_id,
 * account, interviewed_on, interviewer, interviewee, question (as it was
 * asked), answer. */
gboolean ov_answers_export_write        (GPtrArray            *answers,
                                         GFile                *file,
                                         guint64              *n_rows,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* The same in a worker; @answers (OvInterviewAnswer with their context)
 * are kept until it is done and must not change meanwhile. */
void     ov_answers_export_write_async  (GPtrArray            *answers,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean ov_answers_export_write_finish (GAsyncResult         *result,
                                         guint64              *n_rows,
                                         GError              **error);

G_END_DECLS
