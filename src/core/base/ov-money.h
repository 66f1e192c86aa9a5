/* ov-money.h — amounts of money in minor units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OV_MONEY_ERROR (ov_money_error_quark ())

typedef enum
{
  OV_MONEY_ERROR_INVALID,
  OV_MONEY_ERROR_TOO_LARGE,
} OvMoneyError;

GQuark       ov_money_error_quark   (void);

/* Money is an integer count of cents (minor units) beside an ISO 4217 code,
 * so sums are exact and nothing is lost in a round trip through CSV. */

/* An amount nobody knows (an empty cell, a cleared field): never 0, which
 * is an amount. No real amount comes near it, and it cannot be negated,
 * so it is never mistaken for one. ov_money_format() writes it as "—",
 * ov_money_format_plain() as "". */
#define OV_MONEY_UNKNOWN G_MININT64

static inline gboolean
ov_money_is_known (gint64 cents)
{
  return cents != OV_MONEY_UNKNOWN;
}

char        *ov_money_format        (gint64       cents,
                                     const char  *currency);
char        *ov_money_format_plain  (gint64       cents);
gboolean     ov_money_parse         (const char  *text,
                                     gint64      *cents,
                                     char       **currency,
                                     GError     **error);
const char  *ov_money_symbol        (const char  *currency);
char        *ov_money_currency_from_locale_symbol (const char *int_curr_symbol);
char        *ov_money_locale_currency             (void);

G_END_DECLS
