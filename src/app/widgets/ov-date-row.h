/* ov-date-row.h — an entry row for a date, with a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_DATE_ROW (ov_date_row_get_type ())

G_DECLARE_FINAL_TYPE (OvDateRow, ov_date_row, OV, DATE_ROW, AdwEntryRow)

GtkWidget *ov_date_row_new       (void);
OvDate     ov_date_row_get_date  (OvDateRow *self);
void       ov_date_row_set_date  (OvDateRow *self,
                                  OvDate     date);
gboolean   ov_date_row_is_valid  (OvDateRow *self);
gboolean   ov_date_row_read_text (OvDateRow *self,
                                  OvDate    *date,
                                  GError   **error);

G_END_DECLS
