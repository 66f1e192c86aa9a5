/* ov-date-local.h — dates as a person types them, in the locale's order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-date.h"

G_BEGIN_DECLS

OvDateOrder  ov_date_order_from_format  (const char  *format);
OvDateOrder  ov_date_get_locale_order   (void);
char        *ov_date_to_local_numeric   (OvDate       date,
                                         OvDateOrder  order);
gboolean     ov_date_parse_typed        (const char  *text,
                                         OvDateOrder  order,
                                         OvDate      *date,
                                         GError     **error);
gboolean     ov_date_parse_local        (const char  *text,
                                         OvDate      *date,
                                         GError     **error);

G_END_DECLS
