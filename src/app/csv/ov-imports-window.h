/* ov-imports-window.h — every import of the database, and its Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-window.h"

G_BEGIN_DECLS

#define OV_TYPE_IMPORTS_WINDOW (ov_imports_window_get_type ())

G_DECLARE_FINAL_TYPE (OvImportsWindow, ov_imports_window, OV, IMPORTS_WINDOW, AdwWindow)

OvImportsWindow *ov_imports_window_new        (OvWindow        *window);
guint            ov_imports_window_get_n_rows (OvImportsWindow *self);

G_END_DECLS
