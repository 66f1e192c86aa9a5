/* ov-store-program.h — what the onboarding program is measured against: the
 * day it started and the weights of the health score, kept in the database
 * so the app, the command line and the report agree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-date.h"
#include "ov-health.h"
#include "ov-store.h"

G_BEGIN_DECLS

OvDate   ov_store_get_program_start  (OvStore       *self);
gboolean ov_store_set_program_start  (OvStore       *self,
                                      OvDate         program_start,
                                      GError       **error);
gboolean ov_store_get_health_weights (OvStore       *self,
                                      double        *weights);
gboolean ov_store_set_health_weights (OvStore       *self,
                                      const double  *weights,
                                      GError       **error);

G_END_DECLS
