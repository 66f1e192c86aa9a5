/* ov-measurement-dialog.h — add or change one measurement of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_MEASUREMENT_DIALOG (ov_measurement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OvMeasurementDialog, ov_measurement_dialog, OV, MEASUREMENT_DIALOG,
                      AdwWindow)

OvMeasurementDialog *ov_measurement_dialog_new       (GtkWindow           *parent,
                                                      OvStore             *store,
                                                      OvAccount           *account,
                                                      OvMeasurement       *measurement,
                                                      OvDate               today);
void                 ov_measurement_dialog_set_metric (OvMeasurementDialog *self,
                                                      const char          *metric);
gboolean             ov_measurement_dialog_save      (OvMeasurementDialog *self);
const char          *ov_measurement_dialog_get_error (OvMeasurementDialog *self);

G_END_DECLS
