/* ov-completion-status.h — how far a person got with a content item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OV_COMPLETION_NOT_STARTED,
  OV_COMPLETION_IN_PROGRESS,
  OV_COMPLETION_COMPLETED,
  OV_N_COMPLETION_STATUSES
} OvCompletionStatus;

gboolean    ov_completion_status_is_valid  (OvCompletionStatus  status);
/* "not_started", "in_progress", "completed" */
const char *ov_completion_status_get_id    (OvCompletionStatus  status);
const char *ov_completion_status_get_title (OvCompletionStatus  status);
/* An id, a title, or what learning platforms write: "Completed",
 * "Passed", "Finished", "In Progress", "Started", "Enrolled",
 * "Registered", "Not Started"… whatever its case. */
gboolean    ov_completion_status_parse     (const char         *text,
                                            gssize              length,
                                            OvCompletionStatus *status);

G_END_DECLS
