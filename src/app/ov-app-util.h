/* ov-app-util.h — small helpers the journey views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ov-core.h"

G_BEGIN_DECLS

void   ov_app_show_toast      (GtkWidget  *widget,
                               const char *message);
char  *ov_app_describe_due    (OvTask     *task,
                               OvDate      today,
                               const char **style_class);
char  *ov_app_format_days    (int         days);

G_END_DECLS
