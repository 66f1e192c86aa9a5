/* ov-stage.c — names and facts about stages and statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-stage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-stage.h"

typedef struct
{
  const char *id;
  const char *title;
  const char *summary;
} StageInfo;

static const StageInfo stages[OV_N_STAGES] = {
  { "embark", N_("Embark"),
    N_("Before the deal closes: show the value of onboarding and position the package.") },
  { "handoff", N_("Handoff"),
    N_("Sales hands over to the onboarding team, then the team welcomes the customer.") },
  { "kickoff", N_("Kickoff"),
    N_("Agree with the customer on go-live, the timeline, roles and the first value.") },
  { "adopt", N_("Adopt"),
    N_("Implement, train and configure until the customer reaches first value.") },
  { "review", N_("Review"),
    N_("Look back with the customer: outcomes against goals, metrics, their feedback.") },
  { "expand", N_("Expand"),
    N_("Keep onboarding new users and teams, and grow the account towards renewal.") },
};

static const StageInfo statuses[OV_N_ACCOUNT_STATUSES] = {
  { "active", N_("Active"), NULL },
  { "paused", N_("Paused"), NULL },
  { "churned", N_("Churned"), NULL },
};

gboolean
ov_stage_is_valid (int value)
{
  return value >= OV_STAGE_FIRST && value <= OV_STAGE_LAST;
}

const char *
ov_stage_get_id (OvStage stage)
{
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  return stages[stage - 1].id;
}

const char *
ov_stage_get_title (OvStage stage)
{
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  return g_dgettext (GETTEXT_PACKAGE, stages[stage - 1].title);
}

const char *
ov_stage_get_summary (OvStage stage)
{
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  return g_dgettext (GETTEXT_PACKAGE, stages[stage - 1].summary);
}

/* Lower-cases ASCII letters and drops spaces, hyphens and underscores, so
 * "Kick-off", "kick off" and "KICKOFF" compare equal. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '_' || *p == '\t')
        continue;
      g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

static gboolean
parse_among (const StageInfo *table,
             guint            n,
             const char      *text,
             int             *index)
{
  g_autofree char *key = NULL;

  if (text == NULL)
    return FALSE;

  key = normalize (text);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = normalize (g_dgettext (GETTEXT_PACKAGE, table[i].title));

      if (strcmp (key, table[i].id) == 0 || strcmp (key, title) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Accepts a stage id, its (translated) title in any case and spacing, or
 * the stage's number 1..6. */
gboolean
ov_stage_parse (const char *text,
                OvStage    *stage)
{
  g_autofree char *trimmed = NULL;
  int index;

  g_return_val_if_fail (stage != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] >= '1' && trimmed[0] <= '6' && trimmed[1] == '\0')
    {
      *stage = trimmed[0] - '0';
      return TRUE;
    }

  if (parse_among (stages, OV_N_STAGES, trimmed, &index))
    {
      *stage = index + 1;
      return TRUE;
    }

  return FALSE;
}

const char *
ov_account_status_get_id (OvAccountStatus status)
{
  g_return_val_if_fail (status < OV_N_ACCOUNT_STATUSES, NULL);

  return statuses[status].id;
}

const char *
ov_account_status_get_title (OvAccountStatus status)
{
  g_return_val_if_fail (status < OV_N_ACCOUNT_STATUSES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, statuses[status].title);
}

gboolean
ov_account_status_parse (const char      *text,
                         OvAccountStatus *status)
{
  g_autofree char *trimmed = NULL;
  int index;

  g_return_val_if_fail (status != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));
  if (parse_among (statuses, OV_N_ACCOUNT_STATUSES, trimmed, &index))
    {
      *status = index;
      return TRUE;
    }

  return FALSE;
}
