/* ov-account-measurements.h — an account's measurements, by metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-account-section.h"

G_BEGIN_DECLS

#define OV_TYPE_ACCOUNT_MEASUREMENTS (ov_account_measurements_get_type ())

G_DECLARE_FINAL_TYPE (OvAccountMeasurements, ov_account_measurements, OV, ACCOUNT_MEASUREMENTS,
                      OvAccountSection)

guint         ov_account_measurements_get_n_shown    (OvAccountMeasurements *self);
AdwActionRow *ov_account_measurements_find_row       (OvAccountMeasurements *self,
                                                      const char            *metric,
                                                      OvDate                 measured_on);
OvMeasurement *ov_account_measurements_get_row_measurement (AdwActionRow    *row);
GtkWidget    *ov_account_measurements_get_row_button (AdwActionRow          *row,
                                                      const char            *which);
const char   *ov_account_measurements_get_change     (OvAccountMeasurements *self,
                                                      const char            *metric);
GtkWidget    *ov_account_measurements_get_chart      (OvAccountMeasurements *self,
                                                      const char            *metric);
void          ov_account_measurements_delete         (OvAccountMeasurements *self,
                                                      OvMeasurement         *measurement);

G_END_DECLS
