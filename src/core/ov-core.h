/* ov-core.h — everything the app and the CLI use of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"
#include "ov-account-list.h"
#include "ov-date.h"
#include "ov-enum-types.h"
#include "ov-metrics.h"
#include "ov-money.h"
#include "ov-sample.h"
#include "ov-stage.h"
#include "ov-store.h"
#include "ov-store-accounts.h"
#include "ov-types.h"
