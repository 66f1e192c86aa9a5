/* ov-sample.h — a made-up but believable portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"
#include "ov-store.h"

G_BEGIN_DECLS

#define OV_SAMPLE_DEFAULT_ACCOUNTS 200
#define OV_SAMPLE_DEFAULT_SEED     2026

/* Journey milestones of one generated account: when it entered each stage
 * it has reached (0 for stages ahead of it). */
typedef struct
{
  OvDate entered[OV_N_STAGES + 1];
} OvSampleHistory;

typedef struct _OvSample OvSample;

OvSample  *ov_sample_new            (guint32          seed,
                                     OvDate           today);
void       ov_sample_free           (OvSample        *sample);
void       ov_sample_next_account   (OvSample        *sample,
                                     OvAccount       *account,
                                     OvSampleHistory *history);
gboolean   ov_sample_check_today    (OvDate           today,
                                     GError         **error);
/* The program start a sample made around @today gives the database (when
 * it has none): about half its closed accounts closed before it. */
OvDate     ov_sample_program_start  (OvDate           today);
gboolean   ov_sample_generate       (OvStore         *store,
                                     guint            n_accounts,
                                     guint32          seed,
                                     OvDate           today,
                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvSample, ov_sample_free)

G_END_DECLS
