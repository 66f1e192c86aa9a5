/* ov-ui-test.h — driving real Overture windows in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-application.h"
#include "ov-window.h"

G_BEGIN_DECLS

typedef gboolean (*OvUiCondition) (gpointer data);

void       ov_ui_test_init          (int           *argc,
                                     char        ***argv);
void       ov_ui_test_use_asked_language (void);
OvWindow  *ov_ui_test_open_window   (const char    *db_path);
void       ov_ui_test_close_window  (OvWindow      *window);
gboolean   ov_ui_test_wait          (OvUiCondition  condition,
                                     gpointer       data,
                                     guint          timeout_ms);
void       ov_ui_test_wait_state    (OvWindow      *window,
                                     const char    *state);
void       ov_ui_test_settle        (void);
GtkWidget *ov_ui_test_child         (gpointer       widget,
                                     GType          type,
                                     const char    *name);
void       ov_ui_test_screenshot    (GtkWidget     *widget,
                                     const char    *name);
GdkTexture *ov_ui_test_render       (GtkWidget     *widget);
char      *ov_ui_test_db_path       (const char    *name);
GtkWidget *ov_ui_test_find_label    (GtkWidget     *widget,
                                     const char    *prefix);
GtkWidget *ov_ui_test_find_button   (GtkWidget     *widget,
                                     const char    *label);
gpointer   ov_ui_test_find_window   (GType          type);
GPtrArray *ov_ui_test_labels        (GtkWidget     *widget);
guint      ov_ui_test_n_rows        (GtkWidget     *list_box);
void       ov_ui_test_scroll_to     (GtkWidget     *widget,
                                     gboolean       top_of_page);
void       ov_ui_test_shoot         (GtkWidget     *widget,
                                     const char    *name);
OvStore   *ov_ui_test_open_store    (const char    *db);
OvWindow  *ov_ui_test_open_sample_window (const char *name);
OvWindow  *ov_ui_test_open_narrow_window (const char *db);
GtkWidget *ov_ui_test_wait_toast    (OvWindow      *window,
                                     const char    *prefix);

G_END_DECLS
