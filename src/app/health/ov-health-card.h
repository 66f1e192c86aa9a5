/* ov-health-card.h — the dashboard's health card: accounts at risk, by how
 * much data their score rests on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-view.h"

G_BEGIN_DECLS

#define OV_TYPE_HEALTH_CARD (ov_health_card_get_type ())

G_DECLARE_FINAL_TYPE (OvHealthCard, ov_health_card, OV, HEALTH_CARD, OvView)

void                   ov_health_card_refresh     (OvHealthCard *self);
gboolean               ov_health_card_is_loading  (OvHealthCard *self);
const OvHealthSummary *ov_health_card_get_summary (OvHealthCard *self);

G_END_DECLS
