/* ov-interview-window.h — interview mode: one account's listening
 * interview during a live call, one question per page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"
#include "ov-interview.h"

G_BEGIN_DECLS

#define OV_TYPE_INTERVIEW_WINDOW (ov_interview_window_get_type ())

G_DECLARE_FINAL_TYPE (OvInterviewWindow, ov_interview_window, OV, INTERVIEW_WINDOW, AdwWindow)

OvInterviewWindow *ov_interview_window_open            (GtkWidget         *from,
                                                        OvStore           *store,
                                                        OvAccount         *account,
                                                        gint64             interview_id);
OvInterview       *ov_interview_window_get_interview   (OvInterviewWindow *self);
guint              ov_interview_window_get_step        (OvInterviewWindow *self);
guint              ov_interview_window_get_n_questions (OvInterviewWindow *self);
GtkTextView       *ov_interview_window_get_answer_view (OvInterviewWindow *self,
                                                        guint              index);
const char        *ov_interview_window_get_progress    (OvInterviewWindow *self);
const char        *ov_interview_window_get_status      (OvInterviewWindow *self);

G_END_DECLS
