/* ov-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-application.h"
#include "ov-context.h"
#include "ov-core.h"

G_BEGIN_DECLS

/* What the window shows; the nicks are the names of its pages. */
typedef enum
{
  OV_WINDOW_STATE_LOADING,
  OV_WINDOW_STATE_ERROR,
  OV_WINDOW_STATE_EMPTY,
  OV_WINDOW_STATE_PORTFOLIO,
} OvWindowState;

#define OV_TYPE_WINDOW_STATE (ov_window_state_get_type ())
GType       ov_window_state_get_type (void);
const char *ov_window_state_get_nick (OvWindowState state);

#define OV_TYPE_WINDOW (ov_window_get_type ())

G_DECLARE_FINAL_TYPE (OvWindow, ov_window, OV, WINDOW, AdwApplicationWindow)

OvWindow      *ov_window_new              (OvApplication *application,
                                           const char    *db_path);
OvStore       *ov_window_get_store        (OvWindow      *self);
OvContext     *ov_window_get_context      (OvWindow      *self);
OvAccountList *ov_window_get_accounts     (OvWindow      *self);
OvWindowState  ov_window_get_state        (OvWindow      *self);
void          ov_window_add_toast        (OvWindow      *self,
                                           AdwToast      *toast);
void          ov_window_show_error       (OvWindow      *self,
                                           const GError  *error);
void          ov_window_show_account     (OvWindow      *self,
                                           OvAccount     *account);
void          ov_window_reload           (OvWindow      *self);
GtkWidget     *ov_window_get_view         (OvWindow      *self,
                                           const char    *name);

G_END_DECLS
