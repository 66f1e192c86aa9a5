/* ov-question.h — one question of the listening interview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OV_QUESTION_ERROR (ov_question_error_quark ())

typedef enum
{
  OV_QUESTION_ERROR_TEXT,
  OV_QUESTION_ERROR_POSITION,
  OV_QUESTION_ERROR_NOT_FOUND,
} OvQuestionError;

/* A question's text is at most this many characters. */
#define OV_QUESTION_MAX_CHARS 500

#define OV_TYPE_QUESTION (ov_question_get_type ())

G_DECLARE_FINAL_TYPE (OvQuestion, ov_question, OV, QUESTION, GObject)

/* Properties (all notify explicitly): "id", "position" (1 is asked first),
 * "text", "retired" (no longer asked in new interviews; its answers stay). */

GQuark       ov_question_error_quark   (void);
OvQuestion  *ov_question_new           (const char  *text);
OvQuestion  *ov_question_copy          (OvQuestion  *self);

/* The text must hold something but white space, at most
 * OV_QUESTION_MAX_CHARS characters, no control characters. The message
 * starts with the field's label. */
gboolean     ov_question_validate_text (const char  *text,
                                        GError     **error);

/* Whether @text (no spaces around it) is a question's number, as a
 * command line or a CSV cell names one: digits only. */
gboolean     ov_question_parse_id      (const char  *text,
                                        gint64      *id);

gint64       ov_question_get_id        (OvQuestion  *self);
void         ov_question_set_id        (OvQuestion  *self,
                                        gint64       id);
gint64       ov_question_get_version   (OvQuestion  *self);
void         ov_question_set_version   (OvQuestion  *self,
                                        gint64       version);
guint        ov_question_get_position  (OvQuestion  *self);
void         ov_question_set_position  (OvQuestion  *self,
                                        guint        position);
const char  *ov_question_get_text      (OvQuestion  *self);
void         ov_question_set_text      (OvQuestion  *self,
                                        const char  *text);
gboolean     ov_question_get_retired   (OvQuestion  *self);
void         ov_question_set_retired   (OvQuestion  *self,
                                        gboolean     retired);

G_END_DECLS
