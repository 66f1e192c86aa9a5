/* ov-store-health.h — what each account's health score rests on, and the
 * score set by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"
#include "ov-health-account.h"
#include "ov-store.h"

G_BEGIN_DECLS

/* The facts of one account (not deleted) as of @today; clear @facts with
 * ov_health_facts_clear(). OV_STORE_ERROR_NOT_FOUND when there is no such
 * account. */
gboolean  ov_store_get_health_facts      (OvStore        *self,
                                          gint64          account_id,
                                          OvDate          today,
                                          OvHealthFacts  *facts,
                                          GError        **error);

/* The facts of every account neither deleted nor churned, by id: an array
 * of OvHealthFacts that clears its elements. One pass over each table. */
GArray   *ov_store_list_health_facts     (OvStore        *self,
                                          OvDate          today,
                                          GError        **error);

/* Sets the account's health score by hand, checked by
 * ov_health_check_override() against @today (the day it is set), on the
 * account read at its version (else OV_STORE_ERROR_CONFLICT); moves the
 * account's version on. Emits "accounts". */
gboolean  ov_store_set_health_override   (OvStore        *self,
                                          OvAccount      *account,
                                          double          value,
                                          const char     *reason,
                                          OvDate          expires_on,
                                          OvDate          today,
                                          GError        **error);
/* Takes it away again, the same way. */
gboolean  ov_store_clear_health_override (OvStore        *self,
                                          OvAccount      *account,
                                          GError        **error);

G_END_DECLS
