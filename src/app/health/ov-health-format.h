/* ov-health-format.h — the words and numbers the health widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-core.h"

G_BEGIN_DECLS

const char *ov_health_component_title  (OvHealthComponent         component);
char       *ov_health_describe_input   (const OvHealthFacts      *facts,
                                        const OvHealthAssessment *assessment,
                                        OvHealthComponent         component);
char       *ov_health_describe_lift    (const OvHealthAssessment *assessment);
char       *ov_health_describe_source  (const OvHealthFacts      *facts,
                                        const OvHealthAssessment *assessment);
char       *ov_health_format_percent   (double                    fraction);
const char *ov_health_status_of        (const OvHealthAssessment *assessment,
                                        const char              **css_class);

G_END_DECLS
