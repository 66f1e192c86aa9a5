/* ov-content-format.c — what a content item is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The five formats of DOMAIN.md's content library. Files from learning
 * platforms and spreadsheets name them in many ways; parse() folds case
 * and drops everything but letters, so "Hands-on exercise", "HANDS ON"
 * and "exercise" are one.
 */

#define G_LOG_DOMAIN "ov-content"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-content-format.h"

static const struct
{
  const char *id;
  const char *title;
  const char *other_names[4];
} formats[OV_N_CONTENT_FORMATS] = {
  [OV_CONTENT_FORMAT_COURSE] = { "course", N_("Course"),
                                 { "elearning", "module", "learningpath", NULL } },
  [OV_CONTENT_FORMAT_WEBINAR] = { "webinar", N_("Webinar"),
                                  { "liveevent", "livetraining", "event", NULL } },
  [OV_CONTENT_FORMAT_GUIDE] = { "guide", N_("Guide"),
                                { "article", "document", "playbook", NULL } },
  [OV_CONTENT_FORMAT_VIDEO] = { "video", N_("Video"), { "recording", NULL } },
  [OV_CONTENT_FORMAT_EXERCISE] = { "exercise", N_("Hands-on exercise"),
                                   { "handson", "lab", "handsonlab", NULL } },
};

gboolean
ov_content_format_is_valid (OvContentFormat format)
{
  return (guint)format < OV_N_CONTENT_FORMATS;
}

const char *
ov_content_format_get_id (OvContentFormat format)
{
  return ov_content_format_is_valid (format) ? formats[format].id : NULL;
}

const char *
ov_content_format_get_title (OvContentFormat format)
{
  return ov_content_format_is_valid (format) ? g_dgettext (GETTEXT_PACKAGE, formats[format].title)
                                             : NULL;
}

/* Letters only, case-folded: the form names of formats and statuses are
 * compared in. */
char *
ov_content_name_key (const char *text,
         gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (text, length);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* Whether @key (ov_content_name_key() of a text) names the entry with
 * these @id, @title (untranslated; its translation counts too) and
 * @other_names. */
gboolean
ov_content_name_matches (const char         *key,
                         const char         *id,
                         const char         *title,
                         const char * const *other_names)
{
  g_autofree char *id_key = ov_content_name_key (id, -1);
  g_autofree char *title_key = ov_content_name_key (title, -1);
  g_autofree char *translated = ov_content_name_key (g_dgettext (GETTEXT_PACKAGE, title), -1);

  if (strcmp (key, id_key) == 0 || strcmp (key, title_key) == 0 || strcmp (key, translated) == 0)
    return TRUE;

  for (guint i = 0; other_names[i] != NULL; i++)
    if (strcmp (key, other_names[i]) == 0)
      return TRUE;

  return FALSE;
}

gboolean
ov_content_format_parse (const char      *text,
                         gssize           length,
                         OvContentFormat *format)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  key = ov_content_name_key (text, length);
  if (key[0] == '\0')
    return FALSE;

  for (guint i = 0; i < OV_N_CONTENT_FORMATS; i++)
    if (ov_content_name_matches (key, formats[i].id, formats[i].title, formats[i].other_names))
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}
