/* ov-meeting-kind.c — what a meeting was for: kickoff, training, review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kinds follow the journey: the kickoff starts the implementation,
 * trainings carry the adoption, the review closes onboarding. Engagement
 * (meetings attended ÷ meetings scheduled) counts every kind.
 */

#define G_LOG_DOMAIN "ov-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-meeting-kind.h"

static const struct
{
  const char *id;
  const char *title;
} kinds[OV_N_MEETING_KINDS] = {
  [OV_MEETING_KIND_KICKOFF] = { "kickoff", N_("Kickoff") },
  [OV_MEETING_KIND_TRAINING] = { "training", N_("Training") },
  [OV_MEETING_KIND_REVIEW] = { "review", N_("Review") },
  [OV_MEETING_KIND_OTHER] = { "other", N_("Other") },
};

gboolean
ov_meeting_kind_is_valid (OvMeetingKind kind)
{
  return (guint)kind < OV_N_MEETING_KINDS;
}

const char *
ov_meeting_kind_get_id (OvMeetingKind kind)
{
  return ov_meeting_kind_is_valid (kind) ? kinds[kind].id : NULL;
}

const char *
ov_meeting_kind_get_title (OvMeetingKind kind)
{
  return ov_meeting_kind_is_valid (kind) ? g_dgettext (GETTEXT_PACKAGE, kinds[kind].title)
                                         : NULL;
}

/* Letters only, lower case: the form ids and titles are compared in. */
static void
squeeze (const char *text,
         gsize       length,
         GString    *out)
{
  for (gsize i = 0; i < length && text[i] != '\0'; i++)
    if (g_ascii_isalpha (text[i]))
      g_string_append_c (out, g_ascii_tolower (text[i]));
}

gboolean
ov_meeting_kind_parse (const char    *text,
                       gssize         length,
                       OvMeetingKind *kind)
{
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  squeeze (text, length < 0 ? strlen (text) : (gsize)length, key);
  if (key->len == 0)
    return FALSE;

  for (guint i = 0; i < OV_N_MEETING_KINDS; i++)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      const char *translated = g_dgettext (GETTEXT_PACKAGE, kinds[i].title);

      squeeze (translated, strlen (translated), title);
      if (strcmp (key->str, kinds[i].id) == 0 || strcmp (key->str, title->str) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}
