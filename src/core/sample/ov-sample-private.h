/* ov-sample-private.h — what the parts of the sample portfolio share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-sample.h"

#include "ov-playbook.h"

G_BEGIN_DECLS

/* A contract renews every this many days after the close. */
#define OV_SAMPLE_YEAR_DAYS 365

/* ov-sample-impact.c: the measurements (with their baselines, and ARR's
 * history) and the meetings of one generated account, drawn from @rand
 * alone, dated from its close to @today (or the day it churned). */
gboolean ov_sample_add_impact (OvStore                *store,
                               GRand                  *rand,
                               OvAccount              *account,
                               const OvSampleHistory  *history,
                               OvDate                  today,
                               const char             *now,
                               GError                **error);

/* ov-sample-interviews.c: a listening interview, with answers, for an
 * account that reached Review in the year before @today; nothing for the
 * others. Drawn from @rand alone. */
gboolean ov_sample_add_interviews (OvStore                *store,
                                   GRand                  *rand,
                                   OvAccount              *account,
                                   const OvSampleHistory  *history,
                                   OvDate                  today,
                                   GError                **error);
/* ov-sample-content.c: the sample's content library (OvContentItem),
 * found or added, and the items and completions of one account with
 * people, drawn from @rand alone. Only the first
 * OV_SAMPLE_CONTENT_ACCOUNTS accounts get content. */
#define OV_SAMPLE_CONTENT_ACCOUNTS 400

GPtrArray *ov_sample_content_library (OvStore                *store,
                                      GError                **error);
/* Points the playbook's training tasks (those the trainer owns) that
 * point at nothing yet at the library's items, and stores the playbook
 * when it is stored already, so the tasks it makes carry their training. */
gboolean   ov_sample_link_training   (OvStore                *store,
                                      OvPlaybook             *playbook,
                                      GPtrArray              *items,
                                      GError                **error);
gboolean   ov_sample_add_content     (OvStore                *store,
                                      GRand                  *rand,
                                      GPtrArray              *items,
                                      OvAccount              *account,
                                      const OvSampleHistory  *history,
                                      OvDate                  today,
                                      GError                **error);

G_END_DECLS
