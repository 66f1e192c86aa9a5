/* ov-content-text.c — how the content library's figures read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library and the account page say the same things the same way: a
 * rate always with the counts it stands on, and "no learners" rather than
 * 0 % when there is nothing to count (ov-content-progress.h).
 */

#define G_LOG_DOMAIN "ov-content-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-content-text.h"
#include "ov-role.h"
#include "ov-stage.h"

static char *
describe_minutes (guint minutes)
{
  if (minutes < 60)
    /* Translators: a duration, "45 min" */
    return g_strdup_printf (_("%u min"), minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration, "2 h" */
    return g_strdup_printf (_("%u h"), minutes / 60);
  /* Translators: a duration, "1 h 30 min" */
  return g_strdup_printf (_("%u h %u min"), minutes / 60, minutes % 60);
}

char *
ov_content_describe_item (OvContentItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *role = ov_content_item_get_role (item);

  g_ptr_array_add (parts, g_strdup (ov_content_format_get_title (ov_content_item_get_format (item))));
  g_ptr_array_add (parts, g_strdup (role[0] != '\0' ? ov_role_get_title (role)
                                                    : _("Everyone")));
  if (ov_content_item_get_stage (item) != 0)
    g_ptr_array_add (parts, g_strdup (ov_stage_get_title (ov_content_item_get_stage (item))));
  if (ov_content_item_get_duration (item) > 0)
    g_ptr_array_add (parts, describe_minutes (ov_content_item_get_duration (item)));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

char *
ov_content_describe_rate (guint n_completed,
                          guint n_learners)
{
  double rate = ov_content_rate (n_completed, n_learners);

  if (isnan (rate))
    return g_strdup (_("No learners yet"));

  /* Translators: "3 of 8 completed · 38 %" */
  return g_strdup_printf (ngettext ("%u of %u completed · %.0f %%",
                                    "%u of %u completed · %.0f %%", n_learners),
                          n_completed, n_learners, round (rate));
}

char *
ov_content_describe_learner (const OvLearner *learner)
{
  g_autofree char *date = NULL;

  switch (learner->status)
    {
    case OV_COMPLETION_COMPLETED:
      date = ov_date_to_display (learner->completed_on);
      /* Translators: "Completed on 12 May 2026" */
      return g_strdup_printf (_("Completed on %s"), date);
    case OV_COMPLETION_IN_PROGRESS:
      /* Translators: "In progress · 40 %" */
      return g_strdup_printf (_("In progress · %u %%"), learner->progress);
    case OV_COMPLETION_NOT_STARTED:
    case OV_N_COMPLETION_STATUSES:
    default:
      return g_strdup (_("Not started"));
    }
}
