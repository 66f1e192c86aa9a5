/* ov-content-text.h — how the content library's figures read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-content-progress.h"

G_BEGIN_DECLS

/* "Course · Admin · Kickoff · 1 h 30 min": what the item is, for whom,
 * when, how long; parts not known are left out. */
char *ov_content_describe_item (OvContentItem            *item);
/* "3 of 8 completed · 38 %", or "No learners yet" for none. */
char *ov_content_describe_rate (guint                     n_completed,
                                guint                     n_learners);
/* A learner's state: "Completed on 12 May 2026", "In progress · 40 %",
 * "Not started". */
char *ov_content_describe_learner (const OvLearner       *learner);

G_END_DECLS
