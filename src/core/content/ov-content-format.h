/* ov-content-format.h — what a content item is: course, webinar, guide,
 * video or hands-on exercise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OV_CONTENT_FORMAT_COURSE,
  OV_CONTENT_FORMAT_WEBINAR,
  OV_CONTENT_FORMAT_GUIDE,
  OV_CONTENT_FORMAT_VIDEO,
  OV_CONTENT_FORMAT_EXERCISE,
  OV_N_CONTENT_FORMATS
} OvContentFormat;

gboolean    ov_content_format_is_valid  (OvContentFormat  format);
/* "course", "webinar", "guide", "video", "exercise" */
const char *ov_content_format_get_id    (OvContentFormat  format);
const char *ov_content_format_get_title (OvContentFormat  format);
/* An id, a title (English or translated) or a common other name
 * ("hands-on exercise", "lab", "e-learning"), whatever its case. */
gboolean    ov_content_format_parse     (const char      *text,
                                         gssize           length,
                                         OvContentFormat *format);

/* @text's letters, case-folded: "Hands-on exercise" → "handsonexercise". */
char       *ov_content_name_key         (const char      *text,
                                         gssize           length);

gboolean    ov_content_name_matches     (const char         *key,
                                         const char         *id,
                                         const char         *title,
                                         const char * const *other_names);

G_END_DECLS
