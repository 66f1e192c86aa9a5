/* ov-answers-view.h — "what did everyone say?": every answer to one
 * question across the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_ANSWERS_VIEW (ov_answers_view_get_type ())

G_DECLARE_FINAL_TYPE (OvAnswersView, ov_answers_view, OV, ANSWERS_VIEW, OvView)

void        ov_answers_view_set_accounts      (OvAnswersView *self,
                                               OvAccountList *accounts);
gboolean    ov_answers_view_show_question     (OvAnswersView *self,
                                               gint64         question_id);
void        ov_answers_view_reload            (OvAnswersView *self);
gboolean    ov_answers_view_is_loading        (OvAnswersView *self);
GListModel *ov_answers_view_get_shown         (OvAnswersView *self);
const char *ov_answers_view_get_count_text    (OvAnswersView *self);
const char *ov_answers_view_get_filter_text   (OvAnswersView *self);
GPtrArray  *ov_answers_view_dup_chips         (OvAnswersView *self);
GtkWidget  *ov_answers_view_get_filter_widget (OvAnswersView *self,
                                               const char    *name);
void        ov_answers_view_export            (OvAnswersView *self,
                                               GFile         *file);

G_END_DECLS
