/* ov-account-private.h — what the store fills in and reads of an account,
 * and what the files of OvAccount share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"

G_BEGIN_DECLS

/* An account as the store reads its row: the texts are only looked at
 * while ov_account_new_from_row() runs. Empty texts and NULL are alike;
 * dates are ISO 8601 (anything else reads as none); the timestamps are
 * Unix seconds. */
typedef struct
{
  gint64      id;
  const char *external_id;
  const char *name;
  const char *segment;
  const char *owner;
  const char *sales_owner;
  gint64      arr_cents;          /* OV_MONEY_UNKNOWN for NULL */
  const char *currency;
  int         stage;
  int         status;
  const char *dates[OV_N_ACCOUNT_DATES];
  const char *first_value_milestone;
  const char *package;
  const char *notes;
  gint64      playbook_id;
  gint64      package_id;
  const char *churned_on;
  gint64      created_at;
  gint64      updated_at;
  gint64      version;
} OvAccountRow;

OvAccount *ov_account_new_from_row (const OvAccountRow *row);
void       ov_account_set_version  (OvAccount          *self,
                                    gint64              version);

/* ov-account-dates.c: a number of days as list cells show it, "—" for
 * none (-1). */
char      *ov_account_format_days  (int                 days);

/* g_ascii_tolower() is a function call; names are folded by the million. */
static inline guchar
ov_account_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (guchar)(c + ('a' - 'A')) : (guchar)c;
}

G_END_DECLS
