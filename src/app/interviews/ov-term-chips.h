/* ov-term-chips.h — the words a list of answers uses most, as chips that
 * filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OV_TYPE_TERM_CHIPS (ov_term_chips_get_type ())

G_DECLARE_FINAL_TYPE (OvTermChips, ov_term_chips, OV, TERM_CHIPS, AdwBin)

GtkWidget  *ov_term_chips_new       (void);
void        ov_term_chips_set_answers (OvTermChips      *self,
                                       GPtrArray        *answers,
                                       guint             max_terms);
const char *ov_term_chips_get_term  (OvTermChips        *self);
void        ov_term_chips_set_term  (OvTermChips        *self,
                                     const char         *term);
GPtrArray  *ov_term_chips_dup_chips (OvTermChips        *self);

G_END_DECLS
