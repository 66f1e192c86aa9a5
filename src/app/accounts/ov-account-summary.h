/* ov-account-summary.h — the key facts of an account, at the top of its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_SUMMARY (ov_account_summary_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountSummary, ov_account_summary, OV, ACCOUNT_SUMMARY,
                      OvAccountSection)

/* What one fact shows: @fact is "owner", "arr", "package", "status",
 * "days" or "next"; @detail (nullable) gets the line under it ("" if
 * none). */
const char *ov_account_summary_get_text (OvAccountSummary  *self,
                                         const char        *fact,
                                         const char       **detail);

G_END_DECLS
