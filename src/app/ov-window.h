/* ov-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-application.h"
#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_WINDOW (ov_window_get_type ())

G_DECLARE_FINAL_TYPE (OvWindow, ov_window, OV, WINDOW, AdwApplicationWindow)

OvWindow      *ov_window_new              (OvApplication *application,
                                           const char    *db_path);
OvStore       *ov_window_get_store        (OvWindow      *self);
OvAccountList *ov_window_get_accounts     (OvWindow      *self);
const char    *ov_window_get_state        (OvWindow      *self);
void          ov_window_add_toast        (OvWindow      *self,
                                           AdwToast      *toast);
void          ov_window_show_error       (OvWindow      *self,
                                           const GError  *error);
void          ov_window_show_account     (OvWindow      *self,
                                           OvAccount     *account);
void          ov_window_reload           (OvWindow      *self);

G_END_DECLS
