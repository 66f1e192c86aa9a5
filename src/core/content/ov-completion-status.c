/* ov-completion-status.c — how far a person got with a content item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Learning platforms word the same three states differently (Skilljar:
 * "Completed", "In Progress"; Northpass: "completed", "started";
 * Thought Industries: "Completed", "Started", "Not Started", "Enrolled");
 * parse() knows those words, with case, spaces and punctuation ignored.
 */

#define G_LOG_DOMAIN "ov-content"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-completion-status.h"
#include "ov-content-format.h"

static const struct
{
  const char *id;
  const char *title;
  const char *other_names[7];
} statuses[OV_N_COMPLETION_STATUSES] = {
  [OV_COMPLETION_NOT_STARTED] = { "not_started", N_("Not started"),
                                  { "notstarted", "enrolled", "registered", "assigned", "new",
                                    "none", NULL } },
  [OV_COMPLETION_IN_PROGRESS] = { "in_progress", N_("In progress"),
                                  { "inprogress", "started", "incomplete", "active", "ongoing",
                                    NULL } },
  [OV_COMPLETION_COMPLETED] = { "completed", N_("Completed"),
                                { "complete", "passed", "finished", "done", "certified", NULL } },
};

gboolean
ov_completion_status_is_valid (OvCompletionStatus status)
{
  return (guint)status < OV_N_COMPLETION_STATUSES;
}

const char *
ov_completion_status_get_id (OvCompletionStatus status)
{
  return ov_completion_status_is_valid (status) ? statuses[status].id : NULL;
}

const char *
ov_completion_status_get_title (OvCompletionStatus status)
{
  return ov_completion_status_is_valid (status)
           ? g_dgettext (GETTEXT_PACKAGE, statuses[status].title) : NULL;
}

gboolean
ov_completion_status_parse (const char         *text,
                            gssize              length,
                            OvCompletionStatus *status)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  key = ov_content_name_key (text, length);
  if (key[0] == '\0')
    return FALSE;

  for (guint i = 0; i < OV_N_COMPLETION_STATUSES; i++)
    if (ov_content_name_matches (key, statuses[i].id, statuses[i].title,
                                 statuses[i].other_names))
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}
